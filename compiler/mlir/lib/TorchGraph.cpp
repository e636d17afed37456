// The MLIR adapter of the recognition core: torch dialect in, core graph out, rewrite
// programs applied back as torch ops (include/cldmdf-mlir/Fuse.h).
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "llvm/ADT/SetVector.h"
#include "cldmdf-mlir/Fuse.h"
#include "cldmdf_compiler/fuse.h"
#include "cldmdf_compiler/graph.h"
#include "cldmdf_compiler/program.h"
#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/AsmState.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Operation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"

namespace cc = cldmdf_compiler;
using namespace mlir;

namespace cldmdf_mlir {

namespace {

constexpr int64_t kDynamic = -1;

// ------------------------------------------------------------------ torch types

// A !torch.vtensor<[sizes],dtype> type, read from the opaque type of the unregistered dialect.
struct TensorType {
  bool ranked = false;
  std::vector<int64_t> sizes;  // kDynamic for '?'
  std::string dtype;           // torch-mlir's spelling: f32, si64, i1, ...
};

std::optional<std::string> torchTypeData(Type t) {
  if (auto o = dyn_cast<OpaqueType>(t))
    if (o.getDialectNamespace() == "torch") return o.getTypeData().str();
  return std::nullopt;
}

std::optional<TensorType> tensorType(Type t) {
  auto data = torchTypeData(t);
  if (!data) return std::nullopt;
  llvm::StringRef s(*data);
  if (!s.consume_front("vtensor")) return std::nullopt;
  TensorType out;
  if (!s.consume_front("<")) return out;  // unranked, no dtype
  if (s.consume_front("[")) {
    size_t close = s.find(']');
    if (close == llvm::StringRef::npos) return std::nullopt;
    llvm::SmallVector<llvm::StringRef> dims;
    s.substr(0, close).split(dims, ',', -1, false);
    for (auto d : dims) {
      d = d.trim();
      int64_t v;
      if (d == "?") {
        out.sizes.push_back(kDynamic);
      } else if (!d.getAsInteger(10, v)) {
        out.sizes.push_back(v);
      } else {
        return std::nullopt;
      }
    }
    out.ranked = true;
    s = s.substr(close + 1);
    s.consume_front(",");
  } else if (s.consume_front("*,")) {
  }
  out.dtype = s.rtrim('>').trim().str();
  return out;
}

Type makeTorchType(MLIRContext* ctx, const std::string& data) {
  return OpaqueType::get(StringAttr::get(ctx, "torch"), data);
}

Type makeTensorType(MLIRContext* ctx, const std::vector<int64_t>& sizes, const std::string& dtype) {
  std::string s = "vtensor<[";
  for (size_t i = 0; i < sizes.size(); ++i)
    s += (i ? "," : "") + (sizes[i] == kDynamic ? std::string("?") : std::to_string(sizes[i]));
  return makeTorchType(ctx, s + "]," + dtype + ">");
}

std::string coreDtype(const std::string& d) {
  static const std::map<std::string, std::string> names = {
      {"i1", "bool"}, {"si64", "i64"}, {"si32", "i32"}, {"si16", "i16"}, {"si8", "i8"},
      {"ui8", "u8"}};
  auto it = names.find(d);
  return it == names.end() ? d : it->second;
}

// An attribute of an op: its properties (where torch-mlir keeps `value`, `name`, ...) or its
// attribute dictionary.
Attribute attrOf(Operation* op, llvm::StringRef name) {
  if (auto d = dyn_cast_or_null<DictionaryAttr>(op->getPropertiesAsAttribute()))
    if (Attribute a = d.get(name)) return a;
  return op->getDiscardableAttr(name);
}

llvm::StringRef opName(Operation* op) {
  if (op->getName().getStringRef() == "torch.operator")
    if (auto s = dyn_cast_or_null<StringAttr>(attrOf(op, "name"))) return s.getValue();
  return op->getName().getStringRef();
}

// torch.aten.sum.dim_IntList -> aten::sum; torch.prims.squeeze -> prims::squeeze
std::string coreOpName(llvm::StringRef name) {
  llvm::SmallVector<llvm::StringRef> parts;
  name.split(parts, '.');
  if (parts.size() >= 3 && parts[0] == "torch" &&
      (parts[1] == "aten" || parts[1] == "prims" || parts[1] == "prim"))
    return (parts[1] + "::" + parts[2]).str();
  return ("mlir::" + name).str();
}

bool isConstant(Operation* op) {
  return op->getName().getStringRef().starts_with("torch.constant.");
}

// Ops that guard values (size and metadata assertions, symbolic-shape bindings): they die
// with the values they guard.
bool isCheck(Operation* op) {
  llvm::StringRef n = opName(op);
  return n.starts_with("torch.aten._assert") || n == "torch.bind_symbolic_shape" ||
         n == "torch.runtime.assert";
}

// ------------------------------------------------------------------ symbolic sizes

// The symbolic sizes of the values: torch.bind_symbolic_shape binds a value's sizes to
// affine expressions of torch.symbolic_int symbols (torch-mlir's
// import_symbolic_shape_expressions). Each symbol gets a stand-in example size that equals no
// static size (the core compares sizes through their expressions).
class SymbolicSizes {
 public:
  explicit SymbolicSizes(Block& body) {
    for (Operation& op : body) {
      if (op.getName().getStringRef() == "torch.symbolic_int") {
        auto name = dyn_cast_or_null<StringAttr>(attrOf(&op, "symbol_name"));
        Symbol s{name ? name.getValue().str() : "s" + std::to_string(symbols_.size()),
                 kStandIn + 16 * static_cast<int64_t>(symbols_.size())};
        symbols_[op.getResult(0)] = s;
      }
    }
    for (Operation& op : body) {
      if (op.getName().getStringRef() != "torch.bind_symbolic_shape" || op.getNumOperands() < 1)
        continue;
      auto map = dyn_cast_or_null<AffineMapAttr>(attrOf(&op, "shape_expressions"));
      if (!map) continue;
      std::vector<Symbol> syms;
      bool ok = true;
      for (unsigned i = 1; i < op.getNumOperands(); ++i) {
        auto it = symbols_.find(op.getOperand(i));
        if (it == symbols_.end()) ok = false;
        else syms.push_back(it->second);
      }
      if (!ok) continue;
      std::vector<cc::Dim> dims;
      for (AffineExpr e : map.getValue().getResults()) dims.push_back(dim(e, syms));
      bound_[op.getOperand(0)] = dims;
    }
  }

