// Ops the pass does not know are left alone: a function of unregistered ops with no torch
// types, and an op with a region, pass through unchanged.
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s 2>&1 | FileCheck %s
// CHECK: func main
// CHECK: stats
// CHECK: "other.op"
// CHECK-NOT: torch.cldmdf
"builtin.module"() ({
  "func.func"() <{function_type = (i32) -> i32, sym_name = "main"}> ({
  ^bb0(%arg0: i32):
    %0 = "other.op"(%arg0) ({
      "other.yield"() : () -> ()
    }) : (i32) -> i32
    "func.return"(%0) : (i32) -> ()
  }) : () -> ()
}) : () -> ()
