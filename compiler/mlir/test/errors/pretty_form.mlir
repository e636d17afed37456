// torch-mlir's custom (pretty) form: the torch dialect is not registered in cldmdf-mlir-opt,
// so the error says to print the generic form.
// RUN: not cldmdf-mlir-opt --cldmdf-fuse %s 2>&1 | FileCheck %s
// CHECK: pretty_form.mlir:[[# @LINE + 4]]:{{[0-9]+}}: error: Dialect `torch' not found for custom op 'torch.aten.mm'{{.*}}print_generic_op_form=True
// CHECK-NOT: error
module {
  func.func @main(%a: !torch.vtensor<[4,4],f32>) -> !torch.vtensor<[4,4],f32> {
    %0 = torch.aten.mm %a, %a : !torch.vtensor<[4,4],f32>, !torch.vtensor<[4,4],f32> -> !torch.vtensor<[4,4],f32>
    return %0 : !torch.vtensor<[4,4],f32>
  }
}
