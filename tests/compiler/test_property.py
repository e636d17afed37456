"""Property tests: random compositions of the spelling families of docs/COMPILER.md, drawn by
a seeded generator for each pattern, fused in every IR and compared with the stock code.

Each case is a stock function built from independent choices (layout, softmax spelling,
mask form, weighted-sum spelling, scale, ...). Every one computes the operator's math, so
every one must fuse exactly once and give the stock result; a case the core misses is a
spelling family it does not recognise."""
import math
import random
import warnings

import pytest
import torch
import torch.nn.functional as F

import cldmdf  # noqa: F401
import cldmdf.compiler as compiler
from compiler_util import assert_same, no_compile_caches  # noqa: F401  (a fixture)

N_EXPORT, N_SCRIPT, N_INDUCTOR = 40, 16, 6


def softmax(x, dim, how):
    if how == "softmax":
        return torch.softmax(x, dim)
    if how == "F":
        return F.softmax(x, dim=dim)
    if how == "method":
        return x.softmax(dim)
    if how == "log_softmax":
        return torch.log_softmax(x, dim).exp()
    if how == "upcast":  # computed wider, cast back
        return F.softmax(x, dim=dim, dtype=torch.float64).to(x.dtype)
    e = torch.exp(x - x.amax(dim, keepdim=True))  # exp / sum
    return e / e.sum(dim, keepdim=True)


# ------------------------------------------------------------------ adaptive fusion

def af_case(rng: random.Random):
    c = dict(layout=rng.choice(["bmd", "mbd", "bdm", "md"]),
             groups=rng.choice(["one", "feature", "heads"]),
             mask=rng.choice(["none", "masked_fill", "where", "finite", "additive", "post",
                              "remask"]),
             soft=rng.choice(["softmax", "F", "method", "log_softmax", "exp_sum", "upcast"]),
             wsum=rng.choice(["mul_sum", "einsum", "matmul", "separate", "chunk"]),
             temp=rng.choice(["none", "div", "mul"]),
             squeeze=rng.choice([True, False]))
    if c["layout"] == "md" and c["mask"] != "none":
        c["mask"] = "none"  # one sample: no mask
    if c["groups"] != "one" or c["layout"] != "bmd":
        c["wsum"] = "mul_sum" if c["wsum"] == "matmul" else c["wsum"]
    if c["layout"] == "bdm":  # modality last: one weight or one per feature
        c["squeeze"] = False
        c["groups"] = "one" if c["groups"] == "heads" else c["groups"]
    if c["groups"] != "one":
        c["squeeze"] = False
    if c["soft"] in ("log_softmax",) and c["mask"] == "post":
        c["mask"] = "masked_fill"
    if c["wsum"] in ("separate", "chunk") and c["layout"] not in ("bmd", "mbd"):
        c["wsum"] = "mul_sum"  # the terms over separate tensors: modality axis before D
    if c["wsum"] in ("separate", "chunk") and c["groups"] == "heads":
        c["groups"] = "feature"
    if c["mask"] == "remask" and c["layout"] == "md":
        c["mask"] = "none"
    return c


