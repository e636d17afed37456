// The corpus model membership_matmul_loss (static shapes),
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
#map1 = affine_map<()[s0] -> (s0, 1)>
#map2 = affine_map<()[s0] -> (s0, 64)>
#map3 = affine_map<()[s0] -> (s0, 32)>
#map4 = affine_map<()[s0] -> (32, s0)>
#map5 = affine_map<()[s0] -> (64, s0)>
#map6 = affine_map<()[s0] -> (64, s0 + 1)>
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
    %37 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %38 = "torch.aten.ge.int"(%36, %37) : (!torch.int, !torch.int) -> !torch.bool
    %39 = "torch.aten.Int.bool"(%38) : (!torch.bool) -> !torch.int
    %40 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 >= 0 on node 'ge_1'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%39, %40) : (!torch.int, !torch.str) -> ()
    %41 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %42 = "torch.aten.le.int"(%36, %41) : (!torch.int, !torch.int) -> !torch.bool
    %43 = "torch.aten.Int.bool"(%42) : (!torch.bool) -> !torch.int
    %44 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 <= 64 on node 'le_1'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%43, %44) : (!torch.int, !torch.str) -> ()
    %45 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %46 = "torch.aten.unsqueeze"(%34#0, %45) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.vtensor<[?,1],si64>
    "torch.bind_symbolic_shape"(%46, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,1],si64>, !torch.int) -> ()
    %47 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %48 = "torch.aten.unsqueeze"(%arg1, %47) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[1,64],si64>
    %49 = "torch.aten.eq.Tensor"(%46, %48) : (!torch.vtensor<[?,1],si64>, !torch.vtensor<[1,64],si64>) -> !torch.vtensor<[?,64],i1>
    "torch.bind_symbolic_shape"(%49, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],i1>, !torch.int) -> ()
    %50 = "torch.constant.none"() : () -> !torch.none
    %51 = "torch.constant.none"() : () -> !torch.none
    %52 = "torch.constant.int"() <{value = 11 : i64}> : () -> !torch.int
    %53 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %54 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    "torch.aten._assert_tensor_metadata"(%49, %50, %51, %52, %53, %54) : (!torch.vtensor<[?,64],i1>, !torch.none, !torch.none, !torch.int, !torch.Device, !torch.int) -> ()
    %55 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %56 = "torch.prims.convert_element_type"(%49, %55) : (!torch.vtensor<[?,64],i1>, !torch.int) -> !torch.vtensor<[?,64],f32>
    "torch.bind_symbolic_shape"(%56, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[?,64],f32>, !torch.int) -> ()
    %57 = "torch.aten.mm"(%56, %30) : (!torch.vtensor<[?,64],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%57, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %58 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %59 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %60 = "torch.prim.ListConstruct"(%59) : (!torch.int) -> !torch.list<int>
    %61 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %62 = "torch.constant.none"() : () -> !torch.none
    %63 = "torch.aten.linalg_vector_norm"(%57, %58, %60, %61, %62) : (!torch.vtensor<[?,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%63, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %64 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %65 = "torch.constant.none"() : () -> !torch.none
    %66 = "torch.aten.clamp"(%63, %64, %65) : (!torch.vtensor<[?,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[?,1],f32>
    "torch.bind_symbolic_shape"(%66, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,1],f32>, !torch.int) -> ()
    %67 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %68 = "torch.prim.ListConstruct"(%36, %67) : (!torch.int, !torch.int) -> !torch.list<int>
    %69 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %70 = "torch.aten.expand"(%66, %68, %69) : (!torch.vtensor<[?,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%70, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %71 = "torch.aten.div.Tensor"(%57, %70) : (!torch.vtensor<[?,32],f32>, !torch.vtensor<[?,32],f32>) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%71, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %72 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %73 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %74 = "torch.prim.ListConstruct"(%72, %73) : (!torch.int, !torch.int) -> !torch.list<int>
    %75 = "torch.aten.permute"(%71, %74) : (!torch.vtensor<[?,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,?],f32>
    "torch.bind_symbolic_shape"(%75, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[32,?],f32>, !torch.int) -> ()
    %76 = "torch.aten.mm"(%30, %75) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%76, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %77 = "torch.constant.float"() <{value = 1.000000e-01 : f64}> : () -> !torch.float
    %78 = "torch.aten.div.Scalar"(%76, %77) : (!torch.vtensor<[64,?],f32>, !torch.float) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%78, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %79 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %81 = "torch.prim.ListConstruct"(%79, %80) : (!torch.int, !torch.int) -> !torch.list<int>
    %82 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %83 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %84 = "torch.prim.ListConstruct"(%82, %83) : (!torch.int, !torch.int) -> !torch.list<int>
    %85 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %86 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %87 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %88 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %89 = "torch.aten.empty_strided"(%81, %84, %85, %86, %87, %88) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %90 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %91 = "torch.constant.none"() : () -> !torch.none
    %92 = "torch.constant.none"() : () -> !torch.none
    %93 = "torch.constant.none"() : () -> !torch.none
    %94 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %95 = "torch.constant.none"() : () -> !torch.none
    %96 = "torch.aten.full_like"(%89, %90, %91, %92, %93, %94, %95) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %97 = "torch.prim.ListConstruct"(%78, %96) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>) -> !torch.list<vtensor>
    %98 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %99 = "torch.aten.cat"(%97, %98) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%99, %0) <{shape_expressions = #map6}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %100 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %101 = "torch.prim.ListConstruct"(%100) : (!torch.int) -> !torch.list<int>
    %102 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %103 = "torch.aten.amax"(%99, %101, %102) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %104 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %105 = "torch.aten.sub.Tensor"(%78, %103, %104) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%105, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %106 = "torch.aten.exp"(%105) : (!torch.vtensor<[64,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%106, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %107 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %108 = "torch.prim.ListConstruct"(%107) : (!torch.int) -> !torch.list<int>
    %109 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %110 = "torch.constant.none"() : () -> !torch.none
    %111 = "torch.aten.sum.dim_IntList"(%106, %108, %109, %110) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %112 = "torch.aten.log"(%111) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %113 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %114 = "torch.aten.sub.Tensor"(%105, %112, %113) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%114, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %115 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %116 = "torch.aten.ne.Scalar"(%34#1, %115) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %117 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %118 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %119 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %120 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %121 = "torch.constant.none"() : () -> !torch.none
    %122 = "torch.aten.scalar_tensor"(%117, %118, %119, %120, %121) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %123 = "torch.aten.where.self"(%116, %34#1, %122) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %124 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %125 = "torch.aten.unsqueeze"(%123, %124) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %126 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %127 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %128 = "torch.aten.gather"(%114, %126, %125, %127) : (!torch.vtensor<[64,?],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %129 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %130 = "torch.prim.ListConstruct"(%129) : (!torch.int) -> !torch.list<int>
    %131 = "torch.prims.squeeze"(%128, %130) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %132 = "torch.aten.neg"(%131) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %133 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %134 = "torch.aten.ne.Scalar"(%34#1, %133) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %135 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %136 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %137 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %138 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %139 = "torch.constant.none"() : () -> !torch.none
    %140 = "torch.aten.scalar_tensor"(%135, %136, %137, %138, %139) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %141 = "torch.aten.where.self"(%134, %132, %140) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %142 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %143 = "torch.aten.ne.Scalar"(%34#1, %142) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %144 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %145 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %146 = "torch.constant.none"() : () -> !torch.none
    %147 = "torch.aten.sum.dim_IntList"(%143, %144, %145, %146) : (!torch.vtensor<[64],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %148 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %149 = "torch.prims.convert_element_type"(%147, %148) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %150 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %151 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %152 = "torch.constant.none"() : () -> !torch.none
    %153 = "torch.aten.sum.dim_IntList"(%141, %150, %151, %152) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %154 = "torch.aten.div.Tensor"(%153, %149) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%154) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
