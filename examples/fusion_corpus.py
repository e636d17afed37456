"""Stock-style multimodal fusion models, written the ways real code writes these
computations (plain PyTorch, no cldmdf), with how many computations each IR's
pass is expected to replace. Used by the compiler tests and benchmarks, and
loadable by cldmdf-opt:

    cldmdf-opt examples/fusion_corpus.py --model gated_unit --explain

The styles follow the fields where these computations appear: attention-based
multiple-instance pooling (one bag, no batch axis), hierarchical attention over
words and sentences (`bmm` with a context vector, `-1e9` masks), gated
multimodal units and branch mixing (a gate per feature), multimodal
transformers (`einsum`, `matmul`, heads folded into the batch, sequence-first
layouts), and prototype / centroid losses (unique + index_add / scatter_add /
index_put / one-hot matmul, `cross_entropy`, `nll_loss(log_softmax)`,
`logsumexp` minus the positive). Near misses are computations that look alike
but differ in the math; they must stay unfused.
"""
import math
from typing import List

import torch
import torch.nn as nn
import torch.nn.functional as F

B, M, D = 64, 4, 64

# ----------------------------------------------------------------- pooling over modalities


class AttentionPoolingFusion(nn.Module):
    """Per-modality encoders, then attention pooling: one score per modality."""

    def __init__(self, widths=(20, 30, 12, 40), dim=D, classes=10):
        super().__init__()
        self.encoders = nn.ModuleList(nn.Linear(w, dim) for w in widths)
        self.score = nn.Linear(dim, 1)
        self.head = nn.Linear(dim, classes)

    def forward(self, xs: List[torch.Tensor], mask):
        h = torch.stack([enc(xs[i]) for i, enc in enumerate(self.encoders)], dim=1)
        scores = self.score(torch.tanh(h))
        scores = scores.masked_fill(~mask.unsqueeze(-1), float("-inf"))
        alpha = F.softmax(scores, dim=1)
        return self.head((alpha * h).sum(dim=1))


class GatedMultimodalUnit(nn.Module):
    """The gated multimodal unit generalised to M modalities: a gate per feature."""

    def __init__(self, dim=D):
        super().__init__()
        self.value = nn.Linear(dim, dim)
        self.gate = nn.Linear(2 * dim, dim)

    def forward(self, h, mask):
        context = h.mean(dim=1, keepdim=True).expand_as(h)
        logits = self.gate(torch.cat([h, context], dim=-1))
        logits = torch.where(mask[:, :, None], logits, torch.full_like(logits, float("-inf")))
        z = torch.softmax(logits, dim=1)
        return (z * torch.tanh(self.value(h))).sum(dim=1)


class MultiHeadPooling(nn.Module):
    """Attention pooling with G heads, each pooling its own slice of the features."""

    def __init__(self, dim=D, groups=4):
        super().__init__()
        self.groups = groups
        self.gate = nn.Linear(dim, groups)

    def forward(self, h, mask):
        b, m, d = h.shape
        logits = self.gate(h).masked_fill(~mask[:, :, None], float("-inf"))
        w = torch.softmax(logits, dim=1)
        pooled = (h.view(b, m, self.groups, d // self.groups) * w[..., None]).sum(dim=1)
        return pooled.reshape(b, d)


class BagAttentionPooling(nn.Module):
    """Attention-based multiple-instance pooling over one bag [N, D]: no batch axis,
    the scores as a [1, N] row, the pooled bag by torch.mm."""

    def __init__(self, dim=D, hidden=32):
        super().__init__()
        self.V = nn.Linear(dim, hidden)
        self.w = nn.Linear(hidden, 1)

    def forward(self, bag):
        a = self.w(torch.tanh(self.V(bag)))      # [N, 1]
        a = torch.transpose(a, 1, 0)              # [1, N]
        a = F.softmax(a, dim=1)
        return torch.mm(a, bag)                   # [1, D]


class GatedBagAttention(nn.Module):
    """Gated attention MIL: tanh and sigmoid branches multiplied, softmax over instances."""

    def __init__(self, dim=D, hidden=32, classes=2):
        super().__init__()
        self.V = nn.Linear(dim, hidden)
        self.U = nn.Linear(dim, hidden)
        self.w = nn.Linear(hidden, 1)
        self.cls = nn.Linear(dim, classes)

    def forward(self, bag):
        a = self.w(torch.tanh(self.V(bag)) * torch.sigmoid(self.U(bag)))
        a = F.softmax(a.t(), dim=-1)
        return self.cls(a @ bag)


class ContextVectorAttention(nn.Module):
    """Hierarchical-attention style: projected states scored against a learned context
    vector, padding masked with -1e9, pooled with bmm of the unsqueezed weights."""

    def __init__(self, dim=D):
        super().__init__()
        self.proj = nn.Linear(dim, dim)
        self.context = nn.Parameter(torch.randn(dim) / math.sqrt(dim))

    def forward(self, h, mask):
        u = torch.tanh(self.proj(h))
        score = torch.matmul(u, self.context)              # [B, M]
        score = score.masked_fill(mask == 0, -1e9)
        alpha = F.softmax(score, dim=1)
        return torch.bmm(alpha.unsqueeze(1), h).squeeze(1)


class ModalityFirstPooling(nn.Module):
    """Modalities stacked first ([M, B, D], torch.stack's default), softmax over dim 0."""

    def __init__(self, dim=D, modalities=M):
        super().__init__()
        self.enc = nn.ModuleList(nn.Linear(dim, dim) for _ in range(modalities))
        self.att = nn.Linear(dim, 1, bias=False)

    def forward(self, x):
        h = torch.stack([f(x[:, i]) for i, f in enumerate(self.enc)])   # [M, B, D]
        w = torch.softmax(self.att(h), dim=0)
        return (w * h).sum(0)


class EinsumPooling(nn.Module):
    """Squeezed scores [B, M] (softmax over -1) and an einsum for the weighted sum."""

    def __init__(self, dim=D):
        super().__init__()
        self.q = nn.Parameter(torch.randn(dim) / math.sqrt(dim))

    def forward(self, h, mask):
        s = torch.einsum("bmd,d->bm", h, self.q).masked_fill(~mask, float("-inf"))
        return torch.einsum("bm,bmd->bd", s.softmax(dim=-1), h)


class AdditiveMaskPooling(nn.Module):
    """A float mask turned into an additive bias (BERT style), weighted sum by matmul."""

    def __init__(self, dim=D):
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, h, mask):
        bias = (1.0 - mask.float()) * -10000.0
        s = self.score(h).squeeze(-1) + bias
        w = torch.softmax(s, dim=-1)
        return torch.matmul(w.unsqueeze(1), h).squeeze(1)


class LogSoftmaxPooling(nn.Module):
    """Weights as log_softmax(...).exp() (kept in log space elsewhere in such code)."""

    def __init__(self, dim=D):
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, h):
        w = torch.log_softmax(self.score(h), dim=1).exp()
        return torch.sum(w * h, dim=1)


