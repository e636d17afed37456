// The core's answer (fuse.h) read back into structures, for adapters written in C++ (the
// MLIR pass). The Python adapters read the same text in compiler/core.py.
#pragma once

#include <string>
#include <vector>

namespace cldmdf_compiler {

// One argument of an instruction: a graph node, an earlier temporary, a constant, a list.
struct Operand {
  enum Kind { None, Node, Temp, Int, Float, Bool, Str, List } kind = None;
  int index = -1;  // Node: the node id; Temp: the temporary's number
  long long i = 0;
  double f = 0.0;
  std::string s;
  std::vector<Operand> list;
};

struct Instr {
  int temp = 0;            // the temporary t<temp> this instruction defines
  std::string op;          // reshape | permute | expand | not | mul | div | size | floordiv |
                           // imul | getitem | op
  std::string callee;      // for "op": the cldmdf operator's name
  std::vector<Operand> args;
};

struct Rewrite {
  std::string pattern;
  int anchor = -1;
  std::string detail;
  std::vector<int> covered;
  std::vector<Instr> instrs;
  std::vector<std::pair<int, int>> replaces;  // (node, temporary)
};

struct Result {
  std::vector<Rewrite> rewrites;
  struct Miss { int node; std::string pattern, reason; };
  std::vector<Miss> misses;
  std::vector<std::pair<int, std::string>> examined;
  std::vector<std::pair<int, std::string>> canon;
};

Result parse_result(const std::string& text);  // throws std::runtime_error on bad text

}  // namespace cldmdf_compiler
