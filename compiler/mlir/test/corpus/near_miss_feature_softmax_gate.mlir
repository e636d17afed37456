// The corpus model near_miss_feature_softmax_gate (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK-NOT: torch.cldmdf
// REPORT: miss {{[0-9]+}} adaptive_fusion the softmax axis is not summed over ({{.*}})

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>):
    %0 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %1 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %2 = "torch.prim.ListConstruct"(%0, %1) : (!torch.int, !torch.int) -> !torch.list<int>
    %3 = "torch.aten.view"(%arg0, %2) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %4 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %5 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %6 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %7 = "torch.prim.ListConstruct"(%5, %6) : (!torch.int, !torch.int) -> !torch.list<int>
    %8 = "torch.aten.permute"(%4, %7) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %9 = "torch.aten.mm"(%3, %8) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %10 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %11 = "torch.aten.mul.Scalar"(%9, %10) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %12 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %13 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %14 = "torch.aten.mul.Scalar"(%12, %13) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %15 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %16 = "torch.aten.add.Tensor"(%11, %14, %15) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %17 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %18 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %19 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %20 = "torch.prim.ListConstruct"(%17, %18, %19) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %21 = "torch.aten.view"(%16, %20) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %22 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %23 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %24 = "torch.aten._softmax"(%21, %22, %23) : (!torch.vtensor<[64,4,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,64],f32>
    %25 = "torch.aten.mul.Tensor"(%24, %arg0) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    "func.return"(%25) : (!torch.vtensor<[64,4,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