class ManualMaskedSoftmaxPooling(nn.Module):
    """A hand-written masked softmax: exp(s - max) times the float mask, over its sum."""

    def __init__(self, dim=D):
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, h, mask):
        s = self.score(h)
        m = mask.unsqueeze(-1).float()
        e = torch.exp(s - s.max(dim=1, keepdim=True)[0]) * m
        w = e / e.sum(dim=1, keepdim=True)
        return (w * h).sum(1)


class LearnedTemperaturePooling(nn.Module):
    """Scores divided by a learned temperature (a 0-dim parameter)."""

    def __init__(self, dim=D):
        super().__init__()
        self.score = nn.Linear(dim, 1)
        self.temperature = nn.Parameter(torch.tensor(0.7))

    def forward(self, h, mask):
        s = self.score(h).masked_fill(~mask[..., None], float("-inf")) / self.temperature
        return (torch.softmax(s, 1) * h).sum(1)


class BranchMixing(nn.Module):
    """Two branches mixed per feature: the branches stacked last, softmax over the branch
    axis (dim -1), summed over it."""

    def __init__(self, dim=D):
        super().__init__()
        self.a, self.b = nn.Linear(dim, dim), nn.Linear(dim, dim)
        self.ga, self.gb = nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, x):
        branches = torch.stack([F.relu(self.a(x)), F.relu(self.b(x))], dim=-1)   # [B, D, 2]
        gates = torch.stack([self.ga(x), self.gb(x)], dim=-1)
        return (F.softmax(gates, dim=-1) * branches).sum(-1)


