#include "cldmdf_compiler/graph.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace cldmdf_compiler {

namespace {

double parse_double(const std::string& s) {
  if (s == "inf") return std::numeric_limits<double>::infinity();
  if (s == "-inf") return -std::numeric_limits<double>::infinity();
  if (s == "nan") return std::numeric_limits<double>::quiet_NaN();
  return std::stod(s);
}

Arg parse_arg(const std::vector<std::string>& tok, size_t& p) {
  if (p >= tok.size()) throw std::runtime_error("truncated argument list");
  const std::string& t = tok[p++];
  Arg a;
  if (t == "[") {
    a.kind = Arg::List;
    while (p < tok.size() && tok[p] != "]") a.list.push_back(parse_arg(tok, p));
    if (p >= tok.size()) throw std::runtime_error("unterminated list");
    ++p;
  } else if (t == "_") {
    a.kind = Arg::None;
  } else if (t[0] == '%') {
    a.kind = Arg::Node;
    a.node = std::stoi(t.substr(1));
  } else if (t[0] == 'i') {
    a.kind = Arg::Int;
    a.i = std::stoll(t.substr(1));
  } else if (t[0] == 'f') {
    a.kind = Arg::Float;
    a.f = parse_double(t.substr(1));
  } else if (t[0] == 'b') {
    a.kind = Arg::Bool;
    a.i = t == "b1";
  } else if (t.rfind("s:", 0) == 0) {
    a.kind = Arg::Str;
    a.s = t.substr(2);
  } else {
    throw std::runtime_error("bad argument token '" + t + "'");
  }
  return a;
}

}  // namespace

std::string format_number(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (std::isnan(v)) return "nan";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

void Graph::finish() {
  for (auto& n : nodes) n.users.clear();
  for (auto& n : nodes) {
    std::vector<const Arg*> stack;
    for (auto& a : n.args) stack.push_back(&a);
    while (!stack.empty()) {
      const Arg* a = stack.back();
      stack.pop_back();
      if (a->kind == Arg::Node) {
        auto& users = nodes.at(static_cast<size_t>(a->node)).users;
        if (users.empty() || users.back() != n.id) users.push_back(n.id);
      } else if (a->kind == Arg::List) {
        for (auto& x : a->list) stack.push_back(&x);
      }
    }
  }
}

Graph parse_graph(const std::string& text) {
  Graph g;
  std::istringstream lines(text);
  std::string line;
  int lineno = 0;
  while (std::getline(lines, line)) {
    ++lineno;
    std::istringstream ws(line);
    std::vector<std::string> tok;
    for (std::string t; ws >> t;) tok.push_back(t);
    if (tok.empty()) continue;
    try {
      if (tok[0] == "o") {
        for (size_t i = 1; i < tok.size(); ++i)
          g.nodes.at(static_cast<size_t>(std::stoi(tok[i]))).is_output = true;
        continue;
      }
      if (tok[0] != "n" || tok.size() < 6) throw std::runtime_error("expected 'n <id> <op> ...'");
      Node n;
      n.id = std::stoi(tok[1]);
      if (n.id != static_cast<int>(g.nodes.size())) throw std::runtime_error("ids must count up");
      n.op = tok[2];
      n.dtype = tok[3] == "-" ? "" : tok[3];
      const std::string& sh = tok[4];
      if (sh[0] == '[') {
        n.tensor = true;
        std::string body = sh.substr(1, sh.size() - 2);
        std::istringstream ds(body);
        for (std::string d; std::getline(ds, d, ',');) {
          if (d.empty()) continue;
          Dim dim;
          dim.sym = d[0] == 's';
          auto colon = d.find(':');
          if (colon != std::string::npos) {
            dim.expr = d.substr(colon + 1);
            d = d.substr(0, colon);
          }
          dim.size = std::stoll(dim.sym ? d.substr(1) : d);
          n.shape.push_back(dim);
        }
      } else if (sh[0] == '=') {
        n.scalar = true;
        n.value_sym = sh.size() > 1 && sh[1] == 's';
        n.value = parse_double(sh.substr(n.value_sym ? 2 : 1));
      }
      n.name = tok[5];
      size_t p = 6;
      while (p < tok.size()) n.args.push_back(parse_arg(tok, p));
      g.nodes.push_back(std::move(n));
    } catch (const std::exception& e) {
      throw std::runtime_error("graph text line " + std::to_string(lineno) + ": " + e.what());
    }
  }
  for (auto& n : g.nodes) {
    std::vector<const Arg*> stack;
    for (auto& a : n.args) stack.push_back(&a);
    while (!stack.empty()) {
      const Arg* a = stack.back();
      stack.pop_back();
      if (a->kind == Arg::Node && (a->node < 0 || a->node >= n.id))
        throw std::runtime_error("node " + std::to_string(n.id) + " reads %" +
                                 std::to_string(a->node) + ", not an earlier node");
      if (a->kind == Arg::List)
        for (auto& x : a->list) stack.push_back(&x);
    }
  }
  g.finish();
  return g;
}

namespace {

void format_arg(std::ostringstream& o, const Arg& a) {
  switch (a.kind) {
    case Arg::None: o << " _"; break;
    case Arg::Node: o << " %" << a.node; break;
    case Arg::Int: o << " i" << a.i; break;
    case Arg::Float: o << " f" << format_number(a.f); break;
    case Arg::Bool: o << " b" << (a.i ? 1 : 0); break;
    case Arg::Str: o << " s:" << (a.s.empty() ? "_" : a.s); break;
    case Arg::List:
      o << " [";
      for (auto& x : a.list) format_arg(o, x);
      o << " ]";
      break;
  }
}

}  // namespace

std::string format_graph(const Graph& g) {
  std::ostringstream o;
  std::vector<int> outputs;
  for (auto& n : g.nodes) {
    o << "n " << n.id << " " << n.op << " " << (n.dtype.empty() ? "-" : n.dtype) << " ";
    if (n.tensor) {
      o << "[";
      for (size_t d = 0; d < n.shape.size(); ++d) {
        const Dim& dim = n.shape[d];
        o << (d ? "," : "") << (dim.sym ? "s" : "") << dim.size;
        if (dim.sym && !dim.expr.empty()) o << ":" << dim.expr;
      }
      o << "]";
    } else if (n.scalar) {
      o << "=" << (n.value_sym ? "s" : "") << format_number(n.value);
    } else {
      o << "-";
    }
    o << " " << (n.name.empty() ? "n" + std::to_string(n.id) : n.name);
    for (auto& a : n.args) format_arg(o, a);
    o << "\n";
    if (n.is_output) outputs.push_back(n.id);
  }
  if (!outputs.empty()) {
    o << "o";
    for (int id : outputs) o << " " << id;
    o << "\n";
  }
  return o.str();
}

}  // namespace cldmdf_compiler
