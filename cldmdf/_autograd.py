"""Autograd of the three operators: each backward is itself a registered
operator (cldmdf::*_backward), so backward graphs trace, compile and export
like forward ones. Gradients reach every floating input from every output.
Only inputs are saved: the backward operators recompute the attention weights
in the accumulation type (flash-attention style), which keeps float16/bfloat16
gradients accurate and saves no [B, H, M, M] or [B, M, D] weights. The reduced
entity-centroid loss is the exception: it is differentiated in its forward (see below)."""
import math

import torch


def _dual_attention_setup(ctx, inputs, output):
    x, feat_logits, query, key, mask, num_heads, feat_temperature = inputs[:7]
    ctx.save_for_backward(x, feat_logits, query, key, mask)
    ctx.num_heads = num_heads
    ctx.feat_temperature = feat_temperature


def _dual_attention_backward(ctx, grad_out, grad_feat_weights, grad_mod_weights):
    x, feat_logits, query, key, mask = ctx.saved_tensors
    # a weight output nothing read, or an empty one (need_weights=False), has no gradient: None
    if grad_feat_weights is not None and grad_feat_weights.dim() != 3:
        grad_feat_weights = None
    if grad_mod_weights is not None and grad_mod_weights.dim() != 4:
        grad_mod_weights = None
    grad_x, grad_feat_logits, grad_query, grad_key = torch.ops.cldmdf.dual_attention_backward(
        torch.zeros_like(x) if grad_out is None else grad_out, grad_feat_weights,
        grad_mod_weights, x, feat_logits, query, key, mask, ctx.num_heads, ctx.feat_temperature)
    return grad_x, grad_feat_logits, grad_query, grad_key, None, None, None, None


def _adaptive_fusion_setup(ctx, inputs, output):
    h, gate_logits, mask, temperature = inputs[:4]
    ctx.save_for_backward(h, gate_logits, mask)
    ctx.temperature = temperature


def _adaptive_fusion_backward(ctx, grad_fused, grad_weights):
    h, gate_logits, mask = ctx.saved_tensors
    fused_like = h.new_zeros(h.shape[0], h.shape[2]) if grad_fused is None else grad_fused
    if grad_weights is not None and grad_weights.dim() != 3:  # need_weights=False: empty
        grad_weights = None
    grad_h, grad_gate_logits = torch.ops.cldmdf.adaptive_fusion_backward(
        fused_like, grad_weights, h, gate_logits, mask, ctx.temperature)
    return grad_h, grad_gate_logits, None, None, None


# --------------------------------------------------------------------------- the loss
# For a reduced loss ("mean"/"sum") that will be differentiated, the forward is
# cldmdf::centroid_contrastive_loss_with_grad: the loss and its gradients at upstream 1 from one
# pass of logit tiles (three GEMM-sized passes for forward + backward instead of four), and
# backward scales them by the incoming gradient. Otherwise ("none", or nothing to
# differentiate) backward recomputes the tiles with the registered backward operators.
# Second derivatives are not part of the contract: asking for them is an error.

def _no_double_backward(op):
    if torch.is_grad_enabled():
        raise RuntimeError(f"cldmdf::{op}: second derivatives are not supported (the backward "
                           "gives first derivatives only); backward with create_graph=True "
                           "cannot differentiate it")


class _LossFromOnePass(torch.autograd.Function):
    @staticmethod
    def forward(ctx, z, entity, scale, leave_one_out, reduction, op):
        with torch._C._AutoDispatchBelowAutograd():
            loss, grad_z, grad_scale = torch.ops.cldmdf.centroid_contrastive_loss_with_grad(
                z, entity, scale, leave_one_out, reduction,
                op.endswith("scaled") and scale.requires_grad)
        ctx.save_for_backward(grad_z, grad_scale)
        ctx.op = op
        ctx.scale_dtype = scale.dtype
        return loss

    @staticmethod
    def backward(ctx, grad):
        _no_double_backward(ctx.op)
        grad_z, grad_scale = ctx.saved_tensors
        gz = grad_z * grad if ctx.needs_input_grad[0] else None
        gs = None
        if ctx.needs_input_grad[2]:
            gs = grad_scale * grad.to(ctx.scale_dtype)
        return gz, None, gs, None, None, None


