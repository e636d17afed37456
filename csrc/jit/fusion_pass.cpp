// The TorchScript fusion pass: finds the stock-PyTorch spellings of the CL-DMDF
// operators in TorchScript IR and replaces them with cldmdf::* nodes.
//
// It is kept apart from the operator library: the operators are built on the
// LibTorch stable ABI, this pass uses TorchScript internals (torch/csrc/jit) and
// is built for the installed torch. Nothing here is written per pattern: the
// patterns are the TorchScript IR of the search variants in compiler/patterns/,
// traced by the Python driver (compiler/torchscript.py) and handed to
// make_pattern(), which puts them in the same canonical form as the graphs they
// are matched against.
//
//   canonicalize(graph)            one spelling for what scripting and tracing
//                                  write differently (see the rules below)
//   make_pattern(graph, ...)       a canonical pattern whose sentinel literals
//                                  (sizes, scalars) became pattern inputs
//   find_matches(pattern, graph)   every structural match, each with the
//                                  match filters' verdict: constant arguments
//                                  (dims compared after normalising negative
//                                  dims), single use of every intermediate,
//                                  dtypes of the tensor inputs
//   rewrite(graph, pattern, ...)   replaces one match by a cldmdf::* node
#include <torch/extension.h>

#include <torch/csrc/jit/ir/alias_analysis.h>
#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/ir/ir.h>
#include <torch/csrc/jit/passes/constant_propagation.h>
#include <torch/csrc/jit/passes/dead_code_elimination.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/csrc/jit/passes/lower_tuples.h>
#include <torch/csrc/jit/python/pybind_utils.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace cldmdf_jit {

using torch::jit::Block;
using torch::jit::Graph;
using torch::jit::IValue;
using torch::jit::Node;
using torch::jit::Symbol;
using torch::jit::Value;
using torch::jit::WithInsertPoint;
namespace aten = c10::aten;
namespace prim = c10::prim;

// ---------------------------------------------------------------------------
// Canonical form
// ---------------------------------------------------------------------------

std::optional<IValue> constant(const Value* v) {
  if (v->node()->kind() != prim::Constant) return std::nullopt;
  return torch::jit::toIValue(v);
}

bool isInt(const Value* v, int64_t expected) {
  auto c = constant(v);
  return c && c->isInt() && c->toInt() == expected;
}

bool isNoneOr(const Value* v, int64_t expected) {
  auto c = constant(v);
  return c && (c->isNone() || (c->isInt() && c->toInt() == expected));
}

std::vector<Node*> nodesOf(Block* block) {
  std::vector<Node*> out;
  for (Node* n : block->nodes()) out.push_back(n);
  return out;
}

// An in-place op's result is its first argument: later readers of the argument
// read the op's output (scripted code reads `sums` after `sums.index_add_(...)`,
// a trace reads the op's output).
void redirectInplaceUses(Block* block) {
  for (Node* n : nodesOf(block)) {
    const std::string name = n->kind().toUnqualString();
    if (!n->kind().is_aten() || name.empty() || name.back() != '_' || name.size() < 2 ||
        name[name.size() - 2] == '_' || n->inputs().empty() || n->outputs().size() != 1)
      continue;
    Value* self = n->input(0);
    const std::vector<torch::jit::Use> uses = self->uses();  // replaceInput edits the list
    for (const auto& use : uses) {
      Node* user = use.user;
      if (user != n && user->owningBlock() == block && user->isAfter(n))
        user->replaceInput(use.offset, n->output());
    }
  }
}

// Whether every use of a list only reads it.
bool onlyRead(const Value* list) {
  for (const auto& use : list->uses()) {
    const Symbol k = use.user->kind();
    if (k != aten::__getitem__ && k != prim::ListUnpack && k != aten::len) return false;
  }
  return true;
}

