// The CUDA kernels and host code of ../centroid_loss_tiles.cu compiled as C++ for the SIMT
// emulator (sim/cuda_sim.h); see tests/cuda_sim.py.
#include "../centroid_loss_tiles.cu"
