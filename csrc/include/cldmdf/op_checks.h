// Argument validation of each operator (OPS.md, "Errors"), written once and
// called by the CPU and CUDA kernels before any memory is touched. Each
// function returns the problem sizes it validated.
#pragma once

#include <optional>
#include <string>

#include "cldmdf/tensor_utils.h"

namespace cldmdf {

struct DualAttentionDims {
  int64_t B, M, D, K, H;
};
DualAttentionDims check_dual_attention(const Tensor& x, const Tensor& feat_logits,
                                       const Tensor& query, const Tensor& key,
                                       const std::optional<Tensor>& mask, int64_t num_heads,
                                       double feat_temperature);
DualAttentionDims check_dual_attention_backward(
    const Tensor& grad_out, const std::optional<Tensor>& grad_feat_weights,
    const std::optional<Tensor>& grad_mod_weights,
    const Tensor& x, const Tensor& feat_logits, const Tensor& query, const Tensor& key,
    const std::optional<Tensor>& mask, int64_t num_heads, double feat_temperature);

struct AdaptiveFusionDims {
  int64_t B, M, D, G;
};
AdaptiveFusionDims check_adaptive_fusion(const Tensor& h, const Tensor& gate_logits,
                                         const std::optional<Tensor>& mask, double temperature);
AdaptiveFusionDims check_adaptive_fusion_backward(const Tensor& grad_fused,
                                                  const std::optional<Tensor>& grad_weights,
                                                  const Tensor& h,
                                                  const Tensor& gate_logits,
                                                  const std::optional<Tensor>& mask,
                                                  double temperature);

enum class Reduction { Mean, Sum, None };
struct CentroidLossDims {
  int64_t N, P;
  Reduction reduction;
};
CentroidLossDims check_centroid_loss(const Tensor& z, const Tensor& entity, double temperature,
                                     const std::string& reduction);
CentroidLossDims check_centroid_loss_backward(const Tensor& grad, const Tensor& z,
                                              const Tensor& entity, double temperature,
                                              const std::string& reduction);
// The scaled form (OPS.md 4a): `scale` a 0-dim floating tensor on z's device. Its value is not
// checked (it lives on the device); `op` names the operator in the messages.
CentroidLossDims check_centroid_loss_scaled(const char* op, const Tensor& z, const Tensor& entity,
                                            const Tensor& scale, const std::string& reduction);
CentroidLossDims check_centroid_loss_scaled_backward(const Tensor& grad, const Tensor& z,
                                                     const Tensor& entity, const Tensor& scale,
                                                     const std::string& reduction);
// The loss against given entity sums (OPS.md 4c): z [N, P], entity_index int64 [N] into the
// E rows of sums [E, P] (z's dtype), counts int64 [E], scale as above. The values of
// entity_index are checked by the kernels (they need the data).
struct FromSumsDims {
  int64_t N, P, E;
};
FromSumsDims check_centroid_loss_from_sums(const char* op, const Tensor& z,
                                           const Tensor& entity_index, const Tensor& sums,
                                           const Tensor& counts, const Tensor& scale);
FromSumsDims check_centroid_loss_from_sums_backward(const Tensor& grad, const Tensor& z,
                                                    const Tensor& entity_index,
                                                    const Tensor& sums, const Tensor& counts,
                                                    const Tensor& scale);
// Raises the operator's error for an entity_index value outside [0, E) at `position`.
[[noreturn]] void fail_entity_index(const char* op, int64_t position, int64_t value, int64_t E);
// A reduced loss ("mean" or "sum") is required: the error names the operator and argument.
void check_scalar_reduction(const char* op, const CentroidLossDims& d);
// The value of a 0-dim floating tensor on the CPU, as a double.
double scalar_value(const Tensor& t);

}  // namespace cldmdf
