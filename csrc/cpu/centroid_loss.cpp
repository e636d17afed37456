// CPU kernels of cldmdf::centroid_contrastive_loss and its backward (OPS.md,
// section 3).
//
// Points are grouped by entity with one sort of the ids (ids are arbitrary
// int64). The logits are produced a block of rows at a time by a GEMM against
// the centroids, so at most a [rows_per_block, E] tile exists at once; each
// row's logsumexp is taken from the tile and the tile is dropped. Backward
// recomputes the tiles (flash-attention style) instead of keeping [N, E], and
// turns each tile into the two gradient GEMMs.
#include <algorithm>
#include <numeric>
#include <string>
#include <tuple>
#include <vector>

#include "cldmdf/math.h"
#include "cldmdf/op_checks.h"
#include "cpu_utils.h"

namespace cldmdf {
namespace {

using cpu::dot;
using cpu::load_row;

struct EntityGroups {
  int64_t E = 0;
  std::vector<int64_t> entity_of;  // [N] dense entity index of each point
  std::vector<int64_t> offsets;    // [E + 1] into members
  std::vector<int64_t> members;    // [N] point indices grouped by entity, ascending in a group
  std::vector<int64_t> totals;     // [E] points of each entity on every rank (OPS.md 4c), or empty

  int64_t count(int64_t e) const { return offsets[e + 1] - offsets[e]; }
  // The entity's size that decides leave-one-out: all its points, not only the local ones.
  int64_t total(int64_t e) const { return totals.empty() ? count(e) : totals[e]; }
};

EntityGroups group_entities(const Tensor& entity, int64_t N) {
  const int64_t* ids = static_cast<const int64_t*>(entity.data_ptr());
  const int64_t s = N > 0 ? entity.stride(0) : 1;
  EntityGroups g;
  g.members.resize(N);
  std::iota(g.members.begin(), g.members.end(), int64_t(0));
  std::stable_sort(g.members.begin(), g.members.end(),
                   [&](int64_t a, int64_t b) { return ids[a * s] < ids[b * s]; });
  g.entity_of.resize(N);
  g.offsets.push_back(0);
  for (int64_t r = 0; r < N; ++r) {
    const int64_t i = g.members[r];
    if (r > 0 && ids[i * s] != ids[g.members[r - 1] * s]) g.offsets.push_back(r);
    g.entity_of[i] = static_cast<int64_t>(g.offsets.size()) - 1;
  }
  if (N > 0) g.offsets.push_back(N);
  g.E = static_cast<int64_t>(g.offsets.size()) - 1;
  return g;
}

// Groups of points whose dense entities are given (entity_index in [0, E), checked), with the
// entities' sizes over every rank from `counts`. A counting sort: members ascend within a group.
EntityGroups group_dense(const char* op, const Tensor& entity_index, const Tensor& counts,
                         int64_t N, int64_t E) {
  const int64_t* ids = static_cast<const int64_t*>(entity_index.data_ptr());
  const int64_t s = N > 0 ? entity_index.stride(0) : 1;
  EntityGroups g;
  g.E = E;
  g.entity_of.resize(N);
  g.offsets.assign(E + 1, 0);
  for (int64_t i = 0; i < N; ++i) {
    const int64_t u = ids[i * s];
    if (u < 0 || u >= E) fail_entity_index(op, i, u, E);
    g.entity_of[i] = u;
    ++g.offsets[u + 1];
  }
  for (int64_t u = 0; u < E; ++u) g.offsets[u + 1] += g.offsets[u];
  g.members.resize(N);
  std::vector<int64_t> next(g.offsets.begin(), g.offsets.end() - 1);
  for (int64_t i = 0; i < N; ++i) g.members[next[g.entity_of[i]]++] = i;
  const int64_t* cp = static_cast<const int64_t*>(counts.data_ptr());
  const int64_t cs = E > 0 ? counts.stride(0) : 1;
  g.totals.resize(E);
  for (int64_t u = 0; u < E; ++u) g.totals[u] = cp[u * cs];
  return g;
}

// What forward and backward both derive from (z, entity): normalised points,
// entity sums and centroids. O(N * P) memory, never O(N * E).
template <typename A>
struct CentroidState {
  EntityGroups groups;
  Tensor zhat;            // [N, P] accumulation dtype
  std::vector<A> znorm;   // [N] ||z_i||
  Tensor sums;            // [E, P] S_u
  Tensor centroids;       // [E, P] c_u
  std::vector<A> snorm;   // [E] ||S_u||
  int64_t N = 0, P = 0;

