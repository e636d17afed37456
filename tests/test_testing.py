"""cldmdf.testing, the input builders the operator tests and benchmarks share: what each
option promises (shapes, dtype, mask kinds, layouts, requires_grad, seeds, entity
distributions), so that a test relying on a property gets it."""
import pytest
import torch

from cldmdf import testing


def test_dual_attention_inputs_shapes_dtype_and_argument_order():
    inp = testing.dual_attention_inputs(5, 3, 8, 6, gen=1, dtype=torch.float32)
    assert [tuple(t.shape) for t in inp.tensors] == [(5, 3, 8), (5, 3, 8), (5, 3, 6), (5, 3, 6)]
    assert all(t.dtype == torch.float32 and not t.requires_grad for t in inp.tensors)
    assert inp.mask.shape == (5, 3) and inp.mask.dtype == torch.bool
    args = inp.args(2, 0.5)
    assert args[:4] == tuple(inp.tensors) and args[4] is inp.mask and args[5:] == (2, 0.5)
    tensors, mask = inp.unpack()
    assert tensors == inp.tensors and mask is inp.mask


def test_a_seed_and_a_generator_seeded_with_it_give_the_same_values():
    a = testing.dual_attention_inputs(4, 2, 8, 8, gen=7)
    b = testing.dual_attention_inputs(4, 2, 8, 8, gen=torch.Generator().manual_seed(7))
    c = testing.dual_attention_inputs(4, 2, 8, 8, gen=8)
    assert all(torch.equal(x, y) for x, y in zip(a.tensors, b.tensors))
    assert not torch.equal(a.x, c.x)
    # a shared generator moves on: two builders draw different values
    g = torch.Generator().manual_seed(7)
    first, second = (testing.adaptive_fusion_inputs(4, 2, 8, 2, g) for _ in range(2))
    assert not torch.equal(first.h, second.h)


def test_values_are_drawn_in_float64_then_rounded():
    exact = testing.dual_attention_inputs(3, 2, 8, 8, gen=3, dtype=torch.float64)
    half = testing.dual_attention_inputs(3, 2, 8, 8, gen=3, dtype=torch.bfloat16)
    for e, h in zip(exact.tensors, half.tensors):
        assert h.dtype == torch.bfloat16 and torch.equal(e.to(torch.bfloat16), h)


def test_scales_multiply_the_logits_only():
    base = testing.dual_attention_inputs(3, 2, 4, 4, gen=5)
    scaled = testing.dual_attention_inputs(3, 2, 4, 4, gen=5, logit_scale=100.0, qk_scale=10.0)
    assert torch.equal(scaled.x, base.x)
    torch.testing.assert_close(scaled.feat_logits, 100.0 * base.feat_logits)
    torch.testing.assert_close(scaled.query, 10.0 * base.query)
    fusion = testing.adaptive_fusion_inputs(3, 2, 4, 2, gen=5, logit_scale=50.0)
    torch.testing.assert_close(fusion.gate_logits,
                               50.0 * testing.adaptive_fusion_inputs(3, 2, 4, 2, gen=5)
                               .gate_logits)


@pytest.mark.parametrize("B", [1, 2, 3, 40])
def test_mixed_masks_have_the_special_rows(B):
    M = 4
    mask = testing.make_mask(B, M, torch.Generator().manual_seed(B), kind="mixed")
    assert mask.shape == (B, M) and mask.dtype == torch.bool
    if B >= 2:
        assert not mask[0].any()
        assert mask[1:].any(1).all()
    else:
        assert mask.any(1).all()
    if B >= 3:
        assert mask[1].all()


def test_mask_kinds():
    g = torch.Generator().manual_seed(0)
    assert testing.make_mask(3, 2, g, kind="none") is None
    assert not testing.make_mask(3, 2, g, kind="all_missing").any()
    assert testing.make_mask(3, 2, g, kind="all_present").all()
    random = testing.make_mask(4000, 5, g, kind="random", present=0.25)
    assert abs(random.float().mean().item() - 0.25) < 0.02
    assert (~random.any(1)).any()  # no row is made present: all-missing rows happen
    with pytest.raises(ValueError, match="mask: expected one of"):
        testing.make_mask(3, 2, g, kind="sometimes")
    assert testing.dual_attention_inputs(3, 2, 4, 4, mask="none").mask is None


