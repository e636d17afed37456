// The operator schemas of OPS.md, defined once. The backward operators take
// the forward inputs (not its rounded outputs) and recompute the attention
// weights in the accumulation type. Kernels register themselves
// per device next to their code (cpu/*.cpp, cuda/*.cu); fake kernels and
// autograd live in cldmdf/_meta.py and cldmdf/_autograd.py.
#include <torch/csrc/stable/library.h>

STABLE_TORCH_LIBRARY(cldmdf, m) {
  m.def(
      "dual_attention(Tensor x, Tensor feat_logits, Tensor query, Tensor key, Tensor? mask=None, "
      "int num_heads=1, float feat_temperature=1.0) "
      "-> (Tensor out, Tensor feat_weights, Tensor mod_weights)");
  m.def(
      "dual_attention_backward(Tensor grad_out, Tensor grad_feat_weights, Tensor grad_mod_weights, "
      "Tensor x, Tensor feat_logits, Tensor query, Tensor key, Tensor? mask, int num_heads, "
      "float feat_temperature) "
      "-> (Tensor grad_x, Tensor grad_feat_logits, Tensor grad_query, Tensor grad_key)");
  m.def(
      "adaptive_fusion(Tensor h, Tensor gate_logits, Tensor? mask=None, float temperature=1.0) "
      "-> (Tensor fused, Tensor weights)");
  m.def(
      "adaptive_fusion_backward(Tensor grad_fused, Tensor grad_weights, Tensor h, "
      "Tensor gate_logits, Tensor? mask, float temperature) "
      "-> (Tensor grad_h, Tensor grad_gate_logits)");
  m.def(
      "centroid_contrastive_loss(Tensor z, Tensor entity, float temperature=0.1, "
      "bool leave_one_out=True, str reduction=\"mean\") -> Tensor");
  m.def(
      "centroid_contrastive_loss_backward(Tensor grad, Tensor z, Tensor entity, float temperature, "
      "bool leave_one_out, str reduction) -> Tensor grad_z");
}

#include "cldmdf/cldmdf.h"

extern "C" __attribute__((visibility("default"))) const char* cldmdf_init(void) {
  return "0.1.0";
}