  // The core's size of dim d of v, whose static size is `size` (kDynamic for '?').
  cc::Dim of(Value v, size_t d, int64_t size) {
    cc::Dim out;
    auto it = bound_.find(v);
    if (it != bound_.end() && d < it->second.size() && it->second[d].sym) return it->second[d];
    if (size != kDynamic) {
      out.size = size;
      return out;
    }
    if (it != bound_.end() && d < it->second.size()) return it->second[d];
    out.sym = true;  // unbound: a size of its own
    out.size = kUnbound + 16 * unbound_++;
    return out;
  }

 private:
  struct Symbol {
    std::string name;
    int64_t hint;
  };
  static constexpr int64_t kStandIn = 8209, kUnbound = 104729;

  // An affine expression as the core's size: a product of a constant and symbols gets its
  // expression ("4*s31"); anything else is symbolic without one.
  static cc::Dim dim(AffineExpr e, const std::vector<Symbol>& syms) {
    cc::Dim out;
    int64_t constant = 1;
    std::vector<std::string> names;
    int64_t hint = 1;
    bool product = true;
    std::vector<AffineExpr> stack{e};
    while (!stack.empty()) {
      AffineExpr x = stack.back();
      stack.pop_back();
      if (auto c = dyn_cast<AffineConstantExpr>(x)) {
        constant *= c.getValue();
      } else if (auto s = dyn_cast<AffineSymbolExpr>(x)) {
        if (s.getPosition() >= syms.size()) return out;
        names.push_back(syms[s.getPosition()].name);
        hint *= syms[s.getPosition()].hint;
      } else if (auto b = dyn_cast<AffineBinaryOpExpr>(x);
                 b && b.getKind() == AffineExprKind::Mul) {
        stack.push_back(b.getLHS());
        stack.push_back(b.getRHS());
      } else {
        product = false;
        break;
      }
    }
    if (names.empty() && product) {
      out.size = constant;
      return out;
    }
    out.sym = true;
    out.size = product ? constant * hint : kStandIn - 1;
    if (product) {
      std::sort(names.begin(), names.end());
      std::string expr = constant != 1 ? std::to_string(constant) : "";
      for (auto& n : names) expr += (expr.empty() ? "" : "*") + n;
      out.expr = expr;
    }
    return out;
  }

  llvm::DenseMap<Value, Symbol> symbols_;
  llvm::DenseMap<Value, std::vector<cc::Dim>> bound_;
  int64_t unbound_ = 0;
};

// ------------------------------------------------------------------ torch ops -> core graph

class GraphBuilder {
 public:
  GraphBuilder(Operation* func, Block& body) : body_(body), sizes_(body), asm_(func) {}

  cc::Graph graph;
  std::vector<Value> values;  // per node: its value (null for a multi-result op itself)
  std::vector<std::string> names;

