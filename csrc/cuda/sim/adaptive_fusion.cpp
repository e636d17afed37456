// The CUDA kernels and host code of ../adaptive_fusion.cu compiled as C++ for the SIMT
// emulator (sim/cuda_sim.h); see tests/cuda_sim.py.
#include "../adaptive_fusion.cu"
