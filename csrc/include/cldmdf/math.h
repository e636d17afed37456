// Math shared by the CPU and CUDA kernels: accumulation types, the masked
// softmax of OPS.md, its backward, an online logsumexp and the clamped L2
// normalisation used by the centroid loss. Everything here is header-only and
// compiles for host and device alike.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

#include <torch/headeronly/util/BFloat16.h>
#include <torch/headeronly/util/Half.h>

#if defined(__CUDACC__)
#define CLDMDF_HD __host__ __device__ __forceinline__
#else
#define CLDMDF_HD inline
#endif

namespace cldmdf {

// float16/bfloat16/float32 accumulate in float32; float64 stays float64.
template <typename T>
struct AccType {
  using type = float;
};
template <>
struct AccType<double> {
  using type = double;
};
template <typename T>
using acc_t = typename AccType<T>::type;

// The epsilon of OPS.md's normalisation: x / max(||x||, 1e-12).
constexpr double kNormEps = 1e-12;

CLDMDF_HD float exp_acc(float x) { return ::expf(x); }
CLDMDF_HD double exp_acc(double x) { return ::exp(x); }
CLDMDF_HD float log_acc(float x) { return ::logf(x); }
CLDMDF_HD double log_acc(double x) { return ::log(x); }
CLDMDF_HD float sqrt_acc(float x) { return ::sqrtf(x); }
CLDMDF_HD double sqrt_acc(double x) { return ::sqrt(x); }

template <typename A>
CLDMDF_HD A neg_infinity() {
  return -std::numeric_limits<A>::infinity();
}

// Masked softmax of n values spaced `stride` apart, in place. `present(j)`
// says whether entry j takes part. Missing entries become exactly 0; when no
// entry is present every entry is 0 (never NaN). Stable: the max over present
// entries is subtracted first; a NaN among them becomes the max, so it
// propagates to the whole row as it does in the reference.
template <typename A, typename Present>
CLDMDF_HD void masked_softmax_inplace(A* v, int64_t n, int64_t stride, Present present) {
  A mx = neg_infinity<A>();
  bool any = false;
  for (int64_t j = 0; j < n; ++j) {
    if (present(j)) {
      const A s = v[j * stride];
      mx = (s > mx || s != s) ? s : mx;
      any = true;
    }
  }
  if (!any) {
    for (int64_t j = 0; j < n; ++j) v[j * stride] = A(0);
    return;
  }
  A total = A(0);
  for (int64_t j = 0; j < n; ++j) {
    if (present(j)) {
      const A e = exp_acc(v[j * stride] - mx);
      v[j * stride] = e;
      total += e;
    } else {
      v[j * stride] = A(0);
    }
  }
  const A inv = A(1) / total;
  for (int64_t j = 0; j < n; ++j) v[j * stride] *= inv;
}

// Backward of a (masked) softmax w over n entries: g_j <- scale * w_j (g_j - <w, g>).
// Missing entries have w_j = 0 and so get 0.
template <typename A>
CLDMDF_HD void softmax_backward_inplace(const A* w, A* g, int64_t n, int64_t stride, A scale) {
  A dot = A(0);
  for (int64_t j = 0; j < n; ++j) dot += w[j * stride] * g[j * stride];
  for (int64_t j = 0; j < n; ++j) g[j * stride] = scale * w[j * stride] * (g[j * stride] - dot);
}

// Streaming logsumexp: values arrive one at a time (or as merged partial
// states), no buffer of them is kept.
template <typename A>
struct OnlineLogSumExp {
  A max = neg_infinity<A>();
  A sum = A(0);

  CLDMDF_HD void add(A x) {
    if (x > max) {
      sum = sum * exp_acc(max - x) + A(1);
      max = x;
    } else {
      sum += exp_acc(x - max);
    }
  }
  CLDMDF_HD void merge(const OnlineLogSumExp& o) {
    if (o.max > max) {
      sum = sum * exp_acc(max - o.max) + o.sum;
      max = o.max;
    } else if (o.sum > A(0)) {
      sum += o.sum * exp_acc(o.max - max);
    }
  }
  CLDMDF_HD A value() const { return max + log_acc(sum); }
};

// 1 / max(||x||, eps) given ||x||^2.
template <typename A>
CLDMDF_HD A inv_clamped_norm(A sumsq) {
  const A n = sqrt_acc(sumsq);
  return A(1) / (n > A(kNormEps) ? n : A(kNormEps));
}

// Backward of y = x / max(||x||, eps) for one vector of length n:
// gx = (gy - y <y, gy>) / ||x|| when ||x|| > eps, else gy / eps.
// Writes gx (may alias gy).
template <typename A>
CLDMDF_HD void normalize_backward(const A* y, const A* gy, A* gx, int64_t n, A norm) {
  if (norm > A(kNormEps)) {
    A dot = A(0);
    for (int64_t p = 0; p < n; ++p) dot += y[p] * gy[p];
    const A inv = A(1) / norm;
    for (int64_t p = 0; p < n; ++p) gx[p] = (gy[p] - y[p] * dot) * inv;
  } else {
    const A inv = A(1) / A(kNormEps);
    for (int64_t p = 0; p < n; ++p) gx[p] = gy[p] * inv;
  }
}

}  // namespace cldmdf