  void build() {
    for (BlockArgument a : body_.getArguments()) addValue(a, "input", {});
    for (Operation& op : body_) {
      if (isConstant(&op)) continue;
      llvm::StringRef name = op.getName().getStringRef();
      if (name == "torch.prim.ListConstruct" || name == "torch.symbolic_int" ||
          name == "torch.bind_symbolic_shape")
        continue;
      if (op.hasTrait<OpTrait::IsTerminator>() || name == "func.return") {
        for (Value v : op.getOperands()) {
          auto it = nodeOf_.find(v);
          if (it != nodeOf_.end()) graph.nodes[static_cast<size_t>(it->second)].is_output = true;
        }
        continue;
      }
      addOp(op);
    }
    for (auto& n : graph.nodes) {
      std::string clean;
      for (char c : n.name) clean += std::isspace(static_cast<unsigned char>(c)) ? '_' : c;
      n.name = clean;
    }
    graph = cc::parse_graph(cc::format_graph(graph));  // the text form's checks, and users
  }

 private:
  std::string ssaName(Value v) {
    std::string s;
    llvm::raw_string_ostream os(s);
    v.printAsOperand(os, asm_);
    return s.size() > 1 && s[0] == '%' ? s.substr(1) : s;  // the report writes the '%'
  }

  int newNode(const std::string& op, const std::string& name, std::vector<cc::Arg> args) {
    cc::Node n;
    n.id = static_cast<int>(graph.nodes.size());
    n.op = op;
    n.name = name;
    n.args = std::move(args);
    graph.nodes.push_back(std::move(n));
    values.emplace_back();
    names.push_back(name);
    return graph.nodes.back().id;
  }

  int addValue(Value v, const std::string& op, std::vector<cc::Arg> args) {
    int id = newNode(op, ssaName(v), std::move(args));
    describe(graph.nodes.back(), v);
    values.back() = v;
    nodeOf_[v] = id;
    return id;
  }

  // dtype and shape of a tensor value; the example value of a size.
  void describe(cc::Node& n, Value v) {
    if (auto t = tensorType(v.getType())) {
      n.dtype = coreDtype(t->dtype);
      if (!t->ranked) return;
      n.tensor = true;
      for (size_t d = 0; d < t->sizes.size(); ++d) n.shape.push_back(sizes_.of(v, d, t->sizes[d]));
      return;
    }
    if (auto s = scalarOf(v)) {
      n.scalar = true;
      n.value = static_cast<double>(s->size);
      n.value_sym = s->sym;
      n.dtype = "";
    }
  }

  // The value of an integer computed from sizes (torch.aten.size.int and int arithmetic).
  std::optional<cc::Dim> scalarOf(Value v) {
    auto known = scalars_.find(v);
    if (known != scalars_.end()) return known->second;
    Operation* op = v.getDefiningOp();
    if (!op) return std::nullopt;
    std::optional<cc::Dim> out;
    llvm::StringRef n = opName(op);
    if (n == "torch.constant.int") {
      if (auto a = dyn_cast_or_null<IntegerAttr>(attrOf(op, "value"))) {
        cc::Dim d;
        d.size = a.getInt();
        out = d;
      }
    } else if (n == "torch.aten.size.int" && op->getNumOperands() == 2) {
      auto t = tensorType(op->getOperand(0).getType());
      auto dim = scalarOf(op->getOperand(1));
      if (t && t->ranked && dim && !dim->sym) {
        int64_t d = dim->size < 0 ? dim->size + static_cast<int64_t>(t->sizes.size()) : dim->size;
        if (d >= 0 && d < static_cast<int64_t>(t->sizes.size()))
          out = sizes_.of(op->getOperand(0), static_cast<size_t>(d), t->sizes[static_cast<size_t>(d)]);
      }
    } else if ((n == "torch.aten.mul.int" || n == "torch.aten.floordiv.int" ||
                n == "torch.aten.add.int" || n == "torch.aten.sub.int") &&
               op->getNumOperands() == 2) {
      auto a = scalarOf(op->getOperand(0)), b = scalarOf(op->getOperand(1));
      if (a && b && !(n == "torch.aten.floordiv.int" && b->size == 0)) {
        cc::Dim d;
        d.sym = a->sym || b->sym;
        d.size = n == "torch.aten.mul.int"        ? a->size * b->size
                 : n == "torch.aten.floordiv.int" ? a->size / b->size
                 : n == "torch.aten.add.int"      ? a->size + b->size
                                                  : a->size - b->size;
        out = d;
      }
    }
    if (out) scalars_[v] = *out;
    return out;
  }