// Peephole rules applied to both patterns and targets.
void rewriteSpellings(const std::shared_ptr<Graph>& graph, Block* block) {
  for (Node* n : nodesOf(block)) {
    for (Block* sub : n->blocks()) rewriteSpellings(graph, sub);
    // t[:, ...] spelled as a full slice is t itself
    if (n->kind() == aten::slice && n->inputs().size() == 5 && isNoneOr(n->input(2), 0) &&
        isNoneOr(n->input(3), std::numeric_limits<int64_t>::max()) && isInt(n->input(4), 1)) {
      n->output()->replaceAllUsesWith(n->input(0));
      n->destroy();
      continue;
    }
    // aten::Int(prim::NumToTensor(x)) (traced sizes) is x
    if (n->kind() == aten::Int && n->input(0)->node()->kind() == prim::NumToTensor &&
        n->input(0)->node()->input(0)->type()->kind() == c10::TypeKind::IntType) {
      n->output()->replaceAllUsesWith(n->input(0)->node()->input(0));
      n->destroy();
      continue;
    }
    WithInsertPoint guard(n);
    // t.shape[i] -> aten::size(t, i); b, m, d = t.shape -> aten::size(t, 0..2), when nothing
    // writes to the size list (`s = t.size(); s[0] = 1` must keep reading the list)
    if (n->kind() == aten::__getitem__ && n->inputs().size() == 2 &&
        n->input(0)->node()->kind() == aten::size && n->input(0)->node()->inputs().size() == 1 &&
        constant(n->input(1)) && onlyRead(n->input(0))) {
      Value* size = graph->insert(aten::size, {n->input(0)->node()->input(0), n->input(1)});
      n->output()->replaceAllUsesWith(size);
      n->destroy();
      continue;
    }
    if (n->kind() == prim::ListUnpack && n->input(0)->node()->kind() == aten::size &&
        n->input(0)->node()->inputs().size() == 1 && onlyRead(n->input(0))) {
      Value* tensor = n->input(0)->node()->input(0);
      for (size_t i = 0; i < n->outputs().size(); ++i) {
        Value* size = graph->insert(aten::size, {tensor, static_cast<int64_t>(i)});
        n->output(i)->replaceAllUsesWith(size);
      }
      n->destroy();
      continue;
    }
    // x.norm(p, dim, keepdim) (scripted F.normalize) -> linalg_vector_norm (its trace)
    if (n->kind() == aten::norm && n->inputs().size() == 4 && constant(n->input(1)) &&
        !constant(n->input(1))->isNone()) {
      Node* norm = graph->create(aten::linalg_vector_norm,
                                 {n->input(0), n->input(1), n->input(2), n->input(3),
                                  graph->insertConstant(IValue())});
      graph->insertNode(norm);
      norm->output()->setType(n->output()->type());
      n->output()->replaceAllUsesWith(norm->output());
      n->destroy();
      continue;
    }
  }
}

// Constant lists become lists of constants, so a list element can be matched
// (and a sentinel inside a list bound) like any other argument.
void expandConstantLists(const std::shared_ptr<Graph>& graph, Block* block) {
  for (Node* n : nodesOf(block)) {
    for (Block* sub : n->blocks()) expandConstantLists(graph, sub);
    if (n->kind() != prim::Constant || !n->output()->hasUses()) continue;
    auto value = constant(n->output());
    if (!value || !(value->isIntList() || value->isDoubleList())) continue;
    WithInsertPoint guard(n);
    std::vector<Value*> items;
    if (value->isIntList()) {
      for (int64_t x : value->toIntVector()) items.push_back(graph->insertConstant(x));
    } else {
      for (double x : value->toDoubleVector()) items.push_back(graph->insertConstant(x));
    }
    c10::TypePtr item_type = c10::IntType::get();
    if (!value->isIntList()) item_type = c10::FloatType::get();
    Node* list = graph->createList(item_type, items);
    graph->insertNode(list);
    n->output()->replaceAllUsesWith(list->output());
    n->destroy();
  }
}

void canonicalize(std::shared_ptr<Graph> graph) {
  torch::jit::Inline(*graph);
  torch::jit::LowerSimpleTuples(graph);
  torch::jit::ConstantPropagation(graph);
  redirectInplaceUses(graph->block());
  rewriteSpellings(graph, graph->block());
  torch::jit::EliminateDeadCode(graph);
  expandConstantLists(graph, graph->block());
}