class _LossRecomputed(torch.autograd.Function):
    """Backward recomputes the tiles (cldmdf::*_backward); saves only the inputs."""

    @staticmethod
    def forward(ctx, z, entity, scale_or_temperature, leave_one_out, reduction, op):
        with torch._C._AutoDispatchBelowAutograd():
            if op.endswith("scaled"):
                loss = torch.ops.cldmdf.centroid_contrastive_loss.scaled(
                    z, entity, scale_or_temperature, leave_one_out, reduction)
                ctx.save_for_backward(z, entity, scale_or_temperature)
            else:
                loss = torch.ops.cldmdf.centroid_contrastive_loss.default(
                    z, entity, scale_or_temperature, leave_one_out, reduction)
                ctx.save_for_backward(z, entity)
                ctx.temperature = scale_or_temperature
        ctx.leave_one_out, ctx.reduction, ctx.op = leave_one_out, reduction, op
        return loss

    @staticmethod
    def backward(ctx, grad):
        _no_double_backward(ctx.op)
        if ctx.op.endswith("scaled"):
            z, entity, scale = ctx.saved_tensors
            grad_z, grad_scale = torch.ops.cldmdf.centroid_contrastive_loss_scaled_backward(
                grad, z, entity, scale, ctx.leave_one_out, ctx.reduction)
            return grad_z, None, grad_scale, None, None, None
        z, entity = ctx.saved_tensors
        grad_z = torch.ops.cldmdf.centroid_contrastive_loss_backward(
            grad, z, entity, ctx.temperature, ctx.leave_one_out, ctx.reduction)
        return grad_z, None, None, None, None, None


def _valid_temperature(t):
    return isinstance(t, (int, float)) and t > 0 and math.isfinite(t)


def _loss_autograd(z, entity, temperature=0.1, leave_one_out=True, reduction="mean"):
    op = "centroid_contrastive_loss"
    if not (torch.is_grad_enabled() and z.requires_grad):
        with torch._C._AutoDispatchBelowAutograd():
            return torch.ops.cldmdf.centroid_contrastive_loss.default(
                z, entity, temperature, leave_one_out, reduction)
    if reduction in ("mean", "sum") and _valid_temperature(temperature) and z.dim() == 2:
        acc = torch.float64 if z.dtype == torch.float64 else torch.float32
        scale = z.new_full((), 1.0 / temperature, dtype=acc)
        return _LossFromOnePass.apply(z, entity, scale, leave_one_out, reduction, op)
    return _LossRecomputed.apply(z, entity, temperature, leave_one_out, reduction, op)


def _scaled_loss_autograd(z, entity, scale, leave_one_out=True, reduction="mean"):
    op = "centroid_contrastive_loss.scaled"
    if not (torch.is_grad_enabled() and (z.requires_grad or scale.requires_grad)):
        with torch._C._AutoDispatchBelowAutograd():
            return torch.ops.cldmdf.centroid_contrastive_loss.scaled(
                z, entity, scale, leave_one_out, reduction)
    if reduction in ("mean", "sum"):
        return _LossFromOnePass.apply(z, entity, scale, leave_one_out, reduction, op)
    return _LossRecomputed.apply(z, entity, scale, leave_one_out, reduction, op)


_lib = torch.library.Library("cldmdf", "IMPL")
_lib.impl("centroid_contrastive_loss", _loss_autograd, "Autograd")
_lib.impl("centroid_contrastive_loss.scaled", _scaled_loss_autograd, "Autograd")


def _from_sums_setup(ctx, inputs, output):
    z, entity_index, sums, counts, scale, leave_one_out = inputs
    ctx.save_for_backward(z, entity_index, sums, counts, scale)
    ctx.leave_one_out = leave_one_out


def _from_sums_backward(ctx, grad):
    z, entity_index, sums, counts, scale = ctx.saved_tensors
    grad_z, grad_sums, grad_scale = torch.ops.cldmdf.centroid_contrastive_loss_from_sums_backward(
        grad, z, entity_index, sums, counts, scale, ctx.leave_one_out)
    return grad_z, None, grad_sums, None, grad_scale, None


torch.library.register_autograd("cldmdf::dual_attention", _dual_attention_backward,
                                setup_context=_dual_attention_setup)
torch.library.register_autograd("cldmdf::adaptive_fusion", _adaptive_fusion_backward,
                                setup_context=_adaptive_fusion_setup)
torch.library.register_autograd("cldmdf::centroid_contrastive_loss_from_sums",
                                _from_sums_backward, setup_context=_from_sums_setup)