  cc::Arg arg(Value v) {
    auto it = nodeOf_.find(v);
    if (it != nodeOf_.end()) return cc::Arg::make_node(it->second);
    cc::Arg a;
    Operation* op = v.getDefiningOp();
    if (!op) return a;
    llvm::StringRef n = op->getName().getStringRef();
    Attribute value = attrOf(op, "value");
    if (n == "torch.constant.int" || n == "torch.constant.number") {
      if (auto i = dyn_cast_or_null<IntegerAttr>(value)) return cc::Arg::make_int(i.getInt());
      if (auto f = dyn_cast_or_null<FloatAttr>(value))
        return cc::Arg::make_float(f.getValueAsDouble());
    } else if (n == "torch.constant.float") {
      if (auto f = dyn_cast_or_null<FloatAttr>(value))
        return cc::Arg::make_float(f.getValueAsDouble());
    } else if (n == "torch.constant.bool") {
      if (auto b = dyn_cast_or_null<BoolAttr>(value)) {
        a.kind = cc::Arg::Bool;
        a.i = b.getValue();
      }
    } else if (n == "torch.constant.str") {
      if (auto s = dyn_cast_or_null<StringAttr>(value)) {
        a.kind = cc::Arg::Str;
        for (char c : s.getValue()) a.s += std::isspace(static_cast<unsigned char>(c)) ? '_' : c;
      }
    } else if (n == "torch.prim.ListConstruct") {
      a.kind = cc::Arg::List;
      for (Value x : op->getOperands()) a.list.push_back(arg(x));
    }
    return a;  // none, devices, dtypes
  }

  void addOp(Operation& op) {
    std::vector<cc::Arg> args;
    for (Value v : op.getOperands()) args.push_back(arg(v));
    llvm::StringRef name = opName(&op);
    if (name == "torch.prim.ListUnpack" && op.getNumOperands() == 1) {
      cc::Arg list = arg(op.getOperand(0));
      for (unsigned k = 0; k < op.getNumResults(); ++k)
        addValue(op.getResult(k), "prim::getitem", {list, cc::Arg::make_int(k)});
      return;
    }
    std::string core = name == "torch.vtensor.literal" ? "input" : coreOpName(name);
    if (core == "input") args.clear();
    if (op.getNumResults() == 1) {
      addValue(op.getResult(0), core, std::move(args));
      return;
    }
    std::string base = op.getNumResults() ? ssaName(op.getResult(0)) : "";
    base = base.substr(0, base.find('#'));
    int id = newNode(core, base.empty() ? core + "_" + std::to_string(graph.nodes.size()) : base,
                     std::move(args));
    for (unsigned k = 0; k < op.getNumResults(); ++k)
      addValue(op.getResult(k), "prim::getitem", {cc::Arg::make_node(id), cc::Arg::make_int(k)});
  }

  Block& body_;
  SymbolicSizes sizes_;
  AsmState asm_;
  llvm::DenseMap<Value, int> nodeOf_;
  llvm::DenseMap<Value, cc::Dim> scalars_;
};

// ------------------------------------------------------------------ rewrite programs -> torch ops

class Rewriter {
 public:
  Rewriter(MLIRContext* ctx, std::vector<Value>& values) : ctx_(ctx), values_(values) {}

  // Applies one rewrite; returns why not where it cannot be applied.
  std::optional<std::string> apply(const cc::Rewrite& rw) {
    Value anchor = values_.at(static_cast<size_t>(rw.anchor));
    Operation* anchorOp = anchor ? anchor.getDefiningOp() : nullptr;
    if (!anchorOp) return std::string("the match's result is not computed by an op");
    llvm::DenseSet<Operation*> inside;
    for (int id : rw.covered)
      if (Value v = values_.at(static_cast<size_t>(id)))
        if (Operation* op = v.getDefiningOp()) inside.insert(op);
    for (auto& [node, temp] : rw.replaces) {
      if (node == rw.anchor) continue;
      for (Operation* user : values_.at(static_cast<size_t>(node)).getUsers())
        if (user->getBlock() == anchorOp->getBlock() && user->isBeforeInBlock(anchorOp) &&
            !inside.count(user) && !isCheck(user))
          return std::string("the weights are read before the fused result would be computed");
    }
    OpBuilder b(anchorOp);
    loc_ = anchorOp->getLoc();
    builder_ = &b;
    temps_.clear();
    fresh_.clear();
    try {
      for (const cc::Instr& ins : rw.instrs) emit(ins);
    } catch (const std::string& why) {
      for (auto it = fresh_.rbegin(); it != fresh_.rend(); ++it) (*it)->erase();
      return why;
    }
    llvm::DenseSet<Operation*> fresh(fresh_.begin(), fresh_.end());
    for (auto& [node, temp] : rw.replaces) {
      Value old = values_.at(static_cast<size_t>(node));
      Value now = temps_.at(temp).value;
      if (now.getType() != old.getType()) now.setType(old.getType());  // '?' the stock type knows
      bool isAnchor = node == rw.anchor;
      llvm::SetVector<Operation*> stale;  // checks of the old value placed before the new one
      old.replaceUsesWithIf(now, [&](OpOperand& use) {
        Operation* owner = use.getOwner();
        if (isCheck(owner) && owner->getBlock() == anchorOp->getBlock() &&
            owner->isBeforeInBlock(anchorOp)) {
          stale.insert(owner);
          return false;
        }
        return !fresh.count(owner) && (isAnchor || !inside.count(owner));
      });
      for (Operation* op : stale) op->erase();
      values_[static_cast<size_t>(node)] = now;  // a later rewrite that reads it reads the new one
    }
    return std::nullopt;
  }

