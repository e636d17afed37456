// The operator schemas of OPS.md, written once: registered under cldmdf by
// registration.cpp and, for the CUDA-emulation tests, under cldmdf_cudasim.
#pragma once

namespace cldmdf {

inline constexpr const char* kOperatorSchemas[] = {
    "dual_attention(Tensor x, Tensor feat_logits, Tensor query, Tensor key, Tensor? mask=None, "
    "int num_heads=1, float feat_temperature=1.0, bool need_weights=True) "
    "-> (Tensor out, Tensor feat_weights, Tensor mod_weights)",
    // a weight output nothing reads has no gradient: None, never a tensor of zeros
    "dual_attention_backward(Tensor grad_out, Tensor? grad_feat_weights, Tensor? grad_mod_weights, "
    "Tensor x, Tensor feat_logits, Tensor query, Tensor key, Tensor? mask, int num_heads, "
    "float feat_temperature) "
    "-> (Tensor grad_x, Tensor grad_feat_logits, Tensor grad_query, Tensor grad_key)",
    "adaptive_fusion(Tensor h, Tensor gate_logits, Tensor? mask=None, float temperature=1.0, "
    "bool need_weights=True) -> (Tensor fused, Tensor weights)",
    "adaptive_fusion_backward(Tensor grad_fused, Tensor? grad_weights, Tensor h, "
    "Tensor gate_logits, Tensor? mask, float temperature) "
    "-> (Tensor grad_h, Tensor grad_gate_logits)",
    "centroid_contrastive_loss(Tensor z, Tensor entity, float temperature=0.1, "
    "bool leave_one_out=True, str reduction=\"mean\") -> Tensor",
    "centroid_contrastive_loss_backward(Tensor grad, Tensor z, Tensor entity, float temperature, "
    "bool leave_one_out, str reduction) -> Tensor grad_z",
    // OPS.md 4a: a learned scale (a 0-dim tensor) instead of 1 / temperature
    "centroid_contrastive_loss.scaled(Tensor z, Tensor entity, Tensor scale, "
    "bool leave_one_out=True, str reduction=\"mean\") -> Tensor",
    "centroid_contrastive_loss_scaled_backward(Tensor grad, Tensor z, Tensor entity, Tensor scale, "
    "bool leave_one_out, str reduction) -> (Tensor grad_z, Tensor grad_scale)",
    // the loss ("mean"/"sum") and its gradients at upstream 1 in one pass (what autograd calls
    // when the loss will be differentiated)
    "centroid_contrastive_loss_with_grad(Tensor z, Tensor entity, Tensor scale, "
    "bool leave_one_out, str reduction, bool scale_grad) "
    "-> (Tensor loss, Tensor grad_z, Tensor grad_scale)",
    // OPS.md 4c: the per-point losses against given entity sums (the distributed loss)
    "centroid_contrastive_loss_from_sums(Tensor z, Tensor entity_index, Tensor sums, "
    "Tensor counts, Tensor scale, bool leave_one_out=True) -> Tensor",
    "centroid_contrastive_loss_from_sums_backward(Tensor grad, Tensor z, Tensor entity_index, "
    "Tensor sums, Tensor counts, Tensor scale, bool leave_one_out) "
    "-> (Tensor grad_z, Tensor grad_sums, Tensor grad_scale)",
};

}  // namespace cldmdf
