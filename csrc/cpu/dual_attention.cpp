// CPU kernels of cldmdf::dual_attention and its backward (OPS.md, section 1).
// One sample at a time, in parallel over the batch: the sample's rows are read
// once into small accumulation buffers (converting dtype and undoing strides),
// everything else happens in cache, and each output row is written once.
#include <cmath>
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

template <typename T>
void dual_attention_forward_kernel(const DualAttentionDims& d, const Tensor& x,
                                   const Tensor& feat_logits, const Tensor& query,
                                   const Tensor& key, const std::optional<Tensor>& mask,
                                   double feat_temperature, Tensor& out, Tensor& feat_weights,
                                   Tensor& mod_weights) {
  using A = acc_t<T>;
  const int64_t B = d.B, M = d.M, D = d.D, K = d.K, H = d.H;
  const int64_t dk = K / H, dv = D / H;
  const A inv_temp = A(1.0 / feat_temperature);
  const A inv_sqrt_dk = A(1.0 / std::sqrt(double(dk)));
  const A width = A(D);

  const T* xp = static_cast<const T*>(x.data_ptr());
  const T* flp = static_cast<const T*>(feat_logits.data_ptr());
  const T* qp = static_cast<const T*>(query.data_ptr());
  const T* kp = static_cast<const T*>(key.data_ptr());
  const bool* mp = mask ? static_cast<const bool*>(mask->data_ptr()) : nullptr;
  const auto sx = strides_of<3>(x), sfl = strides_of<3>(feat_logits);
  const auto sq = strides_of<3>(query), sk = strides_of<3>(key);
  const auto sm = mask ? strides_of<2>(*mask) : Strides<2>{};
  T* outp = static_cast<T*>(out.data_ptr());
  T* fwp = static_cast<T*>(feat_weights.data_ptr());
  T* mwp = static_cast<T*>(mod_weights.data_ptr());

  cpu::parallel_over(B, M * (3 * D + 2 * K), [&](int64_t b0, int64_t b1) {
    std::vector<A> v(M * D), q(M * K), k(M * K), w(H * M * M), row(D);
    for (int64_t b = b0; b < b1; ++b) {
      auto present = [&](int64_t j) { return mp == nullptr || mp[b * sm.s[0] + j * sm.s[1]]; };
      // Feature level: feat_weights = softmax(feat_logits / T), v = D * feat_weights * x.
      for (int64_t m = 0; m < M; ++m) {
        load_row(flp + b * sfl.s[0] + m * sfl.s[1], sfl.s[2], D, row.data(), inv_temp);
        softmax_row_inplace(row.data(), D);
        store_row(row.data(), D, fwp + (b * M + m) * D);
        load_row(xp + b * sx.s[0] + m * sx.s[1], sx.s[2], D, v.data() + m * D);
        for (int64_t e = 0; e < D; ++e) v[m * D + e] *= width * row[e];
      }
      // Modality level: per head, an M x M masked softmax of scaled dot products.
      for (int64_t m = 0; m < M; ++m) {
        load_row(qp + b * sq.s[0] + m * sq.s[1], sq.s[2], K, q.data() + m * K);
        load_row(kp + b * sk.s[0] + m * sk.s[1], sk.s[2], K, k.data() + m * K);
      }
      for (int64_t h = 0; h < H; ++h) {
        for (int64_t i = 0; i < M; ++i) {
          A* wrow = w.data() + (h * M + i) * M;
          for (int64_t j = 0; j < M; ++j)
            wrow[j] = dot(q.data() + i * K + h * dk, k.data() + j * K + h * dk, dk) * inv_sqrt_dk;
          masked_softmax_inplace(wrow, M, 1, present);
        }
      }
      store_row(w.data(), H * M * M, mwp + b * H * M * M);
      // Output: each head's slice of row i mixes the value slices of the present modalities.
      for (int64_t i = 0; i < M; ++i) {
        std::fill(row.begin(), row.end(), A(0));
        for (int64_t h = 0; h < H; ++h) {
          for (int64_t j = 0; j < M; ++j) {
            const A a = w[(h * M + i) * M + j];
            if (a != A(0)) axpy(a, v.data() + j * D + h * dv, row.data() + h * dv, dv);
          }
        }
        store_row(row.data(), D, outp + (b * M + i) * D);
      }
    }
  });
}

