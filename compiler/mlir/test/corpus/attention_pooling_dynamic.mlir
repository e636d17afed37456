// The corpus model attention_pooling (dynamic batch),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[?,4,64],f32>, !torch.vtensor<[?,4,1],f32>, !torch.vtensor<[?,4],i1>, !torch.float, !torch.bool) -> (!torch.vtensor<[?,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

#map = affine_map<()[s0] -> (s0, 20)>
#map1 = affine_map<()[s0] -> (s0, 30)>
#map2 = affine_map<()[s0] -> (s0, 12)>
#map3 = affine_map<()[s0] -> (s0, 40)>
#map4 = affine_map<()[s0] -> (s0, 4)>
#map5 = affine_map<()[s0] -> (s0, 64)>
#map6 = affine_map<()[s0] -> (s0, 256)>
#map7 = affine_map<()[s0] -> (s0, 4, 64)>
#map8 = affine_map<()[s0] -> (s0 * 4, 64)>
#map9 = affine_map<()[s0] -> (s0 * 4, 1)>
#map10 = affine_map<()[s0] -> (s0, 4, 1)>
#map11 = affine_map<()[s0] -> (s0, 10)>
"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[?,20],f32>, !torch.vtensor<[?,30],f32>, !torch.vtensor<[?,12],f32>, !torch.vtensor<[?,40],f32>, !torch.vtensor<[?,4],i1>) -> !torch.vtensor<[?,10],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[?,20],f32>, %arg1: !torch.vtensor<[?,30],f32>, %arg2: !torch.vtensor<[?,12],f32>, %arg3: !torch.vtensor<[?,40],f32>, %arg4: !torch.vtensor<[?,4],i1>):
    %0 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s29"}> : () -> !torch.int
    "torch.bind_symbolic_shape"(%arg0, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?,20],f32>, !torch.int) -> ()
    "torch.bind_symbolic_shape"(%arg1, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,30],f32>, !torch.int) -> ()
    "torch.bind_symbolic_shape"(%arg2, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,12],f32>, !torch.int) -> ()
    "torch.bind_symbolic_shape"(%arg3, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,40],f32>, !torch.int) -> ()
    "torch.bind_symbolic_shape"(%arg4, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[?,4],i1>, !torch.int) -> ()
    %1 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %2 = "torch.aten.size.int"(%arg3, %1) : (!torch.vtensor<[?,40],f32>, !torch.int) -> !torch.int
    %3 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x20xf32>}> : () -> !torch.vtensor<[64,20],f32>
    %4 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %5 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %6 = "torch.prim.ListConstruct"(%4, %5) : (!torch.int, !torch.int) -> !torch.list<int>
    %7 = "torch.aten.permute"(%3, %6) : (!torch.vtensor<[64,20],f32>, !torch.list<int>) -> !torch.vtensor<[20,64],f32>
    %8 = "torch.aten.mm"(%arg0, %7) : (!torch.vtensor<[?,20],f32>, !torch.vtensor<[20,64],f32>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%8, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %9 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %10 = "torch.aten.mul.Scalar"(%8, %9) : (!torch.vtensor<[?,64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%10, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %11 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %12 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %13 = "torch.aten.mul.Scalar"(%11, %12) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %14 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %15 = "torch.aten.add.Tensor"(%10, %13, %14) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%15, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %16 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x30xf32>}> : () -> !torch.vtensor<[64,30],f32>
    %17 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %18 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %19 = "torch.prim.ListConstruct"(%17, %18) : (!torch.int, !torch.int) -> !torch.list<int>
    %20 = "torch.aten.permute"(%16, %19) : (!torch.vtensor<[64,30],f32>, !torch.list<int>) -> !torch.vtensor<[30,64],f32>
    %21 = "torch.aten.mm"(%arg1, %20) : (!torch.vtensor<[?,30],f32>, !torch.vtensor<[30,64],f32>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%21, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %22 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %23 = "torch.aten.mul.Scalar"(%21, %22) : (!torch.vtensor<[?,64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%23, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %24 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %25 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %26 = "torch.aten.mul.Scalar"(%24, %25) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %27 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %28 = "torch.aten.add.Tensor"(%23, %26, %27) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%28, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %29 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x12xf32>}> : () -> !torch.vtensor<[64,12],f32>
    %30 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %31 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %32 = "torch.prim.ListConstruct"(%30, %31) : (!torch.int, !torch.int) -> !torch.list<int>
    %33 = "torch.aten.permute"(%29, %32) : (!torch.vtensor<[64,12],f32>, !torch.list<int>) -> !torch.vtensor<[12,64],f32>
    %34 = "torch.aten.mm"(%arg2, %33) : (!torch.vtensor<[?,12],f32>, !torch.vtensor<[12,64],f32>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%34, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %35 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %36 = "torch.aten.mul.Scalar"(%34, %35) : (!torch.vtensor<[?,64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%36, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %37 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %38 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %39 = "torch.aten.mul.Scalar"(%37, %38) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %40 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %41 = "torch.aten.add.Tensor"(%36, %39, %40) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%41, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %42 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x40xf32>}> : () -> !torch.vtensor<[64,40],f32>
    %43 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %44 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %45 = "torch.prim.ListConstruct"(%43, %44) : (!torch.int, !torch.int) -> !torch.list<int>
    %46 = "torch.aten.permute"(%42, %45) : (!torch.vtensor<[64,40],f32>, !torch.list<int>) -> !torch.vtensor<[40,64],f32>
    %47 = "torch.aten.mm"(%arg3, %46) : (!torch.vtensor<[?,40],f32>, !torch.vtensor<[40,64],f32>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%47, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %48 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %49 = "torch.aten.mul.Scalar"(%47, %48) : (!torch.vtensor<[?,64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%49, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %50 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %51 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %52 = "torch.aten.mul.Scalar"(%50, %51) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %53 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %54 = "torch.aten.add.Tensor"(%49, %52, %53) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%54, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %55 = "torch.prim.ListConstruct"(%15, %28, %41, %54) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[?,64],f32>, !torch.vtensor<[?,64],f32>, !torch.vtensor<[?,64],f32>) -> !torch.list<vtensor>
    %56 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %57 = "torch.aten.cat"(%55, %56) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[?,256],f32>
    "torch.bind_symbolic_shape"(%57, %0) <{shape_expressions = #map6}> : (!torch.vtensor<[?,256],f32>, !torch.int) -> ()
    %58 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %60 = "torch.prim.ListConstruct"(%2, %58, %59) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %61 = "torch.aten.view"(%57, %60) : (!torch.vtensor<[?,256],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%61, %0) <{shape_expressions = #map7}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    %62 = "torch.aten.tanh"(%61) : (!torch.vtensor<[?,4,64],f32>) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%62, %0) <{shape_expressions = #map7}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    %63 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %64 = "torch.aten.mul.int"(%2, %63) : (!torch.int, !torch.int) -> !torch.int
    %65 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %66 = "torch.prim.ListConstruct"(%64, %65) : (!torch.int, !torch.int) -> !torch.list<int>
    %67 = "torch.aten.view"(%62, %66) : (!torch.vtensor<[?,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%67, %0) <{shape_expressions = #map8}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %68 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %69 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %70 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %71 = "torch.prim.ListConstruct"(%69, %70) : (!torch.int, !torch.int) -> !torch.list<int>
    %72 = "torch.aten.permute"(%68, %71) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %73 = "torch.aten.mm"(%67, %72) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%73, %0) <{shape_expressions = #map9}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %74 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %75 = "torch.aten.mul.Scalar"(%73, %74) : (!torch.vtensor<[?,1],f32>, !torch.int) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%75, %0) <{shape_expressions = #map9}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %76 = "torch.vtensor.literal"() <{value = dense<0.0356490165> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %77 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %78 = "torch.aten.mul.Scalar"(%76, %77) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %79 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %80 = "torch.aten.add.Tensor"(%75, %78, %79) : (!torch.vtensor<[?,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%80, %0) <{shape_expressions = #map9}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %81 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %82 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %83 = "torch.prim.ListConstruct"(%2, %81, %82) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %84 = "torch.aten.view"(%80, %83) : (!torch.vtensor<[?,1],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,1],f32>
    "torch.bind_symbolic_shape"(%84, %0) <{shape_expressions = #map10}> : (!torch.vtensor<[?,4,1],f32>, !torch.int) -> ()
    %85 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %86 = "torch.aten.unsqueeze"(%arg4, %85) : (!torch.vtensor<[?,4],i1>, !torch.int) -> !torch.vtensor<[?,4,1],i1>
    "torch.bind_symbolic_shape"(%86, %0) <{shape_expressions = #map10}> : (!torch.vtensor<[?,4,1],i1>, !torch.int) -> ()
    %87 = "torch.aten.bitwise_not"(%86) : (!torch.vtensor<[?,4,1],i1>) -> !torch.vtensor<[?,4,1],i1>
    "torch.bind_symbolic_shape"(%87, %0) <{shape_expressions = #map10}> : (!torch.vtensor<[?,4,1],i1>, !torch.int) -> ()
    %88 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %89 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %91 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %92 = "torch.constant.none"() : () -> !torch.none
    %93 = "torch.aten.scalar_tensor"(%88, %89, %90, %91, %92) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %94 = "torch.aten.where.self"(%87, %93, %84) : (!torch.vtensor<[?,4,1],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[?,4,1],f32>) -> !torch.vtensor<[?,4,1],f32>
    "torch.bind_symbolic_shape"(%94, %0) <{shape_expressions = #map10}> : (!torch.vtensor<[?,4,1],f32>, !torch.int) -> ()
    %95 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %96 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %97 = "torch.aten._softmax"(%94, %95, %96) : (!torch.vtensor<[?,4,1],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[?,4,1],f32>
    "torch.bind_symbolic_shape"(%97, %0) <{shape_expressions = #map10}> : (!torch.vtensor<[?,4,1],f32>, !torch.int) -> ()
    %98 = "torch.aten.mul.Tensor"(%97, %61) : (!torch.vtensor<[?,4,1],f32>, !torch.vtensor<[?,4,64],f32>) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%98, %0) <{shape_expressions = #map7}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    %99 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %100 = "torch.prim.ListConstruct"(%99) : (!torch.int) -> !torch.list<int>
    %101 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %102 = "torch.constant.none"() : () -> !torch.none
    %103 = "torch.aten.sum.dim_IntList"(%98, %100, %101, %102) : (!torch.vtensor<[?,4,64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%103, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %104 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<10x64xf32>}> : () -> !torch.vtensor<[10,64],f32>
    %105 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %106 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %107 = "torch.prim.ListConstruct"(%105, %106) : (!torch.int, !torch.int) -> !torch.list<int>
    %108 = "torch.aten.permute"(%104, %107) : (!torch.vtensor<[10,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,10],f32>
    %109 = "torch.aten.mm"(%103, %108) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64,10],f32>) -> !torch.vtensor<[?,10],f32>
    "torch.bind_symbolic_shape"(%109, %0) <{shape_expressions = #map11}> : (!torch.vtensor<[?,10],f32>, !torch.int) -> ()
    %110 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %111 = "torch.aten.mul.Scalar"(%109, %110) : (!torch.vtensor<[?,10],f32>, !torch.int) -> !torch.vtensor<[?,10],f32>
    "torch.bind_symbolic_shape"(%111, %0) <{shape_expressions = #map11}> : (!torch.vtensor<[?,10],f32>, !torch.int) -> ()
    %112 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<10xf32>}> : () -> !torch.vtensor<[10],f32>
    %113 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %114 = "torch.aten.mul.Scalar"(%112, %113) : (!torch.vtensor<[10],f32>, !torch.int) -> !torch.vtensor<[10],f32>
    %115 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %116 = "torch.aten.add.Tensor"(%111, %114, %115) : (!torch.vtensor<[?,10],f32>, !torch.vtensor<[10],f32>, !torch.int) -> !torch.vtensor<[?,10],f32>
    "torch.bind_symbolic_shape"(%116, %0) <{shape_expressions = #map11}> : (!torch.vtensor<[?,10],f32>, !torch.int) -> ()
    "func.return"(%116) : (!torch.vtensor<[?,10],f32>) -> ()
  }) : () -> ()
}) : () -> ()
