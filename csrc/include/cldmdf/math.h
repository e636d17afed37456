// Math shared by the CPU and CUDA kernels: accumulation types, the NaN-propagating
// max, the masked softmax of OPS.md (as the reference computes it), its backward,
// row softmax and logsumexp, and the clamped L2 normalisation used by the centroid
// loss (and its backward, also in the strided form the CUDA warps use).
// Everything here is header-only and compiles for host and device alike.
#pragma once

#include <torch/headeronly/util/BFloat16.h>
#include <torch/headeronly/util/Half.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

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

// exp for the long rows (feature softmax, logsumexp over entities). On the
// host it is Cephes' expf polynomial written branch-free, so loops over it
// vectorise (a libm call does not); relative error about 2e-7, exp(x) = 0
// below -87.3 (and for -inf), NaN stays NaN. On the device it is expf.
CLDMDF_HD float fast_exp(float x) {
#if defined(__CUDA_ARCH__)
  return ::expf(x);
#else
  const float lo = -87.3f, hi = 88.7f;
  const float xc = x < lo ? lo : (x > hi ? hi : x);
  const float n = std::floor(xc * 1.44269504088896341f + 0.5f);
  float r = xc - n * 0.693359375f;
  r = r - n * -2.12194440e-4f;
  float p = 1.9875691500e-4f;
  p = p * r + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  const int32_t bits = (static_cast<int32_t>(n) + 127) << 23;
  float scale;
  std::memcpy(&scale, &bits, sizeof(scale));
  float y = p * scale;
  y = x < lo ? 0.0f : y;
  y = x > hi ? std::numeric_limits<float>::infinity() : y;
  return x != x ? x : y;
#endif
}
CLDMDF_HD double fast_exp(double x) { return ::exp(x); }

template <typename A>
CLDMDF_HD A neg_infinity() {
  return -std::numeric_limits<A>::infinity();
}

// The larger of a and b, NaN when either is NaN (as torch's max and the reference's
// softmax propagate it): a when a > b or a is NaN, otherwise b (so b on a tie, and when b is
// NaN). A running max over values v is `mx = nan_max(v, mx)`.
template <typename A>
CLDMDF_HD A nan_max(A a, A b) {
  return (a > b || a != a) ? a : b;
}

// The shift of a masked softmax: the max over the present entries, or 0 when that max is
// infinite (every present entry -inf, or one +inf), as the reference does; a NaN max stays.
template <typename A>
CLDMDF_HD A softmax_shift(A mx) {
  return (mx == neg_infinity<A>() || mx == -neg_infinity<A>()) ? A(0) : mx;
}

// The masked softmax's 1 / sum of the present exps, or 1 when the sum is 0 (every present
// entry -inf), as the reference does: those weights are then exactly 0. A NaN sum stays NaN,
// so that, as in the reference, the missing entries (0 * inv) become NaN too.
template <typename A>
CLDMDF_HD A softmax_inv_total(A total) {
  return total > A(0) ? A(1) / total : (total != total ? total : A(1));
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
      mx = nan_max(s, mx);
      any = true;
    }
  }
  if (!any) {
    for (int64_t j = 0; j < n; ++j) v[j * stride] = A(0);
    return;
  }
  const A shift = softmax_shift(mx);
  A total = A(0);
  for (int64_t j = 0; j < n; ++j) {
    if (present(j)) {
      const A e = exp_acc(v[j * stride] - shift);
      v[j * stride] = e;
      total += e;
    } else {
      v[j * stride] = A(0);
    }
  }
  const A inv = softmax_inv_total(total);
  for (int64_t j = 0; j < n; ++j) v[j * stride] *= inv;
}

// Backward of a (masked) softmax w over n entries: g_j <- scale * w_j (g_j - <w, g>).
// Missing entries have w_j = 0 and so get 0.
template <typename A>
CLDMDF_HD void softmax_backward_inplace(const A* w, A* g, int64_t n, int64_t stride, A scale) {
  A dot = A(0);
  // a reduction the host compiler vectorises (a long feature row: D = 256 terms)
#if !defined(__CUDA_ARCH__)
#pragma omp simd reduction(+ : dot)
#endif
  for (int64_t j = 0; j < n; ++j) dot += w[j * stride] * g[j * stride];
  for (int64_t j = 0; j < n; ++j) g[j * stride] = scale * w[j * stride] * (g[j * stride] - dot);
}

// Max of a contiguous row (-inf when empty), as a reduction the host compiler vectorises.
template <typename A>
CLDMDF_HD A row_max(const A* v, int64_t n) {
  A mx = neg_infinity<A>();
#if !defined(__CUDA_ARCH__)
#pragma omp simd reduction(max : mx)
#endif
  for (int64_t j = 0; j < n; ++j) mx = v[j] > mx ? v[j] : mx;
  return mx;
}

// Plain softmax of a contiguous row of n values, in place (every entry
// present). Written as simple reductions so that the host compiler vectorises it.
template <typename A>
CLDMDF_HD void softmax_row_inplace(A* v, int64_t n) {
  const A mx = row_max(v, n);
  A total = A(0);
#if !defined(__CUDA_ARCH__)
#pragma omp simd reduction(+ : total)
#endif
  for (int64_t j = 0; j < n; ++j) {
    v[j] = fast_exp(v[j] - mx);
    total += v[j];
  }
  const A inv = A(1) / total;
  for (int64_t j = 0; j < n; ++j) v[j] *= inv;
}