 private:
  struct Temp {
    Value value;
    Operation* op = nullptr;       // the operator call, for getitem
    std::optional<int64_t> known;  // an integer's value, where static
  };

  Operation* create(llvm::StringRef name, llvm::ArrayRef<Value> operands,
                    llvm::ArrayRef<Type> types, DictionaryAttr props = {}) {
    OperationState st(loc_, name);
    st.addOperands(operands);
    st.addTypes(types);
    if (props) st.propertiesAttr = props;
    Operation* op = builder_->create(st);
    fresh_.push_back(op);
    return op;
  }

  Value constant(llvm::StringRef kind, Attribute value, const std::string& type) {
    DictionaryAttr props;
    if (value) props = DictionaryAttr::get(ctx_, {NamedAttribute(StringAttr::get(ctx_, "value"), value)});
    return create(("torch.constant." + kind).str(), {}, {makeTorchType(ctx_, type)}, props)->getResult(0);
  }

  Value intConst(int64_t v) {
    return constant("int", IntegerAttr::get(IntegerType::get(ctx_, 64), v), "int");
  }

  struct Val {
    Value value;
    std::optional<int64_t> known;
  };

  Val operand(const cc::Operand& o) {
    switch (o.kind) {
      case cc::Operand::Node: {
        Value v = values_.at(static_cast<size_t>(o.index));
        if (!v) throw std::string("an operand is not a single value");
        return {v, staticInt(v)};
      }
      case cc::Operand::Temp: {
        auto it = temps_.find(o.index);
        if (it == temps_.end()) throw std::string("a rewrite reads an undefined temporary");
        return {it->second.value, it->second.known};
      }
      case cc::Operand::Int: return {intConst(o.i), o.i};
      case cc::Operand::Float:
        return {constant("float", FloatAttr::get(Float64Type::get(ctx_), o.f), "float"), {}};
      case cc::Operand::Bool: return {constant("bool", BoolAttr::get(ctx_, o.i != 0), "bool"), {}};
      case cc::Operand::Str:
        return {constant("str", StringAttr::get(ctx_, o.s), "str"), {}};
      case cc::Operand::None: return {constant("none", {}, "none"), {}};
      case cc::Operand::List: {
        std::vector<Value> items;
        for (auto& x : o.list) items.push_back(operand(x).value);
        return {create("torch.prim.ListConstruct", items, {makeTorchType(ctx_, "list<int>")})
                    ->getResult(0),
                {}};
      }
    }
    throw std::string("bad operand");
  }

  static std::optional<int64_t> staticInt(Value v) {
    Operation* op = v.getDefiningOp();
    if (op && op->getName().getStringRef() == "torch.constant.int")
      if (auto a = dyn_cast_or_null<IntegerAttr>(attrOf(op, "value"))) return a.getInt();
    return std::nullopt;
  }

  // The sizes a list operand names (kDynamic where only known at run time).
  std::vector<int64_t> listSizes(const cc::Operand& o) {
    if (o.kind != cc::Operand::List) throw std::string("expected a list of sizes");
    std::vector<int64_t> out;
    for (auto& x : o.list) {
      if (x.kind == cc::Operand::Int) out.push_back(x.i);
      else if (x.kind == cc::Operand::Temp && temps_.count(x.index) && temps_[x.index].known)
        out.push_back(*temps_[x.index].known);
      else out.push_back(kDynamic);
    }
    return out;
  }

  TensorType tensorOf(Value v) {
    auto t = tensorType(v.getType());
    if (!t || !t->ranked) throw std::string("an operand's type is not a ranked !torch.vtensor");
    return *t;
  }

  static std::vector<int64_t> broadcast(std::vector<int64_t> a, std::vector<int64_t> b) {
    if (a.size() < b.size()) std::swap(a, b);
    size_t off = a.size() - b.size();
    for (size_t i = 0; i < b.size(); ++i) {
      int64_t &x = a[off + i], y = b[i];
      if (x == 1) x = y;
      else if (y != 1 && x != y) x = (x == kDynamic) ? y : (y == kDynamic ? x : kDynamic);
    }
    return a;
  }

