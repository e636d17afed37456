// The corpus model near_miss_independent_sigmoid_gates (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK-NOT: torch.cldmdf
// REPORT: miss {{[0-9]+}} adaptive_fusion the two gates are not z and 1 - z ({{.*}})

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,20],f32>, !torch.vtensor<[64,30],f32>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,20],f32>, %arg1: !torch.vtensor<[64,30],f32>):
    %0 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x20xf32>}> : () -> !torch.vtensor<[64,20],f32>
    %1 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %2 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %3 = "torch.prim.ListConstruct"(%1, %2) : (!torch.int, !torch.int) -> !torch.list<int>
    %4 = "torch.aten.permute"(%0, %3) : (!torch.vtensor<[64,20],f32>, !torch.list<int>) -> !torch.vtensor<[20,64],f32>
    %5 = "torch.aten.mm"(%arg0, %4) : (!torch.vtensor<[64,20],f32>, !torch.vtensor<[20,64],f32>) -> !torch.vtensor<[64,64],f32>
    %6 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %7 = "torch.aten.mul.Scalar"(%5, %6) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %8 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %9 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %10 = "torch.aten.mul.Scalar"(%8, %9) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %11 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %12 = "torch.aten.add.Tensor"(%7, %10, %11) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %13 = "torch.aten.sigmoid"(%12) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %14 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x20xf32>}> : () -> !torch.vtensor<[64,20],f32>
    %15 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %16 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %17 = "torch.prim.ListConstruct"(%15, %16) : (!torch.int, !torch.int) -> !torch.list<int>
    %18 = "torch.aten.permute"(%14, %17) : (!torch.vtensor<[64,20],f32>, !torch.list<int>) -> !torch.vtensor<[20,64],f32>
    %19 = "torch.aten.mm"(%arg0, %18) : (!torch.vtensor<[64,20],f32>, !torch.vtensor<[20,64],f32>) -> !torch.vtensor<[64,64],f32>
    %20 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %21 = "torch.aten.mul.Scalar"(%19, %20) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %22 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %23 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %24 = "torch.aten.mul.Scalar"(%22, %23) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %25 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %26 = "torch.aten.add.Tensor"(%21, %24, %25) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %27 = "torch.aten.tanh"(%26) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %28 = "torch.aten.mul.Tensor"(%13, %27) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %29 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x30xf32>}> : () -> !torch.vtensor<[64,30],f32>
    %30 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %31 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %32 = "torch.prim.ListConstruct"(%30, %31) : (!torch.int, !torch.int) -> !torch.list<int>
    %33 = "torch.aten.permute"(%29, %32) : (!torch.vtensor<[64,30],f32>, !torch.list<int>) -> !torch.vtensor<[30,64],f32>
    %34 = "torch.aten.mm"(%arg1, %33) : (!torch.vtensor<[64,30],f32>, !torch.vtensor<[30,64],f32>) -> !torch.vtensor<[64,64],f32>
    %35 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %36 = "torch.aten.mul.Scalar"(%34, %35) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %37 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %38 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %39 = "torch.aten.mul.Scalar"(%37, %38) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %40 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %41 = "torch.aten.add.Tensor"(%36, %39, %40) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %42 = "torch.aten.sigmoid"(%41) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %43 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x30xf32>}> : () -> !torch.vtensor<[64,30],f32>
    %44 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %45 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %46 = "torch.prim.ListConstruct"(%44, %45) : (!torch.int, !torch.int) -> !torch.list<int>
    %47 = "torch.aten.permute"(%43, %46) : (!torch.vtensor<[64,30],f32>, !torch.list<int>) -> !torch.vtensor<[30,64],f32>
    %48 = "torch.aten.mm"(%arg1, %47) : (!torch.vtensor<[64,30],f32>, !torch.vtensor<[30,64],f32>) -> !torch.vtensor<[64,64],f32>
    %49 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %50 = "torch.aten.mul.Scalar"(%48, %49) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %51 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %52 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %53 = "torch.aten.mul.Scalar"(%51, %52) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %54 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %55 = "torch.aten.add.Tensor"(%50, %53, %54) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %56 = "torch.aten.tanh"(%55) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %57 = "torch.aten.mul.Tensor"(%42, %56) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %58 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %59 = "torch.aten.add.Tensor"(%28, %57, %58) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    "func.return"(%59) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