def af_function(c, Bn=6, Mn=3, Dn=8, Gn=2):
    """fn(h, g, mask) in the stock spelling `c`; inputs batch-first, the function lays them
    out as the spelling wants."""
    L = c["layout"]
    G = {"one": 1, "feature": Dn, "heads": Gn}[c["groups"]]

    def fn(h, g, mask):
        # h [B, M, D], g [B, M, G], mask [B, M]
        if L == "md":
            h, g, mask = h[0], g[0], mask[0]
        if L == "mbd":
            h, g, mask = h.transpose(0, 1), g.transpose(0, 1), mask.t()
        if L == "bdm":
            h, g, mask = h.transpose(1, 2), g.transpose(1, 2), mask
        mdim = {"bmd": 1, "mbd": 0, "bdm": 2, "md": 0}[L]
        mexp = mask.unsqueeze(-1) if L in ("bmd", "mbd") else mask.unsqueeze(1)
        s = g
        if c["squeeze"] and c["groups"] == "one":
            s = s.squeeze(-1 if L != "bdm" else 1)
            mexp = mask
        if c["temp"] == "div":
            s = s / 0.7
        elif c["temp"] == "mul":
            s = s * 1.3
        m = c["mask"]
        if m == "masked_fill":
            s = s.masked_fill(~mexp, float("-inf"))
        elif m == "where":
            s = torch.where(mexp, s, torch.full_like(s, float("-inf")))
        elif m == "finite":
            s = s.masked_fill(mexp == 0, -1e9)
        elif m == "additive":
            s = s + (1.0 - mexp.float()) * -1e4
        elif m == "remask":  # a large fill, and the mask on the weights again
            s = s.masked_fill(~mexp, -1e9)
        if m == "post":
            e = torch.exp(s - s.amax(mdim, keepdim=True)) * mexp.float()
            w = e / e.sum(mdim, keepdim=True)
        else:
            w = softmax(s, mdim, c["soft"])
        if m == "remask":
            w = w * mexp.float()
        if c["squeeze"] and c["groups"] == "one":
            w = w.unsqueeze(-1 if L != "bdm" else 1)
        if c["groups"] == "heads":
            if L == "bdm":
                hv = h.reshape(h.shape[0], Gn, Dn // Gn, h.shape[-1])
                w = w.unsqueeze(2)
            else:
                hv = h.reshape(*h.shape[:-1], Gn, Dn // Gn)
                w = w.unsqueeze(-1)
            prod = w * hv
            out = prod.sum(mdim)
            return out.flatten(-2) if L != "bdm" else out.flatten(1)
        if c["wsum"] == "einsum":
            eq = {"bmd": "bmg,bmd->bd", "mbd": "mbg,mbd->bd", "bdm": "bgm,bdm->bd",
                  "md": "mg,md->d"}[L]
            if G == 1:
                return torch.einsum(eq, w, h)
            eq = eq.replace("g", "d").replace("->", "->")
            return torch.einsum(eq.replace("bmd,bmd", "bmd,bmd"), w, h)
        if c["wsum"] == "matmul":
            return torch.matmul(w.transpose(1, 2), h).squeeze(1)
        if c["wsum"] in ("separate", "chunk"):
            # each modality its own tensor (through a nonlinearity), the sum written by hand
            hs = [torch.tanh(x) for x in h.unbind(mdim)]
            ws = ([x.squeeze(mdim) for x in w.chunk(Mn, dim=mdim)] if c["wsum"] == "chunk"
                  else [w.select(mdim, i) for i in range(Mn)])
            out = ws[0] * hs[0]
            for i in range(1, Mn):
                out = out + ws[i] * hs[i]
            return out
        return (w * h).sum(mdim)

    def inputs(seed=0, batch=Bn):
        gen = torch.Generator().manual_seed(seed)
        mask = torch.rand(batch, Mn, generator=gen) > 0.3
        mask[:, 0] = True
        return (torch.randn(batch, Mn, Dn, generator=gen), torch.randn(batch, Mn, G, generator=gen),
                mask)

    return fn, inputs


# ------------------------------------------------------------------ dual attention

def da_case(rng: random.Random):
    return dict(heads=rng.choice([1, 2, 4]),
                qk=rng.choice(["matmul", "einsum", "folded"]),
                scale=rng.choice(["div_sqrt", "mul_rsqrt", "pow", "wrong"]),
                mask=rng.choice(["none", "masked_fill", "where"]),
                values=rng.choice(["d_fw_x", "fw_x_d", "x_fw_d"]),
                soft=rng.choice(["softmax", "F", "method", "exp_sum"]),
                feat_temp=rng.choice([1.0, 0.5]))


def da_function(c, Bn=5, Mn=4, Dn=8, Kn=8):
    H = c["heads"]

    def fn(x, fl, q, k, mask):
        b, m, d = x.shape
        fw = softmax(fl / c["feat_temp"], -1, "softmax")
        if c["values"] == "d_fw_x":
            v = d * fw * x
        elif c["values"] == "fw_x_d":
            v = fw * x * d
        else:
            v = x * fw * d
        dk = Kn // H
        if c["qk"] == "einsum":
            s = torch.einsum("bihd,bjhd->bhij", q.reshape(b, m, H, dk), k.reshape(b, m, H, dk))
        elif c["qk"] == "folded":
            qf = q.view(b, m, H, dk).permute(0, 2, 1, 3).reshape(b * H, m, dk)
            kf = k.view(b, m, H, dk).permute(0, 2, 1, 3).reshape(b * H, m, dk)
            s = torch.bmm(qf, kf.transpose(1, 2)).view(b, H, m, m)
        else:
            s = torch.matmul(q.view(b, m, H, dk).transpose(1, 2),
                             k.view(b, m, H, dk).transpose(1, 2).transpose(-1, -2))
        if c["scale"] == "div_sqrt":
            s = s / math.sqrt(dk)
        elif c["scale"] == "mul_rsqrt":
            s = s * (1.0 / math.sqrt(dk))
        elif c["scale"] == "pow":
            s = s * dk ** -0.5
        else:
            s = s / math.sqrt(d)
        keep = mask[:, None, None, :]
        if c["mask"] == "masked_fill":
            s = s.masked_fill(~keep, float("-inf"))
        elif c["mask"] == "where":
            s = torch.where(keep, s, torch.full_like(s, float("-inf")))
        a = softmax(s, -1, c["soft"])
        out = torch.matmul(a, v.view(b, m, H, d // H).transpose(1, 2))
        return out.transpose(1, 2).reshape(b, m, d)

    def inputs(seed=0, batch=Bn):
        gen = torch.Generator().manual_seed(seed)
        mask = torch.rand(batch, Mn, generator=gen) > 0.3
        mask[:, 0] = True
        r = lambda *s: torch.randn(*s, generator=gen)  # noqa: E731
        return r(batch, Mn, Dn), r(batch, Mn, Dn), r(batch, Mn, Kn), r(batch, Mn, Kn), mask

    return fn, inputs


# ------------------------------------------------------------------ the centroid loss

def cl_case(rng: random.Random):
    return dict(norm=rng.choice(["F", "norm_clamp", "rsqrt", "linalg", "linalg_norm"]),
                segment=rng.choice(["index_add", "scatter_add", "index_put", "one_hot",
                                    "membership", "scatter_mean", "class_means"]),
                scores=rng.choice(["matmul", "linear", "cosine_similarity"]),
                loss=rng.choice(["cross_entropy", "nll", "neg_gather"]),
                reduction=rng.choice(["mean", "sum", "none"]),
                temp=rng.choice(["div", "mul"]),
                bias=rng.choice([0.0, 0.0, 2.5]))


def cl_function(c, N=24, P=6, T=0.2):
    def unit(t):
        if c["norm"] == "F":
            return F.normalize(t, dim=1)
        if c["norm"] == "norm_clamp":
            return t / t.norm(p=2, dim=1, keepdim=True).clamp_min(1e-12)
        if c["norm"] == "linalg":
            return t / torch.linalg.vector_norm(t, dim=1, keepdim=True).clamp_min(1e-12)
        if c["norm"] == "linalg_norm":
            return t / torch.linalg.norm(t, dim=1, keepdim=True).clamp_min(1e-12)
        return t * torch.rsqrt((t * t).sum(dim=1, keepdim=True) + 1e-12)

    def fn(z, entity):
        zn = unit(z)
        ids, inv, counts = torch.unique(entity, return_inverse=True, return_counts=True)
        if c["segment"] == "class_means":
            sums = torch.zeros(ids.shape[0], zn.shape[1]).index_add(0, inv, zn) / counts[:, None]
        elif c["segment"] == "scatter_mean":
            sums = torch.zeros(ids.shape[0], zn.shape[1]).scatter_reduce(
                0, inv[:, None].expand_as(zn), zn, reduce="mean", include_self=False)
        elif c["segment"] == "membership":
            sums = (ids[:, None] == entity[None, :]).float() @ zn
        elif c["segment"] == "index_add":
            sums = zn.new_zeros(ids.shape[0], zn.shape[1]).index_add(0, inv, zn)
        elif c["segment"] == "scatter_add":
            sums = torch.zeros(ids.shape[0], zn.shape[1]).scatter_add(
                0, inv[:, None].expand(-1, zn.shape[1]), zn)
        elif c["segment"] == "index_put":
            sums = torch.zeros(ids.shape[0], zn.shape[1]).index_put((inv,), zn, accumulate=True)
        else:
            onehot = (inv[:, None] == torch.arange(ids.shape[0])[None, :]).float()
            sums = onehot.t() @ zn
        if c["scores"] == "linear":
            logits = F.linear(zn, unit(sums))
        elif c["scores"] == "cosine_similarity":
            logits = F.cosine_similarity(zn[:, None], sums[None], dim=-1)
        else:
            logits = zn @ unit(sums).t()
        logits = logits / T if c["temp"] == "div" else logits * (1.0 / T)
        if c["bias"]:
            logits = logits + c["bias"]
        if c["loss"] == "neg_gather":
            picked = F.log_softmax(logits, dim=1).gather(1, inv[:, None]).squeeze(1)
            if c["reduction"] == "none":
                return -picked
            return -picked.mean() if c["reduction"] == "mean" else -picked.sum()
        if c["loss"] == "nll":
            return F.nll_loss(F.log_softmax(logits, dim=1), inv, reduction=c["reduction"])
        return F.cross_entropy(logits, inv, reduction=c["reduction"])

    def inputs(seed=0, batch=N):
        gen = torch.Generator().manual_seed(seed)
        return torch.randn(batch, P, generator=gen), torch.randint(0, 5, (batch,), generator=gen) * 7

    return fn, inputs


FAMILIES = {"adaptive_fusion": (af_case, af_function),
            "dual_attention": (da_case, da_function),
            "centroid_contrastive_loss": (cl_case, cl_function)}


class Wrap(torch.nn.Module):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn

    def forward(self, *a):
        return self.fn(*a)


def cases(pattern, n, seed):
    make_case, make_fn = FAMILIES[pattern]
    rng = random.Random(seed)
    return [(pattern, i, make_case(rng)) for i in range(n)]


def check(pattern, c, fused, report, stock, inputs):
    assert report.count(pattern) == 1, f"{c}\n{report}"
    with torch.no_grad():
        assert_same(fused(*inputs), stock(*inputs))


@pytest.mark.parametrize("pattern,i,c", [x for p in FAMILIES for x in cases(p, N_EXPORT, 1)],
                         ids=lambda v: str(v) if not isinstance(v, dict) else "")
def test_random_spelling_fuses_in_export(pattern, i, c):
    fn, make_inputs = FAMILIES[pattern][1](c)
    inputs = make_inputs()
    fused, report = compiler.fuse_exported(torch.export.export(Wrap(fn), inputs))
    check(pattern, c, fused.module(), report, fn, make_inputs(seed=1))


@pytest.mark.parametrize("pattern,i,c", [x for p in FAMILIES for x in cases(p, N_SCRIPT, 2)],
                         ids=lambda v: str(v) if not isinstance(v, dict) else "")
def test_random_spelling_fuses_in_traced_torchscript(pattern, i, c):
    fn, make_inputs = FAMILIES[pattern][1](c)
    inputs = make_inputs()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        traced = torch.jit.trace(Wrap(fn), inputs, check_trace=False)
    fused, report = compiler.fuse_torchscript(traced, inputs)
    check(pattern, c, fused, report, fn, inputs)


@pytest.mark.parametrize("pattern,i,c", [x for p in ("adaptive_fusion", "dual_attention")
                                         for x in cases(p, N_INDUCTOR, 3)],
                         ids=lambda v: str(v) if not isinstance(v, dict) else "")
def test_random_spelling_fuses_under_inductor(pattern, i, c, no_compile_caches):
    fn, make_inputs = FAMILIES[pattern][1](c)
    inputs = make_inputs()
    the_pass = compiler.inductor_pass(cost_rule=False)
    the_pass.reports.clear()
    torch._dynamo.reset()
    compiled = torch.compile(Wrap(fn), dynamic=False,
                             options={"post_grad_custom_pre_pass": the_pass})
    with torch.no_grad():
        got = compiled(*inputs)
    assert sum(r.count(pattern) for r in the_pass.reports) == 1, \
        f"{c}\n" + "\n".join(map(str, the_pass.reports))
    with torch.no_grad():
        assert_same(got, fn(*inputs))