  const A* zhat_row(int64_t i) const { return static_cast<const A*>(zhat.data_ptr()) + i * P; }
  const A* sum_row(int64_t u) const { return static_cast<const A*>(sums.data_ptr()) + u * P; }
  // Rows [i0, i0 + nb) of zhat as a view (narrow takes a non-const handle).
  Tensor zhat_rows(int64_t i0, int64_t nb) const {
    Tensor all = zhat;
    return torch::stable::narrow(all, 0, i0, nb);
  }
  const A* centroid_row(int64_t u) const {
    return static_cast<const A*>(centroids.data_ptr()) + u * P;
  }
  bool has_positive(int64_t i, bool leave_one_out) const {
    return !leave_one_out || groups.total(groups.entity_of[i]) > 1;
  }
  // Leave-one-out positive of point i: c+ = (S_e - zhat_i) / max(||S_e - zhat_i||, eps).
  // Writes c+ into `out` and returns ||S_e - zhat_i||.
  A positive_without(int64_t i, A* out) const {
    const A* zi = zhat_row(i);
    const A* se = sum_row(groups.entity_of[i]);
    A sq = A(0);
    for (int64_t p = 0; p < P; ++p) {
      out[p] = se[p] - zi[p];
      sq += out[p] * out[p];
    }
    const A inv = inv_clamped_norm(sq);
    for (int64_t p = 0; p < P; ++p) out[p] *= inv;
    return sqrt_acc(sq);
  }
};

// zhat and ||z|| of every point, and room for the entity sums and centroids of st.groups.
template <typename T, typename A>
void normalize_points(CentroidState<A>& st, const Tensor& z, int64_t N, int64_t P) {
  st.N = N;
  st.P = P;
  const int64_t E = st.groups.E;
  st.zhat = new_empty(z, {N, P}, acc_scalar_type<A>());
  st.znorm.resize(N);
  st.sums = new_empty(z, {E, P}, acc_scalar_type<A>());
  st.centroids = new_empty(z, {E, P}, acc_scalar_type<A>());
  st.snorm.resize(E);
  const T* zp = static_cast<const T*>(z.data_ptr());
  const auto sz = strides_of<2>(z);
  A* zh = static_cast<A*>(st.zhat.data_ptr());
  cpu::parallel_over(N, P, [&](int64_t i0, int64_t i1) {
    for (int64_t i = i0; i < i1; ++i) {
      A* row = zh + i * P;
      load_row(zp + i * sz.s[0], sz.s[1], P, row);
      const A sq = dot(row, row, P);
      st.znorm[i] = sqrt_acc(sq);
      const A inv = inv_clamped_norm(sq);
      for (int64_t p = 0; p < P; ++p) row[p] *= inv;
    }
  });
}

// c_u = S_u / max(||S_u||, eps) and ||S_u|| from st.sums.
template <typename A>
void centroids_from_sums(CentroidState<A>& st) {
  const int64_t E = st.groups.E, P = st.P;
  const A* sp = static_cast<const A*>(st.sums.data_ptr());
  A* cp = static_cast<A*>(st.centroids.data_ptr());
  cpu::parallel_over(E, P, [&](int64_t u0, int64_t u1) {
    for (int64_t u = u0; u < u1; ++u) {
      const A sq = dot(sp + u * P, sp + u * P, P);
      st.snorm[u] = sqrt_acc(sq);
      const A inv = inv_clamped_norm(sq);
      for (int64_t p = 0; p < P; ++p) cp[u * P + p] = sp[u * P + p] * inv;
    }
  });
}

// The state of (z, entity): entities from the ids, S_u the sums of their points.
template <typename T, typename A = acc_t<T>>
CentroidState<A> build_state(const Tensor& z, const Tensor& entity, int64_t N, int64_t P) {
  CentroidState<A> st;
  st.groups = group_entities(entity, N);
  normalize_points<T>(st, z, N, P);
  const int64_t E = st.groups.E;
  const A* zh = static_cast<const A*>(st.zhat.data_ptr());
  A* sp = static_cast<A*>(st.sums.data_ptr());
  cpu::parallel_over(E, P * std::max<int64_t>(1, N / std::max<int64_t>(1, E)),
                     [&](int64_t u0, int64_t u1) {
    for (int64_t u = u0; u < u1; ++u) {
      A* s = sp + u * P;
      std::fill(s, s + P, A(0));
      for (int64_t r = st.groups.offsets[u]; r < st.groups.offsets[u + 1]; ++r)
        cpu::axpy(A(1), zh + st.groups.members[r] * P, s, P);
    }
  });
  centroids_from_sums(st);
  return st;
}

// The state of OPS.md 4c: the entities and their sums S_u (over every rank) are given.
template <typename T, typename A = acc_t<T>>
CentroidState<A> build_state_from_sums(const char* op, const FromSumsDims& d, const Tensor& z,
                                       const Tensor& entity_index, const Tensor& sums,
                                       const Tensor& counts) {
  CentroidState<A> st;
  st.groups = group_dense(op, entity_index, counts, d.N, d.E);
  normalize_points<T>(st, z, d.N, d.P);
  const T* src = static_cast<const T*>(sums.data_ptr());
  const auto ss = strides_of<2>(sums);
  A* sp = static_cast<A*>(st.sums.data_ptr());
  for (int64_t u = 0; u < d.E; ++u) load_row(src + u * ss.s[0], ss.s[1], d.P, sp + u * d.P);
  centroids_from_sums(st);
  return st;
}

// Rows per logit tile: [rows, E] up to 64 MiB of float32. Large tiles matter: each tile is one
// GEMM call, and BLAS repacks the centroids on every call (256-row tiles ran 3x slower).
int64_t rows_per_block(int64_t N, int64_t E) {
  constexpr int64_t kTileElements = int64_t(1) << 24;
  return std::max<int64_t>(1, std::min<int64_t>(N, kTileElements / std::max<int64_t>(1, E)));
}

// Logits of rows [i0, i0 + nb) against every centroid, as a contiguous [nb, E]
// tile in the accumulation dtype (one GEMM).
template <typename A>
Tensor logit_tile(const CentroidState<A>& st, int64_t i0, int64_t nb) {
  Tensor tile = torch::stable::matmul(st.zhat_rows(i0, nb),
                                      torch::stable::transpose(st.centroids, 0, 1));
  return torch::stable::contiguous(tile);
}

// Row i's cosines (tile row `l`, length E): the own entity's column gets the leave-one-out
// positive when asked for.
template <typename A>
void own_positive(const CentroidState<A>& st, int64_t i, bool leave_one_out, A* l, A* scratch) {
  if (!leave_one_out) return;
  st.positive_without(i, scratch);
  l[st.groups.entity_of[i]] = dot(st.zhat_row(i), scratch, st.P);
}

// Turns row i's cosines into logits: the leave-one-out positive, everything times `scale`
// (1/T, or the learned scale of OPS.md 4a). Returns the row's logsumexp.
template <typename A>
A finish_logit_row(const CentroidState<A>& st, int64_t i, bool leave_one_out, A scale, A* l,
                   A* scratch) {
  own_positive(st, i, leave_one_out, l, scratch);
  for (int64_t u = 0; u < st.groups.E; ++u) l[u] *= scale;
  return logsumexp_row(l, st.groups.E);
}

// L_i of every point (0 for points without a positive); `inv_temp` multiplies the cosines:
// 1 / temperature, or the learned scale.
template <typename A>
std::vector<A> point_losses(const CentroidState<A>& st, A inv_temp, bool leave_one_out) {
  const int64_t N = st.N, P = st.P, E = st.groups.E;
  std::vector<A> loss(N, A(0));
  const int64_t bs = rows_per_block(N, E);
  for (int64_t i0 = 0; i0 < N; i0 += bs) {
    const int64_t nb = std::min(bs, N - i0);
    Tensor tile = logit_tile(st, i0, nb);
    A* tp = static_cast<A*>(tile.data_ptr());
    cpu::parallel_over(nb, E + P, [&](int64_t r0, int64_t r1) {
      std::vector<A> scratch(P);
      for (int64_t r = r0; r < r1; ++r) {
        const int64_t i = i0 + r;
        if (!st.has_positive(i, leave_one_out)) continue;
        A* l = tp + r * E;
        const A lse = finish_logit_row(st, i, leave_one_out, inv_temp, l, scratch.data());
        loss[i] = lse - l[st.groups.entity_of[i]];
      }
    });
  }
  return loss;
}

template <typename T>
Tensor centroid_loss_forward_kernel(const CentroidLossDims& d, const Tensor& z,
                                    const Tensor& entity, acc_t<T> inv_temp,
                                    bool leave_one_out) {
  using A = acc_t<T>;
  const int64_t N = d.N;
  const CentroidState<A> st = build_state<T>(z, entity, N, d.P);
  const std::vector<A> loss = point_losses(st, inv_temp, leave_one_out);
  if (d.reduction == Reduction::None) {
    Tensor out = new_empty(z, {N}, z.scalar_type());
    cpu::store_row(loss.data(), N, static_cast<T*>(out.data_ptr()));
    return out;
  }
  double total = 0.0;
  int64_t count = 0;
  for (int64_t i = 0; i < N; ++i) {
    total += static_cast<double>(loss[i]);
    count += st.has_positive(i, leave_one_out);
  }
  if (d.reduction == Reduction::Mean) total = count > 0 ? total / double(count) : 0.0;
  Tensor out = new_empty(z, {}, z.scalar_type());
  *static_cast<T*>(out.data_ptr()) = static_cast<T>(static_cast<A>(total));
  return out;
}

// Upstream gradient of each L_i (0 for points without a positive).
template <typename T, typename A>
std::vector<A> upstream(const CentroidState<A>& st, const Tensor& grad, Reduction reduction,
                        bool leave_one_out) {
  const int64_t N = st.N;
  std::vector<A> g(N, A(0));
  const T* gp = static_cast<const T*>(grad.data_ptr());
  int64_t count = 0;
  for (int64_t i = 0; i < N; ++i) count += st.has_positive(i, leave_one_out);
  for (int64_t i = 0; i < N; ++i) {
    if (!st.has_positive(i, leave_one_out)) continue;
    if (reduction == Reduction::None) {
      g[i] = static_cast<A>(gp[i * grad.stride(0)]);
    } else {
      g[i] = static_cast<A>(gp[0]);
      if (reduction == Reduction::Mean) g[i] /= A(count);
    }
  }
  return g;
}

// Backward of the losses with upstream `g` into grad_z (z's dtype, contiguous). The entity
// sums are either derived from the points (grad_sums null: their gradient goes on to the
// points) or an input of their own (OPS.md 4c: their gradient is written to grad_sums, [E, P]
// contiguous, and the points get only the direct part). With `grad_scale` (the scaled forms),
// also dL/dscale = sum_{i,u} dL/dlogit_{i,u} cos_{i,u}. With `loss_out` the same tiles also
// give every L_i (the forward and its gradient in one pass: three GEMMs, not four).
template <typename T, typename A>
void loss_backward(const CentroidState<A>& st, const std::vector<A>& g, A inv_temp,
                   bool leave_one_out, T* gzp, T* grad_sums, double* grad_scale,
                   A* loss_out = nullptr) {
  const int64_t N = st.N, P = st.P, E = st.groups.E;
  const Tensor& z = st.zhat;
  Tensor gzhat = new_empty(z, {N, P}, acc_scalar_type<A>());
  Tensor gcent = new_zeros(z, {E, P}, acc_scalar_type<A>());
  std::vector<A> own_coef(N, A(0));  // dL/d<zhat_i, c+_i> for leave-one-out rows
  std::vector<A> scale_term(grad_scale ? N : 0, A(0));  // row i's part of dL/dscale
  A* gzh = static_cast<A*>(gzhat.data_ptr());
  A* gc = static_cast<A*>(gcent.data_ptr());
  const int64_t bs = rows_per_block(N, E);
  for (int64_t i0 = 0; i0 < N; i0 += bs) {
    const int64_t nb = std::min(bs, N - i0);
    Tensor tile = logit_tile(st, i0, nb);
    A* tp = static_cast<A*>(tile.data_ptr());
    // Tile of logits -> tile of dL/d<zhat_i, c_u> (softmax minus one-hot, times g_i / T).
    cpu::parallel_over(nb, E + P, [&](int64_t r0, int64_t r1) {
      std::vector<A> scratch(P), cosines(grad_scale ? E : 0);
      for (int64_t r = r0; r < r1; ++r) {
        const int64_t i = i0 + r;
        A* l = tp + r * E;
        if (g[i] == A(0)) {
          std::fill(l, l + E, A(0));
          continue;
        }
        const int64_t e = st.groups.entity_of[i];
        A lse;
        if (grad_scale) {  // keep the cosines: dL/dscale = g_i (sum_u p_u cos_u - cos_e)
          own_positive(st, i, leave_one_out, l, scratch.data());
          std::copy(l, l + E, cosines.begin());
          for (int64_t u = 0; u < E; ++u) l[u] *= inv_temp;
          lse = logsumexp_row(l, E);
        } else {
          lse = finish_logit_row(st, i, leave_one_out, inv_temp, l, scratch.data());
        }
        if (loss_out) loss_out[i] = lse - l[e];
        const A scale = g[i] * inv_temp;
        if (grad_scale) {
          A expected_cos = A(0);
          for (int64_t u = 0; u < E; ++u) {
            const A p = fast_exp(l[u] - lse);
            expected_cos += p * cosines[u];
            l[u] = scale * p;
          }
          scale_term[i] = g[i] * (expected_cos - cosines[e]);
        } else {  // the plain loop, as the compiler vectorises it
          for (int64_t u = 0; u < E; ++u) l[u] = scale * fast_exp(l[u] - lse);
        }
        l[e] -= scale;
        if (leave_one_out) {
          own_coef[i] = l[e];
          l[e] = A(0);
        }
      }
    });
    Tensor gzb = torch::stable::matmul(tile, st.centroids);
    Tensor gcb = torch::stable::matmul(torch::stable::transpose(tile, 0, 1),
                                       st.zhat_rows(i0, nb));
    gzb = torch::stable::contiguous(gzb);
    gcb = torch::stable::contiguous(gcb);
    const A* gzbp = static_cast<const A*>(gzb.data_ptr());
    const A* gcbp = static_cast<const A*>(gcb.data_ptr());
    std::copy(gzbp, gzbp + nb * P, gzh + i0 * P);
    cpu::parallel_over(E * P, 1, [&](int64_t k0, int64_t k1) {
      for (int64_t k = k0; k < k1; ++k) gc[k] += gcbp[k];
    });
  }

  if (grad_scale) {
    double total = 0.0;
    for (int64_t i = 0; i < N; ++i) total += static_cast<double>(scale_term[i]);
    *grad_scale = total;
  }
  // Per entity: back through c_u = S_u / ||S_u||, the leave-one-out positives
  // (which depend on S_e and on zhat_i), S_u = sum of zhat, and zhat = z / ||z||.
  cpu::parallel_over(E, P * std::max<int64_t>(1, N / std::max<int64_t>(1, E)),
                     [&](int64_t u0, int64_t u1) {
    std::vector<A> gs(P), cplus(P), gcp(P), gr(P), row(P);
    for (int64_t u = u0; u < u1; ++u) {
      normalize_backward(st.centroid_row(u), gc + u * P, gs.data(), P, st.snorm[u]);
      for (int64_t r = st.groups.offsets[u]; r < st.groups.offsets[u + 1]; ++r) {
        const int64_t i = st.groups.members[r];
        const A a = own_coef[i];
        if (a == A(0)) continue;
        const A* zi = st.zhat_row(i);
        A* gzi = gzh + i * P;
        const A rnorm = st.positive_without(i, cplus.data());
        for (int64_t p = 0; p < P; ++p) gcp[p] = a * zi[p];
        normalize_backward(cplus.data(), gcp.data(), gr.data(), P, rnorm);
        for (int64_t p = 0; p < P; ++p) {
          gzi[p] += a * cplus[p] - gr[p];
          gs[p] += gr[p];
        }
      }
      if (grad_sums) cpu::store_row(gs.data(), P, grad_sums + u * P);
      for (int64_t r = st.groups.offsets[u]; r < st.groups.offsets[u + 1]; ++r) {
        const int64_t i = st.groups.members[r];
        A* gzi = gzh + i * P;
        if (!grad_sums)
          for (int64_t p = 0; p < P; ++p) gzi[p] += gs[p];
        normalize_backward(st.zhat_row(i), gzi, row.data(), P, st.znorm[i]);
        cpu::store_row(row.data(), P, gzp + i * P);
      }
    }
  });
}

template <typename T>
Tensor centroid_loss_backward_kernel(const CentroidLossDims& d, const Tensor& grad,
                                     const Tensor& z, const Tensor& entity, acc_t<T> inv_temp,
                                     bool leave_one_out, double* grad_scale = nullptr) {
  using A = acc_t<T>;
  const CentroidState<A> st = build_state<T>(z, entity, d.N, d.P);
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  loss_backward<T>(st, upstream<T>(st, grad, d.reduction, leave_one_out), inv_temp,
                   leave_one_out, static_cast<T*>(grad_z.data_ptr()), nullptr, grad_scale);
  return grad_z;
}

Tensor centroid_contrastive_loss_cpu(Tensor z, Tensor entity, double temperature,
                                     bool leave_one_out, std::string reduction) {
  const CentroidLossDims d = check_centroid_loss(z, entity, temperature, reduction);
  Tensor out;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss", [&](auto tag) {
    using T = typename decltype(tag)::type;
    out = centroid_loss_forward_kernel<T>(d, z, entity, acc_t<T>(1.0 / temperature),
                                          leave_one_out);
  });
  return out;
}

