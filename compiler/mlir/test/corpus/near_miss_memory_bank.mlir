// The corpus model near_miss_memory_bank (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK-NOT: torch.cldmdf
// REPORT: miss {{[0-9]+}} centroid_contrastive_loss the centroids are not computed from the batch ({{.*}})

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
    %30 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<10x32xf32>}> : () -> !torch.vtensor<[10,32],f32>
    %31 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %32 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %33 = "torch.prim.ListConstruct"(%31, %32) : (!torch.int, !torch.int) -> !torch.list<int>
    %34 = "torch.aten.permute"(%30, %33) : (!torch.vtensor<[10,32],f32>, !torch.list<int>) -> !torch.vtensor<[32,10],f32>
    %35 = "torch.aten.mm"(%29, %34) : (!torch.vtensor<[64,32],f32>, !torch.vtensor<[32,10],f32>) -> !torch.vtensor<[64,10],f32>
    %36 = "torch.constant.float"() <{value = 1.000000e-01 : f64}> : () -> !torch.float
    %37 = "torch.aten.div.Scalar"(%35, %36) : (!torch.vtensor<[64,10],f32>, !torch.float) -> !torch.vtensor<[64,10],f32>
    %38 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %39 = "torch.prim.ListConstruct"(%38) : (!torch.int) -> !torch.list<int>
    %40 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %41 = "torch.aten.amax"(%37, %39, %40) : (!torch.vtensor<[64,10],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %42 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %43 = "torch.aten.sub.Tensor"(%37, %41, %42) : (!torch.vtensor<[64,10],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,10],f32>
    %44 = "torch.aten.exp"(%43) : (!torch.vtensor<[64,10],f32>) -> !torch.vtensor<[64,10],f32>
    %45 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %46 = "torch.prim.ListConstruct"(%45) : (!torch.int) -> !torch.list<int>
    %47 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %48 = "torch.constant.none"() : () -> !torch.none
    %49 = "torch.aten.sum.dim_IntList"(%44, %46, %47, %48) : (!torch.vtensor<[64,10],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1],f32>
    %50 = "torch.aten.log"(%49) : (!torch.vtensor<[64,1],f32>) -> !torch.vtensor<[64,1],f32>
    %51 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %52 = "torch.aten.sub.Tensor"(%43, %50, %51) : (!torch.vtensor<[64,10],f32>, !torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,10],f32>
    %53 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %54 = "torch.aten.ne.Scalar"(%arg1, %53) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %55 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %56 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %58 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %59 = "torch.constant.none"() : () -> !torch.none
    %60 = "torch.aten.scalar_tensor"(%55, %56, %57, %58, %59) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],si64>
    %61 = "torch.aten.where.self"(%54, %arg1, %60) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],si64>, !torch.vtensor<[],si64>) -> !torch.vtensor<[64],si64>
    %62 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %63 = "torch.aten.unsqueeze"(%61, %62) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64,1],si64>
    %64 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %65 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %66 = "torch.aten.gather"(%52, %64, %63, %65) : (!torch.vtensor<[64,10],f32>, !torch.int, !torch.vtensor<[64,1],si64>, !torch.bool) -> !torch.vtensor<[64,1],f32>
    %67 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %68 = "torch.prim.ListConstruct"(%67) : (!torch.int) -> !torch.list<int>
    %69 = "torch.prims.squeeze"(%66, %68) : (!torch.vtensor<[64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64],f32>
    %70 = "torch.aten.neg"(%69) : (!torch.vtensor<[64],f32>) -> !torch.vtensor<[64],f32>
    %71 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %72 = "torch.aten.ne.Scalar"(%arg1, %71) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %73 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %74 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %75 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %76 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %77 = "torch.constant.none"() : () -> !torch.none
    %78 = "torch.aten.scalar_tensor"(%73, %74, %75, %76, %77) : (!torch.int, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %79 = "torch.aten.where.self"(%72, %70, %78) : (!torch.vtensor<[64],i1>, !torch.vtensor<[64],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64],f32>
    %80 = "torch.constant.int"() <{value = -100 : i64}> : () -> !torch.int
    %81 = "torch.aten.ne.Scalar"(%arg1, %80) : (!torch.vtensor<[64],si64>, !torch.int) -> !torch.vtensor<[64],i1>
    %82 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %83 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %84 = "torch.constant.none"() : () -> !torch.none
    %85 = "torch.aten.sum.dim_IntList"(%81, %82, %83, %84) : (!torch.vtensor<[64],i1>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],si64>
    %86 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %87 = "torch.prims.convert_element_type"(%85, %86) : (!torch.vtensor<[],si64>, !torch.int) -> !torch.vtensor<[],f32>
    %88 = "torch.prim.ListConstruct"() : () -> !torch.list<int>
    %89 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %90 = "torch.constant.none"() : () -> !torch.none
    %91 = "torch.aten.sum.dim_IntList"(%79, %88, %89, %90) : (!torch.vtensor<[64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[],f32>
    %92 = "torch.aten.div.Tensor"(%91, %87) : (!torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[],f32>
    "func.return"(%92) : (!torch.vtensor<[],f32>) -> ()
  }) : () -> ()
}) : () -> ()
