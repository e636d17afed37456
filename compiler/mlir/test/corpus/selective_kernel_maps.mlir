// The corpus model selective_kernel_maps (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[1024,3,16],f32>, !torch.vtensor<[1024,3,1],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[1024,16],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,3,16,4,4],f32>) -> !torch.vtensor<[64,16,4,4],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,3,16,4,4],f32>):
    %0 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %1 = "torch.prim.ListConstruct"(%0) : (!torch.int) -> !torch.list<int>
    %2 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %3 = "torch.constant.none"() : () -> !torch.none
    %4 = "torch.aten.sum.dim_IntList"(%arg0, %1, %2, %3) : (!torch.vtensor<[64,3,16,4,4],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,16,4,4],f32>
    %5 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %6 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %7 = "torch.prim.ListConstruct"(%5, %6) : (!torch.int, !torch.int) -> !torch.list<int>
    %8 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %9 = "torch.constant.none"() : () -> !torch.none
    %10 = "torch.aten.mean.dim"(%4, %7, %8, %9) : (!torch.vtensor<[64,16,4,4],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,16],f32>
    %11 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<8x16xf32>}> : () -> !torch.vtensor<[8,16],f32>
    %12 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %13 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %14 = "torch.prim.ListConstruct"(%12, %13) : (!torch.int, !torch.int) -> !torch.list<int>
    %15 = "torch.aten.permute"(%11, %14) : (!torch.vtensor<[8,16],f32>, !torch.list<int>) -> !torch.vtensor<[16,8],f32>
    %16 = "torch.aten.mm"(%10, %15) : (!torch.vtensor<[64,16],f32>, !torch.vtensor<[16,8],f32>) -> !torch.vtensor<[64,8],f32>
    %17 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %18 = "torch.aten.mul.Scalar"(%16, %17) : (!torch.vtensor<[64,8],f32>, !torch.int) -> !torch.vtensor<[64,8],f32>
    %19 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<8xf32>}> : () -> !torch.vtensor<[8],f32>
    %20 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %21 = "torch.aten.mul.Scalar"(%19, %20) : (!torch.vtensor<[8],f32>, !torch.int) -> !torch.vtensor<[8],f32>
    %22 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %23 = "torch.aten.add.Tensor"(%18, %21, %22) : (!torch.vtensor<[64,8],f32>, !torch.vtensor<[8],f32>, !torch.int) -> !torch.vtensor<[64,8],f32>
    %24 = "torch.aten.relu"(%23) : (!torch.vtensor<[64,8],f32>) -> !torch.vtensor<[64,8],f32>
    %25 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<16x8xf32>}> : () -> !torch.vtensor<[16,8],f32>
    %26 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %27 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %28 = "torch.prim.ListConstruct"(%26, %27) : (!torch.int, !torch.int) -> !torch.list<int>
    %29 = "torch.aten.permute"(%25, %28) : (!torch.vtensor<[16,8],f32>, !torch.list<int>) -> !torch.vtensor<[8,16],f32>
    %30 = "torch.aten.mm"(%24, %29) : (!torch.vtensor<[64,8],f32>, !torch.vtensor<[8,16],f32>) -> !torch.vtensor<[64,16],f32>
    %31 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %32 = "torch.aten.mul.Scalar"(%30, %31) : (!torch.vtensor<[64,16],f32>, !torch.int) -> !torch.vtensor<[64,16],f32>
    %33 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<16xf32>}> : () -> !torch.vtensor<[16],f32>
    %34 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %35 = "torch.aten.mul.Scalar"(%33, %34) : (!torch.vtensor<[16],f32>, !torch.int) -> !torch.vtensor<[16],f32>
    %36 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %37 = "torch.aten.add.Tensor"(%32, %35, %36) : (!torch.vtensor<[64,16],f32>, !torch.vtensor<[16],f32>, !torch.int) -> !torch.vtensor<[64,16],f32>
    %38 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<16x8xf32>}> : () -> !torch.vtensor<[16,8],f32>
    %39 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %40 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %41 = "torch.prim.ListConstruct"(%39, %40) : (!torch.int, !torch.int) -> !torch.list<int>
    %42 = "torch.aten.permute"(%38, %41) : (!torch.vtensor<[16,8],f32>, !torch.list<int>) -> !torch.vtensor<[8,16],f32>
    %43 = "torch.aten.mm"(%24, %42) : (!torch.vtensor<[64,8],f32>, !torch.vtensor<[8,16],f32>) -> !torch.vtensor<[64,16],f32>
    %44 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %45 = "torch.aten.mul.Scalar"(%43, %44) : (!torch.vtensor<[64,16],f32>, !torch.int) -> !torch.vtensor<[64,16],f32>
    %46 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<16xf32>}> : () -> !torch.vtensor<[16],f32>
    %47 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %48 = "torch.aten.mul.Scalar"(%46, %47) : (!torch.vtensor<[16],f32>, !torch.int) -> !torch.vtensor<[16],f32>
    %49 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %50 = "torch.aten.add.Tensor"(%45, %48, %49) : (!torch.vtensor<[64,16],f32>, !torch.vtensor<[16],f32>, !torch.int) -> !torch.vtensor<[64,16],f32>
    %51 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<16x8xf32>}> : () -> !torch.vtensor<[16,8],f32>
    %52 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %54 = "torch.prim.ListConstruct"(%52, %53) : (!torch.int, !torch.int) -> !torch.list<int>
    %55 = "torch.aten.permute"(%51, %54) : (!torch.vtensor<[16,8],f32>, !torch.list<int>) -> !torch.vtensor<[8,16],f32>
    %56 = "torch.aten.mm"(%24, %55) : (!torch.vtensor<[64,8],f32>, !torch.vtensor<[8,16],f32>) -> !torch.vtensor<[64,16],f32>
    %57 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %58 = "torch.aten.mul.Scalar"(%56, %57) : (!torch.vtensor<[64,16],f32>, !torch.int) -> !torch.vtensor<[64,16],f32>
    %59 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<16xf32>}> : () -> !torch.vtensor<[16],f32>
    %60 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %61 = "torch.aten.mul.Scalar"(%59, %60) : (!torch.vtensor<[16],f32>, !torch.int) -> !torch.vtensor<[16],f32>
    %62 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %63 = "torch.aten.add.Tensor"(%58, %61, %62) : (!torch.vtensor<[64,16],f32>, !torch.vtensor<[16],f32>, !torch.int) -> !torch.vtensor<[64,16],f32>
    %64 = "torch.prim.ListConstruct"(%37, %50, %63) : (!torch.vtensor<[64,16],f32>, !torch.vtensor<[64,16],f32>, !torch.vtensor<[64,16],f32>) -> !torch.list<vtensor>
    %65 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %66 = "torch.aten.cat"(%64, %65) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,48],f32>
    %67 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %68 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %69 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %70 = "torch.prim.ListConstruct"(%67, %68, %69) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %71 = "torch.aten.view"(%66, %70) : (!torch.vtensor<[64,48],f32>, !torch.list<int>) -> !torch.vtensor<[64,3,16],f32>
    %72 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %73 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %74 = "torch.aten._softmax"(%71, %72, %73) : (!torch.vtensor<[64,3,16],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,3,16],f32>
    %75 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %76 = "torch.aten.unsqueeze"(%74, %75) : (!torch.vtensor<[64,3,16],f32>, !torch.int) -> !torch.vtensor<[64,3,16,1],f32>
    %77 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %78 = "torch.aten.unsqueeze"(%76, %77) : (!torch.vtensor<[64,3,16,1],f32>, !torch.int) -> !torch.vtensor<[64,3,16,1,1],f32>
    %79 = "torch.aten.mul.Tensor"(%arg0, %78) : (!torch.vtensor<[64,3,16,4,4],f32>, !torch.vtensor<[64,3,16,1,1],f32>) -> !torch.vtensor<[64,3,16,4,4],f32>
    %80 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %81 = "torch.prim.ListConstruct"(%80) : (!torch.int) -> !torch.list<int>
    %82 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %83 = "torch.constant.none"() : () -> !torch.none
    %84 = "torch.aten.sum.dim_IntList"(%79, %81, %82, %83) : (!torch.vtensor<[64,3,16,4,4],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,16,4,4],f32>
    "func.return"(%84) : (!torch.vtensor<[64,16,4,4],f32>) -> ()
  }) : () -> ()
}) : () -> ()
