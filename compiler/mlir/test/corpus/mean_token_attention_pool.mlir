// The corpus model mean_token_attention_pool (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,5,64],f32>, !torch.vtensor<[64,5,4],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>):
    %0 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %1 = "torch.prim.ListConstruct"(%0) : (!torch.int) -> !torch.list<int>
    %2 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %3 = "torch.constant.none"() : () -> !torch.none
    %4 = "torch.aten.mean.dim"(%arg0, %1, %2, %3) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>, !torch.bool, !torch.none) -> !torch.vtensor<[64,1,64],f32>
    %5 = "torch.prim.ListConstruct"(%4, %arg0) : (!torch.vtensor<[64,1,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.list<vtensor>
    %6 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %7 = "torch.aten.cat"(%5, %6) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,5,64],f32>
    %8 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %9 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %10 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %11 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %12 = "torch.aten.slice.Tensor"(%7, %8, %9, %10, %11) : (!torch.vtensor<[64,5,64],f32>, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.vtensor<[64,1,64],f32>
    %13 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %14 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %15 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %16 = "torch.prim.ListConstruct"(%14, %15) : (!torch.int, !torch.int) -> !torch.list<int>
    %17 = "torch.aten.permute"(%13, %16) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %18 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %19 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %20 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %21 = "torch.prim.ListConstruct"(%18, %19, %20) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %22 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %23 = "torch.aten.expand"(%12, %21, %22) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1,64],f32>
    %24 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %25 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %26 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %27 = "torch.prim.ListConstruct"(%24, %25, %26) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %28 = "torch.aten.view"(%23, %27) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,64],f32>
    %29 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %30 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %31 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %32 = "torch.prim.ListConstruct"(%29, %30, %31) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %33 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %34 = "torch.aten.expand"(%17, %32, %33) : (!torch.vtensor<[64,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,64,64],f32>
    %35 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %36 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %37 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %38 = "torch.prim.ListConstruct"(%35, %36, %37) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %39 = "torch.aten.view"(%34, %38) : (!torch.vtensor<[64,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64,64],f32>
    %40 = "torch.aten.bmm"(%28, %39) : (!torch.vtensor<[64,1,64],f32>, !torch.vtensor<[64,64,64],f32>) -> !torch.vtensor<[64,1,64],f32>
    %41 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %42 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %43 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %44 = "torch.prim.ListConstruct"(%41, %42, %43) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %45 = "torch.aten.view"(%40, %44) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,64],f32>
    %46 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %47 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %48 = "torch.aten.add.Tensor"(%45, %46, %47) : (!torch.vtensor<[64,1,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,1,64],f32>
    %49 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %50 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %51 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %52 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %53 = "torch.prim.ListConstruct"(%49, %50, %51, %52) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %54 = "torch.aten.view"(%48, %53) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,4,16],f32>
    %55 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %56 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %59 = "torch.prim.ListConstruct"(%55, %56, %57, %58) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %60 = "torch.aten.permute"(%54, %59) : (!torch.vtensor<[64,1,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,16],f32>
    %61 = "torch.constant.int"() <{value = 320 : i64}> : () -> !torch.int
    %62 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %63 = "torch.prim.ListConstruct"(%61, %62) : (!torch.int, !torch.int) -> !torch.list<int>
    %64 = "torch.aten.view"(%7, %63) : (!torch.vtensor<[64,5,64],f32>, !torch.list<int>) -> !torch.vtensor<[320,64],f32>
    %65 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %66 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %67 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %68 = "torch.prim.ListConstruct"(%66, %67) : (!torch.int, !torch.int) -> !torch.list<int>
    %69 = "torch.aten.permute"(%65, %68) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %70 = "torch.aten.mm"(%64, %69) : (!torch.vtensor<[320,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[320,64],f32>
    %71 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %72 = "torch.aten.mul.Scalar"(%70, %71) : (!torch.vtensor<[320,64],f32>, !torch.int) -> !torch.vtensor<[320,64],f32>
    %73 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %74 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %75 = "torch.aten.mul.Scalar"(%73, %74) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %76 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %77 = "torch.aten.add.Tensor"(%72, %75, %76) : (!torch.vtensor<[320,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[320,64],f32>
    %78 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %79 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %81 = "torch.prim.ListConstruct"(%78, %79, %80) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %82 = "torch.aten.view"(%77, %81) : (!torch.vtensor<[320,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,5,64],f32>
    %83 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %84 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %85 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %86 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %87 = "torch.prim.ListConstruct"(%83, %84, %85, %86) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %88 = "torch.aten.view"(%82, %87) : (!torch.vtensor<[64,5,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,5,4,16],f32>
    %89 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %91 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %92 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %93 = "torch.prim.ListConstruct"(%89, %90, %91, %92) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %94 = "torch.aten.permute"(%88, %93) : (!torch.vtensor<[64,5,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,5,16],f32>
    %95 = "torch.constant.int"() <{value = 320 : i64}> : () -> !torch.int
    %96 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %97 = "torch.prim.ListConstruct"(%95, %96) : (!torch.int, !torch.int) -> !torch.list<int>
    %98 = "torch.aten.view"(%7, %97) : (!torch.vtensor<[64,5,64],f32>, !torch.list<int>) -> !torch.vtensor<[320,64],f32>
    %99 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %100 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %101 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %102 = "torch.prim.ListConstruct"(%100, %101) : (!torch.int, !torch.int) -> !torch.list<int>
    %103 = "torch.aten.permute"(%99, %102) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %104 = "torch.aten.mm"(%98, %103) : (!torch.vtensor<[320,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[320,64],f32>
    %105 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %106 = "torch.aten.mul.Scalar"(%104, %105) : (!torch.vtensor<[320,64],f32>, !torch.int) -> !torch.vtensor<[320,64],f32>
    %107 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %108 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %109 = "torch.aten.mul.Scalar"(%107, %108) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %110 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %111 = "torch.aten.add.Tensor"(%106, %109, %110) : (!torch.vtensor<[320,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[320,64],f32>
    %112 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %113 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %114 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %115 = "torch.prim.ListConstruct"(%112, %113, %114) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %116 = "torch.aten.view"(%111, %115) : (!torch.vtensor<[320,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,5,64],f32>
    %117 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %118 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %119 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %120 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %121 = "torch.prim.ListConstruct"(%117, %118, %119, %120) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %122 = "torch.aten.view"(%116, %121) : (!torch.vtensor<[64,5,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,5,4,16],f32>
    %123 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %124 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %125 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %126 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %127 = "torch.prim.ListConstruct"(%123, %124, %125, %126) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %128 = "torch.aten.permute"(%122, %127) : (!torch.vtensor<[64,5,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,5,16],f32>
    %129 = "torch.constant.float"() <{value = 5.000000e-01 : f64}> : () -> !torch.float
    %130 = "torch.aten.mul.Scalar"(%60, %129) : (!torch.vtensor<[64,4,1,16],f32>, !torch.float) -> !torch.vtensor<[64,4,1,16],f32>
    %131 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %132 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %133 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %134 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %135 = "torch.prim.ListConstruct"(%131, %132, %133, %134) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %136 = "torch.aten.permute"(%94, %135) : (!torch.vtensor<[64,4,5,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,16,5],f32>
    %137 = "torch.constant.float"() <{value = 5.000000e-01 : f64}> : () -> !torch.float
    %138 = "torch.aten.mul.Scalar"(%136, %137) : (!torch.vtensor<[64,4,16,5],f32>, !torch.float) -> !torch.vtensor<[64,4,16,5],f32>
    %139 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %140 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %141 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %142 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %143 = "torch.prim.ListConstruct"(%139, %140, %141, %142) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %144 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %145 = "torch.aten.expand"(%130, %143, %144) : (!torch.vtensor<[64,4,1,16],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,1,16],f32>
    %146 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %147 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %148 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %149 = "torch.prim.ListConstruct"(%146, %147, %148) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %150 = "torch.aten.view"(%145, %149) : (!torch.vtensor<[64,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,1,16],f32>
    %151 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %152 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %153 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %154 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %155 = "torch.prim.ListConstruct"(%151, %152, %153, %154) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %156 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %157 = "torch.aten.expand"(%138, %155, %156) : (!torch.vtensor<[64,4,16,5],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,16,5],f32>
    %158 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %159 = "torch.aten.clone"(%157, %158) : (!torch.vtensor<[64,4,16,5],f32>, !torch.int) -> !torch.vtensor<[64,4,16,5],f32>
    %160 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %161 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %162 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %163 = "torch.prim.ListConstruct"(%160, %161, %162) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %164 = "torch.aten.view"(%159, %163) : (!torch.vtensor<[64,4,16,5],f32>, !torch.list<int>) -> !torch.vtensor<[256,16,5],f32>
    %165 = "torch.aten.bmm"(%150, %164) : (!torch.vtensor<[256,1,16],f32>, !torch.vtensor<[256,16,5],f32>) -> !torch.vtensor<[256,1,5],f32>
    %166 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %167 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %168 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %169 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %170 = "torch.prim.ListConstruct"(%166, %167, %168, %169) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %171 = "torch.aten.view"(%165, %170) : (!torch.vtensor<[256,1,5],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,5],f32>
    %172 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %173 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %174 = "torch.aten._softmax"(%171, %172, %173) : (!torch.vtensor<[64,4,1,5],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,1,5],f32>
    %175 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %176 = "torch.aten.eq.Scalar"(%171, %175) : (!torch.vtensor<[64,4,1,5],f32>, !torch.float) -> !torch.vtensor<[64,4,1,5],i1>
    %177 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %178 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %179 = "torch.aten.all.dim"(%176, %177, %178) : (!torch.vtensor<[64,4,1,5],i1>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,1,1],i1>
    %180 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %181 = "torch.constant.none"() : () -> !torch.none
    %182 = "torch.constant.none"() : () -> !torch.none
    %183 = "torch.constant.none"() : () -> !torch.none
    %184 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %185 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %186 = "torch.aten.full_like"(%174, %180, %181, %182, %183, %184, %185) : (!torch.vtensor<[64,4,1,5],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.int) -> !torch.vtensor<[64,4,1,5],f32>
    %187 = "torch.aten.where.self"(%179, %186, %174) : (!torch.vtensor<[64,4,1,1],i1>, !torch.vtensor<[64,4,1,5],f32>, !torch.vtensor<[64,4,1,5],f32>) -> !torch.vtensor<[64,4,1,5],f32>
    %188 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %189 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %190 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %191 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %192 = "torch.prim.ListConstruct"(%188, %189, %190, %191) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %193 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %194 = "torch.aten.expand"(%187, %192, %193) : (!torch.vtensor<[64,4,1,5],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,1,5],f32>
    %195 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %196 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %197 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %198 = "torch.prim.ListConstruct"(%195, %196, %197) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %199 = "torch.aten.view"(%194, %198) : (!torch.vtensor<[64,4,1,5],f32>, !torch.list<int>) -> !torch.vtensor<[256,1,5],f32>
    %200 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %201 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %202 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %203 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %204 = "torch.prim.ListConstruct"(%200, %201, %202, %203) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %205 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %206 = "torch.aten.expand"(%128, %204, %205) : (!torch.vtensor<[64,4,5,16],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,5,16],f32>
    %207 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %208 = "torch.aten.clone"(%206, %207) : (!torch.vtensor<[64,4,5,16],f32>, !torch.int) -> !torch.vtensor<[64,4,5,16],f32>
    %209 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %210 = "torch.constant.int"() <{value = 5 : i64}> : () -> !torch.int
    %211 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %212 = "torch.prim.ListConstruct"(%209, %210, %211) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %213 = "torch.aten.view"(%208, %212) : (!torch.vtensor<[64,4,5,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,5,16],f32>
    %214 = "torch.aten.bmm"(%199, %213) : (!torch.vtensor<[256,1,5],f32>, !torch.vtensor<[256,5,16],f32>) -> !torch.vtensor<[256,1,16],f32>
    %215 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %216 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %217 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %218 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %219 = "torch.prim.ListConstruct"(%215, %216, %217, %218) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %220 = "torch.aten.view"(%214, %219) : (!torch.vtensor<[256,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,16],f32>
    %221 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %222 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %223 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %224 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %225 = "torch.prim.ListConstruct"(%221, %222, %223, %224) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %226 = "torch.aten.permute"(%220, %225) : (!torch.vtensor<[64,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,4,16],f32>
    %227 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %228 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %229 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %230 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %231 = "torch.prim.ListConstruct"(%227, %228, %229, %230) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %232 = "torch.aten.permute"(%226, %231) : (!torch.vtensor<[1,64,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,16],f32>
    %233 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %234 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %235 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %236 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %237 = "torch.prim.ListConstruct"(%233, %234, %235, %236) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %238 = "torch.aten.permute"(%232, %237) : (!torch.vtensor<[64,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,4,16],f32>
    %239 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %240 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %241 = "torch.prim.ListConstruct"(%239, %240) : (!torch.int, !torch.int) -> !torch.list<int>
    %242 = "torch.aten.view"(%238, %241) : (!torch.vtensor<[64,1,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    "func.return"(%242) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
