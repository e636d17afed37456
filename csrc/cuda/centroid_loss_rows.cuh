// The per-point and per-entity kernels of cldmdf::centroid_contrastive_loss
// (centroid_loss.cu, which alone includes this file): the normalised points, the entity sums
// and centroids, each point's own logit (the leave-one-out positive or its centroid, left out
// of the logit tiles), the reductions of the per-point losses (one block each, in a fixed
// order), and backward through all of them. The row kernels are one warp per point or per
// entity slot (slots >= E idle); an entity's warp walks its members in ascending point order,
// so the sums and their gradients are deterministic, without atomics (repeated calls and
// gradcheck agree bit for bit).
#pragma once

#include "centroid_loss.cuh"
#include "cldmdf/op_checks.h"

namespace cldmdf {
namespace cuda {
namespace centroid {
namespace {

// ---------------------------------------------------------------- per point / per entity

// out[r] = in[r] / max(||in[r]||, eps) (accumulation dtype) and norm[r] = ||in[r]||; one warp per
// row.
template <typename T, typename A>
__global__ void normalize_rows_kernel(View<const T, 2> in, int64_t rows, int64_t P, A* out,
                                      A* norm) {
  const int64_t r = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (r >= rows) return;
  A sq = A(0);
  for (int64_t p = lane; p < P; p += 32) {
    const A v = load(in.data + r * in.stride[0] + p * in.stride[1]);
    sq += v * v;
  }
  sq = warp_sum(sq);
  const A inv = inv_clamped_norm(sq);
  for (int64_t p = lane; p < P; p += 32)
    out[r * P + p] = load(in.data + r * in.stride[0] + p * in.stride[1]) * inv;
  if (lane == 0) norm[r] = sqrt_acc(sq);
}

// out[r] = in[r] in the accumulation dtype, contiguous.
template <typename T, typename A>
__global__ void load_rows_kernel(View<const T, 2> in, int64_t rows, int64_t P, A* out) {
  const int64_t k = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (k >= rows * P) return;
  const int64_t r = k / P, p = k % P;
  out[k] = load(in.data + r * in.stride[0] + p * in.stride[1]);
}

// S_u = sum of zhat over the members of u in ascending point order, c_u = S_u / max(||S_u||, eps),
// snorm_u = ||S_u||; one warp per entity slot, slots >= E idle.
template <typename A>
__global__ void entity_sums_kernel(const A* zhat, EntityPtrs ent, int64_t slots, int64_t P, A* sums,
                                   A* centroids, A* snorm) {
  const int64_t u = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (u >= slots || u >= *ent.count) return;
  const int64_t r0 = ent.starts[u], r1 = ent.ends[u];
  A sq = A(0);
  for (int64_t p = lane; p < P; p += 32) {
    A acc = A(0);
    for (int64_t r = r0; r < r1; ++r) acc += zhat[ent.members[r] * P + p];
    sums[u * P + p] = acc;
    sq += acc * acc;
  }
  sq = warp_sum(sq);
  const A inv = inv_clamped_norm(sq);
  for (int64_t p = lane; p < P; p += 32) centroids[u * P + p] = sums[u * P + p] * inv;
  if (lane == 0) snorm[u] = sqrt_acc(sq);
}

// own[i] = l_{i,e}: <zhat_i, c+_i> / T with c+_i the leave-one-out positive, or <zhat_i, c_e> / T
// without leave-one-out; 0 for points without a positive. One warp per point.
template <typename A>
__global__ void own_logit_kernel(const A* zhat, const A* sums, const A* centroids, EntityPtrs ent,
                                 int64_t N, int64_t P, bool leave_one_out, const A* scale, A* own) {
  const A inv_temp = *scale;  // 1 / T, or the learned scale (read on the device)
  const int64_t i = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (i >= N) return;
  const int64_t e = ent.inverse[i];
  const A* zi = zhat + i * P;
  A zr = A(0), rr = A(0);
  if (!leave_one_out) {
    for (int64_t p = lane; p < P; p += 32) zr += zi[p] * centroids[e * P + p];
    zr = warp_sum(zr);
    if (lane == 0) own[i] = zr * inv_temp;
    return;
  }
  if (ent.size(e) < 2) {
    if (lane == 0) own[i] = A(0);
    return;
  }
  for (int64_t p = lane; p < P; p += 32) {
    const A rem = sums[e * P + p] - zi[p];
    zr += zi[p] * rem;
    rr += rem * rem;
  }
  zr = warp_sum(zr);
  rr = warp_sum(rr);
  if (lane == 0) own[i] = zr * inv_clamped_norm(rr) * inv_temp;
}

// dL_i / d<zhat_i, c+_i> (the own logit's coefficient, 1/T included): 0 for points without a
// positive or without upstream gradient.
template <typename A>
__device__ __forceinline__ A own_coefficient(int64_t i, const A* own, const A* lse,
                                             const A* upstream, A inv_temp) {
  const A up = upstream[i];
  if (up == A(0)) return A(0);
  return up * inv_temp * (exp_acc(own[i] - lse[i]) - A(1));
}

// ---------------------------------------------------------------- reductions

// Mean/sum of the per-point losses (one block) written as a 0-d tensor of the input dtype.
template <typename T, typename A>
__global__ void reduce_loss_kernel(const A* loss, EntityPtrs ent, int64_t N, bool leave_one_out,
                                   bool mean, T* out) {
  __shared__ A red[32];
  A total = A(0), included = A(0);
  for (int64_t i = threadIdx.x; i < N; i += blockDim.x) {
    total += loss[i];
    included += ent.has_positive(i, leave_one_out) ? A(1) : A(0);
  }
  total = block_reduce<A, false>(total, red);
  included = block_reduce<A, false>(included, red);
  if (threadIdx.x == 0) {
    A v = total;
    if (mean) v = included > A(0) ? total / included : A(0);
    *out = static_cast<T>(v);
  }
}

template <typename T, typename A>
__global__ void cast_kernel(const A* in, int64_t n, T* out) {
  const int64_t k = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (k < n) out[k] = static_cast<T>(in[k]);
}

// Upstream gradient of each L_i: 0 for points without a positive; grad / #included for "mean".
template <typename T, typename A>
__global__ void upstream_kernel(View<const T, 1> grad, EntityPtrs ent, int64_t N,
                                bool leave_one_out, int reduction, A* upstream) {
  __shared__ A red[32];
  A included = A(0);
  for (int64_t i = threadIdx.x; i < N; i += blockDim.x)
    included += ent.has_positive(i, leave_one_out) ? A(1) : A(0);
  included = block_reduce<A, false>(included, red);
  for (int64_t i = threadIdx.x; i < N; i += blockDim.x) {
    A g = A(0);
    if (ent.has_positive(i, leave_one_out)) {
      if (reduction == static_cast<int>(Reduction::None)) {
        g = load(grad.data + i * grad.stride[0]);
      } else {
        g = load(grad.data);
        if (reduction == static_cast<int>(Reduction::Mean)) g /= included;
      }
    }
    upstream[i] = g;
  }
}

// ---------------------------------------------------------------- backward per entity / point

// normalize_backward_strided (math.h) for one row handled by a warp: lane `lane` holds the
// entries p = lane, lane + 32, ...; the partial dots are summed over the warp.
template <typename A, typename Y, typename GY, typename Out>
__device__ __forceinline__ void warp_normalize_backward(int64_t P, A norm, int lane, Y y, GY gy,
                                                        Out out) {
  normalize_backward_strided(P, lane, 32, norm, y, gy, [](A dot) { return warp_sum(dot); }, out);
}

// Without leave-one-out the own logit is <zhat_i, c_e> / T: its coefficient a_i adds a_i c_e to
// gzhat_i and a_i zhat_i to gcent_e. One warp per entity walks its members in order.
template <typename A>
__global__ void own_centroid_grad_kernel(const A* zhat, const A* centroids, const A* own,
                                         const A* lse, const A* upstream, EntityPtrs ent,
                                         int64_t slots, int64_t P, const A* scale, A* gzhat, A* gcent) {
  const A inv_temp = *scale;  // 1 / T, or the learned scale (read on the device)
  const int64_t u = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (u >= slots || u >= *ent.count) return;
  const A* cu = centroids + u * P;
  for (int64_t r = ent.starts[u], r1 = ent.ends[u]; r < r1; ++r) {
    const int64_t i = ent.members[r];
    const A a = own_coefficient(i, own, lse, upstream, inv_temp);
    if (a == A(0)) continue;  // warp-uniform
    for (int64_t p = lane; p < P; p += 32) {
      gzhat[i * P + p] += a * cu[p];
      gcent[u * P + p] += a * zhat[i * P + p];  // lane p owns column p: no race
    }
  }
}

// gS_u from gC_u through c_u = S_u / ||S_u||; one warp per entity.
template <typename A>
__global__ void centroid_grad_kernel(const A* centroids, const A* gcent, const A* snorm,
                                     const int64_t* count, int64_t slots, int64_t P, A* gsums) {
  const int64_t u = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  if (u >= slots || u >= *count) return;
  const A *y = centroids + u * P, *gy = gcent + u * P;
  A* gx = gsums + u * P;
  warp_normalize_backward(
      P, snorm[u], threadIdx.x & 31, [=](int64_t p) { return y[p]; },
      [=](int64_t p) { return gy[p]; }, [=](int64_t p, A v) { gx[p] = v; });
}

// Leave-one-out positives c+_i = normalize(S_e - zhat_i): their gradient goes to zhat_i
// directly and to S_e. One warp per entity walks its members in order (as the CPU kernel
// does), so gS_u is summed deterministically, without atomics.
template <typename A>
__global__ void positive_grad_entity_kernel(const A* zhat, const A* sums, const A* own,
                                            const A* lse, const A* upstream, EntityPtrs ent,
                                            int64_t slots, int64_t P, const A* scale, A* gzhat,
                                            A* gsums) {
  const A inv_temp = *scale;  // 1 / T, or the learned scale (read on the device)
  const int64_t u = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (u >= slots || u >= *ent.count || ent.size(u) < 2) return;
  const A* se = sums + u * P;
  for (int64_t r = ent.starts[u], r1 = ent.ends[u]; r < r1; ++r) {
    const int64_t i = ent.members[r];
    const A a = own_coefficient(i, own, lse, upstream, inv_temp);
    if (a == A(0)) continue;  // warp-uniform
    const A* zi = zhat + i * P;
    A rr = A(0);
    for (int64_t p = lane; p < P; p += 32) rr += (se[p] - zi[p]) * (se[p] - zi[p]);
    rr = warp_sum(rr);
    const A inv = inv_clamped_norm(rr);
    // c+_i = (S_e - zhat_i) * inv gets the gradient gc+ = a zhat_i; gr = its gradient of the
    // remainder S_e - zhat_i
    const auto cp = [=](int64_t p) { return (se[p] - zi[p]) * inv; };
    warp_normalize_backward(
        P, sqrt_acc(rr), lane, cp, [=](int64_t p) { return a * zi[p]; }, [=](int64_t p, A gr) {
          gzhat[i * P + p] += a * cp(p) - gr;
          gsums[u * P + p] += gr;  // lane p owns column p of gS_u: no race
        });
  }
}

// grad_z_i from gzhat_i + gS_{e(i)} through zhat_i = z_i / ||z_i||; one warp per point. With
// gsums null (the sums are an input, OPS.md 4c) only gzhat_i.
template <typename T, typename A>
__global__ void point_grad_kernel(const A* zhat, const A* znorm, const int64_t* inverse,
                                  const A* gsums, int64_t N, int64_t P, A* gzhat, T* grad_z) {
  const int64_t i = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (i >= N) return;
  A* g = gzhat + i * P;
  if (gsums) {
    const A* gs = gsums + inverse[i] * P;
    for (int64_t p = lane; p < P; p += 32) g[p] += gs[p];
  }
  __syncwarp();
  const A* y = zhat + i * P;
  T* gz = grad_z + i * P;
  warp_normalize_backward(
      P, znorm[i], lane, [=](int64_t p) { return y[p]; }, [=](int64_t p) { return g[p]; },
      [=](int64_t p, A v) { gz[p] = static_cast<T>(v); });
}

// ---------------------------------------------------------------- the scale (OPS.md 4a)

template <typename S, typename A>
__global__ void convert_scale_kernel(const S* scale, A* out) { *out = static_cast<A>(load(scale)); }

// out = sum_i term[i] (one block, a fixed order), as a 0-d tensor of the scale's dtype.
template <typename S, typename A>
__global__ void sum_terms_kernel(const A* term, int64_t N, S* out) {
  __shared__ A red[32];
  A total = A(0);
  for (int64_t i = threadIdx.x; i < N; i += blockDim.x) total += term[i];
  total = block_reduce<A, false>(total, red);
  if (threadIdx.x == 0) *out = static_cast<S>(total);
}

}  // namespace
}  // namespace centroid
}  // namespace cuda
}  // namespace cldmdf
