// A SIMT emulator that runs the CUDA kernels of csrc/cuda on the CPU, so the
// test suite exercises them (kernels and their host-side launch sequence) on
// machines without a GPU. Built only for the tests (tests/cuda_sim.py); the
// real build never includes this file.
//
// Every CUDA thread of a block is a fiber on the calling OS thread, scheduled
// round-robin; a fiber runs until it reaches a barrier and yields. A fiber is
// entered the first time through its ucontext and switched with _setjmp /
// _longjmp afterwards (no signal-mask system call per switch).
//  * __syncthreads / __syncwarp: barriers over the block's / warp's threads that
//    have not exited (exited threads no longer count, as on sm_70+).
//  * __shfl_xor_sync: the warp writes its values to slots, meets at the warp
//    barrier, reads its partner's slot, and meets again.
//  * __shared__ variables are `static thread_local`: one copy per OS thread,
//    shared by the fibers of the block running there; dynamic shared memory is
//    a per-launch buffer.
//  * Blocks run one after another; a barrier no thread can pass (divergent
//    __syncthreads) is reported as an error instead of hanging.
//  * Between two barriers the threads run one after another, in ascending or
//    (schedule() = Reverse) descending order: a kernel that reads what another
//    thread writes without a barrier in between gives different results under
//    the two orders, which is how the tests look for missing barriers.
// What it cannot show: speed, races that need real concurrency beyond that,
// and device limits (registers, occupancy).
#pragma once

#include <setjmp.h>
#include <ucontext.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#define __global__
#define __device__
#define __host__
#define __forceinline__ inline
#define __launch_bounds__(...)
#define __shared__ static thread_local

struct dim3 {
  unsigned x, y, z;
  dim3(unsigned x_ = 1, unsigned y_ = 1, unsigned z_ = 1) : x(x_), y(y_), z(z_) {}
};
using cudaStream_t = void*;
using cudaError_t = int;
enum cudaDeviceAttr { cudaDevAttrMaxSharedMemoryPerBlockOptin };
enum cudaFuncAttribute { cudaFuncAttributeMaxDynamicSharedMemorySize };

namespace cldmdf_sim {

// H200 (sm_90): 227 KiB of shared memory per block with the opt-in.
constexpr int kMaxSharedOptin = 227 * 1024;
constexpr size_t kFiberStack = 64 * 1024;

struct Context {
  dim3 thread, block, block_dim, grid_dim;
};

struct Barrier {
  int live = 0, arrived = 0;
  uint64_t generation = 0;
};

struct Fiber {
  ucontext_t uc;
  jmp_buf jb;
  Context ctx;
  int linear = 0;
  bool started = false, done = false;
};

struct Block {
  jmp_buf scheduler;
  std::vector<Fiber> fibers;
  std::vector<std::unique_ptr<char[]>> stacks;
  Barrier block_barrier;
  std::vector<Barrier> warp_barriers;
  std::vector<uint64_t> shuffle_slots;
  std::vector<std::max_align_t> dynamic_shared;
  std::function<void()> body;
  std::exception_ptr error;  // thrown by a thread: rethrown by the launch
  uint64_t events = 0;       // arrivals, releases and exits: progress of the block
};

enum class Schedule { Forward, Reverse };
inline Schedule& schedule() {
  static Schedule order = Schedule::Forward;
  return order;
}

inline thread_local Block* current_block = nullptr;
inline thread_local Fiber* current_fiber = nullptr;

inline Context& ctx() { return current_fiber->ctx; }

inline void yield() {
  if (_setjmp(current_fiber->jb) == 0) _longjmp(current_block->scheduler, 1);
}

inline void release_if_complete(Barrier& b) {
  if (b.arrived > 0 && b.arrived == b.live) {
    b.arrived = 0;
    ++b.generation;
    ++current_block->events;
  }
}

inline void arrive_and_wait(Barrier& b) {
  ++b.arrived;
  ++current_block->events;
  const uint64_t g = b.generation;
  release_if_complete(b);
  while (b.generation == g) yield();
}

inline Barrier& warp_barrier() { return current_block->warp_barriers[current_fiber->linear / 32]; }

inline void fiber_main() {
  try {
    current_block->body();
  } catch (...) {
    if (!current_block->error) current_block->error = std::current_exception();
  }
  Fiber* f = current_fiber;
  f->done = true;
  --current_block->block_barrier.live;
  --warp_barrier().live;
  ++current_block->events;
  release_if_complete(current_block->block_barrier);
  release_if_complete(warp_barrier());
  _longjmp(current_block->scheduler, 1);  // never returns
}

inline void run_block(Block& blk, const dim3& block, const dim3& grid, const dim3& block_dim) {
  const int n = static_cast<int>(block_dim.x * block_dim.y * block_dim.z);
  blk.block_barrier = Barrier{n, 0, 0};
  for (int w = 0; w < (n + 31) / 32; ++w)
    blk.warp_barriers[w] = Barrier{std::min(32, n - 32 * w), 0, 0};
  for (int t = 0; t < n; ++t) {
    Fiber& f = blk.fibers[t];
    f.started = f.done = false;
    f.linear = t;
    f.ctx = Context{
        dim3(t % block_dim.x, (t / block_dim.x) % block_dim.y, t / (block_dim.x * block_dim.y)),
        block, block_dim, grid};
    getcontext(&f.uc);
    f.uc.uc_stack.ss_sp = blk.stacks[t].get();
    f.uc.uc_stack.ss_size = kFiberStack;
    f.uc.uc_link = nullptr;
    makecontext(&f.uc, fiber_main, 0);
  }
  int remaining = n;
  while (remaining > 0) {
    const uint64_t before = blk.events;
    remaining = 0;
    const bool reverse = schedule() == Schedule::Reverse;
    for (int k = 0; k < n; ++k) {
      Fiber& f = blk.fibers[reverse ? n - 1 - k : k];
      if (f.done) continue;
      current_fiber = &f;
      if (_setjmp(blk.scheduler) == 0) {
        if (!f.started) {
          f.started = true;
          setcontext(&f.uc);
        }
        _longjmp(f.jb, 1);
      }
      if (blk.error) std::rethrow_exception(blk.error);
      if (!f.done) ++remaining;
    }
    if (remaining > 0 && blk.events == before)
      throw std::runtime_error("cuda_sim: the threads of block (" + std::to_string(block.x) + ", " +
                               std::to_string(block.y) +
                               ") wait at barriers no thread can pass (divergent "
                               "__syncthreads or a shuffle with exited lanes)");
  }
}

// kernel<<<grid, block_dim, shared_bytes>>>(args...): every block in turn.
template <typename... KArgs, typename... Args>
void launch(void (*kernel)(KArgs...), dim3 grid, dim3 block_dim, size_t shared_bytes,
            Args&&... args) {
  std::tuple<std::decay_t<KArgs>...> packed(std::forward<Args>(args)...);
  const int n = static_cast<int>(block_dim.x * block_dim.y * block_dim.z);
  if (n <= 0 || n > 1024 || grid.x == 0 || grid.y == 0 || grid.z == 0)
    throw std::runtime_error("cuda_sim: invalid launch configuration (the CUDA launch would fail)");
  Block blk;
  blk.fibers.resize(n);
  for (int t = 0; t < n; ++t) blk.stacks.emplace_back(new char[kFiberStack]);
  blk.warp_barriers.resize((n + 31) / 32);
  blk.shuffle_slots.assign(n, 0);
  blk.dynamic_shared.resize((shared_bytes + sizeof(std::max_align_t) - 1) /
                            sizeof(std::max_align_t));
  blk.body = [&] { std::apply(kernel, packed); };
  Block* const outer_block = current_block;
  Fiber* const outer_fiber = current_fiber;
  current_block = &blk;
  try {
    for (unsigned z = 0; z < grid.z; ++z)
      for (unsigned y = 0; y < grid.y; ++y)
        for (unsigned x = 0; x < grid.x; ++x) run_block(blk, dim3(x, y, z), grid, block_dim);
  } catch (...) {
    current_block = outer_block;
    current_fiber = outer_fiber;
    throw;
  }
  current_block = outer_block;
  current_fiber = outer_fiber;
}

inline unsigned char* dynamic_shared() {
  return reinterpret_cast<unsigned char*>(current_block->dynamic_shared.data());
}

}  // namespace cldmdf_sim

