#include "cldmdf_compiler/fuse.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "cldmdf_compiler/canonical.h"

namespace cldmdf_compiler {

namespace {

std::string num(double v) { return "f" + format_number(v); }
std::string ref(int node) { return "%" + std::to_string(node); }

struct Failed {
  int stage;
  std::string why;
};

// One match's rewrite program, with its temporaries numbered from `base`.
class Program {
 public:
  explicit Program(int base) : next_(base) {}
  std::string emit(const std::string& instr) {
    std::string t = "t" + std::to_string(next_);
    lines_.push_back("t " + std::to_string(next_++) + " " + instr);
    return t;
  }
  void replace(int node, const std::string& value) {
    lines_.push_back("replace " + std::to_string(node) + " " + value);
  }
  int next() const { return next_; }
  const std::vector<std::string>& lines() const { return lines_; }

 private:
  int next_;
  std::vector<std::string> lines_;
};

class Emitter {
 public:
  Emitter(Ctx& c, Program& p, bool runtime) : c_(c), p_(p), runtime_(runtime) {}

  // The size of the variables of one axis, as an argument token.
  std::string size(const Idx& axis) {
    int64_t fixed = 1;
    std::vector<std::string> parts;
    for (int v : c_.finest(axis)) {
      const Var& x = c_.var(v);
      bool at_run_time = x.sym || (runtime_ && x.src.node >= 0);
      if (!at_run_time) {
        fixed *= x.size;
        continue;
      }
      if (x.src.node < 0) throw Failed{90, "a symbolic size has no source to read it from"};
      std::string s = x.src.dim >= 0
                          ? p_.emit("size " + ref(x.src.node) + " i" + std::to_string(x.src.dim))
                          : ref(x.src.node);
      if (x.src.div != 1) s = p_.emit("floordiv " + s + " i" + std::to_string(x.src.div));
      parts.push_back(s);
    }
    if (parts.empty()) return "i" + std::to_string(fixed);
    std::string r = parts[0];
    for (size_t i = 1; i < parts.size(); ++i) r = p_.emit("imul " + r + " " + parts[i]);
    if (fixed != 1) r = p_.emit("imul " + r + " i" + std::to_string(fixed));
    return r;
  }

  // A factor as a tensor: its node, or the stack of its separate tensors (dims[0] new)
  std::string value(const Factor& f) {
    if (f.stack.empty()) return ref(f.node);
    std::string s = "stack [";
    for (int n : f.stack) s += " " + ref(n);
    return p_.emit(s + " ] i0");
  }

  std::string sizes(const std::vector<Idx>& axes) {
    std::string s = "[";
    for (auto& a : axes) s += " " + size(a);
    return s + " ]";
  }

  // Lays out `value` (its dims indexed by `dims`) as a tensor with the axes `target`.
  std::string layout(const std::string& value, const std::vector<Idx>& dims,
                     const std::vector<Idx>& target, const std::string& what) {
    Idx src;
    bool atomic = true;
    for (auto& d : dims) {
      Idx f = c_.finest(d);
      if (f.size() != 1) atomic = false;
      for (int v : f) src.push_back(v);
    }
    Idx tgt = c_.finest_all(target);
    std::set<int> in_src(src.begin(), src.end()), in_tgt(tgt.begin(), tgt.end());
    if (in_src.size() != src.size())
      throw Failed{80, what + ": one index appears twice (a diagonal)"};
    for (int v : src)
      if (!in_tgt.count(v))
        throw Failed{80, what + " varies along an axis the operator's argument does not have"};
    std::string cur = value;
    if (!atomic) {
      std::vector<Idx> atoms;
      for (int v : src) atoms.push_back({v});
      cur = p_.emit("reshape " + cur + " " + sizes(atoms));
    }
    Idx order;
    for (int v : tgt)
      if (in_src.count(v)) order.push_back(v);
    std::vector<int> perm;
    bool identity = true;
    for (size_t i = 0; i < order.size(); ++i) {
      int k = static_cast<int>(std::find(src.begin(), src.end(), order[i]) - src.begin());
      perm.push_back(k);
      identity &= k == static_cast<int>(i);
    }
    if (!identity) {
      std::string s = "permute " + cur + " [";
      for (int k : perm) s += " i" + std::to_string(k);
      cur = p_.emit(s + " ]");
    }
    bool broadcast = order.size() != tgt.size();
    if (broadcast) {
      std::vector<Idx> with_ones, full;
      for (int v : tgt) {
        with_ones.push_back(in_src.count(v) ? Idx{v} : Idx{});
        full.push_back({v});
      }
      cur = p_.emit("reshape " + cur + " " + sizes(with_ones));
      cur = p_.emit("expand " + cur + " " + sizes(full));
    }
    bool grouped = true;
    for (auto& a : target) grouped &= c_.finest(a).size() == 1;
    if (!grouped) cur = p_.emit("reshape " + cur + " " + sizes(target));
    return cur;
  }

