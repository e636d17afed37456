// CUDA kernels of cldmdf::centroid_contrastive_loss and its backward (OPS.md,
// section 3).
//
// No host synchronisation, nothing of size [N, E]:
//  * Entities: one stable sort of the int64 ids and a scan give each point its
//    dense entity, the members of every entity in ascending point order and
//    each entity's [start, end) among them. The number of entities E stays on
//    the device: buffers are sized by N >= E and kernels read E from memory, so
//    the operator can be captured in a CUDA graph.
//  * Entity sums: one warp per entity over its members in order (deterministic,
//    no atomics, so repeated calls and gradcheck agree bit for bit).
//  * Logits and logsumexp (flash-attention style): one tiled kernel computes
//    64 points x 64 centroids of <zhat_i, c_u> at a time from shared memory and
//    folds them into a running (max, sum) per point; only [N] statistics are
//    kept. Backward recomputes the tiles in two kernels, one owning points
//    (grad of zhat) and one owning centroids (grad of the centroids), so every
//    output element is written by one block, without atomics.
//  * A point's own entity is left out of the tiles: its logit is the
//    leave-one-out positive (or the full centroid) and is handled per point
//    and per entity, which also keeps a one-entity batch's loss exactly 0.
#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>

#include "cldmdf/op_checks.h"
#include "cuda_utils.cuh"

namespace cldmdf {
namespace cuda {
namespace {

constexpr int kThreads = 256;
constexpr int kWarpsPerBlock = kThreads / 32;

template <typename A>
constexpr ScalarType acc_scalar_type() {
  return std::is_same_v<A, double> ? ScalarType::Double : ScalarType::Float;
}

int64_t warp_blocks(int64_t rows) { return ceil_div(rows, kWarpsPerBlock); }

template <typename A>
__device__ __forceinline__ A nan_max(A a, A b) {
  if (a != a || b != b) return a + b;
  return a > b ? a : b;
}

// ---------------------------------------------------------------- entities

// Dense entities of the points, all on the device.
struct Entities {
  Tensor inverse;  // [N] dense entity of each point
  Tensor members;  // [N] point indices grouped by entity, ascending within an entity
  Tensor starts;   // [N] entity u's members are members[starts[u] : ends[u]], u < E
  Tensor ends;     // [N]
  Tensor count;    // [1] E
  std::optional<Tensor> totals;  // [E] points of each entity on every rank (OPS.md 4c)
};

// Device view of Entities.
struct EntityPtrs {
  const int64_t* inverse;
  const int64_t* members;
  const int64_t* starts;
  const int64_t* ends;
  const int64_t* count;
  const int64_t* totals;  // null: the entities are the points' own