// ---------------------------------------------------------------------------
// Patterns
// ---------------------------------------------------------------------------

std::optional<double> numberOf(const IValue& v) {
  if (v.isInt()) return static_cast<double>(v.toInt());
  if (v.isDouble()) return v.toDouble();
  if (v.isTensor() && v.toTensor().dim() == 0 && !v.toTensor().is_complex())
    return v.toTensor().item<double>();
  return std::nullopt;
}

bool sameNumber(double a, double b) {
  if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
  if (a == b) return true;
  if (std::isinf(a) || std::isinf(b)) return false;
  return std::abs(a - b) <= 1e-9 * std::max(std::abs(a), std::abs(b));
}

const char* const kTypeSuffix = "__as_";
const std::unordered_set<std::string> kFactories = {
    "zeros", "ones", "empty", "full", "new_zeros", "new_ones", "new_empty", "new_full",
    "zeros_like", "ones_like", "empty_like", "full_like"};
const std::unordered_set<std::string> kFactoryOptions = {"dtype", "layout", "device",
                                                         "pin_memory", "memory_format"};

// The pattern of one search variant: its traced graph in canonical form, its
// tensor inputs renamed after the pattern's inputs, every literal equal to a
// sentinel replaced by an input named after the sentinel, and the dtype /
// device options of factory calls (a trace records them, a script leaves them
// None) replaced by wildcard inputs.
std::shared_ptr<Graph> makePattern(const std::shared_ptr<Graph>& traced,
                                   const std::vector<std::string>& input_names,
                                   const std::map<std::string, double>& sentinels) {
  auto graph = traced->copy();
  TORCH_CHECK(graph->inputs().size() == input_names.size(), "make_pattern: the traced graph has ",
              graph->inputs().size(), " inputs, expected ", input_names.size());
  for (size_t i = 0; i < input_names.size(); ++i) graph->inputs()[i]->setDebugName(input_names[i]);
  canonicalize(graph);
  std::map<std::string, Value*> sentinel_inputs;  // one input per sentinel and type
  int wildcards = 0;
  for (Node* n : nodesOf(graph->block())) {
    if (n->kind() == prim::Constant) {
      auto value = constant(n->output());
      auto number = value ? numberOf(*value) : std::nullopt;
      if (!number || value->isBool()) continue;
      for (const auto& [name, sentinel] : sentinels) {
        if (!sameNumber(*number, sentinel)) continue;
        const c10::TypePtr type = n->output()->type();
        const std::string key = name + kTypeSuffix + type->str();
        Value*& input = sentinel_inputs[key];
        if (!input) input = graph->addInput(name + kTypeSuffix)->setType(type);
        n->output()->replaceAllUsesWith(input);
        n->destroy();
        break;
      }
      continue;
    }
    if (!kFactories.count(n->kind().toUnqualString())) continue;
    const c10::FunctionSchema* schema = n->maybeSchema();
    if (!schema) continue;
    for (size_t i = 0; i < schema->arguments().size() && i < n->inputs().size(); ++i) {
      const auto& arg = schema->arguments()[i];
      if (kFactoryOptions.count(arg.name()) && constant(n->input(i)))
        n->replaceInput(i, graph->addInput("_any" + std::to_string(wildcards++))
                               ->setType(n->input(i)->type()));
    }
  }
  torch::jit::EliminateDeadCode(graph);
  return graph;
}

// ---------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------

// Inputs holding a dimension, compared after normalising negative dims.
int64_t rankOf(const Value* v) {
  auto t = v->type()->cast<c10::TensorType>();
  if (!t) return -1;
  auto dim = t->dim();
  return dim ? static_cast<int64_t>(*dim) : -1;
}

std::vector<size_t> dimArguments(const Node* n) {
  const Symbol k = n->kind();
  if (k == aten::transpose) return {1, 2};
  if (k == aten::repeat_interleave) return {2};
  if (k == aten::softmax || k == aten::sum || k == aten::unsqueeze || k == aten::mean ||
      k == aten::select || k == aten::amax || k == aten::logsumexp || k == aten::squeeze ||
      k == aten::linalg_vector_norm || k == aten::log_softmax)
    return {1};
  return {};
}

