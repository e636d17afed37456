// The corpus model gated_unit (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>, %arg1: !torch.vtensor<[64,4],i1>):
    %0 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %1 = "torch.prim.ListConstruct"(%0) : (!torch.int) -> !torch.list<int>
    %2 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %3 = "torch.constant.none"() : () -> !torch.none
    %4 = "torch.aten.mean.dim"(%arg0, %1, %2, %3) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1,64],f32>
    %5 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %6 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %7 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %8 = "torch.prim.ListConstruct"(%5, %6, %7) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %9 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %10 = "torch.aten.expand"(%4, %8, %9) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,64],f32>
    %11 = "torch.prim.ListConstruct"(%arg0, %10) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.list<vtensor>
    %12 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %13 = "torch.aten.cat"(%11, %12) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,4,128],f32>
    %14 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %15 = "torch.constant.int"() <{value = 128 : i64}> : () -> !torch.int
    %16 = "torch.prim.ListConstruct"(%14, %15) : (!torch.int, !torch.int) -> !torch.list<int>
    %17 = "torch.aten.view"(%13, %16) : (!torch.vtensor<[64,4,128],f32>, !torch.list<int>) -> !torch.vtensor<[256,128],f32>
    %18 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x128xf32>}> : () -> !torch.vtensor<[64,128],f32>
    %19 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %20 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %21 = "torch.prim.ListConstruct"(%19, %20) : (!torch.int, !torch.int) -> !torch.list<int>
    %22 = "torch.aten.permute"(%18, %21) : (!torch.vtensor<[64,128],f32>, !torch.list<int>) -> !torch.vtensor<[128,64],f32>
    %23 = "torch.aten.mm"(%17, %22) : (!torch.vtensor<[256,128],f32>, !torch.vtensor<[128,64],f32>) -> !torch.vtensor<[256,64],f32>
    %24 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %25 = "torch.aten.mul.Scalar"(%23, %24) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %26 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %27 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %28 = "torch.aten.mul.Scalar"(%26, %27) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %29 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %30 = "torch.aten.add.Tensor"(%25, %28, %29) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %31 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %32 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %33 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %34 = "torch.prim.ListConstruct"(%31, %32, %33) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %35 = "torch.aten.view"(%30, %34) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %36 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %37 = "torch.aten.unsqueeze"(%arg1, %36) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,4,1],i1>
    %38 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %39 = "torch.constant.none"() : () -> !torch.none
    %40 = "torch.constant.none"() : () -> !torch.none
    %41 = "torch.constant.none"() : () -> !torch.none
    %42 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %43 = "torch.constant.none"() : () -> !torch.none
    %44 = "torch.aten.full_like"(%35, %38, %39, %40, %41, %42, %43) : (!torch.vtensor<[64,4,64],f32>, !torch.float, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.none) -> !torch.vtensor<[64,4,64],f32>
    %45 = "torch.aten.where.self"(%37, %35, %44) : (!torch.vtensor<[64,4,1],i1>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %46 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %47 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %48 = "torch.aten._softmax"(%45, %46, %47) : (!torch.vtensor<[64,4,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,64],f32>
    %49 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %50 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %51 = "torch.prim.ListConstruct"(%49, %50) : (!torch.int, !torch.int) -> !torch.list<int>
    %52 = "torch.aten.view"(%arg0, %51) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %53 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %54 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %55 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %56 = "torch.prim.ListConstruct"(%54, %55) : (!torch.int, !torch.int) -> !torch.list<int>
    %57 = "torch.aten.permute"(%53, %56) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %58 = "torch.aten.mm"(%52, %57) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %59 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %60 = "torch.aten.mul.Scalar"(%58, %59) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %61 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %62 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %63 = "torch.aten.mul.Scalar"(%61, %62) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %64 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %65 = "torch.aten.add.Tensor"(%60, %63, %64) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %66 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %67 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %68 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %69 = "torch.prim.ListConstruct"(%66, %67, %68) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %70 = "torch.aten.view"(%65, %69) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %71 = "torch.aten.tanh"(%70) : (!torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %72 = "torch.aten.mul.Tensor"(%48, %71) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %73 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %74 = "torch.prim.ListConstruct"(%73) : (!torch.int) -> !torch.list<int>
    %75 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %76 = "torch.constant.none"() : () -> !torch.none
    %77 = "torch.aten.sum.dim_IntList"(%72, %74, %75, %76) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,64],f32>
    "func.return"(%77) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
