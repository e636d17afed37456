// CPU kernels of cldmdf::dual_attention and its backward (OPS.md, section 1).
// One sample at a time, in parallel over the batch, streaming over its modalities:
// each input row is read once (in place when it is contiguous and already in the
// accumulation type, else converted into a small buffer), everything else happens in
// cache, and each output row is written once.
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
using cpu::row_as_acc;
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

  // the rows of sample b, asked for ahead of their use
  void prefetch(const DualAttentionDims& d, int64_t b) const {
    for (int64_t m = 0; m < d.M; ++m) {
      cpu::prefetch_row(q + b * sq.s[0] + m * sq.s[1], sq.s[2], d.K);
      cpu::prefetch_row(k + b * sk.s[0] + m * sk.s[1], sk.s[2], d.K);
      cpu::prefetch_row(fl + b * sfl.s[0] + m * sfl.s[1], sfl.s[2], d.D);
      cpu::prefetch_row(x + b * sx.s[0] + m * sx.s[1], sx.s[2], d.D);
    }
  }
};

// The modality-level weights of one sample, recomputed from the inputs, laid out as
// w[j][h * M + i] (key j, head h, query i): the masked softmax over j then runs down
// the columns of an [M, H * M] block, vectorised along H * M, with fast_exp. Forward and
// backward share it: backward recomputes the weights in full precision rather than
// reading back the rounded outputs.
template <typename A>
struct ModWeights {
  std::vector<A> q, k, w, col;  // conversion buffers [M, K] (half / strided inputs), [M, H * M]
  std::vector<const A*> qrow, krow;

  explicit ModWeights(const DualAttentionDims& d)
      : q(d.M * d.K), k(d.M * d.K), w(d.M * d.H * d.M), col(2 * d.H * d.M), qrow(d.M), krow(d.M) {}

  template <typename T>
  void compute(const Inputs<T>& in, const DualAttentionDims& d, int64_t b, A inv_sqrt_dk) {
    const int64_t M = d.M, K = d.K, H = d.H, dk = K / H;
    for (int64_t m = 0; m < M; ++m) {
      qrow[m] = row_as_acc(in.q + b * in.sq.s[0] + m * in.sq.s[1], in.sq.s[2], K, q.data() + m * K);
      krow[m] = row_as_acc(in.k + b * in.sk.s[0] + m * in.sk.s[1], in.sk.s[2], K, k.data() + m * K);
    }
    for (int64_t j = 0; j < M; ++j) {
      A* wj = w.data() + j * H * M;
      if (!in.present(b, j)) continue;  // set to 0 by the softmax
      for (int64_t h = 0; h < H; ++h)
        for (int64_t i = 0; i < M; ++i)
          wj[h * M + i] = dot(qrow[i] + h * dk, krow[j] + h * dk, dk) * inv_sqrt_dk;
    }
    masked_softmax_columns_inplace(w.data(), M, H * M, [&](int64_t j) { return in.present(b, j); },
                                   col.data());
  }
  A at(int64_t h, int64_t i, int64_t j, int64_t H, int64_t M) const { return w[(j * H + h) * M + i]; }
};

// feature weights of row (b, m): f = softmax(feat_logits[b, m] / T), D values
template <typename T, typename A>
void feature_weights(const Inputs<T>& in, int64_t b, int64_t m, int64_t D, A inv_temp, A* f) {
  load_row(in.fl + b * in.sfl.s[0] + m * in.sfl.s[1], in.sfl.s[2], D, f, inv_temp);
  softmax_row_inplace(f, D);
}

// The forward streams over the modalities j of a sample: feature weights, values
// v_j = D * fw_j * x_j and their contribution to every output row, accumulated in an
// [M, D] buffer; each input row is read once and each output row written once.
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
    ModWeights<A> mw(d);
    std::vector<A> acc(M * D), f(D), v(D), xbuf(D);
    for (int64_t b = b0; b < b1; ++b) {
      if (b + 1 < b1) in.prefetch(d, b + 1);
      mw.compute(in, d, b, inv_sqrt_dk);
      if (mwp) {
        T* dst = mwp + b * H * M * M;
        for (int64_t h = 0; h < H; ++h)
          for (int64_t i = 0; i < M; ++i)
            for (int64_t j = 0; j < M; ++j) dst[(h * M + i) * M + j] = T(mw.at(h, i, j, H, M));
      }
      std::fill(acc.begin(), acc.end(), A(0));
      for (int64_t j = 0; j < M; ++j) {
        const bool present = in.present(b, j);
        if (!present && !fwp) continue;  // weights exactly 0: its values are never read
        feature_weights(in, b, j, D, inv_temp, f.data());
        if (fwp) store_row(f.data(), D, fwp + (b * M + j) * D);
        if (!present) continue;
        const A* xj = row_as_acc(in.x + b * in.sx.s[0] + j * in.sx.s[1], in.sx.s[2], D, xbuf.data());
        for (int64_t e = 0; e < D; ++e) v[e] = width * f[e] * xj[e];
        // each head's slice of every output row i gets w[h, i, j] times v_j's slice
        for (int64_t i = 0; i < M; ++i)
          for (int64_t h = 0; h < H; ++h)
            axpy(mw.at(h, i, j, H, M), v.data() + h * dv, acc.data() + i * D + h * dv, dv);
      }
      store_row(acc.data(), M * D, outp + b * M * D);
    }
  });
}

