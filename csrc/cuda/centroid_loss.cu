// CUDA kernels of cldmdf::centroid_contrastive_loss and its backward (OPS.md,
// section 3).
//
// No host synchronisation, nothing of size [N, E]:
//  * Entities (centroid_loss_entities.cu): one stable sort of the int64 ids and a scan give
//    each point its dense entity, the members of every entity in ascending point order and
//    each entity's [start, end) among them. The number of entities E stays on the device:
//    buffers are sized by N >= E and kernels read E from memory, so the operator can be
//    captured in a CUDA graph.
//  * Entity sums (centroid_loss_rows.cuh): one warp per entity over its members in order
//    (deterministic, no atomics, so repeated calls and gradcheck agree bit for bit).
//  * Logits and logsumexp (centroid_loss_tiles.cu, flash-attention style): one tiled kernel
//    computes 64 points x 64 centroids of <zhat_i, c_u> at a time from shared memory and
//    folds them into a running (max, sum) per point; only [N] statistics are kept. Backward
//    recomputes the tiles in two kernels, one owning points (grad of zhat) and one owning
//    centroids (grad of the centroids), so every output element is written by one block,
//    without atomics.
//  * A point's own entity is left out of the tiles: its logit is the leave-one-out positive
//    (or the full centroid) and is handled per point and per entity
//    (centroid_loss_rows.cuh), which also keeps a one-entity batch's loss exactly 0.
// This file: the state forward and backward derive from (z, entity) (centroid_loss.cuh), the
// sequence of launches of each operator, and their registration.
#include <string>
#include <tuple>

#include "centroid_loss.cuh"
#include "centroid_loss_rows.cuh"
#include "cldmdf/op_checks.h"

