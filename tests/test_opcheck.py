"""torch.library.opcheck for every cldmdf operator (the three forward operators and
their backward operators): schema, autograd registration, fake (meta) kernels and
AOT dispatch with dynamic shapes (the default opcheck set of test_utils)."""
import pytest
import torch

import cldmdf  # noqa: F401  (registers the operators)
from cldmdf.testing import (adaptive_fusion_inputs, centroid_loss_inputs, dual_attention_inputs,
                            from_sums_inputs)
from conftest import dtype_id, make_generator, mask_kind, randn

DEFAULT_TEST_UTILS = ("test_schema", "test_autograd_registration", "test_faketensor",
                      "test_aot_dispatch_dynamic")
OPCHECK_DTYPES = [torch.float64, torch.float32]
REQUIRES_GRAD = [pytest.param(False, id="no_grad"), pytest.param(True, id="requires_grad")]

# The backward operators have no autograd formula of their own (OPS.md asks for first
# derivatives only), so backpropagating through them, as opcheck does when their inputs
# require grad, makes PyTorch warn that no autograd kernel is registered. The warning is
# expected here; double backward is not part of the contract.
no_autograd_kernel_warning = pytest.mark.filterwarnings(
    "ignore:.*an autograd kernel was not registered to the Autograd key:UserWarning")


def test_default_test_utils_include_dynamic_shapes():
    """What this file relies on: opcheck's default set is the one spelled out here."""
    import inspect
    default = inspect.signature(torch.library.opcheck).parameters["test_utils"].default
    assert tuple(default) == DEFAULT_TEST_UTILS


def opcheck(op, args, kwargs=None):
    # raise_exception=True: any failing utility raises with its explanation
    torch.library.opcheck(op, args, kwargs, test_utils=DEFAULT_TEST_UTILS)


# --------------------------------------------------------------------------- dual_attention

# B, M, D, K, H, masked, layout, feat_temperature
DUAL_SHAPES = [
    (2, 3, 8, 8, 2, True, "contiguous", 0.7),
    (1, 1, 4, 6, 1, False, "contiguous", 1.0),
    (5, 2, 12, 6, 3, True, "noncontiguous", 2.0),
    (3, 4, 8, 16, 8, False, "noncontiguous", 0.5),
]


def dual_args(B, M, D, K, H, masked, layout, feat_temperature, dtype, requires_grad, seed=0):
    """The operator's arguments for one DUAL_SHAPES row."""
    gen = make_generator("opcheck-dual", B, M, D, K, H, seed)
    return dual_attention_inputs(B, M, D, K, gen, dtype=dtype, mask=mask_kind(masked),
                                 layout=layout,
                                 requires_grad=requires_grad).args(H, feat_temperature)


@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("dtype", OPCHECK_DTYPES, ids=dtype_id)
@pytest.mark.parametrize("shape", DUAL_SHAPES, ids=lambda s: "B{}-M{}-D{}-K{}-H{}-{}-{}-T{}".format(*s))
def test_opcheck_dual_attention(shape, dtype, requires_grad):
    opcheck(torch.ops.cldmdf.dual_attention.default,
            dual_args(*shape, dtype=dtype, requires_grad=requires_grad))


def test_opcheck_dual_attention_keyword_arguments():
    x, fl, q, k, mask, H, T = dual_args(2, 3, 8, 8, 2, True, "contiguous", 0.7, torch.float64,
                                        True)
    opcheck(torch.ops.cldmdf.dual_attention.default, (x, fl, q, k),
            dict(mask=mask, num_heads=H, feat_temperature=T))


@no_autograd_kernel_warning
@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("dtype", OPCHECK_DTYPES, ids=dtype_id)
@pytest.mark.parametrize("shape", DUAL_SHAPES, ids=lambda s: "B{}-M{}-D{}-K{}-H{}-{}-{}-T{}".format(*s))
def test_opcheck_dual_attention_backward(shape, dtype, requires_grad):
    x, fl, q, k, mask, H, T = dual_args(*shape, dtype=dtype, requires_grad=False)
    _, fw, mw = torch.ops.cldmdf.dual_attention(x, fl, q, k, mask, H, T)
    gen = make_generator("opcheck-dual-backward", *shape[:5])
    go, gfw, gmw = (randn(t.shape, gen, dtype).requires_grad_(requires_grad) for t in (x, fw, mw))
    opcheck(torch.ops.cldmdf.dual_attention_backward.default,
            (go, gfw, gmw, x, fl, q, k, mask, H, T))


# --------------------------------------------------------------------------- adaptive_fusion

# B, M, D, G, masked, layout, temperature
FUSION_SHAPES = [
    (2, 3, 8, 1, True, "contiguous", 0.7),
    (1, 1, 4, 4, False, "contiguous", 1.0),
    (5, 2, 12, 3, True, "noncontiguous", 2.0),
    (3, 4, 8, 8, False, "noncontiguous", 0.5),
]


