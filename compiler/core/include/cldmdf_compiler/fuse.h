// The semantic patterns, the rewrite programs they emit, and the report.
//
// fuse() examines every softmax-like node (and every cross-entropy-like loss), matches the
// patterns of docs/COMPILER.md against the canonical form, and returns, per match, a small
// rewrite program that any IR adapter can apply: layout instructions (reshape, permute,
// expand, not, mul), the operator call, and which nodes' uses it replaces. Near misses come
// back with the first condition that failed.
#pragma once

#include <string>
#include <vector>

#include "cldmdf_compiler/graph.h"

namespace cldmdf_compiler {

struct Options {
  std::string ir = "export";  // export | inductor | backend | torchscript | mlir
  bool runtime_sizes = false;  // read every size at run time (the IR keeps sizes dynamic)
  bool cost_rule = true;       // decline fusions the IR's own compiler does better
  bool explain = false;        // also print the canonical forms examined
};

Options parse_options(const std::string& text);  // "ir=inductor runtime_sizes=1 ..."

// Program text, one item per line:
//   fuse <pattern> <anchor> <detail...>        a match; its instructions follow
//   t <k> <instr> <args...>                     a new value t<k>
//   replace <node> <t<k>>                       every use of node reads t<k> instead
//   end
//   miss <node> <pattern> <reason...>           a softmax-like node (or loss) left alone
//   examined <node> <what>                      every candidate the passes looked at
//   canon <node> <canonical form>               with explain
//   note <text>
// Instructions: reshape X [sizes] | permute X [dims] | expand X [sizes] | not X |
//   mul X <f|tensor> | div X <tensor> | recip X | size X i<dim> | floordiv a i<k> | imul a b |
//   op <name> <args...> | getitem X i<k> | stack [X Y ...] i<dim> | zeros_like X |
//   bmm A B
std::string fuse(const Graph& g, const Options& opt);

}  // namespace cldmdf_compiler