namespace cldmdf {
namespace cuda {
namespace centroid {
namespace {

// ---------------------------------------------------------------- host side

// The state's buffers and zhat; the entity sums and centroids are left to the caller.
template <typename T>
State<acc_t<T>> new_state(const Tensor& z, Entities ent, int64_t N, int64_t P, int64_t slots,
                          const Tensor& scale, cudaStream_t s) {
  using A = acc_t<T>;
  const ScalarType at = acc_scalar_type<A>();
  State<A> st{std::move(ent),
              {},
              new_empty(z, {N, P}, at),
              new_empty(z, {N}, at),
              new_empty(z, {slots, P}, at),
              new_empty(z, {slots, P}, at),
              new_empty(z, {slots}, at),
              new_empty(z, {N}, at),
              new_empty(z, {N}, at),
              N,
              P,
              slots,
              scale};
  st.ep = ptrs(st.ent);
  launch(normalize_rows_kernel<T, A>, warp_blocks(N), kThreads, 0, s, view_of<const T, 2>(z), N, P,
         st.mut(st.zhat), st.mut(st.znorm));
  return st;
}

// The own logits and logsumexps (and the per-point losses into `loss` when given).
template <typename A>
void finish_state(State<A>& st, bool leave_one_out, const Tensor* loss, cudaStream_t s) {
  const int64_t N = st.N, P = st.P;
  launch(own_logit_kernel<A>, warp_blocks(N), kThreads, 0, s, st.ptr(st.zhat), st.ptr(st.sums),
         st.ptr(st.centroids), st.ep, N, P, leave_one_out, st.ptr(st.scale), st.mut(st.own));
  launch_logsumexp(st, leave_one_out, loss ? st.mut(*loss) : nullptr, s);
}

template <typename T>
State<acc_t<T>> build_state(const Tensor& z, const Tensor& entity, int64_t N, int64_t P,
                            const Tensor& scale, bool leave_one_out, const Tensor* loss,
                            cudaStream_t s) {
  using A = acc_t<T>;
  State<A> st = new_state<T>(z, group_entities(entity, N, s), N, P, N, scale, s);
  launch(entity_sums_kernel<A>, warp_blocks(N), kThreads, 0, s, st.ptr(st.zhat), st.ep, N, P,
         st.mut(st.sums), st.mut(st.centroids), st.mut(st.snorm));
  finish_state(st, leave_one_out, loss, s);
  return st;
}

// OPS.md 4c: the entities and their sums over every rank are given.
template <typename T>
State<acc_t<T>> build_state_from_sums(const char* op, const FromSumsDims& d, const Tensor& z,
                                      const Tensor& entity_index, const Tensor& sums,
                                      const Tensor& counts, const Tensor& scale,
                                      bool leave_one_out, const Tensor* loss, cudaStream_t s) {
  using A = acc_t<T>;
  const int64_t E = d.E, P = d.P;
  State<A> st = new_state<T>(z, dense_entities(op, entity_index, counts, d.N, E, s), d.N, P, E,
                             scale, s);
  launch(load_rows_kernel<T, A>, ceil_div(E * P, kThreads), kThreads, 0, s,
         view_of<const T, 2>(sums), E, P, st.mut(st.sums));
  launch(normalize_rows_kernel<T, A>, warp_blocks(E), kThreads, 0, s, view_of<const T, 2>(sums), E,
         P, st.mut(st.centroids), st.mut(st.snorm));
  finish_state(st, leave_one_out, loss, s);
  return st;
}

// The [1] device buffer of the cosines' multiplier: 1 / temperature, or the learned scale
// converted on the device (no synchronisation).
template <typename A>
Tensor scale_buffer(const Tensor& z, double inv_temp, const Tensor* scale, cudaStream_t s) {
  Tensor out = new_empty(z, {1}, acc_scalar_type<A>());
  A* p = static_cast<A*>(out.data_ptr());
  if (!scale) {
    launch(set_value_kernel<A>, 1, 1, 0, s, A(inv_temp), p);
    return out;
  }
  dispatch_floating(scale->scalar_type(), "centroid_contrastive_loss.scaled", [&](auto tag) {
    using S = typename decltype(tag)::type;
    launch(convert_scale_kernel<S, A>, 1, 1, 0, s, static_cast<const S*>(scale->data_ptr()), p);
  });
  return out;
}

template <typename T>
Tensor loss_forward(const CentroidLossDims& d, const Tensor& z, const Tensor& entity,
                    double inv_temp, const Tensor* scale, bool leave_one_out, cudaStream_t s) {
  using A = acc_t<T>;
  const int64_t N = d.N, P = d.P;
  if (N == 0)
    return d.reduction == Reduction::None ? new_empty(z, {0}, z.scalar_type())
                                          : new_zeros(z, {}, z.scalar_type());
  Tensor loss = new_empty(z, {N}, acc_scalar_type<A>());
  const State<A> st = build_state<T>(z, entity, N, P, scale_buffer<A>(z, inv_temp, scale, s),
                                     leave_one_out, &loss, s);
  Tensor out;
  if (d.reduction == Reduction::None) {
    out = new_empty(z, {N}, z.scalar_type());
    launch(cast_kernel<T, A>, ceil_div(N, kThreads), kThreads, 0, s, st.ptr(loss), N,
           static_cast<T*>(out.data_ptr()));
  } else {
    out = new_empty(z, {}, z.scalar_type());
    launch(reduce_loss_kernel<T, A>, 1, 1024, 0, s, st.ptr(loss), st.ep, N, leave_one_out,
           d.reduction == Reduction::Mean, static_cast<T*>(out.data_ptr()));
  }
  return out;
}

Tensor centroid_contrastive_loss_cuda(Tensor z, Tensor entity, double temperature,
                                      bool leave_one_out, std::string reduction) {
  const CentroidLossDims d = check_centroid_loss(z, entity, temperature, reduction);
  LaunchContext ctx(z);
  Tensor out;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss", [&](auto tag) {
    using T = typename decltype(tag)::type;
    out = loss_forward<T>(d, z, entity, 1.0 / temperature, nullptr, leave_one_out, ctx.stream);
  });
  return out;
}

Tensor centroid_contrastive_loss_scaled_cuda(Tensor z, Tensor entity, Tensor scale,
                                             bool leave_one_out, std::string reduction) {
  const CentroidLossDims d =
      check_centroid_loss_scaled("centroid_contrastive_loss.scaled", z, entity, scale, reduction);
  LaunchContext ctx(z);
  Tensor out;
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss.scaled", [&](auto tag) {
    using T = typename decltype(tag)::type;
    out = loss_forward<T>(d, z, entity, 0.0, &scale, leave_one_out, ctx.stream);
  });
  return out;
}

