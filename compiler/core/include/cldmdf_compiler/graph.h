// The IR-neutral graph the recognition core works on, and its text form.
//
// Every IR adapter (FX for torch.export and Inductor, TorchScript, the MLIR torch dialect)
// translates its graph into this form: nodes in topological order, each with an ATen op name
// without overload ("aten::softmax"), positional arguments (node references or constants),
// and the dtype and example shape of its value. Multi-output ops are followed by
// "prim::getitem" nodes. The core depends on neither torch nor MLIR.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cldmdf_compiler {

struct Arg {
  enum Kind { None, Node, Int, Float, Bool, Str, List } kind = None;
  int node = -1;
  int64_t i = 0;
  double f = 0.0;
  std::string s;
  std::vector<Arg> list;

  bool is_node() const { return kind == Node; }
  bool is_number() const { return kind == Int || kind == Float; }
  double number() const { return kind == Int ? static_cast<double>(i) : f; }
  static Arg make_node(int n) { Arg a; a.kind = Node; a.node = n; return a; }
  static Arg make_int(int64_t v) { Arg a; a.kind = Int; a.i = v; return a; }
  static Arg make_float(double v) { Arg a; a.kind = Float; a.f = v; return a; }
};

struct Dim {
  int64_t size = 0;   // the example's size (the hint, for a symbolic size)
  bool sym = false;   // the graph keeps this size symbolic (a dynamic export)
  std::string expr;   // its symbolic expression ("4*s77"), where known
};

struct Node {
  int id = 0;
  std::string op;          // "aten::softmax", "input", "prim::getitem", ...
  std::string dtype;       // "f32", "f64", "f16", "bf16", "bool", "i64", ...; "" if no tensor
  bool tensor = false;     // the value is a tensor with a known shape
  std::vector<Dim> shape;
  bool scalar = false;     // the value is a number with a known example value
  double value = 0.0;
  bool value_sym = false;  // that number is a symbolic size
  std::string name;        // the adapter's name for the node, for the report
  std::vector<Arg> args;
  std::vector<int> users;  // filled by Graph::finish()
  bool is_output = false;  // the value leaves the graph

  int rank() const { return static_cast<int>(shape.size()); }
  // a tensor of one element ([], [1], [1, 1], ...): a learned scalar, a bias
  bool one_element() const {
    if (!tensor) return false;
    for (auto& d : shape)
      if (d.sym || d.size != 1) return false;
    return true;
  }
  bool floating() const {
    return dtype == "f32" || dtype == "f64" || dtype == "f16" || dtype == "bf16";
  }
};

struct Graph {
  std::vector<Node> nodes;  // nodes[i].id == i, topological order

  const Node& at(int id) const { return nodes.at(static_cast<size_t>(id)); }
  void finish();  // computes users
};

// Text form, one node per line:
//   n <id> <op> <dtype|-> <shape|-|=value> <name> <arg>...
//   o <id>...                         (graph outputs)
// shape: [64,4,s64:s0] (s: symbolic, with its expression); scalar nodes: =0.5 or =s64
// args: %<id> node, i<int>, f<float>, b0/b1, _ (None), s:<string>, [ ... ] list
Graph parse_graph(const std::string& text);
std::string format_graph(const Graph& g);  // the same text, for adapters written in C++
std::string format_number(double v);

}  // namespace cldmdf_compiler
