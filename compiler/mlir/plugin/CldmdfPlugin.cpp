// The --cldmdf-fuse pass as a plugin for stock mlir-opt:
//   mlir-opt-22 --load-pass-plugin=libCldmdfPlugin.so --allow-unregistered-dialect \
//     --pass-pipeline='builtin.module(cldmdf-fuse)' model.mlir
#include "cldmdf-mlir/Fuse.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"

extern "C" LLVM_ATTRIBUTE_WEAK ::mlir::PassPluginLibraryInfo mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "CldmdfFuse", LLVM_VERSION_STRING,
          []() { cldmdf_mlir::registerFusePass(); }};
}
