// The corpus model attention_pooling (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: %mlir_opt --load-pass-plugin=%plugin --allow-unregistered-dialect --pass-pipeline='builtin.module(cldmdf-fuse)' --mlir-print-op-generic %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,1],f32>, !torch.vtensor<[64,4],i1>, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,20],f32>, !torch.vtensor<[64,30],f32>, !torch.vtensor<[64,12],f32>, !torch.vtensor<[64,40],f32>, !torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,10],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,20],f32>, %arg1: !torch.vtensor<[64,30],f32>, %arg2: !torch.vtensor<[64,12],f32>, %arg3: !torch.vtensor<[64,40],f32>, %arg4: !torch.vtensor<[64,4],i1>):
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
    %13 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x30xf32>}> : () -> !torch.vtensor<[64,30],f32>
    %14 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %15 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %16 = "torch.prim.ListConstruct"(%14, %15) : (!torch.int, !torch.int) -> !torch.list<int>
    %17 = "torch.aten.permute"(%13, %16) : (!torch.vtensor<[64,30],f32>, !torch.list<int>) -> !torch.vtensor<[30,64],f32>
    %18 = "torch.aten.mm"(%arg1, %17) : (!torch.vtensor<[64,30],f32>, !torch.vtensor<[30,64],f32>) -> !torch.vtensor<[64,64],f32>
    %19 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %20 = "torch.aten.mul.Scalar"(%18, %19) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %21 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %22 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %23 = "torch.aten.mul.Scalar"(%21, %22) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %24 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %25 = "torch.aten.add.Tensor"(%20, %23, %24) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %26 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x12xf32>}> : () -> !torch.vtensor<[64,12],f32>
    %27 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %28 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %29 = "torch.prim.ListConstruct"(%27, %28) : (!torch.int, !torch.int) -> !torch.list<int>
    %30 = "torch.aten.permute"(%26, %29) : (!torch.vtensor<[64,12],f32>, !torch.list<int>) -> !torch.vtensor<[12,64],f32>
    %31 = "torch.aten.mm"(%arg2, %30) : (!torch.vtensor<[64,12],f32>, !torch.vtensor<[12,64],f32>) -> !torch.vtensor<[64,64],f32>
    %32 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %33 = "torch.aten.mul.Scalar"(%31, %32) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %34 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %35 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %36 = "torch.aten.mul.Scalar"(%34, %35) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %37 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %38 = "torch.aten.add.Tensor"(%33, %36, %37) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %39 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x40xf32>}> : () -> !torch.vtensor<[64,40],f32>
    %40 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %41 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %42 = "torch.prim.ListConstruct"(%40, %41) : (!torch.int, !torch.int) -> !torch.list<int>
    %43 = "torch.aten.permute"(%39, %42) : (!torch.vtensor<[64,40],f32>, !torch.list<int>) -> !torch.vtensor<[40,64],f32>
    %44 = "torch.aten.mm"(%arg3, %43) : (!torch.vtensor<[64,40],f32>, !torch.vtensor<[40,64],f32>) -> !torch.vtensor<[64,64],f32>
    %45 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %46 = "torch.aten.mul.Scalar"(%44, %45) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %47 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %48 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %49 = "torch.aten.mul.Scalar"(%47, %48) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %50 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %51 = "torch.aten.add.Tensor"(%46, %49, %50) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %52 = "torch.prim.ListConstruct"(%12, %25, %38, %51) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.list<vtensor>
    %53 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %54 = "torch.aten.cat"(%52, %53) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,256],f32>
    %55 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %56 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %58 = "torch.prim.ListConstruct"(%55, %56, %57) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %59 = "torch.aten.view"(%54, %58) : (!torch.vtensor<[64,256],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %60 = "torch.aten.tanh"(%59) : (!torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %61 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %62 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %63 = "torch.prim.ListConstruct"(%61, %62) : (!torch.int, !torch.int) -> !torch.list<int>
    %64 = "torch.aten.view"(%60, %63) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %65 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %66 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %67 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %68 = "torch.prim.ListConstruct"(%66, %67) : (!torch.int, !torch.int) -> !torch.list<int>
    %69 = "torch.aten.permute"(%65, %68) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %70 = "torch.aten.mm"(%64, %69) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[256,1],f32>
    %71 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %72 = "torch.aten.mul.Scalar"(%70, %71) : (!torch.vtensor<[256,1],f32>, !torch.int) -> !torch.vtensor<[256,1],f32>
    %73 = "torch.vtensor.literal"() <{value = dense<0.0356490165> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %74 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %75 = "torch.aten.mul.Scalar"(%73, %74) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %76 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %77 = "torch.aten.add.Tensor"(%72, %75, %76) : (!torch.vtensor<[256,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[256,1],f32>
    %78 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %79 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %81 = "torch.prim.ListConstruct"(%78, %79, %80) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %82 = "torch.aten.view"(%77, %81) : (!torch.vtensor<[256,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1],f32>
    %83 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %84 = "torch.aten.unsqueeze"(%arg4, %83) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,4,1],i1>
    %85 = "torch.aten.bitwise_not"(%84) : (!torch.vtensor<[64,4,1],i1>) -> !torch.vtensor<[64,4,1],i1>
    %86 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %87 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %88 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %89 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %90 = "torch.constant.none"() : () -> !torch.none
    %91 = "torch.aten.scalar_tensor"(%86, %87, %88, %89, %90) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %92 = "torch.aten.where.self"(%85, %91, %82) : (!torch.vtensor<[64,4,1],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,4,1],f32>) -> !torch.vtensor<[64,4,1],f32>
    %93 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %94 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %95 = "torch.aten._softmax"(%92, %93, %94) : (!torch.vtensor<[64,4,1],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,1],f32>
    %96 = "torch.aten.mul.Tensor"(%95, %59) : (!torch.vtensor<[64,4,1],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %97 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %98 = "torch.prim.ListConstruct"(%97) : (!torch.int) -> !torch.list<int>
    %99 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %100 = "torch.constant.none"() : () -> !torch.none
    %101 = "torch.aten.sum.dim_IntList"(%96, %98, %99, %100) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,64],f32>
    %102 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<10x64xf32>}> : () -> !torch.vtensor<[10,64],f32>
    %103 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %104 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %105 = "torch.prim.ListConstruct"(%103, %104) : (!torch.int, !torch.int) -> !torch.list<int>
    %106 = "torch.aten.permute"(%102, %105) : (!torch.vtensor<[10,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,10],f32>
    %107 = "torch.aten.mm"(%101, %106) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,10],f32>) -> !torch.vtensor<[64,10],f32>
    %108 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %109 = "torch.aten.mul.Scalar"(%107, %108) : (!torch.vtensor<[64,10],f32>, !torch.int) -> !torch.vtensor<[64,10],f32>
    %110 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<10xf32>}> : () -> !torch.vtensor<[10],f32>
    %111 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %112 = "torch.aten.mul.Scalar"(%110, %111) : (!torch.vtensor<[10],f32>, !torch.int) -> !torch.vtensor<[10],f32>
    %113 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %114 = "torch.aten.add.Tensor"(%109, %112, %113) : (!torch.vtensor<[64,10],f32>, !torch.vtensor<[10],f32>, !torch.int) -> !torch.vtensor<[64,10],f32>
    "func.return"(%114) : (!torch.vtensor<[64,10],f32>) -> ()
  }) : () -> ()
}) : () -> ()
