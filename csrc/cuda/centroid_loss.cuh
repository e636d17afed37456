// What the CUDA files of cldmdf::centroid_contrastive_loss share (see centroid_loss.cu for
// the design and the files): launch sizes, the dense entities (centroid_loss_entities.cu),
// the state forward and backward derive from (z, entity), and the tiled logit kernels'
// launches (centroid_loss_tiles.cu, for float and double accumulation).
#pragma once

#include <optional>

#include "cuda_utils.cuh"

namespace cldmdf {
namespace cuda {
namespace centroid {

constexpr int kThreads = 256;
constexpr int kWarpsPerBlock = kThreads / 32;

// Blocks of kThreads for one warp per row.
inline int64_t warp_blocks(int64_t rows) { return ceil_div(rows, kWarpsPerBlock); }

template <typename V>
__global__ void set_value_kernel(V value, V* out) { *out = value; }

// ---------------------------------------------------------------- entities

// Dense entities of the points, all on the device.
struct Entities {
  Tensor inverse;  // [N] dense entity of each point
  Tensor members;  // [N] point indices grouped by entity, ascending within an entity
  Tensor starts;   // [N] entity u's members are members[starts[u] : ends[u]], u < E
  Tensor ends;     // [N]
  Tensor count;    // [1] E
  std::optional<Tensor> totals;  // [E] points of each entity on every rank (OPS.md 4c)
};

// Device view of Entities.
struct EntityPtrs {
  const int64_t* inverse;
  const int64_t* members;
  const int64_t* starts;
  const int64_t* ends;
  const int64_t* count;
  const int64_t* totals;  // null: the entities are the points' own

  // The entity's number of points that decides leave-one-out: on every rank when given.
  __device__ int64_t size(int64_t u) const { return totals ? totals[u] : ends[u] - starts[u]; }
  __device__ bool has_positive(int64_t i, bool leave_one_out) const {
    return !leave_one_out || size(inverse[i]) > 1;
  }
};

inline EntityPtrs ptrs(const Entities& e) {
  return {static_cast<const int64_t*>(e.inverse.data_ptr()),
          static_cast<const int64_t*>(e.members.data_ptr()),
          static_cast<const int64_t*>(e.starts.data_ptr()),
          static_cast<const int64_t*>(e.ends.data_ptr()),
          static_cast<const int64_t*>(e.count.data_ptr()),
          e.totals ? static_cast<const int64_t*>(e.totals->data_ptr()) : nullptr};
}

// The dense entities of the points' int64 ids (sort and scan; E stays on the device, the
// per-entity buffers have N slots).
Entities group_entities(const Tensor& entity, int64_t N, cudaStream_t s);

// OPS.md 4c: the given dense entities entity_index (checked to lie in [0, E): one
// synchronisation) and the entities' sizes over every rank, `counts`. Per-entity buffers have
// E slots.
Entities dense_entities(const char* op, const Tensor& entity_index, const Tensor& counts,
                        int64_t N, int64_t E, cudaStream_t s);

// ---------------------------------------------------------------- state

// What forward and backward both derive from (z, entity): entities, normalised points, entity
// sums and centroids, the own logits and every point's logsumexp. O(N * P), never O(N * E);
// per-entity buffers have `slots` rows: N for the operator's own entities (E <= N is only
// known on the device), E for given ones (OPS.md 4c).
template <typename A>
struct State {
  Entities ent;
  EntityPtrs ep;
  Tensor zhat, znorm, sums, centroids, snorm, own, lse;
  int64_t N, P, slots;
  Tensor scale;  // [1] the multiplier of the cosines: 1 / T, or the learned scale

  const A* ptr(const Tensor& t) const { return static_cast<const A*>(t.data_ptr()); }
  A* mut(const Tensor& t) const { return static_cast<A*>(t.data_ptr()); }
};

// ---------------------------------------------------------------- logit tiles
// centroid_loss_tiles.cu defines these for A = float and double.

// st.lse[i] = logsumexp of point i's logits (own logit st.own[i] included; 0 for a point
// without a positive), and with `loss` the per-point losses lse - own (0 without a positive).
template <typename A>
void launch_logsumexp(const State<A>& st, bool leave_one_out, A* loss, cudaStream_t s);

// The logits' gradient through the other entities' centroids, from the per-point upstream
// gradients: gzhat (every element of [N, P]) and gcent (rows u < E of [slots, P]). P > 0.
template <typename A>
void launch_logit_grads(const State<A>& st, const A* upstream, const Tensor& gzhat,
                        const Tensor& gcent, cudaStream_t s);

// term[i] = row i's part of dL/dscale (OPS.md 4a), given the own cosines own_cos ([N]).
template <typename A>
void launch_scale_grad_rows(const State<A>& st, const A* own_cos, const A* upstream, A* term,
                            cudaStream_t s);

}  // namespace centroid
}  // namespace cuda
}  // namespace cldmdf
