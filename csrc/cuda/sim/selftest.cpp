// Kernels that check the emulator itself (tests/test_cuda_sim.py): block and warp
// reductions over the thread ids must give the exact sums and maxima; two ways a kernel can
// hang or read garbage on a GPU — threads waiting at barriers that cannot all be reached, a
// shuffle from an exited lane — must be reported as errors; and a missing barrier must give
// different results under the two schedules. Also the schedule switch.
#include <string>

#include "../cuda_utils.cuh"

namespace cldmdf {
namespace cuda {
namespace {

// out[3 * block + 0..2] = sum of threadIdx.x over the block, max over the block, and the sum
// over warp 0 by shuffles.
__global__ void reductions_kernel(double* out) {
  __shared__ double red[32];
  const double v = threadIdx.x;
  const double sum = block_reduce<double, false>(v, red);
  const double mx = block_reduce<double, true>(v, red);
  const double warp = warp_sum(v);
  if (threadIdx.x == 0) {
    out[3 * blockIdx.x] = sum;
    out[3 * blockIdx.x + 1] = mx;
    out[3 * blockIdx.x + 2] = warp;
  }
}

// Half of warp 0 waits at __syncthreads, the other half at __syncwarp: neither can complete.
__global__ void divergent_barrier_kernel(double* out) {
  if (threadIdx.x < 16) {
    __syncthreads();
  } else {
    __syncwarp();
  }
  out[threadIdx.x] = 1.0;
}

// Each thread writes its slot and reads its neighbour's without a barrier in between: the
// result depends on the order the threads run in (a missing-barrier race).
__global__ void missing_barrier_kernel(double* out) {
  __shared__ double slots[256];
  const int t = threadIdx.x;
  slots[t] = -1.0;
  __syncthreads();
  slots[t] = double(t);
  out[t] = slots[(t + 1) % 256];
}

// Lanes 16..31 exit; lanes 0..15 then read them by a shuffle.
__global__ void exited_lane_shuffle_kernel(double* out) {
  if (threadIdx.x >= 16) return;
  out[threadIdx.x] = __shfl_xor_sync(0xffffffffu, double(threadIdx.x), 16);
}

Tensor cuda_sim_selftest(Tensor like, std::string name) {
  Tensor out = new_zeros(like, {3 * 256}, ScalarType::Double);
  double* p = static_cast<double*>(out.data_ptr());
  if (name == "reductions") {
    launch(reductions_kernel, 3, 256, 0, nullptr, p);
  } else if (name == "divergent_barrier") {
    launch(divergent_barrier_kernel, 1, 256, 0, nullptr, p);
  } else if (name == "missing_barrier") {
    launch(missing_barrier_kernel, 1, 256, 0, nullptr, p);
  } else if (name == "exited_lane_shuffle") {
    launch(exited_lane_shuffle_kernel, 1, 32, 0, nullptr, p);
  } else {
    CLDMDF_CHECK(false, "cuda_sim_selftest: unknown case '", name, "'");
  }
  return out;
}

// Sets the order threads run in between barriers ("forward" or "reverse"); returns the old one.
std::string cuda_sim_schedule(Tensor like, std::string order) {
  using ::cldmdf_sim::Schedule;
  CLDMDF_CHECK(order == "forward" || order == "reverse",
               "cuda_sim_schedule: order must be 'forward' or 'reverse', got '", order, "'");
  const Schedule old = ::cldmdf_sim::schedule();
  ::cldmdf_sim::schedule() = order == "reverse" ? Schedule::Reverse : Schedule::Forward;
  return old == Schedule::Reverse ? "reverse" : "forward";
}

}  // namespace
}  // namespace cuda
}  // namespace cldmdf

STABLE_TORCH_LIBRARY_IMPL(cldmdf_cudasim, CPU, m) {
  m.impl("cuda_sim_selftest", TORCH_BOX(&cldmdf::cuda::cuda_sim_selftest));
  m.impl("cuda_sim_schedule", TORCH_BOX(&cldmdf::cuda::cuda_sim_schedule));
}
