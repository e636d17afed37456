"""Autograd of the three operators: each backward is itself a registered
operator (cldmdf::*_backward), so backward graphs trace, compile and export
like forward ones. Gradients reach every floating input from every output.
Only inputs are saved: the backward operators recompute the attention weights
in the accumulation type (flash-attention style), which keeps float16/bfloat16
gradients accurate and saves no [B, H, M, M] or [B, M, D] weights."""
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


def _centroid_loss_setup(ctx, inputs, output):
    z, entity, temperature, leave_one_out, reduction = inputs
    ctx.save_for_backward(z, entity)
    ctx.temperature = temperature
    ctx.leave_one_out = leave_one_out
    ctx.reduction = reduction


def _centroid_loss_backward(ctx, grad):
    z, entity = ctx.saved_tensors
    grad_z = torch.ops.cldmdf.centroid_contrastive_loss_backward(
        grad, z, entity, ctx.temperature, ctx.leave_one_out, ctx.reduction)
    return grad_z, None, None, None, None


def _scaled_loss_setup(ctx, inputs, output):
    z, entity, scale, leave_one_out, reduction = inputs
    ctx.save_for_backward(z, entity, scale)
    ctx.leave_one_out = leave_one_out
    ctx.reduction = reduction


def _scaled_loss_backward(ctx, grad):
    z, entity, scale = ctx.saved_tensors
    grad_z, grad_scale = torch.ops.cldmdf.centroid_contrastive_loss_scaled_backward(
        grad, z, entity, scale, ctx.leave_one_out, ctx.reduction)
    return grad_z, None, grad_scale, None, None


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
torch.library.register_autograd("cldmdf::centroid_contrastive_loss", _centroid_loss_backward,
                                setup_context=_centroid_loss_setup)
torch.library.register_autograd("cldmdf::centroid_contrastive_loss.scaled", _scaled_loss_backward,
                                setup_context=_scaled_loss_setup)
torch.library.register_autograd("cldmdf::centroid_contrastive_loss_from_sums",
                                _from_sums_backward, setup_context=_from_sums_setup)
