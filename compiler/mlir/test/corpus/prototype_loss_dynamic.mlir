// The corpus model prototype_loss (dynamic batch),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.centroid_contrastive_loss"}> : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[?],si64>, !torch.float, !torch.bool, !torch.str) -> !torch.vtensor<[],f32>
// REPORT: fuse centroid_contrastive_loss 
// GONE-NOT: "torch.aten.amax"
// GONE-NOT: "torch.aten.gather"
// GONE-NOT: "torch.aten.index_put"
// GONE-NOT: "torch.aten._unique2"

#map = affine_map<()[s0] -> (s0, 64)>
#map1 = affine_map<()[s0] -> (s0)>
#map2 = affine_map<()[s0] -> (s0, 32)>
#map3 = affine_map<()[s0] -> (s0, 1)>
#map4 = affine_map<()[s0] -> (32, s0)>
#map5 = affine_map<()[s0, s1] -> (s0, s1)>
#map6 = affine_map<()[s0, s1] -> (s0, s1 + 1)>
"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[?,64],f32>, !torch.vtensor<[?],si64>) -> !torch.vtensor<[],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[?,64],f32>, %arg1: !torch.vtensor<[?],si64>):
    %0 = "torch.symbolic_int"() <{max_val = 9223372036854775806 : i64, min_val = 0 : i64, symbol_name = "u0"}> : () -> !torch.int
    %1 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s75"}> : () -> !torch.int
    %2 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s35"}> : () -> !torch.int
    %3 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s29"}> : () -> !torch.int
    "torch.bind_symbolic_shape"(%arg0, %1) <{shape_expressions = #map}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    "torch.bind_symbolic_shape"(%arg1, %1) <{shape_expressions = #map1}> : (!torch.vtensor<[?],si64>, !torch.int) -> ()
    %4 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %5 = "torch.aten.size.int"(%arg0, %4) : (!torch.vtensor<[?,64],f32>, !torch.int) -> !torch.int
    %6 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<32x64xf32>}> : () -> !torch.vtensor<[32,64],f32>
    %7 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %8 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %9 = "torch.prim.ListConstruct"(%7, %8) : (!torch.int, !torch.int) -> !torch.list<int>
    %10 = "torch.aten.permute"(%6, %9) : (!torch.vtensor<[32,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,32],f32>
    %11 = "torch.aten.mm"(%arg0, %10) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%11, %1) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %12 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %13 = "torch.aten.mul.Scalar"(%11, %12) : (!torch.vtensor<[?,32],f32>, !torch.int) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%13, %1) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %14 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<32xf32>}> : () -> !torch.vtensor<[32],f32>
    %15 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %16 = "torch.aten.mul.Scalar"(%14, %15) : (!torch.vtensor<[32],f32>, !torch.int) -> !torch.vtensor<[32],f32>
    %17 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %18 = "torch.aten.add.Tensor"(%13, %16, %17) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[32],f32>, !torch.int) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%18, %1) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %19 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %20 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %21 = "torch.prim.ListConstruct"(%20) : (!torch.int) -> !torch.list<int>
    %22 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %23 = "torch.constant.none"() : () -> !torch.none
    %24 = "torch.aten.linalg_vector_norm"(%18, %19, %21, %22, %23) : (!torch.vtensor<[?,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%24, %1) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %25 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %26 = "torch.constant.none"() : () -> !torch.none
    %27 = "torch.aten.clamp"(%24, %25, %26) : (!torch.vtensor<[?,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%27, %1) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %28 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %29 = "torch.prim.ListConstruct"(%5, %28) : (!torch.int, !torch.int) -> !torch.list<int>
    %30 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %31 = "torch.aten.expand"(%27, %29, %30) : (!torch.vtensor<[?,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%31, %1) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %32 = "torch.aten.div.Tensor"(%18, %31) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[?,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%32, %1) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %33 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %34 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %35 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %36:3 = "torch.operator"(%arg1, %33, %34, %35) <{name = "torch.aten._unique2"}> : (!torch.vtensor<[?],si64>, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor<[?],si64>, !torch.vtensor<[?],si64>, !torch.vtensor<[0],si64>)
    "torch.bind_symbolic_shape"(%36#0, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?],si64>, !torch.int) -> ()
    %37 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %38 = "torch.aten.size.int"(%36#0, %37) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.int
    %39 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %40 = "torch.aten.ge.int"(%38, %39) : (!torch.int, !torch.int) -> !torch.bool
    %41 = "torch.aten.Int.bool"(%40) : (!torch.bool) -> !torch.int
    %42 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 >= 0 on node 'ge_5'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%41, %42) : (!torch.int, !torch.str) -> ()
    "torch.bind_symbolic_shape"(%36#1, %1) <{shape_expressions = #map1}> : (!torch.vtensor<[?],si64>, !torch.int) -> ()
    %43 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %44 = "torch.prim.ListConstruct"(%38, %43) : (!torch.int, !torch.int) -> !torch.list<int>
    %45 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %46 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %47 = "torch.prim.ListConstruct"(%45, %46) : (!torch.int, !torch.int) -> !torch.list<int>
    %48 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %49 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %50 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %51 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %52 = "torch.aten.empty_strided"(%44, %47, %48, %49, %50, %51) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%52, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %53 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %54 = "torch.constant.none"() : () -> !torch.none
    %55 = "torch.constant.none"() : () -> !torch.none
    %56 = "torch.constant.none"() : () -> !torch.none
    %57 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %58 = "torch.constant.none"() : () -> !torch.none
    %59 = "torch.aten.full_like"(%52, %53, %54, %55, %56, %57, %58) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%59, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %60 = "torch.prim.ListConstruct"(%36#1) : (!torch.vtensor<[?],si64>) -> !torch.list<optional<vtensor>>
    %61 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %62 = "torch.aten.index_put"(%59, %60, %32, %61) : (!torch.vtensor<[?,32],f32>, !torch.list<optional<vtensor>>, !torch.vtensor<[?,32],f32>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%62, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %63 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %64 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %65 = "torch.prim.ListConstruct"(%64) : (!torch.int) -> !torch.list<int>
    %66 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %67 = "torch.constant.none"() : () -> !torch.none
    %68 = "torch.aten.linalg_vector_norm"(%62, %63, %65, %66, %67) : (!torch.vtensor<[?,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%68, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %69 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %70 = "torch.constant.none"() : () -> !torch.none
    %71 = "torch.aten.clamp"(%68, %69, %70) : (!torch.vtensor<[?,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%71, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %72 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %73 = "torch.prim.ListConstruct"(%38, %72) : (!torch.int, !torch.int) -> !torch.list<int>
    %74 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %75 = "torch.aten.expand"(%71, %73, %74) : (!torch.vtensor<[?,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%75, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %76 = "torch.aten.div.Tensor"(%62, %75) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[?,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%76, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %77 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %78 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %79 = "torch.prim.ListConstruct"(%77, %78) : (!torch.int, !torch.int) -> !torch.list<int>
    %80 = "torch.aten.permute"(%76, %79) : (!torch.vtensor<[?,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,?],f32>
    "torch.bind_symbolic_shape"(%80, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[32,?],f32>, !torch.int) -> ()
    %81 = "torch.aten.mm"(%32, %80) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[32,?],f32>) -> !torch.vtensor<[?,?],f32>
    "torch.bind_symbolic_shape"(%81, %1, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,?],f32>, !torch.int, !torch.int) -> ()
    %82 = "torch.constant.float"() <{value = 1.000000e-01 : f64}> : () -> !torch.float
    %83 = "torch.aten.div.Scalar"(%81, %82) : (!torch.vtensor<[?,?],f32>, !torch.float) -> !torch.vtensor<[?,?],f32>
    "torch.bind_symbolic_shape"(%83, %1, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,?],f32>, !torch.int, !torch.int) -> ()
    %84 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %85 = "torch.prim.ListConstruct"(%5, %84) : (!torch.int, !torch.int) -> !torch.list<int>
    %86 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %87 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %88 = "torch.prim.ListConstruct"(%86, %87) : (!torch.int, !torch.int) -> !torch.list<int>
    %89 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %91 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %92 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %93 = "torch.aten.empty_strided"(%85, %88, %89, %90, %91, %92) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%93, %1) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %94 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %95 = "torch.constant.none"() : () -> !torch.none
    %96 = "torch.constant.none"() : () -> !torch.none
    %97 = "torch.constant.none"() : () -> !torch.none
    %98 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %99 = "torch.constant.none"() : () -> !torch.none
    %100 = "torch.aten.full_like"(%93, %94, %95, %96, %97, %98, %99) : (!torch.vtensor<[?,1],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%100, %1) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %101 = "torch.prim.ListConstruct"(%83, %100) : (!torch.vtensor<[?,?],f32>, !torch.vtensor<[?,1],f32>) -> !torch.list<vtensor>
    %102 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %103 = "torch.aten.cat"(%101, %102) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[?,?],f32>
    "torch.bind_symbolic_shape"(%103, %1, %0) <{shape_expressions = #map6}> : (!torch.vtensor<[?,?],f32>, !torch.int, !torch.int) -> ()
    %104 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %105 = "torch.prim.ListConstruct"(%104) : (!torch.int) -> !torch.list<int>
    %106 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %107 = "torch.aten.amax"(%103, %105, %106) : (!torch.vtensor<[?,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%107, %1) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %108 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %109 = "torch.aten.sub.Tensor"(%83, %107, %108) : (!torch.vtensor<[?,?],f32>, !torch.vtensor<[?,1],f32>, !torch.int) -> !torch.vtensor<[?,?],f32>
    "torch.bind_symbolic_shape"(%109, %1, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,?],f32>, !torch.int, !torch.int) -> ()
    %110 = "torch.aten.exp"(%109) : (!torch.vtensor<[?,?],f32>) -> !torch.vtensor<[?,?],f32>
    "torch.bind_symbolic_shape"(%110, %1, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,?],f32>, !torch.int, !torch.int) -> ()
    %111 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %112 = "torch.prim.ListConstruct"(%111) : (!torch.int) -> !torch.list<int>
    %113 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %114 = "torch.constant.none"() : () -> !torch.none
    %115 = "torch.aten.sum.dim_IntList"(%110, %112, %113, %114) : (!torch.vtensor<[?,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%115, %1) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %116 = "torch.aten.log"(%115) : (!torch.vtensor<[?,1],f32>) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%116, %1) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %117 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %118 = "torch.aten.sub.Tensor"(%109, %116, %117) : (!torch.vtensor<[?,?],f32>, !torch.vtensor<[?,1],f32>, !torch.int) -> !torch.vtensor<[?,?],f32>
    "torch.bind_symbolic_shape"(%118, %1, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[?,?],f32>, !torch.int, !torch.int) -> ()
    %119 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %120 = "torch.aten.ne.Scalar"(%36#1, %119) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.vtensor<[?],i1>
    "torch.bind_symbolic_shape"(%120, %1) <{shape_expressions = #map1}> : (!torch.vtensor<[?],i1>, !torch.int) -> ()
    %121 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %122 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %123 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %124 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %125 = "torch.constant.none"() : () -> !torch.none
    %126 = "torch.aten.scalar_tensor"(%121, %122, %123, %124, %125) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %127 = "torch.aten.where.self"(%120, %36#1, %126) : (!torch.vtensor<[?],i1>, !torch.vtensor<[?],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[?],si64>
    "torch.bind_symbolic_shape"(%127, %1) <{shape_expressions = #map1}> : (!torch.vtensor<[?],si64>, !torch.int) -> ()
    %128 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %129 = "torch.aten.unsqueeze"(%127, %128) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.vtensor<[?,1],si64>
    "torch.bind_symbolic_shape"(%129, %1) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],si64>, !torch.int) -> ()
    %130 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %131 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %132 = "torch.aten.gather"(%118, %130, %129, %131) : (!torch.vtensor<[?,?],f32>, !torch.int, !torch.vtensor<[?,1],si64>, !torch.bool) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%132, %1) <{shape_expressions = #map3}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %133 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %134 = "torch.prim.ListConstruct"(%133) : (!torch.int) -> !torch.list<int>
    %135 = "torch.prims.squeeze"(%132, %134) : (!torch.vtensor<[?,1],f32>, !torch.list<int>) -> !torch.vtensor<[?],f32>
    "torch.bind_symbolic_shape"(%135, %1) <{shape_expressions = #map1}> : (!torch.vtensor<[?],f32>, !torch.int) -> ()
    %136 = "torch.aten.neg"(%135) : (!torch.vtensor<[?],f32>) -> !torch.vtensor<[?],f32>
    "torch.bind_symbolic_shape"(%136, %1) <{shape_expressions = #map1}> : (!torch.vtensor<[?],f32>, !torch.int) -> ()
    %137 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %138 = "torch.aten.ne.Scalar"(%36#1, %137) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.vtensor<[?],i1>
    "torch.bind_symbolic_shape"(%138, %1) <{shape_expressions = #map1}> : (!torch.vtensor<[?],i1>, !torch.int) -> ()
    %139 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %140 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %141 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %142 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %143 = "torch.constant.none"() : () -> !torch.none
    %144 = "torch.aten.scalar_tensor"(%139, %140, %141, %142, %143) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %145 = "torch.aten.where.self"(%138, %136, %144) : (!torch.vtensor<[?],i1>, !torch.vtensor<[?],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[?],f32>
    "torch.bind_symbolic_shape"(%145, %1) <{shape_expressions = #map1}> : (!torch.vtensor<[?],f32>, !torch.int) -> ()
    %146 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %147 = "torch.aten.ne.Scalar"(%36#1, %146) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.vtensor<[?],i1>
    "torch.bind_symbolic_shape"(%147, %1) <{shape_expressions = #map1}> : (!torch.vtensor<[?],i1>, !torch.int) -> ()
    %148 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %149 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %150 = "torch.constant.none"() : () -> !torch.none
    %151 = "torch.aten.sum.dim_IntList"(%147, %148, %149, %150) : (!torch.vtensor<[?],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %152 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %153 = "torch.prims.convert_element_type"(%151, %152) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %154 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %155 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %156 = "torch.constant.none"() : () -> !torch.none
    %157 = "torch.aten.sum.dim_IntList"(%145, %154, %155, %156) : (!torch.vtensor<[?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %158 = "torch.aten.div.Tensor"(%157, %153) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%158) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