  void need(const cc::Instr& ins, size_t n) {
    if (ins.args.size() < n)
      throw std::string("instruction " + ins.op + " has too few arguments");
  }

  void emit(const cc::Instr& ins) {
    Temp out;
    const std::string& k = ins.op;
    if (k == "reshape" || k == "permute" || k == "expand") {
      need(ins, 2);
      Value x = operand(ins.args[0]).value;
      TensorType t = tensorOf(x);
      Value list = operand(ins.args[1]).value;
      std::vector<int64_t> sizes;
      if (k == "permute") {
        for (auto& d : ins.args[1].list) {
          int64_t p = d.i < 0 ? d.i + static_cast<int64_t>(t.sizes.size()) : d.i;
          if (p < 0 || p >= static_cast<int64_t>(t.sizes.size())) throw std::string("bad permutation");
          sizes.push_back(t.sizes[static_cast<size_t>(p)]);
        }
      } else {
        sizes = listSizes(ins.args[1]);
        size_t off = sizes.size() >= t.sizes.size() ? sizes.size() - t.sizes.size() : 0;
        for (size_t i = 0; i < sizes.size(); ++i)
          if (k == "expand" && sizes[i] == -1 && i >= off) sizes[i] = t.sizes[i - off];
      }
      std::vector<Value> ops{x, list};
      if (k == "expand") ops.push_back(operand(cc::Operand{cc::Operand::Bool}).value);
      out.value = create("torch.aten." + k, ops, {makeTensorType(ctx_, sizes, t.dtype)})->getResult(0);
    } else if (k == "stack") {
      need(ins, 2);
      if (ins.args[0].kind != cc::Operand::List || ins.args[0].list.empty())
        throw std::string("stack of something that is not a list of tensors");
      std::vector<Value> items;
      for (auto& x : ins.args[0].list) items.push_back(operand(x).value);
      TensorType t = tensorOf(items[0]);
      int64_t d = ins.args[1].i < 0 ? ins.args[1].i + static_cast<int64_t>(t.sizes.size()) + 1
                                    : ins.args[1].i;
      if (d < 0 || d > static_cast<int64_t>(t.sizes.size())) throw std::string("bad stack dim");
      // as torch-mlir imports aten.stack: cat of unsqueezes
      std::vector<int64_t> one = t.sizes, sizes = t.sizes;
      one.insert(one.begin() + d, 1);
      sizes.insert(sizes.begin() + d, static_cast<int64_t>(items.size()));
      for (Value& v : items)
        v = create("torch.aten.unsqueeze", {v, intConst(d)}, {makeTensorType(ctx_, one, t.dtype)})
                ->getResult(0);
      Value list = create("torch.prim.ListConstruct", items, {makeTorchType(ctx_, "list<vtensor>")})
                       ->getResult(0);
      out.value = create("torch.aten.cat", {list, intConst(d)}, {makeTensorType(ctx_, sizes, t.dtype)})
                      ->getResult(0);
    } else if (k == "bmm") {
      need(ins, 2);
      Value a = operand(ins.args[0]).value, b2 = operand(ins.args[1]).value;
      TensorType ta = tensorOf(a), tb = tensorOf(b2);
      if (ta.sizes.size() != 3 || tb.sizes.size() != 3) throw std::string("bmm of tensors that are not 3-D");
      out.value = create("torch.aten.bmm", {a, b2},
                         {makeTensorType(ctx_, {ta.sizes[0], ta.sizes[1], tb.sizes[2]}, ta.dtype)})
                      ->getResult(0);
    } else if (k == "zeros_like") {
      need(ins, 1);
      Value x = operand(ins.args[0]).value;
      tensorOf(x);
      // as torch-mlir imports aten.zeros_like: full_like(x, 0, dtype, layout, device, pin, format)
      std::vector<Value> ops{x, intConst(0)};
      for (int i = 0; i < 5; ++i) ops.push_back(operand(cc::Operand{}).value);
      out.value = create("torch.aten.full_like", ops, {x.getType()})->getResult(0);
    } else if (k == "recip") {
      need(ins, 1);
      Value x = operand(ins.args[0]).value;
      tensorOf(x);
      out.value = create("torch.aten.reciprocal", {x}, {x.getType()})->getResult(0);
    } else if (k == "not") {
      need(ins, 1);
      Value x = operand(ins.args[0]).value;
      out.value = create("torch.aten.logical_not", {x}, {makeTensorType(ctx_, tensorOf(x).sizes, "i1")})
                      ->getResult(0);
    } else if (k == "mul" || k == "div") {
      need(ins, 2);
      Value x = operand(ins.args[0]).value;
      TensorType t = tensorOf(x);
      Val y = operand(ins.args[1]);
      auto yt = tensorType(y.value.getType());
      if (yt && yt->ranked) {
        out.value = create("torch.aten." + k + ".Tensor", {x, y.value},
                           {makeTensorType(ctx_, broadcast(t.sizes, yt->sizes), t.dtype)})
                        ->getResult(0);
      } else {
        out.value = create("torch.aten." + k + ".Scalar", {x, y.value}, {x.getType()})->getResult(0);
      }
    } else if (k == "size") {
      need(ins, 2);
      Value x = operand(ins.args[0]).value;
      TensorType t = tensorOf(x);
      int64_t d = ins.args[1].i < 0 ? ins.args[1].i + static_cast<int64_t>(t.sizes.size()) : ins.args[1].i;
      if (d < 0 || d >= static_cast<int64_t>(t.sizes.size())) throw std::string("bad size dim");
      out.value = create("torch.aten.size.int", {x, intConst(d)}, {makeTorchType(ctx_, "int")})->getResult(0);
      if (t.sizes[static_cast<size_t>(d)] != kDynamic) out.known = t.sizes[static_cast<size_t>(d)];
    } else if (k == "floordiv" || k == "imul") {
      need(ins, 2);
      Val a = operand(ins.args[0]), b = operand(ins.args[1]);
      out.value = create(k == "imul" ? "torch.aten.mul.int" : "torch.aten.floordiv.int",
                         {a.value, b.value}, {makeTorchType(ctx_, "int")})->getResult(0);
      if (a.known && b.known && (k == "imul" || *b.known != 0))
        out.known = k == "imul" ? *a.known * *b.known : *a.known / *b.known;
    } else if (k == "getitem") {
      need(ins, 2);
      if (ins.args[0].kind != cc::Operand::Temp || !temps_.count(ins.args[0].index) ||
          !temps_[ins.args[0].index].op)
        throw std::string("getitem of something that is not an operator call");
      Operation* call = temps_[ins.args[0].index].op;
      if (ins.args[1].i < 0 || ins.args[1].i >= call->getNumResults())
        throw std::string("getitem index out of range");
      out.value = call->getResult(static_cast<unsigned>(ins.args[1].i));
    } else if (k == "op") {
      std::vector<Value> ops;
      std::vector<Val> vals;
      for (auto& a : ins.args) {
        vals.push_back(operand(a));
        ops.push_back(vals.back().value);
      }
      std::vector<Type> types = resultTypes(ins.callee, ops, vals);
      DictionaryAttr props = DictionaryAttr::get(
          ctx_, {NamedAttribute(StringAttr::get(ctx_, "name"),
                                StringAttr::get(ctx_, "torch.cldmdf." + ins.callee))});
      out.op = create("torch.operator", ops, types, props);
      out.value = out.op->getResult(0);
    } else {
      throw std::string("unknown instruction " + k);
    }
    temps_[ins.temp] = out;
  }

