"""Stock-style multimodal fusion models, written the way such models are
written with plain PyTorch (no cldmdf; each one scriptable with
torch.jit.script), and how many subgraphs of each the fusion pipelines are
expected to replace. Used by the compiler tests and
benchmarks, and loadable by cldmdf-opt:

    cldmdf-opt examples/fusion_corpus.py --model gated_unit
"""
import math
from typing import List

import torch
import torch.nn as nn
import torch.nn.functional as F

B, M, D = 64, 4, 64


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


class ScaledByWidthAttention(nn.Module):
    """A near miss: the scores are scaled by sqrt(D), not sqrt(D / heads); not fused."""

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


def _mask(batch=B, modalities=M, seed=0):
    g = torch.Generator().manual_seed(seed)
    mask = torch.rand(batch, modalities, generator=g) > 0.3
    mask[torch.arange(batch), torch.randint(0, modalities, (batch,), generator=g)] = True
    return mask


def _tokens(batch=B, modalities=M, dim=D, seed=0):
    return torch.randn(batch, modalities, dim, generator=torch.Generator().manual_seed(seed))


# name -> (model factory, example inputs factory (batch size -> inputs), expected fusions)
CORPUS = {
    "attention_pooling": (AttentionPoolingFusion,
                          lambda b=B: ([torch.randn(b, w) for w in (20, 30, 12, 40)], _mask(b)),
                          {"adaptive_fusion": 1}),
    "gated_unit": (GatedMultimodalUnit, lambda b=B: (_tokens(b), _mask(b)), {"adaptive_fusion": 1}),
    "cross_modal_block": (CrossModalAttentionBlock, lambda b=B: (_tokens(b), _mask(b)),
                          {"dual_attention": 1}),
    "modality_transformer": (ModalityTransformer, lambda b=B: (_tokens(b), _mask(b)),
                             {"dual_attention": 2, "adaptive_fusion": 1}),
    "single_head": (SingleHeadModalityAttention, lambda b=B: (_tokens(b),), {"dual_attention": 1}),
    "multi_head_pooling": (MultiHeadPooling, lambda b=B: (_tokens(b), _mask(b)),
                           {"adaptive_fusion": 1}),
    "prototype_loss": (PrototypeLoss, lambda b=B: (_tokens(b)[:, 0], torch.arange(b) % 10),
                       {"centroid_contrastive_loss": 1}),
    "near_miss_scale": (ScaledByWidthAttention, lambda b=B: (_tokens(b), _mask(b)), {}),
}

# what cldmdf-opt reads: name -> (model, example inputs)
MODELS = {name: (lambda f=f: f().eval(), inputs) for name, (f, inputs, _) in CORPUS.items()}