// grad_z (z's dtype) from the state and the upstream gradient `grad` of the reduction. The
// sums are the points' own (grad_sums null: their gradient goes on to the points) or an input
// (OPS.md 4c: their gradient goes to grad_sums, [E, P] in their dtype). With grad_scale (the
// scaled forms) also dL/dscale (0-d, its dtype).
template <typename T, typename A>
void state_backward(const State<A>& st, const Tensor& z, const Tensor& grad, Reduction reduction,
                    bool leave_one_out, cudaStream_t s, Tensor& grad_z, Tensor* grad_sums,
                    Tensor* grad_scale) {
  const ScalarType at = acc_scalar_type<A>();
  const int64_t N = st.N, P = st.P, slots = st.slots;
  Tensor upstream = new_empty(z, {N}, at);
  Tensor gzhat = new_empty(z, {N, P}, at);
  Tensor gcent = new_empty(z, {slots, P}, at);
  Tensor gsums = new_empty(z, {slots, P}, at);
  A* up = st.mut(upstream);
  View<const T, 1> gv{static_cast<const T*>(grad.data_ptr()),
                      {grad.dim() == 1 ? grad.stride(0) : 0}};
  launch(upstream_kernel<T, A>, 1, 1024, 0, s, gv, st.ep, N, leave_one_out,
         static_cast<int>(reduction), up);
  if (P > 0) launch_logit_grads(st, up, gzhat, gcent, s);
  if (!leave_one_out) {
    launch(own_centroid_grad_kernel<A>, warp_blocks(slots), kThreads, 0, s, st.ptr(st.zhat),
           st.ptr(st.centroids), st.ptr(st.own), st.ptr(st.lse), up, st.ep, slots, P,
           st.ptr(st.scale), st.mut(gzhat), st.mut(gcent));
  }
  launch(centroid_grad_kernel<A>, warp_blocks(slots), kThreads, 0, s, st.ptr(st.centroids),
         st.ptr(gcent), st.ptr(st.snorm), st.ep.count, slots, P, st.mut(gsums));
  if (leave_one_out) {
    launch(positive_grad_entity_kernel<A>, warp_blocks(slots), kThreads, 0, s, st.ptr(st.zhat),
           st.ptr(st.sums), st.ptr(st.own), st.ptr(st.lse), up, st.ep, slots, P, st.ptr(st.scale),
           st.mut(gzhat), st.mut(gsums));
  }
  launch(point_grad_kernel<T, A>, warp_blocks(N), kThreads, 0, s, st.ptr(st.zhat),
         st.ptr(st.znorm), st.ep.inverse, grad_sums ? nullptr : st.ptr(gsums), N, P,
         st.mut(gzhat), static_cast<T*>(grad_z.data_ptr()));
  if (grad_sums && slots * P > 0)
    launch(cast_kernel<T, A>, ceil_div(slots * P, kThreads), kThreads, 0, s, st.ptr(gsums),
           slots * P, static_cast<T*>(grad_sums->data_ptr()));
  if (grad_scale) {
    Tensor own_cos = new_empty(z, {N}, at), term = new_empty(z, {N}, at);
    const Tensor one = scale_buffer<A>(z, 1.0, nullptr, s);
    launch(own_logit_kernel<A>, warp_blocks(N), kThreads, 0, s, st.ptr(st.zhat), st.ptr(st.sums),
           st.ptr(st.centroids), st.ep, N, P, leave_one_out, st.ptr(one), st.mut(own_cos));
    launch_scale_grad_rows(st, st.ptr(own_cos), up, st.mut(term), s);
    dispatch_floating(grad_scale->scalar_type(), "centroid_contrastive_loss_scaled_backward",
                      [&](auto stag) {
      using S = typename decltype(stag)::type;
      launch(sum_terms_kernel<S, A>, 1, 1024, 0, s, st.ptr(term), N,
             static_cast<S*>(grad_scale->data_ptr()));
    });
  }
}

