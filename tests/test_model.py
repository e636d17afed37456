"""The CL-DMDF model and the baselines: outputs, missing modalities, modality dropout,
entity modes, ablation switches, and a short training run on real data."""
import pytest
import torch
import torch.nn.functional as F

from cldmdf import training
from cldmdf.nn import CLDMDF, ConcatMLP, LateFusion, drop_modalities
from conftest import make_generator, make_mask

DIMS, CLASSES, B = [5, 7, 3], 4, 8


def batch(*key):
    """Modalities [B, d_m] with NaN in every missing row, a mask with an all-missing and an
    all-present sample, labels [B] and entity ids [B]."""
    gen = make_generator(*key)
    mask = make_mask(B, len(DIMS), gen)
    modalities = [torch.randn(B, d, generator=gen).masked_fill(~mask[:, m:m + 1], float("nan"))
                  for m, d in enumerate(DIMS)]
    labels = torch.randint(0, CLASSES, (B,), generator=gen)
    return modalities, mask, labels, torch.arange(B) // 2


def small_model(**kwargs):
    torch.manual_seed(0)
    return CLDMDF(DIMS, CLASSES, dim=16, num_layers=2, num_heads=2, **kwargs)


ALL_MODELS = [small_model, lambda: small_model(modality_heads=True, feature_gates=True),
              lambda: ConcatMLP(DIMS, CLASSES, hidden=16),
              lambda: LateFusion(DIMS, CLASSES, hidden=16)]
MODEL_IDS = ["cl-dmdf", "cl-dmdf-heads-gates", "concat-mlp", "late-fusion"]


def test_cldmdf_output_shapes():
    model = small_model(groups=4).eval()
    modalities, mask, _, _ = batch("shapes")
    out = model(modalities, mask)
    assert out.logits.shape == (B, CLASSES)
    assert out.tokens.shape == (B, len(DIMS), 16)
    assert out.importance.shape == (B, len(DIMS))
    assert out.fusion_weights.shape == (B, len(DIMS), 4)
    assert torch.equal(out.mask, mask)


@pytest.mark.parametrize("make", ALL_MODELS, ids=MODEL_IDS)
def test_nan_in_missing_modalities_reaches_neither_logits_nor_gradients(make):
    model = make().train()
    modalities, mask, labels, entity = batch("nan")
    loss = model.training_loss(modalities, mask, labels, entity)
    loss.backward()
    assert loss.isfinite()
    assert all(p.grad is None or p.grad.isfinite().all() for p in model.parameters())
    assert model.eval().predict_logits(modalities, mask).isfinite().all()


@pytest.mark.parametrize("make", ALL_MODELS, ids=MODEL_IDS)
def test_values_of_missing_modalities_do_not_change_predictions(make):
    model = make().eval()
    modalities, mask, _, _ = batch("missing-values")
    filled = [x.nan_to_num(123.0) for x in modalities]
    torch.testing.assert_close(model.predict_logits(modalities, mask),
                               model.predict_logits(filled, mask))


def test_late_fusion_with_nothing_present_predicts_uniformly():
    model = LateFusion(DIMS, CLASSES, hidden=16).eval()
    modalities, mask, _, _ = batch("late-empty")
    probs = model.predict_logits(modalities, mask).exp()
    torch.testing.assert_close(probs.sum(1), torch.ones(B))
    torch.testing.assert_close(probs[~mask.any(1)], torch.full((1, CLASSES), 1 / CLASSES))


def test_modality_dropout_keeps_one_present_modality_and_drops_only_present_ones():
    gen = make_generator("dropout")
    mask = torch.rand(5000, 6, generator=gen) < 0.7
    mask[:, 2] = True
    dropped = drop_modalities(mask, 0.9, gen)
    assert (dropped.sum(1) >= 1).all()
    assert not (dropped & ~mask).any()
    assert 0.5 < 1 - dropped.sum() / mask.sum() < 0.9
    assert drop_modalities(mask, 0.0) is mask


def test_modality_dropout_leaves_empty_samples_empty():
    dropped = drop_modalities(torch.tensor([[False, False], [True, True]]), 1.0)
    assert dropped.sum(1).tolist() == [0, 1]


def test_cldmdf_drops_modalities_in_training_only():
    model = small_model(modality_dropout=0.9)
    modalities, mask, _, _ = batch("model-dropout")
    assert torch.equal(model.eval()(modalities, mask).mask, mask)
    trained_mask = model.train()(modalities, mask).mask
    assert (trained_mask.sum(1) >= 1).sum() == mask.any(1).sum()
    assert not torch.equal(trained_mask, mask)


@pytest.mark.parametrize("mode,expected", [("entity", [0, 0, 1]), ("class", [3, 3, 1]),
                                           ("sample", [0, 1, 2])])
