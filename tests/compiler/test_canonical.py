"""Unit tests of the canonicaliser (compiler/core/lib/canonical.cpp), on graphs written in
the core's IR-neutral text form: each rule, and that it leaves alone what it cannot prove
equal. Forms are compared with their index variables renumbered in order of appearance."""
import re

import pytest
from torch.testing import FileCheck

from cldmdf.compiler import core


class G:
    """A graph in the core's text form: g.add(op, dtype, shape, *args) -> node id."""

    def __init__(self):
        self.t = core.GraphText()

    def inp(self, name, shape, dtype="f32"):
        return self.t.add("input", dtype, [(s, False) for s in shape], name, [])

    def add(self, op, shape, *args, dtype="f32", name=None):
        return self.t.add("aten::" + op, dtype, [(s, False) for s in shape], name or op,
                          [self.tok(a) for a in args])

    def tok(self, a):
        if isinstance(a, tuple) and a[0] == "%":
            return f"%{a[1]}"
        if isinstance(a, list):
            return " ".join(["[", *(self.tok(x) for x in a), "]"])
        if isinstance(a, str):
            return "s:" + a
        if a is None:
            return "_"
        return core.number(a)

    def form(self, node):
        return renumber(core.canonical(self.t.text(), node))

    def run(self, ir="export"):
        return core.run(self.t.text(), ir, explain=True)


def n(i):
    return ("%", i)


def renumber(form):
    seen = {}
    return re.sub(r"v(\d+)", lambda m: "v%d" % seen.setdefault(m.group(1), len(seen)), form)


def test_transposes_and_permutes_are_axis_bookkeeping():
    g = G()
    x = g.inp("x", [4, 5, 6])
    a = g.add("transpose", [6, 5, 4], n(x), 0, 2)
    b = g.add("permute", [4, 5, 6], n(a), [2, 1, 0])
    assert g.form(b) == g.form(x) == "[v0:4,v1:5,v2:6] = %x[v0:4,v1:5,v2:6]"
    assert g.form(a) == "[v0:6,v1:5,v2:4] = %x[v2:4,v1:5,v0:6]"


def test_a_view_that_splits_an_axis_splits_its_variable():
    g = G()
    x = g.inp("x", [4, 6])
    v = g.add("view", [4, 2, 3], n(x), [4, 2, 3])
    p = g.add("permute", [4, 3, 2], n(v), [0, 2, 1])
    assert g.form(p) == "[v0:4,v1:3,v2:2] = %x[v0:4,v2:2*v1:3]"


def test_a_reshape_that_is_not_a_split_or_merge_is_left_alone():
    g = G()
    x = g.inp("x", [4, 6])
    t = g.add("transpose", [6, 4], n(x), 0, 1)
    r = g.add("reshape", [4, 6], n(t), [4, 6])   # reads the transposed elements in order
    FileCheck().check("= %reshape[").check_not("%x").run(g.form(r))


def test_size_one_axes_vanish_and_expand_broadcasts():
    g = G()
    x = g.inp("x", [4, 6])
    u = g.add("unsqueeze", [4, 1, 6], n(x), 1)
    e = g.add("expand", [4, 3, 6], n(u), [4, 3, 6])
    assert g.form(u) == "[v0:4,1,v1:6] = %x[v0:4,v1:6]"
    assert g.form(e) == "[v0:4,v1:3,v2:6] = %x[v0:4,v2:6]"   # v1: no factor depends on it


def spellings_of_a_weighted_sum():
    """(w * h).sum(1), einsum, bmm(w^T, h).squeeze(1), matmul: one contraction form."""
    forms = []
    for how in ("mul_sum", "einsum", "bmm", "matmul"):
        g = G()
        w = g.inp("w", [8, 3, 1])
        h = g.inp("h", [8, 3, 5])
        if how == "mul_sum":
            m = g.add("mul", [8, 3, 5], n(w), n(h))
            out = g.add("sum", [8, 5], n(m), [1], False, None)
        elif how == "einsum":
            s = g.add("squeeze", [8, 3], n(w), -1)
            out = g.add("einsum", [8, 5], "bm,bmd->bd", [n(s), n(h)], None)
        else:
            t = g.add("transpose", [8, 1, 3], n(w), 1, 2)
            b = g.add(how, [8, 1, 5], n(t), n(h))
            out = g.add("squeeze", [8, 5], n(b), 1)
        forms.append(g.form(out))
    return forms


def test_einsum_bmm_matmul_and_mul_sum_are_one_contraction():
    forms = spellings_of_a_weighted_sum()
    assert len(set(forms)) == 1, forms
    assert forms[0] == "[v0:8,v1:5] = sum(v2) %w[v0:8,v2:3,1] * %h[v0:8,v2:3,v1:5]"


def test_scalars_collect_into_the_scale_and_mean_divides():
    g = G()
    x = g.inp("x", [4, 6])
    a = g.add("mul", [4, 6], n(x), 3.0)
    b = g.add("div", [4, 6], n(a), 2.0)
    c = g.add("neg", [4, 6], n(b))
    m = g.add("mean", [4], n(c), [1], False, None)
    assert g.form(m) == "[v0:4] = -0.25 * sum(v1) %x[v0:4,v1:6]"


def test_division_by_a_tensor_is_a_value_of_its_own():
    g = G()
    x = g.inp("x", [4, 6])
    y = g.inp("y", [4, 6])
    d = g.add("div", [4, 6], n(x), n(y))
    assert g.form(d) == "[v0:4,v1:6] = %div[v0:4,v1:6]"