// The backward streams over the modalities j the same way: with the sample's output
// gradients and modality weights at hand, everything row j's gradients need (gv_j, the
// feature weights) is complete within its iteration; the query and key gradients follow
// from the weight gradients gathered on the way.
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
    ModWeights<A> mw(d);
    std::vector<A> gobuf(M * D), f(D), v(D), gv(D), row(D), xbuf(D), ga(M * H * M), gq(M * K),
        gk(K);
    std::vector<const A*> go(M);
    for (int64_t b = b0; b < b1; ++b) {
      if (b + 1 < b1) {
        in.prefetch(d, b + 1);
        for (int64_t m = 0; m < M; ++m)
          cpu::prefetch_row(gop + (b + 1) * sgo.s[0] + m * sgo.s[1], sgo.s[2], D);
      }
      mw.compute(in, d, b, inv_sqrt_dk);
      for (int64_t m = 0; m < M; ++m)
        go[m] = row_as_acc(gop + b * sgo.s[0] + m * sgo.s[1], sgo.s[2], D, gobuf.data() + m * D);
      for (int64_t j = 0; j < M; ++j) {
        const bool present = in.present(b, j);
        A* gaj = ga.data() + j * H * M;
        // the weight gradient given for w[h, i, j] (missing j: multiplied by w = 0 below)
        for (int64_t h = 0; h < H; ++h)
          for (int64_t i = 0; i < M; ++i)
            gaj[h * M + i] = gmwp ? A(gmwp[b * sgmw.s[0] + h * sgmw.s[1] + i * sgmw.s[2] +
                                           j * sgmw.s[3]])
                                  : A(0);
        feature_weights(in, b, j, D, inv_temp, f.data());
        const A* xj = row_as_acc(in.x + b * in.sx.s[0] + j * in.sx.s[1], in.sx.s[2], D, xbuf.data());
        if (present) {
          // through out_i = sum over present j of w_ij v_j: into the weights and v_j
          for (int64_t e = 0; e < D; ++e) v[e] = width * f[e] * xj[e];
          std::fill(gv.begin(), gv.end(), A(0));
          for (int64_t i = 0; i < M; ++i) {
            for (int64_t h = 0; h < H; ++h) {
              const A* go_ih = go[i] + h * dv;
              gaj[h * M + i] += dot(go_ih, v.data() + h * dv, dv);
              axpy(mw.at(h, i, j, H, M), go_ih, gv.data() + h * dv, dv);
            }
          }
        } else {
          std::fill(gv.begin(), gv.end(), A(0));  // a missing modality's values reach nothing
        }
        // through v = D * fw * x and fw = softmax(feat_logits / T)
        for (int64_t e = 0; e < D; ++e) row[e] = width * f[e] * gv[e];
        store_row(row.data(), D, gxp + (b * M + j) * D);
        if (gfwp) {
          load_row(gfwp + b * sgfw.s[0] + j * sgfw.s[1], sgfw.s[2], D, row.data());
          for (int64_t e = 0; e < D; ++e) row[e] += width * xj[e] * gv[e];
        } else {
          for (int64_t e = 0; e < D; ++e) row[e] = width * xj[e] * gv[e];
        }
        softmax_backward_inplace(f.data(), row.data(), D, 1, inv_temp);
        store_row(row.data(), D, gflp + (b * M + j) * D);
      }
      // through the masked softmax over j (down the columns) and the scaled dot products
      softmax_backward_columns_inplace(mw.w.data(), ga.data(), M, H * M, inv_sqrt_dk,
                                       mw.col.data());
      std::fill(gq.begin(), gq.end(), A(0));
      for (int64_t j = 0; j < M; ++j) {
        std::fill(gk.begin(), gk.end(), A(0));
        const A* gaj = ga.data() + j * H * M;
        for (int64_t h = 0; h < H; ++h) {
          for (int64_t i = 0; i < M; ++i) {
            const A gs = gaj[h * M + i];
            if (gs == A(0)) continue;
            axpy(gs, mw.krow[j] + h * dk, gq.data() + i * K + h * dk, dk);
            axpy(gs, mw.qrow[i] + h * dk, gk.data() + h * dk, dk);
          }
        }
        store_row(gk.data(), K, gkp + (b * M + j) * K);
      }
      store_row(gq.data(), M * K, gqp + b * M * K);
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
