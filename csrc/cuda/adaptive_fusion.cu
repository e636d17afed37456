// CUDA kernels of cldmdf::adaptive_fusion and its backward (OPS.md, section 2).
// Forward: one thread per fused feature; it recomputes its group's M-way
// masked softmax (M exps, from cache) and reads its column of h once.
// Backward: one "team" per (sample, group) — a single thread for narrow
// groups, a warp for groups of 32 features or more — reduces over the group.
#include <tuple>

#include "cldmdf/op_checks.h"
#include "cuda_utils.cuh"

namespace cldmdf {
namespace cuda {
namespace {

constexpr int kThreads = 256;

template <typename T>
struct FusionArgs {
  View<const T, 3> h, gl;
  View<const bool, 2> mask;
  bool has_mask;
  int64_t B, M, D, G;
  acc_t<T> inv_temp;

  __device__ bool present(int64_t b, int64_t m) const {
    return !has_mask || mask.data[b * mask.stride[0] + m * mask.stride[1]];
  }
  __device__ acc_t<T> logit(int64_t b, int64_t m, int64_t g) const {
    return load(gl.data + b * gl.stride[0] + m * gl.stride[1] + g * gl.stride[2]) * inv_temp;
  }
  __device__ acc_t<T> value(int64_t b, int64_t m, int64_t d) const {
    return load(h.data + b * h.stride[0] + m * h.stride[1] + d * h.stride[2]);
  }
};

// The masked softmax over modalities of group g of sample b, as (shift, 1/sum): the weight
// of modality m is then exp(logit - shift) * inv for present m, else 0 (math.h's
// softmax_shift / softmax_inv_total, as the reference).
template <typename T>
struct GroupSoftmax {
  acc_t<T> max, inv;

