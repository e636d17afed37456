// The corpus model sequence_first_attention (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.dual_attention"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>, !torch.int, !torch.float, !torch.bool) -> (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[0],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse dual_attention 
// GONE-NOT: "torch.aten._softmax"
// GONE-NOT: "torch.aten.bmm"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[4,64,64],f32>, !torch.vtensor<[64,4],i1>) -> !torch.vtensor<[4,64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[4,64,64],f32>, %arg1: !torch.vtensor<[64,4],i1>):
    %0 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %1 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %2 = "torch.prim.ListConstruct"(%0, %1) : (!torch.int, !torch.int) -> !torch.list<int>
    %3 = "torch.aten.view"(%arg0, %2) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
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
    %17 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %18 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %19 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %20 = "torch.prim.ListConstruct"(%17, %18, %19) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %21 = "torch.aten.view"(%16, %20) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,64],f32>
    %22 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %23 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %24 = "torch.aten._softmax"(%21, %22, %23) : (!torch.vtensor<[4,64,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[4,64,64],f32>
    %25 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %26 = "torch.aten.mul.Scalar"(%24, %25) : (!torch.vtensor<[4,64,64],f32>, !torch.int) -> !torch.vtensor<[4,64,64],f32>
    %27 = "torch.aten.mul.Tensor"(%26, %arg0) : (!torch.vtensor<[4,64,64],f32>, !torch.vtensor<[4,64,64],f32>) -> !torch.vtensor<[4,64,64],f32>
    %28 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %29 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %30 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %31 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %32 = "torch.prim.ListConstruct"(%28, %29, %30, %31) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %33 = "torch.aten.view"(%27, %32) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,4,16],f32>
    %34 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %35 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %36 = "torch.prim.ListConstruct"(%34, %35) : (!torch.int, !torch.int) -> !torch.list<int>
    %37 = "torch.aten.view"(%arg0, %36) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %38 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %39 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %40 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %41 = "torch.prim.ListConstruct"(%39, %40) : (!torch.int, !torch.int) -> !torch.list<int>
    %42 = "torch.aten.permute"(%38, %41) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %43 = "torch.aten.mm"(%37, %42) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %44 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %45 = "torch.aten.mul.Scalar"(%43, %44) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %46 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %47 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %48 = "torch.aten.mul.Scalar"(%46, %47) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %49 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %50 = "torch.aten.add.Tensor"(%45, %48, %49) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %51 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %52 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %53 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %54 = "torch.prim.ListConstruct"(%51, %52, %53) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %55 = "torch.aten.view"(%50, %54) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,64],f32>
    %56 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %59 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %60 = "torch.prim.ListConstruct"(%56, %57, %58, %59) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %61 = "torch.aten.view"(%55, %60) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,4,16],f32>
    %62 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %63 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %64 = "torch.prim.ListConstruct"(%62, %63) : (!torch.int, !torch.int) -> !torch.list<int>
    %65 = "torch.aten.view"(%arg0, %64) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
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
    %79 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %80 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %81 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %82 = "torch.prim.ListConstruct"(%79, %80, %81) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %83 = "torch.aten.view"(%78, %82) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,64],f32>
    %84 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %85 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %86 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %87 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %88 = "torch.prim.ListConstruct"(%84, %85, %86, %87) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %89 = "torch.aten.view"(%83, %88) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,4,16],f32>
    %90 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %91 = "torch.aten.unsqueeze"(%61, %90) : (!torch.vtensor<[4,64,4,16],f32>, !torch.int) -> !torch.vtensor<[4,64,4,16,1],f32>
    %92 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %93 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %94 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %95 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %96 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %97 = "torch.prim.ListConstruct"(%92, %93, %94, %95, %96) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %98 = "torch.aten.permute"(%91, %97) : (!torch.vtensor<[4,64,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,1,16],f32>
    %99 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %100 = "torch.aten.unsqueeze"(%89, %99) : (!torch.vtensor<[4,64,4,16],f32>, !torch.int) -> !torch.vtensor<[4,64,4,16,1],f32>
    %101 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %102 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %103 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %104 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %105 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %106 = "torch.prim.ListConstruct"(%101, %102, %103, %104, %105) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %107 = "torch.aten.permute"(%100, %106) : (!torch.vtensor<[4,64,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,4,16],f32>
    %108 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %109 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %110 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %111 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %112 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %113 = "torch.prim.ListConstruct"(%108, %109, %110, %111, %112) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %114 = "torch.aten.permute"(%98, %113) : (!torch.vtensor<[64,4,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16,1],f32>
    %115 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %116 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %117 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %118 = "torch.prim.ListConstruct"(%115, %116, %117) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %119 = "torch.aten.view"(%114, %118) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %120 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %121 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %122 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %123 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %124 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %125 = "torch.prim.ListConstruct"(%120, %121, %122, %123, %124) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %126 = "torch.aten.permute"(%107, %125) : (!torch.vtensor<[64,4,1,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,16,4,1],f32>
    %127 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %128 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %129 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %130 = "torch.prim.ListConstruct"(%127, %128, %129) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %131 = "torch.aten.view"(%126, %130) : (!torch.vtensor<[64,4,16,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[256,16,4],f32>
    %132 = "torch.aten.bmm"(%119, %131) : (!torch.vtensor<[256,4,16],f32>, !torch.vtensor<[256,16,4],f32>) -> !torch.vtensor<[256,4,4],f32>
    %133 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %134 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %135 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %136 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %137 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %138 = "torch.prim.ListConstruct"(%133, %134, %135, %136, %137) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %139 = "torch.aten.view"(%132, %138) : (!torch.vtensor<[256,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,1,4],f32>
    %140 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %141 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %142 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %143 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %144 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %145 = "torch.prim.ListConstruct"(%140, %141, %142, %143, %144) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %146 = "torch.aten.permute"(%139, %145) : (!torch.vtensor<[64,4,4,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,4,1],f32>
    %147 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %148 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %149 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %150 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %151 = "torch.prim.ListConstruct"(%147, %148, %149, %150) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %152 = "torch.aten.view"(%146, %151) : (!torch.vtensor<[64,4,4,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,4],f32>
    %153 = "torch.constant.float"() <{value = 2.500000e-01 : f64}> : () -> !torch.float
    %154 = "torch.aten.mul.Scalar"(%152, %153) : (!torch.vtensor<[64,4,4,4],f32>, !torch.float) -> !torch.vtensor<[64,4,4,4],f32>
    %155 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %156 = "torch.aten.unsqueeze"(%arg1, %155) : (!torch.vtensor<[64,4],i1>, !torch.int) -> !torch.vtensor<[64,1,4],i1>
    %157 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %158 = "torch.aten.unsqueeze"(%156, %157) : (!torch.vtensor<[64,1,4],i1>, !torch.int) -> !torch.vtensor<[64,1,1,4],i1>
    %159 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %160 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %161 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %162 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %163 = "torch.constant.none"() : () -> !torch.none
    %164 = "torch.aten.scalar_tensor"(%159, %160, %161, %162, %163) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %165 = "torch.aten.where.self"(%158, %164, %154) : (!torch.vtensor<[64,1,1,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,4,4,4],f32>) -> !torch.vtensor<[64,4,4,4],f32>
    %166 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %167 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %168 = "torch.aten._softmax"(%165, %166, %167) : (!torch.vtensor<[64,4,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,4,4],f32>
    %169 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %170 = "torch.aten.unsqueeze"(%168, %169) : (!torch.vtensor<[64,4,4,4],f32>, !torch.int) -> !torch.vtensor<[64,4,4,4,1],f32>
    %171 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %172 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %173 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %174 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %175 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %176 = "torch.prim.ListConstruct"(%171, %172, %173, %174, %175) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %177 = "torch.aten.permute"(%170, %176) : (!torch.vtensor<[64,4,4,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,4,1,4],f32>
    %178 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %179 = "torch.aten.unsqueeze"(%33, %178) : (!torch.vtensor<[4,64,4,16],f32>, !torch.int) -> !torch.vtensor<[4,64,4,16,1],f32>
    %180 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %181 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %182 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %183 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %184 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %185 = "torch.prim.ListConstruct"(%180, %181, %182, %183, %184) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %186 = "torch.aten.permute"(%179, %185) : (!torch.vtensor<[4,64,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,4,16,4],f32>
    %187 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %188 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %189 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %190 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %191 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %192 = "torch.prim.ListConstruct"(%187, %188, %189, %190, %191) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %193 = "torch.aten.permute"(%177, %192) : (!torch.vtensor<[4,64,4,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,4,1],f32>
    %194 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %195 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %196 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %197 = "torch.prim.ListConstruct"(%194, %195, %196) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %198 = "torch.aten.view"(%193, %197) : (!torch.vtensor<[64,4,4,4,1],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,4],f32>
    %199 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %200 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %201 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %202 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %203 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %204 = "torch.prim.ListConstruct"(%199, %200, %201, %202, %203) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %205 = "torch.aten.permute"(%186, %204) : (!torch.vtensor<[1,64,4,16,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16,1],f32>
    %206 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %207 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %208 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %209 = "torch.prim.ListConstruct"(%206, %207, %208) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %210 = "torch.aten.view"(%205, %209) : (!torch.vtensor<[64,4,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %211 = "torch.aten.bmm"(%198, %210) : (!torch.vtensor<[256,4,4],f32>, !torch.vtensor<[256,4,16],f32>) -> !torch.vtensor<[256,4,16],f32>
    %212 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %213 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %214 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %215 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %216 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %217 = "torch.prim.ListConstruct"(%212, %213, %214, %215, %216) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %218 = "torch.aten.view"(%211, %217) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,1,16],f32>
    %219 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %220 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %221 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %222 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %223 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %224 = "torch.prim.ListConstruct"(%219, %220, %221, %222, %223) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %225 = "torch.aten.permute"(%218, %224) : (!torch.vtensor<[64,4,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,4,16,1],f32>
    %226 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %227 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %228 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %229 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %230 = "torch.prim.ListConstruct"(%226, %227, %228, %229) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %231 = "torch.aten.view"(%225, %230) : (!torch.vtensor<[4,64,4,16,1],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,4,16],f32>
    %232 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %233 = "torch.aten.clone"(%231, %232) : (!torch.vtensor<[4,64,4,16],f32>, !torch.int) -> !torch.vtensor<[4,64,4,16],f32>
    %234 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %235 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %236 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %237 = "torch.prim.ListConstruct"(%234, %235, %236) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %238 = "torch.aten.view"(%233, %237) : (!torch.vtensor<[4,64,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,64],f32>
    "func.return"(%238) : (!torch.vtensor<[4,64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