std::string show(const IValue& v) {
  std::ostringstream s;
  s << v;
  return s.str();
}

std::string where(const Node* n) {
  std::ostringstream s;
  s << "%" << n->output(0)->debugName() << " (" << n->kind().toQualString() << ")";
  return s.str();
}

struct MatchResult {
  Node* anchor = nullptr;
  std::unordered_map<const Node*, Node*> nodes;             // pattern node -> graph node
  std::unordered_map<const Value*, Value*> tensors;         // pattern tensor input -> value
  std::vector<std::pair<std::string, Value*>> sentinels;    // every place a sentinel binds
  std::string miss;                                         // first failed constraint
};

class Matcher {
 public:
  Matcher(const Graph& pattern, const std::map<std::string, std::string>& roles)
      : pattern_(pattern), roles_(roles) {
    TORCH_CHECK(pattern.outputs().size() == 1, "a pattern returns one value");
    root_ = pattern.outputs()[0]->node();
  }

  std::optional<MatchResult> matchAt(Node* anchor) {
    result_ = MatchResult();
    result_.anchor = anchor;
    claimed_.clear();
    if (!matchNode(root_, anchor)) return std::nullopt;
    checkSingleUse();
    checkDtypes();
    checkNoWritesInBetween();
    return result_;
  }

  const torch::jit::AliasDb* alias_db_ = nullptr;  // set by findMatches

 private:
  static bool isPure(const Node* n) {
    return n->kind() == prim::ListConstruct || n->kind() == aten::size ||
           n->kind() == prim::Constant;
  }

  // Mask preprocessing (~mask[:, None, :] and the like) is cheap and is often shared by
  // several attention blocks: it may stay alive for other users.
  static bool isMaskOnly(const Node* n) {
    for (const Value* out : n->outputs()) {
      auto t = out->type()->cast<c10::TensorType>();
      if (!t || t->scalarType() != c10::kBool) return false;
    }
    return true;
  }

  void miss(const std::string& why) {
    if (result_.miss.empty()) result_.miss = why;
  }

  bool isParam(const Value* v) const { return v->node()->kind() == prim::Param; }

  bool matchValue(const Value* pv, Value* tv, const Node* consumer, size_t offset) {
    if (isParam(pv)) {
      const std::string& name = pv->debugName();
      if (roles_.count(name)) {  // a tensor input: one graph value throughout
        auto it = result_.tensors.find(pv);
        if (it != result_.tensors.end()) return it->second == tv;
        result_.tensors[pv] = tv;
      } else if (name.rfind("_any", 0) != 0) {
        result_.sentinels.emplace_back(name.substr(0, name.find(kTypeSuffix)), tv);
      }
      return true;
    }
    const Node* pn = pv->node();
    if (pn->kind() == prim::Constant) {
      compareConstant(*constant(pv), tv, consumer, offset);
      return true;  // a differing literal is a near miss, not a structural mismatch
    }
    return pv->offset() == tv->offset() && matchNode(pn, tv->node());
  }

  void compareConstant(const IValue& expected, Value* tv, const Node* consumer, size_t offset) {
    auto actual = constant(tv);
    Node* user = result_.nodes.count(consumer) ? result_.nodes.at(consumer) : nullptr;
    std::string at = user ? where(user) : std::string("the pattern");
    if (!actual) {
      // a view/reshape size the pattern infers (-1) that the graph spells out
      if (consumer->kind() == prim::ListConstruct && expected.isInt() && expected.toInt() == -1)
        return;  // checked against the view's output shape by checkInferredSizes
      miss(at + ": argument " + std::to_string(offset) + " is computed in the graph, the " +
           "pattern has the constant " + show(expected));
      return;
    }
    IValue want = expected, got = *actual;
    auto dims = dimArguments(consumer);
    if (user && std::find(dims.begin(), dims.end(), offset) != dims.end()) {
      int64_t prank = rankOf(consumer->input(0)), grank = rankOf(user->input(0));
      if (consumer->kind() == aten::unsqueeze) {
        prank += prank >= 0;
        grank += grank >= 0;
      }
      auto norm = [](IValue v, int64_t rank) -> IValue {
        if (rank <= 0) return v;
        if (v.isInt()) return IValue(((v.toInt() % rank) + rank) % rank);
        if (v.isIntList()) {
          auto xs = v.toIntVector();
          for (auto& x : xs) x = ((x % rank) + rank) % rank;
          return IValue(xs);
        }
        return v;
      };
      want = norm(want, prank);
      got = norm(got, grank);
    }
    if (!sameConstant(want, got))
      miss(at + ": argument " + std::to_string(offset) + " is " + show(*actual) +
           ", the pattern needs " + show(expected));
  }

