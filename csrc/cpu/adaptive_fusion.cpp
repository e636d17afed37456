// CPU kernels of cldmdf::adaptive_fusion and its backward (OPS.md, section 2).
// Per sample: an M-way masked softmax per gate group, then one pass over the
// sample's [M, D] values accumulating the fused row in the accumulation type.
#include <algorithm>
#include <tuple>
#include <vector>

#include "cldmdf/math.h"
#include "cldmdf/op_checks.h"
#include "cpu_utils.h"

namespace cldmdf {
namespace {

using cpu::load_row;
using cpu::store_row;

// row[d] += sum over groups g of w[g] * h[d] for d in group g (group width gw).
template <typename A>
inline void add_gated(const A* w, const A* h, A* row, int64_t D, int64_t gw) {
  if (gw == 1) {
    for (int64_t e = 0; e < D; ++e) row[e] += w[e] * h[e];
  } else {
    for (int64_t g = 0, e = 0; e < D; ++g) {
      const A wg = w[g];
      for (int64_t end = e + gw; e < end; ++e) row[e] += wg * h[e];
    }
  }
}

template <typename T>
void adaptive_fusion_forward_kernel(const AdaptiveFusionDims& d, const Tensor& h,
                                    const Tensor& gate_logits, const std::optional<Tensor>& mask,
                                    double temperature, Tensor& fused, Tensor* weights) {
  using A = acc_t<T>;
  const int64_t B = d.B, M = d.M, D = d.D, G = d.G, gw = D / G;
  const A inv_temp = A(1.0 / temperature);
  const T* hp = static_cast<const T*>(h.data_ptr());
  const T* glp = static_cast<const T*>(gate_logits.data_ptr());
  const bool* mp = mask ? static_cast<const bool*>(mask->data_ptr()) : nullptr;
  const auto sh = strides_of<3>(h), sgl = strides_of<3>(gate_logits);
  const auto sm = mask ? strides_of<2>(*mask) : Strides<2>{};
  T* fp = static_cast<T*>(fused.data_ptr());
  T* wp = weights ? static_cast<T*>(weights->data_ptr()) : nullptr;  // need_weights

  cpu::parallel_over(B, M * (D + G), [&](int64_t b0, int64_t b1) {
    std::vector<A> w(M * G), hrow(D), row(D), col(2 * G);
    for (int64_t b = b0; b < b1; ++b) {
      auto present = [&](int64_t m) { return mp == nullptr || mp[b * sm.s[0] + m * sm.s[1]]; };
      for (int64_t m = 0; m < M; ++m)
        load_row(glp + b * sgl.s[0] + m * sgl.s[1], sgl.s[2], G, w.data() + m * G, inv_temp);
      masked_softmax_columns_inplace(w.data(), M, G, present, col.data());
      if (wp) store_row(w.data(), M * G, wp + b * M * G);
      std::fill(row.begin(), row.end(), A(0));
      for (int64_t m = 0; m < M; ++m) {
        if (!present(m)) continue;  // weight exactly 0: a missing slot's values are never read
        load_row(hp + b * sh.s[0] + m * sh.s[1], sh.s[2], D, hrow.data());
        add_gated(w.data() + m * G, hrow.data(), row.data(), D, gw);
      }
      store_row(row.data(), D, fp + b * D);
    }
  });
}

template <typename T>
void adaptive_fusion_backward_kernel(const AdaptiveFusionDims& d, const Tensor& grad_fused,
                                     const std::optional<Tensor>& grad_weights, const Tensor& h,
                                     const Tensor& gate_logits, const std::optional<Tensor>& mask,
                                     double temperature, Tensor& grad_h,
                                     Tensor& grad_gate_logits) {
  using A = acc_t<T>;
  const int64_t B = d.B, M = d.M, D = d.D, G = d.G, gw = D / G;
  const A inv_temp = A(1.0 / temperature);
  const T* gfp = static_cast<const T*>(grad_fused.data_ptr());
  // no gradient of the weights (None): zeros, nothing read
  const T* gwp = grad_weights ? static_cast<const T*>(grad_weights->data_ptr()) : nullptr;
  const T* hp = static_cast<const T*>(h.data_ptr());
  const T* glp = static_cast<const T*>(gate_logits.data_ptr());
  const bool* mp = mask ? static_cast<const bool*>(mask->data_ptr()) : nullptr;
  const auto sgf = strides_of<2>(grad_fused);
  const auto sgw = grad_weights ? strides_of<3>(*grad_weights) : Strides<3>{};
  const auto sh = strides_of<3>(h), sgl = strides_of<3>(gate_logits);
  const auto sm = mask ? strides_of<2>(*mask) : Strides<2>{};
  T* ghp = static_cast<T*>(grad_h.data_ptr());
  T* gglp = static_cast<T*>(grad_gate_logits.data_ptr());

  cpu::parallel_over(B, M * (2 * D + 3 * G), [&](int64_t b0, int64_t b1) {
    std::vector<A> w(M * G), gwb(M * G), gf(D), hrow(D), ghrow(D), col(2 * G);
    for (int64_t b = b0; b < b1; ++b) {
      auto present = [&](int64_t m) { return mp == nullptr || mp[b * sm.s[0] + m * sm.s[1]]; };
      // The weights, recomputed in the accumulation type (not read back rounded).
      for (int64_t m = 0; m < M; ++m)
        load_row(glp + b * sgl.s[0] + m * sgl.s[1], sgl.s[2], G, w.data() + m * G, inv_temp);
      masked_softmax_columns_inplace(w.data(), M, G, present, col.data());
      load_row(gfp + b * sgf.s[0], sgf.s[1], D, gf.data());
      if (gwp) {
        for (int64_t m = 0; m < M; ++m)
          load_row(gwp + b * sgw.s[0] + m * sgw.s[1], sgw.s[2], G, gwb.data() + m * G);
      } else {
        std::fill(gwb.begin(), gwb.end(), A(0));
      }
      for (int64_t m = 0; m < M; ++m) {
        const A* wm = w.data() + m * G;
        A* gwm = gwb.data() + m * G;
        // grad_h[m, d] = w[m, g(d)] * grad_fused[d]; grad_w[m, g] += <grad_fused, h[m]> over
        // the group. A missing modality's values are never read (its weights are 0).
        const bool read_h = present(m);
        if (read_h) load_row(hp + b * sh.s[0] + m * sh.s[1], sh.s[2], D, hrow.data());
        if (gw == 1) {
          for (int64_t e = 0; e < D; ++e) ghrow[e] = wm[e] * gf[e];
          if (read_h)
            for (int64_t e = 0; e < D; ++e) gwm[e] += gf[e] * hrow[e];
        } else {
          for (int64_t g = 0, e = 0; g < G; ++g) {
            A acc = A(0);
            for (int64_t end = e + gw; e < end; ++e) {
              ghrow[e] = wm[g] * gf[e];
              acc += gf[e] * hrow[e];
            }
            if (read_h) gwm[g] += acc;
          }
        }
        store_row(ghrow.data(), D, ghp + (b * M + m) * D);
      }
      softmax_backward_columns_inplace(w.data(), gwb.data(), M, G, inv_temp, col.data());
      store_row(gwb.data(), M * G, gglp + b * M * G);
    }
  });
}

std::tuple<Tensor, Tensor> adaptive_fusion_cpu(Tensor h, Tensor gate_logits,
                                               std::optional<Tensor> mask, double temperature,
                                               bool need_weights) {
  const AdaptiveFusionDims d = check_adaptive_fusion(h, gate_logits, mask, temperature);
  const ScalarType dt = h.scalar_type();
  Tensor fused = new_empty(h, {d.B, d.D}, dt);
  Tensor weights = need_weights ? new_empty(h, {d.B, d.M, d.G}, dt) : new_empty(h, {0}, dt);
  dispatch_floating(dt, "adaptive_fusion", [&](auto tag) {
    using T = typename decltype(tag)::type;
    adaptive_fusion_forward_kernel<T>(d, h, gate_logits, mask, temperature, fused,
                                      need_weights ? &weights : nullptr);
  });
  return {fused, weights};
}

std::tuple<Tensor, Tensor> adaptive_fusion_backward_cpu(Tensor grad_fused,
                                                        std::optional<Tensor> grad_weights,
                                                        Tensor h, Tensor gate_logits,
                                                        std::optional<Tensor> mask,
                                                        double temperature) {
  const AdaptiveFusionDims d =
      check_adaptive_fusion_backward(grad_fused, grad_weights, h, gate_logits, mask, temperature);
  const ScalarType dt = h.scalar_type();
  Tensor grad_h = new_empty(h, {d.B, d.M, d.D}, dt);
  Tensor grad_gate_logits = new_empty(h, {d.B, d.M, d.G}, dt);
  dispatch_floating(dt, "adaptive_fusion_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    adaptive_fusion_backward_kernel<T>(d, grad_fused, grad_weights, h, gate_logits, mask,
                                       temperature, grad_h, grad_gate_logits);
  });
  return {grad_h, grad_gate_logits};
}

}  // namespace
}  // namespace cldmdf

STABLE_TORCH_LIBRARY_IMPL(cldmdf, CPU, m) {
  m.impl("adaptive_fusion", TORCH_BOX(&cldmdf::adaptive_fusion_cpu));
  m.impl("adaptive_fusion_backward", TORCH_BOX(&cldmdf::adaptive_fusion_backward_cpu));
}