def test_noncontiguous_layout_keeps_values_and_applies_to_every_tensor_input():
    dense = testing.dual_attention_inputs(5, 3, 8, 4, gen=2)
    strided = testing.dual_attention_inputs(5, 3, 8, 4, gen=2, layout="noncontiguous")
    for d, s in zip(dense.tensors + [dense.mask], strided.tensors + [strided.mask]):
        assert not s.is_contiguous() and torch.equal(d, s)
    loss = testing.centroid_loss_inputs(12, 4, gen=2, E=3, layout="noncontiguous")
    assert not loss.z.is_contiguous() and not loss.entity.is_contiguous()
    with pytest.raises(ValueError, match="layout: expected one of"):
        testing.with_layout(dense.x, "transposed")


def test_requires_grad_gives_leaves_in_every_layout():
    for layout in testing.LAYOUTS:
        inp = testing.adaptive_fusion_inputs(3, 2, 4, 2, layout=layout, requires_grad=True)
        assert all(t.requires_grad and t.is_leaf for t in inp.tensors)
        loss = testing.centroid_loss_inputs(6, 3, E=2, layout=layout, requires_grad=True)
        assert loss.z.requires_grad and loss.z.is_leaf and not loss.entity.requires_grad


def entity_sizes(entity):
    return sorted(torch.unique(entity, return_counts=True)[1].tolist())


def test_entity_distributions():
    g = torch.Generator().manual_seed(4)
    random = testing.make_entities(100, 10, g, singletons=3)
    sizes = entity_sizes(random)
    assert len(sizes) == 10 and sum(sizes) == 100 and sizes[:3] == [1, 1, 1] and sizes[3] > 1
    assert random.dtype == torch.int64 and not set(random.tolist()) <= set(range(10))
    balanced = testing.make_entities(100, 10, g, ids=torch.arange(10), kind="balanced")
    assert entity_sizes(balanced) == [10] * 10 and set(balanced.tolist()) == set(range(10))
    z, singletons = testing.centroid_loss_inputs(9, 3, g, entities="singletons")
    assert entity_sizes(singletons) == [1] * 9 and z.shape == (9, 3)
    _, one = testing.centroid_loss_inputs(9, 3, g, entities="one_entity")
    assert entity_sizes(one) == [9]
    _, given = testing.centroid_loss_inputs(4, 3, g, entities=[5, -5, 5, 2 ** 62])
    assert given.tolist() == [5, -5, 5, 2 ** 62]
    assert testing.make_entities(0, 0, g).shape == (0,)


def test_entity_errors_name_what_is_wrong():
    g = torch.Generator().manual_seed(0)
    with pytest.raises(ValueError, match=r"E expected in \[1, N = 4\], got 5"):
        testing.make_entities(4, 5, g)
    with pytest.raises(ValueError, match="entities='random' needs E"):
        testing.centroid_loss_inputs(4, 2, g)
    with pytest.raises(ValueError, match="entities expected 4 ids, got shape \\(3,\\)"):
        testing.centroid_loss_inputs(4, 2, g, entities=[1, 2, 3])
    with pytest.raises(TypeError, match="gen: expected a torch.Generator or an int seed"):
        testing.dual_attention_inputs(2, 2, 2, 2, gen="seed")


def test_from_sums_inputs_are_consistent_sums_and_counts():
    z, index, sums, counts = testing.from_sums_inputs(30, 5, 8, gen=1, local_entities=6)
    assert index.max() < 6 and z.shape == (30, 5) and sums.shape == (8, 5)
    local = torch.bincount(index, minlength=8)
    assert (counts >= local).all() and (counts >= 1).all() and (counts[6:] >= 1).all()
    zhat = torch.nn.functional.normalize(z, dim=1)
    others = sums - torch.zeros(8, 5, dtype=z.dtype).index_add(0, index, zhat)
    # what is left of each sum is (counts - local) unit vectors from other ranks
    norms = others.norm(dim=1)
    assert ((norms <= (counts - local).double() + 1e-9)).all()
    assert torch.equal(norms.abs() < 1e-12, counts == local)