class EinsumHeadPooling(nn.Module):
    """Multi-head pooling with the heads split by view and an einsum over them."""

    def __init__(self, dim=D, heads=8):
        super().__init__()
        self.heads = heads
        self.score = nn.Linear(dim, heads)

    def forward(self, h, mask):
        b, m, d = h.shape
        a = self.score(h).masked_fill(~mask.unsqueeze(2), float("-inf")).softmax(1)
        out = torch.einsum("bmh,bmhc->bhc", a, h.view(b, m, self.heads, d // self.heads))
        return out.flatten(1)


class SlicedModalityPooling(nn.Module):
    """The weighted sum unrolled by hand over the modality slices of a stacked tensor."""

    def __init__(self, dim=D):
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, h):
        w = torch.softmax(self.score(h).squeeze(-1), dim=1)      # [B, 3]
        return w[:, 0:1] * h[:, 0] + w[:, 1:2] * h[:, 1] + w[:, 2:3] * h[:, 2]


class TrimodalSeparatePooling(nn.Module):
    """Sentiment-analysis style: text, audio and video vectors kept as separate tensors, one
    score each from a shared scorer, the weighted sum written term by term over them."""

    def __init__(self, widths=(24, 12, 16), dim=D):
        super().__init__()
        self.text, self.audio, self.video = (nn.Linear(w, dim) for w in widths)
        self.score = nn.Linear(dim, 1)

    def forward(self, t, a, v):
        t, a, v = torch.tanh(self.text(t)), torch.tanh(self.audio(a)), torch.tanh(self.video(v))
        alpha = F.softmax(torch.cat([self.score(t), self.score(a), self.score(v)], dim=1), dim=1)
        return alpha[:, 0:1] * t + alpha[:, 1:2] * a + alpha[:, 2:3] * v


class ChunkedGateFusion(nn.Module):
    """A per-feature gate from the concatenated modalities, its softmax over the modality
    axis, the weights taken apart with chunk and applied to each modality's tensor."""

    def __init__(self, dim=D):
        super().__init__()
        self.gate = nn.Linear(3 * dim, 3 * dim)

    def forward(self, x1, x2, x3):
        g = self.gate(torch.cat([x1, x2, x3], dim=-1)).view(-1, 3, x1.shape[-1])
        g1, g2, g3 = g.softmax(dim=1).chunk(3, dim=1)
        return g1.squeeze(1) * x1 + g2.squeeze(1) * x2 + g3.squeeze(1) * x3


class SplitAttentionRadix(nn.Module):
    """Split attention over radix groups (ResNeSt's rSoftMax) on vectors: the input holds
    `radix` branches side by side, split apart, their sum scored, a softmax over the radix
    axis of the transposed view, and Python's sum() over the weighted pieces."""

    def __init__(self, channels=32, radix=2):
        super().__init__()
        self.radix = radix
        self.fc1, self.fc2 = nn.Linear(channels, channels // 2), nn.Linear(channels // 2, channels * radix)

    def forward(self, x):
        b, width = x.shape
        pieces = torch.split(x, width // self.radix, dim=1)
        attn = self.fc2(F.relu(self.fc1(sum(pieces))))
        attn = F.softmax(attn.view(b, 1, self.radix, -1).transpose(1, 2), dim=1).reshape(b, -1)
        return sum(a * p for a, p in zip(torch.split(attn, width // self.radix, dim=1), pieces))


class SelectiveKernelMaps(nn.Module):
    """Selective-kernel fusion of K branch feature maps [B, K, C, H, W]: channel logits per
    branch from the pooled sum, softmax over the branches, broadcast over the pixels."""

    def __init__(self, channels=16, branches=3):
        super().__init__()
        self.squeeze = nn.Linear(channels, channels // 2)
        self.branch_fc = nn.ModuleList(nn.Linear(channels // 2, channels) for _ in range(branches))
        self.softmax = nn.Softmax(dim=1)

    def forward(self, maps):
        s = F.relu(self.squeeze(maps.sum(dim=1).mean(dim=(2, 3))))
        logits = torch.stack([fc(s) for fc in self.branch_fc], dim=1)
        attn = self.softmax(logits)[..., None, None]
        return (maps * attn).sum(dim=1)


class VectorBagSoftmax(nn.Module):
    """One bag of instances [N, D], the scores a vector [N], the softmax written out with a
    max shift and no keepdim, the pooling a vector-matrix product."""

    def __init__(self, dim=D):
        super().__init__()
        self.v = nn.Linear(dim, dim // 2)
        self.w = nn.Linear(dim // 2, 1)

    def forward(self, bag):
        a = self.w(torch.tanh(self.v(bag))).squeeze(-1)
        e = torch.exp(a - a.amax(0))
        return (e / e.sum(0)) @ bag


class UpcastSoftmaxPooling(nn.Module):
    """The softmax computed in a wider dtype and cast back (the half-precision habit of
    large codebases: softmax(..., dtype=float32).type_as(x); float64 here on float32)."""

    def __init__(self, dim=D):
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, h, mask):
        s = self.score(h).masked_fill(~mask.unsqueeze(-1), float("-inf"))
        w = F.softmax(s, dim=1, dtype=torch.float64).type_as(h)
        return (w * h).sum(dim=1)


class FilledRemaskedPooling(nn.Module):
    """Scores filled with -1e9 where a modality is missing, and the mask multiplied into the
    weights again after the softmax (rows with nothing present give 0, not uniform weights)."""

    def __init__(self, dim=D):
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, h, mask):
        s = self.score(h).squeeze(-1).masked_fill(mask == 0, -1e9)
        w = torch.softmax(s, dim=-1) * mask.float()
        return torch.einsum("bm,bmd->bd", w, h)


class SigmoidGatedUnit(nn.Module):
    """The gated multimodal unit of two modalities as published: tanh branches, one sigmoid
    gate per feature from both inputs, z * h1 + (1 - z) * h2 (a two-way softmax of (a, 0))."""

    def __init__(self, widths=(20, 30), dim=D):
        super().__init__()
        self.h1, self.h2 = nn.Linear(widths[0], dim), nn.Linear(widths[1], dim)
        self.gate = nn.Linear(sum(widths), dim)

    def forward(self, x1, x2):
        h1, h2 = torch.tanh(self.h1(x1)), torch.tanh(self.h2(x2))
        z = torch.sigmoid(self.gate(torch.cat([x1, x2], dim=1)))
        return z * h1 + (1 - z) * h2


class SeedQueryPooling(nn.Module):
    """Pooling by multi-head attention (Set Transformer's PMA): a learned seed query attends
    over the modality tokens through nn.MultiheadAttention, missing ones as key padding."""

    def __init__(self, dim=D, heads=4):
        super().__init__()
        self.seed = nn.Parameter(torch.randn(1, 1, dim) / math.sqrt(dim))
        self.attn = nn.MultiheadAttention(dim, heads, batch_first=True)

    def forward(self, h, mask):
        seed = self.seed.expand(h.shape[0], -1, -1)
        pooled, _ = self.attn(seed, h, h, key_padding_mask=~mask, need_weights=False)
        return pooled.squeeze(1)


class MeanTokenAttentionPool(nn.Module):
    """CLIP-style attention pool: the mean of the tokens is the one query, over the tokens and
    itself, through scaled_dot_product_attention with the heads split by view."""

    def __init__(self, dim=D, heads=4):
        super().__init__()
        self.heads = heads
        self.q, self.k, self.v = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, h):
        x = torch.cat([h.mean(dim=1, keepdim=True), h], dim=1)
        b, n, d = x.shape
        q = self.q(x[:, :1]).view(b, 1, self.heads, -1).transpose(1, 2)
        k = self.k(x).view(b, n, self.heads, -1).transpose(1, 2)
        v = self.v(x).view(b, n, self.heads, -1).transpose(1, 2)
        return F.scaled_dot_product_attention(q, k, v).transpose(1, 2).reshape(b, d)


# ----------------------------------------------------------------- attention across modalities


class CrossModalAttentionBlock(nn.Module):
    """Feature gating, then multi-head attention across modalities (einsum), residual, norm."""

    def __init__(self, dim=D, heads=4, tau=0.5):
        super().__init__()
        self.heads, self.tau = heads, tau
        self.feat = nn.Linear(dim, dim)
        self.qk = nn.Linear(dim, 2 * dim)
        self.proj = nn.Linear(dim, dim)
        self.norm = nn.LayerNorm(dim)

    def forward(self, x, mask):
        b, m, d = x.shape
        gates = torch.softmax(self.feat(x) / self.tau, dim=-1)
        values = d * gates * x
        q, k = self.qk(x).chunk(2, dim=-1)
        q = q.reshape(b, m, self.heads, -1)
        k = k.reshape(b, m, self.heads, -1)
        att = torch.einsum("bihd,bjhd->bhij", q, k) / math.sqrt(d // self.heads)
        att = att.masked_fill(~mask[:, None, None, :], float("-inf"))
        att = att.softmax(dim=-1)
        out = torch.einsum("bhij,bjhd->bihd", att, values.reshape(b, m, self.heads, -1))
        return self.norm(x + self.proj(out.reshape(b, m, d)))


class _MatmulAttentionBlock(nn.Module):
    """Feature softmax gating and multi-head attention across modalities (matmul spelling)."""

    def __init__(self, dim=D, heads=8):
        super().__init__()
        self.heads = heads
        self.feat, self.q, self.k = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, x, mask):
        b, m, d = x.shape
        fw = torch.softmax(self.feat(x), dim=2)
        v = d * fw * x
        q = self.q(x).view(b, m, self.heads, -1).transpose(1, 2)
        k = self.k(x).view(b, m, self.heads, -1).transpose(1, 2)
        s = torch.matmul(q, k.transpose(-2, -1)) * (1.0 / math.sqrt(d // self.heads))
        s = s.masked_fill(~mask[:, None, None, :], float("-inf"))
        a = torch.softmax(s, dim=-1)
        out = torch.matmul(a, v.view(b, m, self.heads, -1).transpose(1, 2))
        return x + out.transpose(1, 2).reshape(b, m, d)


class ModalityTransformer(nn.Module):
    """Two attention blocks (matmul spelling) and attention pooling, then a classifier."""

    def __init__(self, dim=D, heads=8, classes=10):
        super().__init__()
        self.blocks = nn.ModuleList(_MatmulAttentionBlock(dim, heads) for _ in range(2))
        self.pool = nn.Linear(dim, 1)
        self.head = nn.Linear(dim, classes)

    def forward(self, x, mask):
        for block in self.blocks:
            x = block(x, mask)
        w = self.pool(x).masked_fill(~mask.unsqueeze(-1), float("-inf")).softmax(dim=1)
        return self.head((w * x).sum(dim=1))


class SingleHeadModalityAttention(nn.Module):
    """All modalities always present: feature softmax and one attention head, no mask."""

    def __init__(self, dim=D):
        super().__init__()
        self.feat, self.q, self.k = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, x):
        d = x.shape[-1]
        v = d * torch.softmax(self.feat(x), dim=-1) * x
        scores = torch.matmul(self.q(x), self.k(x).transpose(-2, -1)) * (1.0 / math.sqrt(d))
        return torch.matmul(torch.softmax(scores, dim=-1), v)


class ScaledByWidthAttention(nn.Module):
    """Scores scaled by sqrt(D), not sqrt(D / heads): the operator's fixed 1/sqrt(d_k) is
    corrected by prescaling the queries (exact)."""

    def __init__(self, dim=D, heads=4):
        super().__init__()
        self.heads = heads
        self.feat, self.q, self.k = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, x, mask):
        b, m, d = x.shape
        v = d * torch.softmax(self.feat(x), dim=-1) * x
        q = self.q(x).view(b, m, self.heads, -1).transpose(1, 2)
        k = self.k(x).view(b, m, self.heads, -1).transpose(1, 2)
        s = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(d)
        s = s.masked_fill(~mask[:, None, None, :], float("-inf"))
        out = torch.matmul(torch.softmax(s, dim=-1), v.view(b, m, self.heads, -1).transpose(1, 2))
        return out.transpose(1, 2).reshape(b, m, d)


class FoldedHeadsAttention(nn.Module):
    """Heads folded into the batch for bmm ([B*H, M, d]), the mask expanded the same way."""

    def __init__(self, dim=D, heads=4):
        super().__init__()
        self.h = heads
        self.gate = nn.Linear(dim, dim)
        self.wq, self.wk = nn.Linear(dim, dim, bias=False), nn.Linear(dim, dim, bias=False)

    def forward(self, x, mask):
        b, m, d = x.shape
        h, dk = self.h, d // self.h
        v = F.softmax(self.gate(x), dim=-1) * x * d
        q = self.wq(x).view(b, m, h, dk).permute(0, 2, 1, 3).reshape(b * h, m, dk)
        k = self.wk(x).view(b, m, h, dk).permute(0, 2, 1, 3).reshape(b * h, m, dk)
        v = v.view(b, m, h, dk).permute(0, 2, 1, 3).reshape(b * h, m, dk)
        s = torch.bmm(q, k.transpose(1, 2)) / math.sqrt(dk)
        keep = mask[:, None, None, :].expand(b, h, 1, m).reshape(b * h, 1, m)
        s = s.masked_fill(~keep, float("-inf"))
        out = torch.bmm(F.softmax(s, dim=-1), v)                            # [B*H, M, dk]
        return out.view(b, h, m, dk).permute(0, 2, 1, 3).reshape(b, m, d)


class LearnedScaleAttention(nn.Module):
    """Scores times a learned scalar (a 0-dim parameter) instead of 1/sqrt(d_k)."""

    def __init__(self, dim=D, heads=2):
        super().__init__()
        self.heads = heads
        self.feat, self.q, self.k = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)
        self.scale = nn.Parameter(torch.tensor(0.3))

    def forward(self, x, mask):
        b, m, d = x.shape
        v = d * torch.softmax(self.feat(x), dim=-1) * x
        q = self.q(x).view(b, m, self.heads, -1).transpose(1, 2)
        k = self.k(x).view(b, m, self.heads, -1).transpose(1, 2)
        s = torch.matmul(q, k.transpose(-2, -1)) * self.scale
        s = torch.where(mask[:, None, None, :], s, torch.full_like(s, float("-inf")))
        out = torch.matmul(s.softmax(-1), v.view(b, m, self.heads, -1).transpose(1, 2))
        return out.transpose(1, 2).reshape(b, m, d)


class UnbatchedModalityAttention(nn.Module):
    """One sample's modalities [M, D], no batch axis: k.T, @, softmax(-1)."""

    def __init__(self, dim=D):
        super().__init__()
        self.feat, self.q, self.k = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, x):
        d = x.size(-1)
        v = torch.softmax(self.feat(x), -1) * x * d
        a = torch.softmax(self.q(x) @ self.k(x).T / math.sqrt(d), dim=-1)
        return a @ v


class SequenceFirstAttention(nn.Module):
    """Sequence-first layout [M, B, D] (nn.MultiheadAttention's default) with einsum over
    it, heads split on the last axis, a key padding mask [B, M]."""

    def __init__(self, dim=D, heads=4):
        super().__init__()
        self.heads = heads
        self.feat, self.q, self.k = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, x, key_padding_mask):
        m, b, d = x.shape
        h = self.heads
        v = (d * F.softmax(self.feat(x), dim=-1) * x).view(m, b, h, d // h)
        q = self.q(x).view(m, b, h, d // h)
        k = self.k(x).view(m, b, h, d // h)
        s = torch.einsum("ibhd,jbhd->bhij", q, k) * (d // h) ** -0.5
        s = s.masked_fill(key_padding_mask[:, None, None, :], float("-inf"))
        out = torch.einsum("bhij,jbhd->ibhd", s.softmax(-1), v)
        return out.reshape(m, b, d)


class SdpaModalityAttention(nn.Module):
    """Attention across modalities through F.scaled_dot_product_attention (a boolean key
    mask), on values gated by a feature softmax."""

    def __init__(self, dim=D, heads=4):
        super().__init__()
        self.heads = heads
        self.feat, self.qkv = nn.Linear(dim, dim), nn.Linear(dim, 2 * dim)

    def forward(self, x, mask):
        b, m, d = x.shape
        v = x * torch.softmax(self.feat(x), dim=-1) * d
        q, k = self.qkv(x).split(d, dim=-1)
        q = q.reshape(b, m, self.heads, -1).transpose(1, 2)
        k = k.reshape(b, m, self.heads, -1).transpose(1, 2)
        v = v.reshape(b, m, self.heads, -1).transpose(1, 2)
        out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask[:, None, None, :])
        return out.transpose(1, 2).flatten(2)


class AttentionReturningWeights(nn.Module):
    """Feature gating and attention with the heads folded into the batch, returning the
    attention weights too (the caller plots them)."""

    def __init__(self, dim=D, heads=4):
        super().__init__()
        self.heads = heads
        self.gate, self.q, self.k = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)

    def fold(self, t):
        b, m, d = t.shape
        return t.reshape(b, m, self.heads, d // self.heads).transpose(1, 2).reshape(
            b * self.heads, m, d // self.heads)

    def forward(self, x, mask):
        b, m, d = x.shape
        h, dh = self.heads, d // self.heads
        v = d * torch.softmax(self.gate(x), dim=-1) * x
        scores = torch.bmm(self.fold(self.q(x)) * dh ** -0.5, self.fold(self.k(x)).transpose(1, 2))
        keep = mask[:, None, None, :].expand(b, h, 1, m).reshape(b * h, 1, m)
        p = torch.softmax(scores.masked_fill(~keep, float("-inf")), dim=-1)
        out = torch.bmm(p, self.fold(v)).reshape(b, h, m, dh).transpose(1, 2).reshape(b, m, d)
        return out, p.reshape(b, h, m, m)


# ----------------------------------------------------------------- centroid losses


class PrototypeLoss(nn.Module):
    """Supervised prototypes: embeddings pulled toward the normalised mean of their class."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=1)
        classes, target = torch.unique(labels, return_inverse=True)
        prototypes = z.new_zeros(classes.shape[0], z.shape[1]).index_add(0, target, z)
        logits = z @ F.normalize(prototypes, dim=1).t() / self.tau
        return F.cross_entropy(logits, target)


class ScatterCentroidLoss(nn.Module):
    """Centroids by scatter_add of the normalised points (norm + clamp + div spelled out),
    the loss per point (reduction='none')."""

    def __init__(self, dim=D, proj=32, tau=0.2):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        e = self.proj(h)
        z = e / e.norm(p=2, dim=-1, keepdim=True).clamp_min(1e-12)
        ids, inv = torch.unique(labels, return_inverse=True)
        idx = inv.unsqueeze(1).expand(-1, z.size(1))
        sums = torch.zeros(ids.size(0), z.size(1), dtype=z.dtype).scatter_add(0, idx, z)
        c = sums / torch.linalg.vector_norm(sums, dim=-1, keepdim=True).clamp_min(1e-12)
        return F.cross_entropy(torch.mm(z, c.t()) * (1.0 / self.tau), inv, reduction="none")


class OneHotCentroidLoss(nn.Module):
    """Centroids by a one-hot matmul (the one-hot matrix as ids == arange), the loss as
    nll_loss of log_softmax, summed."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), p=2.0, dim=1)
        ids, inv = torch.unique(labels, sorted=True, return_inverse=True)
        onehot = (inv[:, None] == torch.arange(ids.shape[0])[None, :]).to(z.dtype)
        centroids = F.normalize(onehot.t() @ z, dim=1)
        logp = F.log_softmax(z @ centroids.t() / self.tau, dim=1)
        return F.nll_loss(logp, inv, reduction="sum")


class IndexPutCentroidLoss(nn.Module):
    """Centroids accumulated with index_put_(accumulate=True), normalised by rsqrt of the
    sum of squares."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        e = self.proj(h)
        z = e * torch.rsqrt((e * e).sum(dim=1, keepdim=True) + 1e-12)
        ids, inv = torch.unique(labels, return_inverse=True)
        sums = torch.zeros(ids.shape[0], e.shape[1], dtype=e.dtype)
        sums.index_put_((inv,), z, accumulate=True)
        c = F.normalize(sums, dim=1)
        return F.cross_entropy(z @ c.T / self.tau, inv)


class LogSumExpCentroidLoss(nn.Module):
    """The loss written out: logsumexp over the centroids minus the positive logit
    (gathered), averaged."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=-1)
        ids, inv = torch.unique(labels, return_inverse=True)
        if not torch.jit.is_tracing():
            torch._check(ids.numel() > 0)  # export-aware code: logsumexp needs a non-empty row
        c = F.normalize(torch.zeros(ids.numel(), z.shape[1]).index_add_(0, inv, z), dim=-1)
        logits = torch.matmul(z, c.transpose(0, 1)) / self.tau
        positive = logits.gather(1, inv.unsqueeze(1)).squeeze(1)
        return (torch.logsumexp(logits, dim=1) - positive).mean()


class LogitScaleCentroidLoss(nn.Module):
    """CLIP-style learned temperature: cosines times logit_scale.exp() (a 0-dim parameter
    initialised at log(1/0.07)), then cross_entropy."""

    def __init__(self, dim=D, proj=32):
        super().__init__()
        self.proj = nn.Linear(dim, proj)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=-1)
        ids, inv = torch.unique(labels, return_inverse=True)
        c = F.normalize(torch.zeros(ids.shape[0], z.shape[1]).index_add(0, inv, z), dim=-1)
        return F.cross_entropy(self.logit_scale.exp() * z @ c.t(), inv)


class Ge2eStyleLoss(nn.Module):
    """GE2E-style scoring: w * cos + b with learned w and b of shape [1] (the bias cancels in
    the softmax), log_softmax + nll_loss summed."""

    def __init__(self, dim=D, proj=32):
        super().__init__()
        self.proj = nn.Linear(dim, proj)
        self.w, self.b = nn.Parameter(torch.tensor([10.0])), nn.Parameter(torch.tensor([-5.0]))

    def forward(self, h, labels):
        e = self.proj(h)
        z = e / e.norm(p=2, dim=1, keepdim=True).clamp_min(1e-12)
        ids, inv = torch.unique(labels, return_inverse=True)
        idx = inv[:, None].expand(-1, z.shape[1])
        sums = torch.zeros(ids.numel(), z.shape[1]).scatter_add(0, idx, z)
        cos = z @ F.normalize(sums, dim=1).T
        return F.nll_loss(F.log_softmax(self.w * cos + self.b, dim=1), inv, reduction="sum")


class LinearCosineLoss(nn.Module):
    """The cosine matrix as F.linear(z, centroids) (the ArcFace / CLIP idiom), a clamped
    learned logit scale, the loss summed."""

    def __init__(self, dim=D, proj=32):
        super().__init__()
        self.proj = nn.Linear(dim, proj)
        self.logit_scale = nn.Parameter(torch.tensor(math.log(1 / 0.07)))

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), p=2.0, dim=-1)
        ids, inv = torch.unique(labels, return_inverse=True)
        c = F.normalize(torch.zeros(ids.shape[0], z.shape[1]).index_add_(0, inv, z), p=2.0, dim=-1)
        scale = self.logit_scale.exp().clamp(max=100)
        return F.cross_entropy(scale * F.linear(z, c), inv, reduction="sum")


class ClassMeanPrototypeLoss(nn.Module):
    """Prototypical-network class means (sums over unique's counts) before normalising, the
    loss as the negated mean of the log-probability gathered with inv[:, None]."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=1)
        ids, inv, counts = torch.unique(labels, return_inverse=True, return_counts=True)
        means = torch.zeros(ids.shape[0], z.shape[1]).index_add(0, inv, z) / counts[:, None]
        logp = F.log_softmax(z @ F.normalize(means, dim=1).T / self.tau, dim=1)
        return -logp.gather(1, inv[:, None]).squeeze(1).mean()


class ScatterMeanCentroidLoss(nn.Module):
    """Centroids by scatter_reduce(mean), points normalised with linalg.norm, the loss as
    nll_loss of log_softmax."""

    def __init__(self, dim=D, proj=32, tau=0.25):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        e = self.proj(h)
        z = e / torch.linalg.norm(e, dim=1, keepdim=True).clamp_min(1e-12)
        ids, inv = torch.unique(labels, return_inverse=True)
        index = inv.unsqueeze(1).expand_as(z)
        c = torch.zeros(ids.shape[0], z.shape[1]).scatter_reduce(0, index, z, reduce="mean",
                                                                  include_self=False)
        c = F.normalize(c, dim=1)
        return F.nll_loss(F.log_softmax(torch.matmul(z, c.t()) / self.tau, dim=1), inv)


class CosineSimilarityGe2eLoss(nn.Module):
    """GE2E with F.cosine_similarity broadcast between every point and every speaker's sum,
    a clamped learned weight and a bias."""

    def __init__(self, dim=D, proj=32):
        super().__init__()
        self.proj = nn.Linear(dim, proj)
        self.w, self.b = nn.Parameter(torch.tensor(10.0)), nn.Parameter(torch.tensor(-5.0))

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=-1)
        speakers, inv = torch.unique(labels, return_inverse=True)
        sums = torch.zeros(speakers.shape[0], z.shape[1]).index_add(0, inv, z)
        cos = F.cosine_similarity(z.unsqueeze(1), sums.unsqueeze(0), dim=-1)
        return F.cross_entropy(torch.clamp(self.w, min=1e-6) * cos + self.b, inv)


class MembershipMatmulLoss(nn.Module):
    """Centroid sums as a membership matrix (unique values == labels) times the points."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=-1)
        ids, inv = torch.unique(labels, return_inverse=True)
        member = (ids[:, None] == labels[None, :]).float()
        c = F.normalize(member @ z, dim=-1)
        return F.cross_entropy(z @ c.T / self.tau, inv)


# ----------------------------------------------------------------- near misses


class AllModalitiesNormaliser(nn.Module):
    """Near miss: exp of the scores masked, but normalised by the sum over every modality,
    the missing ones included."""

    def __init__(self, dim=D):
        super().__init__()
        self.score = nn.Linear(dim, 1)

    def forward(self, h, mask):
        e = torch.exp(self.score(h))
        w = e * mask.unsqueeze(-1).float() / e.sum(dim=1, keepdim=True)
        return (w * h).sum(1)


class PositionalBiasAttention(nn.Module):
    """Near miss: a learned positional bias added to the attention scores."""

    def __init__(self, dim=D, heads=4, modalities=M):
        super().__init__()
        self.heads = heads
        self.feat, self.q, self.k = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)
        self.bias = nn.Parameter(torch.randn(heads, modalities, modalities) * 0.1)

    def forward(self, x, mask):
        b, m, d = x.shape
        v = d * torch.softmax(self.feat(x), dim=-1) * x
        q = self.q(x).view(b, m, self.heads, -1).transpose(1, 2)
        k = self.k(x).view(b, m, self.heads, -1).transpose(1, 2)
        s = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(d // self.heads) + self.bias
        s = s.masked_fill(~mask[:, None, None, :], float("-inf"))
        out = torch.matmul(torch.softmax(s, dim=-1), v.view(b, m, self.heads, -1).transpose(1, 2))
        return out.transpose(1, 2).reshape(b, m, d)


class FiniteFillAttention(nn.Module):
    """Near miss: attention masked with -1e9. Rows with nothing present get uniform weights
    from this code and 0 from the operator, which computes the scores itself."""

    def __init__(self, dim=D, heads=4):
        super().__init__()
        self.heads = heads
        self.feat, self.q, self.k = nn.Linear(dim, dim), nn.Linear(dim, dim), nn.Linear(dim, dim)

    def forward(self, x, mask):
        b, m, d = x.shape
        v = d * torch.softmax(self.feat(x), dim=-1) * x
        q = self.q(x).view(b, m, self.heads, -1).transpose(1, 2)
        k = self.k(x).view(b, m, self.heads, -1).transpose(1, 2)
        s = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(d // self.heads)
        s = s.masked_fill(mask[:, None, None, :] == 0, -1e9)
        out = torch.matmul(torch.softmax(s, dim=-1), v.view(b, m, self.heads, -1).transpose(1, 2))
        return out.transpose(1, 2).reshape(b, m, d)


class FeatureSoftmaxGate(nn.Module):
    """Near miss: a softmax over the features gating the values, with no sum over
    modalities after it."""

    def __init__(self, dim=D):
        super().__init__()
        self.gate = nn.Linear(dim, dim)

    def forward(self, h):
        return torch.softmax(self.gate(h), dim=-1) * h


class MemoryBankLoss(nn.Module):
    """Near miss: the centroids come from a memory bank (a buffer updated elsewhere, as
    k-means or momentum prototypes are), not from the batch."""

    def __init__(self, dim=D, proj=32, classes=10, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau
        self.register_buffer("bank", F.normalize(torch.randn(classes, proj), dim=1))

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=1)
        return F.cross_entropy(z @ self.bank.t() / self.tau, labels)


class UnnormalisedCentroidLoss(nn.Module):
    """Near miss: the centroids are summed but not normalised."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=1)
        ids, inv = torch.unique(labels, return_inverse=True)
        sums = z.new_zeros(ids.shape[0], z.shape[1]).index_add(0, inv, z)
        return F.cross_entropy(z @ sums.t() / self.tau, inv)


class ClampedCosineLoss(nn.Module):
    """Near miss: the cosines are clamped before the temperature."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=1)
        ids, inv = torch.unique(labels, return_inverse=True)
        c = F.normalize(z.new_zeros(ids.shape[0], z.shape[1]).index_add(0, inv, z), dim=1)
        return F.cross_entropy((z @ c.t()).clamp(-0.9, 0.9) / self.tau, inv)


class FixedClassCountLoss(nn.Module):
    """Near miss: prototypes for a fixed number of classes (labels used as indices): a class
    absent from the batch keeps a zero prototype whose logit 0 enters every denominator."""

    def __init__(self, dim=D, proj=32, classes=10, tau=0.1):
        super().__init__()
        self.proj, self.tau, self.classes = nn.Linear(dim, proj), tau, classes

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=1)
        protos = torch.zeros(self.classes, z.shape[1]).index_add(0, labels, z)
        return F.cross_entropy(z @ F.normalize(protos, dim=1).t() / self.tau, labels)


class DetachedCentroidLoss(nn.Module):
    """Near miss: the centroids are detached (a stop-gradient): the value is the loss's, the
    gradient is not (the operator's gradient flows through the centroids too)."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=1)
        ids, inv = torch.unique(labels, return_inverse=True)
        c = F.normalize(torch.zeros(ids.shape[0], z.shape[1]).index_add(0, inv, z), dim=1)
        return F.cross_entropy(z @ c.detach().T / self.tau, inv)


class RawSumCosineLoss(nn.Module):
    """Near miss: cosine_similarity against sums of the raw (unnormalised) points: a
    different centroid from the normalised points' one."""

    def __init__(self, dim=D, proj=32):
        super().__init__()
        self.proj = nn.Linear(dim, proj)

    def forward(self, h, labels):
        e = self.proj(h)
        ids, inv = torch.unique(labels, return_inverse=True)
        sums = torch.zeros(ids.shape[0], e.shape[1]).index_add(0, inv, e)
        return F.cross_entropy(10 * F.cosine_similarity(e[:, None], sums[None], dim=-1), inv)


class ScatterMaxCentroidLoss(nn.Module):
    """Near miss: 'centroids' by scatter_reduce(amax): the largest coordinate per class, not a
    sum."""

    def __init__(self, dim=D, proj=32, tau=0.1):
        super().__init__()
        self.proj, self.tau = nn.Linear(dim, proj), tau

    def forward(self, h, labels):
        z = F.normalize(self.proj(h), dim=1)
        ids, inv = torch.unique(labels, return_inverse=True)
        c = torch.zeros(ids.shape[0], z.shape[1]).scatter_reduce(
            0, inv[:, None].expand_as(z), z, reduce="amax", include_self=False)
        return F.cross_entropy(z @ F.normalize(c, dim=1).T / self.tau, inv)


class IndependentSigmoidGates(nn.Module):
    """Near miss: each modality has its own sigmoid gate; the gates do not sum to one."""

    def __init__(self, widths=(20, 30), dim=D):
        super().__init__()
        self.h1, self.h2 = nn.Linear(widths[0], dim), nn.Linear(widths[1], dim)
        self.g1, self.g2 = nn.Linear(widths[0], dim), nn.Linear(widths[1], dim)

    def forward(self, x1, x2):
        return (torch.sigmoid(self.g1(x1)) * torch.tanh(self.h1(x1)) +
                torch.sigmoid(self.g2(x2)) * torch.tanh(self.h2(x2)))


# ----------------------------------------------------------------- inputs and expectations


def _mask(batch=B, modalities=M, seed=0):
    g = torch.Generator().manual_seed(seed)
    mask = torch.rand(batch, modalities, generator=g) > 0.3
    mask[torch.arange(batch), torch.randint(0, modalities, (batch,), generator=g)] = True
    return mask


def _tokens(batch=B, modalities=M, dim=D, seed=0):
    return torch.randn(batch, modalities, dim, generator=torch.Generator().manual_seed(seed))


def _labels(batch=B):
    return torch.arange(batch) % 10


AF, DA, CL = "adaptive_fusion", "dual_attention", "centroid_contrastive_loss"
tok = lambda b=B: (_tokens(b), _mask(b))  # noqa: E731
tok_nomask = lambda b=B: (_tokens(b),)  # noqa: E731
loss_in = lambda b=B: (_tokens(b)[:, 0], _labels(b))  # noqa: E731

# name -> (model factory, example inputs (batch size -> inputs), expected fusions in
# exported programs, TorchScript and backend="cldmdf"; "inductor": what the Inductor pass
# fuses where it differs (its cost rule, and torch.unique breaking Dynamo's graph);
# "batch": the index of the batch dim of every input (None: no batch axis, not varied))
CORPUS = {
    "attention_pooling": (AttentionPoolingFusion,
                          lambda b=B: ([torch.randn(b, w) for w in (20, 30, 12, 40)], _mask(b)),
                          {AF: 1}),
    "gated_unit": (GatedMultimodalUnit, tok, {AF: 1}),
    "multi_head_pooling": (MultiHeadPooling, tok, {AF: 1}),
    "bag_attention": (BagAttentionPooling, lambda b=B: (_tokens(1, b)[0],), {AF: 1}),
    "gated_bag_attention": (GatedBagAttention, lambda b=B: (_tokens(1, b)[0],), {AF: 1}),
    "context_vector_attention": (ContextVectorAttention, tok, {AF: 1}),
    "modality_first_pooling": (ModalityFirstPooling, tok_nomask, {AF: 1}),
    "einsum_pooling": (EinsumPooling, tok, {AF: 1}),
    "additive_mask_pooling": (AdditiveMaskPooling, tok, {AF: 1}),
    "log_softmax_pooling": (LogSoftmaxPooling, tok_nomask, {AF: 1}),
    "manual_masked_softmax": (ManualMaskedSoftmaxPooling, tok, {AF: 1}),
    "learned_temperature_pooling": (LearnedTemperaturePooling, tok, {AF: 1}),
    "branch_mixing": (BranchMixing, lambda b=B: (_tokens(b)[:, 0],), {AF: 1}),
    "einsum_head_pooling": (EinsumHeadPooling, tok, {AF: 1}),
    "sliced_modality_pooling": (SlicedModalityPooling, lambda b=B: (_tokens(b, 3),), {AF: 1}),
    "cross_modal_block": (CrossModalAttentionBlock, tok, {DA: 1}),
    "modality_transformer": (ModalityTransformer, tok, {DA: 2, AF: 1}),
    "single_head": (SingleHeadModalityAttention, tok_nomask, {DA: 1}),
    "scaled_by_width": (ScaledByWidthAttention, tok, {DA: 1}),
    "folded_heads_attention": (FoldedHeadsAttention, tok, {DA: 1}),
    "learned_scale_attention": (LearnedScaleAttention, tok, {DA: 1}),
    "unbatched_attention": (UnbatchedModalityAttention, lambda b=B: (_tokens(1, 5)[0],), {DA: 1}),
    "sequence_first_attention": (SequenceFirstAttention,
                                 lambda b=B: (_tokens(b).transpose(0, 1).contiguous(), ~_mask(b)),
                                 {DA: 1}),
    "sdpa_modality_attention": (SdpaModalityAttention, tok, {DA: 1}),
    "prototype_loss": (PrototypeLoss, loss_in, {CL: 1}),
    "scatter_centroid_loss": (ScatterCentroidLoss, loss_in, {CL: 1}),
    "one_hot_centroid_loss": (OneHotCentroidLoss, loss_in, {CL: 1}),
    "index_put_centroid_loss": (IndexPutCentroidLoss, loss_in, {CL: 1}),
    "logsumexp_centroid_loss": (LogSumExpCentroidLoss, loss_in, {CL: 1}),
    "logit_scale_centroid_loss": (LogitScaleCentroidLoss, loss_in, {CL: 1}),
    "ge2e_style_loss": (Ge2eStyleLoss, loss_in, {CL: 1}),
    "trimodal_separate_pooling": (TrimodalSeparatePooling,
                                  lambda b=B: tuple(torch.randn(b, w) for w in (24, 12, 16)), {AF: 1}),
    "chunked_gate_fusion": (ChunkedGateFusion, lambda b=B: tuple(_tokens(b, 3).unbind(1)), {AF: 1}),
    "split_attention_radix": (SplitAttentionRadix, lambda b=B: (torch.randn(b, 64),), {AF: 1}),
    "selective_kernel_maps": (SelectiveKernelMaps, lambda b=B: (torch.randn(b, 3, 16, 4, 4),), {AF: 1}),
    "vector_bag_softmax": (VectorBagSoftmax, lambda b=B: (_tokens(1, b)[0],), {AF: 1}),
    "upcast_softmax_pooling": (UpcastSoftmaxPooling, tok, {AF: 1}),
    "filled_remasked_pooling": (FilledRemaskedPooling, tok, {AF: 1}),
    "sigmoid_gated_unit": (SigmoidGatedUnit, lambda b=B: (torch.randn(b, 20), torch.randn(b, 30)),
                           {AF: 1}),
    "seed_query_pooling": (SeedQueryPooling, tok, {AF: 1}),
    "mean_token_attention_pool": (MeanTokenAttentionPool, tok_nomask, {AF: 1}),
    "attention_returning_weights": (AttentionReturningWeights, tok, {DA: 1}),
    "linear_cosine_loss": (LinearCosineLoss, loss_in, {CL: 1}),
    "class_mean_prototype_loss": (ClassMeanPrototypeLoss, loss_in, {CL: 1}),
    "scatter_mean_centroid_loss": (ScatterMeanCentroidLoss, loss_in, {CL: 1}),
    "cosine_similarity_ge2e_loss": (CosineSimilarityGe2eLoss, loss_in, {CL: 1}),
    "membership_matmul_loss": (MembershipMatmulLoss, loss_in, {CL: 1}),
    "near_miss_all_modalities_normaliser": (AllModalitiesNormaliser, tok, {}),
    "near_miss_positional_bias": (PositionalBiasAttention, tok, {}),
    "near_miss_finite_fill_attention": (FiniteFillAttention, tok, {}),
    "near_miss_feature_softmax_gate": (FeatureSoftmaxGate, tok_nomask, {}),
    "near_miss_memory_bank": (MemoryBankLoss, loss_in, {}),
    "near_miss_unnormalised_centroids": (UnnormalisedCentroidLoss, loss_in, {}),
    "near_miss_clamped_cosine": (ClampedCosineLoss, loss_in, {}),
    "near_miss_fixed_class_count": (FixedClassCountLoss, loss_in, {}),
    "near_miss_detached_centroids": (DetachedCentroidLoss, loss_in, {}),
    "near_miss_raw_sum_cosine": (RawSumCosineLoss, loss_in, {}),
    "near_miss_scatter_max_centroids": (ScatterMaxCentroidLoss, loss_in, {}),
    "near_miss_independent_sigmoid_gates": (IndependentSigmoidGates,
                                            lambda b=B: (torch.randn(b, 20), torch.randn(b, 30)), {}),
}

# The Inductor pass: adaptive fusion, single-head attention and the loss are left to Inductor
# by the cost rule (inductor_pass(cost_rule=False) fuses them).
_SINGLE_HEAD = {"single_head", "unbatched_attention"}


# Inductor and torch-mlir decompose cosine_similarity into a form the core does not read back
_DECOMPOSED_COSINE = {"cosine_similarity_ge2e_loss"}
# graphs for inference hold no detach (Inductor's inference graphs, torch-mlir's import, and
# the frozen modules the TorchScript pass works on): there the loss fuses
_DETACHED = {"near_miss_detached_centroids"}
# models the TorchScript pass takes traced only, and why
NOT_SCRIPTABLE = {
    "split_attention_radix": "TorchScript cannot script Python's sum over a generator",
    "seed_query_pooling": "scripted nn.MultiheadAttention keeps reading module attributes after "
                          "freezing, which fuse_torchscript refuses",
}


def expected(name: str, ir: str) -> dict:
    counts = dict(CORPUS[name][2])
    # ("inductor_no_cost_rule": the Inductor pass with cost_rule=False)
    if ir in ("inductor", "inductor_no_cost_rule", "mlir", "torchscript") and name in _DETACHED:
        counts = {CL: 1}
    if ir in ("inductor", "inductor_no_cost_rule", "mlir") and name in _DECOMPOSED_COSINE:
        counts = {}
    if ir == "inductor":
        counts.pop(AF, None)
        counts.pop(CL, None)
        if name in _SINGLE_HEAD:
            counts.pop(DA, None)
    return counts


# models whose inputs have no batch axis to vary (one bag, one sample)
UNBATCHED = {"bag_attention", "gated_bag_attention", "unbatched_attention", "vector_bag_softmax"}
# the batch axis of each input, where it is not 0
BATCH_DIM = {"sequence_first_attention": (1, 0)}



def dynamic_batch(inputs, name):
    """torch.export's dynamic_shapes for a dynamic batch: one Dim shared by every input."""
    import torch.export
    batch = torch.export.Dim("batch", min=2)
    dims = iter(BATCH_DIM.get(name, ()))

    def spec(a):
        if isinstance(a, (list, tuple)):
            return [spec(t) for t in a]
        return {next(dims, 0): batch}
    return tuple(spec(a) for a in inputs)


# what cldmdf-opt reads: name -> (model, example inputs)
MODELS = {name: (lambda f=f: f().eval(), inputs) for name, (f, inputs, _) in CORPUS.items()}