  __device__ GroupSoftmax(const FusionArgs<T>& a, int64_t b, int64_t g) {
    using A = acc_t<T>;
    max = neg_infinity<A>();
    bool any = false;
    for (int64_t m = 0; m < a.M; ++m) {
      if (!a.present(b, m)) continue;
      const A l = a.logit(b, m, g);
      max = nan_max(l, max);
      any = true;
    }
    max = softmax_shift(max);
    A total = A(0);
    for (int64_t m = 0; m < a.M; ++m)
      if (a.present(b, m)) total += fast_exp(a.logit(b, m, g) - max);
    inv = any ? softmax_inv_total(total) : A(0);
  }
  __device__ acc_t<T> weight(const FusionArgs<T>& a, int64_t b, int64_t m, int64_t g) const {
    return a.present(b, m) ? fast_exp(a.logit(b, m, g) - max) * inv : acc_t<T>(0) * inv;
  }
};

template <typename T>
__global__ void adaptive_fusion_forward_kernel(FusionArgs<T> a, T* fused, T* weights) {
  using A = acc_t<T>;
  const int64_t idx = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (idx >= a.B * a.D) return;
  const int64_t b = idx / a.D, d = idx % a.D, gw = a.D / a.G, g = d / gw;
  const GroupSoftmax<T> sm(a, b, g);
  const bool writes_weights = d % gw == 0;
  A acc = A(0);
  for (int64_t m = 0; m < a.M; ++m) {
    const A w = sm.weight(a, b, m, g);
    if (writes_weights && weights) weights[(b * a.M + m) * a.G + g] = static_cast<T>(w);
    if (a.present(b, m)) acc += w * a.value(b, m, d);  // a missing modality is never read
  }
  fused[b * a.D + d] = static_cast<T>(acc);
}

template <typename T>
__global__ void adaptive_fusion_weights_kernel(FusionArgs<T> a, T* weights) {
  const int64_t idx = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  if (idx >= a.B * a.G) return;
  const int64_t b = idx / a.G, g = idx % a.G;
  const GroupSoftmax<T> sm(a, b, g);
  for (int64_t m = 0; m < a.M; ++m)
    weights[(b * a.M + m) * a.G + g] = static_cast<T>(sm.weight(a, b, m, g));
}

template <typename T>
struct FusionGrads {
  View<const T, 2> gf;
  View<const T, 3> gw;
};

template <int kTeam, typename A>
__device__ __forceinline__ A team_sum(A v) {
  if constexpr (kTeam == 32) {
    return warp_sum(v);
  } else {
    return v;
  }
}

template <typename T, int kTeam>
__global__ void adaptive_fusion_backward_kernel(FusionArgs<T> a, FusionGrads<T> gr, T* gh, T* ggl) {
  using A = acc_t<T>;
  const int64_t thread = blockIdx.x * int64_t(blockDim.x) + threadIdx.x;
  const int64_t team = thread / kTeam;
  const int lane = static_cast<int>(thread % kTeam);
  if (team >= a.B * a.G) return;  // teams are warp-aligned: whole warps leave together
  const int64_t b = team / a.G, g = team % a.G, gw = a.D / a.G;
  auto gf = [&](int64_t d) { return load(gr.gf.data + b * gr.gf.stride[0] + d * gr.gf.stride[1]); };
  const GroupSoftmax<T> sm(a, b, g);  // recomputed in the accumulation type
  // d L / d w[m, g] = grad_weights[m, g] + <grad_fused, h[m]> over the group (present m).
  auto weight_grad = [&](int64_t m) {
    A s = A(0);
    if (a.present(b, m)) {
      for (int64_t e = lane; e < gw; e += kTeam) s += gf(g * gw + e) * a.value(b, m, g * gw + e);
      s = team_sum<kTeam>(s);
    }
    if (!gr.gw.data) return s;  // no gradient of the weights (None): nothing read
    return load(gr.gw.data + b * gr.gw.stride[0] + m * gr.gw.stride[1] + g * gr.gw.stride[2]) + s;
  };
  A dot = A(0);
  for (int64_t m = 0; m < a.M; ++m) {
    const A w = sm.weight(a, b, m, g);
    for (int64_t e = lane; e < gw; e += kTeam) {
      const int64_t d = g * gw + e;
      gh[(b * a.M + m) * a.D + d] = static_cast<T>(w * gf(d));
    }
    dot += w * weight_grad(m);
  }
  for (int64_t m = 0; m < a.M; ++m) {
    const A w = sm.weight(a, b, m, g);
    const A gwm = weight_grad(m);
    if (lane == 0) ggl[(b * a.M + m) * a.G + g] = static_cast<T>(w * (gwm - dot) * a.inv_temp);
  }
}

template <typename T>
FusionArgs<T> make_args(const AdaptiveFusionDims& d, const Tensor& h, const Tensor& gate_logits,
                        const std::optional<Tensor>& mask, double temperature) {
  return {view_of<const T, 3>(h),
          view_of<const T, 3>(gate_logits),
          mask ? view_of<const bool, 2>(*mask) : View<const bool, 2>{},
          mask.has_value(),
          d.B,
          d.M,
          d.D,
          d.G,
          acc_t<T>(1.0 / temperature)};
}

std::tuple<Tensor, Tensor> adaptive_fusion_cuda(Tensor h, Tensor gate_logits,
                                                std::optional<Tensor> mask, double temperature,
                                                bool need_weights) {
  const AdaptiveFusionDims d = check_adaptive_fusion(h, gate_logits, mask, temperature);
  const ScalarType dt = h.scalar_type();
  Tensor fused = new_empty(h, {d.B, d.D}, dt);
  // need_weights=False: the weights are empty ([0]) and never written
  Tensor weights = need_weights ? new_empty(h, {d.B, d.M, d.G}, dt) : new_empty(h, {0}, dt);
  if (d.B == 0 || (d.D == 0 && !need_weights)) return {fused, weights};
  LaunchContext ctx(h);
  dispatch_floating(dt, "adaptive_fusion", [&](auto tag) {
    using T = typename decltype(tag)::type;
    if (d.D == 0) {  // fused is empty, weights are not
      launch(adaptive_fusion_weights_kernel<T>, ceil_div(d.B * d.G, kThreads), kThreads, 0,
             ctx.stream, make_args<T>(d, h, gate_logits, mask, temperature),
             static_cast<T*>(weights.data_ptr()));
      return;
    }
    launch(adaptive_fusion_forward_kernel<T>, ceil_div(d.B * d.D, kThreads), kThreads, 0,
           ctx.stream, make_args<T>(d, h, gate_logits, mask, temperature),
           static_cast<T*>(fused.data_ptr()),
           need_weights ? static_cast<T*>(weights.data_ptr()) : nullptr);
  });
  return {fused, weights};
}

std::tuple<Tensor, Tensor> adaptive_fusion_backward_cuda(Tensor grad_fused,
                                                         std::optional<Tensor> grad_weights,
                                                         Tensor h, Tensor gate_logits,
                                                         std::optional<Tensor> mask,
                                                         double temperature) {
  const AdaptiveFusionDims d =
      check_adaptive_fusion_backward(grad_fused, grad_weights, h, gate_logits, mask, temperature);
  const ScalarType dt = h.scalar_type();
  Tensor grad_h = new_empty(h, {d.B, d.M, d.D}, dt);
  Tensor grad_gate_logits = new_empty(h, {d.B, d.M, d.G}, dt);
  if (d.B * d.G == 0) return {grad_h, grad_gate_logits};
  LaunchContext ctx(h);
  dispatch_floating(dt, "adaptive_fusion_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    const auto a = make_args<T>(d, h, gate_logits, mask, temperature);
    const FusionGrads<T> g{view_of<const T, 2>(grad_fused),
                           grad_weights ? view_of<const T, 3>(*grad_weights) : View<const T, 3>{}};
    T* ghp = static_cast<T*>(grad_h.data_ptr());
    T* gglp = static_cast<T*>(grad_gate_logits.data_ptr());
    if (d.D / d.G >= 32) {
      launch(adaptive_fusion_backward_kernel<T, 32>, ceil_div(d.B * d.G * 32, kThreads), kThreads,
             0, ctx.stream, a, g, ghp, gglp);
    } else {
      launch(adaptive_fusion_backward_kernel<T, 1>, ceil_div(d.B * d.G, kThreads), kThreads, 0,
             ctx.stream, a, g, ghp, gglp);
    }
  });
  return {grad_h, grad_gate_logits};
}

}  // namespace
}  // namespace cuda
}  // namespace cldmdf

CLDMDF_CUDA_LIBRARY_IMPL(m) {
  m.impl("adaptive_fusion", TORCH_BOX(&cldmdf::cuda::adaptive_fusion_cuda));
  m.impl("adaptive_fusion_backward", TORCH_BOX(&cldmdf::cuda::adaptive_fusion_backward_cuda));
}