  // The entity's number of points that decides leave-one-out: on every rank when given.
  __device__ int64_t size(int64_t u) const { return totals ? totals[u] : ends[u] - starts[u]; }
  __device__ bool has_positive(int64_t i, bool leave_one_out) const {
    return !leave_one_out || size(inverse[i]) > 1;
  }
};

EntityPtrs ptrs(const Entities& e) {
  return {static_cast<const int64_t*>(e.inverse.data_ptr()),
          static_cast<const int64_t*>(e.members.data_ptr()),
          static_cast<const int64_t*>(e.starts.data_ptr()),
          static_cast<const int64_t*>(e.ends.data_ptr()),
          static_cast<const int64_t*>(e.count.data_ptr()),
          e.totals ? static_cast<const int64_t*>(e.totals->data_ptr()) : nullptr};
}

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

template <typename V>
__global__ void set_value_kernel(V value, V* out) { *out = value; }

// Entities of OPS.md 4c: entity_index (checked to lie in [0, E): one synchronisation) and the
// entities' sizes over every rank. Per-entity buffers have E slots.
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

// The running max's shift: the max, or 0 once it is +inf (sums kept relative to it stay
// finite until a +inf term makes them +inf; exp(inf - inf) would be NaN). -inf stays -inf:
// an empty running sum times exp(-inf - shift) is 0.
template <typename A>
__device__ __forceinline__ A top_shift(A m) {
  return m == -neg_infinity<A>() ? A(0) : m;
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

// ---------------------------------------------------------------- logit tiles

constexpr int kTile = 64;          // points (rows) and centroids (columns) of a tile
constexpr int kTileThreads = 256;  // 16 x 16 threads, each 4 x 4 logits of the tile
constexpr int kOutChunk = 128;     // features of the gradient outputs per block (16 threads x 8)
constexpr int64_t kMaxSlices = 4;  // point slices of the centroid-side gradient kernel

// Shared memory of the tile kernels: a feature chunk of the tile's points and centroids (for the
// logits) or a chunk of rows of the gradient GEMM's right operand (never both at once), and the
// tile's gradient coefficients. 25 KiB for float, 42 KiB for double.
template <typename A>
struct TileShared {
  static constexpr int K = sizeof(A) == 8 ? 8 : 16;  // features (or rows) per staged chunk
  union {
    struct {
      A z[K][kTile + 4];  // k-major
      A c[K][kTile + 4];
    } stage;
    A rhs[K][kOutChunk];
  } u;
  A g[kTile][kTile + 1];
};

// acc[a][b] = <zhat[r0 + ty + 16a], cent[u0 + tx + 16b]> over all P features, 0 outside the
// first `rows` points / `cols` centroids. Every thread of the block must call it.
template <typename A>
__device__ void logit_tile(const A* zhat, const A* cent, int64_t r0, int64_t u0, int64_t rows,
                           int64_t cols, int64_t P, TileShared<A>& sm, A (&acc)[4][4]) {
  constexpr int K = TileShared<A>::K;
  const int tx = threadIdx.x & 15, ty = threadIdx.x >> 4;
#pragma unroll
  for (int a = 0; a < 4; ++a)
#pragma unroll
    for (int b = 0; b < 4; ++b) acc[a][b] = A(0);
  for (int64_t k0 = 0; k0 < P; k0 += K) {
    for (int idx = threadIdx.x; idx < kTile * K; idx += kTileThreads) {
      const int r = idx / K, k = idx % K;
      const int64_t p = k0 + k;
      sm.u.stage.z[k][r] = (r0 + r < rows && p < P) ? zhat[(r0 + r) * P + p] : A(0);
      sm.u.stage.c[k][r] = (u0 + r < cols && p < P) ? cent[(u0 + r) * P + p] : A(0);
    }
    __syncthreads();
#pragma unroll
    for (int k = 0; k < K; ++k) {
      A za[4], cb[4];
#pragma unroll
      for (int a = 0; a < 4; ++a) za[a] = sm.u.stage.z[k][ty + 16 * a];
#pragma unroll
      for (int b = 0; b < 4; ++b) cb[b] = sm.u.stage.c[k][tx + 16 * b];
#pragma unroll
      for (int a = 0; a < 4; ++a)
#pragma unroll
        for (int b = 0; b < 4; ++b) acc[a][b] += za[a] * cb[b];
    }
    __syncthreads();
  }
}

// Per-point logsumexp of the logits (forward, and recomputed by backward): a block owns 64
// points and streams over all centroids 64 at a time, keeping a running (max, sum) per point
// and thread, merged across the 16 threads of a row at the end. The own entity's column is
// left out and the own logit added last. lse[i] = logsumexp_u l_{i,u}; loss[i] = lse[i] -
// own[i] (0 without a positive). `loss` may be null.
template <typename A>
__global__ void __launch_bounds__(kTileThreads)
    logsumexp_kernel(const A* zhat, const A* centroids, const A* own, EntityPtrs ent, int64_t N,
                     int64_t P, bool leave_one_out, const A* scale, A* lse, A* loss) {
  const A inv_temp = *scale;  // 1 / T, or the learned scale (read on the device)
  __shared__ TileShared<A> sm;
  const int tx = threadIdx.x & 15, ty = threadIdx.x >> 4;
  const int64_t r0 = blockIdx.x * int64_t(kTile);
  const int64_t E = *ent.count;
  int64_t e[4];
  A mx[4], sum[4];
#pragma unroll
  for (int a = 0; a < 4; ++a) {
    const int64_t i = r0 + ty + 16 * a;
    e[a] = i < N ? ent.inverse[i] : -1;
    mx[a] = neg_infinity<A>();
    sum[a] = A(0);
  }
  for (int64_t u0 = 0; u0 < E; u0 += kTile) {
    A acc[4][4];
    logit_tile(zhat, centroids, r0, u0, N, E, P, sm, acc);
#pragma unroll
    for (int a = 0; a < 4; ++a) {
      A tile_max = neg_infinity<A>();
#pragma unroll
      for (int b = 0; b < 4; ++b) {
        const int64_t u = u0 + tx + 16 * b;
        acc[a][b] = (u < E && u != e[a]) ? acc[a][b] * inv_temp : neg_infinity<A>();
        tile_max = nan_max(tile_max, acc[a][b]);
      }
      const A m = nan_max(mx[a], tile_max);
      if (m == neg_infinity<A>()) continue;  // nothing seen yet
      A add = A(0);
#pragma unroll
      for (int b = 0; b < 4; ++b) add += exp_acc(acc[a][b] - top_shift(m));
      sum[a] = sum[a] * exp_acc(top_shift(mx[a]) - top_shift(m)) + add;
      mx[a] = m;
    }
  }
  // merge the 16 partial states of each point (the 16 lanes of a half warp share ty)
#pragma unroll
  for (int a = 0; a < 4; ++a) {
#pragma unroll
    for (int o = 8; o > 0; o >>= 1) {
      const A mo = __shfl_xor_sync(0xffffffffu, mx[a], o);
      const A so = __shfl_xor_sync(0xffffffffu, sum[a], o);
      const A m = nan_max(mx[a], mo);
      if (m != neg_infinity<A>())
        sum[a] = sum[a] * exp_acc(top_shift(mx[a]) - top_shift(m)) +
                 so * exp_acc(top_shift(mo) - top_shift(m));
      mx[a] = m;
    }
  }
  if (tx != 0) return;
#pragma unroll
  for (int a = 0; a < 4; ++a) {
    const int64_t i = r0 + ty + 16 * a;
    if (i >= N) continue;
    if (!ent.has_positive(i, leave_one_out)) {
      lse[i] = A(0);
      if (loss) loss[i] = A(0);
      continue;
    }
    const A o = own[i];
    const A m = nan_max(mx[a], o);
    const A l = top_shift(m) + log_acc(sum[a] * exp_acc(top_shift(mx[a]) - top_shift(m)) +
                                       exp_acc(o - top_shift(m)));
    lse[i] = l;
    if (loss) loss[i] = l - o;
  }
}

// The tile's gradient coefficients dL/d<zhat_i, c_u> for u != own entity, into sm.g[row][col]:
// upstream_i / T * softmax_{i,u}.
template <typename A>
__device__ void coefficient_tile(const A (&acc)[4][4], int64_t r0, int64_t u0, int64_t N, int64_t E,
                                 const int64_t* inverse, const A* lse, const A* upstream,
                                 A inv_temp, TileShared<A>& sm) {
  const int tx = threadIdx.x & 15, ty = threadIdx.x >> 4;
#pragma unroll
  for (int a = 0; a < 4; ++a) {
    const int64_t i = r0 + ty + 16 * a;
    const A up = i < N ? upstream[i] : A(0);
    const int64_t e = i < N ? inverse[i] : -1;
    const A l = i < N ? lse[i] : A(0);
#pragma unroll
    for (int b = 0; b < 4; ++b) {
      const int64_t u = u0 + tx + 16 * b;
      sm.g[ty + 16 * a][tx + 16 * b] = (up != A(0) && u < E && u != e)
                                           ? up * inv_temp * exp_acc(acc[a][b] * inv_temp - l)
                                           : A(0);
    }
  }
}

// out[a][f] += sum over the tile's 64 k of coef(a, k) * rhs[row0 + k][f0 + tx + 16 f], rhs
// rows valid below row_end: coef(a, k) is sm.g[ty + 16a][k] (the block owns the tile's points)
// or, kTransposed, sm.g[k][ty + 16a] (it owns the tile's centroids). Stages rhs K rows at a
// time; the first barrier also orders the coefficient writes before their reads.
template <typename A, bool kTransposed>
__device__ void accumulate_tile(const A* rhs, int64_t row0, int64_t row_end, int64_t f0, int64_t P,
                                TileShared<A>& sm, A (&out)[4][8]) {
  constexpr int K = TileShared<A>::K;
  const int tx = threadIdx.x & 15, ty = threadIdx.x >> 4;
  for (int c0 = 0; c0 < kTile; c0 += K) {
    for (int idx = threadIdx.x; idx < K * kOutChunk; idx += kTileThreads) {
      const int k = idx / kOutChunk, f = idx % kOutChunk;
      const int64_t row = row0 + c0 + k;
      sm.u.rhs[k][f] = (row < row_end && f0 + f < P) ? rhs[row * P + f0 + f] : A(0);
    }
    __syncthreads();
#pragma unroll
    for (int k = 0; k < K; ++k) {
#pragma unroll
      for (int a = 0; a < 4; ++a) {
        const A g = kTransposed ? sm.g[c0 + k][ty + 16 * a] : sm.g[ty + 16 * a][c0 + k];
#pragma unroll
        for (int c = 0; c < 8; ++c) out[a][c] += g * sm.u.rhs[k][tx + 16 * c];
      }
    }
    __syncthreads();
  }
}

// dst[row0 + ty + 16a, f0 + tx + 16c] = out[a][c] for rows below row_end and features below P.
template <typename A>
__device__ void store_rows(const A (&out)[4][8], A* dst, int64_t row0, int64_t row_end, int64_t f0,
                           int64_t P) {
  const int tx = threadIdx.x & 15, ty = threadIdx.x >> 4;
#pragma unroll
  for (int a = 0; a < 4; ++a) {
    const int64_t row = row0 + ty + 16 * a;
    if (row >= row_end) continue;
#pragma unroll
    for (int c = 0; c < 8; ++c) {
      const int64_t f = f0 + tx + 16 * c;
      if (f < P) dst[row * P + f] = out[a][c];
    }
  }
}

// gzhat[i, f] = sum_{u != e(i)} coef_{i,u} c_u[f]: a block owns 64 points x 128 features (per
// feature chunk it visits) and streams over the centroids. Writes every element of its part of
// gzhat.
template <typename A>
__global__ void __launch_bounds__(kTileThreads)
    point_side_grad_kernel(const A* zhat, const A* centroids, const A* lse, const A* upstream,
                           EntityPtrs ent, int64_t N, int64_t P, const A* scale, A* gzhat) {
  const A inv_temp = *scale;  // 1 / T, or the learned scale (read on the device)
  __shared__ TileShared<A> sm;
  const int64_t r0 = blockIdx.x * int64_t(kTile);
  const int64_t E = *ent.count;
  // feature chunks: blockIdx.y, then every gridDim.y-th (grid.y is capped at 65535)
  for (int64_t f0 = blockIdx.y * int64_t(kOutChunk); f0 < P; f0 += int64_t(gridDim.y) * kOutChunk) {
    A out[4][8] = {};
    for (int64_t u0 = 0; u0 < E; u0 += kTile) {
      A acc[4][4];
      logit_tile(zhat, centroids, r0, u0, N, E, P, sm, acc);
      coefficient_tile(acc, r0, u0, N, E, ent.inverse, lse, upstream, inv_temp, sm);
      accumulate_tile<A, false>(centroids, u0, E, f0, P, sm, out);
    }
    store_rows(out, gzhat, r0, N, f0, P);
  }
}

// gcent[u, f] = sum_{i: e(i) != u} coef_{i,u} zhat_i[f]: a block owns 64 centroids x 128
// features (per feature chunk it visits) and streams over one slice of the points, blockIdx.z
// of gridDim.z (more blocks than ceil(E / 64) alone when E is small). Slice z writes every
// element of its part of partial[z] ([slots, P], u < E); sum_slices_kernel adds the slices.
template <typename A>
__global__ void __launch_bounds__(kTileThreads)
    centroid_side_grad_kernel(const A* zhat, const A* centroids, const A* lse, const A* upstream,
                              EntityPtrs ent, int64_t N, int64_t P, const A* scale,
                              int64_t rows_per_slice, int64_t slots, A* partial) {
  const A inv_temp = *scale;  // 1 / T, or the learned scale (read on the device)
  __shared__ TileShared<A> sm;
  const int64_t u0 = blockIdx.x * int64_t(kTile);
  const int64_t E = *ent.count;
  if (u0 >= E) return;  // the grid is sized for E = slots
  const int64_t r_begin = blockIdx.z * rows_per_slice;
  const int64_t r_end = std::min<int64_t>(N, r_begin + rows_per_slice);
  A* gcent = partial + blockIdx.z * slots * P;
  for (int64_t f0 = blockIdx.y * int64_t(kOutChunk); f0 < P; f0 += int64_t(gridDim.y) * kOutChunk) {
    A out[4][8] = {};
    for (int64_t r0 = r_begin; r0 < r_end; r0 += kTile) {
      A acc[4][4];
      logit_tile(zhat, centroids, r0, u0, r_end, E, P, sm, acc);
      coefficient_tile(acc, r0, u0, r_end, E, ent.inverse, lse, upstream, inv_temp, sm);
      accumulate_tile<A, true>(zhat, r0, r_end, f0, P, sm, out);
    }
    store_rows(out, gcent, u0, E, f0, P);
  }
}

// gcent[u, f] = sum over the slices of partial[z][u, f], in slice order (deterministic); u < E.
template <typename A>
__global__ void sum_slices_kernel(const A* partial, int64_t slices, int64_t slots, int64_t P,
                                  const int64_t* count, A* gcent) {
  const int64_t k = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (k >= *count * P) return;
  A total = partial[k];
  for (int64_t z = 1; z < slices; ++z) total += partial[z * slots * P + k];
  gcent[k] = total;
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

// Warp-level backward of y = x / max(||x||, eps): writes gx for the warp's row (gx may alias gy).
template <typename A>
__device__ void warp_normalize_backward(const A* y, const A* gy, A* gx, int64_t P, A norm,
                                        int lane) {
  A dot = A(0);
  for (int64_t p = lane; p < P; p += 32) dot += y[p] * gy[p];
  dot = warp_sum(dot);
  const bool clamped = !(norm > A(kNormEps));
  const A inv = A(1) / (clamped ? A(kNormEps) : norm);
  __syncwarp();
  for (int64_t p = lane; p < P; p += 32) gx[p] = clamped ? gy[p] * inv : (gy[p] - y[p] * dot) * inv;
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
  warp_normalize_backward(centroids + u * P, gcent + u * P, gsums + u * P, P, snorm[u],
                          threadIdx.x & 31);
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
    const A rnorm = sqrt_acc(rr), inv = inv_clamped_norm(rr);
    A dot = A(0);
    for (int64_t p = lane; p < P; p += 32) dot += (se[p] - zi[p]) * inv * a * zi[p];
    dot = warp_sum(dot);
    const bool clamped = !(rnorm > A(kNormEps));
    const A inv_n = A(1) / (clamped ? A(kNormEps) : rnorm);
    for (int64_t p = lane; p < P; p += 32) {
      const A cp = (se[p] - zi[p]) * inv, gcp = a * zi[p];
      const A gr = clamped ? gcp * inv_n : (gcp - cp * dot) * inv_n;
      gzhat[i * P + p] += a * cp - gr;
      gsums[u * P + p] += gr;  // lane p owns column p of gS_u: no race
    }
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
  A dot = A(0);
  for (int64_t p = lane; p < P; p += 32) dot += y[p] * g[p];
  dot = warp_sum(dot);
  const bool clamped = !(znorm[i] > A(kNormEps));
  const A inv = A(1) / (clamped ? A(kNormEps) : znorm[i]);
  for (int64_t p = lane; p < P; p += 32)
    grad_z[i * P + p] = static_cast<T>(clamped ? g[p] * inv : (g[p] - y[p] * dot) * inv);
}

// ---------------------------------------------------------------- the scale (OPS.md 4a)

template <typename S, typename A>
__global__ void convert_scale_kernel(const S* scale, A* out) { *out = static_cast<A>(load(scale)); }

// term[i] = dL/dscale's part from row i: upstream_i (sum_{u != e} p_{i,u} cos_{i,u} +
// (p_{i,e} - 1) cos_{i,e}), with p = softmax of the logits and cos_{i,e} the own cosine (the
// leave-one-out positive's, or the centroid's). The tiles are recomputed as logsumexp_kernel
// does; only [N] values are written.
template <typename A>
__global__ void __launch_bounds__(kTileThreads)
    scale_grad_rows_kernel(const A* zhat, const A* centroids, const A* own, const A* own_cos,
                           const A* lse, const A* upstream, EntityPtrs ent, int64_t N, int64_t P,
                           const A* scale, A* term) {
  __shared__ TileShared<A> sm;
  const A inv_temp = *scale;
  const int tx = threadIdx.x & 15, ty = threadIdx.x >> 4;
  const int64_t r0 = blockIdx.x * int64_t(kTile);
  const int64_t E = *ent.count;
  int64_t e[4];
  A l[4], sum[4];
#pragma unroll
  for (int a = 0; a < 4; ++a) {
    const int64_t i = r0 + ty + 16 * a;
    e[a] = i < N ? ent.inverse[i] : -1;
    l[a] = i < N ? lse[i] : A(0);
    sum[a] = A(0);
  }
  for (int64_t u0 = 0; u0 < E; u0 += kTile) {
    A acc[4][4];
    logit_tile(zhat, centroids, r0, u0, N, E, P, sm, acc);
#pragma unroll
    for (int a = 0; a < 4; ++a) {
#pragma unroll
      for (int b = 0; b < 4; ++b) {
        const int64_t u = u0 + tx + 16 * b;
        if (e[a] >= 0 && u < E && u != e[a]) sum[a] += exp_acc(acc[a][b] * inv_temp - l[a]) * acc[a][b];
      }
    }
  }
#pragma unroll
  for (int a = 0; a < 4; ++a) {
#pragma unroll
    for (int o = 8; o > 0; o >>= 1) sum[a] += __shfl_xor_sync(0xffffffffu, sum[a], o);
  }
  if (tx != 0) return;
#pragma unroll
  for (int a = 0; a < 4; ++a) {
    const int64_t i = r0 + ty + 16 * a;
    if (i >= N) continue;
    const A up = upstream[i];
    term[i] = up == A(0) ? A(0) : up * (sum[a] + (exp_acc(own[i] - lse[i]) - A(1)) * own_cos[i]);
  }
}

// out = sum_i term[i] (one block, a fixed order), as a 0-d tensor of the scale's dtype.
template <typename S, typename A>
__global__ void sum_terms_kernel(const A* term, int64_t N, S* out) {
  __shared__ A red[32];
  A total = A(0);
  for (int64_t i = threadIdx.x; i < N; i += blockDim.x) total += term[i];
  total = block_reduce<A, false>(total, red);
  if (threadIdx.x == 0) *out = static_cast<S>(total);
}

// ---------------------------------------------------------------- host side

// What forward and backward both derive from (z, entity): entities, normalised points, entity
// sums and centroids, the own logits and every point's logsumexp. O(N * P), never O(N * E);
// per-entity buffers have `slots` rows: N for the operator's own entities (E <= N is only
// known on the device), E for given ones (OPS.md 4c).
template <typename A>
struct State {
  Entities ent;
  EntityPtrs ep;
  Tensor zhat, znorm, sums, centroids, snorm, own, lse;
  int64_t N, P, slots;
  Tensor scale;  // [1] the multiplier of the cosines: 1 / T, or the learned scale

  const A* ptr(const Tensor& t) const { return static_cast<const A*>(t.data_ptr()); }
  A* mut(const Tensor& t) const { return static_cast<A*>(t.data_ptr()); }
};

// The state's buffers and zhat; the entity sums and centroids are left to the caller.
template <typename T>
State<acc_t<T>> new_state(const Tensor& z, Entities ent, int64_t N, int64_t P, int64_t slots,
                          const Tensor& scale, cudaStream_t s) {
  using A = acc_t<T>;
  const ScalarType at = acc_scalar_type<A>();
  State<A> st{std::move(ent),
              {},
              new_empty(z, {N, P}, at),
              new_empty(z, {N}, at),
              new_empty(z, {slots, P}, at),
              new_empty(z, {slots, P}, at),
              new_empty(z, {slots}, at),
              new_empty(z, {N}, at),
              new_empty(z, {N}, at),
              N,
              P,
              slots,
              scale};
  st.ep = ptrs(st.ent);
  launch(normalize_rows_kernel<T, A>, warp_blocks(N), kThreads, 0, s, view_of<const T, 2>(z), N, P,
         st.mut(st.zhat), st.mut(st.znorm));
  return st;
}

// The own logits and logsumexps (and the per-point losses into `loss` when given).
template <typename A>
void finish_state(State<A>& st, bool leave_one_out, const Tensor* loss, cudaStream_t s) {
  const int64_t N = st.N, P = st.P;
  launch(own_logit_kernel<A>, warp_blocks(N), kThreads, 0, s, st.ptr(st.zhat), st.ptr(st.sums),
         st.ptr(st.centroids), st.ep, N, P, leave_one_out, st.ptr(st.scale), st.mut(st.own));
  launch(logsumexp_kernel<A>, ceil_div(N, kTile), kTileThreads, 0, s, st.ptr(st.zhat),
         st.ptr(st.centroids), st.ptr(st.own), st.ep, N, P, leave_one_out, st.ptr(st.scale),
         st.mut(st.lse), loss ? st.mut(*loss) : nullptr);
}

template <typename T>
State<acc_t<T>> build_state(const Tensor& z, const Tensor& entity, int64_t N, int64_t P,
                            const Tensor& scale, bool leave_one_out, const Tensor* loss,
                            cudaStream_t s) {
  using A = acc_t<T>;
  State<A> st = new_state<T>(z, group_entities(entity, N, s), N, P, N, scale, s);
  launch(entity_sums_kernel<A>, warp_blocks(N), kThreads, 0, s, st.ptr(st.zhat), st.ep, N, P,
         st.mut(st.sums), st.mut(st.centroids), st.mut(st.snorm));
  finish_state(st, leave_one_out, loss, s);
  return st;
}

// OPS.md 4c: the entities and their sums over every rank are given.
template <typename T>
State<acc_t<T>> build_state_from_sums(const char* op, const FromSumsDims& d, const Tensor& z,
                                      const Tensor& entity_index, const Tensor& sums,
                                      const Tensor& counts, const Tensor& scale,
                                      bool leave_one_out, const Tensor* loss, cudaStream_t s) {
  using A = acc_t<T>;
  const int64_t E = d.E, P = d.P;
  State<A> st = new_state<T>(z, dense_entities(op, entity_index, counts, d.N, E, s), d.N, P, E,
                             scale, s);
  launch(load_rows_kernel<T, A>, ceil_div(E * P, kThreads), kThreads, 0, s,
         view_of<const T, 2>(sums), E, P, st.mut(st.sums));
  launch(normalize_rows_kernel<T, A>, warp_blocks(E), kThreads, 0, s, view_of<const T, 2>(sums), E,
         P, st.mut(st.centroids), st.mut(st.snorm));
  finish_state(st, leave_one_out, loss, s);
  return st;
}

// The [1] device buffer of the cosines' multiplier: 1 / temperature, or the learned scale
// converted on the device (no synchronisation).
template <typename A>
Tensor scale_buffer(const Tensor& z, double inv_temp, const Tensor* scale, cudaStream_t s) {
  Tensor out = new_empty(z, {1}, acc_scalar_type<A>());
  A* p = static_cast<A*>(out.data_ptr());
  if (!scale) {
    launch(set_value_kernel<A>, 1, 1, 0, s, A(inv_temp), p);
    return out;
  }
  dispatch_floating(scale->scalar_type(), "centroid_contrastive_loss.scaled", [&](auto tag) {
    using S = typename decltype(tag)::type;
    launch(convert_scale_kernel<S, A>, 1, 1, 0, s, static_cast<const S*>(scale->data_ptr()), p);
  });
  return out;
}

template <typename T>
Tensor loss_forward(const CentroidLossDims& d, const Tensor& z, const Tensor& entity,
                    double inv_temp, const Tensor* scale, bool leave_one_out, cudaStream_t s) {
  using A = acc_t<T>;
  const int64_t N = d.N, P = d.P;
  if (N == 0)
    return d.reduction == Reduction::None ? new_empty(z, {0}, z.scalar_type())
                                          : new_zeros(z, {}, z.scalar_type());
  Tensor loss = new_empty(z, {N}, acc_scalar_type<A>());
  const State<A> st = build_state<T>(z, entity, N, P, scale_buffer<A>(z, inv_temp, scale, s),
                                     leave_one_out, &loss, s);
  Tensor out;
  if (d.reduction == Reduction::None) {
    out = new_empty(z, {N}, z.scalar_type());
    launch(cast_kernel<T, A>, ceil_div(N, kThreads), kThreads, 0, s, st.ptr(loss), N,
           static_cast<T*>(out.data_ptr()));
  } else {
    out = new_empty(z, {}, z.scalar_type());
    launch(reduce_loss_kernel<T, A>, 1, 1024, 0, s, st.ptr(loss), st.ep, N, leave_one_out,
           d.reduction == Reduction::Mean, static_cast<T*>(out.data_ptr()));
  }
  return out;
}

Tensor centroid_contrastive_loss_cuda(Tensor z, Tensor entity, double temperature,
                                      bool leave_one_out, std::string reduction) {
  const CentroidLossDims d = check_centroid_loss(z, entity, temperature, reduction);
  LaunchContext ctx(z);
  Tensor out;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss", [&](auto tag) {
    using T = typename decltype(tag)::type;
    out = loss_forward<T>(d, z, entity, 1.0 / temperature, nullptr, leave_one_out, ctx.stream);
  });
  return out;
}

Tensor centroid_contrastive_loss_scaled_cuda(Tensor z, Tensor entity, Tensor scale,
                                             bool leave_one_out, std::string reduction) {
  const CentroidLossDims d =
      check_centroid_loss_scaled("centroid_contrastive_loss.scaled", z, entity, scale, reduction);
  LaunchContext ctx(z);
  Tensor out;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss.scaled", [&](auto tag) {
    using T = typename decltype(tag)::type;
    out = loss_forward<T>(d, z, entity, 0.0, &scale, leave_one_out, ctx.stream);
  });
  return out;
}

// grad_z (z's dtype) from the state and the upstream gradient `grad` of the reduction. The
// sums are the points' own (grad_sums null: their gradient goes on to the points) or an input
// (OPS.md 4c: their gradient goes to grad_sums, [E, P] in their dtype). With grad_scale (the
// scaled forms) also dL/dscale (0-d, its dtype).
template <typename T, typename A>
void state_backward(const State<A>& st, const Tensor& z, const Tensor& grad, Reduction reduction,
                    bool leave_one_out, cudaStream_t s, Tensor& grad_z, Tensor* grad_sums,
                    Tensor* grad_scale) {
  const ScalarType at = acc_scalar_type<A>();
  const int64_t N = st.N, P = st.P, slots = st.slots;
  Tensor upstream = new_empty(z, {N}, at);
  Tensor gzhat = new_empty(z, {N, P}, at);
  Tensor gcent = new_empty(z, {slots, P}, at);
  Tensor gsums = new_empty(z, {slots, P}, at);
  A* up = st.mut(upstream);
  View<const T, 1> gv{static_cast<const T*>(grad.data_ptr()),
                      {grad.dim() == 1 ? grad.stride(0) : 0}};
  launch(upstream_kernel<T, A>, 1, 1024, 0, s, gv, st.ep, N, leave_one_out,
         static_cast<int>(reduction), up);
  if (P > 0) {
    const unsigned chunks =
        static_cast<unsigned>(std::min<int64_t>(ceil_div(P, kOutChunk), 65535));
    const dim3 grid(static_cast<unsigned>(ceil_div(N, kTile)), chunks);
    launch(point_side_grad_kernel<A>, grid, kTileThreads, 0, s, st.ptr(st.zhat),
           st.ptr(st.centroids), st.ptr(st.lse), up, st.ep, N, P, st.ptr(st.scale), st.mut(gzhat));
    // The centroid side has only ceil(E / 64) x feature-chunk blocks of work: the points are
    // split into up to kMaxSlices slices (more blocks), summed in order afterwards.
    const int64_t row_tiles = ceil_div(N, kTile);
    const int64_t rows_per_slice = ceil_div(row_tiles, std::min(kMaxSlices, row_tiles)) * kTile;
    const int64_t slices = ceil_div(N, rows_per_slice);
    Tensor partial = slices > 1 ? new_empty(z, {slices, slots, P}, at) : gcent;
    const dim3 side_grid(static_cast<unsigned>(ceil_div(slots, kTile)), chunks,
                         static_cast<unsigned>(slices));
    launch(centroid_side_grad_kernel<A>, side_grid, kTileThreads, 0, s, st.ptr(st.zhat),
           st.ptr(st.centroids), st.ptr(st.lse), up, st.ep, N, P, st.ptr(st.scale), rows_per_slice,
           slots, st.mut(partial));
    if (slices > 1)
      launch(sum_slices_kernel<A>, ceil_div(slots * P, kThreads), kThreads, 0, s,
             st.ptr(partial), slices, slots, P, st.ep.count, st.mut(gcent));
  }
  if (!leave_one_out) {
    launch(own_centroid_grad_kernel<A>, warp_blocks(slots), kThreads, 0, s, st.ptr(st.zhat),
           st.ptr(st.centroids), st.ptr(st.own), st.ptr(st.lse), up, st.ep, slots, P,
           st.ptr(st.scale), st.mut(gzhat), st.mut(gcent));
  }
  launch(centroid_grad_kernel<A>, warp_blocks(slots), kThreads, 0, s, st.ptr(st.centroids),
         st.ptr(gcent), st.ptr(st.snorm), st.ep.count, slots, P, st.mut(gsums));
  if (leave_one_out) {
    launch(positive_grad_entity_kernel<A>, warp_blocks(slots), kThreads, 0, s, st.ptr(st.zhat),
           st.ptr(st.sums), st.ptr(st.own), st.ptr(st.lse), up, st.ep, slots, P, st.ptr(st.scale),
           st.mut(gzhat), st.mut(gsums));
  }
  launch(point_grad_kernel<T, A>, warp_blocks(N), kThreads, 0, s, st.ptr(st.zhat),
         st.ptr(st.znorm), st.ep.inverse, grad_sums ? nullptr : st.ptr(gsums), N, P,
         st.mut(gzhat), static_cast<T*>(grad_z.data_ptr()));
  if (grad_sums && slots * P > 0)
    launch(cast_kernel<T, A>, ceil_div(slots * P, kThreads), kThreads, 0, s, st.ptr(gsums),
           slots * P, static_cast<T*>(grad_sums->data_ptr()));
  if (grad_scale) {
    Tensor own_cos = new_empty(z, {N}, at), term = new_empty(z, {N}, at);
    const Tensor one = scale_buffer<A>(z, 1.0, nullptr, s);
    launch(own_logit_kernel<A>, warp_blocks(N), kThreads, 0, s, st.ptr(st.zhat), st.ptr(st.sums),
           st.ptr(st.centroids), st.ep, N, P, leave_one_out, st.ptr(one), st.mut(own_cos));
    launch(scale_grad_rows_kernel<A>, ceil_div(N, kTile), kTileThreads, 0, s, st.ptr(st.zhat),
           st.ptr(st.centroids), st.ptr(st.own), st.ptr(own_cos), st.ptr(st.lse), up, st.ep, N, P,
           st.ptr(st.scale), st.mut(term));
    dispatch_floating(grad_scale->scalar_type(), "centroid_contrastive_loss_scaled_backward",
                      [&](auto stag) {
      using S = typename decltype(stag)::type;
      launch(sum_terms_kernel<S, A>, 1, 1024, 0, s, st.ptr(term), N,
             static_cast<S*>(grad_scale->data_ptr()));
    });
  }
}

// grad_z; with `scale` (the scaled form) also dL/dscale into `grad_scale` (0-d, its dtype).
template <typename T>
void loss_backward(const CentroidLossDims& d, const Tensor& grad, const Tensor& z,
                   const Tensor& entity, double inv_temp, const Tensor* scale, bool leave_one_out,
                   cudaStream_t s, Tensor& grad_z, Tensor* grad_scale) {
  using A = acc_t<T>;
  const Tensor sc = scale_buffer<A>(z, inv_temp, scale, s);
  const State<A> st = build_state<T>(z, entity, d.N, d.P, sc, leave_one_out, nullptr, s);
  state_backward<T>(st, z, grad, d.reduction, leave_one_out, s, grad_z, nullptr, grad_scale);
}

Tensor centroid_contrastive_loss_backward_cuda(Tensor grad, Tensor z, Tensor entity,
                                               double temperature, bool leave_one_out,
                                               std::string reduction) {
  const CentroidLossDims d = check_centroid_loss_backward(grad, z, entity, temperature, reduction);
  LaunchContext ctx(z);
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  if (d.N == 0) return grad_z;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    loss_backward<T>(d, grad, z, entity, 1.0 / temperature, nullptr, leave_one_out, ctx.stream,
                     grad_z, nullptr);
  });
  return grad_z;
}

