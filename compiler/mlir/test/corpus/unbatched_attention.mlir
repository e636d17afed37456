// The corpus model unbatched_attention (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.dual_attention"}> : (!torch.vtensor<[1,5,64],f32>, !torch.vtensor<[1,5,64],f32>, !torch.vtensor<[1,5,64],f32>, !torch.vtensor<[1,5,64],f32>, !torch.none, !torch.int, !torch.float, !torch.bool) -> (!torch.vtensor<[1,5,64],f32>, !torch.vtensor<[0],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse dual_attention 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[5,64],f32>) -> !torch.vtensor<[5,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[5,64],f32>):
    %0 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s64"}> : () -> !torch.int
    %1 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s21"}> : () -> !torch.int
    %2 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %3 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %4 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %5 = "torch.prim.ListConstruct"(%3, %4) : (!torch.int, !torch.int) -> !torch.list<int>
    %6 = "torch.aten.permute"(%2, %5) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %7 = "torch.aten.mm"(%arg0, %6) : (!torch.vtensor<[5,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[5,64],f32>
    %8 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %9 = "torch.aten.mul.Scalar"(%7, %8) : (!torch.vtensor<[5,64],f32>, !torch.int) -> !torch.vtensor<[5,64],f32>
    %10 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %11 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %12 = "torch.aten.mul.Scalar"(%10, %11) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %13 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %14 = "torch.aten.add.Tensor"(%9, %12, %13) : (!torch.vtensor<[5,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[5,64],f32>
    %15 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %16 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %17 = "torch.aten._softmax"(%14, %15, %16) : (!torch.vtensor<[5,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[5,64],f32>
    %18 = "torch.aten.mul.Tensor"(%17, %arg0) : (!torch.vtensor<[5,64],f32>, !torch.vtensor<[5,64],f32>) -> !torch.vtensor<[5,64],f32>
    %19 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %20 = "torch.aten.mul.Scalar"(%18, %19) : (!torch.vtensor<[5,64],f32>, !torch.int) -> !torch.vtensor<[5,64],f32>
    %21 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %22 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %23 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %24 = "torch.prim.ListConstruct"(%22, %23) : (!torch.int, !torch.int) -> !torch.list<int>
    %25 = "torch.aten.permute"(%21, %24) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %26 = "torch.aten.mm"(%arg0, %25) : (!torch.vtensor<[5,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[5,64],f32>
    %27 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %28 = "torch.aten.mul.Scalar"(%26, %27) : (!torch.vtensor<[5,64],f32>, !torch.int) -> !torch.vtensor<[5,64],f32>
    %29 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %30 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %31 = "torch.aten.mul.Scalar"(%29, %30) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %32 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %33 = "torch.aten.add.Tensor"(%28, %31, %32) : (!torch.vtensor<[5,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[5,64],f32>
    %34 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %35 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %36 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %37 = "torch.prim.ListConstruct"(%35, %36) : (!torch.int, !torch.int) -> !torch.list<int>
    %38 = "torch.aten.permute"(%34, %37) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %39 = "torch.aten.mm"(%arg0, %38) : (!torch.vtensor<[5,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[5,64],f32>
    %40 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %41 = "torch.aten.mul.Scalar"(%39, %40) : (!torch.vtensor<[5,64],f32>, !torch.int) -> !torch.vtensor<[5,64],f32>
    %42 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %43 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %44 = "torch.aten.mul.Scalar"(%42, %43) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %45 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %46 = "torch.aten.add.Tensor"(%41, %44, %45) : (!torch.vtensor<[5,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[5,64],f32>
    %47 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %48 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %49 = "torch.prim.ListConstruct"(%47, %48) : (!torch.int, !torch.int) -> !torch.list<int>
    %50 = "torch.aten.permute"(%46, %49) : (!torch.vtensor<[5,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,5],f32>
    %51 = "torch.aten.mm"(%33, %50) : (!torch.vtensor<[5,64],f32>, !torch.vtensor<[64,5],f32>) -> !torch.vtensor<[5,5],f32>
    %52 = "torch.constant.float"() <{value = 8.000000e+00 : f64}> : () -> !torch.float
    %53 = "torch.aten.div.Scalar"(%51, %52) : (!torch.vtensor<[5,5],f32>, !torch.float) -> !torch.vtensor<[5,5],f32>
    %54 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %55 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %56 = "torch.aten._softmax"(%53, %54, %55) : (!torch.vtensor<[5,5],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[5,5],f32>
    %57 = "torch.aten.mm"(%56, %20) : (!torch.vtensor<[5,5],f32>, !torch.vtensor<[5,64],f32>) -> !torch.vtensor<[5,64],f32>
    "func.return"(%57) : (!torch.vtensor<[5,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
