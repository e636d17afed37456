"""Fake (meta) kernels: output shapes and dtypes of every operator, so that
FakeTensor tracing (torch.compile, torch.export) works with dynamic shapes.
Argument errors are raised by the real kernels (csrc/op_checks.cpp); these
only check what they need to compute shapes."""
import torch


def _expect_rank(op, name, t, rank):
    torch._check(t.dim() == rank,
                 lambda: f"cldmdf::{op}: argument '{name}' expected a {rank}-D tensor, "
                         f"got {t.dim()}-D")


@torch.library.register_fake("cldmdf::dual_attention")
def _dual_attention_fake(x, feat_logits, query, key, mask=None, num_heads=1, feat_temperature=1.0,
                         need_weights=True):
    _expect_rank("dual_attention", "x", x, 3)
    torch._check(num_heads > 0, lambda: "cldmdf::dual_attention: argument 'num_heads' "
                                        f"expected a value > 0, got {num_heads}")
    B, M, D = x.shape
    if not need_weights:
        return x.new_empty(B, M, D), x.new_empty(0), x.new_empty(0)
    return (x.new_empty(B, M, D), x.new_empty(B, M, D), x.new_empty(B, num_heads, M, M))


@torch.library.register_fake("cldmdf::dual_attention_backward")
def _dual_attention_backward_fake(grad_out, grad_feat_weights, grad_mod_weights, x, feat_logits,
                                  query, key, mask, num_heads, feat_temperature):
    return (x.new_empty(x.shape), x.new_empty(x.shape), x.new_empty(query.shape),
            x.new_empty(key.shape))


@torch.library.register_fake("cldmdf::adaptive_fusion")
def _adaptive_fusion_fake(h, gate_logits, mask=None, temperature=1.0, need_weights=True):
    _expect_rank("adaptive_fusion", "h", h, 3)
    _expect_rank("adaptive_fusion", "gate_logits", gate_logits, 3)
    B, M, D = h.shape
    if not need_weights:
        return h.new_empty(B, D), h.new_empty(0)
    return h.new_empty(B, D), h.new_empty(B, M, gate_logits.shape[2])


@torch.library.register_fake("cldmdf::adaptive_fusion_backward")
def _adaptive_fusion_backward_fake(grad_fused, grad_weights, h, gate_logits, mask, temperature):
    return h.new_empty(h.shape), h.new_empty(gate_logits.shape)


def _loss_value(op, z, reduction):
    _expect_rank(op, "z", z, 2)
    torch._check(reduction in ("mean", "sum", "none"),
                 lambda: f"cldmdf::{op}: argument 'reduction' expected one of "
                         f"\"mean\", \"sum\", \"none\", got \"{reduction}\"")
    if reduction == "none":
        return z.new_empty(z.shape[0])
    return z.new_empty(())


@torch.library.register_fake("cldmdf::centroid_contrastive_loss")
def _centroid_loss_fake(z, entity, temperature=0.1, leave_one_out=True, reduction="mean"):
    return _loss_value("centroid_contrastive_loss", z, reduction)


@torch.library.register_fake("cldmdf::centroid_contrastive_loss.scaled")
def _scaled_loss_fake(z, entity, scale, leave_one_out=True, reduction="mean"):
    torch._check(scale.dim() == 0, lambda: "cldmdf::centroid_contrastive_loss.scaled: argument "
                                           f"'scale' expected a 0-D tensor, got {scale.dim()}-D")
    return _loss_value("centroid_contrastive_loss.scaled", z, reduction)


@torch.library.register_fake("cldmdf::centroid_contrastive_loss_scaled_backward")
def _scaled_loss_backward_fake(grad, z, entity, scale, leave_one_out, reduction):
    return z.new_empty(z.shape), scale.new_empty(())


@torch.library.register_fake("cldmdf::centroid_contrastive_loss_backward")
def _centroid_loss_backward_fake(grad, z, entity, temperature, leave_one_out, reduction):
    return z.new_empty(z.shape)


@torch.library.register_fake("cldmdf::centroid_contrastive_loss_from_sums")
def _from_sums_fake(z, entity_index, sums, counts, scale, leave_one_out=True):
    _expect_rank("centroid_contrastive_loss_from_sums", "z", z, 2)
    return z.new_empty(z.shape[0])


@torch.library.register_fake("cldmdf::centroid_contrastive_loss_from_sums_backward")
def _from_sums_backward_fake(grad, z, entity_index, sums, counts, scale, leave_one_out):
    return z.new_empty(z.shape), sums.new_empty(sums.shape), scale.new_empty(())


@torch.library.register_fake("cldmdf::centroid_contrastive_loss_with_grad")
def _with_grad_fake(z, entity, scale, leave_one_out, reduction, scale_grad):
    _expect_rank("centroid_contrastive_loss_with_grad", "z", z, 2)
    grad_scale = scale.new_empty(()) if scale_grad else scale.new_empty(0)
    return z.new_empty(()), z.new_empty(z.shape), grad_scale
