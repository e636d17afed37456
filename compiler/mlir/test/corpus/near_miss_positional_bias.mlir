// The corpus model near_miss_positional_bias (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT

// CHECK-NOT: torch.cldmdf
// REPORT: miss {{[0-9]+}} adaptive_fusion the softmax runs over a merged axis
// REPORT: miss {{[0-9]+}} dual_attention the scores are not a product of queries and keys ({{.*}})

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
    %137 = "torch.constant.float"() <{value = 4.000000e+00 : f64}> : () -> !torch.float
    %138 = "torch.aten.div.Scalar"(%136, %137) : (!torch.vtensor<[64,4,4,4],f32>, !torch.float) -> !torch.vtensor<[64,4,4,4],f32>
    %139 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<4x4x4xf32>}> : () -> !torch.vtensor<[4,4,4],f32>
    %140 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %141 = "torch.aten.add.Tensor"(%138, %139, %140) : (!torch.vtensor<[64,4,4,4],f32>, !torch.vtensor<[4,4,4],f32>, !torch.int) -> !torch.vtensor<[64,4,4,4],f32>
    %142 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %143 = "torch.aten.unsqueeze"(%arg1, %142) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,1,4],i1>
    %144 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %145 = "torch.aten.unsqueeze"(%143, %144) : (!torch.vtensor<[64,1,4],i1>, !torch.int) -> !torch.vtensor<[64,1,1,4],i1>
    %146 = "torch.aten.bitwise_not"(%145) : (!torch.vtensor<[64,1,1,4],i1>) -> !torch.vtensor<[64,1,1,4],i1>
    %147 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %148 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %149 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %150 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %151 = "torch.constant.none"() : () -> !torch.none
    %152 = "torch.aten.scalar_tensor"(%147, %148, %149, %150, %151) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %153 = "torch.aten.where.self"(%146, %152, %141) : (!torch.vtensor<[64,1,1,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,4,4,4],f32>) -> !torch.vtensor<[64,4,4,4],f32>
    %154 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %155 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %156 = "torch.aten._softmax"(%153, %154, %155) : (!torch.vtensor<[64,4,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,4,4],f32>
    %157 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %158 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %159 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %160 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %161 = "torch.prim.ListConstruct"(%157, %158, %159, %160) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %162 = "torch.aten.view"(%27, %161) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %163 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %164 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %165 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %166 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %167 = "torch.prim.ListConstruct"(%163, %164, %165, %166) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %168 = "torch.aten.permute"(%162, %167) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %169 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %170 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %171 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %172 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %173 = "torch.prim.ListConstruct"(%169, %170, %171, %172) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %174 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %175 = "torch.aten.expand"(%156, %173, %174) : (!torch.vtensor<[64,4,4,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4,4],f32>
    %176 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %177 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %178 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %179 = "torch.prim.ListConstruct"(%176, %177, %178) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %180 = "torch.aten.view"(%175, %179) : (!torch.vtensor<[64,4,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,4],f32>
    %181 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %182 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %183 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %184 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %185 = "torch.prim.ListConstruct"(%181, %182, %183, %184) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %186 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %187 = "torch.aten.expand"(%168, %185, %186) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4,16],f32>
    %188 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %189 = "torch.aten.clone"(%187, %188) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %190 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %191 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %192 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %193 = "torch.prim.ListConstruct"(%190, %191, %192) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %194 = "torch.aten.view"(%189, %193) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %195 = "torch.aten.bmm"(%180, %194) : (!torch.vtensor<[256,4,4],f32>, !torch.vtensor<[256,4,16],f32>) -> !torch.vtensor<[256,4,16],f32>
    %196 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %197 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %198 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %199 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %200 = "torch.prim.ListConstruct"(%196, %197, %198, %199) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %201 = "torch.aten.view"(%195, %200) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %202 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %203 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %204 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %205 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %206 = "torch.prim.ListConstruct"(%202, %203, %204, %205) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %207 = "torch.aten.permute"(%201, %206) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %208 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %209 = "torch.aten.clone"(%207, %208) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %210 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %211 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %212 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %213 = "torch.prim.ListConstruct"(%210, %211, %212) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %214 = "torch.aten.view"(%209, %213) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    "func.return"(%214) : (!torch.vtensor<[64,4,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