  // The result types of a cldmdf operator (docs/OPS.md), as torch-mlir's importer writes them.
  std::vector<Type> resultTypes(const std::string& callee, const std::vector<Value>& ops,
                                const std::vector<Val>& vals) {
    auto same = [&](size_t i) { return ops.at(i).getType(); };
    // need_weights=False: the weight outputs are empty, [0]
    auto wanted = [&](size_t i) {
      Operation* c = ops.at(i).getDefiningOp();
      auto b = c ? dyn_cast_or_null<BoolAttr>(attrOf(c, "value")) : BoolAttr();
      if (!b) throw std::string("need_weights is not a constant");
      return b.getValue();
    };
    if (callee == "adaptive_fusion" && ops.size() == 5) {
      TensorType h = tensorOf(ops[0]);
      if (h.sizes.size() != 3) throw std::string("adaptive_fusion: h is not [B, M, D]");
      return {makeTensorType(ctx_, {h.sizes[0], h.sizes[2]}, h.dtype),
              wanted(4) ? same(1) : makeTensorType(ctx_, {0}, h.dtype)};
    }
    if (callee == "dual_attention" && ops.size() == 8) {
      TensorType x = tensorOf(ops[0]);
      if (x.sizes.size() != 3 || !vals[5].known)
        throw std::string("dual_attention: x is not [B, M, D] or num_heads is not a constant");
      if (!wanted(7)) return {same(0), makeTensorType(ctx_, {0}, x.dtype), makeTensorType(ctx_, {0}, x.dtype)};
      return {same(0), same(0),
              makeTensorType(ctx_, {x.sizes[0], *vals[5].known, x.sizes[1], x.sizes[1]}, x.dtype)};
    }
    if ((callee == "centroid_contrastive_loss" || callee == "centroid_contrastive_loss.scaled") &&
        ops.size() == 5) {
      TensorType z = tensorOf(ops[0]);
      bool none = false;
      if (Operation* r = ops[4].getDefiningOp())
        if (auto s = dyn_cast_or_null<StringAttr>(attrOf(r, "value"))) none = s.getValue() == "none";
      return {makeTensorType(ctx_, none ? std::vector<int64_t>{z.sizes.at(0)} : std::vector<int64_t>{},
                             z.dtype)};
    }
    throw std::string("the operator cldmdf::" + callee + " with " + std::to_string(ops.size()) +
                      " operands is not known to the MLIR adapter");
  }

