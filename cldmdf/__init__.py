"""cldmdf: CL-DMDF operators for PyTorch.

Importing the package loads the compiled operator library, which registers
``torch.ops.cldmdf.dual_attention``, ``torch.ops.cldmdf.adaptive_fusion`` and
``torch.ops.cldmdf.centroid_contrastive_loss`` (and their backward operators),
then registers their fake kernels and autograd formulas.
"""
from ._loader import load_library, version as _version

__version__ = _version()

load_library()

from . import _meta, _autograd  # noqa: E402,F401  (registration side effects)
from . import ops, reference  # noqa: E402
from .ops import (adaptive_fusion, centroid_contrastive_loss, centroid_contrastive_loss_scaled,  # noqa: E402
                  dual_attention)

__all__ = ["__version__", "ops", "reference", "dual_attention", "adaptive_fusion",
           "centroid_contrastive_loss",
           "centroid_contrastive_loss_scaled"]
