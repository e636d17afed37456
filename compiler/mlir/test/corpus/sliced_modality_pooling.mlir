// The corpus model sliced_modality_pooling (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,3,64],f32>, !torch.vtensor<[64,3,1],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,3,64],f32>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,3,64],f32>):
    %0 = "torch.constant.int"() <{value = 192 : i64}> : () -> !torch.int
    %1 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %2 = "torch.prim.ListConstruct"(%0, %1) : (!torch.int, !torch.int) -> !torch.list<int>
    %3 = "torch.aten.view"(%arg0, %2) : (!torch.vtensor<[64,3,64],f32>, !torch.list<int>) -> !torch.vtensor<[192,64],f32>
    %4 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %5 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %6 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %7 = "torch.prim.ListConstruct"(%5, %6) : (!torch.int, !torch.int) -> !torch.list<int>
    %8 = "torch.aten.permute"(%4, %7) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %9 = "torch.aten.mm"(%3, %8) : (!torch.vtensor<[192,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[192,1],f32>
    %10 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %11 = "torch.aten.mul.Scalar"(%9, %10) : (!torch.vtensor<[192,1],f32>, !torch.int) -> !torch.vtensor<[192,1],f32>
    %12 = "torch.vtensor.literal"() <{value = dense<6.862150e-02> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %13 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %14 = "torch.aten.mul.Scalar"(%12, %13) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %15 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %16 = "torch.aten.add.Tensor"(%11, %14, %15) : (!torch.vtensor<[192,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[192,1],f32>
    %17 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %18 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %19 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %20 = "torch.prim.ListConstruct"(%17, %18, %19) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %21 = "torch.aten.view"(%16, %20) : (!torch.vtensor<[192,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,3,1],f32>
    %22 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %23 = "torch.prim.ListConstruct"(%22) : (!torch.int) -> !torch.list<int>
    %24 = "torch.prims.squeeze"(%21, %23) : (!torch.vtensor<[64,3,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,3],f32>
    %25 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %26 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %27 = "torch.aten._softmax"(%24, %25, %26) : (!torch.vtensor<[64,3],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,3],f32>
    %28 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %29 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %30 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %31 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %32 = "torch.aten.slice.Tensor"(%27, %28, %29, %30, %31) : (!torch.vtensor<[64,3],f32>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor<[64,1],f32>
    %33 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %34 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %35 = "torch.aten.select.int"(%arg0, %33, %34) : (!torch.vtensor<[64,3,64],f32>, !torch.int, !torch.int) -> !torch.vtensor<[64,64],f32>
    %36 = "torch.aten.mul.Tensor"(%32, %35) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %37 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %38 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %39 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %40 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %41 = "torch.aten.slice.Tensor"(%27, %37, %38, %39, %40) : (!torch.vtensor<[64,3],f32>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor<[64,1],f32>
    %42 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %43 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %44 = "torch.aten.select.int"(%arg0, %42, %43) : (!torch.vtensor<[64,3,64],f32>, !torch.int, !torch.int) -> !torch.vtensor<[64,64],f32>
    %45 = "torch.aten.mul.Tensor"(%41, %44) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %46 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %47 = "torch.aten.add.Tensor"(%36, %45, %46) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %48 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %49 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %50 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %51 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %52 = "torch.aten.slice.Tensor"(%27, %48, %49, %50, %51) : (!torch.vtensor<[64,3],f32>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor<[64,1],f32>
    %53 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %54 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %55 = "torch.aten.select.int"(%arg0, %53, %54) : (!torch.vtensor<[64,3,64],f32>, !torch.int, !torch.int) -> !torch.vtensor<[64,64],f32>
    %56 = "torch.aten.mul.Tensor"(%52, %55) : (!torch.vtensor<[64,1],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %57 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %58 = "torch.aten.add.Tensor"(%47, %56, %57) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    "func.return"(%58) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
