// The corpus model modality_transformer (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.dual_attention"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>, !torch.int, !torch.float, !torch.bool) -> (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[0],f32>, !torch.vtensor<[0],f32>)
// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.dual_attention"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>, !torch.int, !torch.float, !torch.bool) -> (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[0],f32>, !torch.vtensor<[0],f32>)
// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,1],f32>, !torch.vtensor<[64,4],i1>, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse dual_attention 
// REPORT: fuse dual_attention 
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"
// GONE-NOT: "torch.aten.bmm"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,10],f32>, sym_name = "main"}> ({
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
    %22 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %23 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %24 = "torch.aten._softmax"(%21, %22, %23) : (!torch.vtensor<[64,4,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,64],f32>
    %25 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %26 = "torch.aten.mul.Scalar"(%24, %25) : (!torch.vtensor<[64,4,64],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    %27 = "torch.aten.mul.Tensor"(%26, %arg0) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %28 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %29 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %30 = "torch.prim.ListConstruct"(%28, %29) : (!torch.int, !torch.int) -> !torch.list<int>
    %31 = "torch.aten.view"(%arg0, %30) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %32 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %33 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %34 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %35 = "torch.prim.ListConstruct"(%33, %34) : (!torch.int, !torch.int) -> !torch.list<int>
    %36 = "torch.aten.permute"(%32, %35) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %37 = "torch.aten.mm"(%31, %36) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %38 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %39 = "torch.aten.mul.Scalar"(%37, %38) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %40 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %41 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %42 = "torch.aten.mul.Scalar"(%40, %41) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %43 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %44 = "torch.aten.add.Tensor"(%39, %42, %43) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %45 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %46 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %47 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %48 = "torch.prim.ListConstruct"(%45, %46, %47) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %49 = "torch.aten.view"(%44, %48) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %50 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %51 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %52 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %54 = "torch.prim.ListConstruct"(%50, %51, %52, %53) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %55 = "torch.aten.view"(%49, %54) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,8,8],f32>
    %56 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %60 = "torch.prim.ListConstruct"(%56, %57, %58, %59) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %61 = "torch.aten.permute"(%55, %60) : (!torch.vtensor<[64,4,8,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,8],f32>
    %62 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %63 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %64 = "torch.prim.ListConstruct"(%62, %63) : (!torch.int, !torch.int) -> !torch.list<int>
    %65 = "torch.aten.view"(%arg0, %64) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %66 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %67 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %68 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %69 = "torch.prim.ListConstruct"(%67, %68) : (!torch.int, !torch.int) -> !torch.list<int>
    %70 = "torch.aten.permute"(%66, %69) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %71 = "torch.aten.mm"(%65, %70) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %72 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %73 = "torch.aten.mul.Scalar"(%71, %72) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %74 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %75 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %76 = "torch.aten.mul.Scalar"(%74, %75) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %77 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %78 = "torch.aten.add.Tensor"(%73, %76, %77) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %79 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %81 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %82 = "torch.prim.ListConstruct"(%79, %80, %81) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %83 = "torch.aten.view"(%78, %82) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %84 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %85 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %86 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %87 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %88 = "torch.prim.ListConstruct"(%84, %85, %86, %87) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %89 = "torch.aten.view"(%83, %88) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,8,8],f32>
    %90 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %91 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %92 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %93 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %94 = "torch.prim.ListConstruct"(%90, %91, %92, %93) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %95 = "torch.aten.permute"(%89, %94) : (!torch.vtensor<[64,4,8,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,8],f32>
    %96 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %97 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %98 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %99 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %100 = "torch.prim.ListConstruct"(%96, %97, %98, %99) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %101 = "torch.aten.permute"(%95, %100) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,8,4],f32>
    %102 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %103 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %104 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %105 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %106 = "torch.prim.ListConstruct"(%102, %103, %104, %105) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %107 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %108 = "torch.aten.expand"(%61, %106, %107) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,8,4,8],f32>
    %109 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %110 = "torch.aten.clone"(%108, %109) : (!torch.vtensor<[64,8,4,8],f32>, !torch.int) -> !torch.vtensor<[64,8,4,8],f32>
    %111 = "torch.constant.int"() <{value = 512 : i64}> : () -> !torch.int
    %112 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %113 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %114 = "torch.prim.ListConstruct"(%111, %112, %113) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %115 = "torch.aten.view"(%110, %114) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[512,4,8],f32>
    %116 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %117 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %118 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %119 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %120 = "torch.prim.ListConstruct"(%116, %117, %118, %119) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %121 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %122 = "torch.aten.expand"(%101, %120, %121) : (!torch.vtensor<[64,8,8,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,8,8,4],f32>
    %123 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %124 = "torch.aten.clone"(%122, %123) : (!torch.vtensor<[64,8,8,4],f32>, !torch.int) -> !torch.vtensor<[64,8,8,4],f32>
    %125 = "torch.constant.int"() <{value = 512 : i64}> : () -> !torch.int
    %126 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %127 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %128 = "torch.prim.ListConstruct"(%125, %126, %127) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %129 = "torch.aten.view"(%124, %128) : (!torch.vtensor<[64,8,8,4],f32>, !torch.list<int>) -> !torch.vtensor<[512,8,4],f32>
    %130 = "torch.aten.bmm"(%115, %129) : (!torch.vtensor<[512,4,8],f32>, !torch.vtensor<[512,8,4],f32>) -> !torch.vtensor<[512,4,4],f32>
    %131 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %132 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %133 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %134 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %135 = "torch.prim.ListConstruct"(%131, %132, %133, %134) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %136 = "torch.aten.view"(%130, %135) : (!torch.vtensor<[512,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,4],f32>
    %137 = "torch.constant.float"() <{value = 0.35355339059327373 : f64}> : () -> !torch.float
    %138 = "torch.aten.mul.Scalar"(%136, %137) : (!torch.vtensor<[64,8,4,4],f32>, !torch.float) -> !torch.vtensor<[64,8,4,4],f32>
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
    %150 = "torch.aten.where.self"(%143, %149, %138) : (!torch.vtensor<[64,1,1,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,8,4,4],f32>) -> !torch.vtensor<[64,8,4,4],f32>
    %151 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %152 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %153 = "torch.aten._softmax"(%150, %151, %152) : (!torch.vtensor<[64,8,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,8,4,4],f32>
    %154 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %155 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %156 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %157 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %158 = "torch.prim.ListConstruct"(%154, %155, %156, %157) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %159 = "torch.aten.view"(%27, %158) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,8,8],f32>
    %160 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %161 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %162 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %163 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %164 = "torch.prim.ListConstruct"(%160, %161, %162, %163) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %165 = "torch.aten.permute"(%159, %164) : (!torch.vtensor<[64,4,8,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,8],f32>
    %166 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %167 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %168 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %169 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %170 = "torch.prim.ListConstruct"(%166, %167, %168, %169) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %171 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %172 = "torch.aten.expand"(%153, %170, %171) : (!torch.vtensor<[64,8,4,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,8,4,4],f32>
    %173 = "torch.constant.int"() <{value = 512 : i64}> : () -> !torch.int
    %174 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %175 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %176 = "torch.prim.ListConstruct"(%173, %174, %175) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %177 = "torch.aten.view"(%172, %176) : (!torch.vtensor<[64,8,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[512,4,4],f32>
    %178 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %179 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %180 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %181 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %182 = "torch.prim.ListConstruct"(%178, %179, %180, %181) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %183 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %184 = "torch.aten.expand"(%165, %182, %183) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,8,4,8],f32>
    %185 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %186 = "torch.aten.clone"(%184, %185) : (!torch.vtensor<[64,8,4,8],f32>, !torch.int) -> !torch.vtensor<[64,8,4,8],f32>
    %187 = "torch.constant.int"() <{value = 512 : i64}> : () -> !torch.int
    %188 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %189 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %190 = "torch.prim.ListConstruct"(%187, %188, %189) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %191 = "torch.aten.view"(%186, %190) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[512,4,8],f32>
    %192 = "torch.aten.bmm"(%177, %191) : (!torch.vtensor<[512,4,4],f32>, !torch.vtensor<[512,4,8],f32>) -> !torch.vtensor<[512,4,8],f32>
    %193 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %194 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %195 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %196 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %197 = "torch.prim.ListConstruct"(%193, %194, %195, %196) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %198 = "torch.aten.view"(%192, %197) : (!torch.vtensor<[512,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,8],f32>
    %199 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %200 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %201 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %202 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %203 = "torch.prim.ListConstruct"(%199, %200, %201, %202) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %204 = "torch.aten.permute"(%198, %203) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,8,8],f32>
    %205 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %206 = "torch.aten.clone"(%204, %205) : (!torch.vtensor<[64,4,8,8],f32>, !torch.int) -> !torch.vtensor<[64,4,8,8],f32>
    %207 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %208 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %209 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %210 = "torch.prim.ListConstruct"(%207, %208, %209) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %211 = "torch.aten.view"(%206, %210) : (!torch.vtensor<[64,4,8,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %212 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %213 = "torch.aten.add.Tensor"(%arg0, %211, %212) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    %214 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %215 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %216 = "torch.prim.ListConstruct"(%214, %215) : (!torch.int, !torch.int) -> !torch.list<int>
    %217 = "torch.aten.view"(%213, %216) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %218 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %219 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %220 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %221 = "torch.prim.ListConstruct"(%219, %220) : (!torch.int, !torch.int) -> !torch.list<int>
    %222 = "torch.aten.permute"(%218, %221) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %223 = "torch.aten.mm"(%217, %222) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %224 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %225 = "torch.aten.mul.Scalar"(%223, %224) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %226 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %227 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %228 = "torch.aten.mul.Scalar"(%226, %227) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %229 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %230 = "torch.aten.add.Tensor"(%225, %228, %229) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %231 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %232 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %233 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %234 = "torch.prim.ListConstruct"(%231, %232, %233) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %235 = "torch.aten.view"(%230, %234) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %236 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %237 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %238 = "torch.aten._softmax"(%235, %236, %237) : (!torch.vtensor<[64,4,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,64],f32>
    %239 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %240 = "torch.aten.mul.Scalar"(%238, %239) : (!torch.vtensor<[64,4,64],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    %241 = "torch.aten.mul.Tensor"(%240, %213) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %242 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %243 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %244 = "torch.prim.ListConstruct"(%242, %243) : (!torch.int, !torch.int) -> !torch.list<int>
    %245 = "torch.aten.view"(%213, %244) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %246 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %247 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %248 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %249 = "torch.prim.ListConstruct"(%247, %248) : (!torch.int, !torch.int) -> !torch.list<int>
    %250 = "torch.aten.permute"(%246, %249) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %251 = "torch.aten.mm"(%245, %250) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %252 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %253 = "torch.aten.mul.Scalar"(%251, %252) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %254 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %255 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %256 = "torch.aten.mul.Scalar"(%254, %255) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %257 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %258 = "torch.aten.add.Tensor"(%253, %256, %257) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %259 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %260 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %261 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %262 = "torch.prim.ListConstruct"(%259, %260, %261) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %263 = "torch.aten.view"(%258, %262) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %264 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %265 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %266 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %267 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %268 = "torch.prim.ListConstruct"(%264, %265, %266, %267) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %269 = "torch.aten.view"(%263, %268) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,8,8],f32>
    %270 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %271 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %272 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %273 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %274 = "torch.prim.ListConstruct"(%270, %271, %272, %273) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %275 = "torch.aten.permute"(%269, %274) : (!torch.vtensor<[64,4,8,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,8],f32>
    %276 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %277 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %278 = "torch.prim.ListConstruct"(%276, %277) : (!torch.int, !torch.int) -> !torch.list<int>
    %279 = "torch.aten.view"(%213, %278) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %280 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %281 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %282 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %283 = "torch.prim.ListConstruct"(%281, %282) : (!torch.int, !torch.int) -> !torch.list<int>
    %284 = "torch.aten.permute"(%280, %283) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %285 = "torch.aten.mm"(%279, %284) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %286 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %287 = "torch.aten.mul.Scalar"(%285, %286) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %288 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %289 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %290 = "torch.aten.mul.Scalar"(%288, %289) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %291 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %292 = "torch.aten.add.Tensor"(%287, %290, %291) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %293 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %294 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %295 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %296 = "torch.prim.ListConstruct"(%293, %294, %295) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %297 = "torch.aten.view"(%292, %296) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %298 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %299 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %300 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %301 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %302 = "torch.prim.ListConstruct"(%298, %299, %300, %301) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %303 = "torch.aten.view"(%297, %302) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,8,8],f32>
    %304 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %305 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %306 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %307 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %308 = "torch.prim.ListConstruct"(%304, %305, %306, %307) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %309 = "torch.aten.permute"(%303, %308) : (!torch.vtensor<[64,4,8,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,8],f32>
    %310 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %311 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %312 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %313 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %314 = "torch.prim.ListConstruct"(%310, %311, %312, %313) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %315 = "torch.aten.permute"(%309, %314) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,8,4],f32>
    %316 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %317 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %318 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %319 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %320 = "torch.prim.ListConstruct"(%316, %317, %318, %319) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %321 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %322 = "torch.aten.expand"(%275, %320, %321) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,8,4,8],f32>
    %323 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %324 = "torch.aten.clone"(%322, %323) : (!torch.vtensor<[64,8,4,8],f32>, !torch.int) -> !torch.vtensor<[64,8,4,8],f32>
    %325 = "torch.constant.int"() <{value = 512 : i64}> : () -> !torch.int
    %326 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %327 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %328 = "torch.prim.ListConstruct"(%325, %326, %327) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %329 = "torch.aten.view"(%324, %328) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[512,4,8],f32>
    %330 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %331 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %332 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %333 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %334 = "torch.prim.ListConstruct"(%330, %331, %332, %333) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %335 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %336 = "torch.aten.expand"(%315, %334, %335) : (!torch.vtensor<[64,8,8,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,8,8,4],f32>
    %337 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %338 = "torch.aten.clone"(%336, %337) : (!torch.vtensor<[64,8,8,4],f32>, !torch.int) -> !torch.vtensor<[64,8,8,4],f32>
    %339 = "torch.constant.int"() <{value = 512 : i64}> : () -> !torch.int
    %340 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %341 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %342 = "torch.prim.ListConstruct"(%339, %340, %341) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %343 = "torch.aten.view"(%338, %342) : (!torch.vtensor<[64,8,8,4],f32>, !torch.list<int>) -> !torch.vtensor<[512,8,4],f32>
    %344 = "torch.aten.bmm"(%329, %343) : (!torch.vtensor<[512,4,8],f32>, !torch.vtensor<[512,8,4],f32>) -> !torch.vtensor<[512,4,4],f32>
    %345 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %346 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %347 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %348 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %349 = "torch.prim.ListConstruct"(%345, %346, %347, %348) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %350 = "torch.aten.view"(%344, %349) : (!torch.vtensor<[512,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,4],f32>
    %351 = "torch.constant.float"() <{value = 0.35355339059327373 : f64}> : () -> !torch.float
    %352 = "torch.aten.mul.Scalar"(%350, %351) : (!torch.vtensor<[64,8,4,4],f32>, !torch.float) -> !torch.vtensor<[64,8,4,4],f32>
    %353 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %354 = "torch.aten.unsqueeze"(%arg1, %353) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,1,4],i1>
    %355 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %356 = "torch.aten.unsqueeze"(%354, %355) : (!torch.vtensor<[64,1,4],i1>, !torch.int) -> !torch.vtensor<[64,1,1,4],i1>
    %357 = "torch.aten.bitwise_not"(%356) : (!torch.vtensor<[64,1,1,4],i1>) -> !torch.vtensor<[64,1,1,4],i1>
    %358 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %359 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %360 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %361 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %362 = "torch.constant.none"() : () -> !torch.none
    %363 = "torch.aten.scalar_tensor"(%358, %359, %360, %361, %362) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %364 = "torch.aten.where.self"(%357, %363, %352) : (!torch.vtensor<[64,1,1,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,8,4,4],f32>) -> !torch.vtensor<[64,8,4,4],f32>
    %365 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %366 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %367 = "torch.aten._softmax"(%364, %365, %366) : (!torch.vtensor<[64,8,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,8,4,4],f32>
    %368 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %369 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %370 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %371 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %372 = "torch.prim.ListConstruct"(%368, %369, %370, %371) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %373 = "torch.aten.view"(%241, %372) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,8,8],f32>
    %374 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %375 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %376 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %377 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %378 = "torch.prim.ListConstruct"(%374, %375, %376, %377) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %379 = "torch.aten.permute"(%373, %378) : (!torch.vtensor<[64,4,8,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,8],f32>
    %380 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %381 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %382 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %383 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %384 = "torch.prim.ListConstruct"(%380, %381, %382, %383) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %385 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %386 = "torch.aten.expand"(%367, %384, %385) : (!torch.vtensor<[64,8,4,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,8,4,4],f32>
    %387 = "torch.constant.int"() <{value = 512 : i64}> : () -> !torch.int
    %388 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %389 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %390 = "torch.prim.ListConstruct"(%387, %388, %389) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %391 = "torch.aten.view"(%386, %390) : (!torch.vtensor<[64,8,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[512,4,4],f32>
    %392 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %393 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %394 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %395 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %396 = "torch.prim.ListConstruct"(%392, %393, %394, %395) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %397 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %398 = "torch.aten.expand"(%379, %396, %397) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,8,4,8],f32>
    %399 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %400 = "torch.aten.clone"(%398, %399) : (!torch.vtensor<[64,8,4,8],f32>, !torch.int) -> !torch.vtensor<[64,8,4,8],f32>
    %401 = "torch.constant.int"() <{value = 512 : i64}> : () -> !torch.int
    %402 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %403 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %404 = "torch.prim.ListConstruct"(%401, %402, %403) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %405 = "torch.aten.view"(%400, %404) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[512,4,8],f32>
    %406 = "torch.aten.bmm"(%391, %405) : (!torch.vtensor<[512,4,4],f32>, !torch.vtensor<[512,4,8],f32>) -> !torch.vtensor<[512,4,8],f32>
    %407 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %408 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %409 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %410 = "torch.constant.int"() <{value = 8 : i64}> : () -> !torch.int
    %411 = "torch.prim.ListConstruct"(%407, %408, %409, %410) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %412 = "torch.aten.view"(%406, %411) : (!torch.vtensor<[512,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,8,4,8],f32>
    %413 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %414 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %415 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %416 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %417 = "torch.prim.ListConstruct"(%413, %414, %415, %416) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %418 = "torch.aten.permute"(%412, %417) : (!torch.vtensor<[64,8,4,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,8,8],f32>
    %419 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %420 = "torch.aten.clone"(%418, %419) : (!torch.vtensor<[64,4,8,8],f32>, !torch.int) -> !torch.vtensor<[64,4,8,8],f32>
    %421 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %422 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %423 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %424 = "torch.prim.ListConstruct"(%421, %422, %423) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %425 = "torch.aten.view"(%420, %424) : (!torch.vtensor<[64,4,8,8],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %426 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %427 = "torch.aten.add.Tensor"(%213, %425, %426) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    %428 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %429 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %430 = "torch.prim.ListConstruct"(%428, %429) : (!torch.int, !torch.int) -> !torch.list<int>
    %431 = "torch.aten.view"(%427, %430) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %432 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x64xf32>}> : () -> !torch.vtensor<[1,64],f32>
    %433 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %434 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %435 = "torch.prim.ListConstruct"(%433, %434) : (!torch.int, !torch.int) -> !torch.list<int>
    %436 = "torch.aten.permute"(%432, %435) : (!torch.vtensor<[1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1],f32>
    %437 = "torch.aten.mm"(%431, %436) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,1],f32>) -> !torch.vtensor<[256,1],f32>
    %438 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %439 = "torch.aten.mul.Scalar"(%437, %438) : (!torch.vtensor<[256,1],f32>, !torch.int) -> !torch.vtensor<[256,1],f32>
    %440 = "torch.vtensor.literal"() <{value = dense<0.0112941116> : tensor<1xf32>}> : () -> !torch.vtensor<[1],f32>
    %441 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %442 = "torch.aten.mul.Scalar"(%440, %441) : (!torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[1],f32>
    %443 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %444 = "torch.aten.add.Tensor"(%439, %442, %443) : (!torch.vtensor<[256,1],f32>, !torch.vtensor<[1],f32>, !torch.int) -> !torch.vtensor<[256,1],f32>
    %445 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %446 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %447 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %448 = "torch.prim.ListConstruct"(%445, %446, %447) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %449 = "torch.aten.view"(%444, %448) : (!torch.vtensor<[256,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1],f32>
    %450 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %451 = "torch.aten.unsqueeze"(%arg1, %450) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,4,1],i1>
    %452 = "torch.aten.bitwise_not"(%451) : (!torch.vtensor<[64,4,1],i1>) -> !torch.vtensor<[64,4,1],i1>
    %453 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %454 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %455 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %456 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %457 = "torch.constant.none"() : () -> !torch.none
    %458 = "torch.aten.scalar_tensor"(%453, %454, %455, %456, %457) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %459 = "torch.aten.where.self"(%452, %458, %449) : (!torch.vtensor<[64,4,1],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,4,1],f32>) -> !torch.vtensor<[64,4,1],f32>
    %460 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %461 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %462 = "torch.aten._softmax"(%459, %460, %461) : (!torch.vtensor<[64,4,1],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,1],f32>
    %463 = "torch.aten.mul.Tensor"(%462, %427) : (!torch.vtensor<[64,4,1],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %464 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %465 = "torch.prim.ListConstruct"(%464) : (!torch.int) -> !torch.list<int>
    %466 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %467 = "torch.constant.none"() : () -> !torch.none
    %468 = "torch.aten.sum.dim_IntList"(%463, %465, %466, %467) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,64],f32>
    %469 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<10x64xf32>}> : () -> !torch.vtensor<[10,64],f32>
    %470 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %471 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %472 = "torch.prim.ListConstruct"(%470, %471) : (!torch.int, !torch.int) -> !torch.list<int>
    %473 = "torch.aten.permute"(%469, %472) : (!torch.vtensor<[10,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,10],f32>
    %474 = "torch.aten.mm"(%468, %473) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,10],f32>) -> !torch.vtensor<[64,10],f32>
    %475 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %476 = "torch.aten.mul.Scalar"(%474, %475) : (!torch.vtensor<[64,10],f32>, !torch.int) -> !torch.vtensor<[64,10],f32>
    %477 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<10xf32>}> : () -> !torch.vtensor<[10],f32>
    %478 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %479 = "torch.aten.mul.Scalar"(%477, %478) : (!torch.vtensor<[10],f32>, !torch.int) -> !torch.vtensor<[10],f32>
    %480 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %481 = "torch.aten.add.Tensor"(%476, %479, %480) : (!torch.vtensor<[64,10],f32>, !torch.vtensor<[10],f32>, !torch.int) -> !torch.vtensor<[64,10],f32>
    "func.return"(%481) : (!torch.vtensor<[64,10],f32>) -> ()
  }) : () -> ()
}) : () -> ()