Tensor centroid_contrastive_loss_scaled_cpu(Tensor z, Tensor entity, Tensor scale,
                                            bool leave_one_out, std::string reduction) {
  const CentroidLossDims d =
      check_centroid_loss_scaled("centroid_contrastive_loss.scaled", z, entity, scale, reduction);
  const double s = scalar_value(scale);
  Tensor out;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss.scaled", [&](auto tag) {
    using T = typename decltype(tag)::type;
    out = centroid_loss_forward_kernel<T>(d, z, entity, acc_t<T>(s), leave_one_out);
  });
  return out;
}

std::tuple<Tensor, Tensor> centroid_contrastive_loss_scaled_backward_cpu(
    Tensor grad, Tensor z, Tensor entity, Tensor scale, bool leave_one_out, std::string reduction) {
  const CentroidLossDims d =
      check_centroid_loss_scaled_backward(grad, z, entity, scale, reduction);
  const double s = scalar_value(scale);
  Tensor grad_z;
  double grad_s = 0.0;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss_scaled_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    grad_z = centroid_loss_backward_kernel<T>(d, grad, z, entity, acc_t<T>(s), leave_one_out,
                                              &grad_s);
  });
  Tensor grad_scale = new_empty(scale, {}, scale.scalar_type());
  dispatch_floating(scale.scalar_type(), "centroid_contrastive_loss_scaled_backward", [&](auto tag) {
    using S = typename decltype(tag)::type;
    *static_cast<S*>(grad_scale.data_ptr()) = static_cast<S>(grad_s);
  });
  return {grad_z, grad_scale};
}

