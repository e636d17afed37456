// The corpus model modality_first_pooling (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,1],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>):
    %0 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %1 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %2 = "torch.aten.select.int"(%arg0, %0, %1) : (!torch.vtensor<[64,4,64],f32>, !torch.int, !torch.int) -> !torch.vtensor<[64,64],f32>
    %3 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %4 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %5 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %6 = "torch.prim.ListConstruct"(%4, %5) : (!torch.int, !torch.int) -> !torch.list<int>
    %7 = "torch.aten.permute"(%3, %6) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %8 = "torch.aten.mm"(%2, %7) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %9 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %10 = "torch.aten.mul.Scalar"(%8, %9) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %11 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %12 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %13 = "torch.aten.mul.Scalar"(%11, %12) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %14 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %15 = "torch.aten.add.Tensor"(%10, %13, %14) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %16 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %17 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %18 = "torch.aten.select.int"(%arg0, %16, %17) : (!torch.vtensor<[64,4,64],f32>, !torch.int, !torch.int) -> !torch.vtensor<[64,64],f32>
    %19 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %20 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %21 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %22 = "torch.prim.ListConstruct"(%20, %21) : (!torch.int, !torch.int) -> !torch.list<int>
    %23 = "torch.aten.permute"(%19, %22) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %24 = "torch.aten.mm"(%18, %23) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %25 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %26 = "torch.aten.mul.Scalar"(%24, %25) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %27 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %28 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %29 = "torch.aten.mul.Scalar"(%27, %28) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %30 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %31 = "torch.aten.add.Tensor"(%26, %29, %30) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %32 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %33 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %34 = "torch.aten.select.int"(%arg0, %32, %33) : (!torch.vtensor<[64,4,64],f32>, !torch.int, !torch.int) -> !torch.vtensor<[64,64],f32>
    %35 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %36 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %37 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %38 = "torch.prim.ListConstruct"(%36, %37) : (!torch.int, !torch.int) -> !torch.list<int>
    %39 = "torch.aten.permute"(%35, %38) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %40 = "torch.aten.mm"(%34, %39) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %41 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %42 = "torch.aten.mul.Scalar"(%40, %41) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %43 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %44 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %45 = "torch.aten.mul.Scalar"(%43, %44) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %46 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %47 = "torch.aten.add.Tensor"(%42, %45, %46) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %48 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %49 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %50 = "torch.aten.select.int"(%arg0, %48, %49) : (!torch.vtensor<[64,4,64],f32>, !torch.int, !torch.int) -> !torch.vtensor<[64,64],f32>
    %51 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %52 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %54 = "torch.prim.ListConstruct"(%52, %53) : (!torch.int, !torch.int) -> !torch.list<int>
    %55 = "torch.aten.permute"(%51, %54) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %56 = "torch.aten.mm"(%50, %55) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %57 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %58 = "torch.aten.mul.Scalar"(%56, %57) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %59 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %60 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %61 = "torch.aten.mul.Scalar"(%59, %60) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %62 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %63 = "torch.aten.add.Tensor"(%58, %61, %62) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %64 = "torch.prim.ListConstruct"(%15, %31, %47, %63) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.list<vtensor>
    %65 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %66 = "torch.aten.cat"(%64, %65) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %67 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %68 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %69 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %70 = "torch.prim.ListConstruct"(%67, %68, %69) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %71 = "torch.aten.view"(%66, %70) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,64],f32>
    %72 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %73 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %74 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %75 = "torch.prim.ListConstruct"(%73, %74) : (!torch.int, !torch.int) -> !torch.list<int>
    %76 = "torch.aten.permute"(%72, %75) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %77 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %78 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %79 = "torch.prim.ListConstruct"(%77, %78) : (!torch.int, !torch.int) -> !torch.list<int>
    %80 = "torch.aten.view"(%71, %79) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %81 = "torch.aten.mm"(%80, %76) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[256,1],f32>
    %82 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %83 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %84 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %85 = "torch.prim.ListConstruct"(%82, %83, %84) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %86 = "torch.aten.view"(%81, %85) : (!torch.vtensor<[256,1],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,1],f32>
    %87 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %88 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %89 = "torch.aten._softmax"(%86, %87, %88) : (!torch.vtensor<[4,64,1],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[4,64,1],f32>
    %90 = "torch.aten.mul.Tensor"(%89, %71) : (!torch.vtensor<[4,64,1],f32>, !torch.vtensor<[4,64,64],f32>) -> !torch.vtensor<[4,64,64],f32>
    %91 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %92 = "torch.prim.ListConstruct"(%91) : (!torch.int) -> !torch.list<int>
    %93 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %94 = "torch.constant.none"() : () -> !torch.none
    %95 = "torch.aten.sum.dim_IntList"(%90, %92, %93, %94) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,64],f32>
    "func.return"(%95) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
