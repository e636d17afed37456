#include "cldmdf_compiler/canonical.h"

#include <algorithm>
#include <tuple>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>
#include <string>

namespace cldmdf_compiler {

namespace {

bool is(const Node& n, std::initializer_list<const char*> ops) {
  for (const char* op : ops)
    if (n.op == op) return true;
  return false;
}

const Arg* arg(const Node& n, size_t i) { return i < n.args.size() ? &n.args[i] : nullptr; }

int node_arg(const Node& n, size_t i) {
  const Arg* a = arg(n, i);
  return a && a->kind == Arg::Node ? a->node : -1;
}

bool int_list(const Arg* a, std::vector<int64_t>& out) {
  out.clear();
  if (!a) return false;
  if (a->kind == Arg::Int) {
    out.push_back(a->i);
    return true;
  }
  if (a->kind != Arg::List) return false;
  for (auto& x : a->list) {
    if (x.kind != Arg::Int) return false;
    out.push_back(x.i);
  }
  return true;
}

bool bool_arg(const Node& n, size_t i, bool fallback) {
  const Arg* a = arg(n, i);
  if (!a || a->kind == Arg::None) return fallback;
  if (a->kind == Arg::Bool || a->kind == Arg::Int) return a->i != 0;
  return fallback;
}

// Strips ops that return their input unchanged (as a value).
int strip_identity(const Graph& g, int id) {
  while (id >= 0) {
    const Node& n = g.at(id);
    if (is(n, {"aten::contiguous", "aten::clone", "aten::alias", "aten::lift_fresh_copy",
               "aten::expand_as", "aten::expand", "aten::broadcast_to"}) ||
        no_gradient_detach(n) ||
        ((is(n, {"aten::_to_copy", "aten::to", "aten::type_as"})) && node_arg(n, 0) >= 0 &&
         g.at(node_arg(n, 0)).dtype == n.dtype)) {
      id = node_arg(n, 0);
      continue;
    }
    break;
  }
  return id;
}

bool dims_are(const Node& n, size_t i, int rank, int dim) {
  std::vector<int64_t> d;
  if (!int_list(arg(n, i), d) || d.size() != 1) return false;
  return normalize_dim(d[0], rank) == dim;
}

}  // namespace

int normalize_dim(int64_t d, int rank) {
  if (rank <= 0) return static_cast<int>(d);
  return static_cast<int>(((d % rank) + rank) % rank);
}

// A detach of a value that has no gradient anyway (a mask, ids): the value itself. A detach
// of a floating value stops gradients, so a fused operator across it would train differently.
bool no_gradient_detach(const Node& n) { return n.op == "aten::detach" && !n.floating(); }

bool is_layout_op(const Node& n) {
  return no_gradient_detach(n) || is(n, {"aten::view", "aten::reshape", "aten::_unsafe_view", "aten::flatten",
                "aten::unflatten", "aten::view_as", "aten::reshape_as", "aten::squeeze",
                "aten::unsqueeze", "prims::squeeze", "aten::permute", "aten::transpose", "aten::t",
                "aten::swapaxes", "aten::swapdims", "aten::movedim", "aten::expand",
                "aten::expand_as", "aten::broadcast_to", "aten::contiguous", "aten::clone",
                "aten::alias", "aten::lift_fresh_copy", "aten::numpy_T",
                "aten::mT", "aten::dropout", "aten::feature_dropout", "aten::alpha_dropout"});
}

std::optional<double> constant_of(const Graph& g, const Arg& a) {
  if (a.kind == Arg::Int || a.kind == Arg::Float) return a.number();
  if (a.kind == Arg::Bool) return static_cast<double>(a.i);
  if (a.kind != Arg::Node) return std::nullopt;
  const Node& n = g.at(a.node);
  if (n.scalar && !n.value_sym) return n.value;
  auto at = [&](size_t i) -> std::optional<double> {
    const Arg* x = arg(n, i);
    if (x && x->is_number()) return x->number();
    return std::nullopt;
  };
  if (is(n, {"aten::full", "aten::full_like", "prim::constant_tensor"})) return at(1);
  if (is(n, {"aten::scalar_tensor", "prim::NumToTensor"})) return at(0);
  if (is(n, {"aten::new_full"})) return at(2);
  if (is(n, {"aten::zeros_like", "aten::zeros", "aten::new_zeros"})) return 0.0;
  if (is(n, {"aten::ones_like", "aten::ones", "aten::new_ones"})) return 1.0;
  if (is(n, {"aten::detach", "aten::clone", "aten::lift_fresh_copy", "aten::_to_copy",
             "aten::to", "aten::expand", "aten::expand_as"}) && node_arg(n, 0) >= 0)
    return constant_of(g, n.args[0]);
  return std::nullopt;
}

// ---------------------------------------------------------------- softmax and normalize forms

namespace {

// The logits of exp(t) in a softmax over `dim`: t less a per-row constant (its max over dim;
// a select between two such spellings, as Inductor writes a scaled softmax), times `post`.
// Returns the node whose value is the logits up to `post`, or -1.
int row_logits(const Graph& g, int t, int dim, int rank, double& post, std::vector<int>& inl) {
  const Node& tn = g.at(t);
  if (is(tn, {"aten::mul", "aten::div"}) && node_arg(tn, 0) >= 0 && arg(tn, 1) &&
      !arg(tn, 1)->is_node()) {
    auto c = constant_of(g, tn.args[1]);
    if (!c || *c == 0.0) return -1;
    double inner = 1.0;
    int r = row_logits(g, node_arg(tn, 0), dim, rank, inner, inl);
    if (r < 0) return -1;
    post = inner * (tn.op == "aten::mul" ? *c : 1.0 / *c);
    inl.push_back(t);
    return r;
  }
  if (is(tn, {"aten::sub"}) && node_arg(tn, 1) >= 0 && node_arg(tn, 0) >= 0) {
    int y = node_arg(tn, 0);
    int mx = strip_identity(g, node_arg(tn, 1));
    const Node* mn = &g.at(mx);
    bool row_max = false;
    if (mn->op == "prim::getitem" && node_arg(*mn, 0) >= 0 && arg(*mn, 1)->i == 0) {
      const Node& mv = g.at(node_arg(*mn, 0));
      row_max = is(mv, {"aten::max"}) && arg(mv, 1) && mv.args[1].kind == Arg::Int &&
                normalize_dim(mv.args[1].i, rank) == dim && node_arg(mv, 0) == y;
      if (row_max) inl.push_back(node_arg(*mn, 0));
    } else {
      row_max = is(*mn, {"aten::amax"}) && node_arg(*mn, 0) == y && dims_are(*mn, 1, rank, dim);
    }
    if (!row_max) return -1;
    inl.push_back(mx);
    inl.push_back(t);
    post = 1.0;
    return y;
  }
  if (is(tn, {"aten::where"}) && node_arg(tn, 0) >= 0 && node_arg(tn, 1) >= 0 &&
      node_arg(tn, 2) >= 0) {
    const Node& cn = g.at(node_arg(tn, 0));
    if (!cn.tensor || cn.rank() != rank || cn.shape[static_cast<size_t>(dim)].size != 1)
      return -1;  // the choice must be per row
    double pa = 1.0, pb = 1.0;
    int a = row_logits(g, node_arg(tn, 1), dim, rank, pa, inl);
    int b = row_logits(g, node_arg(tn, 2), dim, rank, pb, inl);
    if (a < 0 || b < 0) return -1;
    double sa = 1.0, sb = 1.0;
    int ba = a, bb = b;
    // both branches must be the same logits: compare them with their constant scales
    auto strip_constant_scale = [&](int& node, double& scale) {
      while (true) {
        const Node& n = g.at(node);
        if (!is(n, {"aten::mul", "aten::div"}) || node_arg(n, 0) < 0 || !arg(n, 1) ||
            arg(n, 1)->is_node())
          break;
        double c = constant_of(g, n.args[1]).value_or(1.0);
        if (c == 0.0) break;
        scale *= n.op == "aten::mul" ? c : 1.0 / c;
        node = node_arg(n, 0);
      }
    };
    strip_constant_scale(ba, sa);
    strip_constant_scale(bb, sb);
    if (ba != bb || std::fabs(sa * pa - sb * pb) > 1e-12 * std::fabs(sa * pa)) return -1;
    inl.push_back(t);
    inl.push_back(node_arg(tn, 0));
    if (pb == 1.0) { post = 1.0; return b; }
    if (pa == 1.0) { post = 1.0; return a; }
    return -1;
  }
  return -1;
}

}  // namespace

std::optional<Sdpa> as_sdpa(const Graph& g, int id) {
  const Node& n = g.at(id);
  const Node* op = &n;
  Sdpa a;
  a.node = id;
  if (n.op == "prim::getitem") {
    if (node_arg(n, 0) < 0 || !arg(n, 1) || arg(n, 1)->i != 0) return std::nullopt;
    op = &g.at(node_arg(n, 0));
    a.inlined.push_back(op->id);
  } else if (n.op != "aten::scaled_dot_product_attention") {
    return std::nullopt;
  }
  a.inlined.push_back(id);
  const Node& o = *op;
  auto num = [&](size_t i) -> std::optional<double> {
    const Arg* x = arg(o, i);
    if (!x || x->kind == Arg::None) return std::nullopt;
    return constant_of(g, *x);
  };
  size_t mask_i = 99, drop_i, causal_i, scale_i;
  if (o.op == "aten::scaled_dot_product_attention") {
    mask_i = 3, drop_i = 4, causal_i = 5, scale_i = 6;
  } else if (o.op == "aten::_scaled_dot_product_flash_attention_for_cpu") {
    drop_i = 3, causal_i = 4, mask_i = 5, scale_i = 6;
  } else if (o.op == "aten::_scaled_dot_product_flash_attention") {
    drop_i = 3, causal_i = 4, scale_i = 6;
  } else if (o.op == "aten::_scaled_dot_product_efficient_attention") {
    mask_i = 3, drop_i = 5, causal_i = 6, scale_i = 7;
  } else if (o.op == "aten::_scaled_dot_product_attention_math") {
    mask_i = 3, drop_i = 4, causal_i = 5, scale_i = 7;
  } else {
    return std::nullopt;
  }
  if (op != &n && o.op == "aten::scaled_dot_product_attention") return std::nullopt;
  a.q = node_arg(o, 0);
  a.k = node_arg(o, 1);
  a.v = node_arg(o, 2);
  if (a.q < 0 || a.k < 0 || a.v < 0) return std::nullopt;
  a.mask = node_arg(o, mask_i);
  a.dropout = num(drop_i).value_or(0.0);
  a.causal = bool_arg(o, causal_i, false);
  a.scale = num(scale_i);
  return a;
}

std::optional<Softmax> as_softmax(const Graph& g, int id, std::string* why) {
  const Node& n = g.at(id);
  Softmax s;
  s.node = id;
  if (!n.tensor) return std::nullopt;
  int rank = n.rank();
  const Arg* d = arg(n, 1);
  // where(all(l == -inf, dim, keepdim), 0, softmax(l)): a safe softmax (0 on rows with
  // nothing present), as scaled_dot_product_attention decomposes
  if (is(n, {"aten::where"}) && node_arg(n, 0) >= 0 && arg(n, 1) && node_arg(n, 2) >= 0 &&
      constant_of(g, n.args[1]) == 0.0) {
    auto inner = as_softmax(g, node_arg(n, 2));
    const Node& all = g.at(node_arg(n, 0));
    if (!inner || !is(all, {"aten::all"}) || node_arg(all, 0) < 0 || !bool_arg(all, 2, false) ||
        !dims_are(all, 1, rank, inner->dim))
      return std::nullopt;
    const Node& eq = g.at(node_arg(all, 0));
    std::optional<double> c;
    if (arg(eq, 1)) c = constant_of(g, eq.args[1]);
    if (!is(eq, {"aten::eq"}) || strip_identity(g, node_arg(eq, 0)) != strip_identity(g, inner->input) ||
        !c || !std::isinf(*c) || *c > 0)
      return std::nullopt;
    s = *inner;
    s.node = id;
    s.spelling = "safe " + inner->spelling;
    for (int x : {id, all.id, eq.id}) s.inlined.push_back(x);
    if (node_arg(n, 1) >= 0) s.inlined.push_back(node_arg(n, 1));
    return s;
  }
  // softmax(l, dtype=float32).to(l.dtype): computed wider, cast back to the logits' dtype (the
  // operator accumulates float16 / bfloat16 in float32 too)
  if (is(n, {"aten::_to_copy", "aten::to", "aten::type_as", "prims::convert_element_type"}) &&
      node_arg(n, 0) >= 0 && n.floating()) {
    int x = node_arg(n, 0);
    auto inner = as_softmax(g, x);
    size_t readers = 0;  // (checks of its metadata do not count)
    for (int u : g.at(x).users) readers += g.at(u).op.rfind("aten::_assert", 0) != 0;
    if (!inner || inner->input < 0 || readers != 1 || g.at(x).dtype == n.dtype)
      return std::nullopt;
    // the logits, perhaps cast up first (softmax's dtype= argument; a copy after it)
    std::vector<int> chain;
    int in = inner->input;
    while (is(g.at(in), {"aten::clone", "aten::contiguous", "aten::alias"}) && node_arg(g.at(in), 0) >= 0) {
      chain.push_back(in);
      in = node_arg(g.at(in), 0);
    }
    chain.push_back(in);
    const Node& inn = g.at(in);
    bool only_softmax_reads = true;  // (its max and its shift, in a decomposed softmax)
    for (int c : chain)
      for (int u : g.at(c).users)
        only_softmax_reads &=
            std::find(inner->inlined.begin(), inner->inlined.end(), u) != inner->inlined.end() ||
            std::find(chain.begin(), chain.end(), u) != chain.end();
    if (inn.dtype != n.dtype && is(inn, {"aten::_to_copy", "aten::to", "prims::convert_element_type"}) &&
        node_arg(inn, 0) >= 0 && g.at(node_arg(inn, 0)).dtype == n.dtype && only_softmax_reads) {
      for (int c : chain) inner->inlined.push_back(c);
      inner->input = node_arg(inn, 0);
    }
    if (g.at(inner->input).dtype != n.dtype) return std::nullopt;
    s = *inner;
    s.node = id;
    s.spelling = inner->spelling + " in " + g.at(x).dtype;
    s.inlined.push_back(id);
    return s;
  }
  if (is(n, {"aten::softmax", "aten::_softmax", "aten::_safe_softmax", "aten::special_softmax"})) {
    if (!d || d->kind != Arg::Int) return std::nullopt;
    s.input = node_arg(n, 0);
    s.dim = normalize_dim(d->i, rank);
    s.spelling = n.op.substr(6);
    s.inlined = {id};
    return s.input >= 0 ? std::optional<Softmax>(s) : std::nullopt;
  }
  if (is(n, {"aten::exp"}) && node_arg(n, 0) >= 0 &&
      is(g.at(node_arg(n, 0)), {"aten::log_softmax", "aten::_log_softmax",
                                "aten::special_log_softmax"})) {
    int ls = node_arg(n, 0);
    const Node& l = g.at(ls);
    const Arg* ld = arg(l, 1);
    if (!ld || ld->kind != Arg::Int) return std::nullopt;
    s.input = node_arg(l, 0);
    s.dim = normalize_dim(ld->i, rank);
    s.spelling = "log_softmax().exp()";
    s.inlined = {ls, id};
    return s;
  }
  if (is(n, {"aten::exp"}) && node_arg(n, 0) >= 0) {
    // exp(y - log(sum(exp(y), dim, keepdim))): log_softmax(...).exp() after decomposition
    const Node& t = g.at(node_arg(n, 0));
    if (!is(t, {"aten::sub"}) || node_arg(t, 0) < 0 || node_arg(t, 1) < 0) return std::nullopt;
    int y = node_arg(t, 0);
    const Node& lg = g.at(node_arg(t, 1));
    if (!is(lg, {"aten::log"}) || node_arg(lg, 0) < 0) return std::nullopt;
    const Node& sm = g.at(node_arg(lg, 0));
    std::vector<int64_t> sd;
    if (!is(sm, {"aten::sum"}) || !bool_arg(sm, 2, false) || !int_list(arg(sm, 1), sd) ||
        sd.size() != 1 || node_arg(sm, 0) < 0)
      return std::nullopt;
    const Node& e2 = g.at(node_arg(sm, 0));
    if (!is(e2, {"aten::exp"}) || node_arg(e2, 0) != y) return std::nullopt;
    int dim = normalize_dim(sd[0], rank);
    double post = 1.0;
    s.inlined = {id, t.id, lg.id, sm.id, e2.id};
    int logits = row_logits(g, y, dim, rank, post, s.inlined);
    s.input = logits >= 0 && post == 1.0 ? logits : y;
    s.dim = dim;
    s.spelling = "exp(y - log(sum(exp(y))))";
    return s;
  }
  if (!is(n, {"aten::div"})) return std::nullopt;
  int num = node_arg(n, 0), den = node_arg(n, 1);
  if (num < 0 || den < 0) return std::nullopt;
  // the numerator: exp(t), perhaps times a mask
  int ex = strip_identity(g, num), masked = -1;
  {
    const Node& e = g.at(ex);
    if (is(e, {"aten::mul"}) && node_arg(e, 0) >= 0 && node_arg(e, 1) >= 0) {
      int a = strip_identity(g, node_arg(e, 0)), b = strip_identity(g, node_arg(e, 1));
      if (g.at(a).op == "aten::exp") { masked = ex; ex = a; }
      else if (g.at(b).op == "aten::exp") { masked = ex; ex = b; }
    } else if (is(e, {"aten::masked_fill"}) && arg(e, 2) && constant_of(g, e.args[2]) == 0.0) {
      masked = ex;
      ex = strip_identity(g, node_arg(e, 0));
    } else if (is(e, {"aten::where"}) && arg(e, 2) && constant_of(g, e.args[2]) == 0.0 &&
               node_arg(e, 1) >= 0) {
      masked = ex;
      ex = strip_identity(g, node_arg(e, 1));
    }
  }
  if (ex < 0 || g.at(ex).op != "aten::exp") return std::nullopt;
  // the denominator: sum(numerator, dim, keepdim=True), or unsqueeze(sum(..., dim), dim)
  int sum = strip_identity(g, den);
  const Node* sn = &g.at(sum);
  bool keep = false;
  int unsq_dim = -1;
  if (is(*sn, {"aten::unsqueeze"}) && arg(*sn, 1) && sn->args[1].kind == Arg::Int) {
    unsq_dim = normalize_dim(sn->args[1].i, rank);
    sum = strip_identity(g, node_arg(*sn, 0));
    sn = &g.at(sum);
  }
  if (!is(*sn, {"aten::sum"})) return std::nullopt;
  keep = bool_arg(*sn, 2, false);
  std::vector<int64_t> sd;
  const Arg* sdims = arg(*sn, 1);
  bool over_all = !sdims || sdims->kind == Arg::None || (sdims->kind == Arg::List && sdims->list.empty());
  if (rank == 1 && over_all) sd = {0};  // a vector's sum over everything: over its one dim
  else if (!int_list(sdims, sd) || sd.size() != 1) return std::nullopt;
  int dim = normalize_dim(sd[0], rank);
  // (a vector's sum without keepdim is a scalar, which broadcasts the same way)
  if (unsq_dim >= 0 ? (keep || unsq_dim != dim) : (!keep && rank != 1)) return std::nullopt;
  int summed = strip_identity(g, node_arg(*sn, 0));
  int numerator = masked >= 0 ? masked : ex;
  // exp(a) / exp(a).sum() written with exp twice
  if (masked < 0 && summed != ex && g.at(summed).op == "aten::exp" &&
      node_arg(g.at(summed), 0) == node_arg(g.at(ex), 0) && node_arg(g.at(ex), 0) >= 0) {
    s.inlined.push_back(summed);
    summed = ex;
  }
  if (summed != numerator) {
    if (masked >= 0 && summed == ex && why)
      *why = "the normaliser sums exp over every entry, the missing ones too "
             "(only the numerator is masked): not a softmax over the present entries";
    return std::nullopt;
  }
  // exp's argument: the logits, less a constant per row (max over dim)
  int t = node_arg(g.at(ex), 0);
  if (t < 0) return std::nullopt;
  double post = 1.0;
  int logits = row_logits(g, t, dim, rank, post, s.inlined);
  if (logits < 0 || post != 1.0) logits = t;
  s.input = logits;
  s.dim = dim;
  s.masked_exp = masked;
  s.spelling = masked >= 0 ? "exp * mask / sum" : "exp / sum";
  for (int x : {ex, sum, numerator, id}) s.inlined.push_back(x);
  if (den != sum) s.inlined.push_back(den);
  return s;
}

namespace {

// sum of squares of x over one dim (x*x, x.pow(2), x.square()), keepdim=True
int sum_of_squares_input(const Graph& g, int id, int& dim) {
  const Node& n = g.at(id);
  if (!is(n, {"aten::sum"}) || !bool_arg(n, 2, false)) return -1;
  std::vector<int64_t> sd;
  if (!int_list(arg(n, 1), sd) || sd.size() != 1) return -1;
  int sq = node_arg(n, 0);
  if (sq < 0) return -1;
  const Node& s = g.at(sq);
  int x = -1;
  if (is(s, {"aten::mul"}) && node_arg(s, 0) >= 0 && node_arg(s, 0) == node_arg(s, 1))
    x = node_arg(s, 0);
  else if (is(s, {"aten::pow"}) && arg(s, 1) && constant_of(g, s.args[1]) == 2.0)
    x = node_arg(s, 0);
  else if (is(s, {"aten::square"}))
    x = node_arg(s, 0);
  if (x < 0) return -1;
  dim = normalize_dim(sd[0], g.at(x).rank());
  return x;
}

// the 2-norm of x over one dim, keepdim=True
int norm_input(const Graph& g, int id, int& dim) {
  const Node& n = g.at(id);
  std::vector<int64_t> d;
  if (is(n, {"aten::linalg_vector_norm", "aten::norm", "aten::linalg_norm"})) {
    if (!arg(n, 1) || constant_of(g, n.args[1]).value_or(2.0) != 2.0) return -1;
    if (!int_list(arg(n, 2), d) || d.size() != 1 || !bool_arg(n, 3, false)) return -1;
    int x = node_arg(n, 0);
    if (x < 0) return -1;
    dim = normalize_dim(d[0], g.at(x).rank());
    return x;
  }
  bool half_power = is(n, {"aten::pow"}) && arg(n, 1) && constant_of(g, n.args[1]) == 0.5;
  if ((is(n, {"aten::sqrt"}) || half_power) && node_arg(n, 0) >= 0) {
    int inner = node_arg(n, 0);
    const Node& in = g.at(inner);
    if (is(in, {"aten::clamp_min", "aten::add"}) && node_arg(in, 0) >= 0) inner = node_arg(in, 0);
    return sum_of_squares_input(g, inner, dim);
  }
  return -1;
}

}  // namespace

std::optional<Normalize> as_normalize(const Graph& g, int id) {
  const Node& n = g.at(id);
  Normalize r;
  r.node = id;
  if (is(n, {"aten::div"}) && node_arg(n, 0) >= 0 && node_arg(n, 1) >= 0) {
    int x = node_arg(n, 0);
    int den = strip_identity(g, node_arg(n, 1));
    std::vector<int> in{id, node_arg(n, 1), den};
    const Node& dn = g.at(den);
    if (is(dn, {"aten::clamp_min", "aten::clamp", "aten::add"}) && node_arg(dn, 0) >= 0) {
      den = node_arg(dn, 0);
      in.push_back(den);
    }
    int dim = 0;
    if (norm_input(g, den, dim) == x) {
      r.input = x;
      r.dim = dim;
      r.inlined = in;
      return r;
    }
    return std::nullopt;
  }
  if (is(n, {"aten::mul"}) && node_arg(n, 0) >= 0 && node_arg(n, 1) >= 0) {
    for (int side = 0; side < 2; ++side) {
      int x = node_arg(n, side), inv = strip_identity(g, node_arg(n, 1 - side));
      const Node& in = g.at(inv);
      int dim = 0;
      if (is(in, {"aten::rsqrt"}) && node_arg(in, 0) >= 0) {
        int s = node_arg(in, 0);
        const Node& sn = g.at(s);
        if (is(sn, {"aten::clamp_min", "aten::add"}) && node_arg(sn, 0) >= 0) s = node_arg(sn, 0);
        if (sum_of_squares_input(g, s, dim) == x) {
          r.input = x;
          r.dim = dim;
          r.inlined = {id, inv};
          return r;
        }
      }
      if (is(in, {"aten::reciprocal"}) && node_arg(in, 0) >= 0) {
        int s = node_arg(in, 0);
        const Node& sn = g.at(s);
        if (is(sn, {"aten::clamp_min", "aten::clamp", "aten::add"}) && node_arg(sn, 0) >= 0)
          s = node_arg(sn, 0);
        if (norm_input(g, s, dim) == x) {
          r.input = x;
          r.dim = dim;
          r.inlined = {id, inv};
          return r;
        }
      }
    }
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- variables

int Ctx::new_var(int64_t size, bool sym, SizeSrc src) {
  Var v;
  v.size = size;
  v.sym = sym;
  v.src = src;
  vars_.push_back(v);
  return static_cast<int>(vars_.size()) - 1;
}

int Ctx::find(int v) {
  while (vars_[static_cast<size_t>(v)].parent >= 0) v = vars_[static_cast<size_t>(v)].parent;
  return v;
}

Idx Ctx::finest(const Idx& idx) {
  Idx out;
  std::vector<int> stack(idx.rbegin(), idx.rend());
  while (!stack.empty()) {
    int v = find(stack.back());
    stack.pop_back();
    const auto& kids = vars_[static_cast<size_t>(v)].kids;
    if (kids.empty()) {
      out.push_back(v);
    } else {
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
    }
  }
  return out;
}

Idx Ctx::finest_all(const std::vector<Idx>& axes) {
  Idx all;
  for (auto& a : axes)
    for (int v : finest(a)) all.push_back(v);
  return all;
}

int64_t Ctx::size_of(const Idx& idx) {
  int64_t s = 1;
  for (int v : finest(idx)) s *= var(v).size;
  return s;
}

// ---------------------------------------------------------------- cross-entropy forms

namespace {

int strip_ops(const Graph& g, int id, std::initializer_list<const char*> ops) {
  while (id >= 0) {
    const Node& n = g.at(id);
    if (!is(n, ops) || node_arg(n, 0) < 0) break;
    id = node_arg(n, 0);
  }
  return id;
}

// x[:] along one dim (start 0, to the end, step 1): x itself
int strip_full_slice(const Graph& g, int id) {
  while (id >= 0) {
    const Node& n = g.at(id);
    int x = node_arg(n, 0);
    if (!is(n, {"aten::slice"}) || x < 0 || !g.at(x).tensor) break;
    const Arg *d = arg(n, 1), *s = arg(n, 2), *t = arg(n, 3), *st = arg(n, 4);
    if (!d || d->kind != Arg::Int) break;
    int dim = normalize_dim(d->i, g.at(x).rank());
    const Dim& full = g.at(x).shape[static_cast<size_t>(dim)];
    bool start0 = !s || s->kind == Arg::None || (s->kind == Arg::Int && s->i == 0);
    bool to_end = !t || t->kind == Arg::None ||
                  (t->kind == Arg::Int && !full.sym && t->i >= full.size) ||
                  (t->kind == Arg::Int && t->i >= (int64_t{1} << 62));
    bool step1 = !st || st->kind == Arg::None || (st->kind == Arg::Int && st->i == 1);
    if (!start0 || !to_end || !step1) break;
    id = x;
  }
  return id;
}

// The squeeze of dim `dim` of a [.., 1, ..] value: squeeze(x, dim), squeeze(x, [dim]), or a view.
int squeezed(const Graph& g, int id, int dim) {
  const Node& n = g.at(id);
  int x = node_arg(n, 0);
  if (x < 0) return -1;
  int rank = g.at(x).rank();
  std::vector<int64_t> d;
  if (is(n, {"aten::squeeze", "prims::squeeze"})) {
    if (n.args.size() < 2 || n.args[1].kind == Arg::None) return x;
    if (int_list(arg(n, 1), d) && d.size() == 1 && normalize_dim(d[0], rank) == dim) return x;
    return -1;
  }
  if (is(n, {"aten::view", "aten::reshape", "aten::_unsafe_view"}) && rank == n.rank() + 1 &&
      dim < rank && g.at(x).shape[static_cast<size_t>(dim)].size == 1 &&
      !g.at(x).shape[static_cast<size_t>(dim)].sym)
    return x;
  return -1;
}

// A guard that keeps every point: t != c for a negative c (the default ignore_index -100);
// the targets of an entity loss are torch.unique's inverse indices, never negative.
bool keeps_all(const Graph& g, int cond, int& target) {
  const Node& n = g.at(cond);
  if (!is(n, {"aten::ne"}) || node_arg(n, 0) < 0 || !arg(n, 1)) return false;
  auto c = constant_of(g, n.args[1]);
  if (!c || *c >= 0) return false;
  target = node_arg(n, 0);
  return true;
}

// The per-row constant a stable log_softmax / logsumexp subtracts: the row max of the logits
// (or of the logits and a constant column), or where(c, 0, max) picking 0 for some rows.
bool row_constant(const Graph& g, int id, int logits, int dim, std::vector<int>& inl) {
  id = strip_identity(g, id);
  const Node& n = g.at(id);
  if (is(n, {"aten::amax", "aten::max"}) && node_arg(n, 0) >= 0 && bool_arg(n, 2, false) &&
      dims_are(n, 1, n.rank(), dim)) {
    int x = strip_identity(g, node_arg(n, 0));
    const Node& xn = g.at(x);
    if (x != logits && is(xn, {"aten::cat"})) {
      const Arg* parts = arg(xn, 0);
      const Arg* cd = arg(xn, 1);
      if (!parts || parts->kind != Arg::List || parts->list.empty() || !cd ||
          cd->kind != Arg::Int || normalize_dim(cd->i, xn.rank()) != dim)
        return false;
      bool has_logits = false;
      for (auto& p : parts->list) {
        if (p.is_node() && strip_identity(g, p.node) == logits) has_logits = true;
        else if (!constant_of(g, p)) return false;
      }
      if (!has_logits) return false;
      inl.push_back(x);
    } else if (x != logits) {
      return false;
    }
    inl.push_back(id);
    return true;
  }
  if (is(n, {"aten::where"}) && node_arg(n, 0) >= 0 && arg(n, 1) && arg(n, 2)) {
    for (int side = 1; side <= 2; ++side) {
      auto c = constant_of(g, n.args[static_cast<size_t>(side)]);
      int other = node_arg(n, static_cast<size_t>(3 - side));
      if (c && *c == 0.0 && other >= 0 && row_constant(g, other, logits, dim, inl)) {
        inl.push_back(id);
        inl.push_back(node_arg(n, 0));
        return true;
      }
    }
  }
  return false;
}

// log(sum(exp(x), dim, keepdim)) : returns x, or -1
int log_sum_exp_of(const Graph& g, int id, int dim, bool keepdim, std::vector<int>& inl) {
  const Node& lg = g.at(id);
  if (!is(lg, {"aten::log"}) || node_arg(lg, 0) < 0) return -1;
  const Node& sm = g.at(node_arg(lg, 0));
  if (!is(sm, {"aten::sum"}) || node_arg(sm, 0) < 0 || bool_arg(sm, 2, false) != keepdim ||
      !dims_are(sm, 1, g.at(node_arg(sm, 0)).rank(), dim))
    return -1;
  const Node& ex = g.at(node_arg(sm, 0));
  if (!is(ex, {"aten::exp"}) || node_arg(ex, 0) < 0) return -1;
  for (int x : {lg.id, sm.id, ex.id}) inl.push_back(x);
  return node_arg(ex, 0);
}

// log_softmax(L) over `dim`: the op, or (L - w) - log(sum(exp(L - w))) for a row constant w.
int log_softmax_of(const Graph& g, int id, int dim, std::vector<int>& inl) {
  const Node& n = g.at(id);
  if (is(n, {"aten::log_softmax", "aten::_log_softmax", "aten::special_log_softmax"})) {
    const Arg* d = arg(n, 1);
    if (!d || d->kind != Arg::Int || normalize_dim(d->i, n.rank()) != dim) return -1;
    inl.push_back(id);
    return node_arg(n, 0);
  }
  if (!is(n, {"aten::sub"}) || node_arg(n, 0) < 0 || node_arg(n, 1) < 0) return -1;
  std::vector<int> mine{id};
  int shifted = node_arg(n, 0);
  if (log_sum_exp_of(g, node_arg(n, 1), dim, true, mine) != shifted) return -1;
  int logits = shifted;
  const Node& sn = g.at(shifted);
  if (is(sn, {"aten::sub"}) && node_arg(sn, 0) >= 0 && node_arg(sn, 1) >= 0 &&
      row_constant(g, node_arg(sn, 1), node_arg(sn, 0), dim, mine)) {
    logits = node_arg(sn, 0);
    mine.push_back(shifted);
  }
  inl.insert(inl.end(), mine.begin(), mine.end());
  return logits;
}

// logsumexp(L) over `dim` (no keepdim): the op, or log(sum(exp(L - w))) + squeeze(w).
int logsumexp_of(const Graph& g, int id, int dim, std::vector<int>& inl) {
  const Node& n = g.at(id);
  if (is(n, {"aten::logsumexp"})) {
    if (!dims_are(n, 1, g.at(node_arg(n, 0) >= 0 ? node_arg(n, 0) : id).rank(), dim) ||
        bool_arg(n, 2, false))
      return -1;
    inl.push_back(id);
    return node_arg(n, 0);
  }
  if (!is(n, {"aten::add"}) || node_arg(n, 0) < 0 || node_arg(n, 1) < 0 ||
      (arg(n, 2) && constant_of(g, n.args[2]).value_or(1.0) != 1.0))
    return -1;
  for (int side = 0; side < 2; ++side) {
    std::vector<int> mine{id};
    int shifted = log_sum_exp_of(g, node_arg(n, static_cast<size_t>(side)), dim, false, mine);
    if (shifted < 0) continue;
    const Node& sn = g.at(shifted);
    if (!is(sn, {"aten::sub"}) || node_arg(sn, 0) < 0 || node_arg(sn, 1) < 0) continue;
    int w = node_arg(sn, 1), logits = node_arg(sn, 0);
    int back = node_arg(n, static_cast<size_t>(1 - side));
    if (squeezed(g, back, dim) != w || !row_constant(g, w, logits, dim, mine)) continue;
    mine.push_back(shifted);
    mine.push_back(back);
    inl.insert(inl.end(), mine.begin(), mine.end());
    return logits;
  }
  return -1;
}

// x[i, t_i]: x.gather(1, t[:, None]).squeeze(1) or x[arange(N), t]; returns x and sets t (the
// target, with a guard where(t != -100, t, 0) seen through).
int target_entry(const Graph& g, int id, int& target, std::vector<int>& inl) {
  int sq = id;
  const Node& n = g.at(id);
  if (is(n, {"aten::index"}) && n.args.size() >= 2 && node_arg(n, 0) >= 0 &&
      n.args[1].kind == Arg::List && n.args[1].list.size() == 2 &&
      n.args[1].list[0].is_node() && n.args[1].list[1].is_node() &&
      g.at(n.args[1].list[0].node).op == "aten::arange") {
    target = n.args[1].list[1].node;
    inl.push_back(id);
    return node_arg(n, 0);
  }
  int ga = squeezed(g, sq, 1);
  if (ga < 0) return -1;
  const Node& gn = g.at(ga);
  if (!is(gn, {"aten::gather"}) || node_arg(gn, 0) < 0 || !arg(gn, 1) ||
      gn.args[1].kind != Arg::Int || normalize_dim(gn.args[1].i, 2) != 1 || node_arg(gn, 2) < 0)
    return -1;
  int t = node_arg(gn, 2);
  for (int prev = -1; prev != t;) {  // inv.unsqueeze(1), inv.view(-1, 1), inv[:, None]
    prev = t;
    t = strip_ops(g, t, {"aten::unsqueeze", "aten::view", "aten::reshape"});
    t = strip_full_slice(g, t);
  }
  const Node& tn = g.at(t);
  int guarded = -1;
  if (is(tn, {"aten::where"}) && node_arg(tn, 0) >= 0 && keeps_all(g, node_arg(tn, 0), guarded) &&
      node_arg(tn, 1) == guarded && arg(tn, 2) && constant_of(g, tn.args[2]) == 0.0) {
    inl.push_back(t);
    inl.push_back(node_arg(tn, 0));
    t = guarded;
  }
  target = t;
  inl.push_back(ga);
  if (sq != ga) inl.push_back(sq);
  return node_arg(gn, 0);
}

// The loss of each point: -log_softmax(L)[i, t_i], or logsumexp(L) - L[i, t_i], perhaps
// behind nll_loss's ignore_index guard (which keeps every point here).
bool per_point(const Graph& g, int id, Loss& l) {
  const Node& n = g.at(id);
  if (is(n, {"aten::where"}) && node_arg(n, 0) >= 0 && node_arg(n, 1) >= 0 && arg(n, 2) &&
      constant_of(g, n.args[2]) == 0.0) {
    int guarded = -1;
    if (!keeps_all(g, node_arg(n, 0), guarded)) return false;
    if (!per_point(g, node_arg(n, 1), l) || strip_identity(g, guarded) != strip_identity(g, l.target))
      return false;
    l.inlined.push_back(id);
    l.inlined.push_back(node_arg(n, 0));
    l.spelling = "guarded " + l.spelling;
    return true;
  }
  std::vector<int> inl{id};
  int target = -1;
  if (is(n, {"aten::neg"}) && node_arg(n, 0) >= 0) {
    int ls = target_entry(g, node_arg(n, 0), target, inl);
    if (ls < 0) return false;
    int logits = log_softmax_of(g, ls, 1, inl);
    if (logits < 0 || g.at(ls).rank() != 2) return false;
    l.logits = logits;
    l.spelling = "-log_softmax[target]";
  } else if (is(n, {"aten::sub"}) && node_arg(n, 0) >= 0 && node_arg(n, 1) >= 0 &&
             (!arg(n, 2) || constant_of(g, n.args[2]).value_or(1.0) == 1.0)) {
    int logits = logsumexp_of(g, node_arg(n, 0), 1, inl);
    if (logits < 0 || g.at(logits).rank() != 2) return false;
    if (target_entry(g, node_arg(n, 1), target, inl) != logits) return false;
    l.logits = logits;
    l.spelling = "logsumexp - logits[target]";
  } else {
    return false;
  }
  l.target = target;
  l.inlined.insert(l.inlined.end(), inl.begin(), inl.end());
  return true;
}

bool reduces_all(const Graph& g, const Node& n) {
  const Arg* d = arg(n, 1);
  if (!d || d->kind == Arg::None || (d->kind == Arg::List && d->list.empty())) return true;
  std::vector<int64_t> dims;
  return int_list(d, dims) && dims.size() == 1 && node_arg(n, 0) >= 0 &&
         g.at(node_arg(n, 0)).rank() == 1 && normalize_dim(dims[0], 1) == 0;
}

}  // namespace

int strip_views_and_full_slices(const Graph& g, int id) {
  for (int prev = -1; prev != id;) {
    prev = id;
    id = strip_ops(g, id, {"aten::unsqueeze", "aten::view", "aten::reshape", "aten::expand",
                           "aten::expand_as", "aten::contiguous"});
    id = strip_full_slice(g, id);
  }
  return id;
}

std::optional<Loss> as_loss(const Graph& g, int id, std::string* why) {
  const Node& n = g.at(id);
  Loss l;
  l.node = id;
  auto settings = [&](const Node& x, size_t w, size_t r, size_t ig, size_t ls) {
    if (x.args.size() > w && x.args[w].kind != Arg::None) return std::string("the loss has class weights");
    if (x.args.size() > r && x.args[r].kind == Arg::Int) l.reduction = x.args[r].i;
    if (x.args.size() > ig && x.args[ig].kind == Arg::Int && x.args[ig].i >= 0)
      return "ignore_index " + std::to_string(x.args[ig].i) + " may drop points";
    if (x.args.size() > ls && x.args[ls].is_number() && x.args[ls].number() != 0.0)
      return std::string("label smoothing");
    return std::string();
  };
  auto reject = [&](const std::string& w) -> std::optional<Loss> {
    if (why) *why = w;
    return std::nullopt;
  };
  if (n.op == "aten::cross_entropy_loss") {
    if (node_arg(n, 0) < 0 || node_arg(n, 1) < 0) return std::nullopt;
    std::string bad = settings(n, 2, 3, 4, 5);
    if (!bad.empty()) return reject(bad);
    l.logits = node_arg(n, 0);
    l.target = node_arg(n, 1);
    l.spelling = "cross_entropy";
    l.inlined = {id};
    return l;
  }
  int nl = id;
  if (n.op == "prim::getitem" && node_arg(n, 0) >= 0 && g.at(node_arg(n, 0)).op == "aten::nll_loss_forward" &&
      arg(n, 1) && n.args[1].i == 0)
    nl = node_arg(n, 0);
  const Node& nn = g.at(nl);
  if (is(nn, {"aten::nll_loss", "aten::nll_loss_nd", "aten::nll_loss_forward"})) {
    if (node_arg(nn, 0) < 0 || node_arg(nn, 1) < 0) return std::nullopt;
    std::string bad = settings(nn, 2, 3, 4, 99);
    if (!bad.empty()) return reject(bad);
    l.inlined = {id, nl};
    l.logits = log_softmax_of(g, node_arg(nn, 0), 1, l.inlined);
    if (l.logits < 0) return reject("nll_loss of something other than log_softmax over the classes");
    l.target = node_arg(nn, 1);
    l.spelling = "nll_loss(log_softmax)";
    return l;
  }
  // per point, or its mean / sum / sum over the count of the guard
  if (per_point(g, id, l)) {
    l.reduction = 0;
    return l;
  }
  // -(log_softmax(L)[i, t_i]).mean(): the negation outside the reduction
  if (is(n, {"aten::neg"}) && node_arg(n, 0) >= 0) {
    const Node& r = g.at(node_arg(n, 0));
    if (is(r, {"aten::mean", "aten::sum"}) && node_arg(r, 0) >= 0 && reduces_all(g, r)) {
      std::vector<int> inl{id, r.id};
      int target = -1;
      int ls = target_entry(g, node_arg(r, 0), target, inl);
      int logits = ls >= 0 ? log_softmax_of(g, ls, 1, inl) : -1;
      if (logits >= 0 && g.at(ls).rank() == 2) {
        l.logits = logits;
        l.target = target;
        l.reduction = r.op == "aten::mean" ? 1 : 2;
        l.spelling = "-" + r.op.substr(6) + "(log_softmax[target])";
        l.inlined = inl;
        return l;
      }
    }
  }
  int inner = -1;
  std::vector<int> red{id};
  if (is(n, {"aten::mean", "aten::sum"}) && node_arg(n, 0) >= 0 && reduces_all(g, n)) {
    inner = node_arg(n, 0);
    l.reduction = n.op == "aten::mean" ? 1 : 2;
  } else if (is(n, {"aten::div"}) && node_arg(n, 0) >= 0 && node_arg(n, 1) >= 0) {
    // sum(loss) / count(t != -100): the mean over every point
    const Node& s = g.at(node_arg(n, 0));
    int cnt = strip_ops(g, node_arg(n, 1), {"prims::convert_element_type", "aten::_to_copy",
                                            "aten::to", "aten::type_as"});
    const Node& cn = g.at(cnt);
    int guarded = -1;
    if (!is(s, {"aten::sum"}) || node_arg(s, 0) < 0 || !reduces_all(g, s) ||
        !is(cn, {"aten::sum"}) || node_arg(cn, 0) < 0 || !reduces_all(g, cn) ||
        !keeps_all(g, node_arg(cn, 0), guarded))
      return std::nullopt;
    inner = node_arg(s, 0);
    l.reduction = 1;
    for (int x : {s.id, cn.id, node_arg(cn, 0), node_arg(n, 1)}) red.push_back(x);
    if (cnt != node_arg(n, 1)) red.push_back(cnt);
    if (!per_point(g, inner, l) || strip_identity(g, guarded) != strip_identity(g, l.target))
      return std::nullopt;
    l.inlined.insert(l.inlined.end(), red.begin(), red.end());
    return l;
  }
  if (inner < 0 || !per_point(g, inner, l)) return std::nullopt;
  l.inlined.insert(l.inlined.end(), red.begin(), red.end());
  return l;
}


namespace {

// expr / k for a product expression such as "4*s77" (k = 4 gives "s77"), or "".
std::string divide_expr(const std::string& expr, int64_t k) {
  std::vector<std::string> factors;
  std::stringstream ss(expr);
  for (std::string f; std::getline(ss, f, '*');) factors.push_back(f);
  for (size_t i = 0; i < factors.size(); ++i) {
    if (factors[i] == std::to_string(k)) {
      std::string out;
      for (size_t j = 0; j < factors.size(); ++j)
        if (j != i) out += (out.empty() ? "" : "*") + factors[j];
      return out;
    }
  }
  return "";
}

}  // namespace

// Splits v into (first, size / first). A symbolic size splits only where its expression
// shows the factor: "4*s77" into the symbolic s77 and the constant 4, in the order asked
// (first_expr names the symbolic part when it comes first).
bool Ctx::split(int v, int64_t first, const std::string& first_expr) {
  int r = find(v);
  Var x = vars_[static_cast<size_t>(r)];
  if (!x.kids.empty() || first <= 1 || first >= x.size || x.size % first) return false;
  int64_t second = x.size / first;
  bool first_sym = false, second_sym = false;
  std::string e1, e2;
  if (x.sym) {
    if (x.expr.empty()) return false;
    if (!first_expr.empty() && divide_expr(x.expr, second) == first_expr) {
      first_sym = true;
      e1 = first_expr;
    } else if (!divide_expr(x.expr, first).empty()) {
      second_sym = true;
      e2 = divide_expr(x.expr, first);
    } else {
      return false;
    }
  }
  SizeSrc s2;
  if (x.src.node >= 0) {
    s2 = x.src;
    s2.div *= first;
  }
  SizeSrc s1;
  if (first_sym && x.src.node >= 0) {
    s1 = x.src;
    s1.div *= second;
    s2 = SizeSrc{};
  }
  int a = new_var(first, first_sym, s1);
  int b = new_var(second, second_sym, s2);
  vars_[static_cast<size_t>(a)].expr = e1;
  vars_[static_cast<size_t>(b)].expr = e2;
  vars_[static_cast<size_t>(r)].kids = {a, b};
  return true;
}

bool Ctx::equate(const Idx& a, const Idx& b) {
  Idx fa = finest(a), fb = finest(b);
  size_t i = 0, j = 0;
  while (i < fa.size() && j < fb.size()) {
    int x = find(fa[i]), y = find(fb[j]);
    int64_t sx = vars_[static_cast<size_t>(x)].size, sy = vars_[static_cast<size_t>(y)].size;
    if (x == y) {
      ++i, ++j;
    } else if (sx == sy) {
      Var& vx = vars_[static_cast<size_t>(x)];
      Var& vy = vars_[static_cast<size_t>(y)];
      if (vx.sym != vy.sym) return false;
      if (vy.expr.empty()) vy.expr = vx.expr;
      if (vy.src.node < 0 && vx.src.node >= 0) vy.src = vx.src;
      vx.parent = y;
      ++i, ++j;
    } else if (sx > sy) {
      if (!split(x, sy, vars_[static_cast<size_t>(y)].expr)) return false;
      fa = finest(a);
    } else {
      if (!split(y, sx, vars_[static_cast<size_t>(x)].expr)) return false;
      fb = finest(b);
    }
  }
  return i == fa.size() && j == fb.size();
}

// ---------------------------------------------------------------- lifting

Expr Ctx::leaf(int id, bool mask) {
  const Node& n = g_.at(id);
  Expr e;
  Factor f;
  f.node = id;
  f.mask = mask;
  for (int d = 0; d < n.rank(); ++d) {
    const Dim& dim = n.shape[static_cast<size_t>(d)];
    if (dim.size == 1 && !dim.sym) {
      f.dims.push_back({});
    } else {
      int v = new_var(dim.size, dim.sym, SizeSrc{id, d, 1});
      vars_[static_cast<size_t>(v)].expr = dim.expr;
      f.dims.push_back({v});
    }
  }
  e.outs = f.dims;
  e.factors.push_back(f);
  return e;
}

bool Ctx::reshape(Expr& e, int id) {
  const Node& n = g_.at(id);
  Idx seq = finest_all(e.outs);
  std::vector<Idx> outs;
  size_t p = 0;
  for (int d = 0; d < n.rank(); ++d) {
    const Dim& dim = n.shape[static_cast<size_t>(d)];
    if (dim.size == 1 && !dim.sym) {
      outs.push_back({});
      continue;
    }
    Idx axis;
    int64_t prod = 1;
    bool has_sym = false;
    while (prod < dim.size) {
      if (p >= seq.size()) return false;
      int v = find(seq[p]);
      int64_t s = vars_[static_cast<size_t>(v)].size;
      if (dim.size % (prod * s) == 0) {
        axis.push_back(v);
        has_sym |= vars_[static_cast<size_t>(v)].sym;
        prod *= s;
        ++p;
      } else {
        int64_t need = dim.size / prod;
        if (dim.size % prod || !split(v, need, axis.empty() ? dim.expr : "")) return false;
        Idx kids = vars_[static_cast<size_t>(v)].kids;
        seq[p] = kids[1];
        seq.insert(seq.begin() + static_cast<long>(p), kids[0]);
      }
    }
    if (prod != dim.size || has_sym != dim.sym) return false;
    if (axis.size() == 1 && vars_[static_cast<size_t>(find(axis[0]))].src.node < 0)
      vars_[static_cast<size_t>(find(axis[0]))].src = SizeSrc{id, d, 1};
    outs.push_back(axis);
  }
  if (p != seq.size()) return false;
  e.outs = outs;
  return true;
}

bool Ctx::merge_product(Expr& a, Expr b) {
  if (a.fill.on || b.fill.on) return false;
  size_t ra = a.outs.size(), rb = b.outs.size(), r = std::max(ra, rb);
  std::vector<Idx> outs(r);
  for (size_t i = 0; i < r; ++i) {
    long ia = static_cast<long>(i) - static_cast<long>(r - ra);
    long ib = static_cast<long>(i) - static_cast<long>(r - rb);
    Idx x = ia >= 0 ? a.outs[static_cast<size_t>(ia)] : Idx{};
    Idx y = ib >= 0 ? b.outs[static_cast<size_t>(ib)] : Idx{};
    if (x.empty()) {
      outs[i] = y;
    } else if (y.empty()) {
      outs[i] = x;
    } else {
      if (!equate(x, y)) return false;
      outs[i] = x;
    }
  }
  a.outs = outs;
  for (auto& f : b.factors) a.factors.push_back(f);
  for (int v : b.summed) a.summed.push_back(v);
  for (int v : b.inlined) a.inlined.push_back(v);
  for (auto& [v, k] : b.fixed) a.fixed[v] = k;
  a.scale *= b.scale;
  return true;
}

bool Ctx::select(Expr& e, int axis, int64_t index, bool keep) {
  if (axis < 0 || axis >= static_cast<int>(e.outs.size())) return false;
  Idx f = finest(e.outs[static_cast<size_t>(axis)]);
  if (f.size() != 1 || var(f[0]).sym) return false;
  int64_t n = var(f[0]).size;
  if (index < 0) index += n;
  if (index < 0 || index >= n) return false;
  e.fixed[find(f[0])] = index;
  if (keep) e.outs[static_cast<size_t>(axis)] = {};
  else e.outs.erase(e.outs.begin() + axis);
  return true;
}

// Piece k of split / split_with_sizes / chunk of a value along one dim into equal pieces:
// the dim's variables viewed as (pieces, piece) and the pieces variable read at k (inside the
// terms of a sum unrolled by hand). Empty outs where it is not of that form.
Expr Ctx::chunk_of(int split_node, int64_t k) {
  const Node& sp = g_.at(split_node);
  int src = node_arg(sp, 0);
  const Arg *a = arg(sp, 1), *d = arg(sp, 2);
  Expr none;
  if (src < 0 || !a || !g_.at(src).tensor) return none;
  int rank = g_.at(src).rank();
  int dim = d && d->kind == Arg::Int ? normalize_dim(d->i, rank) : 0;
  if (d && d->kind != Arg::Int && d->kind != Arg::None) return none;
  if (dim < 0 || dim >= rank) return none;
  const Dim& full = g_.at(src).shape[static_cast<size_t>(dim)];
  if (full.sym) return none;
  int64_t size = full.size, piece = 0;
  bool chunk = sp.op == "aten::chunk" || sp.op == "aten::unsafe_chunk";
  if (a->kind == Arg::Int) {
    if (a->i <= 0) return none;
    piece = chunk ? (size % a->i ? 0 : size / a->i) : a->i;
  } else if (a->kind == Arg::List && !chunk) {
    for (auto& x : a->list) {
      if (x.kind != Arg::Int || (piece && x.i != piece)) return none;
      piece = x.i;
    }
    if (piece * static_cast<int64_t>(a->list.size()) != size) return none;
  } else {
    return none;
  }
  if (piece <= 0 || size % piece || size / piece < 2) return none;
  int64_t pieces = size / piece;
  if (k < 0) k += pieces;
  if (k < 0 || k >= pieces) return none;
  Expr e = lift(src);
  if (e.fill.on) return none;
  auto axis_vars = [&] { return finest(e.outs[static_cast<size_t>(dim)]); };
  Idx f = axis_vars();
  // the minor variables whose sizes multiply to one piece (a variable is split where the
  // boundary falls inside it)
  int64_t prod = 1;
  size_t p = f.size();
  while (p > 0 && prod < piece) prod *= var(f[--p]).size;
  if (prod != piece) {
    int64_t inner = prod / var(f[p]).size, s = var(f[p]).size;
    if (piece % inner || s % (piece / inner) || var(f[p]).sym) return none;
    if (!split(f[p], s / (piece / inner))) return none;
    f = axis_vars();
    prod = 1;
    p = f.size();
    while (p > 0 && prod < piece) prod *= var(f[--p]).size;
    if (prod != piece) return none;
  }
  if (p != 1 || var(f[0]).sym || var(f[0]).size != pieces) return none;
  e.fixed[find(f[0])] = k;
  e.outs[static_cast<size_t>(dim)] = Idx(f.begin() + 1, f.end());
  e.inlined.push_back(split_node);
  return e;
}

// The terms of an unrolled sum that differ in one factor each, a tensor of its own that is
// not read at the term's index (w[:, 0] * h_text + w[:, 1] * h_audio + ...): those tensors are
// one stacked tensor indexed by the summed axis. Rewrites every term to read that stacked
// factor, so that the terms become the same product; false where they are not of that form.
bool Ctx::stack_own_factors(std::vector<Expr>& es, const std::vector<int64_t>& index) {
  std::map<int, size_t> seen;  // node -> in how many terms
  for (auto& e : es) {
    std::set<int> nodes;
    for (auto& f : e.factors) nodes.insert(f.node);
    for (int n : nodes) ++seen[n];
  }
  std::vector<int> own(es.size(), -1);  // the factor of each term that no other term has
  for (size_t t = 0; t < es.size(); ++t) {
    for (size_t i = 0; i < es[t].factors.size(); ++i) {
      const Factor& f = es[t].factors[i];
      if (seen[f.node] == es.size()) continue;
      if (seen[f.node] != 1 || own[t] >= 0 || f.mask || f.power != 1 || !f.stack.empty())
        return false;
      own[t] = static_cast<int>(i);
    }
    if (own[t] < 0) return false;
  }
  // one shape and dtype; none of them read at the summed index (they are whole tensors)
  const Node& n0 = g_.at(es[0].factors[static_cast<size_t>(own[0])].node);
  for (size_t t = 0; t < es.size(); ++t) {
    const Factor& f = es[t].factors[static_cast<size_t>(own[t])];
    const Node& n = g_.at(f.node);
    if (n.dtype != n0.dtype || n.rank() != n0.rank()) return false;
    for (int d = 0; d < n.rank(); ++d)
      if (n.shape[static_cast<size_t>(d)].size != n0.shape[static_cast<size_t>(d)].size ||
          n.shape[static_cast<size_t>(d)].sym != n0.shape[static_cast<size_t>(d)].sym)
        return false;
    for (auto& [v, k] : es[t].fixed)
      for (auto& axis : f.dims)
        for (int x : finest(axis))
          if (find(x) == find(v)) return false;
  }
  // the stacked tensor: the terms' own tensors in index order, along a new leading axis
  // indexed by the term's fixed variable
  std::vector<int> nodes(es.size());
  for (size_t t = 0; t < es.size(); ++t)
    nodes[static_cast<size_t>(index[t])] = es[t].factors[static_cast<size_t>(own[t])].node;
  const Factor& f0 = es[0].factors[static_cast<size_t>(own[0])];
  for (size_t t = 1; t < es.size(); ++t) {  // the own tensors' axes are the same variables
    const Factor& f = es[t].factors[static_cast<size_t>(own[t])];
    for (size_t d = 0; d < f.dims.size(); ++d)
      if (!f.dims[d].empty() && !f0.dims[d].empty() && !equate(f.dims[d], f0.dims[d]))
        return false;
  }
  for (size_t t = 0; t < es.size(); ++t) {
    Factor& f = es[t].factors[static_cast<size_t>(own[t])];
    int v = es[t].fixed.begin()->first;
    f.stack = nodes;
    f.node = nodes[0];
    f.dims.insert(f.dims.begin(), Idx{v});
  }
  return true;
}

// a + b + ... where every term is the same product read at one index of an axis, the
// indices covering the axis once: a sum over that axis, unrolled by hand.
Expr Ctx::unrolled_sum(int id) {
  std::vector<int> terms, stack{id};
  std::vector<int> adds;
  while (!stack.empty()) {
    int t = stack.back();
    stack.pop_back();
    const Node& n = g_.at(t);
    bool plain_add = n.op == "aten::add" && node_arg(n, 0) >= 0 && node_arg(n, 1) >= 0 &&
                     (!arg(n, 2) || constant_of(g_, n.args[2]).value_or(1.0) == 1.0);
    if (plain_add && (t == id || n.users.size() == 1)) {
      adds.push_back(t);
      stack.push_back(node_arg(n, 1));
      stack.push_back(node_arg(n, 0));
    } else {
      terms.push_back(t);
    }
  }
  if (terms.size() < 2) return leaf(id);
  std::vector<Expr> es;
  std::vector<int64_t> index;
  for (int t : terms) {
    ++select_depth_;
    Expr e = lift(t);
    --select_depth_;
    if (e.fill.on || e.fixed.empty()) return leaf(id);
    int64_t k = e.fixed.begin()->second;
    for (auto& [v, kk] : e.fixed)
      if (kk != k) return leaf(id);
    index.push_back(k);
    es.push_back(e);
  }
  Expr& first = es[0];
  int64_t n = var(first.fixed.begin()->first).size;
  std::vector<int64_t> sorted = index;
  std::sort(sorted.begin(), sorted.end());
  for (size_t i = 0; i < sorted.size(); ++i)
    if (sorted[i] != static_cast<int64_t>(i)) return leaf(id);
  if (static_cast<int64_t>(sorted.size()) != n) return leaf(id);
  auto key = [](const Expr& e) {
    std::vector<std::tuple<int, bool, bool, int, std::vector<int>>> k;
    for (auto& f : e.factors) k.emplace_back(f.node, f.mask, f.negated, f.power, f.stack);
    std::sort(k.begin(), k.end());
    return k;
  };
  auto k0 = key(first);
  bool same_factors = true;
  for (auto& e : es) same_factors &= key(e) == k0;
  if (!same_factors && !stack_own_factors(es, index)) return leaf(id);
  for (auto& e : es) {
    if (key(e) != key(first) || e.scale != first.scale || e.outs.size() != first.outs.size() ||
        e.fixed.size() != first.fixed.size())
      return leaf(id);
  }
  // the terms' index variables are the same ones: equate factor by factor, axis by axis
  for (size_t t = 1; t < es.size(); ++t) {
    for (size_t i = 0; i < es[t].factors.size(); ++i) {
      const Factor& a = first.factors[i];
      const Factor* b = nullptr;
      for (auto& f : es[t].factors)
        if (f.node == a.node && f.dims.size() == a.dims.size()) { b = &f; break; }
      if (!b) return leaf(id);
      for (size_t d = 0; d < a.dims.size(); ++d)
        if (!a.dims[d].empty() && !b->dims[d].empty() && !equate(a.dims[d], b->dims[d]))
          return leaf(id);
    }
    for (size_t d = 0; d < first.outs.size(); ++d)
      if (!first.outs[d].empty() && !es[t].outs[d].empty() && !equate(first.outs[d], es[t].outs[d]))
        return leaf(id);
  }
  // the fixed variables of one term are one index, summed
  std::vector<int> fixed;
  for (auto& [v, k] : first.fixed) fixed.push_back(v);
  for (size_t i = 1; i < fixed.size(); ++i)
    if (!equate({fixed[0]}, {fixed[i]})) return leaf(id);
  Expr out = first;
  out.fixed.clear();
  out.summed.push_back(find(fixed[0]));
  for (size_t t = 1; t < es.size(); ++t)
    for (int v : es[t].inlined) out.inlined.push_back(v);
  for (int a : adds) out.inlined.push_back(a);
  if (static_cast<int>(out.outs.size()) != g_.at(id).rank()) return leaf(id);
  return out;
}

Expr Ctx::contraction(int id, bool transpose_b) {
  const Node& n = g_.at(id);
  int ia = node_arg(n, 0), ib = node_arg(n, 1);
  if (ia < 0 || ib < 0 || operand_depth_ > 0) return leaf(id);
  Expr a = lift_operand(ia), b = lift_operand(ib);
  if (a.fill.on || b.fill.on || a.outs.empty() || b.outs.empty()) return leaf(id);
  if (transpose_b) {
    if (b.outs.size() != 2) return leaf(id);
    std::swap(b.outs[0], b.outs[1]);
  }
  bool drop_first = a.outs.size() == 1, drop_last = b.outs.size() == 1;
  if (drop_first) a.outs.insert(a.outs.begin(), Idx{});
  if (drop_last) b.outs.push_back(Idx{});
  Idx ka = a.outs.back(), kb = b.outs[b.outs.size() - 2];
  Idx rows = a.outs[a.outs.size() - 2], cols = b.outs.back();
  if (!ka.empty() && !kb.empty()) {
    if (!equate(ka, kb)) return leaf(id);
  }
  Idx k = ka.empty() ? kb : ka;
  a.outs.resize(a.outs.size() - 2);
  b.outs.resize(b.outs.size() - 2);
  std::vector<Idx> ab = a.outs, bb = b.outs;
  a.outs = ab;
  b.outs = bb;
  if (!merge_product(a, b)) return leaf(id);
  if (!drop_first) a.outs.push_back(rows);
  if (!drop_last) a.outs.push_back(cols);
  for (int v : finest(k)) a.summed.push_back(v);
  a.inlined.push_back(id);
  if (static_cast<int>(a.outs.size()) != n.rank()) return leaf(id);
  return a;
}

Expr Ctx::einsum(int id) {
  const Node& n = g_.at(id);
  const Arg* eq = arg(n, 0);
  const Arg* ops = arg(n, 1);
  if (!eq || eq->kind != Arg::Str || !ops || ops->kind != Arg::List || operand_depth_ > 0)
    return leaf(id);
  std::string spec;
  for (char c : eq->s)
    if (c != ' ') spec += c;
  std::string lhs = spec, rhs;
  bool explicit_out = false;
  auto arrow = spec.find("->");
  if (arrow != std::string::npos) {
    lhs = spec.substr(0, arrow);
    rhs = spec.substr(arrow + 2);
    explicit_out = true;
  }
  std::vector<std::string> terms;
  {
    std::stringstream ss(lhs);
    for (std::string t; std::getline(ss, t, ',');) terms.push_back(t);
  }
  if (terms.size() != ops->list.size()) return leaf(id);
  // expand '...' into labels '0'..'9' (right-aligned batch dims)
  std::vector<Expr> es;
  std::vector<std::string> labels;
  size_t ell = 0;
  for (size_t t = 0; t < terms.size(); ++t) {
    if (ops->list[t].kind != Arg::Node) return leaf(id);
    es.push_back(lift_operand(ops->list[t].node));
    if (es.back().fill.on) return leaf(id);
    auto pos = terms[t].find("...");
    if (pos != std::string::npos) {
      size_t named = terms[t].size() - 3;
      size_t rank = es.back().outs.size();
      if (rank < named) return leaf(id);
      ell = std::max(ell, rank - named);
    }
  }
  auto expand = [&](const std::string& t, size_t rank) {
    std::string out;
    auto pos = t.find("...");
    if (pos == std::string::npos) return t;
    size_t k = rank - (t.size() - 3);
    out = t.substr(0, pos);
    for (size_t i = 0; i < k; ++i) out += static_cast<char>('0' + (ell - k + i));
    return out + t.substr(pos + 3);
  };
  std::map<char, Idx> idx;
  std::map<char, int> count;
  Expr acc;
  bool first = true;
  for (size_t t = 0; t < terms.size(); ++t) {
    std::string labs = expand(terms[t], es[t].outs.size());
    if (labs.size() != es[t].outs.size()) return leaf(id);
    std::set<char> seen;
    for (size_t d = 0; d < labs.size(); ++d) {
      char c = labs[d];
      if (seen.count(c)) return leaf(id);  // a diagonal
      seen.insert(c);
      ++count[c];
      const Idx& ax = es[t].outs[d];
      auto it = idx.find(c);
      if (it == idx.end()) {
        idx[c] = ax;
      } else if (it->second.empty()) {
        it->second = ax;
      } else if (!ax.empty()) {
        if (!equate(it->second, ax)) return leaf(id);
      }
    }
    Expr& e = es[t];
    e.outs.clear();
    if (first) {
      acc = e;
      first = false;
    } else {
      for (auto& f : e.factors) acc.factors.push_back(f);
      for (int v : e.summed) acc.summed.push_back(v);
      for (int v : e.inlined) acc.inlined.push_back(v);
      acc.scale *= e.scale;
    }
  }
  if (!explicit_out) {
    std::string ellipsis;
    for (size_t i = 0; i < ell; ++i) ellipsis += static_cast<char>('0' + i);
    rhs = ellipsis;
    for (auto& [c, k] : count)
      if (k == 1 && !(c >= '0' && c <= '9')) rhs += c;
  } else {
    auto pos = rhs.find("...");
    if (pos != std::string::npos) {
      std::string e;
      for (size_t i = 0; i < ell; ++i) e += static_cast<char>('0' + i);
      rhs = rhs.substr(0, pos) + e + rhs.substr(pos + 3);
    }
  }
  std::set<char> out_labels(rhs.begin(), rhs.end());
  acc.outs.clear();
  for (char c : rhs) {
    if (!idx.count(c)) return leaf(id);
    acc.outs.push_back(idx[c]);
  }
  for (auto& [c, ax] : idx)
    if (!out_labels.count(c))
      for (int v : finest(ax)) acc.summed.push_back(v);
  acc.inlined.push_back(id);
  if (static_cast<int>(acc.outs.size()) != n.rank()) return leaf(id);
  return acc;
}

// An operand of a product or contraction: a sum or contraction inside it is a value of its
// own (a linear layer's matmul, a pooled context), not part of this expression.
Expr Ctx::lift_operand(int id) {
  ++operand_depth_;
  Expr e = lift(id);
  --operand_depth_;
  return e;
}

Expr Ctx::lift(int id) {
  const Node& n = g_.at(id);
  if (!n.tensor) return leaf(id);
  int x = node_arg(n, 0);
  auto inlined = [&](Expr e) {
    e.inlined.push_back(id);
    return e;
  };
  // value-preserving ops
  bool same_dtype = x >= 0 && g_.at(x).tensor && g_.at(x).dtype == n.dtype;
  if (x >= 0 && (is(n, {"aten::contiguous", "aten::clone", "aten::alias",
                        "aten::lift_fresh_copy"}) || no_gradient_detach(n) ||
                 (is(n, {"aten::dropout", "aten::feature_dropout", "aten::alpha_dropout"}) &&
                  !bool_arg(n, 2, true)) ||
                 (is(n, {"aten::_to_copy", "aten::to", "aten::type_as",
                         "prims::convert_element_type"}) && same_dtype))) {
    return inlined(lift(x));
  }
  if (x >= 0 && is(n, {"aten::_to_copy", "aten::to", "aten::type_as",
                       "prims::convert_element_type"}) &&
      g_.at(x).dtype == "bool" && n.floating()) {
    return inlined(lift(x));  // a 0/1 multiplier
  }
  if (x >= 0 && is(n, {"aten::view", "aten::reshape", "aten::_unsafe_view", "aten::flatten",
                       "aten::unflatten", "aten::view_as", "aten::reshape_as", "aten::squeeze",
                       "aten::unsqueeze", "prims::squeeze"})) {
    Expr e = lift(x);
    if (!reshape(e, id)) return leaf(id, n.dtype == "bool");
    return inlined(e);
  }
  if (x >= 0 && is(n, {"aten::permute", "aten::transpose", "aten::t", "aten::swapaxes",
                       "aten::swapdims", "aten::movedim", "aten::numpy_T", "aten::mT"})) {
    Expr e = lift(x);
    int r = static_cast<int>(e.outs.size());
    std::vector<int> perm(static_cast<size_t>(r));
    for (int i = 0; i < r; ++i) perm[static_cast<size_t>(i)] = i;
    std::vector<int64_t> p;
    if (n.op == "aten::permute") {
      if (!int_list(arg(n, 1), p) || static_cast<int>(p.size()) != r) return leaf(id);
      for (int i = 0; i < r; ++i) perm[static_cast<size_t>(i)] = normalize_dim(p[static_cast<size_t>(i)], r);
    } else if (is(n, {"aten::transpose", "aten::swapaxes", "aten::swapdims"})) {
      const Arg *a = arg(n, 1), *b = arg(n, 2);
      if (!a || !b || a->kind != Arg::Int || b->kind != Arg::Int) return leaf(id);
      std::swap(perm[static_cast<size_t>(normalize_dim(a->i, r))],
                perm[static_cast<size_t>(normalize_dim(b->i, r))]);
    } else if (is(n, {"aten::t", "aten::mT"})) {
      if (r >= 2) std::swap(perm[static_cast<size_t>(r - 1)], perm[static_cast<size_t>(r - 2)]);
    } else if (n.op == "aten::numpy_T") {
      std::reverse(perm.begin(), perm.end());
    } else {  // movedim(src, dst)
      std::vector<int64_t> s, d;
      if (!int_list(arg(n, 1), s) || !int_list(arg(n, 2), d) || s.size() != d.size())
        return leaf(id);
      std::vector<int> rest;
      std::vector<int> out(static_cast<size_t>(r), -1);
      std::set<int> moved;
      for (size_t i = 0; i < s.size(); ++i) {
        out[static_cast<size_t>(normalize_dim(d[i], r))] = normalize_dim(s[i], r);
        moved.insert(normalize_dim(s[i], r));
      }
      for (int i = 0; i < r; ++i)
        if (!moved.count(i)) rest.push_back(i);
      size_t k = 0;
      for (int i = 0; i < r; ++i)
        if (out[static_cast<size_t>(i)] < 0) out[static_cast<size_t>(i)] = rest[k++];
      perm = out;
    }
    std::vector<Idx> outs;
    for (int i = 0; i < r; ++i) outs.push_back(e.outs[static_cast<size_t>(perm[static_cast<size_t>(i)])]);
    e.outs = outs;
    return inlined(e);
  }
  if (x >= 0 && is(n, {"aten::expand", "aten::expand_as", "aten::broadcast_to"})) {
    Expr e = lift(x);
    int r = n.rank(), old = static_cast<int>(e.outs.size());
    if (r < old) return leaf(id);
    std::vector<Idx> outs;
    for (int i = 0; i < r; ++i) {
      const Dim& dim = n.shape[static_cast<size_t>(i)];
      int j = i - (r - old);
      Idx cur = j >= 0 ? e.outs[static_cast<size_t>(j)] : Idx{};
      if (cur.empty() && (dim.size != 1 || dim.sym)) {
        cur = {new_var(dim.size, dim.sym, SizeSrc{id, i, 1})};
        vars_[static_cast<size_t>(cur[0])].expr = dim.expr;
      }
      outs.push_back(cur);
    }
    e.outs = outs;
    return inlined(e);
  }
  if (x >= 0 && n.op == "aten::slice") {
    const Node& in = g_.at(x);
    const Arg *d = arg(n, 1), *s = arg(n, 2), *t = arg(n, 3), *st = arg(n, 4);
    if (d && d->kind == Arg::Int && in.tensor) {
      int dim = normalize_dim(d->i, in.rank());
      int64_t size = in.shape[static_cast<size_t>(dim)].size;
      bool start0 = !s || s->kind == Arg::None || (s->kind == Arg::Int && s->i == 0);
      bool to_end = !t || t->kind == Arg::None || (t->kind == Arg::Int && t->i >= size);
      bool step1 = !st || st->kind == Arg::None || (st->kind == Arg::Int && st->i == 1);
      if (start0 && to_end && step1) return inlined(lift(x));
      // a size-1 slice: one index of the axis, kept as a size-1 axis
      if (select_depth_ > 0 && step1 && s && s->kind == Arg::Int && t && t->kind == Arg::Int &&
          (t->i == s->i + 1 || (s->i == -1 && t->i >= size)) && n.dtype != "bool") {
        Expr e = lift(x);
        if (!e.fill.on && select(e, dim, s->i, true)) return inlined(e);
      }
    }
    return leaf(id, n.dtype == "bool");
  }
  if (x >= 0 && n.op == "aten::select" && n.dtype != "bool" && select_depth_ > 0) {
    const Arg *d = arg(n, 1), *k = arg(n, 2);
    const Node& in = g_.at(x);
    if (d && k && d->kind == Arg::Int && k->kind == Arg::Int && in.tensor) {
      Expr e = lift(x);
      if (!e.fill.on && select(e, normalize_dim(d->i, in.rank()), k->i, false)) return inlined(e);
    }
    return leaf(id);
  }
  if (n.op == "prim::getitem" && x >= 0 && g_.at(x).op == "aten::unbind" && n.dtype != "bool" &&
      select_depth_ > 0) {
    const Node& ub = g_.at(x);
    int src = node_arg(ub, 0);
    const Arg *d = arg(ub, 1), *k = arg(n, 1);
    if (src >= 0 && d && d->kind == Arg::Int && k && k->kind == Arg::Int) {
      Expr e = lift(src);
      if (!e.fill.on && select(e, normalize_dim(d->i, g_.at(src).rank()), k->i, false)) {
        e.inlined.push_back(x);
        return inlined(e);
      }
    }
    return leaf(id);
  }
  if (n.op == "prim::getitem" && x >= 0 && n.dtype != "bool" && select_depth_ > 0 &&
      is(g_.at(x), {"aten::split", "aten::split_with_sizes", "aten::unsafe_split", "aten::chunk",
                    "aten::unsafe_chunk", "aten::unsafe_split_with_sizes"})) {
    const Arg* k = arg(n, 1);
    if (k && k->kind == Arg::Int) {
      Expr e = chunk_of(x, k->i);
      if (!e.outs.empty()) return inlined(e);
    }
    return leaf(id);
  }
  // x + 0 (Python's sum() over a list starts at 0)
  if (is(n, {"aten::add", "aten::sub"}) && x >= 0 && arg(n, 1) && !arg(n, 1)->is_node() &&
      constant_of(g_, n.args[1]).value_or(1.0) == 0.0 && g_.at(x).dtype == n.dtype &&
      g_.at(x).rank() == n.rank())
    return inlined(lift(x));
  if (n.op == "aten::add" && x >= 0 && node_arg(n, 1) >= 0 &&
      (!arg(n, 2) || constant_of(g_, n.args[2]).value_or(1.0) == 1.0)) {
    // x + where(c, 0, -inf): the additive form of a boolean mask, an -inf fill where not c
    for (int side = 0; side < 2; ++side) {
      const Node& w = g_.at(node_arg(n, static_cast<size_t>(side)));
      if (!is(w, {"aten::where"}) || node_arg(w, 0) < 0 || !arg(w, 1) || !arg(w, 2)) continue;
      auto t = constant_of(g_, w.args[1]), f = constant_of(g_, w.args[2]);
      if (!t || !f) continue;
      int value = node_arg(n, static_cast<size_t>(1 - side));
      if (*t == 0.0 && std::isinf(*f) && *f < 0) return filled(id, value, node_arg(w, 0), *f, false, w.id);
      if (*f == 0.0 && std::isinf(*t) && *t < 0) return filled(id, value, node_arg(w, 0), *t, true, w.id);
    }
  }
  if (n.op == "aten::add" && x >= 0 && node_arg(n, 1) >= 0 && operand_depth_ == 0)
    return unrolled_sum(id);
  // bool values: negations become a flag on the mask factor
  if (n.dtype == "bool") {
    auto negate = [&](int y) {
      Expr e = lift(y);
      if (e.factors.size() != 1 || !e.factors[0].mask || !e.summed.empty()) return leaf(id, true);
      e.factors[0].negated = !e.factors[0].negated;
      return inlined(e);
    };
    if (x >= 0 && is(n, {"aten::logical_not", "aten::bitwise_not"}) && g_.at(x).dtype == "bool")
      return negate(x);
    if (x >= 0 && is(n, {"aten::eq", "aten::ne"}) && g_.at(x).dtype == "bool" && arg(n, 1) &&
        !arg(n, 1)->is_node()) {
      auto c = constant_of(g_, n.args[1]);
      if (c && (*c == 0.0 || *c == 1.0)) {
        bool flip = (n.op == "aten::eq") == (*c == 0.0);
        if (flip) return negate(x);
        return inlined(lift(x));
      }
    }
    if (x >= 0 && is(n, {"aten::_to_copy", "aten::to"}) && g_.at(x).dtype == "bool")
      return inlined(lift(x));
    return leaf(id, true);
  }
  if (is(n, {"aten::rsub"}) && x >= 0 && arg(n, 1) && constant_of(g_, n.args[1]) == 1.0) {
    Expr e = lift(x);
    if (e.factors.size() == 1 && e.factors[0].mask && e.summed.empty() && e.scale == 1.0) {
      e.factors[0].negated = !e.factors[0].negated;
      return inlined(e);
    }
    return leaf(id);
  }
  if (n.op == "aten::mul" && as_normalize(g_, id)) return leaf(id);  // x * rsqrt(sum(x*x))
  if (n.op == "aten::mul" && arg(n, 1) && arg(n, 1)->is_node() && g_.at(n.args[1].node).tensor &&
      (!n.args[0].is_node() || g_.at(n.args[0].node).scalar)) {
    // scalar * tensor (a traced size times a tensor)
    auto c = constant_of(g_, n.args[0]);
    if (!c || (n.args[0].is_node() && g_.at(n.args[0].node).value_sym)) return leaf(id);
    Expr e = lift(n.args[1].node);
    e.scale *= *c;
    return inlined(e);
  }
  // a softmax spelled exp / sum is the weights, a leaf, also where the sum has one element
  // (a bag without a batch axis: exp(s - max) / sum over every instance)
  if (n.op == "aten::div" && as_softmax(g_, id)) return leaf(id);
  if (is(n, {"aten::mul", "aten::div"}) && x >= 0 && arg(n, 1)) {
    const Arg& b = n.args[1];
    bool div = n.op == "aten::div";
    if (div && arg(n, 2) && arg(n, 2)->kind == Arg::Str) return leaf(id);  // rounding mode
    bool b_is_scalar = !b.is_node() || g_.at(b.node).scalar;
    if (b_is_scalar) {
      auto c = constant_of(g_, b);
      if (!c || (div && *c == 0.0)) return leaf(id);
      if (b.is_node() && g_.at(b.node).value_sym) return leaf(id);
      Expr e = lift(x);
      e.scale = div ? e.scale / *c : e.scale * *c;
      return inlined(e);
    }
    // a one-element factor ([] or [1]: a learned scale) scales the other operand, which
    // stays part of this expression
    bool a_scalar = g_.at(x).one_element(), b_scalar = g_.at(b.node).one_element();
    Expr a = b_scalar ? lift(x) : lift_operand(x);
    if (a.fill.on) return leaf(id);
    Expr other = a_scalar && !div ? lift(b.node) : lift_operand(b.node);
    if (div) {
      // only a one-element divisor stays a factor (a learned temperature)
      bool axes = false;
      for (auto& o : other.outs) axes |= !o.empty();
      if (axes || other.factors.size() != 1 || !other.summed.empty() || other.factors[0].mask)
        return leaf(id);
      other.factors[0].power = -other.factors[0].power;
      other.scale = 1.0 / other.scale;
    }
    if (!merge_product(a, other)) return leaf(id);
    if (static_cast<int>(a.outs.size()) != n.rank()) return leaf(id);
    return inlined(a);
  }
  if (is(n, {"aten::neg"}) && x >= 0) {
    Expr e = lift(x);
    e.scale = -e.scale;
    return inlined(e);
  }
  if (is(n, {"aten::sum", "aten::mean"}) && x >= 0) {
    if (operand_depth_ > 0) return leaf(id);
    Expr e = lift(x);
    if (e.fill.on) return leaf(id);
    int r = static_cast<int>(e.outs.size());
    std::vector<int64_t> dims;
    const Arg* a1 = arg(n, 1);
    bool all = !a1 || a1->kind == Arg::None || (a1->kind == Arg::List && a1->list.empty());
    if (!all && !int_list(a1, dims)) return leaf(id);
    if (all)
      for (int i = 0; i < r; ++i) dims.push_back(i);
    bool keep = !all && bool_arg(n, 2, false);
    std::set<int> ds;
    for (auto d : dims) ds.insert(normalize_dim(d, r));
    std::vector<Idx> outs;
    int64_t count = 1;
    for (int i = 0; i < r; ++i) {
      if (ds.count(i)) {
        for (int v : finest(e.outs[static_cast<size_t>(i)])) {
          e.summed.push_back(v);
          count *= var(v).size;
          if (var(v).sym && n.op == "aten::mean") return leaf(id);
        }
        if (keep) outs.push_back({});
      } else {
        outs.push_back(e.outs[static_cast<size_t>(i)]);
      }
    }
    e.outs = outs;
    if (n.op == "aten::mean") e.scale /= static_cast<double>(count);
    if (static_cast<int>(e.outs.size()) != n.rank()) return leaf(id);
    return inlined(e);
  }
  if (is(n, {"aten::matmul", "aten::mm", "aten::bmm"})) return contraction(id);
  if (n.op == "aten::linear" && (!arg(n, 2) || arg(n, 2)->kind == Arg::None) &&
      node_arg(n, 1) >= 0 && !is(g_.at(node_arg(n, 1)), {"input", "prim::constant_tensor"}))
    return contraction(id, true);  // F.linear(x, w) = x @ w.T, w computed (not a layer's weight)
  if (is(n, {"aten::scaled_dot_product_attention", "prim::getitem"})) {
    auto a = as_sdpa(g_, id);
    if (a && operand_depth_ == 0) return attention(id, *a);
  }
  if (n.op == "aten::einsum") return einsum(id);
  // (masked_fill_ is read as the value it returns: the filled tensor)
  if (is(n, {"aten::masked_fill", "aten::masked_fill_", "aten::where"}) && x >= 0) {
    if (n.op == "aten::where" && as_softmax(g_, id)) return leaf(id);  // a safe softmax
    // masked_fill(v, c, fill) / where(c, v, fill) / where(c, fill, v)
    int value = -1, cond = -1;
    bool fill_where_true = true;
    std::optional<double> fill;
    if (n.op != "aten::where") {
      value = x;
      cond = node_arg(n, 1);
      if (arg(n, 2)) fill = constant_of(g_, n.args[2]);
    } else {
      cond = x;
      const Arg *a = arg(n, 1), *b = arg(n, 2);
      if (!a || !b) return leaf(id);
      auto ca = constant_of(g_, *a), cb = constant_of(g_, *b);
      if (cb && a->is_node() && !ca) {
        value = a->node;
        fill = cb;
        fill_where_true = false;
      } else if (ca && b->is_node() && !cb) {
        value = b->node;
        fill = ca;
      }
    }
    if (value < 0 || cond < 0 || !fill || !g_.at(value).tensor) return leaf(id);
    return filled(id, value, cond, *fill, fill_where_true);
  }
  return leaf(id);
}

// value with `fill` where cond (fill_where_true) or where not cond; `also`: a node of the
// spelling besides `id` (the where of an additive mask).
Expr Ctx::filled(int id, int value, int cond, double fill_value, bool fill_where_true, int also) {
  const Node& n = g_.at(id);
  std::optional<double> fill = fill_value;
  auto inlined = [&](Expr e) {
    e.inlined.push_back(id);
    if (also >= 0) e.inlined.push_back(also);
    return e;
  };
  {
    if (!g_.at(value).tensor) return leaf(id);
    Expr e = lift(value);
    Expr c = lift(cond);
    if (c.factors.size() != 1 || !c.factors[0].mask || !c.summed.empty()) return leaf(id);
    if (!fill_where_true) c.factors[0].negated = !c.factors[0].negated;
    if (*fill == 0.0) {
      // value * (not cond)
      c.factors[0].negated = !c.factors[0].negated;
      if (!merge_product(e, c)) return leaf(id);
      if (static_cast<int>(e.outs.size()) != n.rank()) return leaf(id);
      return inlined(e);
    }
    if (e.fill.on) return leaf(id);
    Expr probe = e;
    if (!merge_product(probe, c)) return leaf(id);
    Factor cf = probe.factors.back();
    probe.factors.pop_back();
    probe.fill.on = true;
    probe.fill.cond = cf;
    probe.fill.value = *fill;
    probe.fill.node = id;
    probe.fill.base = value;
    probe.fill.scale_at_fill = probe.scale;
    {
      const Node& bn = g_.at(value);
      size_t r = probe.outs.size(), rb = static_cast<size_t>(bn.rank());
      for (size_t i = 0; i < rb; ++i) {
        const Dim& dim = bn.shape[i];
        probe.fill.base_dims.push_back(dim.size == 1 && !dim.sym ? Idx{} : probe.outs[r - rb + i]);
      }
    }
    if (static_cast<int>(probe.outs.size()) != n.rank()) return leaf(id);
    return inlined(probe);
  }
  return leaf(id);
}

// out[.., i, e] = Σ_j softmax_j(scale·⟨q_i, k_j⟩ masked)[.., i, j] · v[.., j, e]: the weights
// are a factor of the output node itself; the scores are kept for the patterns.
Expr Ctx::attention(int id, const Sdpa& a) {
  const Node& n = g_.at(id);
  if (a.dropout != 0.0 || a.causal) return leaf(id);
  Expr q = lift_operand(a.q), k = lift_operand(a.k), v = lift_operand(a.v);
  if (q.fill.on || k.fill.on || v.fill.on) return leaf(id);
  size_t r = q.outs.size();
  if (r < 2 || k.outs.size() != r || v.outs.size() != r || n.rank() != static_cast<int>(r))
    return leaf(id);
  for (size_t d = 0; d + 2 < r; ++d) {
    if (!q.outs[d].empty() && !k.outs[d].empty() && !equate(q.outs[d], k.outs[d])) return leaf(id);
    if (!k.outs[d].empty() && !v.outs[d].empty() && !equate(k.outs[d], v.outs[d])) return leaf(id);
  }
  if (!equate(q.outs[r - 1], k.outs[r - 1]) || !equate(k.outs[r - 2], v.outs[r - 2]))
    return leaf(id);
  std::vector<Idx> batch;
  for (size_t d = 0; d + 2 < r; ++d)
    batch.push_back(!q.outs[d].empty() ? q.outs[d] : !k.outs[d].empty() ? k.outs[d] : v.outs[d]);
  Idx i = q.outs[r - 2], j = k.outs[r - 2], kd = q.outs[r - 1];
  int64_t dk = size_of(kd);
  // the scores
  Expr s;
  s.outs = batch;
  s.outs.push_back(i);
  s.outs.push_back(j);
  s.factors = q.factors;
  for (auto& f : k.factors) s.factors.push_back(f);
  s.summed = q.summed;
  for (int x : k.summed) s.summed.push_back(x);
  for (int x : finest(kd)) s.summed.push_back(x);
  s.scale = q.scale * k.scale * a.scale.value_or(1.0 / std::sqrt(static_cast<double>(dk)));
  s.inlined = q.inlined;
  for (int x : k.inlined) s.inlined.push_back(x);
  if (a.mask >= 0) {
    int mask = a.mask;
    bool flip = false;
    Expr m;
    bool read = false;
    if (g_.at(mask).dtype != "bool" && g_.at(mask).op != "aten::where") {
      // a float mask 0 where present, -inf where missing, built as masked_fill(zeros, c, -inf)
      // (nn.MultiheadAttention's key_padding_mask) and viewed / expanded: the bool mask not c
      Expr fm = lift(mask);
      // lifted, that is zeros with an -inf fill where c: the mask is the fill's condition
      if (!fm.fill.on || !fm.summed.empty() || fm.factors.size() != 1 || fm.fill.cond.node < 0 ||
          !(std::isinf(fm.fill.value) && fm.fill.value < 0) ||
          constant_of(g_, Arg::make_node(fm.factors[0].node)) != 0.0)
        return leaf(id);
      m.outs = fm.outs;
      Factor present = fm.fill.cond;
      present.mask = true;
      present.negated = !present.negated;  // the fill is where missing: present where not
      m.factors = {present};
      for (int x : fm.inlined) s.inlined.push_back(x);
      s.inlined.push_back(fm.fill.node);
      read = true;
    } else if (g_.at(mask).dtype != "bool") {
      // a float mask of 0 where present and -inf where missing (where(c, 0, -inf)) is the
      // boolean mask c; any other float mask is an additive bias
      const Node& w = g_.at(mask);
      if (w.op != "aten::where" || w.args.size() < 3 || node_arg(w, 0) < 0) return leaf(id);
      auto t = constant_of(g_, w.args[1]), f = constant_of(g_, w.args[2]);
      if (!t || !f) return leaf(id);
      if (*t == 0.0 && std::isinf(*f) && *f < 0) {
        flip = false;
      } else if (*f == 0.0 && std::isinf(*t) && *t < 0) {
        flip = true;
      } else {
        return leaf(id);
      }
      mask = node_arg(w, 0);
      s.inlined.push_back(a.mask);
    }
    if (!read) m = lift(mask);
    if (flip && m.factors.size() == 1) m.factors[0].negated = !m.factors[0].negated;
    if (m.factors.size() != 1 || !m.factors[0].mask || !m.summed.empty()) return leaf(id);
    Expr probe = s;
    if (!merge_product(probe, m)) return leaf(id);
    Factor cond = probe.factors.back();
    cond.negated = !cond.negated;  // True in attn_mask takes part: fill where not
    s.fill.on = true;
    s.fill.cond = cond;
    s.fill.value = -std::numeric_limits<double>::infinity();
    s.fill.node = a.mask;
    s.fill.scale_at_fill = s.scale;
  }
  sdpa_scores_[id] = s;
  // the output
  Factor w;
  w.node = id;
  w.dims = s.outs;
  Expr e = v;
  e.outs = batch;
  e.outs.push_back(i);
  e.outs.push_back(v.outs[r - 1]);
  e.factors.push_back(w);
  for (int x : finest(j)) e.summed.push_back(x);
  for (int x : a.inlined) e.inlined.push_back(x);
  return e;
}

// ---------------------------------------------------------------- text

std::string Ctx::describe_axes(const std::vector<Idx>& axes) {
  std::ostringstream o;
  o << "[";
  for (size_t i = 0; i < axes.size(); ++i) {
    if (i) o << ",";
    Idx f = finest(axes[i]);
    if (f.empty()) o << "1";
    for (size_t k = 0; k < f.size(); ++k) {
      if (k) o << "*";
      o << "v" << f[k] << ":" << (var(f[k]).sym ? "s" : "") << var(f[k]).size;
    }
  }
  o << "]";
  return o.str();
}

std::string Ctx::describe(const Expr& e) {
  std::ostringstream o;
  o << describe_axes(e.outs) << " = ";
  if (e.scale != 1.0) o << format_number(e.scale) << " * ";
  if (!e.summed.empty()) {
    o << "sum(";
    Idx s = finest(e.summed);
    for (size_t i = 0; i < s.size(); ++i) o << (i ? "," : "") << "v" << s[i];
    o << ") ";
  }
  for (size_t i = 0; i < e.factors.size(); ++i) {
    const Factor& f = e.factors[i];
    if (i) o << " * ";
    if (f.mask) o << (f.negated ? "!" : "") << "mask:";
    if (f.stack.empty()) {
      o << "%" << g_.at(f.node).name;
    } else {
      o << "stack(";
      for (size_t k = 0; k < f.stack.size(); ++k) o << (k ? "," : "") << "%" << g_.at(f.stack[k]).name;
      o << ")";
    }
    if (f.power != 1) o << "^" << f.power;
    o << describe_axes(f.dims);
  }
  if (e.fill.on) {
    o << " | fill " << format_number(e.fill.value) << " where "
      << (e.fill.cond.negated ? "!" : "") << "%" << g_.at(e.fill.cond.node).name
      << describe_axes(e.fill.cond.dims);
  }
  return o.str();
}

}  // namespace cldmdf_compiler
