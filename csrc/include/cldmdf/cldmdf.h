// The C++ entry point of the cldmdf operator library.
//
// The operators (cldmdf::dual_attention, cldmdf::adaptive_fusion,
// cldmdf::centroid_contrastive_loss and their backward operators) register
// themselves with the dispatcher when the library is loaded. A program that
// uses them only through a TorchScript module or an AOTInductor package
// references none of the library's symbols, so a linker running with
// --as-needed drops it, and loading the model then fails with "Unknown builtin
// op: cldmdf::...". Either call cldmdf_init() once (the reference keeps the
// library linked) or link it with -Wl,--no-as-needed.
#pragma once

#ifdef __cplusplus
extern "C" {
#endif

// Returns the library's version ("0.1.0"); the operators are registered once
// this can be called.
const char* cldmdf_init(void);

#ifdef __cplusplus
}
#endif
