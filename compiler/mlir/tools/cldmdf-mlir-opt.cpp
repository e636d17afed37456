// cldmdf-mlir-opt: an mlir-opt-style driver with cldmdf's passes registered.
//
//   cldmdf-mlir-opt --cldmdf-fuse model.mlir -o fused.mlir
//   cldmdf-mlir-opt --cldmdf-fuse="report=- explain=1" model.mlir
//
// It reads torch-dialect modules in MLIR's generic form (torch-mlir prints it with
// print_generic_op_form=True) with unregistered dialects allowed, runs the pass pipeline
// named on the command line, and prints the result in generic form (--pretty: custom form
// where a dialect is registered). Errors are one line, `file:line:col: error: message`.
#include <string>

#include "cldmdf-mlir/Fuse.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/ToolOutputFile.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace {

llvm::cl::opt<std::string> inputFile(llvm::cl::Positional, llvm::cl::desc("<input .mlir>"),
                                     llvm::cl::init("-"));
llvm::cl::opt<std::string> outputFile("o", llvm::cl::desc("output file"),
                                      llvm::cl::value_desc("filename"), llvm::cl::init("-"));
llvm::cl::opt<bool> pretty("pretty", llvm::cl::desc("print registered ops in their custom form"),
                           llvm::cl::init(false));

std::string location(Location loc) {
  if (auto f = dyn_cast<FileLineColLoc>(loc))
    return (f.getFilename().getValue() + ":" + llvm::Twine(f.getLine()) + ":" +
            llvm::Twine(f.getColumn()))
        .str();
  if (auto n = dyn_cast<NameLoc>(loc)) return location(n.getChildLoc());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    if (!fused.getLocations().empty()) return location(fused.getLocations().front());
  return inputFile;
}

}  // namespace

int main(int argc, char** argv) {
  llvm::InitLLVM init(argc, argv);
  cldmdf_mlir::registerFusePass();
  PassPipelineCLParser pipeline("", "Passes to run");
  llvm::cl::ParseCommandLineOptions(argc, argv, "cldmdf MLIR optimizer driver\n");

  DialectRegistry registry;
  registry.insert<func::FuncDialect>();
  MLIRContext context(registry);
  context.allowUnregisteredDialects();
  context.loadAllAvailableDialects();

  int errors = 0;
  context.getDiagEngine().registerHandler([&](Diagnostic& d) {
    if (d.getSeverity() != DiagnosticSeverity::Error) return success();
    std::string msg = d.str();
    for (char& c : msg)
      if (c == '\n') c = ' ';
    if (llvm::StringRef(msg).contains("custom op 'torch."))
      msg += " (cldmdf-mlir-opt reads the torch dialect in MLIR's generic form: print it with "
             "module.operation.get_asm(print_generic_op_form=True))";
    llvm::errs() << location(d.getLocation()) << ": error: " << msg << "\n";
    ++errors;
    return success();
  });

  std::string err;
  auto input = openInputFile(inputFile, &err);
  if (!input) {
    llvm::errs() << "cldmdf-mlir-opt: " << err << "\n";
    return 1;
  }
  llvm::SourceMgr sources;
  sources.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sources, ParserConfig(&context));
  if (!module) {
    if (!errors) llvm::errs() << inputFile << ": error: not an MLIR module\n";
    return 1;
  }
  PassManager pm(&context, ModuleOp::getOperationName());
  auto pipelineError = [&](const llvm::Twine& msg) {
    llvm::errs() << "cldmdf-mlir-opt: " << msg << "\n";
    return failure();
  };
  if (failed(pipeline.addToPipeline(pm, pipelineError))) return 1;
  if (failed(pm.run(*module))) {
    if (!errors) llvm::errs() << inputFile << ": error: the pass pipeline failed\n";
    return 1;
  }
  auto output = openOutputFile(outputFile, &err);
  if (!output) {
    llvm::errs() << "cldmdf-mlir-opt: " << err << "\n";
    return 1;
  }
  OpPrintingFlags flags;
  if (!pretty) flags.printGenericOpForm();
  module->print(output->os(), flags);
  output->os() << "\n";
  output->keep();
  return 0;
}
