// The corpus model bag_attention (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[1,64,64],f32>, !torch.vtensor<[1,64,1],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[1,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[1,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,64],f32>):
    %0 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s32"}> : () -> !torch.int
    %1 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<32x64xf32>}> : () -> !torch.vtensor<[32,64],f32>
    %2 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %3 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %4 = "torch.prim.ListConstruct"(%2, %3) : (!torch.int, !torch.int) -> !torch.list<int>
    %5 = "torch.aten.permute"(%1, %4) : (!torch.vtensor<[32,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,32],f32>
    %6 = "torch.aten.mm"(%arg0, %5) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[64,32],f32>
    %7 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %8 = "torch.aten.mul.Scalar"(%6, %7) : (!torch.vtensor<[64,32],f32>, !torch.int) -> !torch.vtensor<[64,32],f32>
    %9 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<32xf32>}> : () -> !torch.vtensor<[32],f32>
    %10 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %11 = "torch.aten.mul.Scalar"(%9, %10) : (!torch.vtensor<[32],f32>, !torch.int) -> !torch.vtensor<[32],f32>
    %12 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %13 = "torch.aten.add.Tensor"(%8, %11, %12) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32],f32>, !torch.int) -> !torch.vtensor<[64,32],f32>
    %14 = "torch.aten.tanh"(%13) : (!torch.vtensor<[64,32],f32>) -> !torch.vtensor<[64,32],f32>
    %15 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x32xf32>}> : () -> !torch.vtensor<[1,32],f32>
    %16 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %17 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %18 = "torch.prim.ListConstruct"(%16, %17) : (!torch.int, !torch.int) -> !torch.list<int>
    %19 = "torch.aten.permute"(%15, %18) : (!torch.vtensor<[1,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,1],f32>
    %20 = "torch.aten.mm"(%14, %19) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,1],f32>) -> !torch.vtensor<[64,1],f32>
    %21 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %22 = "torch.aten.mul.Scalar"(%20, %21) : (!torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,1],f32>
    %23 = "torch.vtensor.literal"() <{value = dense<0.00745289027> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %24 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %25 = "torch.aten.mul.Scalar"(%23, %24) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %26 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %27 = "torch.aten.add.Tensor"(%22, %25, %26) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[64,1],f32>
    %28 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %29 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %30 = "torch.prim.ListConstruct"(%28, %29) : (!torch.int, !torch.int) -> !torch.list<int>
    %31 = "torch.aten.permute"(%27, %30) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[1,64],f32>
    %32 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %33 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %34 = "torch.aten._softmax"(%31, %32, %33) : (!torch.vtensor<[1,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[1,64],f32>
    %35 = "torch.aten.mm"(%34, %arg0) : (!torch.vtensor<[1,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[1,64],f32>
    "func.return"(%35) : (!torch.vtensor<[1,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
