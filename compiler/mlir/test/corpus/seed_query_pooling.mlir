// The corpus model seed_query_pooling (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> 
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,4,64],f32>, !torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,4,64],f32>, %arg1: !torch.vtensor<[64,4],i1>):
    %0 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<1x1x64xf32>}> : () -> !torch.vtensor<[1,1,64],f32>
    %1 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %2 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %3 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %4 = "torch.prim.ListConstruct"(%1, %2, %3) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %5 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %6 = "torch.aten.expand"(%0, %4, %5) : (!torch.vtensor<[1,1,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,1,64],f32>
    %7 = "torch.aten.bitwise_not"(%arg1) : (!torch.vtensor<[64,4],i1>) -> !torch.vtensor<[64,4],i1>
    %8 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %9 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %10 = "torch.constant.none"() : () -> !torch.none
    %11 = "torch.constant.none"() : () -> !torch.none
    %12 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %13 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %14 = "torch.aten.full_like"(%7, %8, %9, %10, %11, %12, %13) : (!torch.vtensor<[64,4],i1>, !torch.int, !torch.int, !torch.none, !torch.none, !torch.bool, !torch.int) -> !torch.vtensor<[64,4],f32>
    %15 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %16 = "torch.constant.int"() <{value = 6 : i64}> : () -> !torch.int
    %17 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %18 = "torch.constant.device"() <{value = "cpu"}> : () -> !torch.Device
    %19 = "torch.constant.none"() : () -> !torch.none
    %20 = "torch.aten.scalar_tensor"(%15, %16, %17, %18, %19) : (!torch.float, !torch.int, !torch.int, !torch.Device, !torch.none) -> !torch.vtensor<[],f32>
    %21 = "torch.aten.where.self"(%7, %20, %14) : (!torch.vtensor<[64,4],i1>, !torch.vtensor<[],f32>, !torch.vtensor<[64,4],f32>) -> !torch.vtensor<[64,4],f32>
    %22 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %23 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %24 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %25 = "torch.prim.ListConstruct"(%22, %23, %24) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %26 = "torch.aten.permute"(%6, %25) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,64],f32>
    %27 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %28 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %29 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %30 = "torch.prim.ListConstruct"(%27, %28, %29) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %31 = "torch.aten.permute"(%arg0, %30) : (!torch.vtensor<[64,4,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,64],f32>
    %32 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<192x64xf32>}> : () -> !torch.vtensor<[192,64],f32>
    %33 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %34 = "torch.constant.int"() <{value = 128 : i64}> : () -> !torch.int
    %35 = "torch.prim.ListConstruct"(%33, %34) : (!torch.int, !torch.int) -> !torch.list<int>
    %36 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %37 = "torch.aten.split_with_sizes"(%32, %35, %36) : (!torch.vtensor<[192,64],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
    %38:2 = "torch.prim.ListUnpack"(%37) : (!torch.list<vtensor>) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[128,64],f32>)
    %39 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<192xf32>}> : () -> !torch.vtensor<[192],f32>
    %40 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %41 = "torch.constant.int"() <{value = 128 : i64}> : () -> !torch.int
    %42 = "torch.prim.ListConstruct"(%40, %41) : (!torch.int, !torch.int) -> !torch.list<int>
    %43 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %44 = "torch.aten.split_with_sizes"(%39, %42, %43) : (!torch.vtensor<[192],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
    %45:2 = "torch.prim.ListUnpack"(%44) : (!torch.list<vtensor>) -> (!torch.vtensor<[64],f32>, !torch.vtensor<[128],f32>)
    %46 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %47 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %48 = "torch.prim.ListConstruct"(%46, %47) : (!torch.int, !torch.int) -> !torch.list<int>
    %49 = "torch.aten.permute"(%38#0, %48) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %50 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %51 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %52 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %53 = "torch.prim.ListConstruct"(%50, %51, %52) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %54 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %55 = "torch.aten.expand"(%26, %53, %54) : (!torch.vtensor<[1,64,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[1,64,64],f32>
    %56 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %57 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %58 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %59 = "torch.prim.ListConstruct"(%56, %57, %58) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %60 = "torch.aten.view"(%55, %59) : (!torch.vtensor<[1,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,64],f32>
    %61 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %62 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %63 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %64 = "torch.prim.ListConstruct"(%61, %62, %63) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %65 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %66 = "torch.aten.expand"(%49, %64, %65) : (!torch.vtensor<[64,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[1,64,64],f32>
    %67 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %68 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %69 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %70 = "torch.prim.ListConstruct"(%67, %68, %69) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %71 = "torch.aten.view"(%66, %70) : (!torch.vtensor<[1,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,64],f32>
    %72 = "torch.aten.bmm"(%60, %71) : (!torch.vtensor<[1,64,64],f32>, !torch.vtensor<[1,64,64],f32>) -> !torch.vtensor<[1,64,64],f32>
    %73 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %74 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %75 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %76 = "torch.prim.ListConstruct"(%73, %74, %75) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %77 = "torch.aten.view"(%72, %76) : (!torch.vtensor<[1,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,64],f32>
    %78 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %79 = "torch.aten.add.Tensor"(%77, %45#0, %78) : (!torch.vtensor<[1,64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[1,64,64],f32>
    %80 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %81 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %82 = "torch.prim.ListConstruct"(%80, %81) : (!torch.int, !torch.int) -> !torch.list<int>
    %83 = "torch.aten.permute"(%38#1, %82) : (!torch.vtensor<[128,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,128],f32>
    %84 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %85 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %86 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %87 = "torch.prim.ListConstruct"(%84, %85, %86) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %88 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %89 = "torch.aten.expand"(%31, %87, %88) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[4,64,64],f32>
    %90 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %91 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %92 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %93 = "torch.prim.ListConstruct"(%90, %91, %92) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %94 = "torch.aten.view"(%89, %93) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,64],f32>
    %95 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %96 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %97 = "torch.constant.int"() <{value = 128 : i64}> : () -> !torch.int
    %98 = "torch.prim.ListConstruct"(%95, %96, %97) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %99 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %100 = "torch.aten.expand"(%83, %98, %99) : (!torch.vtensor<[64,128],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[4,64,128],f32>
    %101 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %102 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %103 = "torch.constant.int"() <{value = 128 : i64}> : () -> !torch.int
    %104 = "torch.prim.ListConstruct"(%101, %102, %103) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %105 = "torch.aten.view"(%100, %104) : (!torch.vtensor<[4,64,128],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,128],f32>
    %106 = "torch.aten.bmm"(%94, %105) : (!torch.vtensor<[4,64,64],f32>, !torch.vtensor<[4,64,128],f32>) -> !torch.vtensor<[4,64,128],f32>
    %107 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %108 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %109 = "torch.constant.int"() <{value = 128 : i64}> : () -> !torch.int
    %110 = "torch.prim.ListConstruct"(%107, %108, %109) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %111 = "torch.aten.view"(%106, %110) : (!torch.vtensor<[4,64,128],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,128],f32>
    %112 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %113 = "torch.aten.add.Tensor"(%111, %45#1, %112) : (!torch.vtensor<[4,64,128],f32>, !torch.vtensor<[128],f32>, !torch.int) -> !torch.vtensor<[4,64,128],f32>
    %114 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %115 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %116 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %117 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %118 = "torch.prim.ListConstruct"(%114, %115, %116, %117) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %119 = "torch.aten.view"(%113, %118) : (!torch.vtensor<[4,64,128],f32>, !torch.list<int>) -> !torch.vtensor<[4,64,2,64],f32>
    %120 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %121 = "torch.aten.unsqueeze"(%119, %120) : (!torch.vtensor<[4,64,2,64],f32>, !torch.int) -> !torch.vtensor<[1,4,64,2,64],f32>
    %122 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %123 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %124 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %125 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %126 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %127 = "torch.prim.ListConstruct"(%122, %123, %124, %125, %126) : (!torch.int, !torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %128 = "torch.aten.permute"(%121, %127) : (!torch.vtensor<[1,4,64,2,64],f32>, !torch.list<int>) -> !torch.vtensor<[2,4,64,1,64],f32>
    %129 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %130 = "torch.prim.ListConstruct"(%129) : (!torch.int) -> !torch.list<int>
    %131 = "torch.prims.squeeze"(%128, %130) : (!torch.vtensor<[2,4,64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[2,4,64,64],f32>
    %132 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %133 = "torch.aten.clone"(%131, %132) : (!torch.vtensor<[2,4,64,64],f32>, !torch.int) -> !torch.vtensor<[2,4,64,64],f32>
    %134 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %135 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %136 = "torch.aten.select.int"(%133, %134, %135) : (!torch.vtensor<[2,4,64,64],f32>, !torch.int, !torch.int) -> !torch.vtensor<[4,64,64],f32>
    %137 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %138 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %139 = "torch.aten.select.int"(%133, %137, %138) : (!torch.vtensor<[2,4,64,64],f32>, !torch.int, !torch.int) -> !torch.vtensor<[4,64,64],f32>
    %140 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %141 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %142 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %143 = "torch.prim.ListConstruct"(%140, %141, %142) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %144 = "torch.aten.view"(%79, %143) : (!torch.vtensor<[1,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[1,256,16],f32>
    %145 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %146 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %147 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %148 = "torch.prim.ListConstruct"(%145, %146, %147) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %149 = "torch.aten.permute"(%144, %148) : (!torch.vtensor<[1,256,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,1,16],f32>
    %150 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %151 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %152 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %153 = "torch.prim.ListConstruct"(%150, %151, %152) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %154 = "torch.aten.view"(%136, %153) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,256,16],f32>
    %155 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %156 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %157 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %158 = "torch.prim.ListConstruct"(%155, %156, %157) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %159 = "torch.aten.permute"(%154, %158) : (!torch.vtensor<[4,256,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %160 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %161 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %162 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %163 = "torch.prim.ListConstruct"(%160, %161, %162) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %164 = "torch.aten.view"(%139, %163) : (!torch.vtensor<[4,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[4,256,16],f32>
    %165 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %166 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %167 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %168 = "torch.prim.ListConstruct"(%165, %166, %167) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %169 = "torch.aten.permute"(%164, %168) : (!torch.vtensor<[4,256,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %170 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %171 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %172 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %173 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %174 = "torch.prim.ListConstruct"(%170, %171, %172, %173) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %175 = "torch.aten.view"(%21, %174) : (!torch.vtensor<[64,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,1,4],f32>
    %176 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %177 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %178 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %179 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %180 = "torch.prim.ListConstruct"(%176, %177, %178, %179) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %181 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %182 = "torch.aten.expand"(%175, %180, %181) : (!torch.vtensor<[64,1,1,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,1,4],f32>
    %183 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %184 = "torch.aten.clone"(%182, %183) : (!torch.vtensor<[64,4,1,4],f32>, !torch.int) -> !torch.vtensor<[64,4,1,4],f32>
    %185 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %186 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %187 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %188 = "torch.prim.ListConstruct"(%185, %186, %187) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %189 = "torch.aten.view"(%184, %188) : (!torch.vtensor<[64,4,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[256,1,4],f32>
    %190 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %191 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %192 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %193 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %194 = "torch.prim.ListConstruct"(%190, %191, %192, %193) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %195 = "torch.aten.view"(%189, %194) : (!torch.vtensor<[256,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,4],f32>
    %196 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %197 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %198 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %199 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %200 = "torch.prim.ListConstruct"(%196, %197, %198, %199) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %201 = "torch.aten.view"(%149, %200) : (!torch.vtensor<[256,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,16],f32>
    %202 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %203 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %204 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %205 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %206 = "torch.prim.ListConstruct"(%202, %203, %204, %205) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %207 = "torch.aten.view"(%159, %206) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %208 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %209 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %210 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %211 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %212 = "torch.prim.ListConstruct"(%208, %209, %210, %211) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %213 = "torch.aten.view"(%169, %212) : (!torch.vtensor<[256,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,4,16],f32>
    %214 = "torch.constant.float"() <{value = 5.000000e-01 : f64}> : () -> !torch.float
    %215 = "torch.aten.mul.Scalar"(%201, %214) : (!torch.vtensor<[64,4,1,16],f32>, !torch.float) -> !torch.vtensor<[64,4,1,16],f32>
    %216 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %217 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %218 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %219 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %220 = "torch.prim.ListConstruct"(%216, %217, %218, %219) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %221 = "torch.aten.permute"(%207, %220) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,16,4],f32>
    %222 = "torch.constant.float"() <{value = 5.000000e-01 : f64}> : () -> !torch.float
    %223 = "torch.aten.mul.Scalar"(%221, %222) : (!torch.vtensor<[64,4,16,4],f32>, !torch.float) -> !torch.vtensor<[64,4,16,4],f32>
    %224 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %225 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %226 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %227 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %228 = "torch.prim.ListConstruct"(%224, %225, %226, %227) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %229 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %230 = "torch.aten.expand"(%215, %228, %229) : (!torch.vtensor<[64,4,1,16],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,1,16],f32>
    %231 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %232 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %233 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %234 = "torch.prim.ListConstruct"(%231, %232, %233) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %235 = "torch.aten.view"(%230, %234) : (!torch.vtensor<[64,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,1,16],f32>
    %236 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %237 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %238 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %239 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %240 = "torch.prim.ListConstruct"(%236, %237, %238, %239) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %241 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %242 = "torch.aten.expand"(%223, %240, %241) : (!torch.vtensor<[64,4,16,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,16,4],f32>
    %243 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %244 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %245 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %246 = "torch.prim.ListConstruct"(%243, %244, %245) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %247 = "torch.aten.view"(%242, %246) : (!torch.vtensor<[64,4,16,4],f32>, !torch.list<int>) -> !torch.vtensor<[256,16,4],f32>
    %248 = "torch.aten.bmm"(%235, %247) : (!torch.vtensor<[256,1,16],f32>, !torch.vtensor<[256,16,4],f32>) -> !torch.vtensor<[256,1,4],f32>
    %249 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %250 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %251 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %252 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %253 = "torch.prim.ListConstruct"(%249, %250, %251, %252) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %254 = "torch.aten.view"(%248, %253) : (!torch.vtensor<[256,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,4],f32>
    %255 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %256 = "torch.aten.add.Tensor"(%254, %195, %255) : (!torch.vtensor<[64,4,1,4],f32>, !torch.vtensor<[64,4,1,4],f32>, !torch.int) -> !torch.vtensor<[64,4,1,4],f32>
    %257 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %258 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %259 = "torch.aten._softmax"(%256, %257, %258) : (!torch.vtensor<[64,4,1,4],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,1,4],f32>
    %260 = "torch.constant.float"() <{value = 0xFFF0000000000000 : f64}> : () -> !torch.float
    %261 = "torch.aten.eq.Scalar"(%256, %260) : (!torch.vtensor<[64,4,1,4],f32>, !torch.float) -> !torch.vtensor<[64,4,1,4],i1>
    %262 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %263 = "torch.constant.bool"() <{value = true}> : () -> !torch.bool
    %264 = "torch.aten.all.dim"(%261, %262, %263) : (!torch.vtensor<[64,4,1,4],i1>, !torch.int, !torch.bool) -> !torch.vtensor<[64,4,1,1],i1>
    %265 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %266 = "torch.constant.none"() : () -> !torch.none
    %267 = "torch.constant.none"() : () -> !torch.none
    %268 = "torch.constant.none"() : () -> !torch.none
    %269 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %270 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %271 = "torch.aten.full_like"(%259, %265, %266, %267, %268, %269, %270) : (!torch.vtensor<[64,4,1,4],f32>, !torch.int, !torch.none, !torch.none, !torch.none, !torch.bool, !torch.int) -> !torch.vtensor<[64,4,1,4],f32>
    %272 = "torch.aten.where.self"(%264, %271, %259) : (!torch.vtensor<[64,4,1,1],i1>, !torch.vtensor<[64,4,1,4],f32>, !torch.vtensor<[64,4,1,4],f32>) -> !torch.vtensor<[64,4,1,4],f32>
    %273 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %274 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %275 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %276 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %277 = "torch.prim.ListConstruct"(%273, %274, %275, %276) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %278 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %279 = "torch.aten.expand"(%272, %277, %278) : (!torch.vtensor<[64,4,1,4],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,1,4],f32>
    %280 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %281 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %282 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %283 = "torch.prim.ListConstruct"(%280, %281, %282) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %284 = "torch.aten.view"(%279, %283) : (!torch.vtensor<[64,4,1,4],f32>, !torch.list<int>) -> !torch.vtensor<[256,1,4],f32>
    %285 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %286 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %287 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %288 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %289 = "torch.prim.ListConstruct"(%285, %286, %287, %288) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %290 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %291 = "torch.aten.expand"(%213, %289, %290) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>, !torch.bool) -> !torch.vtensor<[64,4,4,16],f32>
    %292 = "torch.constant.int"() <{value = 256 : i64}> : () -> !torch.int
    %293 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %294 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %295 = "torch.prim.ListConstruct"(%292, %293, %294) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %296 = "torch.aten.view"(%291, %295) : (!torch.vtensor<[64,4,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[256,4,16],f32>
    %297 = "torch.aten.bmm"(%284, %296) : (!torch.vtensor<[256,1,4],f32>, !torch.vtensor<[256,4,16],f32>) -> !torch.vtensor<[256,1,16],f32>
    %298 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %299 = "torch.constant.int"() <{value = 4 : i64}> : () -> !torch.int
    %300 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %301 = "torch.constant.int"() <{value = 16 : i64}> : () -> !torch.int
    %302 = "torch.prim.ListConstruct"(%298, %299, %300, %301) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %303 = "torch.aten.view"(%297, %302) : (!torch.vtensor<[256,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,16],f32>
    %304 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %305 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %306 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %307 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %308 = "torch.prim.ListConstruct"(%304, %305, %306, %307) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %309 = "torch.aten.permute"(%303, %308) : (!torch.vtensor<[64,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,4,16],f32>
    %310 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %311 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %312 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %313 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %314 = "torch.prim.ListConstruct"(%310, %311, %312, %313) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %315 = "torch.aten.permute"(%309, %314) : (!torch.vtensor<[1,64,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,4,1,16],f32>
    %316 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %317 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %318 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %319 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %320 = "torch.prim.ListConstruct"(%316, %317, %318, %319) : (!torch.int, !torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %321 = "torch.aten.permute"(%315, %320) : (!torch.vtensor<[64,4,1,16],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,4,16],f32>
    %322 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %323 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %324 = "torch.prim.ListConstruct"(%322, %323) : (!torch.int, !torch.int) -> !torch.list<int>
    %325 = "torch.aten.view"(%321, %324) : (!torch.vtensor<[1,64,4,16],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %326 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64x64xf32>}> : () -> !torch.vtensor<[64,64],f32>
    %327 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %328 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %329 = "torch.prim.ListConstruct"(%327, %328) : (!torch.int, !torch.int) -> !torch.list<int>
    %330 = "torch.aten.permute"(%326, %329) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %331 = "torch.aten.mm"(%325, %330) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %332 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %333 = "torch.aten.mul.Scalar"(%331, %332) : (!torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %334 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<64xf32>}> : () -> !torch.vtensor<[64],f32>
    %335 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %336 = "torch.aten.mul.Scalar"(%334, %335) : (!torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64],f32>
    %337 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %338 = "torch.aten.add.Tensor"(%333, %336, %337) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %339 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %340 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %341 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %342 = "torch.prim.ListConstruct"(%339, %340, %341) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %343 = "torch.aten.view"(%338, %342) : (!torch.vtensor<[64,64],f32>, !torch.list<int>) -> !torch.vtensor<[1,64,64],f32>
    %344 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %345 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %346 = "torch.constant.int"() <{value = 2 : i64}> : () -> !torch.int
    %347 = "torch.prim.ListConstruct"(%344, %345, %346) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %348 = "torch.aten.permute"(%343, %347) : (!torch.vtensor<[1,64,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,1,64],f32>
    %349 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %350 = "torch.prim.ListConstruct"(%349) : (!torch.int) -> !torch.list<int>
    %351 = "torch.prims.squeeze"(%348, %350) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    "func.return"(%351) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
