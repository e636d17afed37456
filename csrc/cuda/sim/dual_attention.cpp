// The CUDA kernels and host code of ../dual_attention.cu compiled as C++ for the SIMT
// emulator (sim/cuda_sim.h); see tests/cuda_sim.py.
#include "../dual_attention.cu"
