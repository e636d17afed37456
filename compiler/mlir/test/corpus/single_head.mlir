// The corpus model single_head (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.dual_attention"}> : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4,64],f32>, !torch.none, !torch.int, !torch.float, !torch.bool) -> (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[0],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse dual_attention 
// GONE-NOT: "torch.aten._softmax"
// GONE-NOT: "torch.aten.bmm"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>):
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
    %50 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %51 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %52 = "torch.prim.ListConstruct"(%50, %51) : (!torch.int, !torch.int) -> !torch.list<int>
    %53 = "torch.aten.view"(%arg0, %52) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[256,64],f32>
    %54 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %55 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %56 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %57 = "torch.prim.ListConstruct"(%55, %56) : (!torch.int, !torch.int) -> !torch.list<int>
    %58 = "torch.aten.permute"(%54, %57) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %59 = "torch.aten.mm"(%53, %58) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[256,64],f32>
    %60 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %61 = "torch.aten.mul.Scalar"(%59, %60) : (!torch.vtensor<[256,64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %62 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %63 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %64 = "torch.aten.mul.Scalar"(%62, %63) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %65 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %66 = "torch.aten.add.Tensor"(%61, %64, %65) : (!torch.vtensor<[256,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[256,64],f32>
    %67 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %68 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %69 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %70 = "torch.prim.ListConstruct"(%67, %68, %69) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %71 = "torch.aten.view"(%66, %70) : (!torch.vtensor<[256,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %72 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %73 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %74 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %75 = "torch.prim.ListConstruct"(%72, %73, %74) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %76 = "torch.aten.permute"(%71, %75) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64,4],f32>
    %77 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %78 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %79 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %80 = "torch.prim.ListConstruct"(%77, %78, %79) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %81 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %82 = "torch.aten.expand"(%49, %80, %81) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,64],f32>
    %83 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %84 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %85 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %86 = "torch.prim.ListConstruct"(%83, %84, %85) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %87 = "torch.aten.view"(%82, %86) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %88 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %89 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %90 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %91 = "torch.prim.ListConstruct"(%88, %89, %90) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %92 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %93 = "torch.aten.expand"(%76, %91, %92) : (!torch.vtensor<[64,64,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,64,4],f32>
    %94 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %95 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %96 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %97 = "torch.prim.ListConstruct"(%94, %95, %96) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %98 = "torch.aten.view"(%93, %97) : (!torch.vtensor<[64,64,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,64,4],f32>
    %99 = "torch.aten.bmm"(%87, %98) : (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,64,4],f32>) -> !torch.vtensor<[64,4,4],f32>
    %100 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %101 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %102 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %103 = "torch.prim.ListConstruct"(%100, %101, %102) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %104 = "torch.aten.view"(%99, %103) : (!torch.vtensor<[64,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4],f32>
    %105 = "torch.constant.float"() <{value = 1.250000e-01 : f64}> : () -> !torch.float
    %106 = "torch.aten.mul.Scalar"(%104, %105) : (!torch.vtensor<[64,4,4],f32>, !torch.float) -> !torch.vtensor<[64,4,4],f32>
    %107 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %108 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %109 = "torch.aten._softmax"(%106, %107, %108) : (!torch.vtensor<[64,4,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,4],f32>
    %110 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %111 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %112 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %113 = "torch.prim.ListConstruct"(%110, %111, %112) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %114 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %115 = "torch.aten.expand"(%109, %113, %114) : (!torch.vtensor<[64,4,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4],f32>
    %116 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %117 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %118 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %119 = "torch.prim.ListConstruct"(%116, %117, %118) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %120 = "torch.aten.view"(%115, %119) : (!torch.vtensor<[64,4,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4],f32>
    %121 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %122 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %123 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %124 = "torch.prim.ListConstruct"(%121, %122, %123) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %125 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %126 = "torch.aten.expand"(%27, %124, %125) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,64],f32>
    %127 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %128 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %129 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %130 = "torch.prim.ListConstruct"(%127, %128, %129) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %131 = "torch.aten.view"(%126, %130) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    %132 = "torch.aten.bmm"(%120, %131) : (!torch.vtensor<[64,4,4],f32>, !torch.vtensor<[64,4,64],f32>) -> !torch.vtensor<[64,4,64],f32>
    %133 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %134 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %135 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %136 = "torch.prim.ListConstruct"(%133, %134, %135) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %137 = "torch.aten.view"(%132, %136) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,64],f32>
    "func.return"(%137) : (!torch.vtensor<[64,4,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