// log(sum_j exp(v_j)) of a contiguous row (n >= 1), max-shifted.
template <typename A>
CLDMDF_HD A logsumexp_row(const A* v, int64_t n) {
  // shifted by the max, or by 0 when the max is infinite (as torch.logsumexp: +inf stays
  // +inf and a row of -inf gives -inf, not exp(inf - inf) = NaN)
  const A mx = softmax_shift(row_max(v, n));
  A total = A(0);
#if !defined(__CUDA_ARCH__)
#pragma omp simd reduction(+ : total)
#endif
  for (int64_t j = 0; j < n; ++j) total += fast_exp(v[j] - mx);
  return mx + log_acc(total);
}

// Masked softmax down each column of a row-major [n, G] block (over its n
// rows), in place; row j takes part when present(j). The same math as
// masked_softmax_inplace per column, arranged so the inner loops run along G
// (contiguous) and vectorise. `col` is scratch of 2 * G values.
template <typename A, typename Present>
CLDMDF_HD void masked_softmax_columns_inplace(A* v, int64_t n, int64_t G, Present present, A* col) {
  A* mx = col;
  A* total = col + G;
  bool any = false;
  for (int64_t g = 0; g < G; ++g) mx[g] = neg_infinity<A>();
  for (int64_t j = 0; j < n; ++j) {
    if (!present(j)) continue;
    any = true;
    const A* r = v + j * G;
    for (int64_t g = 0; g < G; ++g) mx[g] = nan_max(r[g], mx[g]);
  }
  if (!any) {
    for (int64_t k = 0; k < n * G; ++k) v[k] = A(0);
    return;
  }
  for (int64_t g = 0; g < G; ++g) {
    total[g] = A(0);
    mx[g] = softmax_shift(mx[g]);
  }
  for (int64_t j = 0; j < n; ++j) {
    A* r = v + j * G;
    if (!present(j)) {
      for (int64_t g = 0; g < G; ++g) r[g] = A(0);
      continue;
    }
    for (int64_t g = 0; g < G; ++g) {
      r[g] = fast_exp(r[g] - mx[g]);
      total[g] += r[g];
    }
  }
  for (int64_t g = 0; g < G; ++g) total[g] = softmax_inv_total(total[g]);
  for (int64_t j = 0; j < n; ++j)
    for (int64_t g = 0; g < G; ++g) v[j * G + g] *= total[g];
}

// softmax_backward_inplace down each column of row-major [n, G] blocks w and
// g; `col` is scratch of G values.
template <typename A>
CLDMDF_HD void softmax_backward_columns_inplace(const A* w, A* g, int64_t n, int64_t G, A scale,
                                                A* col) {
  for (int64_t c = 0; c < G; ++c) col[c] = A(0);
  for (int64_t j = 0; j < n; ++j)
    for (int64_t c = 0; c < G; ++c) col[c] += w[j * G + c] * g[j * G + c];
  for (int64_t j = 0; j < n; ++j)
    for (int64_t c = 0; c < G; ++c) g[j * G + c] = scale * w[j * G + c] * (g[j * G + c] - col[c]);
}

// 1 / max(||x||, eps) given ||x||^2.
template <typename A>
CLDMDF_HD A inv_clamped_norm(A sumsq) {
  const A n = sqrt_acc(sumsq);
  return A(1) / (n > A(kNormEps) ? n : A(kNormEps));
}

// Backward of y = x / max(||x||, eps) for one vector of length n, of which the caller holds
// the entries p = first, first + step, ... < n (one thread of `step`, e.g. a lane of a CUDA
// warp; first = 0 and step = 1 for the whole vector): y(p) and gy(p) give y_p and dL/dy_p,
// sum(v) adds up the holders' partial <y, gy> (a warp reduction, called by every holder
// alike since `norm` is the same for all; the identity for a single holder) and out(p, gx_p)
// receives gx_p = (gy_p - y_p <y, gy>) / ||x|| when ||x|| > eps, else gy_p / eps.
template <typename A, typename Y, typename GY, typename Sum, typename Out>
CLDMDF_HD void normalize_backward_strided(int64_t n, int64_t first, int64_t step, A norm, Y y,
                                          GY gy, Sum sum, Out out) {
  if (norm > A(kNormEps)) {
    A dot = A(0);
    for (int64_t p = first; p < n; p += step) dot += y(p) * gy(p);
    dot = sum(dot);
    const A inv = A(1) / norm;
    for (int64_t p = first; p < n; p += step) out(p, (gy(p) - y(p) * dot) * inv);
  } else {
    const A inv = A(1) / A(kNormEps);
    for (int64_t p = first; p < n; p += step) out(p, gy(p) * inv);
  }
}

// normalize_backward_strided over a whole contiguous vector: writes gx (may alias gy).
template <typename A>
CLDMDF_HD void normalize_backward(const A* y, const A* gy, A* gx, int64_t n, A norm) {
  normalize_backward_strided(
      n, 0, 1, norm, [=](int64_t p) { return y[p]; }, [=](int64_t p) { return gy[p]; },
      [](A dot) { return dot; }, [=](int64_t p, A v) { gx[p] = v; });
}

}  // namespace cldmdf