template <typename T>
void dual_attention_backward_kernel(const DualAttentionDims& d, const Tensor& grad_out,
                                    const Tensor& grad_feat_weights,
                                    const Tensor& grad_mod_weights, const Tensor& x,
                                    const Tensor& query, const Tensor& key,
                                    const Tensor& feat_weights, const Tensor& mod_weights,
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
  const T* gfwp = static_cast<const T*>(grad_feat_weights.data_ptr());
  const T* gmwp = static_cast<const T*>(grad_mod_weights.data_ptr());
  const T* xp = static_cast<const T*>(x.data_ptr());
  const T* qp = static_cast<const T*>(query.data_ptr());
  const T* kp = static_cast<const T*>(key.data_ptr());
  const T* fwp = static_cast<const T*>(feat_weights.data_ptr());
  const T* mwp = static_cast<const T*>(mod_weights.data_ptr());
  const auto sgo = strides_of<3>(grad_out), sgfw = strides_of<3>(grad_feat_weights);
  const auto sgmw = strides_of<4>(grad_mod_weights), smw = strides_of<4>(mod_weights);
  const auto sx = strides_of<3>(x), sq = strides_of<3>(query), sk = strides_of<3>(key);
  const auto sfw = strides_of<3>(feat_weights);
  T* gxp = static_cast<T*>(grad_x.data_ptr());
  T* gflp = static_cast<T*>(grad_feat_logits.data_ptr());
  T* gqp = static_cast<T*>(grad_query.data_ptr());
  T* gkp = static_cast<T*>(grad_key.data_ptr());

  cpu::parallel_over(B, M * (8 * D + 4 * K), [&](int64_t b0, int64_t b1) {
    std::vector<A> xb(M * D), fw(M * D), go(M * D), v(M * D), gv(M * D);
    std::vector<A> q(M * K), k(M * K), gk(M * K), gq(K), a(H * M * M), ga(H * M * M), row(D);
    for (int64_t b = b0; b < b1; ++b) {
      for (int64_t m = 0; m < M; ++m) {
        load_row(xp + b * sx.s[0] + m * sx.s[1], sx.s[2], D, xb.data() + m * D);
        load_row(fwp + b * sfw.s[0] + m * sfw.s[1], sfw.s[2], D, fw.data() + m * D);
        load_row(gop + b * sgo.s[0] + m * sgo.s[1], sgo.s[2], D, go.data() + m * D);
        load_row(qp + b * sq.s[0] + m * sq.s[1], sq.s[2], K, q.data() + m * K);
        load_row(kp + b * sk.s[0] + m * sk.s[1], sk.s[2], K, k.data() + m * K);
      }
      for (int64_t h = 0; h < H; ++h) {
        for (int64_t i = 0; i < M; ++i) {
          const int64_t r = (h * M + i) * M;
          load_row(mwp + b * smw.s[0] + h * smw.s[1] + i * smw.s[2], smw.s[3], M, a.data() + r);
          load_row(gmwp + b * sgmw.s[0] + h * sgmw.s[1] + i * sgmw.s[2], sgmw.s[3], M,
                   ga.data() + r);
        }
      }
      for (int64_t e = 0; e < M * D; ++e) v[e] = width * fw[e] * xb[e];
      std::fill(gv.begin(), gv.end(), A(0));
      std::fill(gk.begin(), gk.end(), A(0));
      // Through out = sum_j a_ij v_j: gradients into the weights and the values.
      for (int64_t h = 0; h < H; ++h) {
        for (int64_t i = 0; i < M; ++i) {
          const A* go_ih = go.data() + i * D + h * dv;
          for (int64_t j = 0; j < M; ++j) {
            const int64_t r = (h * M + i) * M + j;
            if (a[r] == A(0)) continue;
            ga[r] += dot(go_ih, v.data() + j * D + h * dv, dv);
            axpy(a[r], go_ih, gv.data() + j * D + h * dv, dv);
          }
        }
      }
      // Through the masked softmax and the scaled dot products.
      for (int64_t i = 0; i < M; ++i) {
        std::fill(gq.begin(), gq.end(), A(0));
        for (int64_t h = 0; h < H; ++h) {
          const int64_t r = (h * M + i) * M;
          softmax_backward_inplace(a.data() + r, ga.data() + r, M, 1, inv_sqrt_dk);
          for (int64_t j = 0; j < M; ++j) {
            const A gs = ga[r + j];
            if (gs == A(0)) continue;
            axpy(gs, k.data() + j * K + h * dk, gq.data() + h * dk, dk);
            axpy(gs, q.data() + i * K + h * dk, gk.data() + j * K + h * dk, dk);
          }
        }
        store_row(gq.data(), K, gqp + (b * M + i) * K);
      }
      for (int64_t j = 0; j < M; ++j) store_row(gk.data() + j * K, K, gkp + (b * M + j) * K);
      // Through v = D * fw * x and fw = softmax(feat_logits / T).
      for (int64_t m = 0; m < M; ++m) {
        const A* fwm = fw.data() + m * D;
        const A* gvm = gv.data() + m * D;
        const A* xm = xb.data() + m * D;
        for (int64_t e = 0; e < D; ++e) row[e] = width * fwm[e] * gvm[e];
        store_row(row.data(), D, gxp + (b * M + m) * D);
        load_row(gfwp + b * sgfw.s[0] + m * sgfw.s[1], sgfw.s[2], D, row.data());
        for (int64_t e = 0; e < D; ++e) row[e] += width * xm[e] * gvm[e];
        softmax_backward_inplace(fwm, row.data(), D, 1, inv_temp);
        store_row(row.data(), D, gflp + (b * M + m) * D);
      }
    }
  });
}

