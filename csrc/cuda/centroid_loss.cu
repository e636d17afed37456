// CUDA kernels of cldmdf::centroid_contrastive_loss and its backward (OPS.md,
// section 3). The same blocked scheme as the CPU kernel: entity sums by one
// warp per entity over its members in a stable order (deterministic, so
// gradcheck and repeated calls agree bit for bit; atomics were not), logits a
// block of rows at a time by a cuBLAS GEMM against the centroids, each row's
// logsumexp taken by one warp, and backward recomputing the tiles instead of
// keeping [N, E].
//
// Grouping arbitrary int64 ids into dense entities uses aten::_unique2, which
// reads the number of entities back to the host: the one synchronisation of
// this operator (the tile loop needs E to size its GEMMs).
#include <array>
#include <optional>
#include <string>
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

// Dense entity index of every point and the size of every entity.
struct Entities {
  Tensor inverse;  // [N] int64
  Tensor counts;   // [E] int64
  int64_t E;
  Tensor members;  // [N] int64: point indices grouped by entity (stable sort of inverse)
  Tensor starts;   // [E] int64: first slot of each entity in members
};

__global__ void entity_starts_kernel(const int64_t* sorted_inv, int64_t N, int64_t* starts) {
  const int64_t r = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (r < N && (r == 0 || sorted_inv[r] != sorted_inv[r - 1])) starts[sorted_inv[r]] = r;
}

Entities unique_entities(const Tensor& entity) {
  std::array<StableIValue, 4> stack{
      torch::stable::detail::from(entity), torch::stable::detail::from(true),
      torch::stable::detail::from(true), torch::stable::detail::from(true)};
  TORCH_ERROR_CODE_CHECK(
      torch_call_dispatcher("aten::_unique2", "", stack.data(), TORCH_ABI_VERSION));
  Tensor values = torch::stable::detail::to<Tensor>(stack[0]);
  Tensor inverse = torch::stable::detail::to<Tensor>(stack[1]);
  Tensor counts = torch::stable::detail::to<Tensor>(stack[2]);
  inverse = torch::stable::contiguous(inverse);
  std::array<StableIValue, 4> sort_stack{
      torch::stable::detail::from(inverse), torch::stable::detail::from(std::optional<bool>(true)),
      torch::stable::detail::from(int64_t(0)), torch::stable::detail::from(false)};
  TORCH_ERROR_CODE_CHECK(
      torch_call_dispatcher("aten::sort", "stable", sort_stack.data(), TORCH_ABI_VERSION));
  Tensor sorted = torch::stable::detail::to<Tensor>(sort_stack[0]);
  Tensor members = torch::stable::detail::to<Tensor>(sort_stack[1]);
  const int64_t N = inverse.size(0), E = values.size(0);
  Tensor starts = new_empty(inverse, {E}, ScalarType::Long);
  if (N > 0) {
    void* s = nullptr;
    TORCH_ERROR_CODE_CHECK(aoti_torch_get_current_cuda_stream(inverse.get_device_index(), &s));
    entity_starts_kernel<<<ceil_div(N, kThreads), kThreads, 0, static_cast<cudaStream_t>(s)>>>(
        static_cast<const int64_t*>(sorted.data_ptr()), N, static_cast<int64_t*>(starts.data_ptr()));
    CLDMDF_CUDA_LAUNCH_CHECK();
  }
  return {inverse, torch::stable::contiguous(counts), E, members, starts};
}

// S_u = sum of zhat over the members of u in ascending point order (deterministic, no
// atomics), c_u = S_u / max(||S_u||, eps), snorm_u = ||S_u||; one warp per entity.
template <typename A>
__global__ void entity_sums_kernel(const A* zhat, const int64_t* members, const int64_t* starts,
                                   const int64_t* counts, int64_t E, int64_t P, A* sums,
                                   A* centroids, A* snorm) {
  const int64_t u = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (u >= E) return;
  const int64_t r0 = starts[u], r1 = r0 + counts[u];
  A sq = A(0);
  for (int64_t p = lane; p < P; p += 32) {
    A acc = A(0);
    for (int64_t r = r0; r < r1; ++r) acc += zhat[members[r] * P + p];
    sums[u * P + p] = acc;
    sq += acc * acc;
  }
  sq = warp_sum(sq);
  const A inv = inv_clamped_norm(sq);
  for (int64_t p = lane; p < P; p += 32) centroids[u * P + p] = sums[u * P + p] * inv;
  if (lane == 0) snorm[u] = sqrt_acc(sq);
}