// grad_z; with `scale` (the scaled form) also dL/dscale into `grad_scale` (0-d, its dtype).
template <typename T>
void loss_backward(const CentroidLossDims& d, const Tensor& grad, const Tensor& z,
                   const Tensor& entity, double inv_temp, const Tensor* scale, bool leave_one_out,
                   cudaStream_t s, Tensor& grad_z, Tensor* grad_scale) {
  using A = acc_t<T>;
  const Tensor sc = scale_buffer<A>(z, inv_temp, scale, s);
  const State<A> st = build_state<T>(z, entity, d.N, d.P, sc, leave_one_out, nullptr, s);
  state_backward<T>(st, z, grad, d.reduction, leave_one_out, s, grad_z, nullptr, grad_scale);
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
    loss_backward<T>(d, grad, z, entity, 1.0 / temperature, nullptr, leave_one_out, ctx.stream,
                     grad_z, nullptr);
  });
  return grad_z;
}

std::tuple<Tensor, Tensor> centroid_contrastive_loss_scaled_backward_cuda(
    Tensor grad, Tensor z, Tensor entity, Tensor scale, bool leave_one_out, std::string reduction) {
  const CentroidLossDims d = check_centroid_loss_scaled_backward(grad, z, entity, scale, reduction);
  LaunchContext ctx(z);
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  Tensor grad_scale = new_zeros(scale, {}, scale.scalar_type());
  if (d.N == 0) return {grad_z, grad_scale};
  dispatch_floating(z.scalar_type(), "centroid_contrastive_loss_scaled_backward", [&](auto tag) {
    using T = typename decltype(tag)::type;
    loss_backward<T>(d, grad, z, entity, 0.0, &scale, leave_one_out, ctx.stream, grad_z,
                     &grad_scale);
  });
  return {grad_z, grad_scale};
}

// The loss ("mean"/"sum") and its gradients at upstream 1: the logsumexp pass writes the
// losses, then the two gradient passes (three tile passes instead of the four of forward +
// backward). Autograd calls it when the loss will be differentiated.
std::tuple<Tensor, Tensor, Tensor> centroid_contrastive_loss_with_grad_cuda(
    Tensor z, Tensor entity, Tensor scale, bool leave_one_out, std::string reduction,
    bool scale_grad) {
  const char* op = "centroid_contrastive_loss_with_grad";
  const CentroidLossDims d = check_centroid_loss_scaled(op, z, entity, scale, reduction);
  check_scalar_reduction(op, d);
  LaunchContext ctx(z);
  Tensor out = new_zeros(z, {}, z.scalar_type());
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  Tensor grad_scale = scale_grad ? new_zeros(scale, {}, scale.scalar_type())
                                 : new_empty(scale, {0}, scale.scalar_type());
  if (d.N == 0) return {out, grad_z, grad_scale};
  dispatch_floating(z.scalar_type(), op, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    cudaStream_t s = ctx.stream;
    Tensor loss = new_empty(z, {d.N}, acc_scalar_type<A>());
    const State<A> st = build_state<T>(z, entity, d.N, d.P, scale_buffer<A>(z, 0.0, &scale, s),
                                       leave_one_out, &loss, s);
    launch(reduce_loss_kernel<T, A>, 1, 1024, 0, s, st.ptr(loss), st.ep, d.N, leave_one_out,
           d.reduction == Reduction::Mean, static_cast<T*>(out.data_ptr()));
    Tensor one = new_empty(z, {}, z.scalar_type());
    launch(set_value_kernel<T>, 1, 1, 0, s, T(1.0f), static_cast<T*>(one.data_ptr()));
    state_backward<T>(st, z, one, d.reduction, leave_one_out, s, grad_z, nullptr,
                      scale_grad ? &grad_scale : nullptr);
  });
  return {out, grad_z, grad_scale};
}

