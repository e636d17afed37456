// CUDA kernels of cldmdf::dual_attention and its backward (OPS.md, section 1).
// One thread block per sample: the sample's M x M modality attention (all
// heads) lives in shared memory, the feature softmax statistics too, and the
// weighted sum recomputes v = D * feat_weights * x on the fly, so the inputs
// are read from global memory once (re-reads hit L1/L2) and each output once.
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
};

template <typename T>
__global__ void __launch_bounds__(kThreads)
    dual_attention_forward_kernel(DualAttentionArgs<T> a, T* out, T* fw, T* mw) {
  using A = acc_t<T>;
  extern __shared__ unsigned char smem_raw[];
  A* red = reinterpret_cast<A*>(smem_raw);  // 32 reduction slots
  A* stats = red + 32;                      // [M][2]: max and 1/sum of the feature softmax
  A* w = stats + 2 * a.M;                   // [H][M][M] modality weights
  const int64_t b = blockIdx.x, M = a.M, D = a.D, K = a.K, H = a.H;
  const int64_t dk = K / H, dv = D / H;
  const int tid = threadIdx.x, lane = tid & 31, warp = tid >> 5, warps = blockDim.x >> 5;
  auto fl_at = [&](int64_t m, int64_t d) {
    return load(a.fl.data + b * a.fl.stride[0] + m * a.fl.stride[1] + d * a.fl.stride[2]) *
           a.inv_temp;
  };
  auto present = [&](int64_t j) {
    return !a.has_mask || a.mask.data[b * a.mask.stride[0] + j * a.mask.stride[1]];
  };

  // Feature level: softmax over D per modality.
  for (int64_t m = 0; m < M; ++m) {
    A mx = neg_infinity<A>();
    for (int64_t d = tid; d < D; d += blockDim.x) {
      const A v = fl_at(m, d);
      mx = (v > mx || v != v) ? v : mx;
    }
    mx = block_reduce<A, true>(mx, red);
    A sum = A(0);
    for (int64_t d = tid; d < D; d += blockDim.x) sum += fast_exp(fl_at(m, d) - mx);
    sum = block_reduce<A, false>(sum, red);
    const A inv = A(1) / sum;
    for (int64_t d = tid; d < D; d += blockDim.x)
      fw[(b * M + m) * D + d] = static_cast<T>(fast_exp(fl_at(m, d) - mx) * inv);
    if (tid == 0) {
      stats[2 * m] = mx;
      stats[2 * m + 1] = inv;
    }
  }
  // Modality level: one warp per (head, query row, key row) dot product.
  for (int64_t idx = warp; idx < H * M * M; idx += warps) {
    const int64_t h = idx / (M * M), i = (idx / M) % M, j = idx % M;
    A s = A(0);
    for (int64_t e = lane; e < dk; e += 32) {
      const int64_t c = h * dk + e;
      s += load(a.q.data + b * a.q.stride[0] + i * a.q.stride[1] + c * a.q.stride[2]) *
           load(a.k.data + b * a.k.stride[0] + j * a.k.stride[1] + c * a.k.stride[2]);
    }
    s = warp_sum(s);
    if (lane == 0) w[idx] = s * a.inv_sqrt_dk;
  }
  __syncthreads();
  for (int64_t r = tid; r < H * M; r += blockDim.x) masked_softmax_inplace(w + r * M, M, 1, present);
  __syncthreads();
  for (int64_t idx = tid; idx < H * M * M; idx += blockDim.x)
    mw[b * H * M * M + idx] = static_cast<T>(w[idx]);
  // Output: out[i, c] = sum_j w[h(c), i, j] * D * feat_weights[j, c] * x[j, c].
  const A width = A(D);
  for (int64_t idx = tid; idx < M * D; idx += blockDim.x) {
    const int64_t i = idx / D, c = idx % D, h = c / dv;
    A acc = A(0);
    for (int64_t j = 0; j < M; ++j) {
      const A wij = w[(h * M + i) * M + j];
      if (wij == A(0)) continue;
      const A f = fast_exp(fl_at(j, c) - stats[2 * j]) * stats[2 * j + 1];
      acc += wij * width * f *
             load(a.x.data + b * a.x.stride[0] + j * a.x.stride[1] + c * a.x.stride[2]);
    }
    out[(b * M + i) * D + c] = static_cast<T>(acc);
  }
}

template <typename T>
struct DualAttentionGradArgs {
  View<const T, 3> go, gfw, x, q, k, fw;
  View<const T, 4> gmw, mw;
  int64_t M, D, K, H;
  acc_t<T> inv_temp, inv_sqrt_dk;
};

