// The corpus model chunked_gate_fusion (static shapes),
// as torch-mlir imports it; written by compiler/mlir/test/generate.py.
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s
// RUN: cldmdf-mlir-opt --cldmdf-fuse="report=-" %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=REPORT
// RUN: cldmdf-mlir-opt --cldmdf-fuse %s | FileCheck %s --check-prefix=GONE

// CHECK: "torch.operator"({{.*}}) <{name = "torch.cldmdf.adaptive_fusion"}> : (!torch.vtensor<[64,3,64],f32>, !torch.vtensor<[64,3,64],f32>, !torch.none, !torch.float, !torch.bool) -> (!torch.vtensor<[64,64],f32>, !torch.vtensor<[0],f32>)
// REPORT: fuse adaptive_fusion 
// GONE-NOT: "torch.aten._softmax"

"builtin.module"() ({
  "func.func"() <{function_type = (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>, sym_name = "main"}> ({
  ^bb0(%arg0: !torch.vtensor<[64,64],f32>, %arg1: !torch.vtensor<[64,64],f32>, %arg2: !torch.vtensor<[64,64],f32>):
    %0 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s15"}> : () -> !torch.int
    %1 = "torch.symbolic_int"() <{max_val = 9223372036854775807 : i64, min_val = 2 : i64, symbol_name = "s3"}> : () -> !torch.int
    %2 = "torch.prim.ListConstruct"(%arg0, %arg1, %arg2) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.list<vtensor>
    %3 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %4 = "torch.aten.cat"(%2, %3) : (!torch.list<vtensor>, !torch.int) -> !torch.vtensor<[64,192],f32>
    %5 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<192x192xf32>}> : () -> !torch.vtensor<[192,192],f32>
    %6 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %7 = "torch.constant.int"() <{value = 0 : i64}> : () -> !torch.int
    %8 = "torch.prim.ListConstruct"(%6, %7) : (!torch.int, !torch.int) -> !torch.list<int>
    %9 = "torch.aten.permute"(%5, %8) : (!torch.vtensor<[192,192],f32>, !torch.list<int>) -> !torch.vtensor<[192,192],f32>
    %10 = "torch.aten.mm"(%4, %9) : (!torch.vtensor<[64,192],f32>, !torch.vtensor<[192,192],f32>) -> !torch.vtensor<[64,192],f32>
    %11 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %12 = "torch.aten.mul.Scalar"(%10, %11) : (!torch.vtensor<[64,192],f32>, !torch.int) -> !torch.vtensor<[64,192],f32>
    %13 = "torch.vtensor.literal"() <{value = dense<0.000000e+00> : tensor<192xf32>}> : () -> !torch.vtensor<[192],f32>
    %14 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %15 = "torch.aten.mul.Scalar"(%13, %14) : (!torch.vtensor<[192],f32>, !torch.int) -> !torch.vtensor<[192],f32>
    %16 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %17 = "torch.aten.add.Tensor"(%12, %15, %16) : (!torch.vtensor<[64,192],f32>, !torch.vtensor<[192],f32>, !torch.int) -> !torch.vtensor<[64,192],f32>
    %18 = "torch.constant.int"() <{value = -1 : i64}> : () -> !torch.int
    %19 = "torch.constant.int"() <{value = 3 : i64}> : () -> !torch.int
    %20 = "torch.constant.int"() <{value = 64 : i64}> : () -> !torch.int
    %21 = "torch.prim.ListConstruct"(%18, %19, %20) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %22 = "torch.aten.view"(%17, %21) : (!torch.vtensor<[64,192],f32>, !torch.list<int>) -> !torch.vtensor<[64,3,64],f32>
    %23 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %24 = "torch.constant.bool"() <{value = false}> : () -> !torch.bool
    %25 = "torch.aten._softmax"(%22, %23, %24) : (!torch.vtensor<[64,3,64],f32>, !torch.int, !torch.bool) -> !torch.vtensor<[64,3,64],f32>
    %26 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %27 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %28 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %29 = "torch.prim.ListConstruct"(%26, %27, %28) : (!torch.int, !torch.int, !torch.int) -> !torch.list<int>
    %30 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %31 = "torch.aten.split_with_sizes"(%25, %29, %30) : (!torch.vtensor<[64,3,64],f32>, !torch.list<int>, !torch.int) -> !torch.list<vtensor>
    %32:3 = "torch.prim.ListUnpack"(%31) : (!torch.list<vtensor>) -> (!torch.vtensor<[64,1,64],f32>, !torch.vtensor<[64,1,64],f32>, !torch.vtensor<[64,1,64],f32>)
    %33 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %34 = "torch.prim.ListConstruct"(%33) : (!torch.int) -> !torch.list<int>
    %35 = "torch.prims.squeeze"(%32#0, %34) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %36 = "torch.aten.mul.Tensor"(%35, %arg0) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %37 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %38 = "torch.prim.ListConstruct"(%37) : (!torch.int) -> !torch.list<int>
    %39 = "torch.prims.squeeze"(%32#1, %38) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %40 = "torch.aten.mul.Tensor"(%39, %arg1) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %41 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %42 = "torch.aten.add.Tensor"(%36, %40, %41) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    %43 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %44 = "torch.prim.ListConstruct"(%43) : (!torch.int) -> !torch.list<int>
    %45 = "torch.prims.squeeze"(%32#2, %44) : (!torch.vtensor<[64,1,64],f32>, !torch.list<int>) -> !torch.vtensor<[64,64],f32>
    %46 = "torch.aten.mul.Tensor"(%45, %arg2) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>) -> !torch.vtensor<[64,64],f32>
    %47 = "torch.constant.int"() <{value = 1 : i64}> : () -> !torch.int
    %48 = "torch.aten.add.Tensor"(%42, %46, %47) : (!torch.vtensor<[64,64],f32>, !torch.vtensor<[64,64],f32>, !torch.int) -> !torch.vtensor<[64,64],f32>
    "func.return"(%48) : (!torch.vtensor<[64,64],f32>) -> ()
  }) : () -> ()
}) : () -> ()
