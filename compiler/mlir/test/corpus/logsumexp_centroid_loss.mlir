// The corpus model logsumexp_centroid_loss (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.centroid_contrastive_loss"}> : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64],si64>, !torch.float, !torch.bool, !torch.str) -> !torch.vtensor<[],f32>
// REPORT: fuse centroid_contrastive_loss 
// GONE-NOT: "torch.aten.amax"
// GONE-NOT: "torch.aten.gather"
// GONE-NOT: "torch.aten.index_put"
// GONE-NOT: "torch.aten._unique2"

#map = affine_map<()[s0] -> (s0)>
#map1 = affine_map<()[s0] -> (s0, 32)>
#map2 = affine_map<()[s0] -> (s0, 1)>
#map3 = affine_map<()[s0] -> (32, s0)>
#map4 = affine_map<()[s0] -> (64, s0)>
"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],si64>) -> !torch.vtensor<[],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,64],f32>, %arg1: !torch.vtensor<[64],si64>):
    %0 = "torch.symbolic_int"() <{max_val = 64 : i64, min_val = 1 : i64, symbol_name = "u0"}> : () -> !torch.int
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
    %17 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
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
    %37 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %38 = "torch.aten.ge.int"(%36, %37) : (!torch.int, !torch.int) -> !torch.bool
    %39 = "torch.aten.Int.bool"(%38) : (!torch.bool) -> !torch.int
    %40 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 >= 1 on node 'ge_5'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%39, %40) : (!torch.int, !torch.str) -> ()
    %41 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %42 = "torch.aten.le.int"(%36, %41) : (!torch.int, !torch.int) -> !torch.bool
    %43 = "torch.aten.Int.bool"(%42) : (!torch.bool) -> !torch.int
    %44 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 <= 64 on node 'le_1'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%43, %44) : (!torch.int, !torch.str) -> ()
    %45 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %46 = "torch.aten.gt.int"(%36, %45) : (!torch.int, !torch.int) -> !torch.bool
    %47 = "torch.aten.Int.bool"(%46) : (!torch.bool) -> !torch.int
    %48 = "torch.constant.str"() <{value = "Runtime assertion failed for expression 0 < u0 on node 'gt_1'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%47, %48) : (!torch.int, !torch.str) -> ()
    %49 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %50 = "torch.aten.gt.int"(%36, %49) : (!torch.int, !torch.int) -> !torch.bool
    %51 = "torch.aten.Int.bool"(%50) : (!torch.bool) -> !torch.int
    %52 = "torch.constant.str"() <{value = "Runtime assertion failed for expression 0 < u0 on node 'gt_1'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%51, %52) : (!torch.int, !torch.str) -> ()
    %53 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %54 = "torch.prim.ListConstruct"(%36, %53) : (!torch.int, !torch.int) -> !torch.list<int>
    %55 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %56 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %57 = "torch.prim.ListConstruct"(%55, %56) : (!torch.int, !torch.int) -> !torch.list<int>
    %58 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %60 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %61 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %62 = "torch.aten.empty_strided"(%54, %57, %58, %59, %60, %61) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%62, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %63 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %64 = "torch.constant.none"() : () -> !torch.none
    %65 = "torch.constant.none"() : () -> !torch.none
    %66 = "torch.constant.none"() : () -> !torch.none
    %67 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %68 = "torch.constant.none"() : () -> !torch.none
    %69 = "torch.aten.full_like"(%62, %63, %64, %65, %66, %67, %68) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%69, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %70 = "torch.prim.ListConstruct"(%34#1) : (!torch.vtensor<[64],si64>) -> !torch.list<optional<vtensor>>
    %71 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %72 = "torch.aten.index_put"(%69, %70, %30, %71) : (!torch.vtensor<[?,32],f32>, !torch.list<optional<vtensor>>, !torch.vtensor<[64,32],f32>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%72, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %73 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %74 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %75 = "torch.prim.ListConstruct"(%74) : (!torch.int) -> !torch.list<int>
    %76 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %77 = "torch.constant.none"() : () -> !torch.none
    %78 = "torch.aten.linalg_vector_norm"(%72, %73, %75, %76, %77) : (!torch.vtensor<[?,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%78, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %79 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %80 = "torch.constant.none"() : () -> !torch.none
    %81 = "torch.aten.clamp"(%78, %79, %80) : (!torch.vtensor<[?,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%81, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %82 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %83 = "torch.prim.ListConstruct"(%36, %82) : (!torch.int, !torch.int) -> !torch.list<int>
    %84 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %85 = "torch.aten.expand"(%81, %83, %84) : (!torch.vtensor<[?,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%85, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %86 = "torch.aten.div.Tensor"(%72, %85) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[?,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%86, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %87 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %88 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %89 = "torch.prim.ListConstruct"(%87, %88) : (!torch.int, !torch.int) -> !torch.list<int>
    %90 = "torch.aten.permute"(%86, %89) : (!torch.vtensor<[?,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,?],f32>
    "torch.bind_symbolic_shape"(%90, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[32,?],f32>, !torch.int) -> ()
    %91 = "torch.aten.mm"(%30, %90) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%91, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %92 = "torch.constant.float"() <{value = 1.000000e-01 : f64}> : () -> !torch.float
    %93 = "torch.aten.div.Scalar"(%91, %92) : (!torch.vtensor<[64,?],f32>, !torch.float) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%93, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %94 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %95 = "torch.aten.unsqueeze"(%34#1, %94) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %96 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %97 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %98 = "torch.aten.gather"(%93, %96, %95, %97) : (!torch.vtensor<[64,?],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %99 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %100 = "torch.prim.ListConstruct"(%99) : (!torch.int) -> !torch.list<int>
    %101 = "torch.prims.squeeze"(%98, %100) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %102 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %103 = "torch.prim.ListConstruct"(%102) : (!torch.int) -> !torch.list<int>
    %104 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %105 = "torch.aten.amax"(%93, %103, %104) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %106 = "torch.aten.abs"(%105) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %107 = "torch.constant.float"() <{value = 0x7FF0000000000000 : f64}> : () -> !torch.float
    %108 = "torch.aten.eq.Scalar"(%106, %107) : (!torch.vtensor<[64,1],f32>, !torch.float) -> !torch.vtensor<[64,1],i1>
    %109 = "torch.constant.float"() <{value = 0.000000e+00 : f64}> : () -> !torch.float
    %110 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %111 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %112 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %113 = "torch.constant.none"() : () -> !torch.none
    %114 = "torch.aten.scalar_tensor"(%109, %110, %111, %112, %113) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %115 = "torch.aten.where.self"(%108, %114, %105) : (!torch.vtensor<[64,1],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %116 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %117 = "torch.prim.ListConstruct"(%116) : (!torch.int) -> !torch.list<int>
    %118 = "torch.prims.squeeze"(%115, %117) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %119 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %120 = "torch.aten.sub.Tensor"(%93, %115, %119) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%120, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %121 = "torch.aten.exp"(%120) : (!torch.vtensor<[64,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%121, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %122 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %123 = "torch.prim.ListConstruct"(%122) : (!torch.int) -> !torch.list<int>
    %124 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %125 = "torch.constant.none"() : () -> !torch.none
    %126 = "torch.aten.sum.dim_IntList"(%121, %123, %124, %125) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64],f32>
    %127 = "torch.aten.log"(%126) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %128 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %129 = "torch.aten.add.Tensor"(%127, %118, %128) : (!torch.vtensor<[64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %130 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %131 = "torch.aten.sub.Tensor"(%129, %101, %130) : (!torch.vtensor<[64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %132 = "torch.constant.none"() : () -> !torch.none
    %133 = "torch.aten.mean"(%131, %132) : (!torch.vtensor<[64],f32>, !torch.none) -> !torch.vtensor<[],f32>
    "func.return"(%133) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
