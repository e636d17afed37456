// The corpus model additive_mask_pooling (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,1],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"
// GONE-NOT: "torch.aten.bmm"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>, %arg1: !torch.vtensor<[64,4],i1>):
    %0 = "torch.constant.none"() : () -> !torch.none
    %1 = "torch.constant.none"() : () -> !torch.none
    %2 = "torch.constant.int"() <{value = 11 : i64}> : () -> !torch.int
    %3 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %4 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    "torch.aten._assert_tensor_metadata"(%arg1, %0, %1, %2, %3, %4) : (!torch.vtensor<[64,4],i1>, !torch.none, !torch.none, !torch.int, !torch.Device, !torch.int) -> ()
    %5 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %6 = "torch.prims.convert_element_type"(%arg1, %5) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,4],f32>
    %7 = "torch.constant.float"() <{value = 1.000000e+00 : f64}> : () -> !torch.float
    %8 = "torch.prim.NumToTensor.Scalar"(%7) : (!torch.float) -> !torch.vtensor<[],f32>
    %9 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %10 = "torch.aten.sub.Tensor"(%8, %6, %9) : (!torch.vtensor<[],f32>, !torch.vtensor<[64,4],f32>, !torch.int) -> !torch.vtensor<[64,4],f32>
    %11 = "torch.constant.float"() <{value = -1.000000e+04 : f64}> : () -> !torch.float
    %12 = "torch.aten.mul.Scalar"(%10, %11) : (!torch.vtensor<[64,4],f32>, !torch.float) -> !torch.vtensor<[64,4],f32>
    %13 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %14 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %15 = "torch.prim.ListConstruct"(%13, %14) : (!torch.int, !torch.int) -> !torch.list<int>
    %16 = "torch.aten.view"(%arg0, %15) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %17 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %18 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %19 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %20 = "torch.prim.ListConstruct"(%18, %19) : (!torch.int, !torch.int) -> !torch.list<int>
    %21 = "torch.aten.permute"(%17, %20) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %22 = "torch.aten.mm"(%16, %21) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[256,1],f32>
    %23 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %24 = "torch.aten.mul.Scalar"(%22, %23) : (!torch.vtensor<[256,1],f32>, !torch.int) -> !torch.vtensor<[256,1],f32>
    %25 = "torch.vtensor.literal"() <{value = dense<6.862150e-02> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %26 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %27 = "torch.aten.mul.Scalar"(%25, %26) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %28 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %29 = "torch.aten.add.Tensor"(%24, %27, %28) : (!torch.vtensor<[256,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[256,1],f32>
    %30 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %31 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %32 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %33 = "torch.prim.ListConstruct"(%30, %31, %32) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %34 = "torch.aten.view"(%29, %33) : (!torch.vtensor<[256,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1],f32>
    %35 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %36 = "torch.prim.ListConstruct"(%35) : (!torch.int) -> !torch.list<int>
    %37 = "torch.prims.squeeze"(%34, %36) : (!torch.vtensor<[64,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4],f32>
    %38 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %39 = "torch.aten.add.Tensor"(%37, %12, %38) : (!torch.vtensor<[64,4],f32>, !torch.vtensor<[64,4],f32>, !torch.int) -> !torch.vtensor<[64,4],f32>
    %40 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %41 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %42 = "torch.aten._softmax"(%39, %40, %41) : (!torch.vtensor<[64,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4],f32>
    %43 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %44 = "torch.aten.unsqueeze"(%42, %43) : (!torch.vtensor<[64,4],f32>, !torch.int) -> !torch.vtensor<[64,1,4],f32>
    %45 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %46 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %47 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %48 = "torch.prim.ListConstruct"(%45, %46, %47) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %49 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %50 = "torch.aten.expand"(%44, %48, %49) : (!torch.vtensor<[64,1,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1,4],f32>
    %51 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %52 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %54 = "torch.prim.ListConstruct"(%51, %52, %53) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %55 = "torch.aten.view"(%50, %54) : (!torch.vtensor<[64,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,4],f32>
    %56 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %59 = "torch.prim.ListConstruct"(%56, %57, %58) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %60 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %61 = "torch.aten.expand"(%arg0, %59, %60) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,64],f32>
    %62 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %63 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %64 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %65 = "torch.prim.ListConstruct"(%62, %63, %64) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %66 = "torch.aten.view"(%61, %65) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %67 = "torch.aten.bmm"(%55, %66) : (!torch.vtensor<[64,1,4],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,1,64],f32>
    %68 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %69 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %70 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %71 = "torch.prim.ListConstruct"(%68, %69, %70) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %72 = "torch.aten.view"(%67, %71) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,64],f32>
    %73 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %74 = "torch.prim.ListConstruct"(%73) : (!torch.int) -> !torch.list<int>
    %75 = "torch.prims.squeeze"(%72, %74) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    "func.return"(%75) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
