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

// The version comes from pyproject.toml (its one place), as -DCLDMDF_VERSION=x.y.z from setup.py
// and CMakeLists.txt.
#ifndef CLDMDF_VERSION
#error "CLDMDF_VERSION is not defined: build with setup.py or CMakeLists.txt"
#endif
#define CLDMDF_STRINGIFY_(x) #x
#define CLDMDF_STRINGIFY(x) CLDMDF_STRINGIFY_(x)

extern "C" __attribute__((visibility("default"))) const char* cldmdf_init(void) {
  return CLDMDF_STRINGIFY(CLDMDF_VERSION);
}