// out[r] = in[r] / max(||in[r]||, eps) (accumulation dtype) and norm[r] = ||in[r]||; one warp per row.
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

// Turns tile rows (cosines of points [i0, i0 + nb) against every centroid) into
// logits / T with the leave-one-out positive in the own column, and then either
// (forward) each point's loss, or (backward) dL/d<zhat_i, c_u> in place of the
// row and the own positive's coefficient. One warp per row.
template <typename A, bool kBackward>
__global__ void finish_rows_kernel(A* tile, int64_t i0, int64_t nb, int64_t E, int64_t P,
                                   const A* zhat, const A* sums, const int64_t* inverse,
                                   const int64_t* counts, bool leave_one_out, A inv_temp,
                                   const A* upstream, A* loss, A* own_coef) {
  const int64_t r = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (r >= nb) return;
  const int64_t i = i0 + r, e = inverse[i];
  A* l = tile + r * E;
  const bool has_positive = !leave_one_out || counts[e] > 1;
  if (!has_positive || (kBackward && upstream[i] == A(0))) {
    if (kBackward) {
      for (int64_t u = lane; u < E; u += 32) l[u] = A(0);
      if (lane == 0) own_coef[i] = A(0);
    } else if (lane == 0) {
      loss[i] = A(0);
    }
    return;
  }
  if (leave_one_out) {
    A zr = A(0), rr = A(0);
    for (int64_t p = lane; p < P; p += 32) {
      const A z = zhat[i * P + p], rem = sums[e * P + p] - z;
      zr += z * rem;
      rr += rem * rem;
    }
    zr = warp_sum(zr);
    rr = warp_sum(rr);
    __syncwarp();
    if (lane == 0) l[e] = zr * inv_clamped_norm(rr);
    __syncwarp();
  }
  A mx = neg_infinity<A>();
  for (int64_t u = lane; u < E; u += 32) {
    const A v = l[u] * inv_temp;
    mx = (v > mx || v != v) ? v : mx;
  }
  mx = warp_max(mx);
  A total = A(0);
  for (int64_t u = lane; u < E; u += 32) total += fast_exp(l[u] * inv_temp - mx);
  total = warp_sum(total);
  const A lse = mx + log_acc(total);
  const A own = l[e] * inv_temp;
  if (!kBackward) {
    if (lane == 0) loss[i] = lse - own;
    return;
  }
  const A scale = upstream[i] * inv_temp;
  __syncwarp();
  for (int64_t u = lane; u < E; u += 32) {
    A v = scale * fast_exp(l[u] * inv_temp - lse);
    if (u == e) {
      v -= scale;
      if (leave_one_out) {
        own_coef[i] = v;
        v = A(0);
      }
    }
    l[u] = v;
  }
}

