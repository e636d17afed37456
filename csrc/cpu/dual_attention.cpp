// CPU kernels of cldmdf::dual_attention and its backward (OPS.md, section 1).
// One sample at a time, in parallel over the batch: the sample's rows are read
// once into small accumulation buffers (converting dtype and undoing strides),
// everything else happens in cache, and each output row is written once.
#include <cmath>
#include <algorithm>
#include <tuple>
#include <vector>

#include "cldmdf/math.h"
#include "cldmdf/op_checks.h"
#include "cpu_utils.h"

namespace cldmdf {
namespace {

using cpu::axpy;
using cpu::dot;
using cpu::load_row;
using cpu::store_row;

// The inputs of one call: raw pointers and strides (inputs may be non-contiguous).
template <typename T>
struct Inputs {
  const T *x, *fl, *q, *k;
  const bool* mask;
  Strides<3> sx, sfl, sq, sk;
  Strides<2> sm;

  Inputs(const Tensor& x_, const Tensor& fl_, const Tensor& q_, const Tensor& k_,
         const std::optional<Tensor>& mask_)
      : x(static_cast<const T*>(x_.data_ptr())),
        fl(static_cast<const T*>(fl_.data_ptr())),
        q(static_cast<const T*>(q_.data_ptr())),
        k(static_cast<const T*>(k_.data_ptr())),
        mask(mask_ ? static_cast<const bool*>(mask_->data_ptr()) : nullptr),
        sx(strides_of<3>(x_)), sfl(strides_of<3>(fl_)), sq(strides_of<3>(q_)),
        sk(strides_of<3>(k_)), sm(mask_ ? strides_of<2>(*mask_) : Strides<2>{}) {}

  bool present(int64_t b, int64_t j) const {
    return mask == nullptr || mask[b * sm.s[0] + j * sm.s[1]];
  }
};

// One sample's rows in the accumulation type and both levels of attention weights,
// recomputed from the inputs. Forward and backward share it: backward recomputes the
// weights in full precision rather than reading back the rounded outputs.
template <typename A>
struct Sample {
  std::vector<A> fw, x, q, k, w;  // [M, D], [M, D], [M, K], [M, K], [H, M, M]

  explicit Sample(const DualAttentionDims& d)
      : fw(d.M * d.D), x(d.M * d.D), q(d.M * d.K), k(d.M * d.K), w(d.H * d.M * d.M) {}

