// A file that is not MLIR: one line naming the file and position, a non-zero exit.
// RUN: not cldmdf-mlir-opt --cldmdf-fuse %s 2>&1 | FileCheck %s
// CHECK: not_mlir.mlir:[[# @LINE + 2]]:1: error: custom op 'this' is unknown
// CHECK-NOT: error
this is a model description, not MLIR