template <typename T>
__global__ void __launch_bounds__(kThreads)
    dual_attention_backward_kernel(DualAttentionGradArgs<T> a, T* gx, T* gfl, T* gq, T* gk) {
  using A = acc_t<T>;
  extern __shared__ unsigned char smem_raw[];
  A* red = reinterpret_cast<A*>(smem_raw);
  A* w = red + 32;              // [H][M][M] modality weights
  A* gs = w + a.H * a.M * a.M;  // [H][M][M] their gradients, then the scores' gradients
  A* buf = gs + a.H * a.M * a.M;  // [D]
  const int64_t b = blockIdx.x, M = a.M, D = a.D, K = a.K, H = a.H;
  const int64_t dk = K / H, dv = D / H;
  const int tid = threadIdx.x, lane = tid & 31, warp = tid >> 5, warps = blockDim.x >> 5;
  const A width = A(D);
  auto at3 = [b](const View<const T, 3>& v, int64_t m, int64_t c) {
    return load(v.data + b * v.stride[0] + m * v.stride[1] + c * v.stride[2]);
  };
  auto at4 = [b, M](const View<const T, 4>& v, int64_t idx) {
    const int64_t h = idx / (M * M), i = (idx / M) % M, j = idx % M;
    return load(v.data + b * v.stride[0] + h * v.stride[1] + i * v.stride[2] + j * v.stride[3]);
  };

  for (int64_t idx = tid; idx < H * M * M; idx += blockDim.x) w[idx] = at4(a.mw, idx);
  __syncthreads();
  // d out / d w[h, i, j] = <grad_out[i, head h], v[j, head h]>, plus the weights' own gradient.
  for (int64_t idx = warp; idx < H * M * M; idx += warps) {
    const int64_t h = idx / (M * M), i = (idx / M) % M, j = idx % M;
    A s = A(0);
    if (w[idx] != A(0)) {
      for (int64_t e = lane; e < dv; e += 32) {
        const int64_t c = h * dv + e;
        s += at3(a.go, i, c) * width * at3(a.fw, j, c) * at3(a.x, j, c);
      }
      s = warp_sum(s);
    }
    if (lane == 0) gs[idx] = s + at4(a.gmw, idx);
  }
  __syncthreads();
  for (int64_t r = tid; r < H * M; r += blockDim.x)
    softmax_backward_inplace(w + r * M, gs + r * M, M, 1, a.inv_sqrt_dk);
  __syncthreads();
  for (int64_t idx = tid; idx < M * K; idx += blockDim.x) {
    const int64_t m = idx / K, c = idx % K, h = c / dk;
    A q_acc = A(0), k_acc = A(0);
    for (int64_t n = 0; n < M; ++n) {
      q_acc += gs[(h * M + m) * M + n] * at3(a.k, n, c);  // m as the query row
      k_acc += gs[(h * M + n) * M + m] * at3(a.q, n, c);  // m as the key row
    }
    gq[(b * M + m) * K + c] = static_cast<T>(q_acc);
    gk[(b * M + m) * K + c] = static_cast<T>(k_acc);
  }
  // Values: gv[m, c] = sum_i w[h, i, m] grad_out[i, c]; then through v = D * fw * x and the
  // feature softmax (one block reduction per modality).
  for (int64_t m = 0; m < M; ++m) {
    A partial = A(0);
    for (int64_t c = tid; c < D; c += blockDim.x) {
      const int64_t h = c / dv;
      A gv = A(0);
      for (int64_t i = 0; i < M; ++i) {
        const A wim = w[(h * M + i) * M + m];
        if (wim != A(0)) gv += wim * at3(a.go, i, c);
      }
      const A f = at3(a.fw, m, c);
      gx[(b * M + m) * D + c] = static_cast<T>(width * f * gv);
      const A g = at3(a.gfw, m, c) + width * at3(a.x, m, c) * gv;
      buf[c] = g;
      partial += f * g;
    }
    const A dot = block_reduce<A, false>(partial, red);
    for (int64_t c = tid; c < D; c += blockDim.x)
      gfl[(b * M + m) * D + c] = static_cast<T>(at3(a.fw, m, c) * (buf[c] - dot) * a.inv_temp);
  }
}

template <typename Kernel>
void set_shared_memory(Kernel kernel, size_t bytes, const char* op) {
  if (bytes <= 48 * 1024) return;
  int device = 0, max_bytes = 0;
  STD_CUDA_CHECK(cudaGetDevice(&device));
  STD_CUDA_CHECK(cudaDeviceGetAttribute(&max_bytes, cudaDevAttrMaxSharedMemoryPerBlockOptin, device));
  CLDMDF_CHECK(bytes <= static_cast<size_t>(max_bytes), "cldmdf::", op,
               ": the CUDA kernel keeps one sample's attention in shared memory and needs ", bytes,
               " bytes for this shape (H * M * M and D too large); the device allows ", max_bytes);
  STD_CUDA_CHECK(cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                      static_cast<int>(bytes)));
}