def test_contrastive_points_are_grouped_by_entity_mode(mode, expected):
    model = small_model(entity_mode=mode)
    rows = torch.tensor([0, 1, 2])
    labels, entity = torch.tensor([3, 3, 1]), torch.tensor([0, 0, 1])
    assert model.point_entities(rows, labels, entity).tolist() == expected


def test_without_contrastive_loss_the_training_loss_is_cross_entropy():
    model = small_model(contrastive_weight=0.0, dropout=0.0, modality_heads=False).train()
    modalities, mask, labels, entity = batch("no-contrastive")
    loss = model.training_loss(modalities, mask, labels, entity)
    torch.testing.assert_close(loss, F.cross_entropy(model(modalities, mask).logits, labels))


@pytest.mark.parametrize("fusion", ["adaptive", "mean"])
def test_modality_heads_join_the_prediction_by_the_fusion_weights(fusion):
    model = small_model(modality_heads=True, groups=2, fusion=fusion).eval()
    modalities, mask, _, _ = batch("heads")
    out = model(modalities, mask)
    embedded = model.embed(modalities, mask).tokens
    present = mask.float()
    weights = (present / present.sum(1, keepdim=True).clamp_min(1) if fusion == "mean"
               else out.fusion_weights.mean(2))
    fused = (out.tokens.masked_fill(~mask[:, :, None], 0).sum(1)
             / present.sum(1, keepdim=True).clamp_min(1)) if fusion == "mean" else None
    expected = torch.zeros(B, CLASSES)
    for m in range(len(DIMS)):
        head = embedded[:, m] @ model.heads_weight[m] + model.heads_bias[m]
        expected += torch.where(mask[:, m:m + 1], weights[:, m:m + 1] * head, 0.0)
        rows = mask[:, m]
        torch.testing.assert_close(out.modality_logits[rows, m], head[rows])
        assert (out.modality_logits[~rows, m] == 0).all()
    if fused is not None:
        torch.testing.assert_close(out.logits - expected, model.head(fused))
    # the joined part is the fusion-weighted head logits: with zeroed heads only head(fused)
    with torch.no_grad():
        model.heads_weight.zero_()
        model.heads_bias.zero_()
    torch.testing.assert_close(model(modalities, mask).logits, out.logits - expected)


def test_modality_head_and_gate_terms_of_the_training_loss():
    model = small_model(modality_heads=True, modality_head_weight=0.7, feature_gates=True,
                        feature_gate_l1=0.3, contrastive_weight=0.0, dropout=0.0).train()
    modalities, mask, labels, entity = batch("head-loss")
    torch.manual_seed(1)
    loss = model.training_loss(modalities, mask, labels, entity)
    torch.manual_seed(1)  # the same modality dropout
    out = model(modalities, mask)
    rows, mods = out.mask.nonzero().unbind(1)
    gates = torch.cat([torch.sigmoid(g(x[out.mask[:, m]])).flatten()
                       for m, (g, x) in enumerate(zip(model.feature_gates, modalities))])
    expected = (F.cross_entropy(out.logits, labels)
                + 0.7 * F.cross_entropy(out.modality_logits[rows, mods], labels[rows])
                + 0.3 * gates.mean())
    torch.testing.assert_close(loss, expected)
    torch.testing.assert_close(out.gate_mean, gates.mean())


def test_encoder_dropout_acts_in_training_only_and_keeps_the_parameter_names():
    plain, dropped = small_model(), small_model(encoder_dropout=0.5)
    assert plain.state_dict().keys() == dropped.state_dict().keys()
    dropped.load_state_dict(plain.state_dict())
    modalities, mask, _, _ = batch("encoder-dropout")
    torch.testing.assert_close(dropped.eval()(modalities, mask).logits,
                               plain.eval()(modalities, mask).logits)
    x = modalities[0][mask[:, 0]]
    dropped.train()
    assert not torch.equal(dropped.encoders[0](x), plain.encoders[0](x))


def test_ablation_switches_remove_feature_attention_and_adaptive_fusion():
    model = small_model(feature_attention=False, fusion="mean").eval()
    assert all(block.feat_logits is None for block in model.blocks)
    assert model.fusion is None
    modalities, mask, _, _ = batch("ablations")
    out = model(modalities, mask)
    assert out.fusion_weights is None and out.logits.isfinite().all()


def test_bad_settings_are_rejected():
    with pytest.raises(ValueError, match="entity_mode"):
        small_model(entity_mode="patient")
    with pytest.raises(ValueError, match="fusion"):
        small_model(fusion="max")


@pytest.fixture
def one_thread():
    """Small models train faster on one thread than on cores that other jobs share."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_short_training_on_nutrimouse_beats_chance(one_thread):
    result = training.run("nutrimouse", "cl-dmdf", 0.25, seed=0, overrides={"epochs": 30})
    assert result["test"]["accuracy"] >= 0.75  # 2 balanced classes: chance is 0.5
