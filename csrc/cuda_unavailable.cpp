// In a build without CUDA kernels, CUDA tensors reach these instead of the
// dispatcher's generic "could not run with arguments from the 'CUDA' backend".
#ifndef CLDMDF_WITH_CUDA
#include <optional>
#include <string>
#include <tuple>

#include "cldmdf/tensor_utils.h"

namespace cldmdf {
namespace {

[[noreturn]] void no_cuda(const char* op) {
  fail("cldmdf::", op, ": got CUDA tensors, but this build of cldmdf has no CUDA kernels; "
       "rebuild with a CUDA build of torch and nvcc on PATH (CLDMDF_CUDA=1 pip install "
       "--no-build-isolation .), or move the inputs to the CPU");
}

std::tuple<Tensor, Tensor, Tensor> dual_attention(Tensor, Tensor, Tensor, Tensor,
                                                  std::optional<Tensor>, int64_t, double, bool) {
  no_cuda("dual_attention");
}
std::tuple<Tensor, Tensor, Tensor, Tensor> dual_attention_backward(Tensor, std::optional<Tensor>,
                                                                   std::optional<Tensor>, Tensor,
                                                                   Tensor, Tensor, Tensor,
                                                                   std::optional<Tensor>, int64_t,
                                                                   double) {
  no_cuda("dual_attention_backward");
}
std::tuple<Tensor, Tensor> adaptive_fusion(Tensor, Tensor, std::optional<Tensor>, double, bool) {
  no_cuda("adaptive_fusion");
}
std::tuple<Tensor, Tensor> adaptive_fusion_backward(Tensor, std::optional<Tensor>, Tensor, Tensor,
                                                    std::optional<Tensor>, double) {
  no_cuda("adaptive_fusion_backward");
}
Tensor centroid_contrastive_loss(Tensor, Tensor, double, bool, std::string) {
  no_cuda("centroid_contrastive_loss");
}
Tensor centroid_contrastive_loss_backward(Tensor, Tensor, Tensor, double, bool, std::string) {
  no_cuda("centroid_contrastive_loss_backward");
}
Tensor centroid_contrastive_loss_scaled(Tensor, Tensor, Tensor, bool, std::string) {
  no_cuda("centroid_contrastive_loss.scaled");
}
std::tuple<Tensor, Tensor> centroid_contrastive_loss_scaled_backward(Tensor, Tensor, Tensor, Tensor,
                                                                     bool, std::string) {
  no_cuda("centroid_contrastive_loss_scaled_backward");
}
std::tuple<Tensor, Tensor, Tensor> centroid_contrastive_loss_with_grad(Tensor, Tensor, Tensor,
                                                                       bool, std::string, bool) {
  no_cuda("centroid_contrastive_loss_with_grad");
}
Tensor centroid_contrastive_loss_from_sums(Tensor, Tensor, Tensor, Tensor, Tensor, bool) {
  no_cuda("centroid_contrastive_loss_from_sums");
}
std::tuple<Tensor, Tensor, Tensor> centroid_contrastive_loss_from_sums_backward(
    Tensor, Tensor, Tensor, Tensor, Tensor, Tensor, bool) {
  no_cuda("centroid_contrastive_loss_from_sums_backward");
}

}  // namespace
}  // namespace cldmdf

STABLE_TORCH_LIBRARY_IMPL(cldmdf, CUDA, m) {
  m.impl("dual_attention", TORCH_BOX(&cldmdf::dual_attention));
  m.impl("dual_attention_backward", TORCH_BOX(&cldmdf::dual_attention_backward));
  m.impl("adaptive_fusion", TORCH_BOX(&cldmdf::adaptive_fusion));
  m.impl("adaptive_fusion_backward", TORCH_BOX(&cldmdf::adaptive_fusion_backward));
  m.impl("centroid_contrastive_loss", TORCH_BOX(&cldmdf::centroid_contrastive_loss));
  m.impl("centroid_contrastive_loss_backward",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_backward));
  m.impl("centroid_contrastive_loss.scaled", TORCH_BOX(&cldmdf::centroid_contrastive_loss_scaled));
  m.impl("centroid_contrastive_loss_scaled_backward",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_scaled_backward));
  m.impl("centroid_contrastive_loss_from_sums",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_from_sums));
  m.impl("centroid_contrastive_loss_with_grad",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_with_grad));
  m.impl("centroid_contrastive_loss_from_sums_backward",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_from_sums_backward));
}
#endif  // CLDMDF_WITH_CUDA
