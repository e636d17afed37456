// The corpus model attention_returning_weights (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.dual_attention"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>, !torch.int, !torch.float, !torch.bool) -> (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,4,4],f32>)
// REPORT: fuse dual_attention 
// GONE-NOT: "torch.aten._softmax"
// GONE-NOT: "torch.aten.bmm"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>) -> (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,4,4],f32>), sym_name = "main"}> ({
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
    %53 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %54 = "torch.prim.ListConstruct"(%50, %51, %52, %53) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %55 = "torch.aten.view"(%49, %54) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %56 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %60 = "torch.prim.ListConstruct"(%56, %57, %58, %59) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %61 = "torch.aten.permute"(%55, %60) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %62 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %63 = "torch.aten.clone"(%61, %62) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %64 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %65 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %66 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %67 = "torch.prim.ListConstruct"(%64, %65, %66) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %68 = "torch.aten.view"(%63, %67) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %69 = "torch.constant.float"() <{value = 2.500000e-01 : f64}> : () -> !torch.float
    %70 = "torch.aten.mul.Scalar"(%68, %69) : (!torch.vtensor<[256,4,16],f32>, !torch.float) -> !torch.vtensor<[256,4,16],f32>
    %71 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %72 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %73 = "torch.prim.ListConstruct"(%71, %72) : (!torch.int, !torch.int) -> !torch.list<int>
    %74 = "torch.aten.view"(%arg0, %73) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %75 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %76 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %77 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %78 = "torch.prim.ListConstruct"(%76, %77) : (!torch.int, !torch.int) -> !torch.list<int>
    %79 = "torch.aten.permute"(%75, %78) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %80 = "torch.aten.mm"(%74, %79) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %81 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %82 = "torch.aten.mul.Scalar"(%80, %81) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %83 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %84 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %85 = "torch.aten.mul.Scalar"(%83, %84) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %86 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %87 = "torch.aten.add.Tensor"(%82, %85, %86) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %88 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %89 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %91 = "torch.prim.ListConstruct"(%88, %89, %90) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %92 = "torch.aten.view"(%87, %91) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %93 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %94 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %95 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %96 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %97 = "torch.prim.ListConstruct"(%93, %94, %95, %96) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %98 = "torch.aten.view"(%92, %97) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %99 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %100 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %101 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %102 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %103 = "torch.prim.ListConstruct"(%99, %100, %101, %102) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %104 = "torch.aten.permute"(%98, %103) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %105 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %106 = "torch.aten.clone"(%104, %105) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %107 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %108 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %109 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %110 = "torch.prim.ListConstruct"(%107, %108, %109) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %111 = "torch.aten.view"(%106, %110) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %112 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %113 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %114 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %115 = "torch.prim.ListConstruct"(%112, %113, %114) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %116 = "torch.aten.permute"(%111, %115) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,16,4],f32>
    %117 = "torch.aten.bmm"(%70, %116) : (!torch.vtensor<[256,4,16],f32>, !torch.vtensor<[256,16,4],f32>) -> !torch.vtensor<[256,4,4],f32>
    %118 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %119 = "torch.aten.unsqueeze"(%arg1, %118) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,1,4],i1>
    %120 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %121 = "torch.aten.unsqueeze"(%119, %120) : (!torch.vtensor<[64,1,4],i1>, !torch.int) -> !torch.vtensor<[64,1,1,4],i1>
    %122 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %123 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %124 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %125 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %126 = "torch.prim.ListConstruct"(%122, %123, %124, %125) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %127 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %128 = "torch.aten.expand"(%121, %126, %127) : (!torch.vtensor<[64,1,1,4],i1>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,1,4],i1>
    %129 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %130 = "torch.aten.clone"(%128, %129) : (!torch.vtensor<[64,4,1,4],i1>, !torch.int) -> !torch.vtensor<[64,4,1,4],i1>
    %131 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %132 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %133 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %134 = "torch.prim.ListConstruct"(%131, %132, %133) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %135 = "torch.aten.view"(%130, %134) : (!torch.vtensor<[64,4,1,4],i1>, !torch.list<int>) -> !torch.vtensor<[256,1,4],i1>
    %136 = "torch.aten.bitwise_not"(%135) : (!torch.vtensor<[256,1,4],i1>) -> !torch.vtensor<[256,1,4],i1>
    %137 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %138 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %139 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %140 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %141 = "torch.constant.none"() : () -> !torch.none
    %142 = "torch.aten.scalar_tensor"(%137, %138, %139, %140, %141) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %143 = "torch.aten.where.self"(%136, %142, %117) : (!torch.vtensor<[256,1,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[256,4,4],f32>) -> !torch.vtensor<[256,4,4],f32>
    %144 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %145 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %146 = "torch.aten._softmax"(%143, %144, %145) : (!torch.vtensor<[256,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[256,4,4],f32>
    %147 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %148 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %149 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %150 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %151 = "torch.prim.ListConstruct"(%147, %148, %149, %150) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %152 = "torch.aten.view"(%27, %151) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %153 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %154 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %155 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %156 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %157 = "torch.prim.ListConstruct"(%153, %154, %155, %156) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %158 = "torch.aten.permute"(%152, %157) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %159 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %160 = "torch.aten.clone"(%158, %159) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %161 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %162 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %163 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %164 = "torch.prim.ListConstruct"(%161, %162, %163) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %165 = "torch.aten.view"(%160, %164) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %166 = "torch.aten.bmm"(%146, %165) : (!torch.vtensor<[256,4,4],f32>, !torch.vtensor<[256,4,16],f32>) -> !torch.vtensor<[256,4,16],f32>
    %167 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %168 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %169 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %170 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %171 = "torch.prim.ListConstruct"(%167, %168, %169, %170) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %172 = "torch.aten.view"(%166, %171) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %173 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %174 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %175 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %176 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %177 = "torch.prim.ListConstruct"(%173, %174, %175, %176) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %178 = "torch.aten.permute"(%172, %177) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %179 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %180 = "torch.aten.clone"(%178, %179) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %181 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %182 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %183 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %184 = "torch.prim.ListConstruct"(%181, %182, %183) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %185 = "torch.aten.view"(%180, %184) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %186 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %187 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %188 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %189 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %190 = "torch.prim.ListConstruct"(%186, %187, %188, %189) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %191 = "torch.aten.view"(%146, %190) : (!torch.vtensor<[256,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,4],f32>
    "func.return"(%185, %191) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,4,4],f32>) -> ()
  }) : () -> ()
}) : () -> ()
