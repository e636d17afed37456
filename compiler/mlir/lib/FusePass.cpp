// --cldmdf-fuse: the recognition core's MLIR adapter (TorchGraph.cpp) as a module pass.
#include <fstream>
#include <string>

#include "cldmdf-mlir/Fuse.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassRegistry.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace cldmdf_mlir {

namespace {

struct FusePass : public PassWrapper<FusePass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(FusePass)

  FusePass() = default;
  FusePass(const FusePass& other) : PassWrapper(other) {}

  StringRef getArgument() const final { return "cldmdf-fuse"; }
  StringRef getDescription() const final {
    return "Replace CL-DMDF computations in torch-dialect functions (generic form) with "
           "torch.cldmdf.* operator calls";
  }

  Option<std::string> report{*this, "report",
                             llvm::cl::desc("append the fusion report to this file ('-': stderr)"),
                             llvm::cl::init("")};
  Option<bool> costRule{*this, "cost-rule",
                        llvm::cl::desc("decline fusions the IR's own compiler does better"),
                        llvm::cl::init(true)};
  Option<bool> explain{*this, "explain",
                       llvm::cl::desc("report the canonical form of every node examined"),
                       llvm::cl::init(false)};

  void runOnOperation() override {
    FuseOptions opt;
    opt.costRule = costRule;
    opt.explain = explain;
    std::string text;
    // functions: func.func (registered or not) with a body
    getOperation()->walk([&](Operation* op) {
      if (op->getName().getStringRef() == "func.func" && op->getNumRegions() == 1 &&
          !op->getRegion(0).empty()) {
        try {
          text += fuseFunction(op, opt);
        } catch (const std::exception& e) {
          op->emitError() << "cldmdf-fuse: " << e.what();
          signalPassFailure();
        }
      }
    });
    if (report.empty()) return;
    if (report == "-") {
      llvm::errs() << text;
      return;
    }
    std::ofstream out(report, std::ios::app);
    if (!out) {
      getOperation()->emitError() << "cldmdf-fuse: cannot write the report to " << report;
      return signalPassFailure();
    }
    out << text;
  }
};

}  // namespace

std::unique_ptr<Pass> createFusePass() { return std::make_unique<FusePass>(); }

void registerFusePass() { PassRegistration<FusePass>(); }

}  // namespace cldmdf_mlir
