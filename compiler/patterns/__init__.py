"""The pattern modules, one per fused operator, in the order they are applied."""
from . import adaptive_fusion, centroid_loss, dual_attention
from .base import NearMiss, Pattern, Variant, differs

PATTERNS = [dual_attention.PATTERN, adaptive_fusion.PATTERN, centroid_loss.PATTERN]

__all__ = ["PATTERNS", "NearMiss", "Pattern", "Variant", "differs"]
