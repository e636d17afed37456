// The corpus model near_miss_fixed_class_count (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK-NOT: torch.cldmdf
// REPORT: miss {{[0-9]+}} centroid_contrastive_loss the points are grouped by ids that do not come from torch.unique

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],si64>) -> !torch.vtensor<[],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,64],f32>, %arg1: !torch.vtensor<[64],si64>):
    %0 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s35"}> : () -> !torch.int
    %1 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s29"}> : () -> !torch.int
    %2 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<32x64xf32>}> : () -> !torch.vtensor<[32,64],f32>
    %3 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %4 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %5 = "torch.prim.ListConstruct"(%3, %4) : (!torch.int, !torch.int) -> !torch.list<int>
    %6 = "torch.aten.permute"(%2, %5) : (!torch.vtensor<[32,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,32],f32>
    %7 = "torch.aten.mm"(%arg0, %6) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[64,32],f32>
    %8 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %9 = "torch.aten.mul.Scalar"(%7, %8) : (!torch.vtensor<[64,32],f32>, !torch.int) -> !torch.vtensor<[64,32],f32>
    %10 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<32xf32>}> : () -> !torch.vtensor<[32],f32>
    %11 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %12 = "torch.aten.mul.Scalar"(%10, %11) : (!torch.vtensor<[32],f32>, !torch.int) -> !torch.vtensor<[32],f32>
    %13 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %14 = "torch.aten.add.Tensor"(%9, %12, %13) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32],f32>, !torch.int) -> !torch.vtensor<[64,32],f32>
    %15 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %16 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %17 = "torch.prim.ListConstruct"(%16) : (!torch.int) -> !torch.list<int>
    %18 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %19 = "torch.constant.none"() : () -> !torch.none
    %20 = "torch.aten.linalg_vector_norm"(%14, %15, %17, %18, %19) : (!torch.vtensor<[64,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %21 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %22 = "torch.constant.none"() : () -> !torch.none
    %23 = "torch.aten.clamp"(%20, %21, %22) : (!torch.vtensor<[64,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[64,1],f32>
    %24 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %25 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %26 = "torch.prim.ListConstruct"(%24, %25) : (!torch.int, !torch.int) -> !torch.list<int>
    %27 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %28 = "torch.aten.expand"(%23, %26, %27) : (!torch.vtensor<[64,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,32],f32>
    %29 = "torch.aten.div.Tensor"(%14, %28) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[64,32],f32>) -> !torch.vtensor<[64,32],f32>
    %30 = "torch.constant.int"() <{value = 10 : i64}> : () -> !torch.int
    %31 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %32 = "torch.prim.ListConstruct"(%30, %31) : (!torch.int, !torch.int) -> !torch.list<int>
    %33 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %34 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %35 = "torch.prim.ListConstruct"(%33, %34) : (!torch.int, !torch.int) -> !torch.list<int>
    %36 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %37 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %38 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %39 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %40 = "torch.aten.empty_strided"(%32, %35, %36, %37, %38, %39) : (!torch.list<int>, !torch.list<int>, !torch.int, !torch.int, !torch.Device, !torch.bool) -> !torch.vtensor<[10,32],f32>
    %41 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %42 = "torch.constant.none"() : () -> !torch.none
    %43 = "torch.constant.none"() : () -> !torch.none
    %44 = "torch.constant.none"() : () -> !torch.none
    %45 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %46 = "torch.constant.none"() : () -> !torch.none
    %47 = "torch.aten.full_like"(%40, %41, %42, %43, %44, %45, %46) : (!torch.vtensor<[10,32],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[10,32],f32>
    %48 = "torch.prim.ListConstruct"(%arg1) : (!torch.vtensor<[64],si64>) -> !torch.list<optional<vtensor>>
    %49 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %50 = "torch.aten.index_put"(%47, %48, %29, %49) : (!torch.vtensor<[10,32],f32>, !torch.list<optional<vtensor>>, !torch.vtensor<[64,32],f32>, !torch.bool) -> !torch.vtensor<[10,32],f32>
    %51 = "torch.constant.float"() <{value = 2.000000e+00 : f64}> : () -> !torch.float
    %52 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %53 = "torch.prim.ListConstruct"(%52) : (!torch.int) -> !torch.list<int>
    %54 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %55 = "torch.constant.none"() : () -> !torch.none
    %56 = "torch.aten.linalg_vector_norm"(%50, %51, %53, %54, %55) : (!torch.vtensor<[10,32],f32>, !torch.float, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[10,1],f32>
    %57 = "torch.constant.float"() <{value = 9.9999999999999998E-13 : f64}> : () -> !torch.float
    %58 = "torch.constant.none"() : () -> !torch.none
    %59 = "torch.aten.clamp"(%56, %57, %58) : (!torch.vtensor<[10,1],f32>, !torch.float, !torch.none) -> !torch.vtensor<[10,1],f32>
    %60 = "torch.constant.int"() <{value = 10 : i64}> : () -> !torch.int
    %61 = "torch.constant.int"() <{value = 32 : i64}> : () -> !torch.int
    %62 = "torch.prim.ListConstruct"(%60, %61) : (!torch.int, !torch.int) -> !torch.list<int>
    %63 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %64 = "torch.aten.expand"(%59, %62, %63) : (!torch.vtensor<[10,1],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[10,32],f32>
    %65 = "torch.aten.div.Tensor"(%50, %64) : (!torch.vtensor<[10,32],f32>, !torch.vtensor<[10,32],f32>) -> !torch.vtensor<[10,32],f32>
    %66 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %67 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %68 = "torch.prim.ListConstruct"(%66, %67) : (!torch.int, !torch.int) -> !torch.list<int>
    %69 = "torch.aten.permute"(%65, %68) : (!torch.vtensor<[10,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,10],f32>
    %70 = "torch.aten.mm"(%29, %69) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,10],f32>) -> !torch.vtensor<[64,10],f32>
    %71 = "torch.constant.float"() <{value = 1.000000e-01 : f64}> : () -> !torch.float
    %72 = "torch.aten.div.Scalar"(%70, %71) : (!torch.vtensor<[64,10],f32>, !torch.float) -> !torch.vtensor<[64,10],f32>
    %73 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %74 = "torch.prim.ListConstruct"(%73) : (!torch.int) -> !torch.list<int>
    %75 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %76 = "torch.aten.amax"(%72, %74, %75) : (!torch.vtensor<[64,10],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %77 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %78 = "torch.aten.sub.Tensor"(%72, %76, %77) : (!torch.vtensor<[64,10],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,10],f32>
    %79 = "torch.aten.exp"(%78) : (!torch.vtensor<[64,10],f32>) -> !torch.vtensor<[64,10],f32>
    %80 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %81 = "torch.prim.ListConstruct"(%80) : (!torch.int) -> !torch.list<int>
    %82 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %83 = "torch.constant.none"() : () -> !torch.none
    %84 = "torch.aten.sum.dim_IntList"(%79, %81, %82, %83) : (!torch.vtensor<[64,10],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %85 = "torch.aten.log"(%84) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %86 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %87 = "torch.aten.sub.Tensor"(%78, %85, %86) : (!torch.vtensor<[64,10],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,10],f32>
    %88 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %89 = "torch.aten.ne.Scalar"(%arg1, %88) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %90 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %91 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %92 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %93 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %94 = "torch.constant.none"() : () -> !torch.none
    %95 = "torch.aten.scalar_tensor"(%90, %91, %92, %93, %94) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %96 = "torch.aten.where.self"(%89, %arg1, %95) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %97 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %98 = "torch.aten.unsqueeze"(%96, %97) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %99 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %100 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %101 = "torch.aten.gather"(%87, %99, %98, %100) : (!torch.vtensor<[64,10],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %102 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %103 = "torch.prim.ListConstruct"(%102) : (!torch.int) -> !torch.list<int>
    %104 = "torch.prims.squeeze"(%101, %103) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %105 = "torch.aten.neg"(%104) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %106 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %107 = "torch.aten.ne.Scalar"(%arg1, %106) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %108 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %109 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %110 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %111 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %112 = "torch.constant.none"() : () -> !torch.none
    %113 = "torch.aten.scalar_tensor"(%108, %109, %110, %111, %112) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %114 = "torch.aten.where.self"(%107, %105, %113) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %115 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %116 = "torch.aten.ne.Scalar"(%arg1, %115) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %117 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %118 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %119 = "torch.constant.none"() : () -> !torch.none
    %120 = "torch.aten.sum.dim_IntList"(%116, %117, %118, %119) : (!torch.vtensor<[64],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %121 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %122 = "torch.prims.convert_element_type"(%120, %121) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %123 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %124 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %125 = "torch.constant.none"() : () -> !torch.none
    %126 = "torch.aten.sum.dim_IntList"(%114, %123, %124, %125) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %127 = "torch.aten.div.Tensor"(%126, %122) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%127) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
