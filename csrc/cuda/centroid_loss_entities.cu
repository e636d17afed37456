// The dense entities of cldmdf::centroid_contrastive_loss (centroid_loss.cu), on the device
// and without host synchronisation: one stable sort of the int64 ids and a scan give each
// point its dense entity, the members of every entity in ascending point order and each
// entity's [start, end) among them. The number of entities E stays on the device: buffers are
// sized by N >= E and kernels read E from memory, so the operator can be captured in a CUDA
// graph. OPS.md 4c's given entities (dense indices into [0, E), E known) are checked (one
// synchronisation) and grouped by the same sort.
#include <array>
#include <optional>

#include "centroid_loss.cuh"
#include "cldmdf/op_checks.h"

namespace cldmdf {
namespace cuda {
namespace centroid {
namespace {

__global__ void new_group_flags_kernel(const int64_t* sorted, int64_t N, int64_t* flags) {
  const int64_t r = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (r < N) flags[r] = (r > 0 && sorted[r] != sorted[r - 1]) ? 1 : 0;
}

// group[r] = number of group starts in sorted[1 .. r] (the dense entity of slot r).
__global__ void entity_groups_kernel(const int64_t* sorted, const int64_t* order,
                                     const int64_t* group, int64_t N, int64_t* inverse,
                                     int64_t* starts, int64_t* ends, int64_t* count) {
  const int64_t r = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (r >= N) return;
  const int64_t g = group[r];
  inverse[order[r]] = g;
  if (r == 0 || sorted[r] != sorted[r - 1]) starts[g] = r;
  if (r == N - 1 || sorted[r + 1] != sorted[r]) ends[g] = r + 1;
  if (r == N - 1) *count = g + 1;
}

Tensor call_single(const char* name, const char* overload, StableIValue* stack) {
  TORCH_ERROR_CODE_CHECK(torch_call_dispatcher(name, overload, stack, TORCH_ABI_VERSION));
  return torch::stable::detail::to<Tensor>(stack[0]);
}

// ---------------------------------------------------------------- given entities (OPS.md 4c)

// out[0] = the first position of idx outside [0, E) (-1 if none), out[1] its value. One block.
__global__ void first_bad_index_kernel(const int64_t* idx, int64_t stride, int64_t N, int64_t E,
                                       int64_t* out) {
  __shared__ int64_t first[1024];
  int64_t mine = -1;
  for (int64_t i = threadIdx.x; i < N; i += blockDim.x) {
    const int64_t v = idx[i * stride];
    if (v < 0 || v >= E) {
      mine = i;
      break;
    }
  }
  first[threadIdx.x] = mine;
  __syncthreads();
  if (threadIdx.x != 0) return;
  int64_t best = -1;
  for (unsigned t = 0; t < blockDim.x; ++t)
    if (first[t] >= 0 && (best < 0 || first[t] < best)) best = first[t];
  out[0] = best;
  out[1] = best >= 0 ? idx[best * stride] : 0;
}

// The groups of points whose dense entities are given: sorted = entity_index sorted (stable),
// order its permutation; starts/ends start zeroed (an entity without local points is empty).
__global__ void dense_groups_kernel(const int64_t* sorted, const int64_t* order, int64_t N,
                                    int64_t* inverse, int64_t* starts, int64_t* ends) {
  const int64_t r = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (r >= N) return;
  const int64_t u = sorted[r];
  inverse[order[r]] = u;
  if (r == 0 || sorted[r - 1] != u) starts[u] = r;
  if (r == N - 1 || sorted[r + 1] != u) ends[u] = r + 1;
}

}  // namespace

Entities group_entities(const Tensor& entity, int64_t N, cudaStream_t s) {
  std::array<StableIValue, 4> sort_stack{
      torch::stable::detail::from(entity), torch::stable::detail::from(std::optional<bool>(true)),
      torch::stable::detail::from(int64_t(0)), torch::stable::detail::from(false)};
  Tensor sorted = torch::stable::contiguous(call_single("aten::sort", "stable", sort_stack.data()));
  Tensor order = torch::stable::contiguous(torch::stable::detail::to<Tensor>(sort_stack[1]));
  Tensor flags = new_empty(entity, {N}, ScalarType::Long);
  const int64_t* sp = static_cast<const int64_t*>(sorted.data_ptr());
  launch(new_group_flags_kernel, ceil_div(N, kThreads), kThreads, 0, s, sp, N,
         static_cast<int64_t*>(flags.data_ptr()));
  std::array<StableIValue, 3> scan_stack{torch::stable::detail::from(flags),
                                         torch::stable::detail::from(int64_t(0)),
                                         torch::stable::detail::from(std::nullopt)};
  Tensor group = torch::stable::contiguous(call_single("aten::cumsum", "", scan_stack.data()));
  Entities e{new_empty(entity, {N}, ScalarType::Long), order,
             new_empty(entity, {N}, ScalarType::Long), new_empty(entity, {N}, ScalarType::Long),
             new_empty(entity, {1}, ScalarType::Long)};
  launch(entity_groups_kernel, ceil_div(N, kThreads), kThreads, 0, s, sp,
         static_cast<const int64_t*>(order.data_ptr()),
         static_cast<const int64_t*>(group.data_ptr()), N,
         static_cast<int64_t*>(e.inverse.data_ptr()), static_cast<int64_t*>(e.starts.data_ptr()),
         static_cast<int64_t*>(e.ends.data_ptr()), static_cast<int64_t*>(e.count.data_ptr()));
  return e;
}

Entities dense_entities(const char* op, const Tensor& entity_index, const Tensor& counts,
                        int64_t N, int64_t E, cudaStream_t s) {
  Tensor bad = new_empty(entity_index, {2}, ScalarType::Long);
  launch(first_bad_index_kernel, 1, 1024, 0, s,
         static_cast<const int64_t*>(entity_index.data_ptr()), entity_index.stride(0), N, E,
         static_cast<int64_t*>(bad.data_ptr()));
  int64_t host[2] = {-1, 0};
  copy_to_host(host, bad.data_ptr(), sizeof(host), s);
  if (host[0] >= 0) fail_entity_index(op, host[0], host[1], E);
  std::array<StableIValue, 4> sort_stack{
      torch::stable::detail::from(entity_index),
      torch::stable::detail::from(std::optional<bool>(true)),
      torch::stable::detail::from(int64_t(0)), torch::stable::detail::from(false)};
  Tensor sorted = torch::stable::contiguous(call_single("aten::sort", "stable", sort_stack.data()));
  Tensor order = torch::stable::contiguous(torch::stable::detail::to<Tensor>(sort_stack[1]));
  Entities e{new_empty(entity_index, {N}, ScalarType::Long), order,
             new_zeros(entity_index, {E}, ScalarType::Long),
             new_zeros(entity_index, {E}, ScalarType::Long),
             new_empty(entity_index, {1}, ScalarType::Long), torch::stable::contiguous(counts)};
  launch(dense_groups_kernel, ceil_div(N, kThreads), kThreads, 0, s,
         static_cast<const int64_t*>(sorted.data_ptr()),
         static_cast<const int64_t*>(order.data_ptr()), N,
         static_cast<int64_t*>(e.inverse.data_ptr()), static_cast<int64_t*>(e.starts.data_ptr()),
         static_cast<int64_t*>(e.ends.data_ptr()));
  launch(set_value_kernel<int64_t>, 1, 1, 0, s, E, static_cast<int64_t*>(e.count.data_ptr()));
  return e;
}

}  // namespace centroid
}  // namespace cuda
}  // namespace cldmdf