Tensor centroid_contrastive_loss_backward_cpu(Tensor grad, Tensor z, Tensor entity,
                                              double temperature, bool leave_one_out,
                                              std::string reduction) {
  const CentroidLossDims d = check_centroid_loss_backward(grad, z, entity, temperature, reduction);
  Tensor out;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    out = centroid_loss_backward_kernel<T>(d, grad, z, entity, acc_t<T>(1.0 / temperature),
                                           leave_one_out);
  });
  return out;
}

// The loss (reduction "mean" or "sum") and its gradients at upstream 1, from one pass of
// tiles: what autograd runs when the loss will be differentiated (backward then scales them).
std::tuple<Tensor, Tensor, Tensor> centroid_contrastive_loss_with_grad_cpu(
    Tensor z, Tensor entity, Tensor scale, bool leave_one_out, std::string reduction,
    bool scale_grad) {
  const char* op = "centroid_contrastive_loss_with_grad";
  const CentroidLossDims d = check_centroid_loss_scaled(op, z, entity, scale, reduction);
  check_scalar_reduction(op, d);
  const double s = scalar_value(scale);
  Tensor out = new_empty(z, {}, z.scalar_type());
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  double grad_s = 0.0;
  dispatch_floating(z.scalar_type(), op, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    const CentroidState<A> st = build_state<T>(z, entity, d.N, d.P);
    Tensor one = new_empty(z, {}, z.scalar_type());
    *static_cast<T*>(one.data_ptr()) = T(1);
    std::vector<A> loss(d.N, A(0));
    loss_backward<T>(st, upstream<T>(st, one, d.reduction, leave_one_out), A(s), leave_one_out,
                     static_cast<T*>(grad_z.data_ptr()), nullptr,
                     scale_grad ? &grad_s : nullptr, loss.data());
    double total = 0.0;
    int64_t count = 0;
    for (int64_t i = 0; i < d.N; ++i) {
      total += static_cast<double>(loss[i]);
      count += st.has_positive(i, leave_one_out);
    }
    if (d.reduction == Reduction::Mean) total = count > 0 ? total / double(count) : 0.0;
    *static_cast<T*>(out.data_ptr()) = static_cast<T>(static_cast<A>(total));
  });
  if (!scale_grad) return {out, grad_z, new_empty(scale, {0}, scale.scalar_type())};
  Tensor grad_scale = new_empty(scale, {}, scale.scalar_type());
  dispatch_floating(scale.scalar_type(), op, [&](auto tag) {
    using S = typename decltype(tag)::type;
    *static_cast<S*>(grad_scale.data_ptr()) = static_cast<S>(grad_s);
  });
  return {out, grad_z, grad_scale};
}

