// The corpus model scatter_centroid_loss (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.centroid_contrastive_loss"}> : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64],si64>, !torch.float, !torch.bool, !torch.str) -> !torch.vtensor<[64],f32>
// REPORT: fuse centroid_contrastive_loss 
// GONE-NOT: "torch.aten.amax"
// GONE-NOT: "torch.aten.gather"
// GONE-NOT: "torch.aten.scatter_add"
// GONE-NOT: "torch.aten._unique2"

#map = affine_map<()[s0] -> (s0)>
#map1 = affine_map<()[s0] -> (s0, 32)>
#map2 = affine_map<()[s0] -> (s0, 1)>
#map3 = affine_map<()[s0] -> (32, s0)>
#map4 = affine_map<()[s0] -> (64, s0)>
#map5 = affine_map<()[s0] -> (64, s0 + 1)>
"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],si64>) -> !torch.vtensor<[64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,64],f32>, %arg1: !torch.vtensor<[64],si64>):
    %0 = "torch.symbolic_int"() <{max_val = 64 : i64, min_val = 0 : i64, symbol_name = "u0"}> : () -> !torch.int
    %1 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s35"}> : () -> !torch.int
    %2 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s29"}> : () -> !torch.int
    %3 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<32x64xf32>}> : () -> !torch.vtensor<[32,64],f32>
    %4 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %5 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %6 = "torch.prim.ListConstruct"(%4, %5) : (!torch.int, !torch.int) -> !torch.list<int>
    %7 = "torch.aten.permute"(%3, %6) : (!torch.vtensor<[32,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,32],f32>
    %8 = "torch.aten.mm"(%arg0, %7) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[64,32],f32>
    %9 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %10 = "torch.aten.mul.Scalar"(%8, %9) : (!torch.vtensor<[64,32],f32>, !torch.int) -> !torch.vtensor<[64,32],f32>
    %11 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<32xf32>}> : () -> !torch.vtensor<[32],f32>
    %12 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %13 = "torch.aten.mul.Scalar"(%11, %12) : (!torch.vtensor<[32],f32>, !torch.int) -> !torch.vtensor<[32],f32>
    %14 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %15 = "torch.aten.add.Tensor"(%10, %13, %14) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32],f32>, !torch.int) -> !torch.vtensor<[64,32],f32>
    %16 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %17 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %18 = "torch.prim.ListConstruct"(%17) : (!torch.int) -> !torch.list<int>
    %19 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %20 = "torch.constant.none"() : () -> !torch.none
    %21 = "torch.aten.linalg_vector_norm"(%15, %16, %18, %19, %20) : (!torch.vtensor<[64,32],f32>, !torch.int, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %22 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %23 = "torch.constant.none"() : () -> !torch.none
    %24 = "torch.aten.clamp"(%21, %22, %23) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[64,1],f32>
    %25 = "torch.aten.div.Tensor"(%15, %24) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,32],f32>
    %26 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %27 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %28 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %29:3 = "torch.operator"(%arg1, %26, %27, %28) <{name = "torch.aten._unique2"}> : (!torch.vtensor<[64],si64>, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor<[?],si64>, !torch.vtensor<[64],si64>, !torch.vtensor<[0],si64>)
    "torch.bind_symbolic_shape"(%29#0, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?],si64>, !torch.int) -> ()
    %30 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %31 = "torch.aten.size.int"(%29#0, %30) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.int
    %32 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %33 = "torch.aten.ge.int"(%31, %32) : (!torch.int, !torch.int) -> !torch.bool
    %34 = "torch.aten.Int.bool"(%33) : (!torch.bool) -> !torch.int
    %35 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 >= 0 on node 'ge_4'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%34, %35) : (!torch.int, !torch.str) -> ()
    %36 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %37 = "torch.aten.le.int"(%31, %36) : (!torch.int, !torch.int) -> !torch.bool
    %38 = "torch.aten.Int.bool"(%37) : (!torch.bool) -> !torch.int
    %39 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 <= 64 on node 'le_1'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%38, %39) : (!torch.int, !torch.str) -> ()
    %40 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %41 = "torch.aten.unsqueeze"(%29#1, %40) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %42 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %43 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %44 = "torch.prim.ListConstruct"(%42, %43) : (!torch.int, !torch.int) -> !torch.list<int>
    %45 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %46 = "torch.aten.expand"(%41, %44, %45) : (!torch.vtensor<[64,1],si64>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,32],si64>
    %47 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %48 = "torch.prim.ListConstruct"(%31, %47) : (!torch.int, !torch.int) -> !torch.list<int>
    %49 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %50 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %51 = "torch.prim.ListConstruct"(%49, %50) : (!torch.int, !torch.int) -> !torch.list<int>
    %52 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %54 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %55 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %56 = "torch.aten.empty_strided"(%48, %51, %52, %53, %54, %55) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%56, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %57 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %58 = "torch.constant.none"() : () -> !torch.none
    %59 = "torch.constant.none"() : () -> !torch.none
    %60 = "torch.constant.none"() : () -> !torch.none
    %61 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %62 = "torch.constant.none"() : () -> !torch.none
    %63 = "torch.aten.full_like"(%56, %57, %58, %59, %60, %61, %62) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%63, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %64 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %65 = "torch.aten.scatter_add"(%63, %64, %46, %25) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.vtensor<[64,32],si64>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%65, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %66 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %67 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %68 = "torch.prim.ListConstruct"(%67) : (!torch.int) -> !torch.list<int>
    %69 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %70 = "torch.constant.none"() : () -> !torch.none
    %71 = "torch.aten.linalg_vector_norm"(%65, %66, %68, %69, %70) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%71, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %72 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %73 = "torch.constant.none"() : () -> !torch.none
    %74 = "torch.aten.clamp"(%71, %72, %73) : (!torch.vtensor<[?,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%74, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %75 = "torch.aten.div.Tensor"(%65, %74) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[?,1],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%75, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %76 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %77 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %78 = "torch.prim.ListConstruct"(%76, %77) : (!torch.int, !torch.int) -> !torch.list<int>
    %79 = "torch.aten.permute"(%75, %78) : (!torch.vtensor<[?,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,?],f32>
    "torch.bind_symbolic_shape"(%79, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[32,?],f32>, !torch.int) -> ()
    %80 = "torch.aten.mm"(%25, %79) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%80, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %81 = "torch.constant.float"() <{value = 5.000000e+00 : f64}> : () -> !torch.float
    %82 = "torch.aten.mul.Scalar"(%80, %81) : (!torch.vtensor<[64,?],f32>, !torch.float) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%82, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %83 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %84 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %85 = "torch.prim.ListConstruct"(%83, %84) : (!torch.int, !torch.int) -> !torch.list<int>
    %86 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %87 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %88 = "torch.prim.ListConstruct"(%86, %87) : (!torch.int, !torch.int) -> !torch.list<int>
    %89 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %91 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %92 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %93 = "torch.aten.empty_strided"(%85, %88, %89, %90, %91, %92) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %94 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %95 = "torch.constant.none"() : () -> !torch.none
    %96 = "torch.constant.none"() : () -> !torch.none
    %97 = "torch.constant.none"() : () -> !torch.none
    %98 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %99 = "torch.constant.none"() : () -> !torch.none
    %100 = "torch.aten.full_like"(%93, %94, %95, %96, %97, %98, %99) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %101 = "torch.prim.ListConstruct"(%82, %100) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>) -> !torch.list<vtensor>
    %102 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %103 = "torch.aten.cat"(%101, %102) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%103, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %104 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %105 = "torch.prim.ListConstruct"(%104) : (!torch.int) -> !torch.list<int>
    %106 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %107 = "torch.aten.amax"(%103, %105, %106) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %108 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %109 = "torch.aten.sub.Tensor"(%82, %107, %108) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%109, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %110 = "torch.aten.exp"(%109) : (!torch.vtensor<[64,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%110, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %111 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %112 = "torch.prim.ListConstruct"(%111) : (!torch.int) -> !torch.list<int>
    %113 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %114 = "torch.constant.none"() : () -> !torch.none
    %115 = "torch.aten.sum.dim_IntList"(%110, %112, %113, %114) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %116 = "torch.aten.log"(%115) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %117 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %118 = "torch.aten.sub.Tensor"(%109, %116, %117) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%118, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %119 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %120 = "torch.aten.ne.Scalar"(%29#1, %119) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %121 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %122 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %123 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %124 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %125 = "torch.constant.none"() : () -> !torch.none
    %126 = "torch.aten.scalar_tensor"(%121, %122, %123, %124, %125) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %127 = "torch.aten.where.self"(%120, %29#1, %126) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %128 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %129 = "torch.aten.unsqueeze"(%127, %128) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %130 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %131 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %132 = "torch.aten.gather"(%118, %130, %129, %131) : (!torch.vtensor<[64,?],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %133 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %134 = "torch.prim.ListConstruct"(%133) : (!torch.int) -> !torch.list<int>
    %135 = "torch.prims.squeeze"(%132, %134) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %136 = "torch.aten.neg"(%135) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %137 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %138 = "torch.aten.ne.Scalar"(%29#1, %137) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %139 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %140 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %141 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %142 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %143 = "torch.constant.none"() : () -> !torch.none
    %144 = "torch.aten.scalar_tensor"(%139, %140, %141, %142, %143) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %145 = "torch.aten.where.self"(%138, %136, %144) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    "func.return"(%145) : (!torch.vtensor<[64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