 private:
  Ctx& c_;
  Program& p_;
  bool runtime_;
};

struct Match {
  std::string pattern;
  int anchor = -1;
  std::string detail;
  std::vector<std::string> lines;
  std::set<int> covered;   // nodes of the stock computation this match takes over
  std::vector<int> softmaxes;
  std::string canon;
};

using IdSet = std::set<int>;

IdSet as_set(const Idx& v) { return IdSet(v.begin(), v.end()); }

std::string dims_text(Ctx& c, const Idx& v) {
  std::ostringstream o;
  for (size_t i = 0; i < v.size(); ++i) o << (i ? "*" : "") << c.var(v[i]).size;
  return v.empty() ? "1" : o.str();
}

// A factor indexed by no variable: a learned scalar, of shape [] or [1] (...).
bool no_axes(const Factor& f) {
  for (auto& d : f.dims)
    if (!d.empty()) return false;
  return true;
}

const Factor* find_factor(const Expr& e, int node) {
  const Factor* found = nullptr;
  for (auto& f : e.factors)
    if (f.node == node && !f.mask) {
      if (found) return nullptr;
      found = &f;
    }
  return found;
}

void equate_dims(Ctx& c, const std::vector<Idx>& a, const std::vector<Idx>& b) {
  if (a.size() != b.size()) throw Failed{40, "logits and weights differ in rank"};
  for (size_t d = 0; d < a.size(); ++d) {
    if (a[d].empty() || b[d].empty()) continue;
    if (!c.equate(a[d], b[d])) throw Failed{40, "logits and weights are laid out differently"};
  }
}

// Walks mul/div by constants down from `node`; returns the base and the factor.
int strip_scale(const Graph& g, int node, double& scale) {
  scale = 1.0;
  while (true) {
    const Node& n = g.at(node);
    if ((n.op == "aten::mul" || n.op == "aten::div") && n.args.size() >= 2 &&
        n.args[0].is_node() && (!n.args[1].is_node() || g.at(n.args[1].node).scalar)) {
      if (n.op == "aten::div" && n.args.size() > 2 && n.args[2].kind == Arg::Str) break;
      auto c = constant_of(g, n.args[1]);
      if (!c || *c == 0.0) break;
      if (n.args[1].is_node() && g.at(n.args[1].node).value_sym) break;
      scale = n.op == "aten::mul" ? scale * *c : scale / *c;
      node = n.args[0].node;
      continue;
    }
    break;
  }
  return node;
}

// A node whose value is read (dead code left in a graph is not a use).
bool is_live(const Graph& g, int node) {
  const Node& n = g.at(node);
  return n.is_output || !n.users.empty() || n.op.back() == '_';
}

struct MaskInfo {
  bool on = false;
  Factor present;  // a mask factor that is 1 where present
  std::string form = "none";
};

bool same_mask(Ctx& c, const Factor& a, const Factor& b) {
  return a.node == b.node && a.negated == b.negated &&
         c.finest_all(a.dims) == c.finest_all(b.dims);
}

// The mask of a softmax's logits: an -inf fill, or a mask applied to exp.
MaskInfo softmax_mask(Ctx& c, const Softmax& s, const Expr& logits, const Factor& weights,
                      bool finite_fill_is_logits) {
  MaskInfo m;
  if (s.masked_exp >= 0) {
    Expr e = c.lift(s.masked_exp);
    equate_dims(c, e.outs, weights.dims);
    const Factor* mf = nullptr;
    for (auto& f : e.factors)
      if (f.mask) mf = &f;
    if (!mf || e.factors.size() != 2) throw Failed{40, "the mask on exp is not a plain mask"};
    m.on = true;
    m.present = *mf;
    m.form = "exp*mask/sum";
  }
  if (logits.fill.on) {
    double v = logits.fill.value;
    if (std::isinf(v) && v < 0) {
      Factor p = logits.fill.cond;
      p.negated = !p.negated;
      if (m.on && !same_mask(c, m.present, p))
        throw Failed{45, "two different masks on one softmax"};
      m.on = true;
      m.present = p;
      m.form = "masked_fill(-inf)";
    } else if (!finite_fill_is_logits) {
      throw Failed{45, "a finite fill (" + format_number(v) +
                           ") on the scores: rows with nothing present would get uniform "
                           "weights from the stock code and 0 from the operator"};
    } else if (!m.on) {
      m.form = "fill " + format_number(v) + " (part of the logits, mask=None)";
    }
  }
  return m;
}

void check_masks_absorbed(Ctx& c, const Expr& e, const MaskInfo& m, std::string& form) {
  for (auto& f : e.factors) {
    if (!f.mask) continue;
    if (!m.on) throw Failed{50, "a mask multiplies the weights or values, but the softmax is not masked"};
    if (!same_mask(c, f, m.present))
      throw Failed{50, "a mask on the weights or values differs from the softmax's mask"};
    form += " + re-applied";
  }
}

void check_float(const Graph& g, int node, const std::string& dtype, const std::string& what) {
  const Node& n = g.at(node);
  if (!n.floating()) throw Failed{60, what + ": dtype " + n.dtype + " is not floating"};
  if (n.dtype != dtype) throw Failed{60, what + ": dtype " + n.dtype + ", not " + dtype};
}

// The softmax's weights as a factor of `e`, summed over the softmax axis and only that:
// returns the axis's variable (and the factor in w).
int weighted_sum_axis(Ctx& c, const Expr& e, const Softmax& s, const Factor*& w) {
  if (e.fill.on) throw Failed{1, "the result is filled after the sum"};
  w = find_factor(e, s.node);
  if (!w) throw Failed{1, "the softmax is not a factor of a sum"};
  if (!e.fixed.empty()) throw Failed{2, "the weighted sum reads one slice of the weights"};
  Idx axis = c.finest(w->dims[static_cast<size_t>(s.dim)]);
  if (axis.size() != 1) throw Failed{2, "the softmax runs over a merged axis"};
  Idx summed = c.finest(e.summed);
  if (std::find(summed.begin(), summed.end(), axis[0]) == summed.end())
    throw Failed{2, "the softmax axis is not summed over (no weighted sum)"};
  if (summed.size() != 1) throw Failed{3, "the sum also runs over another axis"};
  return axis[0];
}

// The one tensor the weights multiply in a weighted sum (masks aside), or null; `what` names
// the result in the reasons.
const Factor* weighted_values(const Graph& g, const Expr& e, const Factor* w, const std::string& what) {
  const Factor* h = nullptr;
  for (auto& f : e.factors) {
    if (&f == w || f.mask) continue;
    if (no_axes(f)) throw Failed{3, "a learned scalar multiplies " + what};
    if (h) throw Failed{3, "more than one value tensor is weighted (" + g.at(h->node).name +
                               ", " + g.at(f.node).name + ")"};
    h = &f;
  }
  return h;
}

// The cost rule for a softmax and weighted sum under Inductor (`detail`: what was bound).
void inductor_weighted_sum_rule(const Options& opt, const std::string& detail) {
  if (opt.cost_rule && opt.ir == "inductor")
    throw Failed{70, "cost rule: Inductor fuses this softmax and weighted sum itself; the "
                     "operator measured slower than plain torch.compile (benchmarks/README.md) [" +
                     detail + "]"};
}

// ---------------------------------------------------------------- adaptive fusion

Match adaptive_fusion(const Graph& g, const Softmax& s, int anchor, const Options& opt,
                      int temp_base) {
  Ctx c(g);
  Expr e = c.lift(anchor);
  Match m;
  m.pattern = "adaptive_fusion";
  m.anchor = anchor;
  m.canon = c.describe(e);
  const Factor* w = nullptr;
  int mv = weighted_sum_axis(c, e, s, w);
  const Factor* h = weighted_values(g, e, w, "the fused result");
  if (!h) throw Failed{3, "no values are weighted by the softmax"};
  if (as_softmax(g, h->node)) throw Failed{3, "the values are themselves a softmax"};
  Idx vh = c.finest_all(h->dims), vw = c.finest_all(w->dims);
  IdSet VH = as_set(vh), VW = as_set(vw);
  if (!VH.count(mv)) throw Failed{3, "the values are not indexed by the softmax axis"};
  for (int v : vw)
    if (!VH.count(v)) throw Failed{4, "the weights vary along an axis the values do not have"};
  // the feature axis: the innermost dim of the values that is not the modality axis
  IdSet F;
  for (int d = static_cast<int>(h->dims.size()) - 1; d >= 0 && F.empty(); --d)
    for (int v : c.finest(h->dims[static_cast<size_t>(d)]))
      if (v != mv) F.insert(v);
  if (F.empty()) throw Failed{4, "the values have no feature axis"};
  for (int v : vh)
    if (v != mv && !VW.count(v)) F.insert(v);
  Idx groups, within, batch;
  for (int v : vh) {
    if (v == mv) continue;
    if (F.count(v)) (VW.count(v) ? groups : within).push_back(v);
    else batch.push_back(v);
  }
  Idx feat = groups;
  feat.insert(feat.end(), within.begin(), within.end());
  IdSet outs = as_set(c.finest_all(e.outs));
  IdSet expect(batch.begin(), batch.end());
  expect.insert(feat.begin(), feat.end());
  if (outs != expect) throw Failed{4, "the result is broadcast along an axis no input has"};
  // the logits and the mask
  Expr logits = c.lift(s.input);
  equate_dims(c, logits.outs, w->dims);
  MaskInfo mask = softmax_mask(c, s, logits, *w, true);
  if (logits.fill.on && !mask.on && logits.fill.value <= -1e4) {
    // a large negative fill, then the same mask on the weights: the masked softmax (the
    // fill's exp is exactly 0 beside any present logit; rows with nothing present get
    // uniform weights times 0 from the stock code, 0 from the operator)
    Factor present = logits.fill.cond;
    present.negated = !present.negated;
    for (auto& f : e.factors)
      if (f.mask && same_mask(c, f, present)) {
        mask.on = true;
        mask.present = present;
        mask.form = "masked_fill(" + format_number(logits.fill.value) + ")";
      }
  }
  int gate = s.input;
  std::vector<Idx> gate_dims = w->dims;
  double temperature = 1.0;
  if (logits.fill.on && mask.on && mask.form.rfind("masked_fill(", 0) == 0) {
    double post = logits.scale / logits.fill.scale_at_fill;
    if (!(post > 0) || !std::isfinite(post))
      throw Failed{45, "the -inf-filled logits are scaled by " + format_number(post)};
    gate = logits.fill.base;
    gate_dims = logits.fill.base_dims;
    temperature = 1.0 / post;
  } else if (!logits.fill.on) {
    double scale = 1.0;
    int base = strip_scale(g, s.input, scale);
    if (scale > 0 && std::isfinite(scale) && base != s.input) {
      gate = base;
      temperature = 1.0 / scale;
    }
  }
  if (mask.on)
    for (int v : c.finest_all(mask.present.dims))
      if (v != mv && std::find(batch.begin(), batch.end(), v) == batch.end())
        throw Failed{46, "the mask varies along the feature axis"};
  std::string form = mask.form;
  check_masks_absorbed(c, e, mask, form);
  const std::string dtype = g.at(h->node).dtype;
  check_float(g, h->node, dtype, "values");
  check_float(g, gate, dtype, "gate logits");
  check_float(g, anchor, dtype, "the stock result");
  if (!(temperature > 0) || !std::isfinite(temperature))
    throw Failed{60, "temperature " + format_number(temperature) + " is not > 0"};
  int64_t G = c.size_of(groups), D = c.size_of(feat), M = c.var(mv).size;
  std::ostringstream detail;
  detail << "M=" << M << " D=" << D << " G=" << G << " B=" << dims_text(c, batch)
         << " softmax=" << s.spelling << "(dim " << s.dim << ") mask=" << form
         << " temperature=" << format_number(temperature);
  m.detail = detail.str();
  inductor_weighted_sum_rule(opt, m.detail);
  if (opt.cost_rule && c.size_of(batch) == 1 && M >= 256)
    throw Failed{70, "cost rule: one bag of many instances; the operator works sample by sample "
                     "and measured slower than the stock matrix product (benchmarks/README.md) [" +
                     m.detail + "]"};
  Program p(temp_base);
  Emitter em(c, p, opt.runtime_sizes);
  Idx mvi{mv};
  std::string hv = em.layout(em.value(*h), h->dims, {batch, mvi, feat}, "the values");
  std::string gl = em.layout(ref(gate), gate_dims, {batch, mvi, groups}, "the gate logits");
  std::string mk = "_";
  if (mask.on) {
    mk = em.layout(ref(mask.present.node), mask.present.dims, {batch, mvi}, "the mask");
    if (mask.present.negated) mk = p.emit("not " + mk);
  }
  // the weights are asked for only where the stock code reads them (need_weights)
  IdSet inside(e.inlined.begin(), e.inlined.end());
  const Node& sn = g.at(s.node);
  bool used_outside = sn.is_output;
  for (int u : sn.users) used_outside |= !inside.count(u) && is_live(g, u);
  std::string r = p.emit("op adaptive_fusion " + hv + " " + gl + " " + mk + " " + num(temperature) +
                         (used_outside ? " b1" : " b0"));
  std::string fused = p.emit("getitem " + r + " i0");
  std::string out = em.layout(fused, {batch, feat}, e.outs, "the result");
  if (e.scale != 1.0) out = p.emit("mul " + out + " " + num(e.scale));
  if (used_outside) {
    std::string wt = p.emit("getitem " + r + " i1");
    p.replace(s.node, em.layout(wt, {batch, mvi, groups}, w->dims, "the weights"));
    m.detail += " weights=reused";
  }
  p.replace(anchor, out);
  m.lines = p.lines();
  m.covered.insert(e.inlined.begin(), e.inlined.end());
  m.covered.insert(s.inlined.begin(), s.inlined.end());
  m.softmaxes = {s.node};
  return m;
}

// ---------------------------------------------------------------- dual attention

Match dual_attention(const Graph& g, const Softmax& s, int anchor, const Options& opt,
                     int temp_base) {
  Ctx c(g);
  Expr e = c.lift(anchor);
  Match m;
  m.pattern = "dual_attention";
  m.anchor = anchor;
  m.canon = c.describe(e);
  const Factor* w = nullptr;
  int jv = weighted_sum_axis(c, e, s, w);
  const Factor *fw = nullptr, *x = nullptr;
  std::optional<Softmax> sf;
  for (auto& f : e.factors) {
    if (&f == w || f.mask) continue;
    if (no_axes(f)) throw Failed{3, "a learned scalar multiplies the attention output"};
    auto as = as_softmax(g, f.node);
    if (as && !fw) {
      fw = &f;
      sf = as;
    } else if (!x) {
      x = &f;
    } else {
      throw Failed{3, "more than two tensors multiply the attention weights"};
    }
  }
  if (!x) throw Failed{3, "no values are weighted by the attention"};
  if (!fw) throw Failed{3, "no feature-level softmax gates the values (modality attention only)"};
  Idx vx = c.finest_all(x->dims);
  IdSet VX = as_set(vx), VF = as_set(c.finest_all(fw->dims)), VW = as_set(c.finest_all(w->dims));
  if (VX != VF) throw Failed{4, "the feature weights and the values are indexed differently"};
  if (!VX.count(jv)) throw Failed{4, "the values are not indexed by the attention axis"};
  Idx fv = c.finest(fw->dims[static_cast<size_t>(sf->dim)]);
  IdSet F = as_set(fv);
  if (F.count(jv)) throw Failed{4, "the feature softmax runs over the modality axis"};
  Idx heads, within;
  for (int v : fv) (VW.count(v) ? heads : within).push_back(v);
  Idx rows;
  for (int v : c.finest_all(w->dims))
    if (!VX.count(v)) rows.push_back(v);
  if (rows.size() != 1) throw Failed{4, "the attention weights have no single query-modality axis"};
  int iv = rows[0];
  if (c.var(iv).size != c.var(jv).size || c.var(iv).sym != c.var(jv).sym)
    throw Failed{4, "queries and keys range over different modalities (cross-attention)"};
  Idx batch;
  for (int v : vx)
    if (v != jv && !F.count(v)) batch.push_back(v);
  for (int v : c.finest_all(w->dims))
    if (v != iv && v != jv && !F.count(v) &&
        std::find(batch.begin(), batch.end(), v) == batch.end())
      throw Failed{4, "the attention weights vary along an axis the values do not have"};
  Idx feat = heads;
  feat.insert(feat.end(), within.begin(), within.end());
  {
    IdSet outs = as_set(c.finest_all(e.outs)), expect(batch.begin(), batch.end());
    expect.insert(iv);
    expect.insert(feat.begin(), feat.end());
    if (outs != expect) throw Failed{4, "the result's axes are not (batch, modality, features)"};
  }
  // the scores
  Expr sc;
  if (s.sdpa) {
    const Expr* scores = c.sdpa_scores(s.node);
    if (!scores) throw Failed{40, "the attention's scores could not be read"};
    sc = *scores;
  } else {
    sc = c.lift(s.input);
  }
  equate_dims(c, sc.outs, w->dims);
  MaskInfo mask = softmax_mask(c, s, sc, *w, false);
  double scale = sc.scale;
  if (sc.fill.on) {
    double post = sc.scale / sc.fill.scale_at_fill;
    if (!(post > 0)) throw Failed{45, "the -inf-filled scores are scaled by a non-positive factor"};
  }
  const Factor *q = nullptr, *k = nullptr;
  std::vector<const Factor*> scalars;
  for (auto& f : sc.factors) {
    if (f.mask) throw Failed{41, "the scores are multiplied by a mask"};
    if (no_axes(f)) {
      scalars.push_back(&f);
      continue;
    }
    IdSet vs = as_set(c.finest_all(f.dims));
    bool has_i = vs.count(iv), has_j = vs.count(jv);
    if (has_i && !has_j && !q) q = &f;
    else if (has_j && !has_i && !k) k = &f;
    else throw Failed{41, "the scores are not a product of queries and keys (" +
                              g.at(f.node).name + ")"};
  }
  if (!q || !k) {
    if (sc.factors.size() == 1 && sc.summed.empty())
      throw Failed{41, "the scores are not a query-key contraction (" +
                           g.at(sc.factors[0].node).op + ": a bias or additive mask?)"};
    throw Failed{41, "the scores are not a query-key contraction"};
  }
  Idx kv = c.finest(sc.summed);
  IdSet KV = as_set(kv);
  for (int v : kv)
    if (!as_set(c.finest_all(q->dims)).count(v) || !as_set(c.finest_all(k->dims)).count(v))
      throw Failed{42, "the scores sum over an axis of only one of queries and keys"};
  IdSet allowed_q(batch.begin(), batch.end());
  allowed_q.insert(heads.begin(), heads.end());
  allowed_q.insert(kv.begin(), kv.end());
  IdSet allowed_k = allowed_q;
  allowed_q.insert(iv);
  allowed_k.insert(jv);
  for (int v : c.finest_all(q->dims))
    if (!allowed_q.count(v)) throw Failed{42, "the queries vary along an unexpected axis"};
  for (int v : c.finest_all(k->dims))
    if (!allowed_k.count(v)) throw Failed{42, "the keys vary along an unexpected axis"};
  if (kv.empty()) throw Failed{42, "the scores do not contract a key axis"};
  Idx kdim = heads;
  kdim.insert(kdim.end(), kv.begin(), kv.end());
  int64_t dk = c.size_of(kv);
  double query_scale = scale * std::sqrt(static_cast<double>(dk));
  if (mask.on)
    for (int v : c.finest_all(mask.present.dims))
      if (v != jv && std::find(batch.begin(), batch.end(), v) == batch.end())
        throw Failed{46, "the mask varies along another axis than the key modality and batch"};
  std::string form = mask.form;
  check_masks_absorbed(c, e, mask, form);
  // the feature softmax
  Expr fl = c.lift(sf->input);
  equate_dims(c, fl.outs, fw->dims);
  if (fl.fill.on || sf->masked_exp >= 0) throw Failed{47, "the feature softmax is masked"};
  double fscale = 1.0;
  int feat_logits = strip_scale(g, sf->input, fscale);
  if (!(fscale > 0) || !std::isfinite(fscale)) {
    feat_logits = sf->input;
    fscale = 1.0;
  }
  const std::string dtype = g.at(x->node).dtype;
  check_float(g, x->node, dtype, "values");
  check_float(g, feat_logits, dtype, "feature logits");
  check_float(g, q->node, dtype, "queries");
  check_float(g, k->node, dtype, "keys");
  check_float(g, anchor, dtype, "the stock result");
  for (auto* f : scalars) check_float(g, f->node, dtype, "the learned score scale");
  int64_t H = c.size_of(heads), D = c.size_of(feat), M = c.var(jv).size;
  double out_scale = e.scale / static_cast<double>(D);
  std::ostringstream detail;
  detail << "M=" << M << " D=" << D << " H=" << H << " d_k=" << dk
         << " B=" << dims_text(c, batch) << " softmax=" << s.spelling << "(dim " << s.dim
         << ") mask=" << form << " feat_temperature=" << format_number(1.0 / fscale);
  if (std::fabs(query_scale - 1.0) > 1e-12) detail << " query_prescale=" << format_number(query_scale);
  if (!scalars.empty()) detail << " learned_score_scale";
  if (std::fabs(out_scale - 1.0) > 1e-12) detail << " value_scale=" << format_number(e.scale);
  m.detail = detail.str();
  if (opt.cost_rule && opt.ir == "inductor" && H == 1)
    throw Failed{70, "cost rule: a single head is cheaper as Inductor's own fusion than the "
                     "operator (measured, benchmarks/README.md) [" + m.detail + "]"};
  Program p(temp_base);
  Emitter em(c, p, opt.runtime_sizes);
  Idx ivi{iv}, jvi{jv};
  std::string xv = em.layout(em.value(*x), x->dims, {batch, jvi, feat}, "the values");
  std::string fv_ = em.layout(ref(feat_logits), fw->dims, {batch, jvi, feat}, "the feature logits");
  std::string qv = em.layout(em.value(*q), q->dims, {batch, ivi, kdim}, "the queries");
  std::string kvv = em.layout(em.value(*k), k->dims, {batch, jvi, kdim}, "the keys");
  if (std::fabs(query_scale - 1.0) > 1e-12) qv = p.emit("mul " + qv + " " + num(query_scale));
  for (auto* f : scalars)
    qv = p.emit(std::string(f->power > 0 ? "mul " : "div ") + qv + " " + ref(f->node));
  std::string mk = "_";
  if (mask.on) {
    mk = em.layout(ref(mask.present.node), mask.present.dims, {batch, jvi}, "the mask");
    if (mask.present.negated) mk = p.emit("not " + mk);
  }
  IdSet inside(e.inlined.begin(), e.inlined.end());
  auto outside = [&](int node) {
    const Node& n = g.at(node);
    bool o2 = n.is_output;
    for (int u : n.users) o2 |= !inside.count(u) && is_live(g, u);
    return o2;
  };
  const bool need_weights = outside(s.node) || outside(sf->node);
  std::string r = p.emit("op dual_attention " + xv + " " + fv_ + " " + qv + " " + kvv + " " + mk +
                         " i" + std::to_string(H) + " " + num(1.0 / fscale) +
                         (need_weights ? " b1" : " b0"));
  std::string o = p.emit("getitem " + r + " i0");
  std::string out = em.layout(o, {batch, ivi, feat}, e.outs, "the result");
  if (std::fabs(out_scale - 1.0) > 1e-12) out = p.emit("mul " + out + " " + num(out_scale));
  if (outside(s.node)) {
    std::string wt = p.emit("getitem " + r + " i2");
    p.replace(s.node, em.layout(wt, {batch, heads, ivi, jvi}, w->dims, "the attention weights"));
    m.detail += " mod_weights=reused";
  }
  if (outside(sf->node)) {
    std::string wt = p.emit("getitem " + r + " i1");
    p.replace(sf->node, em.layout(wt, {batch, jvi, feat}, fw->dims, "the feature weights"));
    m.detail += " feat_weights=reused";
  }
  p.replace(anchor, out);
  m.lines = p.lines();
  m.covered.insert(e.inlined.begin(), e.inlined.end());
  m.covered.insert(sc.inlined.begin(), sc.inlined.end());
  m.covered.insert(s.inlined.begin(), s.inlined.end());
  m.covered.insert(sf->inlined.begin(), sf->inlined.end());
  m.softmaxes = {s.node, sf->node};
  return m;
}

// ---------------------------------------------------------------- centroid loss

int strip(const Graph& g, int id, std::initializer_list<const char*> ops) {
  while (id >= 0) {
    const Node& n = g.at(id);
    bool hit = false;
    for (const char* op : ops) hit |= n.op == op;
    if (!hit || n.args.empty() || !n.args[0].is_node()) break;
    id = n.args[0].node;
  }
  return id;
}

// The inverse indices of torch.unique(entity, return_inverse=True): returns unique's node.
int unique_of_inverse(const Graph& g, int id) {
  id = strip(g, id, {"aten::detach", "aten::contiguous", "aten::clone", "aten::alias"});
  const Node& n = g.at(id);
  if (n.op != "prim::getitem" || n.args.size() < 2 || n.args[1].i != 1 || !n.args[0].is_node())
    return -1;
  const Node& u = g.at(n.args[0].node);
  if (u.op != "aten::_unique2" && u.op != "aten::unique") return -1;
  return u.id;
}

// A node that holds the number of distinct entities: size(unique values, 0).
bool is_entity_count(const Graph& g, const Arg& a, int unique) {
  if (!a.is_node()) return false;
  // a traced size: Int(NumToTensor(size(values, 0)))
  int id = strip(g, a.node, {"aten::Int", "prim::NumToTensor", "aten::ScalarImplicit"});
  const Node& n = g.at(id);
  auto unique_values = [&](const Arg& v) {
    if (!v.is_node()) return false;
    const Node& u = g.at(v.node);
    return u.op == "prim::getitem" && u.args[0].is_node() && u.args[0].node == unique &&
           u.args[1].i == 0;
  };
  if ((n.op == "aten::numel" || n.op == "aten::sym_numel") && !n.args.empty() && unique_values(n.args[0])) return true;
  // a number computed from that size, equal to it (Inductor: floordiv(u0 - 0 + 1 - 1, 1)):
  // unbacked sizes stand for themselves by a value no other size has (the adapters' stand-ins)
  if (n.scalar && n.value_sym) {
    for (int u : g.at(unique).users) {
      const Node& v = g.at(u);
      if (unique_values(Arg::make_node(u)) && v.rank() == 1 && v.shape[0].sym &&
          !v.shape[0].expr.empty() && v.shape[0].expr[0] == 'u' && v.shape[0].size == n.value)
        return true;
    }
  }
  // TorchScript: size(values)[0]
  if (n.op == "aten::__getitem__" && n.args.size() >= 2 && n.args[0].is_node() &&
      n.args[1].kind == Arg::Int && n.args[1].i == 0) {
    const Node& sz = g.at(n.args[0].node);
    return sz.op == "aten::size" && sz.args.size() == 1 && unique_values(sz.args[0]);
  }
  if ((n.op == "aten::size" || n.op == "aten::sym_size") && n.args.size() >= 2 &&
      n.args[0].is_node() && n.args[1].kind == Arg::Int && n.args[1].i == 0) {
    const Node& v = g.at(n.args[0].node);
    return v.op == "prim::getitem" && v.args[0].is_node() && v.args[0].node == unique &&
           v.args[1].i == 0;
  }
  return false;
}

Match centroid_loss(const Graph& g, int loss, int temp_base) {
  Match m;
  m.pattern = "centroid_contrastive_loss";
  m.anchor = loss;
  std::string why;
  auto form = as_loss(g, loss, &why);
  if (!form) throw Failed{why.empty() ? 0 : 5, why.empty() ? "not a loss" : why};
  int logits = form->logits, target = form->target;
  int64_t reduction = form->reduction;
  std::vector<int> covered = form->inlined;
  if (g.at(logits).rank() != 2) throw Failed{1, "the logits are not [points, classes]"};
  // a bias added to every logit of a row cancels
  int scored = logits;
  const Node& top = g.at(logits);
  auto one_value = [&](const Arg& a) {  // a number, or a tensor of one element
    if (!a.is_node()) return a.is_number();
    const Node& b = g.at(a.node);
    return b.tensor ? b.one_element() : b.scalar;
  };
  if (top.op == "aten::add" && top.args.size() >= 2 && top.args[0].is_node() &&
      one_value(top.args[1]) && (top.args.size() < 3 || !top.args[2].is_node())) {
    scored = top.args[0].node;
    covered.push_back(logits);
  }
  Ctx c(g);
  Expr e = c.lift(scored);
  m.canon = c.describe(e);
  std::vector<const Factor*> plain, scalars;
  for (auto& f : e.factors) {
    if (f.mask) throw Failed{2, "the logits are masked"};
    (no_axes(f) ? scalars : plain).push_back(&f);
  }
  int z = -1, sums = -1, zpoint = -1;  // the points, the centroid sums, the scored points
  std::vector<int> normalised;         // the normalisations the match covers
  const Node& cs = g.at(plain.empty() ? scored : plain[0]->node);
  if (plain.size() == 1 && cs.op == "aten::cosine_similarity" && c.finest(e.summed).empty() &&
      e.outs.size() == 2 && !e.fill.on) {
    // cosine_similarity(z[:, None], S[None], dim=-1): <normalize(z), normalize(S)> (GE2E)
    int a = cs.args.size() > 1 && cs.args[0].is_node() ? cs.args[0].node : -1;
    int b = cs.args.size() > 1 && cs.args[1].is_node() ? cs.args[1].node : -1;
    if (a < 0 || b < 0 || cs.rank() != 2 || g.at(a).rank() != 3 || g.at(b).rank() != 3 ||
        cs.args.size() < 3 || cs.args[2].kind != Arg::Int || normalize_dim(cs.args[2].i, 3) != 2 ||
        g.at(a).shape[1].size != 1 || g.at(a).shape[1].sym || g.at(b).shape[0].size != 1 ||
        g.at(b).shape[0].sym)
      throw Failed{2, "the cosines are not of each point against each centroid"};
    zpoint = strip_views_and_full_slices(g, a);
    int sb = strip_views_and_full_slices(g, b);
    if (g.at(zpoint).rank() != 2 || g.at(sb).rank() != 2)
      throw Failed{2, "the cosines are not of each point against each centroid"};
    auto nz = as_normalize(g, zpoint);
    z = nz && nz->dim == 1 ? nz->input : zpoint;
    if (nz && nz->dim == 1) normalised.insert(normalised.end(), nz->inlined.begin(), nz->inlined.end());
    else zpoint = -1;  // raw points: their sums must be of the normalised points
    auto nc = as_normalize(g, sb);
    sums = nc && nc->dim == 1 ? nc->input : sb;
    if (nc && nc->dim == 1) normalised.insert(normalised.end(), nc->inlined.begin(), nc->inlined.end());
    if (g.at(sums).op == "input")
      throw Failed{3, "the centroids are not computed from the batch (a buffer or parameter: "
                      "a memory bank, k-means or learned prototypes)"};
    covered.push_back(cs.id);
    for (int x : {a, b}) covered.push_back(x);
  } else {
    if (e.fill.on || plain.size() != 2 || c.finest(e.summed).size() != 1 || e.outs.size() != 2)
      throw Failed{2, "the logits are not a scaled dot product of points and centroids" +
                          std::string(plain.size() == 1 ? " (" + g.at(plain[0]->node).op + ")" : "")};
    Idx nv = c.finest(e.outs[0]), uv = c.finest(e.outs[1]);
    if (nv.size() != 1 || uv.size() != 1) throw Failed{2, "the logits' axes are merged"};
    int pv = c.finest(e.summed)[0];
    const Factor *zf = nullptr, *cf = nullptr;
    for (auto* f : plain) {
      IdSet vs = as_set(c.finest_all(f->dims));
      if (vs == IdSet{nv[0], pv}) zf = f;
      else if (vs == IdSet{uv[0], pv}) cf = f;
    }
    if (!zf || !cf) throw Failed{2, "the logits are not points against centroids"};
    auto nz = as_normalize(g, zf->node);
    if (!nz) throw Failed{3, "the points are not normalised (" + g.at(zf->node).op + ")"};
    auto nc = as_normalize(g, cf->node);
    if (!nc && g.at(cf->node).op == "input")
      throw Failed{3, "the centroids are not computed from the batch (a buffer or parameter: "
                      "a memory bank, k-means or learned prototypes)"};
    if (!nc) throw Failed{3, "the centroids are not normalised (" + g.at(cf->node).op + ")"};
    if (c.finest(zf->dims[static_cast<size_t>(nz->dim)]) != Idx{pv} ||
        c.finest(cf->dims[static_cast<size_t>(nc->dim)]) != Idx{pv})
      throw Failed{3, "the normalisation is not over the feature axis"};
    z = nz->input;
    zpoint = zf->node;
    sums = nc->input;
    normalised.insert(normalised.end(), nc->inlined.begin(), nc->inlined.end());
    normalised.insert(normalised.end(), nz->inlined.begin(), nz->inlined.end());
  }
  if (g.at(z).rank() != 2) throw Failed{3, "the points are not [N, P]"};
  // centroid sums: Σ over the points of each entity, of the normalised points; the class
  // means S / counts normalise to the same centroids (a positive scale per row cancels)
  int counted_by = -1;  // the torch.unique whose counts divide the sums
  if (g.at(sums).op == "aten::div" && g.at(sums).args.size() >= 2 && g.at(sums).args[0].is_node() &&
      g.at(sums).args[1].is_node()) {
    int cnt = strip(g, g.at(sums).args[1].node,
                    {"aten::unsqueeze", "aten::view", "aten::reshape", "aten::_to_copy", "aten::to",
                     "aten::type_as", "prims::convert_element_type", "aten::expand",
                     "aten::expand_as", "aten::clamp_min", "aten::slice"});
    const Node& cn = g.at(cnt);
    if (cn.op == "prim::getitem" && cn.args.size() >= 2 && cn.args[0].is_node() && cn.args[1].i == 2 &&
        (g.at(cn.args[0].node).op == "aten::_unique2" || g.at(cn.args[0].node).op == "aten::unique_dim"))
      counted_by = cn.args[0].node;
    else if (cn.op == "aten::bincount" && !cn.args.empty() && cn.args[0].is_node() &&
             (cn.args.size() < 2 || cn.args[1].kind == Arg::None))
      counted_by = unique_of_inverse(g, cn.args[0].node);
    if (counted_by >= 0) {
      covered.push_back(sums);
      sums = g.at(sums).args[0].node;
    }
  }
  int unique = -1;
  const Node& sn = g.at(sums);
  auto same_points = [&](int src) {
    if (src == zpoint) return true;
    auto ns = as_normalize(g, src);
    return ns && ns->input == z;
  };
  std::string segment;
  if ((sn.op == "aten::index_add" || sn.op == "aten::index_add_") && sn.args.size() >= 4) {
    if (sn.args[1].i != 0 || !same_points(sn.args[3].node))
      throw Failed{4, "index_add does not sum the normalised points over rows"};
    unique = unique_of_inverse(g, sn.args[2].node);
    segment = "index_add";
  } else if (((sn.op == "aten::scatter_add" || sn.op == "aten::scatter_add_") && sn.args.size() >= 4) ||
             ((sn.op == "aten::scatter_reduce" || sn.op == "aten::scatter_reduce_") && sn.args.size() >= 5 &&
              sn.args[4].kind == Arg::Str)) {
    // scatter_reduce: "sum", or "mean" (with or without the zero it starts from: a positive
    // scale per row, which the normalisation cancels)
    bool reduce = sn.op.find("reduce") != std::string::npos;
    if (reduce && sn.args[4].s != "sum" && sn.args[4].s != "mean")
      throw Failed{4, "scatter_reduce(" + sn.args[4].s + ") is not a sum of the points by entity"};
    if (sn.args[1].i != 0 || !same_points(sn.args[3].node))
      throw Failed{4, "scatter_add does not sum the normalised points over rows"};
    int idx = strip(g, sn.args[2].node, {"aten::expand", "aten::expand_as", "aten::unsqueeze",
                                         "aten::view", "aten::reshape", "aten::repeat"});
    while (g.at(idx).op == "aten::slice" && g.at(idx).args[0].is_node() &&
           g.at(g.at(idx).args[0].node).shape.size() == g.at(idx).shape.size() &&
           g.at(g.at(idx).args[0].node).shape[0].size == g.at(idx).shape[0].size)
      idx = strip(g, g.at(idx).args[0].node, {"aten::expand", "aten::unsqueeze", "aten::view",
                                              "aten::reshape"});
    unique = unique_of_inverse(g, idx);
    segment = reduce ? "scatter_reduce(" + sn.args[4].s + ")" : "scatter_add";
  } else if ((sn.op == "aten::index_put" || sn.op == "aten::index_put_") && sn.args.size() >= 4) {
    const Arg& ix = sn.args[1];
    if (ix.kind != Arg::List || ix.list.size() != 1 || !ix.list[0].is_node() ||
        !same_points(sn.args[2].node) || !(sn.args[3].kind == Arg::Bool && sn.args[3].i))
      throw Failed{4, "index_put does not accumulate the normalised points by entity"};
    unique = unique_of_inverse(g, ix.list[0].node);
    segment = "index_put";
  } else {
    Expr se = c.lift(sums);
    const Factor *oh = nullptr, *pts = nullptr;
    for (auto& f : se.factors) (same_points(f.node) ? pts : oh) = &f;
    if (se.factors.size() == 2 && oh && pts && c.finest(se.summed).size() == 1) {
      int o = strip(g, oh->node, {"aten::_to_copy", "aten::to", "aten::type_as",
                                  "prims::convert_element_type", "aten::t",
                                  "aten::transpose", "aten::permute"});
      const Node& on = g.at(o);
      if (on.op == "aten::eq" && on.args.size() >= 2 && on.args[0].is_node() &&
          on.args[1].is_node()) {
        // inverse[:, None] == arange(E)[None, :] (either way round)
        for (int side = 0; side < 2 && unique < 0; ++side) {
          int inv = strip(g, on.args[side].node, {"aten::unsqueeze", "aten::view",
                                                  "aten::reshape", "aten::slice"});
          int ar = strip(g, on.args[1 - side].node, {"aten::unsqueeze", "aten::view",
                                                     "aten::reshape", "aten::slice"});
          int u = unique_of_inverse(g, inv);
          const Node& an = g.at(ar);
          // arange(E), or arange(0, E, 1)
          // prims.iota(E, start=0, step=1): Inductor's arange
          if (an.op == "prims::iota" && an.args.size() >= 3 && is_entity_count(g, an.args[0], u) &&
              constant_of(g, an.args[1]) == 0.0 && constant_of(g, an.args[2]) == 1.0 && u >= 0)
            unique = u;
          bool counts = an.op == "aten::arange" && !an.args.empty() &&
                        (is_entity_count(g, an.args[0], u) ||
                         (an.args.size() >= 2 && constant_of(g, an.args[0]) == 0.0 &&
                          is_entity_count(g, an.args[1], u) &&
                          (an.args.size() < 3 || constant_of(g, an.args[2]) == 1.0)));
          if (u >= 0 && counts) unique = u;
          // unique_values[:, None] == entity[None, :] (either way round)
          const Node& uv = g.at(inv);
          if (unique < 0 && uv.op == "prim::getitem" && uv.args.size() >= 2 && uv.args[0].is_node() &&
              uv.args[1].i == 0 && g.at(uv.args[0].node).op == "aten::_unique2" &&
              g.at(uv.args[0].node).args[0].is_node() &&
              strip(g, ar, {"aten::detach", "aten::contiguous", "aten::clone", "aten::alias"}) ==
                  strip(g, g.at(uv.args[0].node).args[0].node,
                        {"aten::detach", "aten::contiguous", "aten::clone", "aten::alias"}))
            unique = uv.args[0].node;
        }
      }
      if (on.op == "aten::one_hot" && on.args.size() >= 2) {
        int u = unique_of_inverse(g, on.args[0].node);
        bool all = on.args[1].kind == Arg::Int && on.args[1].i < 0;  // max + 1 = the count
        if (u >= 0 && (all || is_entity_count(g, on.args[1], u))) unique = u;
      }
      segment = "one-hot matmul";
    }
    if (unique < 0)
      throw Failed{4, "the centroids are not sums of the batch's points by entity "
                      "(from outside the batch: a memory bank, k-means, parameters?)"};
  }
  if (unique < 0) throw Failed{4, "the points are grouped by ids that do not come from torch.unique"};
  if (counted_by >= 0 && counted_by != unique)
    throw Failed{4, "the sums are divided by the counts of other ids"};
  if (counted_by >= 0) segment += " / counts";
  if (segment != "one-hot matmul") {
    int base = sn.args[0].node;
    const Node& bn = g.at(base);
    auto zero = constant_of(g, Arg::make_node(base));
    if (!zero || *zero != 0.0) throw Failed{4, "the centroid sums do not start from zeros"};
    const Arg* sizes = nullptr;
    // zeros_like / full_like(x, 0) are as large as x (an empty buffer, decomposed)
    const Node* sized = &bn;
    while ((sized->op == "aten::full_like" || sized->op == "aten::zeros_like") &&
           !sized->args.empty() && sized->args[0].is_node())
      sized = &g.at(sized->args[0].node);
    if ((sized->op == "aten::zeros" || sized->op == "aten::full" || sized->op == "aten::empty" ||
         sized->op == "aten::empty_strided") && !sized->args.empty())
      sizes = &sized->args[0];
    if ((sized->op == "aten::new_zeros" || sized->op == "aten::new_empty") && sized->args.size() > 1)
      sizes = &sized->args[1];
    if (!sizes || sizes->kind != Arg::List || sizes->list.empty() ||
        !is_entity_count(g, sizes->list[0], unique))
      throw Failed{4, "the centroids are made for a fixed number of classes (absent classes "
                      "add zero centroids the operator does not have)"};
  }
  if (unique_of_inverse(g, target) != unique)
    throw Failed{4, "the loss's target is not the entity index of the centroids"};
  int entity = g.at(unique).args[0].node;
  const Node& en = g.at(entity);
  if (en.dtype != "i64" || en.rank() != 1) throw Failed{5, "entity ids are not int64 [N]"};
  const Node& zn = g.at(z);
  if (!zn.floating()) throw Failed{6, "the points are not floating"};
  double temperature = 1.0 / e.scale;
  if (scalars.empty() && (!(temperature > 0) || !std::isfinite(temperature)))
    throw Failed{6, "temperature " + format_number(temperature) + " is not > 0"};
  if (!std::isfinite(e.scale)) throw Failed{6, "the logits' scale is not finite"};
  for (auto* f : scalars) {
    const Node& sn = g.at(f->node);
    if (!sn.floating() || !sn.tensor) throw Failed{6, "a learned scale that is not a floating tensor"};
  }
  const char* red = reduction == 0 ? "none" : reduction == 1 ? "mean" : "sum";
  std::ostringstream detail;
  detail << "N=" << zn.shape[0].size << " P=" << zn.shape[1].size << " centroids=" << segment
         << " reduction=" << red;
  if (scalars.empty()) detail << " temperature=" << format_number(temperature);
  else detail << " scale=learned" << (e.scale != 1.0 ? "*" + format_number(e.scale) : "");
  detail << " leave_one_out=False";
  m.detail = detail.str();
  Program p(temp_base);
  std::string r;
  if (scalars.empty()) {
    r = p.emit("op centroid_contrastive_loss " + ref(z) + " " + ref(entity) + " " +
               num(temperature) + " b0 s:" + red);
  } else {
    // OPS.md 4a: the scale is c * prod(learned scalars), as one 0-dim tensor
    std::string sv;
    for (auto* f : scalars) {
      std::string v = ref(f->node);
      if (g.at(f->node).rank() > 0) v = p.emit("reshape " + v + " [ ]");
      if (sv.empty()) sv = f->power > 0 ? v : p.emit("recip " + v);
      else sv = p.emit(std::string(f->power > 0 ? "mul " : "div ") + sv + " " + v);
    }
    if (e.scale != 1.0) sv = p.emit("mul " + sv + " " + num(e.scale));
    r = p.emit("op centroid_contrastive_loss.scaled " + ref(z) + " " + ref(entity) + " " + sv +
               " b0 s:" + red);
  }
  p.replace(loss, r);
  m.lines = p.lines();
  m.covered.insert(covered.begin(), covered.end());
  m.covered.insert(e.inlined.begin(), e.inlined.end());
  // the centroids: their normalisation, the segment sum (in-place ops on a fresh buffer
  // that nothing else reads are not dead code to every IR) and its buffer
  m.covered.insert(normalised.begin(), normalised.end());
  m.covered.insert(sums);
  if (segment != "one-hot matmul") m.covered.insert(sn.args[0].node);
  return m;
}



// ---------------------------------------------------------------- attention pooling by sdpa

// scaled_dot_product_attention with one query (a learned seed, a pooled token: nn.MultiheadAttention
// pooling, Set Transformer's PMA, CLIP's attention pool) and no feature-level gate: a softmax
// over the keys j of q·k weights the values summed over j, per head: adaptive fusion with the
// logits materialised by the rewrite (one bmm of the queries and keys per batch and head).
Match pooled_attention(const Graph& g, const Softmax& s, int anchor, const Options& opt,
                       int temp_base) {
  Ctx c(g);
  Expr e = c.lift(anchor);
  Match m;
  m.pattern = "adaptive_fusion";
  m.anchor = anchor;
  m.canon = c.describe(e);
  const Factor* w = nullptr;
  int jv = weighted_sum_axis(c, e, s, w);
  const Factor* x = weighted_values(g, e, w, "the attention output");
  if (!x) throw Failed{3, "no values are weighted by the attention"};
  if (as_softmax(g, x->node)) throw Failed{3, "the values are gated by a softmax (dual attention)"};
  IdSet VX = as_set(c.finest_all(x->dims));
  Idx vw = c.finest_all(w->dims);
  if (!VX.count(jv)) throw Failed{4, "the values are not indexed by the attention axis"};
  for (int v : vw)
    if (!VX.count(v))
      throw Failed{4, "several queries attend (attention across tokens, not pooling by one query)"};
  // the values' innermost axis is the feature axis, the weights' variables on it the heads
  // (G = H gate groups); every other axis is batch (heads laid out apart from the features
  // are batch too: each pools its own slice with its own weights)
  Idx fvars = c.finest(x->dims.back());
  if (std::find(fvars.begin(), fvars.end(), jv) != fvars.end() || fvars.empty())
    throw Failed{4, "the values have no feature axis"};
  IdSet VW = as_set(vw);
  Idx groups, within, batch;
  for (int v : fvars) (VW.count(v) ? groups : within).push_back(v);
  Idx feat = groups;
  feat.insert(feat.end(), within.begin(), within.end());
  for (int v : c.finest_all(x->dims))
    if (v != jv && std::find(fvars.begin(), fvars.end(), v) == fvars.end()) batch.push_back(v);
  {
    IdSet outs = as_set(c.finest_all(e.outs)), expect(batch.begin(), batch.end());
    expect.insert(feat.begin(), feat.end());
    if (outs != expect) throw Failed{4, "the result's axes are not (batch, features)"};
  }
  const Expr* scores = c.sdpa_scores(s.node);
  if (!scores) throw Failed{40, "the attention's scores could not be read"};
  Expr sc = *scores;
  equate_dims(c, sc.outs, w->dims);
  MaskInfo mask = softmax_mask(c, s, sc, *w, false);
  const Factor *q = nullptr, *k = nullptr;
  std::vector<const Factor*> scalars;
  for (auto& f : sc.factors) {
    if (f.mask) throw Failed{41, "the scores are multiplied by a mask"};
    if (no_axes(f)) {
      scalars.push_back(&f);
      continue;
    }
    bool has_j = as_set(c.finest_all(f.dims)).count(jv) > 0;
    if (!has_j && !q) q = &f;
    else if (has_j && !k) k = &f;
    else throw Failed{41, "the scores are not a product of queries and keys"};
  }
  if (!q || !k) throw Failed{41, "the scores are not a query-key contraction"};
  Idx kv = c.finest(sc.summed);
  if (kv.empty()) throw Failed{42, "the scores do not contract a key axis"};
  Idx bb = batch;  // one bmm per batch and head
  bb.insert(bb.end(), groups.begin(), groups.end());
  IdSet allowed(bb.begin(), bb.end());
  allowed.insert(kv.begin(), kv.end());
  for (int v : c.finest_all(q->dims))
    if (!allowed.count(v)) throw Failed{42, "the queries vary along an unexpected axis"};
  allowed.insert(jv);
  for (int v : c.finest_all(k->dims))
    if (!allowed.count(v)) throw Failed{42, "the keys vary along an unexpected axis"};
  if (mask.on)
    for (int v : c.finest_all(mask.present.dims))
      if (v != jv && std::find(batch.begin(), batch.end(), v) == batch.end())
        throw Failed{46, "the mask varies along another axis than the keys and batch"};
  std::string form = mask.form;
  check_masks_absorbed(c, e, mask, form);
  double scale = sc.scale;
  if (sc.fill.on) {
    double post = sc.scale / sc.fill.scale_at_fill;
    if (!(post > 0)) throw Failed{45, "the -inf-filled scores are scaled by a non-positive factor"};
  }
  const std::string dtype = g.at(x->node).dtype;
  check_float(g, x->node, dtype, "values");
  check_float(g, q->node, dtype, "queries");
  check_float(g, k->node, dtype, "keys");
  check_float(g, anchor, dtype, "the stock result");
  for (auto* f : scalars) check_float(g, f->node, dtype, "the learned score scale");
  int64_t D = c.size_of(feat), M = c.var(jv).size, G = c.size_of(groups);
  std::ostringstream detail;
  detail << "M=" << M << " D=" << D << " G=" << G << " B=" << dims_text(c, batch)
         << " softmax=" << s.spelling << " (one query per batch and head: pooling) mask=" << form
         << " scale=" << format_number(scale) << (scalars.empty() ? "" : "*learned");
  m.detail = detail.str();
  inductor_weighted_sum_rule(opt, m.detail);
  Program p(temp_base);
  Emitter em(c, p, opt.runtime_sizes);
  Idx mvi{jv};
  // the logits: [batch, 1, dk] x [batch, dk, M] -> [batch, 1, M], laid out as [batch, M, 1]
  std::string qv = em.layout(em.value(*q), q->dims, {bb, Idx{}, kv}, "the queries");
  std::string kvv = em.layout(em.value(*k), k->dims, {bb, kv, mvi}, "the keys");
  std::string lg = p.emit("bmm " + qv + " " + kvv);
  std::vector<Idx> lg_dims{batch};
  for (int v : groups) lg_dims.push_back({v});
  lg_dims.push_back({});
  lg_dims.push_back(mvi);
  lg = em.layout(p.emit("reshape " + lg + " " + em.sizes(lg_dims)), lg_dims,
                 {batch, mvi, groups}, "the logits");
  if (scale != 1.0) lg = p.emit("mul " + lg + " " + num(scale));
  for (auto* f : scalars) {
    std::string v = ref(f->node);
    lg = p.emit(std::string(f->power > 0 ? "mul " : "div ") + lg + " " + v);
  }
  std::string hv = em.layout(em.value(*x), x->dims, {batch, mvi, feat}, "the values");
  std::string mk = "_";
  if (mask.on) {
    mk = em.layout(ref(mask.present.node), mask.present.dims, {batch, mvi}, "the mask");
    if (mask.present.negated) mk = p.emit("not " + mk);
  }
  std::string r = p.emit("op adaptive_fusion " + hv + " " + lg + " " + mk + " f1 b0");
  std::string fused = p.emit("getitem " + r + " i0");
  std::string out = em.layout(fused, {batch, feat}, e.outs, "the result");
  if (e.scale != 1.0) out = p.emit("mul " + out + " " + num(e.scale));
  p.replace(anchor, out);
  m.lines = p.lines();
  m.covered.insert(e.inlined.begin(), e.inlined.end());
  m.covered.insert(s.inlined.begin(), s.inlined.end());
  m.softmaxes = {s.node};
  return m;
}

// ---------------------------------------------------------------- a two-way sigmoid gate

// z * h1 + (1 - z) * h2 with z = sigmoid(a) (the gated multimodal unit of two modalities):
// softmax over the two of the logits (a, 0) weights (h1, h2), since sigmoid(a) = e^a / (e^a +
// e^0). `anchor` is the add; the stack of the values and of the logits is built by the rewrite.
Match sigmoid_pair(const Graph& g, int anchor, const Options& opt, int temp_base) {
  const Node& n = g.at(anchor);
  Match m;
  m.pattern = "adaptive_fusion";
  m.anchor = anchor;
  auto plain_add = [&](const Node& x) {
    return x.op == "aten::add" && x.args.size() >= 2 && x.args[0].is_node() && x.args[1].is_node() &&
           (x.args.size() < 3 || constant_of(g, x.args[2]).value_or(1.0) == 1.0);
  };
  if (!plain_add(n) || !n.tensor || !n.floating()) throw Failed{-1, ""};
  // a product of two nodes: (factor, other) for the factor that satisfies `is`
  auto split_mul = [&](int id, auto is, int& other) {
    const Node& x = g.at(id);
    if (x.op != "aten::mul" || x.args.size() < 2 || !x.args[0].is_node() || !x.args[1].is_node())
      return -1;
    for (int k = 0; k < 2; ++k)
      if (is(x.args[k].node)) {
        other = x.args[1 - k].node;
        return x.args[k].node;
      }
    return -1;
  };
  int z = -1, h1 = -1, h2 = -1, one_minus = -1, t1 = -1, t2 = -1;
  for (int k = 0; k < 2 && z < 0; ++k) {
    t1 = n.args[k].node;
    t2 = n.args[1 - k].node;
    int a = split_mul(t1, [&](int id) { return g.at(id).op == "aten::sigmoid"; }, h1);
    if (a < 0) continue;
    int b = split_mul(t2, [&](int id) {
      const Node& r = g.at(id);  // 1 - z: rsub(z, 1), or sub(1, z)
      bool rsub = r.op == "aten::rsub" && r.args.size() >= 2 && r.args[0].is_node() &&
                  r.args[0].node == a && constant_of(g, r.args[1]) == 1.0 &&
                  (r.args.size() < 3 || constant_of(g, r.args[2]).value_or(1.0) == 1.0);
      bool sub = r.op == "aten::sub" && r.args.size() >= 2 && constant_of(g, r.args[0]) == 1.0 &&
                 r.args[1].is_node() && r.args[1].node == a &&
                 (r.args.size() < 3 || constant_of(g, r.args[2]).value_or(1.0) == 1.0);
      // -z + 1 (TorchScript's form)
      bool add = r.op == "aten::add" && r.args.size() >= 2 && r.args[0].is_node() &&
                 g.at(r.args[0].node).op == "aten::neg" && !g.at(r.args[0].node).args.empty() &&
                 g.at(r.args[0].node).args[0].is_node() && g.at(r.args[0].node).args[0].node == a &&
                 constant_of(g, r.args[1]) == 1.0 &&
                 (r.args.size() < 3 || constant_of(g, r.args[2]).value_or(1.0) == 1.0);
      return rsub || sub || add;
    }, h2);
    if (b < 0) continue;
    z = a;
    one_minus = b;
  }
  if (z < 0) {
    // a sigmoid-gated term beside another product: gates that are not z and 1 - z
    int other = -1;
    for (int k = 0; k < 2; ++k)
      if (split_mul(n.args[k].node, [&](int id) { return g.at(id).op == "aten::sigmoid"; }, other) >= 0 &&
          g.at(n.args[1 - k].node).op == "aten::mul")
        throw Failed{1, "the two gates are not z and 1 - z (independent gates do not sum to one)"};
    throw Failed{-1, ""};
  }
  const Node &zn = g.at(z), &hn1 = g.at(h1), &hn2 = g.at(h2);
  int a = zn.args.empty() || !zn.args[0].is_node() ? -1 : zn.args[0].node;
  if (a < 0) throw Failed{2, "the gate is not a sigmoid of a tensor"};
  if (!hn1.tensor || !hn2.tensor || hn1.rank() != n.rank() || hn2.rank() != n.rank() ||
      zn.rank() != n.rank() || n.rank() < 1)
    throw Failed{3, "the two values and the gate do not have the result's rank"};
  for (int d = 0; d < n.rank(); ++d) {
    const Dim &o = n.shape[static_cast<size_t>(d)], &x = hn1.shape[static_cast<size_t>(d)],
              &y = hn2.shape[static_cast<size_t>(d)], &w = zn.shape[static_cast<size_t>(d)];
    if (x.size != o.size || y.size != o.size || x.sym != o.sym || y.sym != o.sym)
      throw Failed{3, "the two values are broadcast (not two tensors of the result's shape)"};
    bool last = d == n.rank() - 1;
    if (!last && (w.size != o.size || w.sym != o.sym))
      throw Failed{4, "the gate is broadcast along a batch axis"};
    if (last && !(w.size == o.size && w.sym == o.sym) && !(w.size == 1 && !w.sym))
      throw Failed{4, "the gate is neither one per feature nor one per sample"};
  }
  const std::string& dtype = n.dtype;
  check_float(g, h1, dtype, "values");
  check_float(g, h2, dtype, "values");
  check_float(g, a, dtype, "gate logits");
  // the weights are read only here
  IdSet inside{t1, t2, z, one_minus};
  if (g.at(one_minus).op == "aten::add") inside.insert(g.at(one_minus).args[0].node);
  for (int x : inside)
    for (int u : g.at(x).users)
      if (!inside.count(u) && u != anchor && is_live(g, u))
        throw Failed{5, "the gate is also read elsewhere"};
  bool per_feature = zn.shape.back().size == n.shape.back().size && zn.shape.back().sym == n.shape.back().sym;
  int64_t D = n.shape.back().size;
  std::ostringstream detail;
  detail << "M=2 D=" << D << " G=" << (per_feature ? std::to_string(D) : "1")
         << " softmax=sigmoid gate (a two-way softmax of a, 0) mask=none temperature=1";
  m.detail = detail.str();
  inductor_weighted_sum_rule(opt, m.detail);
  Ctx c(g);
  Expr e = c.leaf(h1);  // the result's axes: batch ..., features (sizes read from h1, not
                        // from the result, which the rewrite computes)
  std::vector<Idx> out = e.outs;
  Idx batch;
  for (size_t d = 0; d + 1 < out.size(); ++d)
    for (int v : out[d]) batch.push_back(v);
  Idx feat = out.back();
  Idx mv{c.new_var(2, false, SizeSrc{})};
  Idx groups = per_feature ? feat : Idx{};
  std::vector<Idx> stacked(out.begin(), out.end() - 1), gate_dims;
  gate_dims = stacked;
  stacked.push_back(mv);
  stacked.push_back(feat);
  gate_dims.push_back(mv);
  gate_dims.push_back(groups);
  Program p(temp_base);
  Emitter em(c, p, opt.runtime_sizes);
  std::string sd = "i" + std::to_string(n.rank() - 1);
  std::string hs = p.emit("stack [ " + ref(h1) + " " + ref(h2) + " ] " + sd);
  std::string zero = p.emit("zeros_like " + ref(a));
  std::string gs = p.emit("stack [ " + ref(a) + " " + zero + " ] " + sd);
  std::string hv = em.layout(hs, stacked, {batch, mv, feat}, "the values");
  std::string gl = em.layout(gs, gate_dims, {batch, mv, groups}, "the gate logits");
  std::string r = p.emit("op adaptive_fusion " + hv + " " + gl + " _ f1 b0");
  std::string fused = p.emit("getitem " + r + " i0");
  p.replace(anchor, em.layout(fused, {batch, feat}, out, "the result"));
  m.lines = p.lines();
  m.covered = {anchor, t1, t2, z, one_minus};
  if (g.at(one_minus).op == "aten::add") m.covered.insert(g.at(one_minus).args[0].node);
  m.canon = "sigmoid gate";
  return m;
}

// ---------------------------------------------------------------- driver

bool inlinable(const Node& n) {
  static const std::set<std::string> ops = {
      "aten::mul", "aten::div", "aten::neg", "aten::sum", "aten::mean", "aten::matmul",
      "aten::mm", "aten::bmm", "aten::einsum", "aten::masked_fill", "aten::where",
      "aten::_to_copy", "aten::to", "aten::type_as", "aten::slice", "aten::select",
      "aten::add", "aten::unbind", "prim::getitem", "aten::split", "aten::split_with_sizes",
      "aten::unsafe_split", "aten::chunk", "aten::unsafe_chunk", "aten::unsafe_split_with_sizes"};
  return is_layout_op(n) || ops.count(n.op);
}

std::vector<int> candidates(const Graph& g, int start) {
  std::set<int> seen;
  std::vector<int> stack{start}, out;
  while (!stack.empty()) {
    int n = stack.back();
    stack.pop_back();
    for (int u : g.at(n).users) {
      if (seen.count(u) || !inlinable(g.at(u))) continue;
      seen.insert(u);
      if (g.at(u).tensor) out.push_back(u);  // through a split's list to its pieces
      stack.push_back(u);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct Best {
  bool ok = false;
  Match match;
  Failed fail{-1, ""};
  std::string canon;
};

// consumed: every node an accepted match covers; claimed: their anchors and softmaxes. A new
// match may share inputs with an earlier one (a mask prepared once for two blocks), but not
// take over its result or its weights, nor be inside it.
template <class F>
Best try_candidates(const Graph& g, const Softmax& s, const std::set<int>& consumed,
                    const std::set<int>& claimed, F attempt) {
  Best best;
  std::vector<int> cands = candidates(g, s.node);
  if (s.sdpa) cands.insert(cands.begin(), s.node);  // the attention output itself
  for (int cand : cands) {
    if (consumed.count(cand)) continue;
    try {
      Match m = attempt(cand);
      bool overlap = consumed.count(m.anchor) > 0;
      for (int n : m.softmaxes) overlap |= consumed.count(n) > 0;
      for (int n : m.covered) overlap |= claimed.count(n) > 0;
      if (overlap) throw Failed{75, "overlaps another fusion"};
      // grow the match only while the smaller result is read by nothing but the larger one
      // (else the stock code would still compute it)
      bool smaller_read_elsewhere = false;
      if (best.ok) {
        const Node& a = g.at(best.match.anchor);
        smaller_read_elsewhere = a.is_output;
        for (int u : a.users) smaller_read_elsewhere |= !m.covered.count(u) && is_live(g, u);
      }
      if (smaller_read_elsewhere) continue;
      best.ok = true;
      best.match = m;
    } catch (const Failed& f) {
      if (!best.ok && f.stage >= best.fail.stage) best.fail = f;
    }
  }
  return best;
}

}  // namespace

Options parse_options(const std::string& text) {
  Options o;
  std::istringstream ws(text);
  for (std::string kv; ws >> kv;) {
    auto eq = kv.find('=');
    std::string k = kv.substr(0, eq), v = eq == std::string::npos ? "1" : kv.substr(eq + 1);
    if (k == "ir") o.ir = v;
    else if (k == "runtime_sizes") o.runtime_sizes = v == "1";
    else if (k == "cost_rule") o.cost_rule = v == "1";
    else if (k == "explain") o.explain = v == "1";
  }
  return o;
}

std::string fuse(const Graph& g, const Options& opt) {
  std::ostringstream out;
  std::vector<Softmax> softmaxes;
  std::map<int, std::string> misses;
  std::map<int, std::string> what;
  for (const Node& n : g.nodes) {
    std::string why;
    auto s = as_softmax(g, n.id, &why);
    if (s) {
      softmaxes.push_back(*s);
      what[n.id] = "softmax(" + s->spelling + ")";
    } else if (!why.empty()) {
      what[n.id] = "exp/sum";
      misses[n.id] = "softmax " + why;
    }
  }
  for (const Node& n : g.nodes) {
    auto a = as_sdpa(g, n.id);
    if (!a) continue;
    Softmax s;
    s.node = n.id;
    s.input = -1;
    s.dim = n.rank() > 0 ? n.rank() - 1 : 0;  // the weights' last axis: the keys
    s.sdpa = true;
    s.spelling = "scaled_dot_product_attention";
    s.inlined = a->inlined;
    softmaxes.push_back(s);
    what[n.id] = "attention(" + g.at(a->inlined[0]).op.substr(6) + ")";
  }
  // a softmax that is part of another softmax's spelling is not examined on its own
  std::set<int> inner;
  for (auto& s : softmaxes)
    for (int n : s.inlined)
      if (n != s.node) inner.insert(n);
  std::set<int> consumed, claimed, fused_softmax;
  std::vector<Match> matches;
  int temps = 0;
  auto accept = [&](const Match& m) {
    matches.push_back(m);
    consumed.insert(m.covered.begin(), m.covered.end());
    claimed.insert(m.anchor);
    for (int s : m.softmaxes) claimed.insert(s);
    for (int s : m.softmaxes) fused_softmax.insert(s);
    temps += static_cast<int>(m.lines.size());
    for (int s : m.softmaxes) misses.erase(s);
  };
  std::map<int, Failed> da_fail;
  for (auto& s : softmaxes) {
    if (inner.count(s.node) || fused_softmax.count(s.node)) continue;
    Best b = try_candidates(g, s, consumed, claimed, [&](int cand) {
      return dual_attention(g, s, cand, opt, temps);
    });
    if (b.ok) accept(b.match);
    else da_fail[s.node] = b.fail;
  }
  for (auto& s : softmaxes) {
    if (inner.count(s.node) || fused_softmax.count(s.node) || consumed.count(s.node)) continue;
    if (s.sdpa) {
      // one query per batch and head, no feature gate: attention pooling
      Best b = try_candidates(g, s, consumed, claimed, [&](int cand) {
        return pooled_attention(g, s, cand, opt, temps);
      });
      if (b.ok) {
        accept(b.match);
        continue;
      }
      Failed f = da_fail[s.node];
      std::string pattern = "dual_attention";
      if (b.fail.stage > f.stage) {
        f = b.fail;
        pattern = "adaptive_fusion";
      }
      misses[s.node] = pattern + " " + f.why;
      continue;
    }
    Best b = try_candidates(g, s, consumed, claimed, [&](int cand) {
      return adaptive_fusion(g, s, cand, opt, temps);
    });
    if (b.ok) {
      accept(b.match);
      continue;
    }
    Failed f = b.fail;
    std::string pattern = "adaptive_fusion";
    auto d = da_fail.find(s.node);
    if (d != da_fail.end() && d->second.stage > f.stage) {
      f = d->second;
      pattern = "dual_attention";
    }
    if (f.stage < 0) f.why = "no weighted sum over the softmax axis follows";
    misses[s.node] = pattern + " " + f.why;
  }
  for (auto& s : softmaxes)
    if (consumed.count(s.node) && !fused_softmax.count(s.node) && !inner.count(s.node))
      misses.erase(s.node);
  // two-way sigmoid gates: z * h1 + (1 - z) * h2
  for (const Node& n : g.nodes) {
    if (n.op != "aten::add" || consumed.count(n.id)) continue;
    try {
      Match m = sigmoid_pair(g, n.id, opt, temps);
      bool overlap = false;
      for (int x : m.covered) overlap |= consumed.count(x) > 0 || claimed.count(x) > 0;
      what[n.id] = "sigmoid gate";
      if (overlap) throw Failed{75, "overlaps another fusion"};
      accept(m);
    } catch (const Failed& f) {
      if (f.stage < 0) continue;
      what[n.id] = "sigmoid gate";
      misses[n.id] = "adaptive_fusion " + f.why;
    }
  }
  // losses
  for (const Node& n : g.nodes) {
    // a loss op, or a cross-entropy written out; the outermost reduction is the anchor
    std::string why;
    auto form = as_loss(g, n.id, &why);
    if (!form && why.empty()) continue;
    bool outer = true;
    for (int u : n.users) {
      auto up = as_loss(g, u);
      if (up && std::find(up->inlined.begin(), up->inlined.end(), n.id) != up->inlined.end())
        outer = false;
    }
    if (!outer) continue;
    what[n.id] = "loss(" + (form ? form->spelling : n.op.substr(6)) + ")";
    try {
      Match m = centroid_loss(g, n.id, temps);
      if (opt.cost_rule && opt.ir == "inductor")
        throw Failed{70, "cost rule: in an inference graph Inductor's own kernels for the "
                         "stock loss measured faster than the operator's forward "
                         "(benchmarks/README.md; training graphs: backend=\"cldmdf\") [" +
                         m.detail + "]"};
      accept(m);
    } catch (const Failed& f) {
      misses[n.id] = "centroid_contrastive_loss " + f.why;
    }
  }
  for (auto& [id, w] : what) out << "examined " << id << " " << w << "\n";
  for (auto& m : matches) {
    out << "fuse " << m.pattern << " " << m.anchor << " " << m.detail << "\n";
    out << "covers";
    for (int n : m.covered) out << " " << n;
    out << "\n";
    for (auto& l : m.lines) out << l << "\n";
    out << "end\n";
    if (opt.explain) out << "canon " << m.anchor << " " << m.canon << "\n";
  }
  for (auto& [id, why] : misses) out << "miss " << id << " " << why << "\n";
  return out.str();
}

}  // namespace cldmdf_compiler
