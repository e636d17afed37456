// The corpus model split_attention_radix (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,2,32],f32>, !torch.vtensor<[64,2,32],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[64,32],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,32],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,64],f32>):
    %0 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %1 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %2 = "torch.prim.ListConstruct"(%0, %1) : (!torch.int, !torch.int) -> !torch.list<int>
    %3 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %4 = "torch.aten.split_with_sizes"(%arg0, %2, %3) : (!torch.vtensor<[64,64],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
    %5:2 = "torch.prim.ListUnpack"(%4) : (!torch.list<vtensor>) -> (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,32],f32>)
    %6 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %7 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %8 = "torch.aten.add.Scalar"(%5#0, %6, %7) : (!torch.vtensor<[64,32],f32>, !torch.int, !torch.int) -> !torch.vtensor<[64,32],f32>
    %9 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %10 = "torch.aten.add.Tensor"(%8, %5#1, %9) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,32],f32>, !torch.int) -> !torch.vtensor<[64,32],f32>
    %11 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<16x32xf32>}> : () -> !torch.vtensor<[16,32],f32>
    %12 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %13 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %14 = "torch.prim.ListConstruct"(%12, %13) : (!torch.int, !torch.int) -> !torch.list<int>
    %15 = "torch.aten.permute"(%11, %14) : (!torch.vtensor<[16,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,16],f32>
    %16 = "torch.aten.mm"(%10, %15) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,16],f32>) -> !torch.vtensor<[64,16],f32>
    %17 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %18 = "torch.aten.mul.Scalar"(%16, %17) : (!torch.vtensor<[64,16],f32>, !torch.int) -> !torch.vtensor<[64,16],f32>
    %19 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<16xf32>}> : () -> !torch.vtensor<[16],f32>
    %20 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %21 = "torch.aten.mul.Scalar"(%19, %20) : (!torch.vtensor<[16],f32>, !torch.int) -> !torch.vtensor<[16],f32>
    %22 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %23 = "torch.aten.add.Tensor"(%18, %21, %22) : (!torch.vtensor<[64,16],f32>, !torch.vtensor<[16],f32>, !torch.int) -> !torch.vtensor<[64,16],f32>
    %24 = "torch.aten.relu"(%23) : (!torch.vtensor<[64,16],f32>) -> !torch.vtensor<[64,16],f32>
    %25 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x16xf32>}> : () -> !torch.vtensor<[64,16],f32>
    %26 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %27 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %28 = "torch.prim.ListConstruct"(%26, %27) : (!torch.int, !torch.int) -> !torch.list<int>
    %29 = "torch.aten.permute"(%25, %28) : (!torch.vtensor<[64,16],f32>, !torch.list<int>) -> !torch.vtensor<[16,64],f32>
    %30 = "torch.aten.mm"(%24, %29) : (!torch.vtensor<[64,16],f32>, !torch.vtensor<[16,64],f32>) -> !torch.vtensor<[64,64],f32>
    %31 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %32 = "torch.aten.mul.Scalar"(%30, %31) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %33 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %34 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %35 = "torch.aten.mul.Scalar"(%33, %34) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %36 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %37 = "torch.aten.add.Tensor"(%32, %35, %36) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %38 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %39 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %40 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %41 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %42 = "torch.prim.ListConstruct"(%38, %39, %40, %41) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %43 = "torch.aten.view"(%37, %42) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,2,32],f32>
    %44 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %45 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %46 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %47 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %48 = "torch.prim.ListConstruct"(%44, %45, %46, %47) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %49 = "torch.aten.permute"(%43, %48) : (!torch.vtensor<[64,1,2,32],f32>, !torch.list<int>) -> !torch.vtensor<[64,2,1,32],f32>
    %50 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %51 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %52 = "torch.aten._softmax"(%49, %50, %51) : (!torch.vtensor<[64,2,1,32],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,2,1,32],f32>
    %53 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %54 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %55 = "torch.prim.ListConstruct"(%53, %54) : (!torch.int, !torch.int) -> !torch.list<int>
    %56 = "torch.aten.view"(%52, %55) : (!torch.vtensor<[64,2,1,32],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %57 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %59 = "torch.prim.ListConstruct"(%57, %58) : (!torch.int, !torch.int) -> !torch.list<int>
    %60 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %61 = "torch.aten.split_with_sizes"(%56, %59, %60) : (!torch.vtensor<[64,64],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
    %62:2 = "torch.prim.ListUnpack"(%61) : (!torch.list<vtensor>) -> (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,32],f32>)
    %63 = "torch.aten.mul.Tensor"(%62#0, %5#0) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[64,32],f32>
    %64 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %65 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %66 = "torch.aten.add.Scalar"(%63, %64, %65) : (!torch.vtensor<[64,32],f32>, !torch.int, !torch.int) -> !torch.vtensor<[64,32],f32>
    %67 = "torch.aten.mul.Tensor"(%62#1, %5#1) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[64,32],f32>
    %68 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %69 = "torch.aten.add.Tensor"(%66, %67, %68) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,32],f32>, !torch.int) -> !torch.vtensor<[64,32],f32>
    "func.return"(%69) : (!torch.vtensor<[64,32],f32>) -> ()
  }) : () -> ()
}) : () -> ()