std::tuple<Tensor, Tensor> centroid_contrastive_loss_scaled_backward_cuda(
    Tensor grad, Tensor z, Tensor entity, Tensor scale, bool leave_one_out, std::string reduction) {
  const CentroidLossDims d = check_centroid_loss_scaled_backward(grad, z, entity, scale, reduction);
  LaunchContext ctx(z);
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  Tensor grad_scale = new_zeros(scale, {}, scale.scalar_type());
  if (d.N == 0) return {grad_z, grad_scale};
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss_scaled_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    loss_backward<T>(d, grad, z, entity, 0.0, &scale, leave_one_out, ctx.stream, grad_z,
                     &grad_scale);
  });
  return {grad_z, grad_scale};
}

// The loss ("mean"/"sum") and its gradients at upstream 1: the logsumexp pass writes the
// losses, then the two gradient passes (three tile passes instead of the four of forward +
// backward). Autograd calls it when the loss will be differentiated.
std::tuple<Tensor, Tensor, Tensor> centroid_contrastive_loss_with_grad_cuda(
    Tensor z, Tensor entity, Tensor scale, bool leave_one_out, std::string reduction,
    bool scale_grad) {
  const char* op = "centroid_contrastive_loss_with_grad";
  const CentroidLossDims d = check_centroid_loss_scaled(op, z, entity, scale, reduction);
  check_scalar_reduction(op, d);
  LaunchContext ctx(z);
  Tensor out = new_zeros(z, {}, z.scalar_type());
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  Tensor grad_scale = scale_grad ? new_zeros(scale, {}, scale.scalar_type())
                                 : new_empty(scale, {0}, scale.scalar_type());
  if (d.N == 0) return {out, grad_z, grad_scale};
  dispatch_floating(z.scalar_type(), op, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    cudaStream_t s = ctx.stream;
    Tensor loss = new_empty(z, {d.N}, acc_scalar_type<A>());
    const State<A> st = build_state<T>(z, entity, d.N, d.P, scale_buffer<A>(z, 0.0, &scale, s),
                                       leave_one_out, &loss, s);
    launch(reduce_loss_kernel<T, A>, 1, 1024, 0, s, st.ptr(loss), st.ep, d.N, leave_one_out,
           d.reduction == Reduction::Mean, static_cast<T*>(out.data_ptr()));
    Tensor one = new_empty(z, {}, z.scalar_type());
    launch(set_value_kernel<T>, 1, 1, 0, s, T(1.0f), static_cast<T*>(one.data_ptr()));
    state_backward<T>(st, z, one, d.reduction, leave_one_out, s, grad_z, nullptr,
                      scale_grad ? &grad_scale : nullptr);
  });
  return {out, grad_z, grad_scale};
}

