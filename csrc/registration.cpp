// The operator schemas of OPS.md, defined once. The backward operators take
// the forward inputs (not its rounded outputs) and recompute the attention
// weights in the accumulation type. Kernels register themselves
// per device next to their code (cpu/*.cpp, cuda/*.cu); fake kernels and
// autograd live in cldmdf/_meta.py and cldmdf/_autograd.py.
#include <torch/csrc/stable/library.h>

#include "cldmdf/schemas.h"

STABLE_TORCH_LIBRARY(cldmdf, m) {
  for (const char* schema : cldmdf::kOperatorSchemas) m.def(schema);
}

#include "cldmdf/cldmdf.h"

extern "C" __attribute__((visibility("default"))) const char* cldmdf_init(void) {
  return "0.1.0";
}
