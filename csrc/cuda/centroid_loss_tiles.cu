// The tiled logit kernels of cldmdf::centroid_contrastive_loss (centroid_loss.cu), flash-
// attention style: one kernel computes 64 points x 64 centroids of <zhat_i, c_u> at a time
// from shared memory and folds them into a running (max, sum) per point; only [N] statistics
// are kept. Backward recomputes the tiles in two kernels, one owning points (grad of zhat) and
// one owning centroids (grad of the centroids), so every output element is written by one
// block, without atomics; the learned scale's gradient (OPS.md 4a) recomputes them once more
// into [N] terms. A point's own entity is left out of the tiles: its logit (the leave-one-out
// positive, or the full centroid) is handled per point and per entity
// (centroid_loss_rows.cuh).
#include <algorithm>

#include "centroid_loss.cuh"

namespace cldmdf {
namespace cuda {
namespace centroid {
namespace {

// The running max's shift: the max, or 0 once it is +inf (sums kept relative to it stay
// finite until a +inf term makes them +inf; exp(inf - inf) would be NaN). -inf stays -inf:
// an empty running sum times exp(-inf - shift) is 0.
template <typename A>
__device__ __forceinline__ A top_shift(A m) {
  return m == -neg_infinity<A>() ? A(0) : m;
}

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

// ---------------------------------------------------------------- the scale (OPS.md 4a)

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

}  // namespace

template <typename A>
void launch_logsumexp(const State<A>& st, bool leave_one_out, A* loss, cudaStream_t s) {
  launch(logsumexp_kernel<A>, ceil_div(st.N, kTile), kTileThreads, 0, s, st.ptr(st.zhat),
         st.ptr(st.centroids), st.ptr(st.own), st.ep, st.N, st.P, leave_one_out, st.ptr(st.scale),
         st.mut(st.lse), loss);
}

template <typename A>
void launch_logit_grads(const State<A>& st, const A* upstream, const Tensor& gzhat,
                        const Tensor& gcent, cudaStream_t s) {
  const int64_t N = st.N, P = st.P, slots = st.slots;
  const unsigned chunks = static_cast<unsigned>(std::min<int64_t>(ceil_div(P, kOutChunk), 65535));
  const dim3 grid(static_cast<unsigned>(ceil_div(N, kTile)), chunks);
  launch(point_side_grad_kernel<A>, grid, kTileThreads, 0, s, st.ptr(st.zhat),
         st.ptr(st.centroids), st.ptr(st.lse), upstream, st.ep, N, P, st.ptr(st.scale),
         st.mut(gzhat));
  // The centroid side has only ceil(E / 64) x feature-chunk blocks of work: the points are
  // split into up to kMaxSlices slices (more blocks), summed in order afterwards.
  const int64_t row_tiles = ceil_div(N, kTile);
  const int64_t rows_per_slice = ceil_div(row_tiles, std::min(kMaxSlices, row_tiles)) * kTile;
  const int64_t slices = ceil_div(N, rows_per_slice);
  Tensor partial =
      slices > 1 ? new_empty(st.zhat, {slices, slots, P}, acc_scalar_type<A>()) : gcent;
  const dim3 side_grid(static_cast<unsigned>(ceil_div(slots, kTile)), chunks,
                       static_cast<unsigned>(slices));
  launch(centroid_side_grad_kernel<A>, side_grid, kTileThreads, 0, s, st.ptr(st.zhat),
         st.ptr(st.centroids), st.ptr(st.lse), upstream, st.ep, N, P, st.ptr(st.scale),
         rows_per_slice, slots, st.mut(partial));
  if (slices > 1)
    launch(sum_slices_kernel<A>, ceil_div(slots * P, kThreads), kThreads, 0, s, st.ptr(partial),
           slices, slots, P, st.ep.count, st.mut(gcent));
}

template <typename A>
void launch_scale_grad_rows(const State<A>& st, const A* own_cos, const A* upstream, A* term,
                            cudaStream_t s) {
  launch(scale_grad_rows_kernel<A>, ceil_div(st.N, kTile), kTileThreads, 0, s, st.ptr(st.zhat),
         st.ptr(st.centroids), st.ptr(st.own), own_cos, st.ptr(st.lse), upstream, st.ep, st.N,
         st.P, st.ptr(st.scale), term);
}

#define CLDMDF_CENTROID_TILES(A)                                                              \
  template void launch_logsumexp<A>(const State<A>&, bool, A*, cudaStream_t);                 \
  template void launch_logit_grads<A>(const State<A>&, const A*, const Tensor&, const Tensor&, \
                                      cudaStream_t);                                          \
  template void launch_scale_grad_rows<A>(const State<A>&, const A*, const A*, A*, cudaStream_t);
CLDMDF_CENTROID_TILES(float)
CLDMDF_CENTROID_TILES(double)
#undef CLDMDF_CENTROID_TILES

}  // namespace centroid
}  // namespace cuda
}  // namespace cldmdf
