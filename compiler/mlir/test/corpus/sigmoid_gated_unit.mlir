// The corpus model sigmoid_gated_unit (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,2,64],f32>, !torch.vtensor<[64,2,64],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 

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
    %13 = "torch.aten.tanh"(%12) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %14 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x30xf32>}> : () -> !torch.vtensor<[64,30],f32>
    %15 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %16 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %17 = "torch.prim.ListConstruct"(%15, %16) : (!torch.int, !torch.int) -> !torch.list<int>
    %18 = "torch.aten.permute"(%14, %17) : (!torch.vtensor<[64,30],f32>, !torch.list<int>) -> !torch.vtensor<[30,64],f32>
    %19 = "torch.aten.mm"(%arg1, %18) : (!torch.vtensor<[64,30],f32>, !torch.vtensor<[30,64],f32>) -> !torch.vtensor<[64,64],f32>
    %20 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %21 = "torch.aten.mul.Scalar"(%19, %20) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %22 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %23 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %24 = "torch.aten.mul.Scalar"(%22, %23) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %25 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %26 = "torch.aten.add.Tensor"(%21, %24, %25) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %27 = "torch.aten.tanh"(%26) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %28 = "torch.prim.ListConstruct"(%arg0, %arg1) : (!torch.vtensor<[64,20],f32>, !torch.vtensor<[64,30],f32>) -> !torch.list<vtensor>
    %29 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %30 = "torch.aten.cat"(%28, %29) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,50],f32>
    %31 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x50xf32>}> : () -> !torch.vtensor<[64,50],f32>
    %32 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %33 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %34 = "torch.prim.ListConstruct"(%32, %33) : (!torch.int, !torch.int) -> !torch.list<int>
    %35 = "torch.aten.permute"(%31, %34) : (!torch.vtensor<[64,50],f32>, !torch.list<int>) -> !torch.vtensor<[50,64],f32>
    %36 = "torch.aten.mm"(%30, %35) : (!torch.vtensor<[64,50],f32>, !torch.vtensor<[50,64],f32>) -> !torch.vtensor<[64,64],f32>
    %37 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %38 = "torch.aten.mul.Scalar"(%36, %37) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %39 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %40 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %41 = "torch.aten.mul.Scalar"(%39, %40) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %42 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %43 = "torch.aten.add.Tensor"(%38, %41, %42) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %44 = "torch.aten.sigmoid"(%43) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %45 = "torch.aten.mul.Tensor"(%44, %13) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %46 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %47 = "torch.prim.NumToTensor.Scalar"(%46) : (!torch.int) -> !torch.vtensor<[],si64>
    %48 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %49 = "torch.aten.sub.Tensor"(%47, %44, %48) : (!torch.vtensor<[],si64>, !torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %50 = "torch.aten.mul.Tensor"(%49, %27) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %51 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %52 = "torch.aten.add.Tensor"(%45, %50, %51) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    "func.return"(%52) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
