// The corpus model einsum_pooling (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,1],f32>, !torch.vtensor<[64,4],i1>, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>, %arg1: !torch.vtensor<[64,4],i1>):
    %0 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %1 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %2 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %3 = "torch.prim.ListConstruct"(%0, %1, %2) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %4 = "torch.aten.permute"(%arg0, %3) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %5 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %6 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %7 = "torch.aten.unsqueeze"(%5, %6) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,1],f32>
    %8 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %9 = "torch.aten.unsqueeze"(%7, %8) : (!torch.vtensor<[64,1],f32>, !torch.int) -> !torch.vtensor<[64,1,1],f32>
    %10 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %11 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %12 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %13 = "torch.prim.ListConstruct"(%10, %11, %12) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %14 = "torch.aten.permute"(%9, %13) : (!torch.vtensor<[64,1,1],f32>, !torch.list<int>) -> !torch.vtensor<[1,1,64],f32>
    %15 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %16 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %17 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %18 = "torch.prim.ListConstruct"(%15, %16, %17) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %19 = "torch.aten.permute"(%4, %18) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %20 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %21 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %22 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %23 = "torch.prim.ListConstruct"(%20, %21, %22) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %24 = "torch.aten.view"(%19, %23) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[1,256,64],f32>
    %25 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %26 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %27 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %28 = "torch.prim.ListConstruct"(%25, %26, %27) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %29 = "torch.aten.permute"(%14, %28) : (!torch.vtensor<[1,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,1],f32>
    %30 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %31 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %32 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %33 = "torch.prim.ListConstruct"(%30, %31, %32) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %34 = "torch.aten.view"(%29, %33) : (!torch.vtensor<[64,1,1],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,1],f32>
    %35 = "torch.aten.bmm"(%24, %34) : (!torch.vtensor<[1,256,64],f32>, !torch.vtensor<[1,64,1],f32>) -> !torch.vtensor<[1,256,1],f32>
    %36 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %37 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %38 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %39 = "torch.prim.ListConstruct"(%36, %37, %38) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %40 = "torch.aten.view"(%35, %39) : (!torch.vtensor<[1,256,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1],f32>
    %41 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %42 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %43 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %44 = "torch.prim.ListConstruct"(%41, %42, %43) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %45 = "torch.aten.permute"(%40, %44) : (!torch.vtensor<[64,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1],f32>
    %46 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %47 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %48 = "torch.prim.ListConstruct"(%46, %47) : (!torch.int, !torch.int) -> !torch.list<int>
    %49 = "torch.aten.view"(%45, %48) : (!torch.vtensor<[64,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4],f32>
    %50 = "torch.aten.bitwise_not"(%arg1) : (!torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,4],i1>
    %51 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %52 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %54 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %55 = "torch.constant.none"() : () -> !torch.none
    %56 = "torch.aten.scalar_tensor"(%51, %52, %53, %54, %55) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %57 = "torch.aten.where.self"(%50, %56, %49) : (!torch.vtensor<[64,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,4],f32>) -> !torch.vtensor<[64,4],f32>
    %58 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %59 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %60 = "torch.aten._softmax"(%57, %58, %59) : (!torch.vtensor<[64,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4],f32>
    %61 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %62 = "torch.aten.unsqueeze"(%60, %61) : (!torch.vtensor<[64,4],f32>, !torch.int) -> !torch.vtensor<[64,4,1],f32>
    %63 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %64 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %65 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %66 = "torch.prim.ListConstruct"(%63, %64, %65) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %67 = "torch.aten.permute"(%62, %66) : (!torch.vtensor<[64,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,4],f32>
    %68 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %69 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %70 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %71 = "torch.prim.ListConstruct"(%68, %69, %70) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %72 = "torch.aten.permute"(%arg0, %71) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64,4],f32>
    %73 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %74 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %75 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %76 = "torch.prim.ListConstruct"(%73, %74, %75) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %77 = "torch.aten.permute"(%67, %76) : (!torch.vtensor<[64,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1],f32>
    %78 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %79 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %81 = "torch.prim.ListConstruct"(%78, %79, %80) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %82 = "torch.aten.view"(%77, %81) : (!torch.vtensor<[64,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,4],f32>
    %83 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %84 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %85 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %86 = "torch.prim.ListConstruct"(%83, %84, %85) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %87 = "torch.aten.permute"(%72, %86) : (!torch.vtensor<[64,64,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %88 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %89 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %91 = "torch.prim.ListConstruct"(%88, %89, %90) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %92 = "torch.aten.view"(%87, %91) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %93 = "torch.aten.bmm"(%82, %92) : (!torch.vtensor<[64,1,4],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,1,64],f32>
    %94 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %95 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %96 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %97 = "torch.prim.ListConstruct"(%94, %95, %96) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %98 = "torch.aten.view"(%93, %97) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,64],f32>
    %99 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %100 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %101 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %102 = "torch.prim.ListConstruct"(%99, %100, %101) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %103 = "torch.aten.permute"(%98, %102) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64,1],f32>
    %104 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %105 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %106 = "torch.prim.ListConstruct"(%104, %105) : (!torch.int, !torch.int) -> !torch.list<int>
    %107 = "torch.aten.view"(%103, %106) : (!torch.vtensor<[64,64,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    "func.return"(%107) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
