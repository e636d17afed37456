// CUDA-only helpers: the current stream and device guard of the inputs,
// kernel launches, warp/block reductions and strided element access.
//
// With CLDMDF_CUDA_SIM defined (the tests' build, tests/cuda_sim.py) the same
// kernels and host code compile as C++ and run on the CPU under the SIMT
// emulator of sim/cuda_sim.h, registered as cldmdf_cudasim::* for CPU tensors.
#pragma once

#include <cstring>

#include <torch/csrc/stable/library.h>
#include <torch/csrc/stable/macros.h>

#if defined(CLDMDF_CUDA_SIM)
#include "sim/cuda_sim.h"
#else
#include <cuda_runtime.h>
#include <torch/csrc/inductor/aoti_torch/c/shim.h>
#include <torch/csrc/stable/accelerator.h>
#endif

#include "cldmdf/math.h"
#include "cldmdf/tensor_utils.h"

#if defined(CLDMDF_CUDA_SIM)
#define CLDMDF_CUDA_LIBRARY_IMPL(m) STABLE_TORCH_LIBRARY_IMPL(cldmdf_cudasim, CPU, m)
#define CLDMDF_DYNAMIC_SHARED(name) unsigned char* name = ::cldmdf_sim::dynamic_shared()
#else
#define CLDMDF_CUDA_LIBRARY_IMPL(m) STABLE_TORCH_LIBRARY_IMPL(cldmdf, CUDA, m)
#define CLDMDF_DYNAMIC_SHARED(name) extern __shared__ __align__(16) unsigned char name[]
#endif

namespace cldmdf {
namespace cuda {

#if defined(CLDMDF_CUDA_SIM)
struct LaunchContext {
  cudaStream_t stream = nullptr;
  explicit LaunchContext(const Tensor&) {}
};

template <typename... KArgs, typename... Args>
void launch(void (*kernel)(KArgs...), dim3 grid, dim3 block, size_t shared_bytes, cudaStream_t,
            Args&&... args) {
  ::cldmdf_sim::launch(kernel, grid, block, shared_bytes, std::forward<Args>(args)...);
}

// Copies `bytes` of device memory to the host once the stream's work is done.
inline void copy_to_host(void* dst, const void* src, size_t bytes, cudaStream_t) {
  std::memcpy(dst, src, bytes);
}
#else
// Every kernel launch of an operator runs under the device guard of its
// inputs and on that device's current stream (so CUDA graphs capture it).
struct LaunchContext {
  torch::stable::accelerator::DeviceGuard guard;
  cudaStream_t stream;
  explicit LaunchContext(const Tensor& t) : guard(t.get_device_index()), stream(nullptr) {
    void* s = nullptr;
    TORCH_ERROR_CODE_CHECK(aoti_torch_get_current_cuda_stream(t.get_device_index(), &s));
    stream = static_cast<cudaStream_t>(s);
  }
};

// kernel<<<grid, block, shared_bytes, stream>>>(args...) and the launch check.
template <typename... KArgs, typename... Args>
void launch(void (*kernel)(KArgs...), dim3 grid, dim3 block, size_t shared_bytes,
            cudaStream_t stream, Args&&... args) {
  kernel<<<grid, block, shared_bytes, stream>>>(std::forward<Args>(args)...);
  STD_CUDA_KERNEL_LAUNCH_CHECK();
}

// Copies `bytes` of device memory to the host once the stream's work is done (synchronises).
inline void copy_to_host(void* dst, const void* src, size_t bytes, cudaStream_t stream) {
  STD_CUDA_CHECK(cudaMemcpyAsync(dst, src, bytes, cudaMemcpyDeviceToHost, stream));
  STD_CUDA_CHECK(cudaStreamSynchronize(stream));
}
#endif

inline int64_t ceil_div(int64_t a, int64_t b) { return (a + b - 1) / b; }

template <typename A>
__device__ __forceinline__ A warp_sum(A v) {
  for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
  return v;
}

template <typename A>
__device__ __forceinline__ A warp_max(A v) {
  for (int o = 16; o > 0; o >>= 1) v = nan_max(__shfl_xor_sync(0xffffffffu, v, o), v);
  return v;
}

// Sum (or max) over the whole block; `shared` holds at least 32 values.
// Every thread gets the result.
template <typename A, bool kMax>
__device__ A block_reduce(A v, A* shared) {
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
  const int warps = (blockDim.x + 31) >> 5;
  v = kMax ? warp_max(v) : warp_sum(v);
  __syncthreads();  // `shared` may still be read by a previous reduction
  if (lane == 0) shared[warp] = v;
  __syncthreads();
  A r = lane < warps ? shared[lane] : (kMax ? neg_infinity<A>() : A(0));
  r = kMax ? warp_max(r) : warp_sum(r);
  return r;
}

template <typename T>
__device__ __forceinline__ acc_t<T> load(const T* p) {
  return static_cast<acc_t<T>>(*p);
}

// A host-side description of a strided tensor of rank R handed to kernels.
template <typename T, int R>
struct View {
  T* data;
  int64_t stride[R];
};
template <typename T, int R>
View<T, R> view_of(const Tensor& t) {
  View<T, R> v;
  v.data = static_cast<T*>(t.data_ptr());
  for (int d = 0; d < R; ++d) v.stride[d] = t.stride(d);
  return v;
}

}  // namespace cuda
}  // namespace cldmdf