std::tuple<Tensor, Tensor, Tensor> dual_attention_cpu(Tensor x, Tensor feat_logits, Tensor query,
                                                      Tensor key, std::optional<Tensor> mask,
                                                      int64_t num_heads, double feat_temperature) {
  const DualAttentionDims d =
      check_dual_attention(x, feat_logits, query, key, mask, num_heads, feat_temperature);
  const ScalarType dt = x.scalar_type();
  Tensor out = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor feat_weights = new_empty(x, {d.B, d.M, d.D}, dt);
  Tensor mod_weights = new_empty(x, {d.B, d.H, d.M, d.M}, dt);
  dispatch_floating(dt, "dual_attention", [&](auto tag) {
    using T = typename decltype(tag)::type;
    dual_attention_forward_kernel<T>(d, x, feat_logits, query, key, mask, feat_temperature, out,
                                     feat_weights, mod_weights);
  });
  return {out, feat_weights, mod_weights};
}

std::tuple<Tensor, Tensor, Tensor, Tensor> dual_attention_backward_cpu(
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
  dispatch_floating(dt, "dual_attention_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    dual_attention_backward_kernel<T>(d, grad_out, grad_feat_weights, grad_mod_weights, x, query,
                                      key, feat_weights, mod_weights, feat_temperature, grad_x,
                                      grad_feat_logits, grad_query, grad_key);
  });
  return {grad_x, grad_feat_logits, grad_query, grad_key};
}

}  // namespace
}  // namespace cldmdf

STABLE_TORCH_LIBRARY_IMPL(cldmdf, CPU, m) {
  m.impl("dual_attention", TORCH_BOX(&cldmdf::dual_attention_cpu));
  m.impl("dual_attention_backward", TORCH_BOX(&cldmdf::dual_attention_backward_cpu));
}
