"""Builds and loads the CUDA code of csrc/cuda compiled as C++ for the SIMT emulator
(csrc/cuda/sim/cuda_sim.h): every kernel and its host-side launch sequence, registered as
``torch.ops.cldmdf_cudasim.*`` for CPU tensors. It lets machines without a GPU run the CUDA
kernels' logic (indexing, tiling, reductions, barriers, shuffles) against the reference; it
says nothing about their speed.

The build (g++, ninja) goes to build/cuda_sim and is reused while the sources are unchanged.
"""
import glob
import warnings
import os

import torch
from torch.utils import cpp_extension

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sources():
    sim = sorted(glob.glob(os.path.join(ROOT, "csrc", "cuda", "sim", "*.cpp")))
    return sim + [os.path.join(ROOT, "csrc", "op_checks.cpp"),
                  os.path.join(ROOT, "csrc", "tensor_utils.cpp")]


def load():
    """Builds (if needed) and loads the emulated CUDA operators; returns torch.ops.cldmdf_cudasim."""
    if not hasattr(load, "_done"):
        from cldmdf import _build_info
        build_dir = os.path.join(ROOT, "build", "cuda_sim")
        os.makedirs(build_dir, exist_ok=True)
        cpp_extension.load(
            name="cldmdf_cudasim",
            sources=sources(),
            extra_cflags=["-O2", "-std=c++17", "-fvisibility=hidden", "-DCLDMDF_CUDA_SIM",
                          f"-DTORCH_TARGET_VERSION={_build_info.STABLE_ABI_TARGET}",
                          "-fno-trapping-math", "-Wall", "-Wno-unused-function",
                          "-Wno-unknown-pragmas", "-U_FORTIFY_SOURCE"],
            extra_include_paths=[os.path.join(ROOT, "csrc", "include"),
                                 os.path.join(ROOT, "csrc", "cuda")],
            build_directory=build_dir,
            is_python_module=False,
            verbose=False,
        )
        load._done = True
    return torch.ops.cldmdf_cudasim


OPERATORS = ["dual_attention", "dual_attention_backward", "adaptive_fusion",
             "adaptive_fusion_backward", "centroid_contrastive_loss",
             "centroid_contrastive_loss_backward", "centroid_contrastive_loss.scaled",
             "centroid_contrastive_loss_scaled_backward", "centroid_contrastive_loss_from_sums",
             "centroid_contrastive_loss_from_sums_backward",
             "centroid_contrastive_loss_with_grad"]


class routed:
    """Within the block, torch.ops.cldmdf.* on CPU tensors run the emulated CUDA kernels
    (their CPU kernels are overridden; leaving the block restores them). Everything above
    the kernels (autograd, fake kernels, the Python wrappers) is the operators' own, so the
    operator test suites run unchanged against the CUDA code."""

    def __enter__(self):
        ops = load()
        self._lib = torch.library.Library("cldmdf", "IMPL")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "overriding a previously registered kernel"
            for name in OPERATORS:
                packet, _, overload = name.partition(".")
                op = getattr(getattr(ops, packet), overload or "default")
                self._lib.impl(name, _forward_to(op), "CPU")
        return self

    def __exit__(self, *exc):
        self._lib._destroy()
        return False


def _forward_to(op):
    def kernel(*args):
        return op(*args)
    return kernel
