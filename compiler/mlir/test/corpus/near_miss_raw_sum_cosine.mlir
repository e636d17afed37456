// The corpus model near_miss_raw_sum_cosine (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK-NOT: torch.cldmdf
// REPORT: miss {{[0-9]+}} centroid_contrastive_loss the logits are not points against centroids

#map = affine_map<()[s0] -> (s0)>
#map1 = affine_map<()[s0] -> (s0, 32)>
#map2 = affine_map<()[s0] -> (1, s0, 32)>
#map3 = affine_map<()[s0] -> (64, s0, 32)>
#map4 = affine_map<()[s0] -> (64, s0, 1)>
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
    %16 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %17 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %18 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %19:3 = "torch.operator"(%arg1, %16, %17, %18) <{name = "torch.aten._unique2"}> : (!torch.vtensor<[64],si64>, !torch.bool, !torch.bool, !torch.bool) -> (!torch.vtensor<[?],si64>, !torch.vtensor<[64],si64>, !torch.vtensor<[0],si64>)
    "torch.bind_symbolic_shape"(%19#0, %0) <{shape_expressions = #map}> : (!torch.vtensor<[?],si64>, !torch.int) -> ()
    %20 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %21 = "torch.aten.size.int"(%19#0, %20) : (!torch.vtensor<[?],si64>, !torch.int) -> !torch.int
    %22 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %23 = "torch.aten.ge.int"(%21, %22) : (!torch.int, !torch.int) -> !torch.bool
    %24 = "torch.aten.Int.bool"(%23) : (!torch.bool) -> !torch.int
    %25 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 >= 0 on node 'ge_32'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%24, %25) : (!torch.int, !torch.str) -> ()
    %26 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %27 = "torch.aten.le.int"(%21, %26) : (!torch.int, !torch.int) -> !torch.bool
    %28 = "torch.aten.Int.bool"(%27) : (!torch.bool) -> !torch.int
    %29 = "torch.constant.str"() <{value = "Runtime assertion failed for expression u0 <= 64 on node 'le_1'"}> : () -> !torch.str
    "torch.aten._assert_scalar"(%28, %29) : (!torch.int, !torch.str) -> ()
    %30 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %31 = "torch.prim.ListConstruct"(%21, %30) : (!torch.int, !torch.int) -> !torch.list<int>
    %32 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %33 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %34 = "torch.prim.ListConstruct"(%32, %33) : (!torch.int, !torch.int) -> !torch.list<int>
    %35 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %36 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %37 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %38 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %39 = "torch.aten.empty_strided"(%31, %34, %35, %36, %37, %38) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%39, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %40 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %41 = "torch.constant.none"() : () -> !torch.none
    %42 = "torch.constant.none"() : () -> !torch.none
    %43 = "torch.constant.none"() : () -> !torch.none
    %44 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %45 = "torch.constant.none"() : () -> !torch.none
    %46 = "torch.aten.full_like"(%39, %40, %41, %42, %43, %44, %45) : (!torch.vtensor<[?,32],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%46, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %47 = "torch.prim.ListConstruct"(%19#1) : (!torch.vtensor<[64],si64>) -> !torch.list<optional<vtensor>>
    %48 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %49 = "torch.aten.index_put"(%46, %47, %15, %48) : (!torch.vtensor<[?,32],f32>, !torch.list<optional<vtensor>>, !torch.vtensor<[64,32],f32>, !torch.bool) -> !torch.vtensor<[?,32],f32>
    "torch.bind_symbolic_shape"(%49, %0) <{shape_expressions = #map1}> : (!torch.vtensor<[?,32],f32>, !torch.int) -> ()
    %50 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %51 = "torch.aten.unsqueeze"(%15, %50) : (!torch.vtensor<[64,32],f32>, !torch.int) -> !torch.vtensor<[64,1,32],f32>
    %52 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %53 = "torch.aten.unsqueeze"(%49, %52) : (!torch.vtensor<[?,32],f32>, !torch.int) -> !torch.vtensor<[1,?,32],f32>
    "torch.bind_symbolic_shape"(%53, %0) <{shape_expressions = #map2}> : (!torch.vtensor<[1,?,32],f32>, !torch.int) -> ()
    %54 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %55 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %56 = "torch.prim.ListConstruct"(%54, %21, %55) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %57 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %58 = "torch.aten.expand"(%53, %56, %57) : (!torch.vtensor<[1,?,32],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,?,32],f32>
    "torch.bind_symbolic_shape"(%58, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?,32],f32>, !torch.int) -> ()
    %59 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %60 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %61 = "torch.prim.ListConstruct"(%59, %21, %60) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %62 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %63 = "torch.aten.expand"(%51, %61, %62) : (!torch.vtensor<[64,1,32],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,?,32],f32>
    "torch.bind_symbolic_shape"(%63, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?,32],f32>, !torch.int) -> ()
    %64 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %65 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %66 = "torch.prim.ListConstruct"(%65) : (!torch.int) -> !torch.list<int>
    %67 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %68 = "torch.constant.none"() : () -> !torch.none
    %69 = "torch.aten.linalg_vector_norm"(%63, %64, %66, %67, %68) : (!torch.vtensor<[64,?,32],f32>, !torch.int, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,?,1],f32>
    "torch.bind_symbolic_shape"(%69, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?,1],f32>, !torch.int) -> ()
    %70 = "torch.constant.none"() : () -> !torch.none
    %71 = "torch.aten.clone"(%69, %70) : (!torch.vtensor<[64,?,1],f32>, !torch.none) -> !torch.vtensor<[64,?,1],f32>
    "torch.bind_symbolic_shape"(%71, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?,1],f32>, !torch.int) -> ()
    %72 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %73 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %74 = "torch.prim.ListConstruct"(%73) : (!torch.int) -> !torch.list<int>
    %75 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %76 = "torch.constant.none"() : () -> !torch.none
    %77 = "torch.aten.linalg_vector_norm"(%58, %72, %74, %75, %76) : (!torch.vtensor<[64,?,32],f32>, !torch.int, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,?,1],f32>
    "torch.bind_symbolic_shape"(%77, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?,1],f32>, !torch.int) -> ()
    %78 = "torch.constant.none"() : () -> !torch.none
    %79 = "torch.aten.clone"(%77, %78) : (!torch.vtensor<[64,?,1],f32>, !torch.none) -> !torch.vtensor<[64,?,1],f32>
    "torch.bind_symbolic_shape"(%79, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?,1],f32>, !torch.int) -> ()
    %80 = "torch.constant.float"() <{value = 1.000000e-08 : f64}> : () -> !torch.float
    %81 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %82 = "torch.constant.none"() : () -> !torch.none
    %83 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %84 = "torch.constant.none"() : () -> !torch.none
    %85 = "torch.aten.scalar_tensor"(%80, %81, %82, %83, %84) : (!torch.float, !torch.int, !torch.none, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %86 = "torch.constant.none"() : () -> !torch.none
    %87 = "torch.aten.clamp.Tensor"(%71, %85, %86) : (!torch.vtensor<[64,?,1],f32>, !torch.vtensor<[],f32>, !torch.none) -> !torch.vtensor<[64,?,1],f32>
    "torch.bind_symbolic_shape"(%87, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?,1],f32>, !torch.int) -> ()
    %88 = "torch.constant.none"() : () -> !torch.none
    %89 = "torch.aten.clamp.Tensor"(%79, %85, %88) : (!torch.vtensor<[64,?,1],f32>, !torch.vtensor<[],f32>, !torch.none) -> !torch.vtensor<[64,?,1],f32>
    "torch.bind_symbolic_shape"(%89, %0) <{shape_expressions = #map4}> : (!torch.vtensor<[64,?,1],f32>, !torch.int) -> ()
    %90 = "torch.aten.div.Tensor"(%58, %89) : (!torch.vtensor<[64,?,32],f32>, !torch.vtensor<[64,?,1],f32>) -> !torch.vtensor<[64,?,32],f32>
    "torch.bind_symbolic_shape"(%90, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?,32],f32>, !torch.int) -> ()
    %91 = "torch.aten.div.Tensor"(%63, %87) : (!torch.vtensor<[64,?,32],f32>, !torch.vtensor<[64,?,1],f32>) -> !torch.vtensor<[64,?,32],f32>
    "torch.bind_symbolic_shape"(%91, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?,32],f32>, !torch.int) -> ()
    %92 = "torch.aten.mul.Tensor"(%91, %90) : (!torch.vtensor<[64,?,32],f32>, !torch.vtensor<[64,?,32],f32>) -> !torch.vtensor<[64,?,32],f32>
    "torch.bind_symbolic_shape"(%92, %0) <{shape_expressions = #map3}> : (!torch.vtensor<[64,?,32],f32>, !torch.int) -> ()
    %93 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %94 = "torch.prim.ListConstruct"(%93) : (!torch.int) -> !torch.list<int>
    %95 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %96 = "torch.constant.none"() : () -> !torch.none
    %97 = "torch.aten.sum.dim_IntList"(%92, %94, %95, %96) : (!torch.vtensor<[64,?,32],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%97, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %98 = "torch.constant.int"() <{value = 10 : i64}> : () -> !torch.int
    %99 = "torch.aten.mul.Scalar"(%97, %98) : (!torch.vtensor<[64,?],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%99, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %100 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %101 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %102 = "torch.prim.ListConstruct"(%100, %101) : (!torch.int, !torch.int) -> !torch.list<int>
    %103 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %104 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %105 = "torch.prim.ListConstruct"(%103, %104) : (!torch.int, !torch.int) -> !torch.list<int>
    %106 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %107 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %108 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %109 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %110 = "torch.aten.empty_strided"(%102, %105, %106, %107, %108, %109) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %111 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %112 = "torch.constant.none"() : () -> !torch.none
    %113 = "torch.constant.none"() : () -> !torch.none
    %114 = "torch.constant.none"() : () -> !torch.none
    %115 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %116 = "torch.constant.none"() : () -> !torch.none
    %117 = "torch.aten.full_like"(%110, %111, %112, %113, %114, %115, %116) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %118 = "torch.prim.ListConstruct"(%99, %117) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>) -> !torch.list<vtensor>
    %119 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %120 = "torch.aten.cat"(%118, %119) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%120, %0) <{shape_expressions = #map6}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %121 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %122 = "torch.prim.ListConstruct"(%121) : (!torch.int) -> !torch.list<int>
    %123 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %124 = "torch.aten.amax"(%120, %122, %123) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %125 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %126 = "torch.aten.sub.Tensor"(%99, %124, %125) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%126, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %127 = "torch.aten.exp"(%126) : (!torch.vtensor<[64,?],f32>) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%127, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %128 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %129 = "torch.prim.ListConstruct"(%128) : (!torch.int) -> !torch.list<int>
    %130 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %131 = "torch.constant.none"() : () -> !torch.none
    %132 = "torch.aten.sum.dim_IntList"(%127, %129, %130, %131) : (!torch.vtensor<[64,?],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %133 = "torch.aten.log"(%132) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %134 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %135 = "torch.aten.sub.Tensor"(%126, %133, %134) : (!torch.vtensor<[64,?],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,?],f32>
    "torch.bind_symbolic_shape"(%135, %0) <{shape_expressions = #map5}> : (!torch.vtensor<[64,?],f32>, !torch.int) -> ()
    %136 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %137 = "torch.aten.ne.Scalar"(%19#1, %136) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %138 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %139 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %140 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %141 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %142 = "torch.constant.none"() : () -> !torch.none
    %143 = "torch.aten.scalar_tensor"(%138, %139, %140, %141, %142) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %144 = "torch.aten.where.self"(%137, %19#1, %143) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %145 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %146 = "torch.aten.unsqueeze"(%144, %145) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %147 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %148 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %149 = "torch.aten.gather"(%135, %147, %146, %148) : (!torch.vtensor<[64,?],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %150 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %151 = "torch.prim.ListConstruct"(%150) : (!torch.int) -> !torch.list<int>
    %152 = "torch.prims.squeeze"(%149, %151) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %153 = "torch.aten.neg"(%152) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %154 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %155 = "torch.aten.ne.Scalar"(%19#1, %154) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %156 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %157 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %158 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %159 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %160 = "torch.constant.none"() : () -> !torch.none
    %161 = "torch.aten.scalar_tensor"(%156, %157, %158, %159, %160) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %162 = "torch.aten.where.self"(%155, %153, %161) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %163 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %164 = "torch.aten.ne.Scalar"(%19#1, %163) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %165 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %166 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %167 = "torch.constant.none"() : () -> !torch.none
    %168 = "torch.aten.sum.dim_IntList"(%164, %165, %166, %167) : (!torch.vtensor<[64],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %169 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %170 = "torch.prims.convert_element_type"(%168, %169) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %171 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %172 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %173 = "torch.constant.none"() : () -> !torch.none
    %174 = "torch.aten.sum.dim_IntList"(%162, %171, %172, %173) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %175 = "torch.aten.div.Tensor"(%174, %170) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%175) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
