"""Neural-network layer of cldmdf: the three operators as drop-in modules, the CL-DMDF
model and the baselines it is compared with."""
from .baselines import ConcatMLP, LateFusion, LogisticRegression
from .dynamic import DynamicCLDMDF, packed_forward
from .layers import AdaptiveFusion, CentroidContrastiveLoss, DualAttention, masked_mean
from .model import CLDMDF, CLDMDFOutput, drop_modalities

__all__ = ["DualAttention", "AdaptiveFusion", "CentroidContrastiveLoss", "CLDMDF",
           "CLDMDFOutput", "ConcatMLP", "DynamicCLDMDF", "LateFusion", "LogisticRegression",
           "drop_modalities", "masked_mean", "packed_forward"]
