// The corpus model filled_remasked_pooling (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,1],f32>, !torch.vtensor<[64,4],i1>, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"
// GONE-NOT: "torch.aten.bmm"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>, %arg1: !torch.vtensor<[64,4],i1>):
    %0 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %1 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %2 = "torch.prim.ListConstruct"(%0, %1) : (!torch.int, !torch.int) -> !torch.list<int>
    %3 = "torch.aten.view"(%arg0, %2) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %4 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %5 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %6 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %7 = "torch.prim.ListConstruct"(%5, %6) : (!torch.int, !torch.int) -> !torch.list<int>
    %8 = "torch.aten.permute"(%4, %7) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %9 = "torch.aten.mm"(%3, %8) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[256,1],f32>
    %10 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %11 = "torch.aten.mul.Scalar"(%9, %10) : (!torch.vtensor<[256,1],f32>, !torch.int) -> !torch.vtensor<[256,1],f32>
    %12 = "torch.vtensor.literal"() <{value = dense<6.862150e-02> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %13 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %14 = "torch.aten.mul.Scalar"(%12, %13) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %15 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %16 = "torch.aten.add.Tensor"(%11, %14, %15) : (!torch.vtensor<[256,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[256,1],f32>
    %17 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %18 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %19 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %20 = "torch.prim.ListConstruct"(%17, %18, %19) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %21 = "torch.aten.view"(%16, %20) : (!torch.vtensor<[256,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1],f32>
    %22 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %23 = "torch.prim.ListConstruct"(%22) : (!torch.int) -> !torch.list<int>
    %24 = "torch.prims.squeeze"(%21, %23) : (!torch.vtensor<[64,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4],f32>
    %25 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %26 = "torch.aten.eq.Scalar"(%arg1, %25) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,4],i1>
    %27 = "torch.constant.float"() <{value = -1.000000e+09 : f64}> : () -> !torch.float
    %28 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %29 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %30 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %31 = "torch.constant.none"() : () -> !torch.none
    %32 = "torch.aten.scalar_tensor"(%27, %28, %29, %30, %31) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %33 = "torch.aten.where.self"(%26, %32, %24) : (!torch.vtensor<[64,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,4],f32>) -> !torch.vtensor<[64,4],f32>
    %34 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %35 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %36 = "torch.aten._softmax"(%33, %34, %35) : (!torch.vtensor<[64,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4],f32>
    %37 = "torch.constant.none"() : () -> !torch.none
    %38 = "torch.constant.none"() : () -> !torch.none
    %39 = "torch.constant.int"() <{value = 11 : i64}> : () -> !torch.int
    %40 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %41 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    "torch.aten._assert_tensor_metadata"(%arg1, %37, %38, %39, %40, %41) : (!torch.vtensor<[64,4],i1>, !torch.none, !torch.none, !torch.int, !torch.Device, !torch.int) -> ()
    %42 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %43 = "torch.prims.convert_element_type"(%arg1, %42) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,4],f32>
    %44 = "torch.aten.mul.Tensor"(%36, %43) : (!torch.vtensor<[64,4],f32>, !torch.vtensor<[64,4],f32>) -> !torch.vtensor<[64,4],f32>
    %45 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %46 = "torch.aten.unsqueeze"(%44, %45) : (!torch.vtensor<[64,4],f32>, !torch.int) -> !torch.vtensor<[64,4,1],f32>
    %47 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %48 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %49 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %50 = "torch.prim.ListConstruct"(%47, %48, %49) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %51 = "torch.aten.permute"(%46, %50) : (!torch.vtensor<[64,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,4],f32>
    %52 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %54 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %55 = "torch.prim.ListConstruct"(%52, %53, %54) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %56 = "torch.aten.permute"(%arg0, %55) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64,4],f32>
    %57 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %60 = "torch.prim.ListConstruct"(%57, %58, %59) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %61 = "torch.aten.permute"(%51, %60) : (!torch.vtensor<[64,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1],f32>
    %62 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %63 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %64 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %65 = "torch.prim.ListConstruct"(%62, %63, %64) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %66 = "torch.aten.view"(%61, %65) : (!torch.vtensor<[64,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,4],f32>
    %67 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %68 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %69 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %70 = "torch.prim.ListConstruct"(%67, %68, %69) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %71 = "torch.aten.permute"(%56, %70) : (!torch.vtensor<[64,64,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %72 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %73 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %74 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %75 = "torch.prim.ListConstruct"(%72, %73, %74) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %76 = "torch.aten.view"(%71, %75) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %77 = "torch.aten.bmm"(%66, %76) : (!torch.vtensor<[64,1,4],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,1,64],f32>
    %78 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %79 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %81 = "torch.prim.ListConstruct"(%78, %79, %80) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %82 = "torch.aten.view"(%77, %81) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,64],f32>
    %83 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %84 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %85 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %86 = "torch.prim.ListConstruct"(%83, %84, %85) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %87 = "torch.aten.permute"(%82, %86) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64,1],f32>
    %88 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %89 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %90 = "torch.prim.ListConstruct"(%88, %89) : (!torch.int, !torch.int) -> !torch.list<int>
    %91 = "torch.aten.view"(%87, %90) : (!torch.vtensor<[64,64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    "func.return"(%91) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
