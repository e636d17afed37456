// The canonical form: every tensor value as a contraction over index variables.
//
//   value[outs] = scale * Σ_{summed} Π_k factor_k[dims_k]        (then an optional fill)
//
// Layout ops (view, reshape, permute, transpose, squeeze, unsqueeze, expand, contiguous, ...)
// become bookkeeping on the index lists; mul / div by scalars / sum / mean / mm / bmm / matmul /
// einsum / masked_fill(0) / where(., ., 0) / bool-to-float casts become factors and summed
// variables. Anything else is a leaf factor: a graph node whose dims are indexed by variables.
// An axis is a list of variables (major to minor); a size-1 axis is the empty list. Variables
// are split when one spelling views an axis as several (K -> H x d_k), and unified when two
// operands are indexed together (broadcasting, a contraction). So every spelling of one
// computation lifts to the same expression, and patterns are stated over roles of variables.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cldmdf_compiler/graph.h"

namespace cldmdf_compiler {

using Idx = std::vector<int>;  // variables of one axis, major to minor

// Where a variable's size can be read at run time: size(node, dim) / div; node < 0: a constant.
struct SizeSrc {
  int node = -1;
  int dim = -1;
  int64_t div = 1;
};

struct Var {
  int64_t size = 1;
  bool sym = false;
  std::string expr;       // a symbolic size's expression, where known
  int parent = -1;        // union-find
  std::vector<int> kids;  // a split variable: its parts, major to minor
  SizeSrc src;
};

struct Factor {
  int node = -1;           // the leaf node
  std::vector<Idx> dims;   // one index list per dim of the node's value
  bool mask = false;       // a 0/1 multiplier made from a bool value
  bool negated = false;    // the multiplier is (not node)
  int power = 1;           // -1: a zero-dim divisor
  // separate tensors of one shape stacked along a new leading axis (dims[0]): the values of a
  // weighted sum unrolled by hand over tensors that were never one (h_text, h_audio, ...);
  // `node` is the first of them. Empty for a plain leaf.
  std::vector<int> stack;
};

struct Fill {
  bool on = false;
  Factor cond;       // where the fill applies (a mask factor: negated means "where not node")
  double value = 0;  // the fill value (not 0)
  int node = -1;     // the masked_fill / where node
  int base = -1;     // its input: the value before the fill
  std::vector<Idx> base_dims;  // the base's dims as index lists
  double scale_at_fill = 1.0;  // the expression's scale when the fill was applied
};

struct Expr {
  std::vector<Idx> outs;
  std::vector<int> summed;
  std::vector<Factor> factors;
  double scale = 1.0;
  Fill fill;
  std::map<int, int64_t> fixed;  // variables read at one index (select / a size-1 slice)
  std::vector<int> inlined;  // the graph nodes folded into this expression
};

// A softmax-like node: softmax / _softmax / _safe_softmax, exp(log_softmax), exp / sum(exp).
struct Softmax {
  int node = -1;   // the node whose value is the weights
  int input = -1;  // the logits
  int dim = 0;     // over this dim of the node's value
  std::string spelling;
  int masked_exp = -1;  // exp(l) * mask / sum(exp(l) * mask): the masked numerator's node
  bool sdpa = false;    // the weights inside a scaled_dot_product_attention (node: its output)
  std::vector<int> inlined;
};

// scaled_dot_product_attention and the fused kernels it lowers to: softmax(q k^T * scale
// [masked]) v, with the weights implicit.
struct Sdpa {
  int node = -1;  // the node whose value is the attention output
  int q = -1, k = -1, v = -1, mask = -1;
  double dropout = 0.0;
  bool causal = false;
  std::optional<double> scale;
  std::vector<int> inlined;
};

std::optional<Sdpa> as_sdpa(const Graph& g, int node);

// A unit-vector normalisation over one dim: F.normalize, x / norm(x).clamp_min(eps), ...
struct Normalize {
  int node = -1;
  int input = -1;
  int dim = 0;
  std::vector<int> inlined;
};

// A cross-entropy of logits [N, C] against class indices, however it is spelled: the loss
// ops (cross_entropy, nll_loss of a log_softmax), logsumexp minus the target's logit, and
// their decompositions (a log_softmax or logsumexp written with a row max, nll_loss as
// -gather with its ignore_index guards), per point or reduced (mean, sum, sum / count).
struct Loss {
  int node = -1;
  int logits = -1, target = -1;
  int64_t reduction = 1;  // 0 none, 1 mean, 2 sum
  std::string spelling;
  std::vector<int> inlined;
};

std::optional<Softmax> as_softmax(const Graph& g, int node, std::string* why = nullptr);
// `why` is set where the node is a loss op with settings the operator does not have
std::optional<Loss> as_loss(const Graph& g, int node, std::string* why = nullptr);
std::optional<Normalize> as_normalize(const Graph& g, int node);
std::optional<double> constant_of(const Graph& g, const Arg& a);  // a number or a constant-valued node
int normalize_dim(int64_t d, int rank);

class Ctx {
 public:
  explicit Ctx(const Graph& g) : g_(g) {}
  const Graph& graph() const { return g_; }

  Expr lift(int node);
  Expr leaf(int node, bool mask = false);
  int new_var(int64_t size, bool sym, SizeSrc src);
  int find(int v);
  Idx finest(const Idx& idx);
  Idx finest_all(const std::vector<Idx>& axes);
  bool equate(const Idx& a, const Idx& b);
  const Var& var(int v) { return vars_[static_cast<size_t>(find(v))]; }
  int64_t size_of(const Idx& idx);
  std::string describe(const Expr& e);  // the canonical form as text (for --explain and tests)
  // The scores of an attention output lifted from scaled_dot_product_attention (with its
  // mask as an -inf fill), keyed by the output node; the weights are a factor of that node.
  const Expr* sdpa_scores(int node) const {
    auto it = sdpa_scores_.find(node);
    return it == sdpa_scores_.end() ? nullptr : &it->second;
  }
  std::string describe_axes(const std::vector<Idx>& axes);

 private:
  bool split(int v, int64_t first, const std::string& first_expr = "");
  bool reshape(Expr& e, int node);
  bool merge_product(Expr& a, Expr b);
  Expr contraction(int node, bool transpose_b = false);
  Expr einsum(int node);
  Expr unrolled_sum(int node);
  Expr chunk_of(int split_node, int64_t k);
  bool stack_own_factors(std::vector<Expr>& terms, const std::vector<int64_t>& index);
  Expr attention(int node, const Sdpa& a);
  Expr filled(int node, int value, int cond, double fill, bool fill_where_true, int also = -1);
  std::map<int, Expr> sdpa_scores_;
  bool select(Expr& e, int axis, int64_t index, bool keep);
  Expr lift_operand(int node);
  const Graph& g_;
  int operand_depth_ = 0;
  int select_depth_ = 0;  // inside the terms of a sum unrolled by hand: selects are indices
  std::vector<Var> vars_;
};

bool is_layout_op(const Node& n);
bool no_gradient_detach(const Node& n);
// x through unsqueeze / view / reshape / expand and full slices (x[:, None] -> x)
int strip_views_and_full_slices(const Graph& g, int id);

}  // namespace cldmdf_compiler
