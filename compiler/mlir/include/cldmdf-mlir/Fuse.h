// The MLIR adapter of cldmdf's recognition core (compiler/core/): the torch dialect of
// torch-mlir, read in MLIR's generic form with the torch dialect unregistered.
//
// fuseFunction() writes one function's torch ops as the core's IR-neutral graph
// (cldmdf_compiler/graph.h), runs the core, and applies each rewrite program it returns:
// layout ops (torch.aten.reshape / permute / expand ...), the operator call as
// `torch.operator "torch.cldmdf.<op>"` with the operands and result types torch-mlir's
// importer gives a program that calls the operator directly, and the replaced uses. The ops
// the matches covered, and the checks that only guarded them, are erased.
#pragma once

#include <memory>
#include <string>

namespace mlir {
class Operation;
class Pass;
}  // namespace mlir

namespace cldmdf_mlir {

struct FuseOptions {
  bool costRule = true;  // decline fusions the IR's own compiler does better (the core's rule)
  bool explain = false;  // also report the canonical forms examined
};

// Fuses the function `func` (a func.func whose body holds torch ops) in place. Returns the
// report, one item per line:
//   func <name>                 the function
//   name <node> <ssa name>      every node of the core's graph, as the input printed it
//   graph <line>                the core's graph text (graph.h)
//   <the core's answer>         fuse / covers / t / replace / end / miss / examined / canon
//   applied <anchor>            a rewrite applied
//   declined <anchor> <why>     a rewrite the adapter could not apply
//   stats <milliseconds> <nodes>
std::string fuseFunction(mlir::Operation* func, const FuseOptions& options);

// --cldmdf-fuse: fuses every func.func of a module. Options: report=<file> ("-": stderr)
// appends the report of each function; cost-rule=0 turns the cost rule off; explain=1.
std::unique_ptr<mlir::Pass> createFusePass();
void registerFusePass();

}  // namespace cldmdf_mlir
