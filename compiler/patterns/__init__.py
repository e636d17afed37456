"""The pattern modules, one per fused operator, in the order they are applied."""
from . import adaptive_fusion, dual_attention
from .base import NearMiss, Pattern, Variant

PATTERNS = [dual_attention.PATTERN, adaptive_fusion.PATTERN]

__all__ = ["PATTERNS", "NearMiss", "Pattern", "Variant"]