// OPS.md 4c: the per-point losses of the rank's points against the given entity sums.
Tensor centroid_contrastive_loss_from_sums_cuda(Tensor z, Tensor entity_index, Tensor sums,
                                                Tensor counts, Tensor scale, bool leave_one_out) {
  const char* op = "centroid_contrastive_loss_from_sums";
  const FromSumsDims d = check_centroid_loss_from_sums(op, z, entity_index, sums, counts, scale);
  LaunchContext ctx(z);
  Tensor out = new_empty(z, {d.N}, z.scalar_type());
  if (d.N == 0) return out;
  dispatch_floating(z.scalar_type(), op, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    Tensor loss = new_empty(z, {d.N}, acc_scalar_type<A>());
    const State<A> st = build_state_from_sums<T>(op, d, z, entity_index, sums, counts,
                                                 scale_buffer<A>(z, 0.0, &scale, ctx.stream),
                                                 leave_one_out, &loss, ctx.stream);
    launch(cast_kernel<T, A>, ceil_div(d.N, kThreads), kThreads, 0, ctx.stream, st.ptr(loss), d.N,
           static_cast<T*>(out.data_ptr()));
  });
  return out;
}

std::tuple<Tensor, Tensor, Tensor> centroid_contrastive_loss_from_sums_backward_cuda(
    Tensor grad, Tensor z, Tensor entity_index, Tensor sums, Tensor counts, Tensor scale,
    bool leave_one_out) {
  const char* op = "centroid_contrastive_loss_from_sums_backward";
  const FromSumsDims d =
      check_centroid_loss_from_sums_backward(grad, z, entity_index, sums, counts, scale);
  LaunchContext ctx(z);
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  Tensor grad_sums = new_zeros(sums, {d.E, d.P}, sums.scalar_type());
  Tensor grad_scale = new_zeros(scale, {}, scale.scalar_type());
  if (d.N == 0) return {grad_z, grad_sums, grad_scale};
  dispatch_floating(z.scalar_type(), op, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    const State<A> st = build_state_from_sums<T>(op, d, z, entity_index, sums, counts,
                                                 scale_buffer<A>(z, 0.0, &scale, ctx.stream),
                                                 leave_one_out, nullptr, ctx.stream);
    state_backward<T>(st, z, grad, Reduction::None, leave_one_out, ctx.stream, grad_z, &grad_sums,
                      &grad_scale);
  });
  return {grad_z, grad_sums, grad_scale};
}

}  // namespace
}  // namespace cuda
}  // namespace cldmdf

CLDMDF_CUDA_LIBRARY_IMPL(m) {
  m.impl("centroid_contrastive_loss", TORCH_BOX(&cldmdf::cuda::centroid_contrastive_loss_cuda));
  m.impl("centroid_contrastive_loss_backward",
         TORCH_BOX(&cldmdf::cuda::centroid_contrastive_loss_backward_cuda));
  m.impl("centroid_contrastive_loss.scaled",
         TORCH_BOX(&cldmdf::cuda::centroid_contrastive_loss_scaled_cuda));
  m.impl("centroid_contrastive_loss_scaled_backward",
         TORCH_BOX(&cldmdf::cuda::centroid_contrastive_loss_scaled_backward_cuda));
  m.impl("centroid_contrastive_loss_from_sums",
         TORCH_BOX(&cldmdf::cuda::centroid_contrastive_loss_from_sums_cuda));
  m.impl("centroid_contrastive_loss_with_grad",
         TORCH_BOX(&cldmdf::cuda::centroid_contrastive_loss_with_grad_cuda));
  m.impl("centroid_contrastive_loss_from_sums_backward",
         TORCH_BOX(&cldmdf::cuda::centroid_contrastive_loss_from_sums_backward_cuda));
}
