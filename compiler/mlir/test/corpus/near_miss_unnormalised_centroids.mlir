// The corpus model near_miss_unnormalised_centroids (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK-NOT: torch.cldmdf
// REPORT: miss {{[0-9]+}} centroid_contrastive_loss the centroids are not normalised ({{.*}})

#map = affine_map<()[s0] -> (s0)>
#map1 = affine_map<()[s0] -> (s0, 32)>
#map2 = affine_map<()[s0] -> (32, s0)>
#map3 = affine_map<()[s0] -> (64, s0)>
#map4 = affine_map<()[s0] -> (64, s0 + 1)>
"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],si64>) -> !torch.vtensor<[],f32>, sym_name = "main"}> ({
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
    %16 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %17 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %18 = "torch.prim.ListConstruct"(%17) : (!torch.int) -> !torch.list<int>
    %19 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %20 = "torch.constant.none"() : () -> !torch.none
    %21 = "torch.aten.linalg_vector_norm"(%15, %16, %18, %19, %20) : (!torch.vtensor<[64,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %22 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %23 = "torch.constant.none"() : () -> !torch.none
    %24 = "torch.aten.clamp"(%21, %22, %23) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[64,1],f32>
    %25 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %26 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %27 = "torch.prim.ListConstruct"(%25, %26) : (!torch.int, !torch.int) -> !torch.list<int>
    %28 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %29 = "torch.aten.expand"(%24, %27, %28) : (!torch.vtensor<[64,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,32],f32>
    %30 = "torch.aten.div.Tensor"(%15, %29) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[64,32],f32>
    %31 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %32 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %33 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %34:3 = "torch.operator"(%arg1, %31, %32, %33) <{name = "torch.aten._unique2"}> : (!torch.vtensor<[64],si64>, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor<[?],si64>, !torch.vtensor<[64],si64>, !torch.vtensor<[0],si64>)
    "torch.bind_symbolic_shape"(%34#0, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?],si64>, !torch.int) -> ()
    %35 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %36 = "torch.aten.size.int"(%34#0, %35) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.int
    %37 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %38 = "torch.aten.ge.int"(%36, %37) : (!torch.int, !torch.int) -> !torch.bool
    %39 = "torch.aten.Int.bool"(%38) : (!torch.bool) -> !torch.int
    %40 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 >= 0 on node 'ge_3'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%39, %40) : (!torch.int, !torch.str) -> ()
    %41 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %42 = "torch.aten.le.int"(%36, %41) : (!torch.int, !torch.int) -> !torch.bool
    %43 = "torch.aten.Int.bool"(%42) : (!torch.bool) -> !torch.int
    %44 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 <= 64 on node 'le_1'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%43, %44) : (!torch.int, !torch.str) -> ()
    %45 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %46 = "torch.prim.ListConstruct"(%36, %45) : (!torch.int, !torch.int) -> !torch.list<int>
    %47 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %48 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %49 = "torch.prim.ListConstruct"(%47, %48) : (!torch.int, !torch.int) -> !torch.list<int>
    %50 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %51 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %52 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %53 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %54 = "torch.aten.empty_strided"(%46, %49, %50, %51, %52, %53) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%54, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %55 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %56 = "torch.constant.none"() : () -> !torch.none
    %57 = "torch.constant.none"() : () -> !torch.none
    %58 = "torch.constant.none"() : () -> !torch.none
    %59 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %60 = "torch.constant.none"() : () -> !torch.none
    %61 = "torch.aten.full_like"(%54, %55, %56, %57, %58, %59, %60) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%61, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %62 = "torch.prim.ListConstruct"(%34#1) : (!torch.vtensor<[64],si64>) -> !torch.list<optional<vtensor>>
    %63 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %64 = "torch.aten.index_put"(%61, %62, %30, %63) : (!torch.vtensor<[?,32],f32>, !torch.list<optional<vtensor>>, !torch.vtensor<[64,32],f32>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%64, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %65 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %66 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %67 = "torch.prim.ListConstruct"(%65, %66) : (!torch.int, !torch.int) -> !torch.list<int>
    %68 = "torch.aten.permute"(%64, %67) : (!torch.vtensor<[?,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,?],f32>
    "torch.bind_symbolic_shape"(%68, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[32,?],f32>, !torch.int) -> ()
    %69 = "torch.aten.mm"(%30, %68) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%69, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %70 = "torch.constant.float"() <{value = 1.000000e-01 : f64}> : () -> !torch.float
    %71 = "torch.aten.div.Scalar"(%69, %70) : (!torch.vtensor<[64,?],f32>, !torch.float) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%71, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %72 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %73 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %74 = "torch.prim.ListConstruct"(%72, %73) : (!torch.int, !torch.int) -> !torch.list<int>
    %75 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %76 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %77 = "torch.prim.ListConstruct"(%75, %76) : (!torch.int, !torch.int) -> !torch.list<int>
    %78 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %79 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %80 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %81 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %82 = "torch.aten.empty_strided"(%74, %77, %78, %79, %80, %81) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %83 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %84 = "torch.constant.none"() : () -> !torch.none
    %85 = "torch.constant.none"() : () -> !torch.none
    %86 = "torch.constant.none"() : () -> !torch.none
    %87 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %88 = "torch.constant.none"() : () -> !torch.none
    %89 = "torch.aten.full_like"(%82, %83, %84, %85, %86, %87, %88) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %90 = "torch.prim.ListConstruct"(%71, %89) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>) -> !torch.list<vtensor>
    %91 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %92 = "torch.aten.cat"(%90, %91) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%92, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %93 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %94 = "torch.prim.ListConstruct"(%93) : (!torch.int) -> !torch.list<int>
    %95 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %96 = "torch.aten.amax"(%92, %94, %95) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %97 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %98 = "torch.aten.sub.Tensor"(%71, %96, %97) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%98, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %99 = "torch.aten.exp"(%98) : (!torch.vtensor<[64,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%99, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %100 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %101 = "torch.prim.ListConstruct"(%100) : (!torch.int) -> !torch.list<int>
    %102 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %103 = "torch.constant.none"() : () -> !torch.none
    %104 = "torch.aten.sum.dim_IntList"(%99, %101, %102, %103) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %105 = "torch.aten.log"(%104) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %106 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %107 = "torch.aten.sub.Tensor"(%98, %105, %106) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%107, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %108 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %109 = "torch.aten.ne.Scalar"(%34#1, %108) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %110 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %111 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %112 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %113 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %114 = "torch.constant.none"() : () -> !torch.none
    %115 = "torch.aten.scalar_tensor"(%110, %111, %112, %113, %114) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %116 = "torch.aten.where.self"(%109, %34#1, %115) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %117 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %118 = "torch.aten.unsqueeze"(%116, %117) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %119 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %120 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %121 = "torch.aten.gather"(%107, %119, %118, %120) : (!torch.vtensor<[64,?],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %122 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %123 = "torch.prim.ListConstruct"(%122) : (!torch.int) -> !torch.list<int>
    %124 = "torch.prims.squeeze"(%121, %123) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %125 = "torch.aten.neg"(%124) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %126 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %127 = "torch.aten.ne.Scalar"(%34#1, %126) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %128 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %129 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %130 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %131 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %132 = "torch.constant.none"() : () -> !torch.none
    %133 = "torch.aten.scalar_tensor"(%128, %129, %130, %131, %132) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %134 = "torch.aten.where.self"(%127, %125, %133) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %135 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %136 = "torch.aten.ne.Scalar"(%34#1, %135) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %137 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %138 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %139 = "torch.constant.none"() : () -> !torch.none
    %140 = "torch.aten.sum.dim_IntList"(%136, %137, %138, %139) : (!torch.vtensor<[64],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %141 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %142 = "torch.prims.convert_element_type"(%140, %141) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %143 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %144 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %145 = "torch.constant.none"() : () -> !torch.none
    %146 = "torch.aten.sum.dim_IntList"(%134, %143, %144, %145) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %147 = "torch.aten.div.Tensor"(%146, %142) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%147) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
