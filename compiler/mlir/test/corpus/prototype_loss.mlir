// The corpus model prototype_loss (static shapes),
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
    %65 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %66 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %67 = "torch.prim.ListConstruct"(%66) : (!torch.int) -> !torch.list<int>
    %68 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %69 = "torch.constant.none"() : () -> !torch.none
    %70 = "torch.aten.linalg_vector_norm"(%64, %65, %67, %68, %69) : (!torch.vtensor<[?,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%70, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %71 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %72 = "torch.constant.none"() : () -> !torch.none
    %73 = "torch.aten.clamp"(%70, %71, %72) : (!torch.vtensor<[?,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%73, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %74 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %75 = "torch.prim.ListConstruct"(%36, %74) : (!torch.int, !torch.int) -> !torch.list<int>
    %76 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %77 = "torch.aten.expand"(%73, %75, %76) : (!torch.vtensor<[?,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%77, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %78 = "torch.aten.div.Tensor"(%64, %77) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[?,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%78, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %79 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %81 = "torch.prim.ListConstruct"(%79, %80) : (!torch.int, !torch.int) -> !torch.list<int>
    %82 = "torch.aten.permute"(%78, %81) : (!torch.vtensor<[?,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,?],f32>
    "torch.bind_symbolic_shape"(%82, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[32,?],f32>, !torch.int) -> ()
    %83 = "torch.aten.mm"(%30, %82) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%83, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %84 = "torch.constant.float"() <{value = 1.000000e-01 : f64}> : () -> !torch.float
    %85 = "torch.aten.div.Scalar"(%83, %84) : (!torch.vtensor<[64,?],f32>, !torch.float) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%85, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %86 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %87 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %88 = "torch.prim.ListConstruct"(%86, %87) : (!torch.int, !torch.int) -> !torch.list<int>
    %89 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %91 = "torch.prim.ListConstruct"(%89, %90) : (!torch.int, !torch.int) -> !torch.list<int>
    %92 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %93 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %94 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %95 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %96 = "torch.aten.empty_strided"(%88, %91, %92, %93, %94, %95) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %97 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %98 = "torch.constant.none"() : () -> !torch.none
    %99 = "torch.constant.none"() : () -> !torch.none
    %100 = "torch.constant.none"() : () -> !torch.none
    %101 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %102 = "torch.constant.none"() : () -> !torch.none
    %103 = "torch.aten.full_like"(%96, %97, %98, %99, %100, %101, %102) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %104 = "torch.prim.ListConstruct"(%85, %103) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>) -> !torch.list<vtensor>
    %105 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %106 = "torch.aten.cat"(%104, %105) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%106, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %107 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %108 = "torch.prim.ListConstruct"(%107) : (!torch.int) -> !torch.list<int>
    %109 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %110 = "torch.aten.amax"(%106, %108, %109) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %111 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %112 = "torch.aten.sub.Tensor"(%85, %110, %111) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%112, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %113 = "torch.aten.exp"(%112) : (!torch.vtensor<[64,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%113, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %114 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %115 = "torch.prim.ListConstruct"(%114) : (!torch.int) -> !torch.list<int>
    %116 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %117 = "torch.constant.none"() : () -> !torch.none
    %118 = "torch.aten.sum.dim_IntList"(%113, %115, %116, %117) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %119 = "torch.aten.log"(%118) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %120 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %121 = "torch.aten.sub.Tensor"(%112, %119, %120) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%121, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %122 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %123 = "torch.aten.ne.Scalar"(%34#1, %122) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %124 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %125 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %126 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %127 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %128 = "torch.constant.none"() : () -> !torch.none
    %129 = "torch.aten.scalar_tensor"(%124, %125, %126, %127, %128) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %130 = "torch.aten.where.self"(%123, %34#1, %129) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %131 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %132 = "torch.aten.unsqueeze"(%130, %131) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %133 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %134 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %135 = "torch.aten.gather"(%121, %133, %132, %134) : (!torch.vtensor<[64,?],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %136 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %137 = "torch.prim.ListConstruct"(%136) : (!torch.int) -> !torch.list<int>
    %138 = "torch.prims.squeeze"(%135, %137) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %139 = "torch.aten.neg"(%138) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %140 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %141 = "torch.aten.ne.Scalar"(%34#1, %140) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %142 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %143 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %144 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %145 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %146 = "torch.constant.none"() : () -> !torch.none
    %147 = "torch.aten.scalar_tensor"(%142, %143, %144, %145, %146) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %148 = "torch.aten.where.self"(%141, %139, %147) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %149 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %150 = "torch.aten.ne.Scalar"(%34#1, %149) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %151 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %152 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %153 = "torch.constant.none"() : () -> !torch.none
    %154 = "torch.aten.sum.dim_IntList"(%150, %151, %152, %153) : (!torch.vtensor<[64],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %155 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %156 = "torch.prims.convert_element_type"(%154, %155) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %157 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %158 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %159 = "torch.constant.none"() : () -> !torch.none
    %160 = "torch.aten.sum.dim_IntList"(%148, %157, %158, %159) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %161 = "torch.aten.div.Tensor"(%160, %156) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%161) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
