// The corpus model vector_bag_softmax (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[1,64,64],f32>, !torch.vtensor<[1,64,1],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[1,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten.amax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64],f32>, sym_name = "main"}> ({
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
    %29 = "torch.prim.ListConstruct"(%28) : (!torch.int) -> !torch.list<int>
    %30 = "torch.prims.squeeze"(%27, %29) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %31 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %32 = "torch.prim.ListConstruct"(%31) : (!torch.int) -> !torch.list<int>
    %33 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %34 = "torch.aten.amax"(%30, %32, %33) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[],f32>
    %35 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %36 = "torch.aten.sub.Tensor"(%30, %34, %35) : (!torch.vtensor<[64],f32>, !torch.vtensor<[],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %37 = "torch.aten.exp"(%36) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %38 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %39 = "torch.prim.ListConstruct"(%38) : (!torch.int) -> !torch.list<int>
    %40 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %41 = "torch.constant.none"() : () -> !torch.none
    %42 = "torch.aten.sum.dim_IntList"(%37, %39, %40, %41) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %43 = "torch.aten.div.Tensor"(%37, %42) : (!torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %44 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %45 = "torch.aten.unsqueeze"(%43, %44) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[1,64],f32>
    %46 = "torch.aten.mm"(%45, %arg0) : (!torch.vtensor<[1,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[1,64],f32>
    %47 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %48 = "torch.prim.ListConstruct"(%47) : (!torch.int) -> !torch.list<int>
    %49 = "torch.prims.squeeze"(%46, %48) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    "func.return"(%49) : (!torch.vtensor<[64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