// OPS.md 4c: the per-point losses of the rank's points against the given entity sums.
Tensor centroid_contrastive_loss_from_sums_cpu(Tensor z, Tensor entity_index, Tensor sums,
                                               Tensor counts, Tensor scale, bool leave_one_out) {
  const char* op = "centroid_contrastive_loss_from_sums";
  const FromSumsDims d = check_centroid_loss_from_sums(op, z, entity_index, sums, counts, scale);
  const double s = scalar_value(scale);
  Tensor out = new_empty(z, {d.N}, z.scalar_type());
  dispatch_floating(z.scalar_type(), op, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    const CentroidState<A> st =
        build_state_from_sums<T>(op, d, z, entity_index, sums, counts);
    const std::vector<A> loss = point_losses(st, A(s), leave_one_out);
    cpu::store_row(loss.data(), d.N, static_cast<T*>(out.data_ptr()));
  });
  return out;
}

std::tuple<Tensor, Tensor, Tensor> centroid_contrastive_loss_from_sums_backward_cpu(
    Tensor grad, Tensor z, Tensor entity_index, Tensor sums, Tensor counts, Tensor scale,
    bool leave_one_out) {
  const char* op = "centroid_contrastive_loss_from_sums_backward";
  const FromSumsDims d =
      check_centroid_loss_from_sums_backward(grad, z, entity_index, sums, counts, scale);
  const double s = scalar_value(scale);
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  Tensor grad_sums = new_empty(sums, {d.E, d.P}, sums.scalar_type());
  double grad_s = 0.0;
  dispatch_floating(z.scalar_type(), op, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    const CentroidState<A> st =
        build_state_from_sums<T>(op, d, z, entity_index, sums, counts);
    loss_backward<T>(st, upstream<T>(st, grad, Reduction::None, leave_one_out), A(s),
                     leave_one_out, static_cast<T*>(grad_z.data_ptr()),
                     static_cast<T*>(grad_sums.data_ptr()), &grad_s);
  });
  Tensor grad_scale = new_empty(scale, {}, scale.scalar_type());
  dispatch_floating(scale.scalar_type(), op, [&](auto tag) {
    using S = typename decltype(tag)::type;
    *static_cast<S*>(grad_scale.data_ptr()) = static_cast<S>(grad_s);
  });
  return {grad_z, grad_sums, grad_scale};
}

}  // namespace
}  // namespace cldmdf

STABLE_TORCH_LIBRARY_IMPL(cldmdf, CPU, m) {
  m.impl("centroid_contrastive_loss", TORCH_BOX(&cldmdf::centroid_contrastive_loss_cpu));
  m.impl("centroid_contrastive_loss_backward",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_backward_cpu));
  m.impl("centroid_contrastive_loss.scaled",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_scaled_cpu));
  m.impl("centroid_contrastive_loss_scaled_backward",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_scaled_backward_cpu));
  m.impl("centroid_contrastive_loss_from_sums",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_from_sums_cpu));
  m.impl("centroid_contrastive_loss_with_grad",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_with_grad_cpu));
  m.impl("centroid_contrastive_loss_from_sums_backward",
         TORCH_BOX(&cldmdf::centroid_contrastive_loss_from_sums_backward_cpu));
}
