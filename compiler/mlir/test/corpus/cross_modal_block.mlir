// The corpus model cross_modal_block (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: %mlir_opt --load-pass-plugin=%plugin --allow-unregistered-dialect --pass-pipeline='builtin.module(cldmdf-fuse)' --mlir-print-op-generic %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.dual_attention"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>, !torch.int, !torch.float, !torch.bool) -> (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[0],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse dual_attention 
// GONE-NOT: "torch.aten._softmax"
// GONE-NOT: "torch.aten.bmm"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,4,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>, %arg1: !torch.vtensor<[64,4],i1>):
    %0 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %1 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %2 = "torch.prim.ListConstruct"(%0, %1) : (!torch.int, !torch.int) -> !torch.list<int>
    %3 = "torch.aten.view"(%arg0, %2) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %4 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %5 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %6 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %7 = "torch.prim.ListConstruct"(%5, %6) : (!torch.int, !torch.int) -> !torch.list<int>
    %8 = "torch.aten.permute"(%4, %7) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %9 = "torch.aten.mm"(%3, %8) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %10 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %11 = "torch.aten.mul.Scalar"(%9, %10) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %12 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %13 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %14 = "torch.aten.mul.Scalar"(%12, %13) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %15 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %16 = "torch.aten.add.Tensor"(%11, %14, %15) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %17 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %18 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %19 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %20 = "torch.prim.ListConstruct"(%17, %18, %19) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %21 = "torch.aten.view"(%16, %20) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %22 = "torch.constant.float"() <{value = 5.000000e-01 : f64}> : () -> !torch.float
    %23 = "torch.aten.div.Scalar"(%21, %22) : (!torch.vtensor<[64,4,64],f32>, !torch.float) -> !torch.vtensor<[64,4,64],f32>
    %24 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %25 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %26 = "torch.aten._softmax"(%23, %24, %25) : (!torch.vtensor<[64,4,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,64],f32>
    %27 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %28 = "torch.aten.mul.Scalar"(%26, %27) : (!torch.vtensor<[64,4,64],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    %29 = "torch.aten.mul.Tensor"(%28, %arg0) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %30 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %31 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %32 = "torch.prim.ListConstruct"(%30, %31) : (!torch.int, !torch.int) -> !torch.list<int>
    %33 = "torch.aten.view"(%arg0, %32) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %34 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<128x64xf32>}> : () -> !torch.vtensor<[128,64],f32>
    %35 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %36 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %37 = "torch.prim.ListConstruct"(%35, %36) : (!torch.int, !torch.int) -> !torch.list<int>
    %38 = "torch.aten.permute"(%34, %37) : (!torch.vtensor<[128,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,128],f32>
    %39 = "torch.aten.mm"(%33, %38) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,128],f32>) -> !torch.vtensor<[256,128],f32>
    %40 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %41 = "torch.aten.mul.Scalar"(%39, %40) : (!torch.vtensor<[256,128],f32>, !torch.int) -> !torch.vtensor<[256,128],f32>
    %42 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<128xf32>}> : () -> !torch.vtensor<[128],f32>
    %43 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %44 = "torch.aten.mul.Scalar"(%42, %43) : (!torch.vtensor<[128],f32>, !torch.int) -> !torch.vtensor<[128],f32>
    %45 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %46 = "torch.aten.add.Tensor"(%41, %44, %45) : (!torch.vtensor<[256,128],f32>, !torch.vtensor<[128],f32>, !torch.int) -> !torch.vtensor<[256,128],f32>
    %47 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %48 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %49 = "torch.constant.int"() <{value = 128 : i64}> : () -> !torch.int
    %50 = "torch.prim.ListConstruct"(%47, %48, %49) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %51 = "torch.aten.view"(%46, %50) : (!torch.vtensor<[256,128],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,128],f32>
    %52 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %54 = "torch.prim.ListConstruct"(%52, %53) : (!torch.int, !torch.int) -> !torch.list<int>
    %55 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %56 = "torch.aten.split_with_sizes"(%51, %54, %55) : (!torch.vtensor<[64,4,128],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
    %57:2 = "torch.prim.ListUnpack"(%56) : (!torch.list<vtensor>) -> (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>)
    %58 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %60 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %61 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %62 = "torch.prim.ListConstruct"(%58, %59, %60, %61) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %63 = "torch.aten.view"(%57#0, %62) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %64 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %65 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %66 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %67 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %68 = "torch.prim.ListConstruct"(%64, %65, %66, %67) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %69 = "torch.aten.view"(%57#1, %68) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %70 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %71 = "torch.aten.unsqueeze"(%63, %70) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16,1],f32>
    %72 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %73 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %74 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %75 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %76 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %77 = "torch.prim.ListConstruct"(%72, %73, %74, %75, %76) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %78 = "torch.aten.permute"(%71, %77) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,1,16],f32>
    %79 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %80 = "torch.aten.unsqueeze"(%69, %79) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16,1],f32>
    %81 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %82 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %83 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %84 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %85 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %86 = "torch.prim.ListConstruct"(%81, %82, %83, %84, %85) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %87 = "torch.aten.permute"(%80, %86) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,4,16],f32>
    %88 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %89 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %91 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %92 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %93 = "torch.prim.ListConstruct"(%88, %89, %90, %91, %92) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %94 = "torch.aten.permute"(%78, %93) : (!torch.vtensor<[64,4,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16,1],f32>
    %95 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %96 = "torch.aten.clone"(%94, %95) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16,1],f32>
    %97 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %98 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %99 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %100 = "torch.prim.ListConstruct"(%97, %98, %99) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %101 = "torch.aten.view"(%96, %100) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %102 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %103 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %104 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %105 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %106 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %107 = "torch.prim.ListConstruct"(%102, %103, %104, %105, %106) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %108 = "torch.aten.permute"(%87, %107) : (!torch.vtensor<[64,4,1,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,16,4,1],f32>
    %109 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %110 = "torch.aten.clone"(%108, %109) : (!torch.vtensor<[64,4,16,4,1],f32>, !torch.int) -> !torch.vtensor<[64,4,16,4,1],f32>
    %111 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %112 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %113 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %114 = "torch.prim.ListConstruct"(%111, %112, %113) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %115 = "torch.aten.view"(%110, %114) : (!torch.vtensor<[64,4,16,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[256,16,4],f32>
    %116 = "torch.aten.bmm"(%101, %115) : (!torch.vtensor<[256,4,16],f32>, !torch.vtensor<[256,16,4],f32>) -> !torch.vtensor<[256,4,4],f32>
    %117 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %118 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %119 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %120 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %121 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %122 = "torch.prim.ListConstruct"(%117, %118, %119, %120, %121) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %123 = "torch.aten.view"(%116, %122) : (!torch.vtensor<[256,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,1,4],f32>
    %124 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %125 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %126 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %127 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %128 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %129 = "torch.prim.ListConstruct"(%124, %125, %126, %127, %128) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %130 = "torch.aten.permute"(%123, %129) : (!torch.vtensor<[64,4,4,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,4,1],f32>
    %131 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %132 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %133 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %134 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %135 = "torch.prim.ListConstruct"(%131, %132, %133, %134) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %136 = "torch.aten.view"(%130, %135) : (!torch.vtensor<[64,4,4,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,4],f32>
    %137 = "torch.constant.float"() <{value = 4.000000e+00 : f64}> : () -> !torch.float
    %138 = "torch.aten.div.Scalar"(%136, %137) : (!torch.vtensor<[64,4,4,4],f32>, !torch.float) -> !torch.vtensor<[64,4,4,4],f32>
    %139 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %140 = "torch.aten.unsqueeze"(%arg1, %139) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,1,4],i1>
    %141 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %142 = "torch.aten.unsqueeze"(%140, %141) : (!torch.vtensor<[64,1,4],i1>, !torch.int) -> !torch.vtensor<[64,1,1,4],i1>
    %143 = "torch.aten.bitwise_not"(%142) : (!torch.vtensor<[64,1,1,4],i1>) -> !torch.vtensor<[64,1,1,4],i1>
    %144 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %145 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %146 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %147 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %148 = "torch.constant.none"() : () -> !torch.none
    %149 = "torch.aten.scalar_tensor"(%144, %145, %146, %147, %148) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %150 = "torch.aten.where.self"(%143, %149, %138) : (!torch.vtensor<[64,1,1,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,4,4,4],f32>) -> !torch.vtensor<[64,4,4,4],f32>
    %151 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %152 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %153 = "torch.aten._softmax"(%150, %151, %152) : (!torch.vtensor<[64,4,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,4,4],f32>
    %154 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %155 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %156 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %157 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %158 = "torch.prim.ListConstruct"(%154, %155, %156, %157) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %159 = "torch.aten.view"(%29, %158) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %160 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %161 = "torch.aten.unsqueeze"(%153, %160) : (!torch.vtensor<[64,4,4,4],f32>, !torch.int) -> !torch.vtensor<[64,4,4,4,1],f32>
    %162 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %163 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %164 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %165 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %166 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %167 = "torch.prim.ListConstruct"(%162, %163, %164, %165, %166) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %168 = "torch.aten.permute"(%161, %167) : (!torch.vtensor<[64,4,4,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,1,4],f32>
    %169 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %170 = "torch.aten.unsqueeze"(%159, %169) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16,1],f32>
    %171 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %172 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %173 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %174 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %175 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %176 = "torch.prim.ListConstruct"(%171, %172, %173, %174, %175) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %177 = "torch.aten.permute"(%170, %176) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,4,16,4],f32>
    %178 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %179 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %180 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %181 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %182 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %183 = "torch.prim.ListConstruct"(%178, %179, %180, %181, %182) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %184 = "torch.aten.permute"(%168, %183) : (!torch.vtensor<[64,4,4,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,4,1],f32>
    %185 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %186 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %187 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %188 = "torch.prim.ListConstruct"(%185, %186, %187) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %189 = "torch.aten.view"(%184, %188) : (!torch.vtensor<[64,4,4,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,4],f32>
    %190 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %191 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %192 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %193 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %194 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %195 = "torch.prim.ListConstruct"(%190, %191, %192, %193, %194) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %196 = "torch.aten.permute"(%177, %195) : (!torch.vtensor<[64,1,4,16,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16,1],f32>
    %197 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %198 = "torch.aten.clone"(%196, %197) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16,1],f32>
    %199 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %200 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %201 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %202 = "torch.prim.ListConstruct"(%199, %200, %201) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %203 = "torch.aten.view"(%198, %202) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %204 = "torch.aten.bmm"(%189, %203) : (!torch.vtensor<[256,4,4],f32>, !torch.vtensor<[256,4,16],f32>) -> !torch.vtensor<[256,4,16],f32>
    %205 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %206 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %207 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %208 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %209 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %210 = "torch.prim.ListConstruct"(%205, %206, %207, %208, %209) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %211 = "torch.aten.view"(%204, %210) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,1,16],f32>
    %212 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %213 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %214 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %215 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %216 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %217 = "torch.prim.ListConstruct"(%212, %213, %214, %215, %216) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %218 = "torch.aten.permute"(%211, %217) : (!torch.vtensor<[64,4,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16,1],f32>
    %219 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %220 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %221 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %222 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %223 = "torch.prim.ListConstruct"(%219, %220, %221, %222) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %224 = "torch.aten.view"(%218, %223) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %225 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %226 = "torch.aten.clone"(%224, %225) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %227 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %228 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %229 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %230 = "torch.prim.ListConstruct"(%227, %228, %229) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %231 = "torch.aten.view"(%226, %230) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %232 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %233 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %234 = "torch.prim.ListConstruct"(%232, %233) : (!torch.int, !torch.int) -> !torch.list<int>
    %235 = "torch.aten.view"(%231, %234) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %236 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %237 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %238 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %239 = "torch.prim.ListConstruct"(%237, %238) : (!torch.int, !torch.int) -> !torch.list<int>
    %240 = "torch.aten.permute"(%236, %239) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %241 = "torch.aten.mm"(%235, %240) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %242 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %243 = "torch.aten.mul.Scalar"(%241, %242) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %244 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %245 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %246 = "torch.aten.mul.Scalar"(%244, %245) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %247 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %248 = "torch.aten.add.Tensor"(%243, %246, %247) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %249 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %250 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %251 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %252 = "torch.prim.ListConstruct"(%249, %250, %251) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %253 = "torch.aten.view"(%248, %252) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %254 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %255 = "torch.aten.add.Tensor"(%arg0, %253, %254) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    %256 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %257 = "torch.prim.ListConstruct"(%256) : (!torch.int) -> !torch.list<int>
    %258 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %259 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %260:2 = "torch.aten.var_mean.correction"(%255, %257, %258, %259) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>, !torch.int, !torch.bool) -> (!torch.vtensor<[64,4,1],f32>, !torch.vtensor<[64,4,1],f32>)
    %261 = "torch.constant.float"() <{value = 1.000000e-05 : f64}> : () -> !torch.float
    %262 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %263 = "torch.aten.add.Scalar"(%260#0, %261, %262) : (!torch.vtensor<[64,4,1],f32>, !torch.float, !torch.int) -> !torch.vtensor<[64,4,1],f32>
    %264 = "torch.aten.rsqrt"(%263) : (!torch.vtensor<[64,4,1],f32>) -> !torch.vtensor<[64,4,1],f32>
    %265 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %266 = "torch.aten.sub.Tensor"(%255, %260#1, %265) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,1],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    %267 = "torch.aten.mul.Tensor"(%266, %264) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,1],f32>) -> !torch.vtensor<[64,4,64],f32>
    %268 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %269 = "torch.aten.mul.Tensor"(%267, %268) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %270 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %271 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %272 = "torch.aten.add.Tensor"(%269, %270, %271) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    "func.return"(%272) : (!torch.vtensor<[64,4,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
