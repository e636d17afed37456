// The corpus model scaled_by_width (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
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
    %22 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
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
    %52 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %54 = "torch.prim.ListConstruct"(%50, %51, %52, %53) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %55 = "torch.aten.view"(%49, %54) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %56 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %60 = "torch.prim.ListConstruct"(%56, %57, %58, %59) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %61 = "torch.aten.permute"(%55, %60) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
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
    %86 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %87 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %88 = "torch.prim.ListConstruct"(%84, %85, %86, %87) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %89 = "torch.aten.view"(%83, %88) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %90 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %91 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %92 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %93 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %94 = "torch.prim.ListConstruct"(%90, %91, %92, %93) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %95 = "torch.aten.permute"(%89, %94) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %96 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %97 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %98 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %99 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %100 = "torch.prim.ListConstruct"(%96, %97, %98, %99) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %101 = "torch.aten.permute"(%95, %100) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,16,4],f32>
    %102 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %103 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %104 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %105 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %106 = "torch.prim.ListConstruct"(%102, %103, %104, %105) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %107 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %108 = "torch.aten.expand"(%61, %106, %107) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4,16],f32>
    %109 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %110 = "torch.aten.clone"(%108, %109) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %111 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %112 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %113 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %114 = "torch.prim.ListConstruct"(%111, %112, %113) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %115 = "torch.aten.view"(%110, %114) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %116 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %117 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %118 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %119 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %120 = "torch.prim.ListConstruct"(%116, %117, %118, %119) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %121 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %122 = "torch.aten.expand"(%101, %120, %121) : (!torch.vtensor<[64,4,16,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,16,4],f32>
    %123 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %124 = "torch.aten.clone"(%122, %123) : (!torch.vtensor<[64,4,16,4],f32>, !torch.int) -> !torch.vtensor<[64,4,16,4],f32>
    %125 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %126 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %127 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %128 = "torch.prim.ListConstruct"(%125, %126, %127) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %129 = "torch.aten.view"(%124, %128) : (!torch.vtensor<[64,4,16,4],f32>, !torch.list<int>) -> !torch.vtensor<[256,16,4],f32>
    %130 = "torch.aten.bmm"(%115, %129) : (!torch.vtensor<[256,4,16],f32>, !torch.vtensor<[256,16,4],f32>) -> !torch.vtensor<[256,4,4],f32>
    %131 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %132 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %133 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %134 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %135 = "torch.prim.ListConstruct"(%131, %132, %133, %134) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %136 = "torch.aten.view"(%130, %135) : (!torch.vtensor<[256,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,4],f32>
    %137 = "torch.constant.float"() <{value = 8.000000e+00 : f64}> : () -> !torch.float
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
    %159 = "torch.aten.view"(%27, %158) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %160 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %161 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %162 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %163 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %164 = "torch.prim.ListConstruct"(%160, %161, %162, %163) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %165 = "torch.aten.permute"(%159, %164) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %166 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %167 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %168 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %169 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %170 = "torch.prim.ListConstruct"(%166, %167, %168, %169) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %171 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %172 = "torch.aten.expand"(%153, %170, %171) : (!torch.vtensor<[64,4,4,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4,4],f32>
    %173 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %174 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %175 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %176 = "torch.prim.ListConstruct"(%173, %174, %175) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %177 = "torch.aten.view"(%172, %176) : (!torch.vtensor<[64,4,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,4],f32>
    %178 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %179 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %180 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %181 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %182 = "torch.prim.ListConstruct"(%178, %179, %180, %181) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %183 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %184 = "torch.aten.expand"(%165, %182, %183) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4,16],f32>
    %185 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %186 = "torch.aten.clone"(%184, %185) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %187 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %188 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %189 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %190 = "torch.prim.ListConstruct"(%187, %188, %189) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %191 = "torch.aten.view"(%186, %190) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %192 = "torch.aten.bmm"(%177, %191) : (!torch.vtensor<[256,4,4],f32>, !torch.vtensor<[256,4,16],f32>) -> !torch.vtensor<[256,4,16],f32>
    %193 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %194 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %195 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %196 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %197 = "torch.prim.ListConstruct"(%193, %194, %195, %196) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %198 = "torch.aten.view"(%192, %197) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %199 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %200 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %201 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %202 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %203 = "torch.prim.ListConstruct"(%199, %200, %201, %202) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %204 = "torch.aten.permute"(%198, %203) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %205 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %206 = "torch.aten.clone"(%204, %205) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %207 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %208 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %209 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %210 = "torch.prim.ListConstruct"(%207, %208, %209) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %211 = "torch.aten.view"(%206, %210) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    "func.return"(%211) : (!torch.vtensor<[64,4,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
