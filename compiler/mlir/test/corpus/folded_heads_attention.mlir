// The corpus model folded_heads_attention (static shapes),
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
    %25 = "torch.aten.mul.Tensor"(%24, %arg0) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %26 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %27 = "torch.aten.mul.Scalar"(%25, %26) : (!torch.vtensor<[64,4,64],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    %28 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %29 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %30 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %31 = "torch.prim.ListConstruct"(%29, %30) : (!torch.int, !torch.int) -> !torch.list<int>
    %32 = "torch.aten.permute"(%28, %31) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %33 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %34 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %35 = "torch.prim.ListConstruct"(%33, %34) : (!torch.int, !torch.int) -> !torch.list<int>
    %36 = "torch.aten.view"(%arg0, %35) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %37 = "torch.aten.mm"(%36, %32) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %38 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %39 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %40 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %41 = "torch.prim.ListConstruct"(%38, %39, %40) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %42 = "torch.aten.view"(%37, %41) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %43 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %44 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %45 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %46 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %47 = "torch.prim.ListConstruct"(%43, %44, %45, %46) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %48 = "torch.aten.view"(%42, %47) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %49 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %50 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %51 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %52 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %53 = "torch.prim.ListConstruct"(%49, %50, %51, %52) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %54 = "torch.aten.permute"(%48, %53) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %55 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %56 = "torch.aten.clone"(%54, %55) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %57 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %60 = "torch.prim.ListConstruct"(%57, %58, %59) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %61 = "torch.aten.view"(%56, %60) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %62 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %63 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %64 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %65 = "torch.prim.ListConstruct"(%63, %64) : (!torch.int, !torch.int) -> !torch.list<int>
    %66 = "torch.aten.permute"(%62, %65) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %67 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %68 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %69 = "torch.prim.ListConstruct"(%67, %68) : (!torch.int, !torch.int) -> !torch.list<int>
    %70 = "torch.aten.view"(%arg0, %69) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %71 = "torch.aten.mm"(%70, %66) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %72 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %73 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %74 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %75 = "torch.prim.ListConstruct"(%72, %73, %74) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %76 = "torch.aten.view"(%71, %75) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %77 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %78 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %79 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %81 = "torch.prim.ListConstruct"(%77, %78, %79, %80) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %82 = "torch.aten.view"(%76, %81) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %83 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %84 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %85 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %86 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %87 = "torch.prim.ListConstruct"(%83, %84, %85, %86) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %88 = "torch.aten.permute"(%82, %87) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %89 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %90 = "torch.aten.clone"(%88, %89) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %91 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %92 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %93 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %94 = "torch.prim.ListConstruct"(%91, %92, %93) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %95 = "torch.aten.view"(%90, %94) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %96 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %97 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %98 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %99 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %100 = "torch.prim.ListConstruct"(%96, %97, %98, %99) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %101 = "torch.aten.view"(%27, %100) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %102 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %103 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %104 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %105 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %106 = "torch.prim.ListConstruct"(%102, %103, %104, %105) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %107 = "torch.aten.permute"(%101, %106) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %108 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %109 = "torch.aten.clone"(%107, %108) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %110 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %111 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %112 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %113 = "torch.prim.ListConstruct"(%110, %111, %112) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %114 = "torch.aten.view"(%109, %113) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %115 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %116 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %117 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %118 = "torch.prim.ListConstruct"(%115, %116, %117) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %119 = "torch.aten.permute"(%95, %118) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,16,4],f32>
    %120 = "torch.aten.bmm"(%61, %119) : (!torch.vtensor<[256,4,16],f32>, !torch.vtensor<[256,16,4],f32>) -> !torch.vtensor<[256,4,4],f32>
    %121 = "torch.constant.float"() <{value = 4.000000e+00 : f64}> : () -> !torch.float
    %122 = "torch.aten.div.Scalar"(%120, %121) : (!torch.vtensor<[256,4,4],f32>, !torch.float) -> !torch.vtensor<[256,4,4],f32>
    %123 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %124 = "torch.aten.unsqueeze"(%arg1, %123) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,1,4],i1>
    %125 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %126 = "torch.aten.unsqueeze"(%124, %125) : (!torch.vtensor<[64,1,4],i1>, !torch.int) -> !torch.vtensor<[64,1,1,4],i1>
    %127 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %128 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %129 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %130 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %131 = "torch.prim.ListConstruct"(%127, %128, %129, %130) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %132 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %133 = "torch.aten.expand"(%126, %131, %132) : (!torch.vtensor<[64,1,1,4],i1>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,1,4],i1>
    %134 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %135 = "torch.aten.clone"(%133, %134) : (!torch.vtensor<[64,4,1,4],i1>, !torch.int) -> !torch.vtensor<[64,4,1,4],i1>
    %136 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %137 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %138 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %139 = "torch.prim.ListConstruct"(%136, %137, %138) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %140 = "torch.aten.view"(%135, %139) : (!torch.vtensor<[64,4,1,4],i1>, !torch.list<int>) -> !torch.vtensor<[256,1,4],i1>
    %141 = "torch.aten.bitwise_not"(%140) : (!torch.vtensor<[256,1,4],i1>) -> !torch.vtensor<[256,1,4],i1>
    %142 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %143 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %144 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %145 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %146 = "torch.constant.none"() : () -> !torch.none
    %147 = "torch.aten.scalar_tensor"(%142, %143, %144, %145, %146) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %148 = "torch.aten.where.self"(%141, %147, %122) : (!torch.vtensor<[256,1,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[256,4,4],f32>) -> !torch.vtensor<[256,4,4],f32>
    %149 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %150 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %151 = "torch.aten._softmax"(%148, %149, %150) : (!torch.vtensor<[256,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[256,4,4],f32>
    %152 = "torch.aten.bmm"(%151, %114) : (!torch.vtensor<[256,4,4],f32>, !torch.vtensor<[256,4,16],f32>) -> !torch.vtensor<[256,4,16],f32>
    %153 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %154 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %155 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %156 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %157 = "torch.prim.ListConstruct"(%153, %154, %155, %156) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %158 = "torch.aten.view"(%152, %157) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %159 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %160 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %161 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %162 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %163 = "torch.prim.ListConstruct"(%159, %160, %161, %162) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %164 = "torch.aten.permute"(%158, %163) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %165 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %166 = "torch.aten.clone"(%164, %165) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %167 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %168 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %169 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %170 = "torch.prim.ListConstruct"(%167, %168, %169) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %171 = "torch.aten.view"(%166, %170) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    "func.return"(%171) : (!torch.vtensor<[64,4,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
