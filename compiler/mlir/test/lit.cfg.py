# lit configuration of cldmdf's MLIR tests (run through the build's lit.site.cfg.py, which
# CMake writes into build/mlir/test/, or by tests/compiler/test_mlir.py).
import os

import lit.formats

config.name = "cldmdf-mlir"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".mlir"]
config.test_source_root = config.cldmdf_test_src
config.test_exec_root = os.path.join(config.cldmdf_tools_dir, "test")
config.excludes = ["inputs"]
config.environment["PATH"] = os.pathsep.join(
    [config.cldmdf_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", "")])
config.substitutions.append(("%plugin", os.path.join(config.cldmdf_tools_dir, "libCldmdfPlugin.so")))
config.substitutions.append(("%mlir_opt", os.path.join(config.llvm_tools_dir, "mlir-opt")))