def fusion_args(B, M, D, G, masked, layout, temperature, dtype, requires_grad):
    """The operator's arguments for one FUSION_SHAPES row."""
    gen = make_generator("opcheck-fusion", B, M, D, G)
    return adaptive_fusion_inputs(B, M, D, G, gen, dtype=dtype, mask=mask_kind(masked),
                                  layout=layout, requires_grad=requires_grad).args(temperature)


@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("dtype", OPCHECK_DTYPES, ids=dtype_id)
@pytest.mark.parametrize("shape", FUSION_SHAPES, ids=lambda s: "B{}-M{}-D{}-G{}-{}-{}-T{}".format(*s))
def test_opcheck_adaptive_fusion(shape, dtype, requires_grad):
    opcheck(torch.ops.cldmdf.adaptive_fusion.default,
            fusion_args(*shape, dtype=dtype, requires_grad=requires_grad))


@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("shape", DUAL_SHAPES[:2], ids=lambda s: "B{}-M{}".format(*s))
def test_opcheck_dual_attention_without_weights(shape, requires_grad):
    opcheck(torch.ops.cldmdf.dual_attention.default,
            (*dual_args(*shape, dtype=torch.float64, requires_grad=requires_grad), False))


@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("shape", FUSION_SHAPES[:2], ids=lambda s: "B{}-M{}-D{}-G{}".format(*s))
def test_opcheck_adaptive_fusion_without_weights(shape, requires_grad):
    opcheck(torch.ops.cldmdf.adaptive_fusion.default,
            (*fusion_args(*shape, dtype=torch.float64, requires_grad=requires_grad), False))


@no_autograd_kernel_warning
@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("dtype", OPCHECK_DTYPES, ids=dtype_id)
@pytest.mark.parametrize("shape", FUSION_SHAPES, ids=lambda s: "B{}-M{}-D{}-G{}-{}-{}-T{}".format(*s))
def test_opcheck_adaptive_fusion_backward(shape, dtype, requires_grad):
    h, gl, mask, T = fusion_args(*shape, dtype=dtype, requires_grad=False)
    fused, weights = torch.ops.cldmdf.adaptive_fusion(h, gl, mask, T)
    gen = make_generator("opcheck-fusion-backward", *shape[:4])
    gf, gw = (randn(t.shape, gen, dtype).requires_grad_(requires_grad) for t in (fused, weights))
    opcheck(torch.ops.cldmdf.adaptive_fusion_backward.default, (gf, gw, h, gl, mask, T))


# --------------------------------------------------------------------------- centroid_contrastive_loss

# N, P, entity ids, temperature
CENTROID_SHAPES = [
    (6, 4, [0, 0, 1, 1, 2, 2], 0.1),
    (7, 3, [2 ** 62, -5, -5, 2 ** 62, 9, 9, 9], 0.5),
    (5, 8, [3, 1, 4, 1, 5], 1.0),
    (1, 4, [-1], 0.1),
]
REDUCTIONS = ["mean", "sum", "none"]
LOO = [pytest.param(True, id="loo"), pytest.param(False, id="no_loo")]


def centroid_args(N, P, ids, temperature, dtype, requires_grad, layout="contiguous"):
    """(z, entity, temperature) for one CENTROID_SHAPES row."""
    gen = make_generator("opcheck-centroid", N, P)
    z, entity = centroid_loss_inputs(N, P, gen, entities=ids, dtype=dtype, layout=layout,
                                     requires_grad=requires_grad)
    return z, entity, temperature


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("shape", CENTROID_SHAPES, ids=lambda s: f"N{s[0]}-P{s[1]}-T{s[3]}")
def test_opcheck_centroid_contrastive_loss(shape, requires_grad, leave_one_out, reduction):
    z, entity, T = centroid_args(*shape, dtype=torch.float64, requires_grad=requires_grad)
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss.default,
            (z, entity, T, leave_one_out, reduction))


@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
def test_opcheck_centroid_contrastive_loss_float32_noncontiguous(requires_grad):
    z, entity, T = centroid_args(7, 3, [2 ** 62, -5, -5, 2 ** 62, 9, 9, 9], 0.3, torch.float32,
                                 requires_grad, layout="noncontiguous")
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss.default, (z, entity, T, True, "none"))


def test_opcheck_centroid_contrastive_loss_keyword_arguments():
    z, entity, T = centroid_args(6, 4, [0, 0, 1, 1, 2, 2], 0.1, torch.float64, True)
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss.default, (z, entity),
            dict(temperature=0.2, leave_one_out=False, reduction="sum"))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("shape", CENTROID_SHAPES, ids=lambda s: f"N{s[0]}-P{s[1]}-T{s[3]}")
