// The operator schemas under the cldmdf_cudasim namespace: the CUDA code run by
// the SIMT emulator registers its kernels there, for CPU tensors (tests only).
#include <torch/csrc/stable/library.h>

#include "cldmdf/schemas.h"

STABLE_TORCH_LIBRARY(cldmdf_cudasim, m) {
  for (const char* schema : cldmdf::kOperatorSchemas) m.def(schema);
  m.def("cuda_sim_selftest(Tensor like, str name) -> Tensor");  // sim/selftest.cpp
  m.def("cuda_sim_schedule(Tensor like, str order) -> str");
}
