// The corpus model index_put_centroid_loss (static shapes),
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
    %16 = "torch.aten.mul.Tensor"(%15, %15) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[64,32],f32>
    %17 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %18 = "torch.prim.ListConstruct"(%17) : (!torch.int) -> !torch.list<int>
    %19 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %20 = "torch.constant.none"() : () -> !torch.none
    %21 = "torch.aten.sum.dim_IntList"(%16, %18, %19, %20) : (!torch.vtensor<[64,32],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %22 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %23 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %24 = "torch.aten.add.Scalar"(%21, %22, %23) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.int) -> !torch.vtensor<[64,1],f32>
    %25 = "torch.aten.rsqrt"(%24) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %26 = "torch.aten.mul.Tensor"(%15, %25) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,32],f32>
    %27 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %28 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %29 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %30:3 = "torch.operator"(%arg1, %27, %28, %29) <{name = "torch.aten._unique2"}> : (!torch.vtensor<[64],si64>, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor<[?],si64>, !torch.vtensor<[64],si64>, !torch.vtensor<[0],si64>)
    "torch.bind_symbolic_shape"(%30#0, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?],si64>, !torch.int) -> ()
    %31 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %32 = "torch.aten.size.int"(%30#0, %31) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.int
    %33 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %34 = "torch.aten.ge.int"(%32, %33) : (!torch.int, !torch.int) -> !torch.bool
    %35 = "torch.aten.Int.bool"(%34) : (!torch.bool) -> !torch.int
    %36 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 >= 0 on node 'ge_5'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%35, %36) : (!torch.int, !torch.str) -> ()
    %37 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %38 = "torch.aten.le.int"(%32, %37) : (!torch.int, !torch.int) -> !torch.bool
    %39 = "torch.aten.Int.bool"(%38) : (!torch.bool) -> !torch.int
    %40 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 <= 64 on node 'le_1'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%39, %40) : (!torch.int, !torch.str) -> ()
    %41 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %42 = "torch.prim.ListConstruct"(%32, %41) : (!torch.int, !torch.int) -> !torch.list<int>
    %43 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %44 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %45 = "torch.prim.ListConstruct"(%43, %44) : (!torch.int, !torch.int) -> !torch.list<int>
    %46 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %47 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %48 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %49 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %50 = "torch.aten.empty_strided"(%42, %45, %46, %47, %48, %49) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%50, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %51 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %52 = "torch.constant.none"() : () -> !torch.none
    %53 = "torch.constant.none"() : () -> !torch.none
    %54 = "torch.constant.none"() : () -> !torch.none
    %55 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %56 = "torch.constant.none"() : () -> !torch.none
    %57 = "torch.aten.full_like"(%50, %51, %52, %53, %54, %55, %56) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%57, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %58 = "torch.prim.ListConstruct"(%30#1) : (!torch.vtensor<[64],si64>) -> !torch.list<optional<vtensor>>
    %59 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %60 = "torch.aten.index_put"(%57, %58, %26, %59) : (!torch.vtensor<[?,32],f32>, !torch.list<optional<vtensor>>, !torch.vtensor<[64,32],f32>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%60, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %61 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %62 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %63 = "torch.prim.ListConstruct"(%62) : (!torch.int) -> !torch.list<int>
    %64 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %65 = "torch.constant.none"() : () -> !torch.none
    %66 = "torch.aten.linalg_vector_norm"(%60, %61, %63, %64, %65) : (!torch.vtensor<[?,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%66, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %67 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %68 = "torch.constant.none"() : () -> !torch.none
    %69 = "torch.aten.clamp"(%66, %67, %68) : (!torch.vtensor<[?,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%69, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %70 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %71 = "torch.prim.ListConstruct"(%32, %70) : (!torch.int, !torch.int) -> !torch.list<int>
    %72 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %73 = "torch.aten.expand"(%69, %71, %72) : (!torch.vtensor<[?,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%73, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %74 = "torch.aten.div.Tensor"(%60, %73) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[?,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%74, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %75 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %76 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %77 = "torch.prim.ListConstruct"(%75, %76) : (!torch.int, !torch.int) -> !torch.list<int>
    %78 = "torch.aten.permute"(%74, %77) : (!torch.vtensor<[?,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,?],f32>
    "torch.bind_symbolic_shape"(%78, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[32,?],f32>, !torch.int) -> ()
    %79 = "torch.aten.mm"(%26, %78) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%79, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %80 = "torch.constant.float"() <{value = 1.000000e-01 : f64}> : () -> !torch.float
    %81 = "torch.aten.div.Scalar"(%79, %80) : (!torch.vtensor<[64,?],f32>, !torch.float) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%81, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %82 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %83 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %84 = "torch.prim.ListConstruct"(%82, %83) : (!torch.int, !torch.int) -> !torch.list<int>
    %85 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %86 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %87 = "torch.prim.ListConstruct"(%85, %86) : (!torch.int, !torch.int) -> !torch.list<int>
    %88 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %89 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %90 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %91 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %92 = "torch.aten.empty_strided"(%84, %87, %88, %89, %90, %91) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %93 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %94 = "torch.constant.none"() : () -> !torch.none
    %95 = "torch.constant.none"() : () -> !torch.none
    %96 = "torch.constant.none"() : () -> !torch.none
    %97 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %98 = "torch.constant.none"() : () -> !torch.none
    %99 = "torch.aten.full_like"(%92, %93, %94, %95, %96, %97, %98) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %100 = "torch.prim.ListConstruct"(%81, %99) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>) -> !torch.list<vtensor>
    %101 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %102 = "torch.aten.cat"(%100, %101) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%102, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %103 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %104 = "torch.prim.ListConstruct"(%103) : (!torch.int) -> !torch.list<int>
    %105 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %106 = "torch.aten.amax"(%102, %104, %105) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %107 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %108 = "torch.aten.sub.Tensor"(%81, %106, %107) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%108, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %109 = "torch.aten.exp"(%108) : (!torch.vtensor<[64,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%109, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %110 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %111 = "torch.prim.ListConstruct"(%110) : (!torch.int) -> !torch.list<int>
    %112 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %113 = "torch.constant.none"() : () -> !torch.none
    %114 = "torch.aten.sum.dim_IntList"(%109, %111, %112, %113) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %115 = "torch.aten.log"(%114) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %116 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %117 = "torch.aten.sub.Tensor"(%108, %115, %116) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%117, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %118 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %119 = "torch.aten.ne.Scalar"(%30#1, %118) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %120 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %121 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %122 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %123 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %124 = "torch.constant.none"() : () -> !torch.none
    %125 = "torch.aten.scalar_tensor"(%120, %121, %122, %123, %124) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %126 = "torch.aten.where.self"(%119, %30#1, %125) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %127 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %128 = "torch.aten.unsqueeze"(%126, %127) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %129 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %130 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %131 = "torch.aten.gather"(%117, %129, %128, %130) : (!torch.vtensor<[64,?],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %132 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %133 = "torch.prim.ListConstruct"(%132) : (!torch.int) -> !torch.list<int>
    %134 = "torch.prims.squeeze"(%131, %133) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %135 = "torch.aten.neg"(%134) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %136 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %137 = "torch.aten.ne.Scalar"(%30#1, %136) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %138 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %139 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %140 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %141 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %142 = "torch.constant.none"() : () -> !torch.none
    %143 = "torch.aten.scalar_tensor"(%138, %139, %140, %141, %142) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %144 = "torch.aten.where.self"(%137, %135, %143) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %145 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %146 = "torch.aten.ne.Scalar"(%30#1, %145) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %147 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %148 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %149 = "torch.constant.none"() : () -> !torch.none
    %150 = "torch.aten.sum.dim_IntList"(%146, %147, %148, %149) : (!torch.vtensor<[64],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %151 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %152 = "torch.prims.convert_element_type"(%150, %151) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %153 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %154 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %155 = "torch.constant.none"() : () -> !torch.none
    %156 = "torch.aten.sum.dim_IntList"(%144, %153, %154, %155) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %157 = "torch.aten.div.Tensor"(%156, %152) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%157) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
