// CUDA kernels of cldmdf::dual_attention and its backward (OPS.md, section 1).
// One thread block per sample: the sample's M x M modality attention (all
// heads) lives in shared memory with the feature softmax statistics, and
// feature weights are recomputed where needed instead of stored, so the
// inputs are read from global memory once (re-reads hit L1/L2) and each output
// written once. Backward recomputes both levels of weights the same way.
#include <tuple>

#include "cldmdf/op_checks.h"
#include "cuda_utils.cuh"

namespace cldmdf {
namespace cuda {
namespace {

constexpr int kThreads = 256;

template <typename T>
struct DualAttentionArgs {
  View<const T, 3> x, fl, q, k;
  View<const bool, 2> mask;
  bool has_mask;
  int64_t M, D, K, H;
  acc_t<T> inv_temp, inv_sqrt_dk;

  __device__ acc_t<T> at(const View<const T, 3>& v, int64_t b, int64_t m, int64_t c) const {
    return load(v.data + b * v.stride[0] + m * v.stride[1] + c * v.stride[2]);
  }
  __device__ bool present(int64_t b, int64_t j) const {
    return !has_mask || mask.data[b * mask.stride[0] + j * mask.stride[1]];
  }
};

// Per-modality max and 1/sum of the feature softmax of sample b, into stats[2 * M];
// feature_weight() then gives any weight without storing [M, D].
template <typename T, typename A>
__device__ void feature_softmax_stats(const DualAttentionArgs<T>& a, int64_t b, A* stats, A* red) {
  for (int64_t m = 0; m < a.M; ++m) {
    A mx = neg_infinity<A>();
    for (int64_t d = threadIdx.x; d < a.D; d += blockDim.x) {
      const A v = a.at(a.fl, b, m, d) * a.inv_temp;
      mx = nan_max(v, mx);
    }
    mx = block_reduce<A, true>(mx, red);
    A sum = A(0);
    for (int64_t d = threadIdx.x; d < a.D; d += blockDim.x)
      sum += fast_exp(a.at(a.fl, b, m, d) * a.inv_temp - mx);
    sum = block_reduce<A, false>(sum, red);
    if (threadIdx.x == 0) {
      stats[2 * m] = mx;
      stats[2 * m + 1] = A(1) / sum;
    }
  }
  __syncthreads();
}

template <typename T, typename A>
__device__ A feature_weight(const DualAttentionArgs<T>& a, int64_t b, int64_t m, int64_t c,
                            const A* stats) {
  return fast_exp(a.at(a.fl, b, m, c) * a.inv_temp - stats[2 * m]) * stats[2 * m + 1];
}

// The [H, M, M] modality weights of sample b, into w (shared memory): one warp per
// (head, query row, key row) dot product, then one thread per row's masked softmax.
template <typename T, typename A>
__device__ void modality_weights(const DualAttentionArgs<T>& a, int64_t b, A* w) {
  const int64_t M = a.M, H = a.H, dk = a.K / a.H;
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, warps = blockDim.x >> 5;
  for (int64_t idx = warp; idx < H * M * M; idx += warps) {
    const int64_t h = idx / (M * M), i = (idx / M) % M, j = idx % M;
    A s = A(0);
    for (int64_t e = lane; e < dk; e += 32)
      s += a.at(a.q, b, i, h * dk + e) * a.at(a.k, b, j, h * dk + e);
    s = warp_sum(s);
    if (lane == 0) w[idx] = s * a.inv_sqrt_dk;
  }
  __syncthreads();
  auto present = [&](int64_t j) { return a.present(b, j); };
  for (int64_t r = threadIdx.x; r < H * M; r += blockDim.x)
    masked_softmax_inplace(w + r * M, M, 1, present);
  __syncthreads();
}

template <typename T>
__global__ void __launch_bounds__(kThreads)
    dual_attention_forward_kernel(DualAttentionArgs<T> a, T* out, T* fw, T* mw) {
  using A = acc_t<T>;
  CLDMDF_DYNAMIC_SHARED(smem_raw);
  A* red = reinterpret_cast<A*>(smem_raw);  // 32 reduction slots
  A* stats = red + 32;                      // [M][2]
  A* w = stats + 2 * a.M;                   // [H][M][M]
  const int64_t b = blockIdx.x, M = a.M, D = a.D, H = a.H, dv = D / H;
  const int tid = threadIdx.x;
  feature_softmax_stats(a, b, stats, red);
  if (fw)  // null with need_weights=False: the weights are never written
    for (int64_t idx = tid; idx < M * D; idx += blockDim.x)
      fw[b * M * D + idx] = static_cast<T>(feature_weight(a, b, idx / D, idx % D, stats));
  modality_weights(a, b, w);
  if (mw)
    for (int64_t idx = tid; idx < H * M * M; idx += blockDim.x)
      mw[b * H * M * M + idx] = static_cast<T>(w[idx]);
  // out[i, c] = sum over present j of w[h(c), i, j] * D * feat_weight[j, c] * x[j, c].
  const A width = A(D);
  for (int64_t idx = tid; idx < M * D; idx += blockDim.x) {
    const int64_t i = idx / D, c = idx % D, h = c / dv;
    A acc = A(0);
    for (int64_t j = 0; j < M; ++j) {
      if (!a.present(b, j)) continue;
      acc +=
          w[(h * M + i) * M + j] * width * feature_weight(a, b, j, c, stats) * a.at(a.x, b, j, c);
    }
    out[(b * M + i) * D + c] = static_cast<T>(acc);
  }
}

template <typename T>
struct DualAttentionGrads {
  View<const T, 3> go, gfw;
  View<const T, 4> gmw;
};

template <typename T>
__global__ void __launch_bounds__(kThreads)
    dual_attention_backward_kernel(DualAttentionArgs<T> a, DualAttentionGrads<T> g, T* gx, T* gfl,
                                   T* gq, T* gk) {
  using A = acc_t<T>;
  CLDMDF_DYNAMIC_SHARED(smem_raw);
  A* red = reinterpret_cast<A*>(smem_raw);
  A* stats = red + 32;          // [M][2]
  A* w = stats + 2 * a.M;       // [H][M][M] modality weights
  A* gs = w + a.H * a.M * a.M;  // [H][M][M] their gradients, then the scores'
  const int64_t b = blockIdx.x, M = a.M, D = a.D, K = a.K, H = a.H;
  const int64_t dk = K / H, dv = D / H;
  const int tid = threadIdx.x, lane = tid & 31, warp = tid >> 5, warps = blockDim.x >> 5;
  const A width = A(D);
  feature_softmax_stats(a, b, stats, red);
  modality_weights(a, b, w);
  // d L / d w[h, i, j] = grad_mod_weights + <grad_out[i, head h], v[j, head h]> (present j).
  for (int64_t idx = warp; idx < H * M * M; idx += warps) {
    const int64_t h = idx / (M * M), i = (idx / M) % M, j = idx % M;
    A s = A(0);
    if (a.present(b, j)) {
      for (int64_t e = lane; e < dv; e += 32) {
        const int64_t c = h * dv + e;
        s += a.at(g.go, b, i, c) * width * feature_weight(a, b, j, c, stats) * a.at(a.x, b, j, c);
      }
      s = warp_sum(s);
    }
    if (lane == 0)
      if (g.gmw.data)  // no gradient of the modality weights (None): nothing read
        s += load(g.gmw.data + b * g.gmw.stride[0] + h * g.gmw.stride[1] + i * g.gmw.stride[2] +
                  j * g.gmw.stride[3]);
    if (lane == 0) gs[idx] = s;
  }
  __syncthreads();
  for (int64_t r = tid; r < H * M; r += blockDim.x)
    softmax_backward_inplace(w + r * M, gs + r * M, M, 1, a.inv_sqrt_dk);
  __syncthreads();
  for (int64_t idx = tid; idx < M * K; idx += blockDim.x) {
    const int64_t m = idx / K, c = idx % K, h = c / dk;
    A q_acc = A(0), k_acc = A(0);
    for (int64_t n = 0; n < M; ++n) {
      const A sq = gs[(h * M + m) * M + n], sk = gs[(h * M + n) * M + m];
      if (sq != A(0)) q_acc += sq * a.at(a.k, b, n, c);  // m as the query row
      if (sk != A(0)) k_acc += sk * a.at(a.q, b, n, c);  // m as the key row
    }
    gq[(b * M + m) * K + c] = static_cast<T>(q_acc);
    gk[(b * M + m) * K + c] = static_cast<T>(k_acc);
  }
  // Values: gv[m, c] = sum_i w[h, i, m] grad_out[i, c] for present m; then through
  // v = D * fw * x and the feature softmax (one block reduction per modality). grad_f is
  // recomputed in the second pass instead of being kept in a [D] shared buffer.
  auto grad_feature = [&](int64_t m, int64_t c, bool present, A* gv_out) {
    const int64_t h = c / dv;
    A gv = A(0);
    if (present)
      for (int64_t i = 0; i < M; ++i) gv += w[(h * M + i) * M + m] * a.at(g.go, b, i, c);
    *gv_out = gv;
    return (g.gfw.data ? a.at(g.gfw, b, m, c) : A(0)) + width * a.at(a.x, b, m, c) * gv;
  };
  for (int64_t m = 0; m < M; ++m) {
    const bool present = a.present(b, m);
    A partial = A(0);
    for (int64_t c = tid; c < D; c += blockDim.x) {
      A gv;
      const A grad_f = grad_feature(m, c, present, &gv);
      const A f = feature_weight(a, b, m, c, stats);
      gx[(b * M + m) * D + c] = static_cast<T>(width * f * gv);
      partial += f * grad_f;
    }
    const A dot = block_reduce<A, false>(partial, red);
    for (int64_t c = tid; c < D; c += blockDim.x) {
      A gv;
      const A grad_f = grad_feature(m, c, present, &gv);
      gfl[(b * M + m) * D + c] =
          static_cast<T>(feature_weight(a, b, m, c, stats) * (grad_f - dot) * a.inv_temp);
    }
  }
}

template <typename Kernel>
void set_shared_memory(Kernel kernel, size_t bytes, const char* op) {
  if (bytes <= 48 * 1024) return;
  int device = 0, max_bytes = 0;
  STD_CUDA_CHECK(cudaGetDevice(&device));
  STD_CUDA_CHECK(
      cudaDeviceGetAttribute(&max_bytes, cudaDevAttrMaxSharedMemoryPerBlockOptin, device));
  CLDMDF_CHECK(bytes <= static_cast<size_t>(max_bytes), "cldmdf::", op,
               ": the CUDA kernel keeps one sample's attention in shared memory and needs ", bytes,
               " bytes for this shape (H * M * M and D too large); the device allows ", max_bytes);
  STD_CUDA_CHECK(cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                      static_cast<int>(bytes)));
}

template <typename T>
DualAttentionArgs<T> make_args(const DualAttentionDims& d, const Tensor& x,
                               const Tensor& feat_logits, const Tensor& query, const Tensor& key,
                               const std::optional<Tensor>& mask, double feat_temperature) {
  using A = acc_t<T>;
  return {view_of<const T, 3>(x),
          view_of<const T, 3>(feat_logits),
          view_of<const T, 3>(query),
          view_of<const T, 3>(key),
          mask ? view_of<const bool, 2>(*mask) : View<const bool, 2>{},
          mask.has_value(),
          d.M,
          d.D,
          d.K,
          d.H,
          A(1.0 / feat_temperature),
          A(1.0 / std::sqrt(double(d.K / d.H)))};
}

std::tuple<Tensor, Tensor, Tensor> dual_attention_cuda(Tensor x, Tensor feat_logits, Tensor query,
                                                       Tensor key, std::optional<Tensor> mask,
                                                       int64_t num_heads, double feat_temperature,
                                                       bool need_weights) {
  const DualAttentionDims d =
      check_dual_attention(x, feat_logits, query, key, mask, num_heads, feat_temperature);
  const ScalarType dt = x.scalar_type();
  Tensor out = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor feat_weights = need_weights ? new_empty(x, {d.B, d.M, d.D}, dt) : new_empty(x, {0}, dt);
  Tensor mod_weights = need_weights ? new_empty(x, {d.B, d.H, d.M, d.M}, dt) : new_empty(x, {0}, dt);
  if (d.B == 0 || d.M == 0) return {out, feat_weights, mod_weights};
  CLDMDF_CHECK(d.B <= INT32_MAX,
               "cldmdf::dual_attention: the CUDA kernel runs one block per "
               "sample and takes at most 2^31 - 1 samples, got B = ",
               d.B);
  LaunchContext ctx(x);
  dispatch_floating(dt, "dual_attention", [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    const auto a = make_args<T>(d, x, feat_logits, query, key, mask, feat_temperature);
    const size_t smem = sizeof(A) * (32 + 2 * d.M + d.H * d.M * d.M);
    set_shared_memory(dual_attention_forward_kernel<T>, smem, "dual_attention");
    launch(dual_attention_forward_kernel<T>, d.B, kThreads, smem, ctx.stream, a,
           static_cast<T*>(out.data_ptr()),
           need_weights ? static_cast<T*>(feat_weights.data_ptr()) : nullptr,
           need_weights ? static_cast<T*>(mod_weights.data_ptr()) : nullptr);
  });
  return {out, feat_weights, mod_weights};
}

std::tuple<Tensor, Tensor, Tensor, Tensor> dual_attention_backward_cuda(
    Tensor grad_out, std::optional<Tensor> grad_feat_weights,
    std::optional<Tensor> grad_mod_weights, Tensor x,
    Tensor feat_logits, Tensor query, Tensor key, std::optional<Tensor> mask, int64_t num_heads,
    double feat_temperature) {
  const DualAttentionDims d =
      check_dual_attention_backward(grad_out, grad_feat_weights, grad_mod_weights, x, feat_logits,
                                    query, key, mask, num_heads, feat_temperature);
  const ScalarType dt = x.scalar_type();
  Tensor grad_x = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor grad_feat_logits = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor grad_query = new_empty(x, {d.B, d.M, d.K}, dt);
  Tensor grad_key = new_empty(x, {d.B, d.M, d.K}, dt);
  if (d.B == 0 || d.M == 0) return {grad_x, grad_feat_logits, grad_query, grad_key};
  CLDMDF_CHECK(d.B <= INT32_MAX,
               "cldmdf::dual_attention_backward: the CUDA kernel runs one "
               "block per sample and takes at most 2^31 - 1 samples, got B = ",
               d.B);
  LaunchContext ctx(x);
  dispatch_floating(dt, "dual_attention_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    const auto a = make_args<T>(d, x, feat_logits, query, key, mask, feat_temperature);
    const DualAttentionGrads<T> g{
        view_of<const T, 3>(grad_out),
        grad_feat_weights ? view_of<const T, 3>(*grad_feat_weights) : View<const T, 3>{},
        grad_mod_weights ? view_of<const T, 4>(*grad_mod_weights) : View<const T, 4>{}};
    const size_t smem = sizeof(A) * (32 + 2 * d.M + 2 * d.H * d.M * d.M);
    set_shared_memory(dual_attention_backward_kernel<T>, smem, "dual_attention_backward");
    launch(dual_attention_backward_kernel<T>, d.B, kThreads, smem, ctx.stream, a, g,
           static_cast<T*>(grad_x.data_ptr()), static_cast<T*>(grad_feat_logits.data_ptr()),
           static_cast<T*>(grad_query.data_ptr()), static_cast<T*>(grad_key.data_ptr()));
  });
  return {grad_x, grad_feat_logits, grad_query, grad_key};
}

}  // namespace
}  // namespace cuda
}  // namespace cldmdf

CLDMDF_CUDA_LIBRARY_IMPL(m) {
  m.impl("dual_attention", TORCH_BOX(&cldmdf::cuda::dual_attention_cuda));
  m.impl("dual_attention_backward", TORCH_BOX(&cldmdf::cuda::dual_attention_backward_cuda));
}