// Mean/sum of the per-point losses (one block) written as a 0-d tensor of the input dtype.
template <typename T, typename A>
__global__ void reduce_loss_kernel(const A* loss, const int64_t* inverse, const int64_t* counts,
                                   int64_t N, bool leave_one_out, bool mean, T* out) {
  __shared__ A red[32];
  A total = A(0), included = A(0);
  for (int64_t i = threadIdx.x; i < N; i += blockDim.x) {
    total += loss[i];
    included += (!leave_one_out || counts[inverse[i]] > 1) ? A(1) : A(0);
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
__global__ void upstream_kernel(View<const T, 1> grad, const int64_t* inverse,
                                const int64_t* counts, int64_t N, bool leave_one_out,
                                int reduction, A* upstream) {
  __shared__ A red[32];
  A included = A(0);
  for (int64_t i = threadIdx.x; i < N; i += blockDim.x)
    included += (!leave_one_out || counts[inverse[i]] > 1) ? A(1) : A(0);
  included = block_reduce<A, false>(included, red);
  for (int64_t i = threadIdx.x; i < N; i += blockDim.x) {
    const bool has_positive = !leave_one_out || counts[inverse[i]] > 1;
    A g = A(0);
    if (has_positive) {
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

template <typename A>
__global__ void add_kernel(const A* src, int64_t n, A* dst) {
  const int64_t k = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (k < n) dst[k] += src[k];
}

// Warp-level backward of y = x / max(||x||, eps): writes gx for the warp's row.
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

// gS_u from gC_u through c_u = S_u / ||S_u||; one warp per entity.
template <typename A>
__global__ void centroid_grad_kernel(const A* centroids, const A* gcent, const A* snorm, int64_t E,
                                     int64_t P, A* gsums) {
  const int64_t u = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  if (u >= E) return;
  warp_normalize_backward(centroids + u * P, gcent + u * P, gsums + u * P, P, snorm[u],
                          threadIdx.x & 31);
}

// Leave-one-out positives c+_i = normalize(S_e - zhat_i): their gradient goes to zhat_i
// directly and to S_e. One warp per entity walks its members in order (as the CPU kernel
// does), so gS_u is summed deterministically, without atomics.
template <typename A>
__global__ void positive_grad_entity_kernel(const A* zhat, const A* sums, const int64_t* members,
                                            const int64_t* starts, const int64_t* counts,
                                            const A* own_coef, int64_t E, int64_t P, A* gzhat,
                                            A* gsums) {
  const int64_t u = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (u >= E) return;
  const A* se = sums + u * P;
  for (int64_t r = starts[u], r1 = starts[u] + counts[u]; r < r1; ++r) {
    const int64_t i = members[r];
    const A a = own_coef[i];
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

// grad_z_i from gzhat_i + gS_{e(i)} through zhat_i = z_i / ||z_i||; one warp per point.
template <typename T, typename A>
__global__ void point_grad_kernel(const A* zhat, const A* znorm, const int64_t* inverse,
                                  const A* gsums, int64_t N, int64_t P, A* gzhat, T* grad_z) {
  const int64_t i = (blockIdx.x * int64_t(blockDim.x) + threadIdx.x) / 32;
  const int lane = threadIdx.x & 31;
  if (i >= N) return;
  A* g = gzhat + i * P;
  const A* gs = gsums + inverse[i] * P;
  for (int64_t p = lane; p < P; p += 32) g[p] += gs[p];
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

// What forward and backward both derive from (z, entity).
struct State {
  Entities ent;
  Tensor zhat, znorm, sums, centroids, snorm;
  int64_t N, P;
  Tensor zhat_rows(int64_t i0, int64_t nb) const {
    Tensor all = zhat;
    return torch::stable::narrow(all, 0, i0, nb);
  }
};

template <typename T>
State build_state(const Tensor& z, const Tensor& entity, int64_t N, int64_t P, cudaStream_t s) {
  using A = acc_t<T>;
  const ScalarType at = acc_scalar_type<A>();
  State st{unique_entities(entity), new_empty(z, {N, P}, at), new_empty(z, {N}, at), {}, {}, {},
           N, P};
  const int64_t E = st.ent.E;
  st.sums = new_zeros(z, {E, P}, at);
  st.centroids = new_empty(z, {E, P}, at);
  st.snorm = new_empty(z, {E}, at);
  A* zh = static_cast<A*>(st.zhat.data_ptr());
  normalize_rows_kernel<T, A><<<warp_blocks(N), kThreads, 0, s>>>(
      view_of<const T, 2>(z), N, P, zh, static_cast<A*>(st.znorm.data_ptr()));
  CLDMDF_CUDA_LAUNCH_CHECK();
  entity_sums_kernel<A><<<warp_blocks(E), kThreads, 0, s>>>(
      zh, static_cast<const int64_t*>(st.ent.members.data_ptr()),
      static_cast<const int64_t*>(st.ent.starts.data_ptr()),
      static_cast<const int64_t*>(st.ent.counts.data_ptr()), E, P,
      static_cast<A*>(st.sums.data_ptr()), static_cast<A*>(st.centroids.data_ptr()),
      static_cast<A*>(st.snorm.data_ptr()));
  CLDMDF_CUDA_LAUNCH_CHECK();
  return st;
}

// Rows per logit tile: the [rows, E] tile stays within 64 MiB of float32.
int64_t rows_per_block(int64_t N, int64_t E) {
  constexpr int64_t kTileElements = int64_t(1) << 24;
  return std::max<int64_t>(1, std::min<int64_t>(N, kTileElements / std::max<int64_t>(1, E)));
}

Tensor logit_tile(const State& st, int64_t i0, int64_t nb) {
  Tensor c = st.centroids;
  return torch::stable::contiguous(
      torch::stable::matmul(st.zhat_rows(i0, nb), torch::stable::transpose(c, 0, 1)));
}

Tensor centroid_contrastive_loss_cuda(Tensor z, Tensor entity, double temperature,
                                      bool leave_one_out, std::string reduction) {
  const CentroidLossDims d = check_centroid_loss(z, entity, temperature, reduction);
  LaunchContext ctx(z);
  Tensor out;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss", [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    const int64_t N = d.N, P = d.P;
    if (N == 0) {
      out = d.reduction == Reduction::None ? new_empty(z, {0}, z.scalar_type())
                                           : new_zeros(z, {}, z.scalar_type());
      return;
    }
    const State st = build_state<T>(z, entity, N, P, ctx.stream);
    const int64_t E = st.ent.E;
    const auto* inv = static_cast<const int64_t*>(st.ent.inverse.data_ptr());
    const auto* counts = static_cast<const int64_t*>(st.ent.counts.data_ptr());
    Tensor loss = new_empty(z, {N}, acc_scalar_type<A>());
    A* lp = static_cast<A*>(loss.data_ptr());
    const int64_t bs = rows_per_block(N, E);
    for (int64_t i0 = 0; i0 < N; i0 += bs) {
      const int64_t nb = std::min(bs, N - i0);
      Tensor tile = logit_tile(st, i0, nb);
      finish_rows_kernel<A, false><<<warp_blocks(nb), kThreads, 0, ctx.stream>>>(
          static_cast<A*>(tile.data_ptr()), i0, nb, E, P,
          static_cast<const A*>(st.zhat.data_ptr()), static_cast<const A*>(st.sums.data_ptr()),
          inv, counts, leave_one_out, A(1.0 / temperature), nullptr, lp, nullptr);
      CLDMDF_CUDA_LAUNCH_CHECK();
    }
    if (d.reduction == Reduction::None) {
      out = new_empty(z, {N}, z.scalar_type());
      cast_kernel<T, A><<<ceil_div(N, kThreads), kThreads, 0, ctx.stream>>>(
          lp, N, static_cast<T*>(out.data_ptr()));
    } else {
      out = new_empty(z, {}, z.scalar_type());
      reduce_loss_kernel<T, A><<<1, 1024, 0, ctx.stream>>>(
          lp, inv, counts, N, leave_one_out, d.reduction == Reduction::Mean,
          static_cast<T*>(out.data_ptr()));
    }
    CLDMDF_CUDA_LAUNCH_CHECK();
  });
  return out;
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
    using A = acc_t<T>;
    const ScalarType at = acc_scalar_type<A>();
    const int64_t N = d.N, P = d.P;
    const State st = build_state<T>(z, entity, N, P, ctx.stream);
    const int64_t E = st.ent.E;
    const auto* inv = static_cast<const int64_t*>(st.ent.inverse.data_ptr());
    const auto* counts = static_cast<const int64_t*>(st.ent.counts.data_ptr());
    const A* zh = static_cast<const A*>(st.zhat.data_ptr());
    Tensor upstream = new_empty(z, {N}, at);
    Tensor own_coef = new_empty(z, {N}, at);
    Tensor gzhat = new_empty(z, {N, P}, at);
    Tensor gcent = new_zeros(z, {E, P}, at);
    A* up = static_cast<A*>(upstream.data_ptr());
    A* oc = static_cast<A*>(own_coef.data_ptr());
    A* gzh = static_cast<A*>(gzhat.data_ptr());
    A* gc = static_cast<A*>(gcent.data_ptr());
    View<const T, 1> gv{static_cast<const T*>(grad.data_ptr()),
                        {grad.dim() == 1 ? grad.stride(0) : 0}};
    upstream_kernel<T, A><<<1, 1024, 0, ctx.stream>>>(gv, inv, counts, N, leave_one_out,
                                                      static_cast<int>(d.reduction), up);
    CLDMDF_CUDA_LAUNCH_CHECK();
    const int64_t bs = rows_per_block(N, E);
    for (int64_t i0 = 0; i0 < N; i0 += bs) {
      const int64_t nb = std::min(bs, N - i0);
      Tensor tile = logit_tile(st, i0, nb);
      finish_rows_kernel<A, true><<<warp_blocks(nb), kThreads, 0, ctx.stream>>>(
          static_cast<A*>(tile.data_ptr()), i0, nb, E, P, zh,
          static_cast<const A*>(st.sums.data_ptr()), inv, counts, leave_one_out,
          A(1.0 / temperature), up, nullptr, oc);
      CLDMDF_CUDA_LAUNCH_CHECK();
      Tensor gzb = torch::stable::contiguous(torch::stable::matmul(tile, st.centroids));
      STD_CUDA_CHECK(cudaMemcpyAsync(gzh + i0 * P, gzb.data_ptr(), sizeof(A) * nb * P,
                                     cudaMemcpyDeviceToDevice, ctx.stream));
      Tensor gcb = torch::stable::contiguous(
          torch::stable::matmul(torch::stable::transpose(tile, 0, 1), st.zhat_rows(i0, nb)));
      if (E * P > 0) {
        add_kernel<A><<<ceil_div(E * P, kThreads), kThreads, 0, ctx.stream>>>(
            static_cast<const A*>(gcb.data_ptr()), E * P, gc);
        CLDMDF_CUDA_LAUNCH_CHECK();
      }
    }
    Tensor gsums = new_empty(z, {E, P}, at);
    A* gs = static_cast<A*>(gsums.data_ptr());
    centroid_grad_kernel<A><<<warp_blocks(E), kThreads, 0, ctx.stream>>>(
        static_cast<const A*>(st.centroids.data_ptr()), gc,
        static_cast<const A*>(st.snorm.data_ptr()), E, P, gs);
    CLDMDF_CUDA_LAUNCH_CHECK();
    if (leave_one_out) {
      positive_grad_entity_kernel<A><<<warp_blocks(E), kThreads, 0, ctx.stream>>>(
          zh, static_cast<const A*>(st.sums.data_ptr()),
          static_cast<const int64_t*>(st.ent.members.data_ptr()),
          static_cast<const int64_t*>(st.ent.starts.data_ptr()), counts, oc, E, P, gzh, gs);
      CLDMDF_CUDA_LAUNCH_CHECK();
    }
    point_grad_kernel<T, A><<<warp_blocks(N), kThreads, 0, ctx.stream>>>(
        zh, static_cast<const A*>(st.znorm.data_ptr()), inv, gs, N, P, gzh,
        static_cast<T*>(grad_z.data_ptr()));
    CLDMDF_CUDA_LAUNCH_CHECK();
  });
  return grad_z;
}

}  // namespace
}  // namespace cuda
}  // namespace cldmdf

STABLE_TORCH_LIBRARY_IMPL(cldmdf, CUDA, m) {
  m.impl("centroid_contrastive_loss", TORCH_BOX(&cldmdf::cuda::centroid_contrastive_loss_cuda));
  m.impl("centroid_contrastive_loss_backward",
         TORCH_BOX(&cldmdf::cuda::centroid_contrastive_loss_backward_cuda));
}
