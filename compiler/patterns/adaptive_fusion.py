"""Search variants of adaptive fusion: a masked softmax over modalities of
gate logits (one per modality, per head or per feature), then the weighted
sum of the modality features. Replaced by torch.ops.cldmdf.adaptive_fusion.

Stock code and the operator differ on one edge: a sample with no present
modality gets NaN from a stock masked softmax and exactly 0 from the operator
(and a missing modality holding NaN poisons the stock sum, not the operator's)."""
import torch

from .base import NearMiss, Pattern, differs, product_variants

SENTINELS = dict(B=11, M=5, D=28, G=4, group_width=7, temperature=0.7123)


def _inputs_with_gate_width(width_key):
    def make(s):
        B, M, D = s["B"], s["M"], s["D"]
        return torch.randn(B, M, D), torch.randn(B, M, s[width_key]), torch.rand(B, M) > 0.3
    return make


def _build(groups, mask, temp):
    def fn(h, gate_logits, mask_t, *, B, M, D, G, group_width, temperature):
        logits = gate_logits / temperature if temp == "div" else gate_logits
        if mask == "masked_fill":
            logits = logits.masked_fill(~mask_t[:, :, None], float("-inf"))
        elif mask == "where":
            logits = torch.where(mask_t[:, :, None], logits, torch.full_like(logits, float("-inf")))
        weights = torch.softmax(logits, dim=1)
        if groups == "broadcast":  # one weight per modality ([B, M, 1]) or per feature ([B, M, D])
            return (weights * h).sum(dim=1)
        if groups == "repeat":
            return (weights.repeat_interleave(group_width, dim=2) * h).sum(dim=1)
        return (h.view(B, M, G, -1) * weights[..., None]).sum(dim=1).reshape(B, D)

    # broadcast: one gate per feature (a [B, M, 1] gate gives the same graph); else G groups
    return fn, ("fused",), _inputs_with_gate_width("D" if groups == "broadcast" else "G")


def _bind(inputs, bound, choice):
    h, gate = inputs["h"], inputs["gate_logits"]
    B, M, D = h.shape
    G = bound.get("G", gate.shape[-1])
    for name, actual in (("B", B), ("M", M), ("D", D)):
        if name in bound and differs(bound[name], actual):
            raise NearMiss(f"size {name}: the graph uses {bound[name]} where the inputs have {actual}")
    if "G" in bound and gate.shape[-1] != G:
        raise NearMiss(f"gate groups: the graph slices {G} of {gate.shape[-1]} gate logits")
    if G <= 0 or D % G:
        raise NearMiss(f"gate groups: G={G} does not divide D={D}")
    if "group_width" in bound and bound["group_width"] * G != D:
        raise NearMiss(f"gate groups: each of G={G} weights is repeated {bound['group_width']} "
                       f"times, not D/G={D // G}")
    temperature = float(bound.get("temperature", 1.0))
    if not temperature > 0:
        raise NearMiss(f"temperature: {temperature} is not > 0")
    return (temperature,)


PATTERN = Pattern(
    name="adaptive_fusion",
    op_name="adaptive_fusion",
    inputs=("h", "gate_logits", "mask"),
    sentinels=SENTINELS,
    make_inputs=_inputs_with_gate_width("D"),
    bind=_bind,
    outputs=("fused", "weights"),
    variants=product_variants(_build, dict(
        groups=["broadcast", "repeat", "view"], mask=["masked_fill", "where", "none"],
        temp=["div", "none"])),
    edge_note="a sample with no present modality: stock masked softmax gives NaN, "
              "the fused operator gives 0",
    size_sources=dict(B=(("h", 0), ("gate_logits", 0), ("mask", 0)),
                      M=(("h", 1), ("gate_logits", 1), ("mask", 1)), D=(("h", 2),),
                      G=(("gate_logits", 2),)),
)
