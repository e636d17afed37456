// The corpus model folded_heads_attention (dynamic batch),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.dual_attention"}> : (!torch.vtensor<[?,4,64],f32>, !torch.vtensor<[?,4,64],f32>, !torch.vtensor<[?,4,64],f32>, !torch.vtensor<[?,4,64],f32>, !torch.vtensor<[?,4],i1>, !torch.int, !torch.float, !torch.bool) -> (!torch.vtensor<[?,4,64],f32>, !torch.vtensor<[0],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse dual_attention 
// GONE-NOT: "torch.aten._softmax"
// GONE-NOT: "torch.aten.bmm"

#map = affine_map<()[s0] -> (s0, 4, 64)>
#map1 = affine_map<()[s0] -> (s0, 4)>
#map2 = affine_map<()[s0] -> (s0 * 4, 64)>
#map3 = affine_map<()[s0] -> (s0, 4, 4, 16)>
#map4 = affine_map<()[s0] -> (s0 * 4, 4, 16)>
#map5 = affine_map<()[s0] -> (s0 * 4, 16, 4)>
#map6 = affine_map<()[s0] -> (s0 * 4, 4, 4)>
#map7 = affine_map<()[s0] -> (s0, 1, 4)>
#map8 = affine_map<()[s0] -> (s0, 1, 1, 4)>
#map9 = affine_map<()[s0] -> (s0, 4, 1, 4)>
#map10 = affine_map<()[s0] -> (s0 * 4, 1, 4)>
"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[?,4,64],f32>, !torch.vtensor<[?,4],i1>) -> !torch.vtensor<[?,4,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[?,4,64],f32>, %arg1: !torch.vtensor<[?,4],i1>):
    %0 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s31"}> : () -> !torch.int
    "torch.bind_symbolic_shape"(%arg0, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    "torch.bind_symbolic_shape"(%arg1, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,4],i1>, !torch.int) -> ()
    %1 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %2 = "torch.aten.size.int"(%arg1, %1) : (!torch.vtensor<[?,4],i1>, !torch.int) -> !torch.int
    %3 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %4 = "torch.aten.mul.int"(%2, %3) : (!torch.int, !torch.int) -> !torch.int
    %5 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %6 = "torch.prim.ListConstruct"(%4, %5) : (!torch.int, !torch.int) -> !torch.list<int>
    %7 = "torch.aten.view"(%arg0, %6) : (!torch.vtensor<[?,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%7, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %8 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %9 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %10 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %11 = "torch.prim.ListConstruct"(%9, %10) : (!torch.int, !torch.int) -> !torch.list<int>
    %12 = "torch.aten.permute"(%8, %11) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %13 = "torch.aten.mm"(%7, %12) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%13, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %14 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %15 = "torch.aten.mul.Scalar"(%13, %14) : (!torch.vtensor<[?,64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%15, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %16 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %17 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %18 = "torch.aten.mul.Scalar"(%16, %17) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %19 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %20 = "torch.aten.add.Tensor"(%15, %18, %19) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%20, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %21 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %22 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %23 = "torch.prim.ListConstruct"(%2, %21, %22) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %24 = "torch.aten.view"(%20, %23) : (!torch.vtensor<[?,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%24, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    %25 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %26 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %27 = "torch.aten._softmax"(%24, %25, %26) : (!torch.vtensor<[?,4,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%27, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    %28 = "torch.aten.mul.Tensor"(%27, %arg0) : (!torch.vtensor<[?,4,64],f32>, !torch.vtensor<[?,4,64],f32>) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%28, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    %29 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %30 = "torch.aten.mul.Scalar"(%28, %29) : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%30, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    %31 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %32 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %33 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %34 = "torch.prim.ListConstruct"(%32, %33) : (!torch.int, !torch.int) -> !torch.list<int>
    %35 = "torch.aten.permute"(%31, %34) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %36 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %37 = "torch.prim.ListConstruct"(%4, %36) : (!torch.int, !torch.int) -> !torch.list<int>
    %38 = "torch.aten.view"(%arg0, %37) : (!torch.vtensor<[?,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%38, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %39 = "torch.aten.mm"(%38, %35) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%39, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %40 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %41 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %42 = "torch.prim.ListConstruct"(%2, %40, %41) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %43 = "torch.aten.view"(%39, %42) : (!torch.vtensor<[?,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%43, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    %44 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %45 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %46 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %47 = "torch.prim.ListConstruct"(%2, %44, %45, %46) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %48 = "torch.aten.view"(%43, %47) : (!torch.vtensor<[?,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%48, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %49 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %50 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %51 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %52 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %53 = "torch.prim.ListConstruct"(%49, %50, %51, %52) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %54 = "torch.aten.permute"(%48, %53) : (!torch.vtensor<[?,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%54, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %55 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %56 = "torch.aten.clone"(%54, %55) : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%56, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %57 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %59 = "torch.prim.ListConstruct"(%4, %57, %58) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %60 = "torch.aten.view"(%56, %59) : (!torch.vtensor<[?,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,16],f32>
    "torch.bind_symbolic_shape"(%60, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[?,4,16],f32>, !torch.int) -> ()
    %61 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %62 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %63 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %64 = "torch.prim.ListConstruct"(%62, %63) : (!torch.int, !torch.int) -> !torch.list<int>
    %65 = "torch.aten.permute"(%61, %64) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %66 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %67 = "torch.prim.ListConstruct"(%4, %66) : (!torch.int, !torch.int) -> !torch.list<int>
    %68 = "torch.aten.view"(%arg0, %67) : (!torch.vtensor<[?,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%68, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %69 = "torch.aten.mm"(%68, %65) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%69, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %70 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %71 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %72 = "torch.prim.ListConstruct"(%2, %70, %71) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %73 = "torch.aten.view"(%69, %72) : (!torch.vtensor<[?,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%73, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    %74 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %75 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %76 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %77 = "torch.prim.ListConstruct"(%2, %74, %75, %76) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %78 = "torch.aten.view"(%73, %77) : (!torch.vtensor<[?,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%78, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %79 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %81 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %82 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %83 = "torch.prim.ListConstruct"(%79, %80, %81, %82) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %84 = "torch.aten.permute"(%78, %83) : (!torch.vtensor<[?,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%84, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %85 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %86 = "torch.aten.clone"(%84, %85) : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%86, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %87 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %88 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %89 = "torch.prim.ListConstruct"(%4, %87, %88) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %90 = "torch.aten.view"(%86, %89) : (!torch.vtensor<[?,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,16],f32>
    "torch.bind_symbolic_shape"(%90, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[?,4,16],f32>, !torch.int) -> ()
    %91 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %92 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %93 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %94 = "torch.prim.ListConstruct"(%2, %91, %92, %93) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %95 = "torch.aten.view"(%30, %94) : (!torch.vtensor<[?,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%95, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %96 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %97 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %98 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %99 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %100 = "torch.prim.ListConstruct"(%96, %97, %98, %99) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %101 = "torch.aten.permute"(%95, %100) : (!torch.vtensor<[?,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%101, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %102 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %103 = "torch.aten.clone"(%101, %102) : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%103, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %104 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %105 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %106 = "torch.prim.ListConstruct"(%4, %104, %105) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %107 = "torch.aten.view"(%103, %106) : (!torch.vtensor<[?,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,16],f32>
    "torch.bind_symbolic_shape"(%107, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[?,4,16],f32>, !torch.int) -> ()
    %108 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %109 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %110 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %111 = "torch.prim.ListConstruct"(%108, %109, %110) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %112 = "torch.aten.permute"(%90, %111) : (!torch.vtensor<[?,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,16,4],f32>
    "torch.bind_symbolic_shape"(%112, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,16,4],f32>, !torch.int) -> ()
    %113 = "torch.aten.bmm"(%60, %112) : (!torch.vtensor<[?,4,16],f32>, !torch.vtensor<[?,16,4],f32>) -> !torch.vtensor<[?,4,4],f32>
    "torch.bind_symbolic_shape"(%113, %0) <{shape_expressions = #map6}> : (!torch.vtensor<[?,4,4],f32>, !torch.int) -> ()
    %114 = "torch.constant.float"() <{value = 4.000000e+00 : f64}> : () -> !torch.float
    %115 = "torch.aten.div.Scalar"(%113, %114) : (!torch.vtensor<[?,4,4],f32>, !torch.float) -> !torch.vtensor<[?,4,4],f32>
    "torch.bind_symbolic_shape"(%115, %0) <{shape_expressions = #map6}> : (!torch.vtensor<[?,4,4],f32>, !torch.int) -> ()
    %116 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %117 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %118 = "torch.constant.int"() <{value = 9223372036854775807 : i64}> : () -> !torch.int
    %119 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %120 = "torch.aten.slice.Tensor"(%arg1, %116, %117, %118, %119) : (!torch.vtensor<[?,4],i1>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor<[?,4],i1>
    "torch.bind_symbolic_shape"(%120, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,4],i1>, !torch.int) -> ()
    %121 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %122 = "torch.aten.unsqueeze"(%120, %121) : (!torch.vtensor<[?,4],i1>, !torch.int) -> !torch.vtensor<[?,1,4],i1>
    "torch.bind_symbolic_shape"(%122, %0) <{shape_expressions = #map7}> : (!torch.vtensor<[?,1,4],i1>, !torch.int) -> ()
    %123 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %124 = "torch.aten.unsqueeze"(%122, %123) : (!torch.vtensor<[?,1,4],i1>, !torch.int) -> !torch.vtensor<[?,1,1,4],i1>
    "torch.bind_symbolic_shape"(%124, %0) <{shape_expressions = #map8}> : (!torch.vtensor<[?,1,1,4],i1>, !torch.int) -> ()
    %125 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %126 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %127 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %128 = "torch.prim.ListConstruct"(%2, %125, %126, %127) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %129 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %130 = "torch.aten.expand"(%124, %128, %129) : (!torch.vtensor<[?,1,1,4],i1>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[?,4,1,4],i1>
    "torch.bind_symbolic_shape"(%130, %0) <{shape_expressions = #map9}> : (!torch.vtensor<[?,4,1,4],i1>, !torch.int) -> ()
    %131 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %132 = "torch.aten.clone"(%130, %131) : (!torch.vtensor<[?,4,1,4],i1>, !torch.int) -> !torch.vtensor<[?,4,1,4],i1>
    "torch.bind_symbolic_shape"(%132, %0) <{shape_expressions = #map9}> : (!torch.vtensor<[?,4,1,4],i1>, !torch.int) -> ()
    %133 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %134 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %135 = "torch.prim.ListConstruct"(%4, %133, %134) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %136 = "torch.aten.view"(%132, %135) : (!torch.vtensor<[?,4,1,4],i1>, !torch.list<int>) -> !torch.vtensor<[?,1,4],i1>
    "torch.bind_symbolic_shape"(%136, %0) <{shape_expressions = #map10}> : (!torch.vtensor<[?,1,4],i1>, !torch.int) -> ()
    %137 = "torch.aten.bitwise_not"(%136) : (!torch.vtensor<[?,1,4],i1>) -> !torch.vtensor<[?,1,4],i1>
    "torch.bind_symbolic_shape"(%137, %0) <{shape_expressions = #map10}> : (!torch.vtensor<[?,1,4],i1>, !torch.int) -> ()
    %138 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %139 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %140 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %141 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %142 = "torch.constant.none"() : () -> !torch.none
    %143 = "torch.aten.scalar_tensor"(%138, %139, %140, %141, %142) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %144 = "torch.aten.where.self"(%137, %143, %115) : (!torch.vtensor<[?,1,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[?,4,4],f32>) -> !torch.vtensor<[?,4,4],f32>
    "torch.bind_symbolic_shape"(%144, %0) <{shape_expressions = #map6}> : (!torch.vtensor<[?,4,4],f32>, !torch.int) -> ()
    %145 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %146 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %147 = "torch.aten._softmax"(%144, %145, %146) : (!torch.vtensor<[?,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[?,4,4],f32>
    "torch.bind_symbolic_shape"(%147, %0) <{shape_expressions = #map6}> : (!torch.vtensor<[?,4,4],f32>, !torch.int) -> ()
    %148 = "torch.aten.bmm"(%147, %107) : (!torch.vtensor<[?,4,4],f32>, !torch.vtensor<[?,4,16],f32>) -> !torch.vtensor<[?,4,16],f32>
    "torch.bind_symbolic_shape"(%148, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[?,4,16],f32>, !torch.int) -> ()
    %149 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %150 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %151 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %152 = "torch.prim.ListConstruct"(%2, %149, %150, %151) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %153 = "torch.aten.view"(%148, %152) : (!torch.vtensor<[?,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%153, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %154 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %155 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %156 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %157 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %158 = "torch.prim.ListConstruct"(%154, %155, %156, %157) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %159 = "torch.aten.permute"(%153, %158) : (!torch.vtensor<[?,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%159, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %160 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %161 = "torch.aten.clone"(%159, %160) : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> !torch.vtensor<[?,4,4,16],f32>
    "torch.bind_symbolic_shape"(%161, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,4,4,16],f32>, !torch.int) -> ()
    %162 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %163 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %164 = "torch.prim.ListConstruct"(%2, %162, %163) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %165 = "torch.aten.view"(%161, %164) : (!torch.vtensor<[?,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[?,4,64],f32>
    "torch.bind_symbolic_shape"(%165, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?,4,64],f32>, !torch.int) -> ()
    "func.return"(%165) : (!torch.vtensor<[?,4,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