def test_mask_negations_fold_into_the_mask_factor():
    g = G()
    m = g.inp("m", [4, 3], dtype="bool")
    a = g.add("bitwise_not", [4, 3], n(m), dtype="bool")
    b = g.add("logical_not", [4, 3], n(a), dtype="bool")
    c = g.add("eq", [4, 3], n(m), 0, dtype="bool")
    assert g.form(b) == "[v0:4,v1:3] = mask:%m[v0:4,v1:3]"
    assert g.form(c) == "[v0:4,v1:3] = !mask:%m[v0:4,v1:3]"


def test_a_zero_fill_is_a_mask_factor_and_a_nonzero_fill_is_recorded():
    g = G()
    x = g.inp("x", [4, 3])
    m = g.inp("m", [4, 3], dtype="bool")
    z = g.add("masked_fill", [4, 3], n(x), n(m), 0.0)
    f = g.add("masked_fill", [4, 3], n(x), n(m), float("-inf"))
    fl = g.add("full_like", [4, 3], n(x), float("-inf"), None, None, None, None, None)
    w = g.add("where", [4, 3], n(m), n(x), n(fl))
    assert g.form(z) == "[v0:4,v1:3] = %x[v0:4,v1:3] * !mask:%m[v0:4,v1:3]"
    assert g.form(f) == "[v0:4,v1:3] = %x[v0:4,v1:3] | fill -inf where %m[v0:4,v1:3]"
    assert g.form(w) == "[v0:4,v1:3] = %x[v0:4,v1:3] | fill -inf where !%m[v0:4,v1:3]"


def test_full_slices_are_identities_and_partial_slices_values():
    g = G()
    x = g.inp("x", [4, 6])
    full = g.add("slice", [4, 6], n(x), 1, None, None, 1)
    part = g.add("slice", [4, 3], n(x), 1, 0, 3, 1)
    assert g.form(full) == g.form(x)
    assert g.form(part) == "[v0:4,v1:3] = %slice[v0:4,v1:3]"


def unrolled(indices, size=2):
    g = G()
    w = g.inp("w", [8, size])
    h = g.inp("h", [8, size, 5])
    terms = []
    for k in indices:
        ws = g.add("slice", [8, 1], n(w), 1, k, k + 1, 1, name=f"w{k}")
        hs = g.add("select", [8, 5], n(h), 1, k, name=f"h{k}")
        terms.append(g.add("mul", [8, 5], n(ws), n(hs), name=f"t{k}"))
    acc = terms[0]
    for t in terms[1:]:
        acc = g.add("add", [8, 5], n(acc), n(t), 1)
    return g, acc


def test_a_sum_unrolled_over_slices_is_a_sum():
    g, out = unrolled([0, 1])
    assert g.form(out) == "[v0:8,v1:5] = sum(v2) %w[v0:8,v2:2] * %h[v0:8,v2:2,v1:5]"


@pytest.mark.parametrize("indices,size", [([0, 0], 2), ([0, 1], 3)])
def test_an_unrolled_sum_must_cover_the_axis_once(indices, size):
    g, out = unrolled(indices, size)
    assert g.form(out) == "[v0:8,v1:5] = %add[v0:8,v1:5]"


def softmax_graph(kind):
    g = G()
    s = g.inp("s", [8, 3, 1])
    h = g.inp("h", [8, 3, 5])
    m = g.inp("m", [8, 3, 1], dtype="bool")
    if kind == "exp_sum":
        mx = g.add("amax", [8, 1, 1], n(s), [1], True)
        t = g.add("sub", [8, 3, 1], n(s), n(mx), 1)
        e = g.add("exp", [8, 3, 1], n(t))
        tot = g.add("sum", [8, 1, 1], n(e), [1], True, None)
        w = g.add("div", [8, 3, 1], n(e), n(tot))
    else:  # the numerator masked, the normaliser not
        e = g.add("exp", [8, 3, 1], n(s))
        em = g.add("mul", [8, 3, 1], n(e), n(m))
        tot = g.add("sum", [8, 1, 1], n(e), [1], True, None)
        w = g.add("div", [8, 3, 1], n(em), n(tot))
    p = g.add("mul", [8, 3, 5], n(w), n(h))
    g.add("sum", [8, 5], n(p), [1], False, None)
    return g


def test_exp_over_sum_is_a_softmax_and_fuses():
    result = softmax_graph("exp_sum").run()
    assert [r.pattern for r in result.rewrites] == ["adaptive_fusion"]
    assert "softmax=exp / sum(dim 1)" in result.rewrites[0].detail
    ops = [i.op for i in result.rewrites[0].instrs]
    assert "op" in ops and result.rewrites[0].replaces


def test_a_normaliser_over_missing_entries_is_not_a_softmax():
    result = softmax_graph("masked_numerator").run()
    assert not result.rewrites
    (node, pattern, why), = result.misses
    assert pattern == "softmax" and "missing ones too" in why


def test_the_core_rejects_malformed_text_with_the_line():
    with pytest.raises(ValueError, match="line 1"):
        core.run("n 0 input f32 [4] x @bad\n", "export")
    with pytest.raises(ValueError, match="not an earlier node"):
        core.run("n 0 aten::exp f32 [4] e %3\n", "export")