  MLIRContext* ctx_;
  std::vector<Value>& values_;
  OpBuilder* builder_ = nullptr;
  Location loc_ = UnknownLoc::get(ctx_);
  std::map<int, Temp> temps_;
  std::vector<Operation*> fresh_;
};

// ------------------------------------------------------------------ dead code

// Erases what the rewrites left dead: every op that neither the function's results nor an op
// with effects (no results, not a check) reads, and the checks that guard a dead tensor.
void eraseDead(Block& body) {
  llvm::DenseSet<Operation*> live;
  std::vector<Operation*> stack;
  auto mark = [&](Operation* root) {
    stack.push_back(root);
    while (!stack.empty()) {
      Operation* op = stack.back();
      stack.pop_back();
      if (!live.insert(op).second) continue;
      for (Value v : op->getOperands())
        if (Operation* d = v.getDefiningOp())
          if (d->getBlock() == &body) stack.push_back(d);
    }
  };
  std::vector<Operation*> checks;
  for (Operation& op : body) {
    if (isCheck(&op)) checks.push_back(&op);
    else if (op.hasTrait<OpTrait::IsTerminator>() || op.getNumResults() == 0 ||
             opName(&op).ends_with("_"))
      mark(&op);
  }
  for (Operation* check : checks) {
    // kept if every tensor it reads, directly or through size computations, is live
    bool keep = true;
    llvm::DenseSet<Operation*> seen;
    std::vector<Value> todo(check->operand_begin(), check->operand_end());
    while (!todo.empty() && keep) {
      Value v = todo.back();
      todo.pop_back();
      Operation* d = v.getDefiningOp();
      if (!d || d->getBlock() != &body || !seen.insert(d).second) continue;
      if (tensorType(v.getType()) && !live.count(d)) keep = false;
      todo.insert(todo.end(), d->operand_begin(), d->operand_end());
    }
    if (keep) mark(check);
  }
  std::vector<Operation*> dead;
  for (Operation& op : body)
    if (!live.count(&op)) dead.push_back(&op);
  for (auto it = dead.rbegin(); it != dead.rend(); ++it) {
    (*it)->dropAllUses();
    (*it)->erase();
  }
}

}  // namespace

std::string fuseFunction(Operation* func, const FuseOptions& options) {
  auto start = std::chrono::steady_clock::now();
  std::ostringstream report;
  auto symName = dyn_cast_or_null<StringAttr>(attrOf(func, "sym_name"));
  report << "func " << (symName ? symName.getValue().str() : std::string("?")) << "\n";
  if (func->getNumRegions() != 1 || func->getRegion(0).getBlocks().size() != 1) {
    report << "note the function does not have a single block; left alone\n";
    return report.str();
  }
  Block& body = func->getRegion(0).front();
  GraphBuilder gb(func, body);
  gb.build();
  for (size_t i = 0; i < gb.names.size(); ++i) report << "name " << i << " " << gb.names[i] << "\n";
  std::string text = cc::format_graph(gb.graph);
  {
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) report << "graph " << line << "\n";
  }
  cc::Options opt;
  opt.ir = "mlir";
  opt.cost_rule = options.costRule;
  opt.explain = options.explain;
  std::string answer = cc::fuse(gb.graph, opt);
  report << answer;
  cc::Result result = cc::parse_result(answer);
  Rewriter rewriter(func->getContext(), gb.values);
  bool any = false;
  for (const cc::Rewrite& rw : result.rewrites) {
    if (auto why = rewriter.apply(rw)) {
      report << "declined " << rw.anchor << " " << *why << "\n";
    } else {
      report << "applied " << rw.anchor << "\n";
      any = true;
    }
  }
  if (any) eraseDead(body);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  report << "stats " << ms << " " << gb.graph.nodes.size() << "\n";
  return report.str();
}

}  // namespace cldmdf_mlir