  template <typename T>
  void compute(const Inputs<T>& in, const DualAttentionDims& d, int64_t b, A inv_temp,
               A inv_sqrt_dk) {
    const int64_t M = d.M, D = d.D, K = d.K, H = d.H, dk = K / H;
    for (int64_t m = 0; m < M; ++m) {
      A* f = fw.data() + m * D;
      load_row(in.fl + b * in.sfl.s[0] + m * in.sfl.s[1], in.sfl.s[2], D, f, inv_temp);
      softmax_row_inplace(f, D);
      load_row(in.x + b * in.sx.s[0] + m * in.sx.s[1], in.sx.s[2], D, x.data() + m * D);
      load_row(in.q + b * in.sq.s[0] + m * in.sq.s[1], in.sq.s[2], K, q.data() + m * K);
      load_row(in.k + b * in.sk.s[0] + m * in.sk.s[1], in.sk.s[2], K, k.data() + m * K);
    }
    auto present = [&](int64_t j) { return in.present(b, j); };
    for (int64_t h = 0; h < H; ++h) {
      for (int64_t i = 0; i < M; ++i) {
        A* wrow = w.data() + (h * M + i) * M;
        for (int64_t j = 0; j < M; ++j)
          wrow[j] = dot(q.data() + i * K + h * dk, k.data() + j * K + h * dk, dk) * inv_sqrt_dk;
        masked_softmax_inplace(wrow, M, 1, present);
      }
    }
  }
};

template <typename T>
void dual_attention_forward_kernel(const DualAttentionDims& d, const Inputs<T>& in,
                                   double feat_temperature, Tensor& out, Tensor* feat_weights,
                                   Tensor* mod_weights) {
  using A = acc_t<T>;
  const int64_t B = d.B, M = d.M, D = d.D, K = d.K, H = d.H, dv = D / H;
  const A inv_temp = A(1.0 / feat_temperature);
  const A inv_sqrt_dk = A(1.0 / std::sqrt(double(K / H)));
  const A width = A(D);
  T* outp = static_cast<T*>(out.data_ptr());
  // need_weights=False: the weights are computed in the sample's buffers only, never written
  T* fwp = feat_weights ? static_cast<T*>(feat_weights->data_ptr()) : nullptr;
  T* mwp = mod_weights ? static_cast<T*>(mod_weights->data_ptr()) : nullptr;

  cpu::parallel_over(B, M * (3 * D + 2 * K), [&](int64_t b0, int64_t b1) {
    Sample<A> s(d);
    std::vector<A> v(M * D), row(D);
    for (int64_t b = b0; b < b1; ++b) {
      s.compute(in, d, b, inv_temp, inv_sqrt_dk);
      if (fwp) store_row(s.fw.data(), M * D, fwp + b * M * D);
      if (mwp) store_row(s.w.data(), H * M * M, mwp + b * H * M * M);
      for (int64_t e = 0; e < M * D; ++e) v[e] = width * s.fw[e] * s.x[e];
      // Each head's slice of row i mixes the value slices of the present modalities (a
      // missing modality has weight exactly 0 and its values are never read).
      for (int64_t i = 0; i < M; ++i) {
        std::fill(row.begin(), row.end(), A(0));
        for (int64_t j = 0; j < M; ++j) {
          if (!in.present(b, j)) continue;
          for (int64_t h = 0; h < H; ++h)
            axpy(s.w[(h * M + i) * M + j], v.data() + j * D + h * dv, row.data() + h * dv, dv);
        }
        store_row(row.data(), D, outp + (b * M + i) * D);
      }
    }
  });
}

template <typename T>
void dual_attention_backward_kernel(const DualAttentionDims& d, const Tensor& grad_out,
                                    const std::optional<Tensor>& grad_feat_weights,
                                    const std::optional<Tensor>& grad_mod_weights,
                                    const Inputs<T>& in,
                                    double feat_temperature, Tensor& grad_x,
                                    Tensor& grad_feat_logits, Tensor& grad_query,
                                    Tensor& grad_key) {
  using A = acc_t<T>;
  const int64_t B = d.B, M = d.M, D = d.D, K = d.K, H = d.H;
  const int64_t dk = K / H, dv = D / H;
  const A inv_temp = A(1.0 / feat_temperature);
  const A inv_sqrt_dk = A(1.0 / std::sqrt(double(dk)));
  const A width = A(D);
  const T* gop = static_cast<const T*>(grad_out.data_ptr());
  // a weight output with no gradient (None) counts as zeros, without reading anything
  const T* gfwp = grad_feat_weights ? static_cast<const T*>(grad_feat_weights->data_ptr()) : nullptr;
  const T* gmwp = grad_mod_weights ? static_cast<const T*>(grad_mod_weights->data_ptr()) : nullptr;
  const auto sgo = strides_of<3>(grad_out);
  const auto sgfw = grad_feat_weights ? strides_of<3>(*grad_feat_weights) : Strides<3>{};
  const auto sgmw = grad_mod_weights ? strides_of<4>(*grad_mod_weights) : Strides<4>{};
  T* gxp = static_cast<T*>(grad_x.data_ptr());
  T* gflp = static_cast<T*>(grad_feat_logits.data_ptr());
  T* gqp = static_cast<T*>(grad_query.data_ptr());
  T* gkp = static_cast<T*>(grad_key.data_ptr());

  cpu::parallel_over(B, M * (8 * D + 4 * K), [&](int64_t b0, int64_t b1) {
    Sample<A> s(d);
    std::vector<A> go(M * D), v(M * D), gv(M * D), gk(M * K), gq(K), ga(H * M * M), row(D);
    for (int64_t b = b0; b < b1; ++b) {
      s.compute(in, d, b, inv_temp, inv_sqrt_dk);
      for (int64_t m = 0; m < M; ++m)
        load_row(gop + b * sgo.s[0] + m * sgo.s[1], sgo.s[2], D, go.data() + m * D);
      if (gmwp) {
        for (int64_t h = 0; h < H; ++h)
          for (int64_t i = 0; i < M; ++i)
            load_row(gmwp + b * sgmw.s[0] + h * sgmw.s[1] + i * sgmw.s[2], sgmw.s[3], M,
                     ga.data() + (h * M + i) * M);
      } else {
        std::fill(ga.begin(), ga.end(), A(0));
      }
      for (int64_t e = 0; e < M * D; ++e) v[e] = width * s.fw[e] * s.x[e];
      std::fill(gv.begin(), gv.end(), A(0));
      std::fill(gk.begin(), gk.end(), A(0));
      // Through out = sum over present j of w_ij v_j: into the weights and the values.
      for (int64_t j = 0; j < M; ++j) {
        if (!in.present(b, j)) continue;
        for (int64_t h = 0; h < H; ++h) {
          for (int64_t i = 0; i < M; ++i) {
            const int64_t r = (h * M + i) * M + j;
            const A* go_ih = go.data() + i * D + h * dv;
            ga[r] += dot(go_ih, v.data() + j * D + h * dv, dv);
            axpy(s.w[r], go_ih, gv.data() + j * D + h * dv, dv);
          }
        }
      }
      // Through the masked softmax and the scaled dot products.
      for (int64_t i = 0; i < M; ++i) {
        std::fill(gq.begin(), gq.end(), A(0));
        for (int64_t h = 0; h < H; ++h) {
          const int64_t r = (h * M + i) * M;
          softmax_backward_inplace(s.w.data() + r, ga.data() + r, M, 1, inv_sqrt_dk);
          for (int64_t j = 0; j < M; ++j) {
            const A gs = ga[r + j];
            if (gs == A(0)) continue;
            axpy(gs, s.k.data() + j * K + h * dk, gq.data() + h * dk, dk);
            axpy(gs, s.q.data() + i * K + h * dk, gk.data() + j * K + h * dk, dk);
          }
        }
        store_row(gq.data(), K, gqp + (b * M + i) * K);
      }
      store_row(gk.data(), M * K, gkp + b * M * K);
      // Through v = D * fw * x and fw = softmax(feat_logits / T).
      for (int64_t m = 0; m < M; ++m) {
        const A* fwm = s.fw.data() + m * D;
        const A* gvm = gv.data() + m * D;
        const A* xm = s.x.data() + m * D;
        for (int64_t e = 0; e < D; ++e) row[e] = width * fwm[e] * gvm[e];
        store_row(row.data(), D, gxp + (b * M + m) * D);
        if (gfwp) {
          load_row(gfwp + b * sgfw.s[0] + m * sgfw.s[1], sgfw.s[2], D, row.data());
          for (int64_t e = 0; e < D; ++e) row[e] += width * xm[e] * gvm[e];
        } else {
          for (int64_t e = 0; e < D; ++e) row[e] = width * xm[e] * gvm[e];
        }
        softmax_backward_inplace(fwm, row.data(), D, 1, inv_temp);
        store_row(row.data(), D, gflp + (b * M + m) * D);
      }
    }
  });
}

std::tuple<Tensor, Tensor, Tensor> dual_attention_cpu(Tensor x, Tensor feat_logits, Tensor query,
                                                      Tensor key, std::optional<Tensor> mask,
                                                      int64_t num_heads, double feat_temperature,
                                                      bool need_weights) {
  const DualAttentionDims d =
      check_dual_attention(x, feat_logits, query, key, mask, num_heads, feat_temperature);
  const ScalarType dt = x.scalar_type();
  Tensor out = new_empty(x, {d.B, d.M, d.D}, dt);
  // need_weights=False: the weight outputs are empty ([0]) and never written
  Tensor feat_weights = need_weights ? new_empty(x, {d.B, d.M, d.D}, dt) : new_empty(x, {0}, dt);
  Tensor mod_weights = need_weights ? new_empty(x, {d.B, d.H, d.M, d.M}, dt) : new_empty(x, {0}, dt);
  dispatch_floating(dt, "dual_attention", [&](auto tag) {
    using T = typename decltype(tag)::type;
    dual_attention_forward_kernel<T>(d, Inputs<T>(x, feat_logits, query, key, mask),
                                     feat_temperature, out, need_weights ? &feat_weights : nullptr,
                                     need_weights ? &mod_weights : nullptr);
  });
  return {out, feat_weights, mod_weights};
}

std::tuple<Tensor, Tensor, Tensor, Tensor> dual_attention_backward_cpu(
    Tensor grad_out, std::optional<Tensor> grad_feat_weights,
    std::optional<Tensor> grad_mod_weights, Tensor x,
    Tensor feat_logits, Tensor query, Tensor key, std::optional<Tensor> mask, int64_t num_heads,
    double feat_temperature) {
  const DualAttentionDims d = check_dual_attention_backward(
      grad_out, grad_feat_weights, grad_mod_weights, x, feat_logits, query, key, mask, num_heads,
      feat_temperature);
  const ScalarType dt = x.scalar_type();
  Tensor grad_x = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor grad_feat_logits = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor grad_query = new_empty(x, {d.B, d.M, d.K}, dt);
  Tensor grad_key = new_empty(x, {d.B, d.M, d.K}, dt);
  dispatch_floating(dt, "dual_attention_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    dual_attention_backward_kernel<T>(d, grad_out, grad_feat_weights, grad_mod_weights,
                                      Inputs<T>(x, feat_logits, query, key, mask),
                                      feat_temperature, grad_x, grad_feat_logits, grad_query,
                                      grad_key);
  });
  return {grad_x, grad_feat_logits, grad_query, grad_key};
}

}  // namespace
}  // namespace cldmdf

STABLE_TORCH_LIBRARY_IMPL(cldmdf, CPU, m) {
  m.impl("dual_attention", TORCH_BOX(&cldmdf::dual_attention_cpu));
  m.impl("dual_attention_backward", TORCH_BOX(&cldmdf::dual_attention_backward_cpu));
}
