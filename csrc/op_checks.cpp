#include "cldmdf/op_checks.h"

namespace cldmdf {
namespace {

// x-like: a floating [B, M, width] tensor with the dtype and device of `ref`.
void check_bmx(const char* op, const char* name, const Tensor& t, int64_t B, int64_t M,
               const char* ref_name, const Tensor& ref, const char* layout) {
  check_rank(op, name, t, 3, layout);
  check_floating(op, name, t);
  check_same_dtype(op, name, t, ref_name, ref);
  check_same_device(op, name, t, ref_name, ref);
  check_size(op, name, t, 0, B, "B, the batch size");
  check_size(op, name, t, 1, M, "M, the number of modalities");
}

}  // namespace

DualAttentionDims check_dual_attention(const Tensor& x, const Tensor& feat_logits,
                                       const Tensor& query, const Tensor& key,
                                       const std::optional<Tensor>& mask, int64_t num_heads,
                                       double feat_temperature) {
  const char* op = "dual_attention";
  check_rank(op, "x", x, 3, "[B, M, D]");
  check_floating(op, "x", x);
  const int64_t B = x.size(0), M = x.size(1), D = x.size(2);
  check_bmx(op, "feat_logits", feat_logits, B, M, "x", x, "[B, M, D]");
  check_size(op, "feat_logits", feat_logits, 2, D, "D, the feature width of x");
  check_bmx(op, "query", query, B, M, "x", x, "[B, M, K]");
  const int64_t K = query.size(2);
  check_bmx(op, "key", key, B, M, "x", x, "[B, M, K]");
  check_size(op, "key", key, 2, K, "K, the width of query");
  check_mask(op, mask, B, M, "x", x);
  CLDMDF_CHECK(num_heads > 0, "cldmdf::", op, ": argument 'num_heads' expected a value > 0, got ",
               num_heads);
  CLDMDF_CHECK(D % num_heads == 0, "cldmdf::", op, ": argument 'num_heads' expected to divide D = ",
               D, " (the feature width of x), got num_heads = ", num_heads);
  CLDMDF_CHECK(K % num_heads == 0, "cldmdf::", op, ": argument 'num_heads' expected to divide K = ",
               K, " (the width of query and key), got num_heads = ", num_heads);
  check_positive_finite(op, "feat_temperature", feat_temperature);
  return {B, M, D, K, num_heads};
}

DualAttentionDims check_dual_attention_backward(
    const Tensor& grad_out, const std::optional<Tensor>& grad_feat_weights_,
    const std::optional<Tensor>& grad_mod_weights_,
    const Tensor& x, const Tensor& feat_logits, const Tensor& query, const Tensor& key,
    const std::optional<Tensor>& mask, int64_t num_heads, double feat_temperature) {
  const char* op = "dual_attention_backward";
  const DualAttentionDims d =
      check_dual_attention(x, feat_logits, query, key, mask, num_heads, feat_temperature);
  check_bmx(op, "grad_out", grad_out, d.B, d.M, "x", x, "[B, M, D]");
  check_size(op, "grad_out", grad_out, 2, d.D, "D");
  if (grad_feat_weights_) {
    const Tensor& grad_feat_weights = *grad_feat_weights_;
    check_bmx(op, "grad_feat_weights", grad_feat_weights, d.B, d.M, "x", x, "[B, M, D]");
    check_size(op, "grad_feat_weights", grad_feat_weights, 2, d.D, "D");
  }
  if (!grad_mod_weights_) return d;
  const Tensor& grad_mod_weights = *grad_mod_weights_;
  check_rank(op, "grad_mod_weights", grad_mod_weights, 4, "[B, H, M, M]");
  check_same_dtype(op, "grad_mod_weights", grad_mod_weights, "x", x);
  check_same_device(op, "grad_mod_weights", grad_mod_weights, "x", x);
  check_size(op, "grad_mod_weights", grad_mod_weights, 0, d.B, "B");
  check_size(op, "grad_mod_weights", grad_mod_weights, 1, d.H, "H, num_heads");
  check_size(op, "grad_mod_weights", grad_mod_weights, 2, d.M, "M");
  check_size(op, "grad_mod_weights", grad_mod_weights, 3, d.M, "M");
  return d;
}

AdaptiveFusionDims check_adaptive_fusion(const Tensor& h, const Tensor& gate_logits,
                                         const std::optional<Tensor>& mask, double temperature) {
  const char* op = "adaptive_fusion";
  check_rank(op, "h", h, 3, "[B, M, D]");
  check_floating(op, "h", h);
  const int64_t B = h.size(0), M = h.size(1), D = h.size(2);
  check_bmx(op, "gate_logits", gate_logits, B, M, "h", h, "[B, M, G]");
  const int64_t G = gate_logits.size(2);
  CLDMDF_CHECK(G > 0 && D % G == 0, "cldmdf::", op,
               ": argument 'gate_logits' expected a group count G (dim 2) that divides D = ", D,
               ", got G = ", G);
  check_mask(op, mask, B, M, "h", h);
  check_positive_finite(op, "temperature", temperature);
  return {B, M, D, G};
}

AdaptiveFusionDims check_adaptive_fusion_backward(const Tensor& grad_fused,
                                                  const std::optional<Tensor>& grad_weights_,
                                                  const Tensor& h,
                                                  const Tensor& gate_logits,
                                                  const std::optional<Tensor>& mask,
                                                  double temperature) {
  const char* op = "adaptive_fusion_backward";
  const AdaptiveFusionDims d = check_adaptive_fusion(h, gate_logits, mask, temperature);
  check_rank(op, "grad_fused", grad_fused, 2, "[B, D]");
  check_same_dtype(op, "grad_fused", grad_fused, "h", h);
  check_same_device(op, "grad_fused", grad_fused, "h", h);
  check_size(op, "grad_fused", grad_fused, 0, d.B, "B");
  check_size(op, "grad_fused", grad_fused, 1, d.D, "D");
  if (grad_weights_) {
    check_bmx(op, "grad_weights", *grad_weights_, d.B, d.M, "h", h, "[B, M, G]");
    check_size(op, "grad_weights", *grad_weights_, 2, d.G, "G");
  }
  return d;
}

namespace {

CentroidLossDims check_points(const char* op, const Tensor& z, const Tensor& entity,
                              const std::string& reduction) {
  check_rank(op, "z", z, 2, "[N, P]");
  check_floating(op, "z", z);
  const int64_t N = z.size(0), P = z.size(1);
  CLDMDF_CHECK(entity.scalar_type() == ScalarType::Long, "cldmdf::", op,
               ": argument 'entity' expected dtype int64, got ", dtype_str(entity.scalar_type()));
  CLDMDF_CHECK(entity.dim() == 1 && entity.size(0) == N, "cldmdf::", op,
               ": argument 'entity' expected shape [N] = [", N, "] (one id per row of z), got ",
               shape_str(entity));
  check_same_device(op, "entity", entity, "z", z);
  Reduction r;
  if (reduction == "mean") {
    r = Reduction::Mean;
  } else if (reduction == "sum") {
    r = Reduction::Sum;
  } else if (reduction == "none") {
    r = Reduction::None;
  } else {
    fail("cldmdf::", op, ": argument 'reduction' expected one of \"mean\", \"sum\", \"none\", got \"",
         reduction, "\"");
  }
  return {N, P, r};
}

void check_loss_grad(const char* op, const Tensor& grad, const Tensor& z, const CentroidLossDims& d) {
  check_same_dtype(op, "grad", grad, "z", z);
  check_same_device(op, "grad", grad, "z", z);
  if (d.reduction == Reduction::None) {
    CLDMDF_CHECK(grad.dim() == 1 && grad.size(0) == d.N, "cldmdf::", op,
                 ": argument 'grad' expected shape [N] = [", d.N, "] for reduction \"none\", got ",
                 shape_str(grad));
  } else {
    CLDMDF_CHECK(grad.dim() == 0, "cldmdf::", op,
                 ": argument 'grad' expected a 0-D tensor for a reduced loss, got shape ",
                 shape_str(grad));
  }
}

}  // namespace

CentroidLossDims check_centroid_loss(const Tensor& z, const Tensor& entity, double temperature,
                                     const std::string& reduction) {
  const char* op = "centroid_contrastive_loss";
  const CentroidLossDims d = check_points(op, z, entity, reduction);
  check_positive_finite(op, "temperature", temperature);
  return d;
}

CentroidLossDims check_centroid_loss_scaled(const char* op, const Tensor& z, const Tensor& entity,
                                            const Tensor& scale, const std::string& reduction) {
  const CentroidLossDims d = check_points(op, z, entity, reduction);
  check_floating(op, "scale", scale);
  CLDMDF_CHECK(scale.dim() == 0, "cldmdf::", op,
               ": argument 'scale' expected a 0-D tensor (one learned scale), got shape ",
               shape_str(scale));
  check_same_device(op, "scale", scale, "z", z);
  return d;
}

CentroidLossDims check_centroid_loss_scaled_backward(const Tensor& grad, const Tensor& z,
                                                     const Tensor& entity, const Tensor& scale,
                                                     const std::string& reduction) {
  const char* op = "centroid_contrastive_loss_scaled_backward";
  const CentroidLossDims d = check_centroid_loss_scaled(op, z, entity, scale, reduction);
  check_loss_grad(op, grad, z, d);
  return d;
}

FromSumsDims check_centroid_loss_from_sums(const char* op, const Tensor& z,
                                           const Tensor& entity_index, const Tensor& sums,
                                           const Tensor& counts, const Tensor& scale) {
  check_rank(op, "z", z, 2, "[N, P]");
  check_floating(op, "z", z);
  const int64_t N = z.size(0), P = z.size(1);
  CLDMDF_CHECK(entity_index.scalar_type() == ScalarType::Long, "cldmdf::", op,
               ": argument 'entity_index' expected dtype int64, got ",
               dtype_str(entity_index.scalar_type()));
  CLDMDF_CHECK(entity_index.dim() == 1 && entity_index.size(0) == N, "cldmdf::", op,
               ": argument 'entity_index' expected shape [N] = [", N,
               "] (one entity per row of z), got ", shape_str(entity_index));
  check_same_device(op, "entity_index", entity_index, "z", z);
  check_rank(op, "sums", sums, 2, "[E, P]");
  check_same_dtype(op, "sums", sums, "z", z);
  check_same_device(op, "sums", sums, "z", z);
  check_size(op, "sums", sums, 1, P, "P, the width of z");
  const int64_t E = sums.size(0);
  CLDMDF_CHECK(counts.scalar_type() == ScalarType::Long, "cldmdf::", op,
               ": argument 'counts' expected dtype int64, got ", dtype_str(counts.scalar_type()));
  CLDMDF_CHECK(counts.dim() == 1 && counts.size(0) == E, "cldmdf::", op,
               ": argument 'counts' expected shape [E] = [", E,
               "] (one count per row of sums), got ", shape_str(counts));
  check_same_device(op, "counts", counts, "z", z);
  check_floating(op, "scale", scale);
  CLDMDF_CHECK(scale.dim() == 0, "cldmdf::", op,
               ": argument 'scale' expected a 0-D tensor, got shape ", shape_str(scale));
  check_same_device(op, "scale", scale, "z", z);
  return {N, P, E};
}

FromSumsDims check_centroid_loss_from_sums_backward(const Tensor& grad, const Tensor& z,
                                                    const Tensor& entity_index,
                                                    const Tensor& sums, const Tensor& counts,
                                                    const Tensor& scale) {
  const char* op = "centroid_contrastive_loss_from_sums_backward";
  const FromSumsDims d = check_centroid_loss_from_sums(op, z, entity_index, sums, counts, scale);
  check_same_dtype(op, "grad", grad, "z", z);
  check_same_device(op, "grad", grad, "z", z);
  CLDMDF_CHECK(grad.dim() == 1 && grad.size(0) == d.N, "cldmdf::", op,
               ": argument 'grad' expected shape [N] = [", d.N, "] (one per point), got ",
               shape_str(grad));
  return d;
}

void check_scalar_reduction(const char* op, const CentroidLossDims& d) {
  CLDMDF_CHECK(d.reduction != Reduction::None, "cldmdf::", op,
               ": argument 'reduction' expected \"mean\" or \"sum\" (a scalar loss), got \"none\"");
}

void fail_entity_index(const char* op, int64_t position, int64_t value, int64_t E) {
  fail("cldmdf::", op, ": argument 'entity_index' expected values in [0, E) = [0, ", E,
       ") (rows of sums), got ", value, " at position ", position);
}

double scalar_value(const Tensor& t) {
  double v = 0.0;
  dispatch_floating(t.scalar_type(), "scalar_value", [&](auto tag) {
    using T = typename decltype(tag)::type;
    v = static_cast<double>(*static_cast<const T*>(t.data_ptr()));
  });
  return v;
}

CentroidLossDims check_centroid_loss_backward(const Tensor& grad, const Tensor& z,
                                              const Tensor& entity, double temperature,
                                              const std::string& reduction) {
  const char* op = "centroid_contrastive_loss_backward";
  const CentroidLossDims d = check_centroid_loss(z, entity, temperature, reduction);
  check_loss_grad(op, grad, z, d);
  return d;
}

}  // namespace cldmdf
