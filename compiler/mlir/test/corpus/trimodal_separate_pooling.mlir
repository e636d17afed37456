// The corpus model trimodal_separate_pooling (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,3,64],f32>, !torch.vtensor<[64,3,1],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,24],f32>, !torch.vtensor<[64,12],f32>, !torch.vtensor<[64,16],f32>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,24],f32>, %arg1: !torch.vtensor<[64,12],f32>, %arg2: !torch.vtensor<[64,16],f32>):
    %0 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x24xf32>}> : () -> !torch.vtensor<[64,24],f32>
    %1 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %2 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %3 = "torch.prim.ListConstruct"(%1, %2) : (!torch.int, !torch.int) -> !torch.list<int>
    %4 = "torch.aten.permute"(%0, %3) : (!torch.vtensor<[64,24],f32>, !torch.list<int>) -> !torch.vtensor<[24,64],f32>
    %5 = "torch.aten.mm"(%arg0, %4) : (!torch.vtensor<[64,24],f32>, !torch.vtensor<[24,64],f32>) -> !torch.vtensor<[64,64],f32>
    %6 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %7 = "torch.aten.mul.Scalar"(%5, %6) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %8 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %9 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %10 = "torch.aten.mul.Scalar"(%8, %9) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %11 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %12 = "torch.aten.add.Tensor"(%7, %10, %11) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %13 = "torch.aten.tanh"(%12) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %14 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x12xf32>}> : () -> !torch.vtensor<[64,12],f32>
    %15 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %16 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %17 = "torch.prim.ListConstruct"(%15, %16) : (!torch.int, !torch.int) -> !torch.list<int>
    %18 = "torch.aten.permute"(%14, %17) : (!torch.vtensor<[64,12],f32>, !torch.list<int>) -> !torch.vtensor<[12,64],f32>
    %19 = "torch.aten.mm"(%arg1, %18) : (!torch.vtensor<[64,12],f32>, !torch.vtensor<[12,64],f32>) -> !torch.vtensor<[64,64],f32>
    %20 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %21 = "torch.aten.mul.Scalar"(%19, %20) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %22 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %23 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %24 = "torch.aten.mul.Scalar"(%22, %23) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %25 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %26 = "torch.aten.add.Tensor"(%21, %24, %25) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %27 = "torch.aten.tanh"(%26) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %28 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x16xf32>}> : () -> !torch.vtensor<[64,16],f32>
    %29 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %30 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %31 = "torch.prim.ListConstruct"(%29, %30) : (!torch.int, !torch.int) -> !torch.list<int>
    %32 = "torch.aten.permute"(%28, %31) : (!torch.vtensor<[64,16],f32>, !torch.list<int>) -> !torch.vtensor<[16,64],f32>
    %33 = "torch.aten.mm"(%arg2, %32) : (!torch.vtensor<[64,16],f32>, !torch.vtensor<[16,64],f32>) -> !torch.vtensor<[64,64],f32>
    %34 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %35 = "torch.aten.mul.Scalar"(%33, %34) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %36 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %37 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %38 = "torch.aten.mul.Scalar"(%36, %37) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %39 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %40 = "torch.aten.add.Tensor"(%35, %38, %39) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %41 = "torch.aten.tanh"(%40) : (!torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %42 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %43 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %44 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %45 = "torch.prim.ListConstruct"(%43, %44) : (!torch.int, !torch.int) -> !torch.list<int>
    %46 = "torch.aten.permute"(%42, %45) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %47 = "torch.aten.mm"(%13, %46) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %48 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %49 = "torch.aten.mul.Scalar"(%47, %48) : (!torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,1],f32>
    %50 = "torch.vtensor.literal"() <{value = dense<-0.0975123941> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %51 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %52 = "torch.aten.mul.Scalar"(%50, %51) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %53 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %54 = "torch.aten.add.Tensor"(%49, %52, %53) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[64,1],f32>
    %55 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %56 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %58 = "torch.prim.ListConstruct"(%56, %57) : (!torch.int, !torch.int) -> !torch.list<int>
    %59 = "torch.aten.permute"(%55, %58) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %60 = "torch.aten.mm"(%27, %59) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %61 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %62 = "torch.aten.mul.Scalar"(%60, %61) : (!torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,1],f32>
    %63 = "torch.vtensor.literal"() <{value = dense<-0.0975123941> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %64 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %65 = "torch.aten.mul.Scalar"(%63, %64) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %66 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %67 = "torch.aten.add.Tensor"(%62, %65, %66) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[64,1],f32>
    %68 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %69 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %70 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %71 = "torch.prim.ListConstruct"(%69, %70) : (!torch.int, !torch.int) -> !torch.list<int>
    %72 = "torch.aten.permute"(%68, %71) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %73 = "torch.aten.mm"(%41, %72) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %74 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %75 = "torch.aten.mul.Scalar"(%73, %74) : (!torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,1],f32>
    %76 = "torch.vtensor.literal"() <{value = dense<-0.0975123941> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %77 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %78 = "torch.aten.mul.Scalar"(%76, %77) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %79 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %80 = "torch.aten.add.Tensor"(%75, %78, %79) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[64,1],f32>
    %81 = "torch.prim.ListConstruct"(%54, %67, %80) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[64,1],f32>, !torch.vtensor<[64,1],f32>) -> !torch.list<vtensor>
    %82 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %83 = "torch.aten.cat"(%81, %82) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,3],f32>
    %84 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %85 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %86 = "torch.aten._softmax"(%83, %84, %85) : (!torch.vtensor<[64,3],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,3],f32>
    %87 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %88 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %89 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %91 = "torch.aten.slice.Tensor"(%86, %87, %88, %89, %90) : (!torch.vtensor<[64,3],f32>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor<[64,1],f32>
    %92 = "torch.aten.mul.Tensor"(%91, %13) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %93 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %94 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %95 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %96 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %97 = "torch.aten.slice.Tensor"(%86, %93, %94, %95, %96) : (!torch.vtensor<[64,3],f32>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor<[64,1],f32>
    %98 = "torch.aten.mul.Tensor"(%97, %27) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %99 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %100 = "torch.aten.add.Tensor"(%92, %98, %99) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %101 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %102 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %103 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %104 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %105 = "torch.aten.slice.Tensor"(%86, %101, %102, %103, %104) : (!torch.vtensor<[64,3],f32>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor<[64,1],f32>
    %106 = "torch.aten.mul.Tensor"(%105, %41) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %107 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %108 = "torch.aten.add.Tensor"(%100, %106, %107) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    "func.return"(%108) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