// OPS.md 4c: the per-point losses of the rank's points against the given entity sums.
Tensor centroid_contrastive_loss_from_sums_cuda(Tensor z, Tensor entity_index, Tensor sums,
                                                Tensor counts, Tensor scale, bool leave_one_out) {
  const char* op = "centroid_contrastive_loss_from_sums";
  const FromSumsDims d = check_centroid_loss_from_sums(op, z, entity_index, sums, counts, scale);
  LaunchContext ctx(z);
  Tensor out = new_empty(z, {d.N}, z.scalar_type());
  if (d.N == 0) return out;
  dispatch_floating(z.scalar_type(), op, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    Tensor loss = new_empty(z, {d.N}, acc_scalar_type<A>());
    const State<A> st = build_state_from_sums<T>(op, d, z, entity_index, sums, counts,
                                                 scale_buffer<A>(z, 0.0, &scale, ctx.stream),
                                                 leave_one_out, &loss, ctx.stream);
    launch(cast_kernel<T, A>, ceil_div(d.N, kThreads), kThreads, 0, ctx.stream, st.ptr(loss), d.N,
           static_cast<T*>(out.data_ptr()));
  });
  return out;
}

std::tuple<Tensor, Tensor, Tensor> centroid_contrastive_loss_from_sums_backward_cuda(
    Tensor grad, Tensor z, Tensor entity_index, Tensor sums, Tensor counts, Tensor scale,
    bool leave_one_out) {
  const char* op = "centroid_contrastive_loss_from_sums_backward";
  const FromSumsDims d =
      check_centroid_loss_from_sums_backward(grad, z, entity_index, sums, counts, scale);
  LaunchContext ctx(z);
  Tensor grad_z = new_empty(z, {d.N, d.P}, z.scalar_type());
  Tensor grad_sums = new_zeros(sums, {d.E, d.P}, sums.scalar_type());
  Tensor grad_scale = new_zeros(scale, {}, scale.scalar_type());
  if (d.N == 0) return {grad_z, grad_sums, grad_scale};
  dispatch_floating(z.scalar_type(), op, [&](auto tag) {
    using T = typename decltype(tag)::type;
    using A = acc_t<T>;
    const State<A> st = build_state_from_sums<T>(op, d, z, entity_index, sums, counts,
                                                 scale_buffer<A>(z, 0.0, &scale, ctx.stream),
                                                 leave_one_out, nullptr, ctx.stream);
    state_backward<T>(st, z, grad, Reduction::None, leave_one_out, ctx.stream, grad_z, &grad_sums,
                      &grad_scale);
  });
  return {grad_z, grad_sums, grad_scale};
}

}  // namespace
}  // namespace centroid
}  // namespace cuda
}  // namespace cldmdf

CLDMDF_CUDA_LIBRARY_IMPL(m) {
  m.impl("centroid_contrastive_loss", TORCH_BOX(&cldmdf::cuda::centroid::centroid_contrastive_loss_cuda));
  m.impl("centroid_contrastive_loss_backward",
         TORCH_BOX(&cldmdf::cuda::centroid::centroid_contrastive_loss_backward_cuda));
  m.impl("centroid_contrastive_loss.scaled",
         TORCH_BOX(&cldmdf::cuda::centroid::centroid_contrastive_loss_scaled_cuda));
  m.impl("centroid_contrastive_loss_scaled_backward",
         TORCH_BOX(&cldmdf::cuda::centroid::centroid_contrastive_loss_scaled_backward_cuda));
  m.impl("centroid_contrastive_loss_from_sums",
         TORCH_BOX(&cldmdf::cuda::centroid::centroid_contrastive_loss_from_sums_cuda));
  m.impl("centroid_contrastive_loss_with_grad",
         TORCH_BOX(&cldmdf::cuda::centroid::centroid_contrastive_loss_with_grad_cuda));
  m.impl("centroid_contrastive_loss_from_sums_backward",
         TORCH_BOX(&cldmdf::cuda::centroid::centroid_contrastive_loss_from_sums_backward_cuda));
}
