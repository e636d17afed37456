#include "cldmdf_compiler/program.h"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace cldmdf_compiler {

namespace {

[[noreturn]] void bad(const std::string& what, const std::string& line) {
  throw std::runtime_error("cldmdf compiler core: bad " + what + " in \"" + line + "\"");
}

Operand operand(const std::vector<std::string>& tok, size_t& p, const std::string& line) {
  if (p >= tok.size()) bad("operand list", line);
  const std::string t = tok[p++];
  Operand o;
  if (t == "[") {
    o.kind = Operand::List;
    while (p < tok.size() && tok[p] != "]") o.list.push_back(operand(tok, p, line));
    if (p >= tok.size()) bad("list", line);
    ++p;
  } else if (t == "_") {
    o.kind = Operand::None;
  } else if (t[0] == '%') {
    o.kind = Operand::Node;
    o.index = std::atoi(t.c_str() + 1);
  } else if (t[0] == 't' && t.size() > 1 && std::isdigit(static_cast<unsigned char>(t[1]))) {
    o.kind = Operand::Temp;
    o.index = std::atoi(t.c_str() + 1);
  } else if (t[0] == 'i') {
    o.kind = Operand::Int;
    o.i = std::strtoll(t.c_str() + 1, nullptr, 10);
  } else if (t[0] == 'f') {
    o.kind = Operand::Float;
    std::string v = t.substr(1);
    o.f = v == "inf" ? HUGE_VAL : v == "-inf" ? -HUGE_VAL : v == "nan" ? NAN : std::strtod(v.c_str(), nullptr);
  } else if (t[0] == 'b') {
    o.kind = Operand::Bool;
    o.i = t == "b1";
  } else if (t.rfind("s:", 0) == 0) {
    o.kind = Operand::Str;
    o.s = t.substr(2);
  } else {
    bad("token \"" + t + "\"", line);
  }
  return o;
}

std::vector<std::string> split(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string t; in >> t;) out.push_back(t);
  return out;
}

}  // namespace

Result parse_result(const std::string& text) {
  Result r;
  Rewrite* cur = nullptr;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::string kind = line.substr(0, line.find(' '));
    std::string rest = line.size() > kind.size() ? line.substr(kind.size() + 1) : "";
    if (kind == "fuse") {
      r.rewrites.emplace_back();
      cur = &r.rewrites.back();
      std::istringstream f(rest);
      f >> cur->pattern >> cur->anchor;
      std::getline(f >> std::ws, cur->detail);
    } else if (kind == "covers" || kind == "t" || kind == "replace" || kind == "end") {
      if (!cur) bad("program (no fuse line)", line);
      auto tok = split(rest);
      if (kind == "covers") {
        for (auto& t : tok) cur->covered.push_back(std::atoi(t.c_str()));
      } else if (kind == "t") {
        if (tok.size() < 2) bad("instruction", line);
        Instr ins;
        ins.temp = std::atoi(tok[0].c_str());
        ins.op = tok[1];
        size_t p = 2;
        if (ins.op == "op") {
          if (tok.size() < 3) bad("operator call", line);
          ins.callee = tok[2];
          p = 3;
        }
        while (p < tok.size()) ins.args.push_back(operand(tok, p, line));
        cur->instrs.push_back(std::move(ins));
      } else if (kind == "replace") {
        if (tok.size() != 2 || tok[1].size() < 2 || tok[1][0] != 't') bad("replace", line);
        cur->replaces.emplace_back(std::atoi(tok[0].c_str()), std::atoi(tok[1].c_str() + 1));
      } else {
        cur = nullptr;
      }
    } else if (kind == "miss") {
      std::istringstream f(rest);
      Result::Miss m;
      f >> m.node >> m.pattern;
      std::getline(f >> std::ws, m.reason);
      r.misses.push_back(m);
    } else if (kind == "examined" || kind == "canon") {
      std::istringstream f(rest);
      int node;
      std::string what;
      f >> node;
      std::getline(f >> std::ws, what);
      (kind == "examined" ? r.examined : r.canon).emplace_back(node, what);
    }
  }
  if (cur) bad("program (no end line)", cur->pattern);
  return r;
}

}  // namespace cldmdf_compiler
