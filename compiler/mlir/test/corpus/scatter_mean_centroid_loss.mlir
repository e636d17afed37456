// The corpus model scatter_mean_centroid_loss (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.centroid_contrastive_loss"}> : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64],si64>, !torch.float, !torch.bool, !torch.str) -> !torch.vtensor<[],f32>
// REPORT: fuse centroid_contrastive_loss 
// GONE-NOT: "torch.aten.amax"
// GONE-NOT: "torch.aten.gather"
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
    %16 = "torch.constant.none"() : () -> !torch.none
    %17 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %18 = "torch.prim.ListConstruct"(%17) : (!torch.int) -> !torch.list<int>
    %19 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %20 = "torch.constant.none"() : () -> !torch.none
    %21 = "torch.aten.linalg_norm"(%15, %16, %18, %19, %20) : (!torch.vtensor<[64,32],f32>, !torch.none, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
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
    %42 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
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
    %65 = "torch.constant.str"() <{value = "mean"}> : () -> !torch.str
    %66 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %67 = "torch.aten.scatter_reduce.two"(%63, %64, %46, %25, %65, %66) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.vtensor<[64,32],si64>, !torch.vtensor<[64,32],f32>, !torch.str, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%67, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %68 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %69 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %70 = "torch.prim.ListConstruct"(%69) : (!torch.int) -> !torch.list<int>
    %71 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %72 = "torch.constant.none"() : () -> !torch.none
    %73 = "torch.aten.linalg_vector_norm"(%67, %68, %70, %71, %72) : (!torch.vtensor<[?,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%73, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %74 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %75 = "torch.constant.none"() : () -> !torch.none
    %76 = "torch.aten.clamp"(%73, %74, %75) : (!torch.vtensor<[?,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%76, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %77 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %78 = "torch.prim.ListConstruct"(%31, %77) : (!torch.int, !torch.int) -> !torch.list<int>
    %79 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %80 = "torch.aten.expand"(%76, %78, %79) : (!torch.vtensor<[?,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%80, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %81 = "torch.aten.div.Tensor"(%67, %80) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[?,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%81, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %82 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %83 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %84 = "torch.prim.ListConstruct"(%82, %83) : (!torch.int, !torch.int) -> !torch.list<int>
    %85 = "torch.aten.permute"(%81, %84) : (!torch.vtensor<[?,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,?],f32>
    "torch.bind_symbolic_shape"(%85, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[32,?],f32>, !torch.int) -> ()
    %86 = "torch.aten.mm"(%25, %85) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%86, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %87 = "torch.constant.float"() <{value = 2.500000e-01 : f64}> : () -> !torch.float
    %88 = "torch.aten.div.Scalar"(%86, %87) : (!torch.vtensor<[64,?],f32>, !torch.float) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%88, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %89 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %91 = "torch.prim.ListConstruct"(%89, %90) : (!torch.int, !torch.int) -> !torch.list<int>
    %92 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %93 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %94 = "torch.prim.ListConstruct"(%92, %93) : (!torch.int, !torch.int) -> !torch.list<int>
    %95 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %96 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %97 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %98 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %99 = "torch.aten.empty_strided"(%91, %94, %95, %96, %97, %98) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %100 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %101 = "torch.constant.none"() : () -> !torch.none
    %102 = "torch.constant.none"() : () -> !torch.none
    %103 = "torch.constant.none"() : () -> !torch.none
    %104 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %105 = "torch.constant.none"() : () -> !torch.none
    %106 = "torch.aten.full_like"(%99, %100, %101, %102, %103, %104, %105) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %107 = "torch.prim.ListConstruct"(%88, %106) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>) -> !torch.list<vtensor>
    %108 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %109 = "torch.aten.cat"(%107, %108) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%109, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %110 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %111 = "torch.prim.ListConstruct"(%110) : (!torch.int) -> !torch.list<int>
    %112 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %113 = "torch.aten.amax"(%109, %111, %112) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %114 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %115 = "torch.aten.sub.Tensor"(%88, %113, %114) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%115, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %116 = "torch.aten.exp"(%115) : (!torch.vtensor<[64,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%116, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %117 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %118 = "torch.prim.ListConstruct"(%117) : (!torch.int) -> !torch.list<int>
    %119 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %120 = "torch.constant.none"() : () -> !torch.none
    %121 = "torch.aten.sum.dim_IntList"(%116, %118, %119, %120) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %122 = "torch.aten.log"(%121) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %123 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %124 = "torch.aten.sub.Tensor"(%115, %122, %123) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%124, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %125 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %126 = "torch.aten.ne.Scalar"(%29#1, %125) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %127 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %128 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %129 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %130 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %131 = "torch.constant.none"() : () -> !torch.none
    %132 = "torch.aten.scalar_tensor"(%127, %128, %129, %130, %131) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %133 = "torch.aten.where.self"(%126, %29#1, %132) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %134 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %135 = "torch.aten.unsqueeze"(%133, %134) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %136 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %137 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %138 = "torch.aten.gather"(%124, %136, %135, %137) : (!torch.vtensor<[64,?],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %139 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %140 = "torch.prim.ListConstruct"(%139) : (!torch.int) -> !torch.list<int>
    %141 = "torch.prims.squeeze"(%138, %140) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %142 = "torch.aten.neg"(%141) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %143 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %144 = "torch.aten.ne.Scalar"(%29#1, %143) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %145 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %146 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %147 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %148 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %149 = "torch.constant.none"() : () -> !torch.none
    %150 = "torch.aten.scalar_tensor"(%145, %146, %147, %148, %149) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %151 = "torch.aten.where.self"(%144, %142, %150) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %152 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %153 = "torch.aten.ne.Scalar"(%29#1, %152) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %154 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %155 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %156 = "torch.constant.none"() : () -> !torch.none
    %157 = "torch.aten.sum.dim_IntList"(%153, %154, %155, %156) : (!torch.vtensor<[64],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %158 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %159 = "torch.prims.convert_element_type"(%157, %158) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %160 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %161 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %162 = "torch.constant.none"() : () -> !torch.none
    %163 = "torch.aten.sum.dim_IntList"(%151, %160, %161, %162) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %164 = "torch.aten.div.Tensor"(%163, %159) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%164) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
