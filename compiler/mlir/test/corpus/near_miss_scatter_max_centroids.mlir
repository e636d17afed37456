// The corpus model near_miss_scatter_max_centroids (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK-NOT: torch.cldmdf
// REPORT: miss {{[0-9]+}} centroid_contrastive_loss scatter_reduce({{.*}}) is not a sum of the points by entity

#map = affine_map<()[s0] -> (s0)>
#map1 = affine_map<()[s0] -> (s0, 32)>
#map2 = affine_map<()[s0] -> (s0, 1)>
#map3 = affine_map<()[s0] -> (32, s0)>
#map4 = affine_map<()[s0] -> (64, s0)>
#map5 = affine_map<()[s0] -> (64, s0 + 1)>
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
    %40 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 >= 0 on node 'ge_4'"}> : () -> !torch.str
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
    %62 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %63 = "torch.aten.unsqueeze"(%34#1, %62) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %64 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %65 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %66 = "torch.prim.ListConstruct"(%64, %65) : (!torch.int, !torch.int) -> !torch.list<int>
    %67 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %68 = "torch.aten.expand"(%63, %66, %67) : (!torch.vtensor<[64,1],si64>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,32],si64>
    %69 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %70 = "torch.constant.str"() <{value = "amax"}> : () -> !torch.str
    %71 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %72 = "torch.aten.scatter_reduce.two"(%61, %69, %68, %30, %70, %71) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.vtensor<[64,32],si64>, !torch.vtensor<[64,32],f32>, !torch.str, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%72, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %73 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %74 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
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
    %94 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %95 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %96 = "torch.prim.ListConstruct"(%94, %95) : (!torch.int, !torch.int) -> !torch.list<int>
    %97 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %98 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %99 = "torch.prim.ListConstruct"(%97, %98) : (!torch.int, !torch.int) -> !torch.list<int>
    %100 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %101 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %102 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %103 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %104 = "torch.aten.empty_strided"(%96, %99, %100, %101, %102, %103) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %105 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %106 = "torch.constant.none"() : () -> !torch.none
    %107 = "torch.constant.none"() : () -> !torch.none
    %108 = "torch.constant.none"() : () -> !torch.none
    %109 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %110 = "torch.constant.none"() : () -> !torch.none
    %111 = "torch.aten.full_like"(%104, %105, %106, %107, %108, %109, %110) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %112 = "torch.prim.ListConstruct"(%93, %111) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>) -> !torch.list<vtensor>
    %113 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %114 = "torch.aten.cat"(%112, %113) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%114, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %115 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %116 = "torch.prim.ListConstruct"(%115) : (!torch.int) -> !torch.list<int>
    %117 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %118 = "torch.aten.amax"(%114, %116, %117) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %119 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %120 = "torch.aten.sub.Tensor"(%93, %118, %119) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%120, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %121 = "torch.aten.exp"(%120) : (!torch.vtensor<[64,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%121, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %122 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %123 = "torch.prim.ListConstruct"(%122) : (!torch.int) -> !torch.list<int>
    %124 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %125 = "torch.constant.none"() : () -> !torch.none
    %126 = "torch.aten.sum.dim_IntList"(%121, %123, %124, %125) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %127 = "torch.aten.log"(%126) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %128 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %129 = "torch.aten.sub.Tensor"(%120, %127, %128) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%129, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %130 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %131 = "torch.aten.ne.Scalar"(%34#1, %130) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %132 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %133 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %134 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %135 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %136 = "torch.constant.none"() : () -> !torch.none
    %137 = "torch.aten.scalar_tensor"(%132, %133, %134, %135, %136) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %138 = "torch.aten.where.self"(%131, %34#1, %137) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %139 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %140 = "torch.aten.unsqueeze"(%138, %139) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %141 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %142 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %143 = "torch.aten.gather"(%129, %141, %140, %142) : (!torch.vtensor<[64,?],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %144 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %145 = "torch.prim.ListConstruct"(%144) : (!torch.int) -> !torch.list<int>
    %146 = "torch.prims.squeeze"(%143, %145) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %147 = "torch.aten.neg"(%146) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %148 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %149 = "torch.aten.ne.Scalar"(%34#1, %148) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %150 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %151 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %152 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %153 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %154 = "torch.constant.none"() : () -> !torch.none
    %155 = "torch.aten.scalar_tensor"(%150, %151, %152, %153, %154) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %156 = "torch.aten.where.self"(%149, %147, %155) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %157 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %158 = "torch.aten.ne.Scalar"(%34#1, %157) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %159 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %160 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %161 = "torch.constant.none"() : () -> !torch.none
    %162 = "torch.aten.sum.dim_IntList"(%158, %159, %160, %161) : (!torch.vtensor<[64],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %163 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %164 = "torch.prims.convert_element_type"(%162, %163) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %165 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %166 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %167 = "torch.constant.none"() : () -> !torch.none
    %168 = "torch.aten.sum.dim_IntList"(%156, %165, %166, %167) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %169 = "torch.aten.div.Tensor"(%168, %164) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%169) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