  static bool sameConstant(const IValue& a, const IValue& b) {
    if (a.isBool() || b.isBool()) return a.isBool() && b.isBool() && a.toBool() == b.toBool();
    auto x = numberOf(a), y = numberOf(b);
    if (x || y) return x && y && sameNumber(*x, *y);
    if (a.isNone() || b.isNone()) return a.isNone() && b.isNone();
    if (a.isString() && b.isString()) return a.toStringRef() == b.toStringRef();
    if (a.isIntList() && b.isIntList()) return a.toIntVector() == b.toIntVector();
    if (a.isDevice() && b.isDevice()) return a.toDevice() == b.toDevice();
    return false;
  }

  bool matchNode(const Node* pn, Node* tn) {
    auto known = result_.nodes.find(pn);
    if (known != result_.nodes.end()) return known->second == tn;
    if (pn->kind() != tn->kind() || pn->inputs().size() != tn->inputs().size() ||
        pn->outputs().size() != tn->outputs().size() || !tn->blocks().empty())
      return false;
    // one pattern node per graph node, except pure ones (a shared shape list)
    if (!isPure(tn) && !claimed_.insert(tn).second) return false;
    result_.nodes[pn] = tn;
    if (!matchInputs(pn, tn, false)) {
      // x * y is y * x: a trace of `d * t` with a size d records mul(d, t)
      if (pn->kind() != aten::mul || pn->inputs().size() != 2) return false;
      if (!matchInputs(pn, tn, true)) return false;
    }
    if (pn->kind() == aten::view || pn->kind() == aten::reshape) checkInferredSizes(pn, tn);
    return true;
  }

  bool matchInputs(const Node* pn, Node* tn, bool swapped) {
    const MatchResult saved_result = result_;
    const auto saved_claims = claimed_;
    for (size_t i = 0; i < pn->inputs().size(); ++i) {
      size_t j = swapped ? pn->inputs().size() - 1 - i : i;
      if (!matchValue(pn->input(i), tn->input(j), pn, i)) {
        result_ = saved_result;
        claimed_ = saved_claims;
        result_.nodes[pn] = tn;
        return false;
      }
    }
    return true;
  }

  // Where the pattern's view says -1 and the graph computes the size, the size must be
  // the one -1 infers (read from the example shapes annotated on the graph).
  void checkInferredSizes(const Node* pn, Node* tn) {
    const Node* plist = pn->input(1)->node();
    const Node* tlist = tn->input(1)->node();
    if (plist->kind() != prim::ListConstruct || tlist->kind() != prim::ListConstruct) return;
    auto out = tn->output()->type()->cast<c10::TensorType>();
    auto sizes = out ? out->sizes().concrete_sizes() : std::nullopt;
    for (size_t i = 0; i < plist->inputs().size() && i < tlist->inputs().size(); ++i) {
      if (!isInt(plist->input(i), -1) || constant(tlist->input(i))) continue;
      auto shown = known_sizes_.find(tlist->input(i)->debugName());
      if (!sizes || shown == known_sizes_.end() || i >= sizes->size() ||
          static_cast<int64_t>(shown->second) != (*sizes)[i])
        miss(where(tn) + ": size " + std::to_string(i) + " is computed in the graph where the " +
             "pattern infers it (-1), and it could not be shown to be the inferred size");
    }
  }