def test_opcheck_centroid_contrastive_loss_scaled(shape, requires_grad, leave_one_out, reduction):
    z, entity, T = centroid_args(*shape, dtype=torch.float64, requires_grad=requires_grad)
    scale = torch.tensor(1.0 / T, dtype=torch.float64, requires_grad=requires_grad)
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss.scaled,
            (z, entity, scale, leave_one_out, reduction))


@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
def test_opcheck_centroid_contrastive_loss_scaled_float32_with_a_float64_scale(requires_grad):
    z, entity, _ = centroid_args(7, 3, [2 ** 62, -5, -5, 2 ** 62, 9, 9, 9], 0.3, torch.float32,
                                 requires_grad, layout="noncontiguous")
    scale = torch.tensor(-2.5, dtype=torch.float64, requires_grad=requires_grad)
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss.scaled, (z, entity, scale, True, "none"))


@no_autograd_kernel_warning
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("shape", CENTROID_SHAPES, ids=lambda s: f"N{s[0]}-P{s[1]}-T{s[3]}")
def test_opcheck_centroid_contrastive_loss_scaled_backward(shape, leave_one_out, reduction):
    z, entity, T = centroid_args(*shape, dtype=torch.float64, requires_grad=True)
    grad = torch.randn(shape[0] if reduction == "none" else (), dtype=torch.float64)
    scale = torch.tensor(1.0 / T, dtype=torch.float64, requires_grad=True)
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss_scaled_backward.default,
            (grad, z, entity, scale, leave_one_out, reduction))


@no_autograd_kernel_warning
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("shape", CENTROID_SHAPES, ids=lambda s: f"N{s[0]}-P{s[1]}-T{s[3]}")
def test_opcheck_centroid_contrastive_loss_backward(shape, requires_grad, leave_one_out,
                                                    reduction):
    z, entity, T = centroid_args(*shape, dtype=torch.float64, requires_grad=requires_grad)
    grad = torch.randn(shape[0] if reduction == "none" else (), dtype=torch.float64)
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss_backward.default,
            (grad, z, entity, T, leave_one_out, reduction))


# --------------------------------------------------------------------------- from sums (OPS.md 4c)

def from_sums_args(N, P, E, dtype, requires_grad, layout="contiguous", seed=0):
    """A rank's points against sums of E entities (the sums and counts also hold other
    ranks' points; an entity may have no point here), and the scale."""
    gen = make_generator("opcheck-from-sums", N, P, E, seed)
    z, index, sums, counts = from_sums_inputs(N, P, E, gen, dtype=dtype, layout=layout,
                                              requires_grad=requires_grad)
    scale = torch.tensor(2.5, dtype=dtype, requires_grad=requires_grad)
    return z, index, sums, counts, scale


FROM_SUMS_SHAPES = [(9, 4, 5), (1, 3, 4), (12, 6, 12), (0, 3, 2)]


@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("requires_grad", REQUIRES_GRAD)
@pytest.mark.parametrize("layout", ["contiguous", "noncontiguous"])
@pytest.mark.parametrize("shape", FROM_SUMS_SHAPES, ids=lambda s: "N{}-P{}-E{}".format(*s))
def test_opcheck_centroid_contrastive_loss_from_sums(shape, layout, requires_grad, leave_one_out):
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss_from_sums.default,
            (*from_sums_args(*shape, torch.float64, requires_grad, layout), leave_one_out))


@no_autograd_kernel_warning
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("shape", FROM_SUMS_SHAPES, ids=lambda s: "N{}-P{}-E{}".format(*s))
def test_opcheck_centroid_contrastive_loss_from_sums_backward(shape, leave_one_out):
    args = from_sums_args(*shape, torch.float64, True)
    grad = torch.randn(shape[0], dtype=torch.float64)
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss_from_sums_backward.default,
            (grad, *args, leave_one_out))


@pytest.mark.parametrize("scale_grad", [False, True])
@pytest.mark.parametrize("reduction", ["mean", "sum"])
@pytest.mark.parametrize("leave_one_out", LOO)
@pytest.mark.parametrize("shape", CENTROID_SHAPES, ids=lambda s: f"N{s[0]}-P{s[1]}-T{s[3]}")
def test_opcheck_centroid_contrastive_loss_with_grad(shape, leave_one_out, reduction,
                                                     scale_grad):
    z, entity, T = centroid_args(*shape, dtype=torch.float64, requires_grad=False)
    scale = torch.tensor(1.0 / T, dtype=torch.float64)
    opcheck(torch.ops.cldmdf.centroid_contrastive_loss_with_grad.default,
            (z, entity, scale, leave_one_out, reduction, scale_grad))