#define threadIdx (::cldmdf_sim::ctx().thread)
#define blockIdx (::cldmdf_sim::ctx().block)
#define blockDim (::cldmdf_sim::ctx().block_dim)
#define gridDim (::cldmdf_sim::ctx().grid_dim)

inline void __syncthreads() {
  ::cldmdf_sim::arrive_and_wait(::cldmdf_sim::current_block->block_barrier);
}
inline void __syncwarp(unsigned = 0xffffffffu) {
  ::cldmdf_sim::arrive_and_wait(::cldmdf_sim::warp_barrier());
}

template <typename T>
T __shfl_xor_sync(unsigned, T v, int lane_mask) {
  static_assert(sizeof(T) <= sizeof(uint64_t), "cuda_sim: shuffles of at most 8 bytes");
  auto& slots = ::cldmdf_sim::current_block->shuffle_slots;
  const int me = ::cldmdf_sim::current_fiber->linear;
  std::memcpy(&slots[me], &v, sizeof(T));
  __syncwarp();
  const int partner = (me & ~31) | ((me & 31) ^ (lane_mask & 31));
  if (partner >= static_cast<int>(slots.size()) ||
      ::cldmdf_sim::current_block->fibers[partner].done)
    throw std::runtime_error("cuda_sim: __shfl_xor_sync reads an exited or missing lane");
  T r;
  std::memcpy(&r, &slots[partner], sizeof(T));
  __syncwarp();
  return r;
}

inline cudaError_t cudaGetDevice(int* device) {
  *device = 0;
  return 0;
}
inline cudaError_t cudaDeviceGetAttribute(int* value, cudaDeviceAttr, int) {
  *value = ::cldmdf_sim::kMaxSharedOptin;
  return 0;
}
template <typename Kernel>
cudaError_t cudaFuncSetAttribute(Kernel, cudaFuncAttribute, int) {
  return 0;
}

#undef STD_CUDA_CHECK
#define STD_CUDA_CHECK(EXPR) (void)(EXPR)
#undef STD_CUDA_KERNEL_LAUNCH_CHECK
#define STD_CUDA_KERNEL_LAUNCH_CHECK()