  // Every intermediate value of the match is used only inside the match.
  void checkSingleUse() {
    std::unordered_set<const Node*> inside;
    for (const auto& [pn, tn] : result_.nodes) inside.insert(tn);
    for (const auto& [pn, tn] : result_.nodes) {
      if (tn == result_.anchor || isPure(tn) || isMaskOnly(tn)) continue;
      for (const Value* out : tn->outputs()) {
        for (const auto& use : out->uses()) {
          // an intermediate whose shape is read outside stays alive for that reader
          if (!inside.count(use.user) && use.user->kind() != aten::size) {
            miss(where(tn) + " is also used outside the pattern, by " + where(use.user));
            return;
          }
        }
      }
    }
  }

  // The fused node is put where the anchor was, so it reads its inputs later than the stock
  // code did: nothing in between may write to a tensor the match reads.
  void checkNoWritesInBetween() {
    if (!alias_db_ || !result_.miss.empty()) return;
    std::unordered_set<const Node*> inside;
    Node* first = result_.anchor;
    for (const auto& [pn, tn] : result_.nodes) {
      inside.insert(tn);
      if (tn->isBefore(first)) first = tn;
    }
    torch::jit::ValueSet read;
    for (const auto& [pn, tn] : result_.nodes)
      for (const Value* v : tn->inputs())
        if (v->type()->cast<c10::TensorType>()) read.insert(v);
    for (Node* n = first; n != result_.anchor; n = n->next()) {
      if (!inside.count(n) && alias_db_->writesToAlias(n, read)) {
        miss(where(n) + " writes, between the matched nodes, to a tensor the pattern reads");
        return;
      }
    }
  }

  void checkDtypes() {
    std::optional<c10::ScalarType> floating;
    for (const auto& [pv, tv] : result_.tensors) {
      const std::string& role = roles_.at(pv->debugName());
      auto type = tv->type()->cast<c10::TensorType>();
      auto dtype = type ? type->scalarType() : std::nullopt;
      if (!dtype) {
        miss("input " + pv->debugName() + ": no dtype known for %" + tv->debugName());
        return;
      }
      bool ok = role == "bool"    ? *dtype == c10::kBool
                : role == "int64" ? *dtype == c10::kLong
                                  : (*dtype == c10::kFloat || *dtype == c10::kDouble ||
                                     *dtype == c10::kHalf || *dtype == c10::kBFloat16);
      if (!ok) {
        miss("input " + pv->debugName() + ": dtype " + c10::toString(*dtype) +
             ", the operator takes " + (role == "float" ? std::string("a floating dtype") : role));
        return;
      }
      if (role == "float") {
        if (floating && *floating != *dtype) {
          miss("inputs: mixed floating dtypes");
          return;
        }
        floating = *dtype;
      }
    }
    // the operator returns the inputs' dtype: the stock result must have it too (a factory
    // call in the pattern may have asked for another one)
    auto out = result_.anchor->output(0)->type()->cast<c10::TensorType>();
    auto out_dtype = out ? out->scalarType() : std::nullopt;
    if (floating && (!out_dtype || *out_dtype != *floating))
      miss(where(result_.anchor) + ": the stock result's dtype " +
           (out_dtype ? std::string(c10::toString(*out_dtype)) : std::string("(unknown)")) +
           " is not the inputs' " + c10::toString(*floating));
  }

  const Graph& pattern_;
  const std::map<std::string, std::string>& roles_;
  const Node* root_;
  MatchResult result_;
  std::unordered_set<const Node*> claimed_;

 public:
  std::map<std::string, double> known_sizes_;  // example values of computed sizes
};

std::vector<MatchResult> findMatches(const Graph& pattern, Graph& graph,
                                     const std::map<std::string, std::string>& roles,
                                     const std::map<std::string, double>& known) {
  Matcher matcher(pattern, roles);
  matcher.known_sizes_ = known;
  torch::jit::AliasDb alias_db(graph.shared_from_this());
  matcher.alias_db_ = &alias_db;
  std::vector<MatchResult> out;
  const Symbol kind = pattern.outputs()[0]->node()->kind();
  for (Node* n : graph.nodes()) {  // the top-level block: matches never span blocks
    if (n->kind() != kind) continue;
    if (auto m = matcher.matchAt(n)) out.push_back(std::move(*m));
  }
  return out;
}