std::tuple<Tensor, Tensor, Tensor> dual_attention_cuda(Tensor x, Tensor feat_logits, Tensor query,
                                                       Tensor key, std::optional<Tensor> mask,
                                                       int64_t num_heads, double feat_temperature) {
  const DualAttentionDims d =
      check_dual_attention(x, feat_logits, query, key, mask, num_heads, feat_temperature);
  const ScalarType dt = x.scalar_type();
  Tensor out = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor feat_weights = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor mod_weights = new_empty(x, {d.B, d.H, d.M, d.M}, dt);
  if (d.B == 0 || d.M == 0) return {out, feat_weights, mod_weights};
  LaunchContext ctx(x);
  dispatch_floating(dt, "dual_attention", [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    DualAttentionArgs<T> a{view_of<const T, 3>(x), view_of<const T, 3>(feat_logits),
                           view_of<const T, 3>(query), view_of<const T, 3>(key),
                           mask ? view_of<const bool, 2>(*mask) : View<const bool, 2>{},
                           mask.has_value(), d.M, d.D, d.K, d.H,
                           A(1.0 / feat_temperature), A(1.0 / std::sqrt(double(d.K / d.H)))};
    const size_t smem = sizeof(A) * (32 + 2 * d.M + d.H * d.M * d.M);
    set_shared_memory(dual_attention_forward_kernel<T>, smem, "dual_attention");
    dual_attention_forward_kernel<T><<<d.B, kThreads, smem, ctx.stream>>>(
        a, static_cast<T*>(out.data_ptr()), static_cast<T*>(feat_weights.data_ptr()),
        static_cast<T*>(mod_weights.data_ptr()));
    CLDMDF_CUDA_LAUNCH_CHECK();
  });
  return {out, feat_weights, mod_weights};
}

std::tuple<Tensor, Tensor, Tensor, Tensor> dual_attention_backward_cuda(
    Tensor grad_out, Tensor grad_feat_weights, Tensor grad_mod_weights, Tensor x, Tensor query,
    Tensor key, Tensor feat_weights, Tensor mod_weights, int64_t num_heads,
    double feat_temperature) {
  const DualAttentionDims d =
      check_dual_attention_backward(grad_out, grad_feat_weights, grad_mod_weights, x, query, key,
                                    feat_weights, mod_weights, num_heads, feat_temperature);
  const ScalarType dt = x.scalar_type();
  Tensor grad_x = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor grad_feat_logits = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor grad_query = new_empty(x, {d.B, d.M, d.K}, dt);
  Tensor grad_key = new_empty(x, {d.B, d.M, d.K}, dt);
  if (d.B == 0 || d.M == 0) return {grad_x, grad_feat_logits, grad_query, grad_key};
  LaunchContext ctx(x);
  dispatch_floating(dt, "dual_attention_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    DualAttentionGradArgs<T> a{
        view_of<const T, 3>(grad_out), view_of<const T, 3>(grad_feat_weights),
        view_of<const T, 3>(x), view_of<const T, 3>(query), view_of<const T, 3>(key),
        view_of<const T, 3>(feat_weights), view_of<const T, 4>(grad_mod_weights),
        view_of<const T, 4>(mod_weights), d.M, d.D, d.K, d.H, A(1.0 / feat_temperature),
        A(1.0 / std::sqrt(double(d.K / d.H)))};
    const size_t smem = sizeof(A) * (32 + 2 * d.H * d.M * d.M + d.D);
    set_shared_memory(dual_attention_backward_kernel<T>, smem, "dual_attention_backward");
    dual_attention_backward_kernel<T><<<d.B, kThreads, smem, ctx.stream>>>(
        a, static_cast<T*>(grad_x.data_ptr()), static_cast<T*>(grad_feat_logits.data_ptr()),
        static_cast<T*>(grad_query.data_ptr()), static_cast<T*>(grad_key.data_ptr()));
    CLDMDF_CUDA_LAUNCH_CHECK();
  });
  return {grad_x, grad_feat_logits, grad_query, grad_key};
}

}  // namespace
}  // namespace cuda
}  // namespace cldmdf

STABLE_TORCH_LIBRARY_IMPL(cldmdf, CUDA, m) {
  m.impl("dual_attention", TORCH_BOX(&cldmdf::cuda::dual_attention_cuda));
  m.impl("dual_attention_backward", TORCH_BOX(&cldmdf::cuda::dual_attention_backward_cuda));
}
