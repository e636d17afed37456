// CPU-only helpers: moving rows between (possibly strided, reduced-precision)
// tensors and contiguous accumulation buffers, and the batch-parallel loop.
#pragma once

#include <algorithm>
#include <cstdint>
#include <type_traits>

#include <torch/csrc/stable/ops.h>

namespace cldmdf {
namespace cpu {

// dst[i] = scale * src[i * stride], converted to the accumulation type.
template <typename T, typename A>
inline void load_row(const T* src, int64_t stride, int64_t n, A* dst, A scale = A(1)) {
  if (stride == 1) {
    for (int64_t i = 0; i < n; ++i) dst[i] = static_cast<A>(src[i]) * scale;
  } else {
    for (int64_t i = 0; i < n; ++i) dst[i] = static_cast<A>(src[i * stride]) * scale;
  }
}

// A contiguous accumulation-type view of a row of n values spaced `stride` apart: the
// tensor's own memory when it already is one (same type, unit stride), else the row
// converted into `buf` (n values).
template <typename T, typename A>
inline const A* row_as_acc(const T* src, int64_t stride, int64_t n, A* buf) {
  if constexpr (std::is_same_v<T, A>) {
    if (stride == 1) return src;
  }
  load_row(src, stride, n, buf);
  return buf;
}

// Asks for a contiguous row of n values to be brought into the L2 cache ahead of its use
// (a kernel asks for the next sample's rows while it computes this one's: one thread
// alone keeps too few DRAM reads in flight to stream several tensors at full speed).
// Strided rows are left to the hardware prefetchers.
template <typename T>
inline void prefetch_row(const T* p, int64_t stride, int64_t n) {
  if (stride != 1) return;
  const char* c = reinterpret_cast<const char*>(p);
  const int64_t bytes = n * static_cast<int64_t>(sizeof(T));
  for (int64_t off = 0; off < bytes; off += 64) __builtin_prefetch(c + off, 0, 2);
}

// dst[i] = src[i], rounded to the tensor's dtype; dst is contiguous.
template <typename T, typename A>
inline void store_row(const A* src, int64_t n, T* dst) {
  for (int64_t i = 0; i < n; ++i) dst[i] = static_cast<T>(src[i]);
}

// <a, b>. Eight partial sums, combined pairwise at the end: the compiler keeps them in one
// vector register, and a short dot product (attention's d_k = 32) pays a few shuffles for
// the horizontal sum instead of one scalar add per lane.
template <typename A>
inline A dot(const A* a, const A* b, int64_t n) {
  constexpr int64_t W = 8;
  A acc[W] = {};
  int64_t i = 0;
  for (; i + W <= n; i += W)
    for (int64_t l = 0; l < W; ++l) acc[l] += a[i + l] * b[i + l];
  A tail = A(0);
  for (; i < n; ++i) tail += a[i] * b[i];
  return tail + (((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7])));
}

// y += alpha * x
template <typename A>
inline void axpy(A alpha, const A* x, A* y, int64_t n) {
  for (int64_t i = 0; i < n; ++i) y[i] += alpha * x[i];
}

// The CPU kernels are built for the baseline ISA of the target (the wheel runs on any
// x86-64 CPU) and, on x86-64 with GCC, cloned for x86-64-v3 (AVX2, FMA) and x86-64-v4
// (AVX-512): function multiversioning picks the clone the CPU supports once, when the
// library loads. Every parallel region runs through run_chunk, and `flatten` inlines the
// region's body and the helpers it calls into each clone, so they are vectorised for
// that clone's ISA. CLDMDF_NO_CPU_CLONES (or another compiler) builds one version.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(CLDMDF_NO_CPU_CLONES)
#define CLDMDF_CPU_CLONES \
  __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"), flatten))
#else
#define CLDMDF_CPU_CLONES
#endif

template <typename F>
CLDMDF_CPU_CLONES void run_chunk(const F& f, int64_t begin, int64_t end) {
  f(begin, end);
}

// Runs f(begin, end) over [0, n) on the intra-op thread pool, in chunks of
// about `work_per_chunk` elements given `work_per_item` elements per item.
template <typename F>
inline void parallel_over(int64_t n, int64_t work_per_item, const F& f) {
  constexpr int64_t kWorkPerChunk = 1 << 15;
  const int64_t grain = std::max<int64_t>(1, kWorkPerChunk / std::max<int64_t>(1, work_per_item));
  torch::stable::parallel_for(0, n, grain,
                              [&](int64_t begin, int64_t end) { run_chunk(f, begin, end); });
}

}  // namespace cpu
}  // namespace cldmdf