// Where a computed scalar comes from: the tensor sizes it reads (value name, dim), whether
// it is pure arithmetic over sizes and constants, and whether it is one size read as such.
struct ScalarSource {
  std::vector<std::pair<const Value*, int64_t>> reads;
  bool pure = true;
  bool direct = false;
};

void describeInto(const Value* v, ScalarSource& src, int depth) {
  static const std::unordered_set<std::string> kScalarOps = {
      "Int", "Float", "ScalarImplicit", "floordiv", "div", "mul", "add", "sub", "sqrt", "pow",
      "neg", "remainder"};
  const Node* n = v->node();
  if (n->kind() == prim::Constant) return;
  if (depth > 16) {
    src.pure = false;
    return;
  }
  if (n->kind() == aten::size && n->inputs().size() == 2 && constant(n->input(1))) {
    src.reads.emplace_back(n->input(0), constant(n->input(1))->toInt());
    return;
  }
  const bool scalar_out = !v->type()->cast<c10::TensorType>();
  if (n->kind() == prim::NumToTensor ||
      (scalar_out && n->kind().is_aten() && kScalarOps.count(n->kind().toUnqualString()))) {
    for (const Value* in : n->inputs()) describeInto(in, src, depth + 1);
    return;
  }
  src.pure = false;
}

ScalarSource describeScalar(const Value* v) {
  ScalarSource src;
  describeInto(v, src, 0);
  const Node* n = v->node();
  if (n->kind() == prim::NumToTensor) n = n->input(0)->node();
  src.direct = src.pure && n->kind() == aten::size && src.reads.size() == 1;
  return src;
}

// ---------------------------------------------------------------------------
// Rewriting
// ---------------------------------------------------------------------------

IValue toIValue(const py::handle& obj) {
  if (obj.is_none()) return IValue();
  if (py::isinstance<py::bool_>(obj)) return IValue(obj.cast<bool>());
  if (py::isinstance<py::int_>(obj)) return IValue(obj.cast<int64_t>());
  if (py::isinstance<py::float_>(obj)) return IValue(obj.cast<double>());
  if (py::isinstance<py::str>(obj)) return IValue(obj.cast<std::string>());
  TORCH_CHECK(false, "rewrite: unsupported scalar argument ", py::str(obj).cast<std::string>());
}

Value* valueNamed(Graph& graph, const std::string& name) {
  for (Value* v : graph.inputs())
    if (v->debugName() == name) return v;
  for (Node* n : graph.nodes())
    for (Value* v : n->outputs())
      if (v->debugName() == name) return v;
  TORCH_CHECK(false, "rewrite: no value %", name, " in the graph");
}

// Replaces the match anchored at `anchor_name` by op(tensors..., scalars...);
// the anchor's uses read the op's output `output_index`. Returns the node.
std::string rewrite(const std::shared_ptr<Graph>& graph, const std::shared_ptr<Graph>& pattern,
                    const std::map<std::string, std::string>& roles,
                    const std::string& anchor_name, const std::string& op,
                    const std::vector<std::string>& tensor_names, const py::list& scalars,
                    int64_t output_index) {
  Node* anchor = valueNamed(*graph, anchor_name)->node();
  Matcher matcher(*pattern, roles);
  auto match = matcher.matchAt(anchor);
  TORCH_CHECK(match, "rewrite: the pattern no longer matches at %", anchor_name);
  auto schemas = torch::jit::getAllOperatorsFor(Symbol::fromQualString(op));
  TORCH_CHECK(!schemas.empty(), "rewrite: operator ", op, " is not registered (import cldmdf)");
  const auto& schema = schemas.front()->schema();

  WithInsertPoint guard(anchor);
  std::vector<Value*> args;
  for (const auto& name : tensor_names)
    args.push_back(name.empty() ? graph->insertConstant(IValue()) : valueNamed(*graph, name));
  for (const auto& s : scalars) args.push_back(graph->insertConstant(toIValue(s)));
  TORCH_CHECK(args.size() == schema.arguments().size(), "rewrite: ", op, " takes ",
              schema.arguments().size(), " arguments, got ", args.size());
  Node* fused = graph->create(Symbol::fromQualString(op), args, schema.returns().size());
  graph->insertNode(fused);
  for (size_t i = 0; i < schema.returns().size(); ++i)
    fused->output(i)->setType(schema.returns()[i].type());
  fused->output(output_index)->copyMetadata(anchor->output());
  anchor->output()->replaceAllUsesWith(fused->output(output_index));

  // erase the matched nodes, last first (in-place ops are not dead code)
  std::vector<Node*> matched;
  for (const auto& [pn, tn] : match->nodes) matched.push_back(tn);
  std::sort(matched.begin(), matched.end(), [](Node* a, Node* b) { return a->isAfter(b); });
  matched.erase(std::unique(matched.begin(), matched.end()), matched.end());
  for (Node* n : matched) {
    bool used = false;
    for (Value* v : n->outputs()) used |= v->hasUses();
    if (!used) n->destroy();
  }
  torch::jit::EliminateDeadCode(graph);
  return fused->output(output_index)->debugName();
}

}  // namespace cldmdf_jit

