// The corpus model sdpa_modality_attention (static shapes),
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
    %25 = "torch.aten.mul.Tensor"(%arg0, %24) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %26 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %27 = "torch.aten.mul.Scalar"(%25, %26) : (!torch.vtensor<[64,4,64],f32>, !torch.int) -> !torch.vtensor<[64,4,64],f32>
    %28 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %29 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %30 = "torch.prim.ListConstruct"(%28, %29) : (!torch.int, !torch.int) -> !torch.list<int>
    %31 = "torch.aten.view"(%arg0, %30) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %32 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<128x64xf32>}> : () -> !torch.vtensor<[128,64],f32>
    %33 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %34 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %35 = "torch.prim.ListConstruct"(%33, %34) : (!torch.int, !torch.int) -> !torch.list<int>
    %36 = "torch.aten.permute"(%32, %35) : (!torch.vtensor<[128,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,128],f32>
    %37 = "torch.aten.mm"(%31, %36) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,128],f32>) -> !torch.vtensor<[256,128],f32>
    %38 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %39 = "torch.aten.mul.Scalar"(%37, %38) : (!torch.vtensor<[256,128],f32>, !torch.int) -> !torch.vtensor<[256,128],f32>
    %40 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<128xf32>}> : () -> !torch.vtensor<[128],f32>
    %41 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %42 = "torch.aten.mul.Scalar"(%40, %41) : (!torch.vtensor<[128],f32>, !torch.int) -> !torch.vtensor<[128],f32>
    %43 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %44 = "torch.aten.add.Tensor"(%39, %42, %43) : (!torch.vtensor<[256,128],f32>, !torch.vtensor<[128],f32>, !torch.int) -> !torch.vtensor<[256,128],f32>
    %45 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %46 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %47 = "torch.constant.int"() <{value = 128 : i64}> : () -> !torch.int
    %48 = "torch.prim.ListConstruct"(%45, %46, %47) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %49 = "torch.aten.view"(%44, %48) : (!torch.vtensor<[256,128],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,128],f32>
    %50 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %51 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %52 = "torch.prim.ListConstruct"(%50, %51) : (!torch.int, !torch.int) -> !torch.list<int>
    %53 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %54 = "torch.aten.split_with_sizes"(%49, %52, %53) : (!torch.vtensor<[64,4,128],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
    %55:2 = "torch.prim.ListUnpack"(%54) : (!torch.list<vtensor>) -> (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>)
    %56 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %60 = "torch.prim.ListConstruct"(%56, %57, %58, %59) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %61 = "torch.aten.view"(%55#0, %60) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %62 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %63 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %64 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %65 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %66 = "torch.prim.ListConstruct"(%62, %63, %64, %65) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %67 = "torch.aten.permute"(%61, %66) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %68 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %69 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %70 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %71 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %72 = "torch.prim.ListConstruct"(%68, %69, %70, %71) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %73 = "torch.aten.view"(%55#1, %72) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %74 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %75 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %76 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %77 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %78 = "torch.prim.ListConstruct"(%74, %75, %76, %77) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %79 = "torch.aten.permute"(%73, %78) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %80 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %81 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %82 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %83 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %84 = "torch.prim.ListConstruct"(%80, %81, %82, %83) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %85 = "torch.aten.view"(%27, %84) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %86 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %87 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %88 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %89 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %90 = "torch.prim.ListConstruct"(%86, %87, %88, %89) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %91 = "torch.aten.permute"(%85, %90) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %92 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %93 = "torch.aten.unsqueeze"(%arg1, %92) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,1,4],i1>
    %94 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %95 = "torch.aten.unsqueeze"(%93, %94) : (!torch.vtensor<[64,1,4],i1>, !torch.int) -> !torch.vtensor<[64,1,1,4],i1>
    %96 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %97 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %98 = "torch.constant.none"() : () -> !torch.none
    %99 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %100 = "torch.constant.none"() : () -> !torch.none
    %101 = "torch.aten.scalar_tensor"(%96, %97, %98, %99, %100) : (!torch.float, !torch.int, !torch.none, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %102 = "torch.constant.float"() <{value = 0.000000e+00 : f64}> : () -> !torch.float
    %103 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %104 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %105 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %106 = "torch.constant.none"() : () -> !torch.none
    %107 = "torch.aten.scalar_tensor"(%102, %103, %104, %105, %106) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %108 = "torch.aten.where.self"(%95, %107, %101) : (!torch.vtensor<[64,1,1,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[],f32>) -> !torch.vtensor<[64,1,1,4],f32>
    %109 = "torch.constant.float"() <{value = 5.000000e-01 : f64}> : () -> !torch.float
    %110 = "torch.aten.mul.Scalar"(%67, %109) : (!torch.vtensor<[64,4,4,16],f32>, !torch.float) -> !torch.vtensor<[64,4,4,16],f32>
    %111 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %112 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %113 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %114 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %115 = "torch.prim.ListConstruct"(%111, %112, %113, %114) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %116 = "torch.aten.permute"(%79, %115) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,16,4],f32>
    %117 = "torch.constant.float"() <{value = 5.000000e-01 : f64}> : () -> !torch.float
    %118 = "torch.aten.mul.Scalar"(%116, %117) : (!torch.vtensor<[64,4,16,4],f32>, !torch.float) -> !torch.vtensor<[64,4,16,4],f32>
    %119 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %120 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %121 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %122 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %123 = "torch.prim.ListConstruct"(%119, %120, %121, %122) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %124 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %125 = "torch.aten.expand"(%110, %123, %124) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4,16],f32>
    %126 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %127 = "torch.aten.clone"(%125, %126) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %128 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %129 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %130 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %131 = "torch.prim.ListConstruct"(%128, %129, %130) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %132 = "torch.aten.view"(%127, %131) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %133 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %134 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %135 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %136 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %137 = "torch.prim.ListConstruct"(%133, %134, %135, %136) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %138 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %139 = "torch.aten.expand"(%118, %137, %138) : (!torch.vtensor<[64,4,16,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,16,4],f32>
    %140 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %141 = "torch.aten.clone"(%139, %140) : (!torch.vtensor<[64,4,16,4],f32>, !torch.int) -> !torch.vtensor<[64,4,16,4],f32>
    %142 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %143 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %144 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %145 = "torch.prim.ListConstruct"(%142, %143, %144) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %146 = "torch.aten.view"(%141, %145) : (!torch.vtensor<[64,4,16,4],f32>, !torch.list<int>) -> !torch.vtensor<[256,16,4],f32>
    %147 = "torch.aten.bmm"(%132, %146) : (!torch.vtensor<[256,4,16],f32>, !torch.vtensor<[256,16,4],f32>) -> !torch.vtensor<[256,4,4],f32>
    %148 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %149 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %150 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %151 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %152 = "torch.prim.ListConstruct"(%148, %149, %150, %151) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %153 = "torch.aten.view"(%147, %152) : (!torch.vtensor<[256,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,4],f32>
    %154 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %155 = "torch.aten.add.Tensor"(%153, %108, %154) : (!torch.vtensor<[64,4,4,4],f32>, !torch.vtensor<[64,1,1,4],f32>, !torch.int) -> !torch.vtensor<[64,4,4,4],f32>
    %156 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %157 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %158 = "torch.aten._softmax"(%155, %156, %157) : (!torch.vtensor<[64,4,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,4,4],f32>
    %159 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %160 = "torch.aten.eq.Scalar"(%155, %159) : (!torch.vtensor<[64,4,4,4],f32>, !torch.float) -> !torch.vtensor<[64,4,4,4],i1>
    %161 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %162 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %163 = "torch.aten.all.dim"(%160, %161, %162) : (!torch.vtensor<[64,4,4,4],i1>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,4,1],i1>
    %164 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %165 = "torch.constant.none"() : () -> !torch.none
    %166 = "torch.constant.none"() : () -> !torch.none
    %167 = "torch.constant.none"() : () -> !torch.none
    %168 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %169 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %170 = "torch.aten.full_like"(%158, %164, %165, %166, %167, %168, %169) : (!torch.vtensor<[64,4,4,4],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.int) -> !torch.vtensor<[64,4,4,4],f32>
    %171 = "torch.aten.where.self"(%163, %170, %158) : (!torch.vtensor<[64,4,4,1],i1>, !torch.vtensor<[64,4,4,4],f32>, !torch.vtensor<[64,4,4,4],f32>) -> !torch.vtensor<[64,4,4,4],f32>
    %172 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %173 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %174 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %175 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %176 = "torch.prim.ListConstruct"(%172, %173, %174, %175) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %177 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %178 = "torch.aten.expand"(%171, %176, %177) : (!torch.vtensor<[64,4,4,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4,4],f32>
    %179 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %180 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %181 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %182 = "torch.prim.ListConstruct"(%179, %180, %181) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %183 = "torch.aten.view"(%178, %182) : (!torch.vtensor<[64,4,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,4],f32>
    %184 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %185 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %186 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %187 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %188 = "torch.prim.ListConstruct"(%184, %185, %186, %187) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %189 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %190 = "torch.aten.expand"(%91, %188, %189) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4,16],f32>
    %191 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %192 = "torch.aten.clone"(%190, %191) : (!torch.vtensor<[64,4,4,16],f32>, !torch.int) -> !torch.vtensor<[64,4,4,16],f32>
    %193 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %194 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %195 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %196 = "torch.prim.ListConstruct"(%193, %194, %195) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %197 = "torch.aten.view"(%192, %196) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %198 = "torch.aten.bmm"(%183, %197) : (!torch.vtensor<[256,4,4],f32>, !torch.vtensor<[256,4,16],f32>) -> !torch.vtensor<[256,4,16],f32>
    %199 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %200 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %201 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %202 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %203 = "torch.prim.ListConstruct"(%199, %200, %201, %202) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %204 = "torch.aten.view"(%198, %203) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %205 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %206 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %207 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %208 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %209 = "torch.prim.ListConstruct"(%205, %206, %207, %208) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %210 = "torch.aten.permute"(%204, %209) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,4,16],f32>
    %211 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %212 = "torch.aten.clone"(%210, %211) : (!torch.vtensor<[4,64,4,16],f32>, !torch.int) -> !torch.vtensor<[4,64,4,16],f32>
    %213 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %214 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %215 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %216 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %217 = "torch.prim.ListConstruct"(%213, %214, %215, %216) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %218 = "torch.aten.permute"(%212, %217) : (!torch.vtensor<[4,64,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %219 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %220 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %221 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %222 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %223 = "torch.prim.ListConstruct"(%219, %220, %221, %222) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %224 = "torch.aten.permute"(%218, %223) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %225 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %226 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %227 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %228 = "torch.prim.ListConstruct"(%225, %226, %227) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %229 = "torch.aten.view"(%224, %228) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    "func.return"(%229) : (!torch.vtensor<[64,4,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