PYBIND11_MODULE(TORCH_EXTENSION_NAME, m) {
  using namespace cldmdf_jit;
  m.doc() = "cldmdf's TorchScript fusion pass (built for the installed torch)";
  m.def("canonicalize", [](const std::shared_ptr<Graph>& g) { canonicalize(g); },
        "Puts a graph in the canonical form patterns are matched in (in place).");
  m.def("make_pattern", &makePattern, py::arg("traced"), py::arg("input_names"),
        py::arg("sentinels"));
  m.def(
      "find_matches",
      [](const std::shared_ptr<Graph>& pattern, const std::shared_ptr<Graph>& graph,
         const std::map<std::string, std::string>& roles,
         const std::map<std::string, double>& known) {
        py::list out;
        for (const auto& m : findMatches(*pattern, *graph, roles, known)) {
          py::dict tensors;
          for (const auto& [pv, tv] : m.tensors) tensors[py::str(pv->debugName())] = tv->debugName();
          py::list sentinels;
          for (const auto& [name, tv] : m.sentinels) {
            auto c = constant(tv);
            ScalarSource src = describeScalar(tv);
            py::list reads;
            for (const auto& [t, d] : src.reads) {
              // a size of a matched intermediate: the size the pattern gives it there (the
              // pattern was traced with sentinel sizes, so this names the sentinel it is)
              py::object pattern_size = py::none();
              for (const auto& [pn, tn] : m.nodes) {
                for (size_t i = 0; i < tn->outputs().size(); ++i) {
                  if (tn->output(i) != t) continue;
                  auto type = pn->output(i)->type()->cast<c10::TensorType>();
                  auto sizes = type ? type->sizes().concrete_sizes() : std::nullopt;
                  const int64_t rank = sizes ? static_cast<int64_t>(sizes->size()) : 0;
                  if (rank > 0) pattern_size = py::int_((*sizes)[((d % rank) + rank) % rank]);
                }
              }
              reads.append(py::make_tuple(t->debugName(), d, pattern_size));
            }
            sentinels.append(py::make_tuple(
                name, tv->debugName(), c ? torch::jit::toPyObject(*c) : py::object(py::none()),
                reads, src.pure, src.direct));
          }
          size_t covered = 0;
          for (const auto& [pn, tn] : m.nodes) covered += pn->kind() != prim::ListConstruct;
          py::dict d;
          d["anchor"] = m.anchor->output(0)->debugName();
          d["tensors"] = tensors;
          d["sentinels"] = sentinels;
          d["nodes"] = covered;
          d["miss"] = m.miss;
          out.append(d);
        }
        return out;
      },
      py::arg("pattern"), py::arg("graph"), py::arg("roles"), py::arg("known_sizes"));
  m.def("rewrite", &rewrite, py::arg("graph"), py::arg("pattern"), py::arg("roles"),
        py::arg("anchor"), py::arg("op"), py::arg("tensors"), py::arg("scalars"),
        py::arg("output_index"));
}
