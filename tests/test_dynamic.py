"""Dynamic fusion (cldmdf.nn.dynamic, cldmdf.compute, ``cldmdf dynamic``): packed execution
equals the static forward, the gate is hard and keeps a modality, unselected encoders never
run, the FLOP count agrees with torch's FlopCounterMode, a tighter budget trains a cheaper
gate, the two-stage training keeps the gate's rows apart from the backbone's and learns from
them that the full plan helps, and the command line runs end to end on tiny settings."""
import json

import pytest
import torch
from torch.utils.flop_counter import FlopCounterMode

from cldmdf import cli, compute, reference, training
from cldmdf.nn import CLDMDF, DynamicCLDMDF, packed_forward
from cldmdf.nn.dynamic import OP_FLOP_FORMULAS, ComputeCost, plan_masks
from conftest import make_generator, make_mask

DIMS, CLASSES, B = [5, 7, 3, 4], 3, 10
TINY = ["dim=8", "num_layers=1", "num_heads=2", "proj_dim=4", "batch_size=16"]


@pytest.fixture(autouse=True)
def one_thread():
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def batch(*key):
    """Modalities with NaN in missing rows, a mask with an all-missing and an all-present
    sample, labels."""
    gen = make_generator(*key)
    mask = make_mask(B, len(DIMS), gen)
    modalities = [torch.randn(B, d, generator=gen).masked_fill(~mask[:, m:m + 1], float("nan"))
                  for m, d in enumerate(DIMS)]
    return modalities, mask, torch.randint(0, CLASSES, (B,), generator=gen)


def dynamic_model(**kwargs):
    torch.manual_seed(0)
    return DynamicCLDMDF(DIMS, CLASSES, dim=16, num_heads=2, groups=4, **kwargs)


def force_plan(model: DynamicCLDMDF, plan: int):
    """Makes the gate prefer ``plan`` for every sample where it is valid."""
    with torch.no_grad():
        last = model.gate[-1]
        last.weight.zero_()
        last.bias.zero_()
        last.bias[plan] = 10.0


@pytest.mark.parametrize("kwargs", [dict(groups=4), dict(fusion="mean"),
                                    dict(feature_attention=False, num_layers=3),
                                    dict(groups=4, modality_heads=True, feature_gates=True),
                                    dict(fusion="mean", modality_heads=True)],
                         ids=["adaptive", "mean-pooling", "no-feature-attention",
                              "heads-and-gates", "mean-pooling-heads"])
def test_packed_forward_equals_the_static_forward(kwargs):
    torch.manual_seed(0)
    model = CLDMDF(DIMS, CLASSES, dim=16, num_heads=2, **kwargs).eval()
    modalities, mask, _ = batch("packed")
    static = model(modalities, mask)
    packed = packed_forward(model, modalities, mask)
    torch.testing.assert_close(packed.logits, static.logits, rtol=1e-5, atol=1e-6)
    present = mask[:, :, None].expand_as(static.tokens)
    torch.testing.assert_close(packed.tokens[present], static.tokens[present], rtol=1e-5,
                               atol=1e-6)
    torch.testing.assert_close(packed.importance, static.importance, rtol=1e-5, atol=1e-6)
    assert (packed.tokens[~present] == 0).all()


def test_gate_is_hard_at_inference_and_keeps_a_modality():
    model = dynamic_model(budget=0.3).eval()
    modalities, mask, _ = batch("gate")
    with torch.no_grad():
        chosen = model.select(modalities, mask)
        again = model.select(modalities, mask)
        out = model(modalities, mask)
    assert torch.equal(chosen, again)  # deterministic
    assert torch.equal(out.mask, chosen)
    assert not (chosen & ~mask).any()  # never a missing modality
    live = mask.any(1)
    assert (chosen.sum(1)[live] >= 1).all()
    assert (chosen.sum(1)[~live] == 0).all()
    # one plan per sample: the chosen mask is a plan intersected with the present ones
    for b in range(B):
        candidates = mask[b] & model.plans
        assert any(torch.equal(chosen[b], c) for c in candidates)
    # the plan that holds none of a sample's modalities is never chosen: force "only the
    # last modality" and check samples without it still run something
    force_plan(model, len(DIMS) - 1)
    with torch.no_grad():
        chosen = model.select(modalities, mask)
    assert (chosen.sum(1)[live] >= 1).all()
    has_last = mask[:, -1]
    assert torch.equal(chosen[has_last], torch.eye(len(DIMS), dtype=torch.bool)[-1].expand(
        int(has_last.sum()), -1))


def test_unselected_modalities_are_never_encoded():
    model = dynamic_model().eval()
    modalities, mask, _ = batch("skip")
    mask[:, 0] = mask.any(1)  # the first modality wherever something is present
    modalities[0] = torch.randn(B, DIMS[0]).masked_fill(~mask[:, :1], float("nan"))
    force_plan(model, 0)  # plan 0: only the first modality
    rows = {}

    def counter(name):
        def hook(module, inputs, output):
            rows[name] = rows.get(name, 0) + inputs[0].shape[0]
        return hook

    for m, encoder in enumerate(model.encoders):
        encoder.register_forward_hook(counter(f"encoder{m}"))
    model.blocks[0].query.register_forward_hook(counter("query"))
    with torch.no_grad():
        chosen = model.select(modalities, mask)
        model(modalities, mask)
    for m in range(len(DIMS)):
        assert rows[f"encoder{m}"] == int(chosen[:, m].sum())
    assert rows["encoder1"] == rows["encoder2"] == rows["encoder3"] == 0
    assert rows["encoder0"] == int(mask[:, 0].sum()) > 0
    assert rows["query"] == int(chosen.sum())  # blocks run on the chosen tokens only


def test_dual_attention_flop_formula_matches_the_reference_products():
    gen = make_generator("flops")
    x, feat, query, key = (torch.randn(3, 4, 8, generator=gen) for _ in range(4))
    mask = make_mask(3, 4, gen)
    with FlopCounterMode(display=False) as ref:
        reference.dual_attention(x, feat, query, key, mask, 2)
    with FlopCounterMode(display=False, custom_mapping=OP_FLOP_FORMULAS) as op:
        torch.ops.cldmdf.dual_attention(x, feat, query, key, mask, 2, 1.0)
    assert op.get_total_flops() == ref.get_total_flops() > 0


def counted(fn):
    with FlopCounterMode(display=False, custom_mapping=OP_FLOP_FORMULAS) as counter:
        with torch.no_grad():
            fn()
    return counter.get_total_flops()


def test_flop_count_agrees_with_flop_counter_mode():
    modalities, mask, _ = batch("count")
    dynamic = dynamic_model(budget=0.5).eval()
    assert compute.executed_flops(dynamic, modalities, mask).sum().item() == counted(
        lambda: dynamic(modalities, mask))
    torch.manual_seed(0)
    static = CLDMDF(DIMS, CLASSES, dim=16, num_heads=2, groups=4).eval()
    assert compute.executed_flops(static, modalities, mask).sum().item() == counted(
        lambda: static(modalities, mask))
    torch.manual_seed(0)
    heads = CLDMDF(DIMS, CLASSES, dim=16, num_heads=2, modality_heads=True,
                   feature_gates=True).eval()
    assert compute.executed_flops(heads, modalities, mask).sum().item() == counted(
        lambda: heads(modalities, mask))
    subset = FixedSubsetOf(static, [0, 2])
    assert compute.executed_flops(subset, modalities, mask).sum().item() == counted(
        lambda: subset.predict_logits(modalities, mask))
    # fewer modalities, fewer FLOPs; the static forward pays for every slot
    cost = ComputeCost(static)
    assert (cost.packed(mask & torch.tensor([True, False, True, False]))
            <= cost.packed(mask)).all()
    assert (cost.packed(mask) <= cost.dense(mask)).all()


def FixedSubsetOf(model, subset):
    return compute.FixedSubset(model, compute.subset_mask(subset, len(DIMS)))


def test_plan_menus():
    assert plan_masks(3).shape == (7, 3)
    small = plan_masks(6)  # 6 singles, 15 pairs, 6 without one, all
    assert small.shape == (28, 6)
    assert small[-1].all() and set(small.sum(1).tolist()) == {1, 2, 5, 6}
    with pytest.raises(ValueError, match="setting plans"):
        plan_masks(3, "some")


def synthetic(n=96, seed=0):
    """Three modalities that each carry the class (4, 6, 5 features)."""
    gen = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, CLASSES, (n,), generator=gen)
    centres = [torch.randn(CLASSES, d, generator=gen) * 2 for d in (4, 6, 5)]
    modalities = [c[labels] + torch.randn(n, c.shape[1], generator=gen) for c in centres]
    return modalities, torch.ones(n, 3, dtype=torch.bool), labels


def expected_compute(budget):
    modalities, mask, labels = synthetic()
    torch.manual_seed(0)
    model = DynamicCLDMDF([4, 6, 5], CLASSES, dim=16, num_heads=2, num_layers=1,
                          budget=budget, cost_weight=5.0, gate_rows=0, gate_holdout=0.0,
                          modality_dropout=0.3)
    opt = torch.optim.AdamW(model.parameters(), lr=1e-2)
    for step in range(40):
        idx = torch.randperm(len(labels))[:32]
        loss = model.training_loss([x[idx] for x in modalities], mask[idx], labels[idx],
                                   idx)
        opt.zero_grad()
        loss.backward()
        opt.step()
    model.eval()
    with torch.no_grad():
        soft = (model.gate_logits(modalities, mask).softmax(1)
                * model.relative_cost(mask)).sum(1).mean().item()
        hard = compute.executed_flops(model, modalities, mask).mean().item()
    return soft, hard, ComputeCost(model).packed(mask).mean().item()


def test_a_tighter_budget_trains_a_cheaper_gate():
    loose_soft, loose_hard, full = expected_compute(1.0)
    tight_soft, tight_hard, _ = expected_compute(0.4)
    assert tight_soft < 0.6 < loose_soft
    assert tight_hard < 0.7 * loose_hard
    assert tight_hard < 0.7 * full


def test_joint_training_loss_trains_the_gate_and_the_backbone():
    model = dynamic_model(budget=0.5, gate_holdout=0.0).train()
    modalities, mask, labels = batch("loss")
    loss = model.training_loss(modalities, mask, labels, torch.arange(B))
    loss.backward()
    assert loss.isfinite()
    assert model.gate[0].weight.grad.abs().sum() > 0
    assert model.encoders[0][0].weight.grad.abs().sum() > 0
    assert all(p.grad is None or p.grad.isfinite().all() for p in model.parameters())


def test_two_stage_training_loss_is_the_backbone_loss_alone():
    model = dynamic_model(budget=0.5).train()
    modalities, mask, labels = batch("loss")
    model.training_loss(modalities, mask, labels, torch.arange(B)).backward()
    assert model.gate[0].weight.grad is None
    assert model.encoders[0][0].weight.grad.abs().sum() > 0


def weak_synthetic(n, seed):
    """Three modalities, each a weak, noisy view of the class among 24 noise features, so that
    a backbone memorises its training rows under any plan while on unseen rows the full plan
    is clearly the best."""
    gen = torch.Generator().manual_seed(seed)
    labels = torch.randint(0, 2, (n,), generator=gen)
    modalities = []
    for m in range(3):
        x = torch.randn(n, 24, generator=gen)
        x[:, m] += 1.2 * (2 * labels - 1)
        modalities.append(x)
    return training.Fold(modalities, torch.ones(n, 3, dtype=torch.bool), labels,
                         torch.arange(n))


def test_gate_split_holds_out_whole_entities_by_class():
    fold = weak_synthetic(60, 0)
    fold.entity = torch.arange(60) // 3  # entities of three rows
    kept, held = training.gate_split(fold, 0.25, seed=1)
    assert len(set(kept.tolist()) & set(held.tolist())) == 0
    assert sorted(kept.tolist() + held.tolist()) == list(range(60))
    assert not set(fold.entity[kept].tolist()) & set(fold.entity[held].tolist())
    assert 0.15 < len(held) / 60 < 0.35


def test_gate_trains_on_rows_the_backbone_never_saw(monkeypatch):
    train, val = weak_synthetic(80, 1), weak_synthetic(40, 2)
    torch.manual_seed(0)
    model = DynamicCLDMDF([24] * 3, 2, dim=8, num_heads=2, num_layers=1, budget=0.6,
                          gate_holdout=0.25)
    backbone_entities, gate_entities = set(), set()
    loss = model.training_loss

    def spy_loss(modalities, mask, labels, entity, *args):
        assert not model.run_gate  # stage 1: the gate is off
        backbone_entities.update(entity.tolist())
        return loss(modalities, mask, labels, entity, *args)

    fit_gate = training.fit_gate

    def spy_gate(m, gate, *args):
        gate_entities.update(gate.entity.tolist())
        return fit_gate(m, gate, *args)

    monkeypatch.setattr(model, "training_loss", spy_loss)
    monkeypatch.setattr(training, "fit_gate", spy_gate)
    cfg = training.TrainConfig(epochs=3, batch_size=16, patience=3)
    training.fit(model, train, val, 2, cfg, "accuracy", seed=0)
    assert backbone_entities and gate_entities
    assert not backbone_entities & gate_entities
    assert backbone_entities | gate_entities == set(range(80))
    assert model.run_gate and model.gate[0].weight.grad is None


def test_held_out_gate_prefers_the_full_plan_when_it_is_what_helps(monkeypatch):
    """The failure of the joint training, and its fix: on the rows the backbone trained on,
    every plan's loss is small; on held-out rows the full plan's is clearly the lowest, and
    the gate trained there (no compute penalty), from a start without the full plan's prior
    and kept only from epoch 1 on, runs every modality for most samples."""
    train, val = weak_synthetic(240, 3), weak_synthetic(120, 4)
    torch.manual_seed(0)
    model = DynamicCLDMDF([24] * 3, 2, dim=16, num_heads=2, num_layers=1, budget=1.0,
                          modality_dropout=0.5, gate_holdout=0.3)

    def plain_reset():  # no prior for the full plan: what the gate learns is the losses'
        for layer in model.gate.modules():
            if isinstance(layer, torch.nn.Linear):
                layer.reset_parameters()

    monkeypatch.setattr(model, "reset_gate", plain_reset)
    fit_gate = training.fit_gate

    def trained_gate(*args):
        epoch, scores = fit_gate(*args)
        assert epoch > 0
        return epoch, scores

    monkeypatch.setattr(training, "fit_gate", trained_gate)
    cfg = training.TrainConfig(epochs=60, batch_size=32, patience=60, lr=3e-3)
    training.fit(model, train, val, 2, cfg, "accuracy", seed=0)
    kept, held = training.gate_split(train, 0.3, seed=0)
    model.eval()
    seen = model.plan_losses(*(lambda f: (f.modalities, f.mask, f.labels))(train.rows(kept)))
    unseen = model.plan_losses(*(lambda f: (f.modalities, f.mask, f.labels))(train.rows(held)))
    full = model.plans.shape[0] - 1
    singles = model.plans.sum(1) == 1
    assert unseen.mean(0)[full] < 0.8 * unseen.mean(0)[singles].min()
    assert (unseen.mean(0)[singles].min() - unseen.mean(0)[full]
            > seen.mean(0)[singles].min() - seen.mean(0)[full])
    with torch.no_grad():
        chosen = model.select(val.modalities, val.mask)
    runs = chosen.sum(1).bincount(minlength=4)
    assert runs.argmax() == 3 and chosen.sum(1).float().mean() > 2.3, runs.tolist()


def test_fresh_gate_prefers_the_full_plan():
    model = dynamic_model().eval()
    torch.manual_seed(1)
    model.reset_gate()
    modalities, mask, _ = batch("prior")
    mask = torch.ones_like(mask)
    modalities = [x.nan_to_num(0.0) for x in modalities]
    with torch.no_grad():
        probs = model.gate_logits(modalities, mask).softmax(1)
    assert probs[:, -1].mean() > 0.75
    assert model.select(modalities, mask).all()


def test_one_backbone_serves_every_budget():
    """fit_gate depends on its inputs only: the gate retrained at a budget on a copy of a
    trained model equals the model trained from scratch at that budget."""
    import copy
    train, val = weak_synthetic(64, 5), weak_synthetic(32, 6)
    cfg = training.TrainConfig(epochs=3, batch_size=16, patience=3)

    def trained(budget):
        torch.manual_seed(0)
        model = DynamicCLDMDF([24] * 3, 2, dim=8, num_heads=2, num_layers=1, budget=budget)
        training.fit(model, train, val, 2, cfg, "accuracy", seed=0)
        return model

    first, direct = trained(1.0), trained(0.4)
    shared = copy.deepcopy(first)
    shared.budget = 0.4
    _, gate_rows = training.gate_split(train, shared.gate_holdout, 0)
    training.fit_gate(shared, train.rows(gate_rows), val, 2, cfg, "accuracy", 0)
    for (name, a), b in zip(direct.state_dict().items(), shared.state_dict().values()):
        assert torch.equal(a, b), name


@pytest.mark.parametrize("setting, message", [
    ("budget=1.5", "setting budget must be a number >= 0.0 and <= 1.0, got 1.5"),
    ("cost_weight=-1", "setting cost_weight must be a number >= 0.0"),
    ("plans=many", "setting plans must be one of"),
    ("gate_hidden=2.5", "gate_hidden must be an integer"),
    ("gate_temperature=0", "setting gate_temperature must be a number > 0.0"),
    ("gate_holdout=0.95", "setting gate_holdout must be a number >= 0.0 and <= 0.9"),
    ("gate_lr=0", "setting gate_lr must be a number > 0.0"),
])
def test_bad_settings_name_the_setting(setting, message, capsys):
    code = cli.main(["train", "--task", "nutrimouse", "--model", "cl-dmdf-dynamic",
                     "--set", setting, "epochs=1", *TINY])
    err = capsys.readouterr().err
    assert code == 2 and message in err, err


def test_variant_settings_are_introspected():
    settings = training.model_settings(DynamicCLDMDF)
    assert settings["budget"] == 1.0 and settings["dim"] == 64  # its own and CL-DMDF's
    cfg, kwargs = training.run_settings(training.TASKS["handwritten"], {"budget": 0.5})
    model = training.build_model("cl-dmdf-dynamic", [3, 4], 2, kwargs)
    assert isinstance(model, DynamicCLDMDF) and model.budget == 0.5
    # the static model ignores the dynamic model's settings
    assert type(training.build_model("cl-dmdf", [3, 4], 2, kwargs)) is CLDMDF


def test_cli_trains_the_dynamic_variant(tmp_path, capsys):
    out = tmp_path / "run.json"
    code = cli.main(["train", "--task", "nutrimouse", "--model", "cl-dmdf-dynamic", "--set",
                     "budget=0.5", "epochs=3", *TINY, "--quiet", "--json", str(out)])
    assert code == 0, capsys.readouterr().err
    result = json.loads(out.read_text())
    assert result["config"]["model"] == "cl-dmdf-dynamic"
    assert result["config"]["model_kwargs"]["budget"] == 0.5
    assert 0 <= result["result"]["test"]["accuracy"] <= 1


def test_cli_dynamic_curve_end_to_end(tmp_path, capsys):
    code = cli.main(["dynamic", "--task", "nutrimouse", "--budgets", "0.5", "1", "--seeds", "1",
                     "--set", "epochs=2", *TINY, "--repeats", "2", "--quiet",
                     "--out", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    payload = json.loads((tmp_path / "nutrimouse_dynamic.json").read_text())
    labels = [p["point"] for p in payload["points"]]
    assert labels[:2] == ["cl-dmdf (static)", "cl-dmdf, packed execution"]
    assert "cl-dmdf-dynamic, budget 0.5" in labels and "cl-dmdf-dynamic, budget 1" in labels
    assert any(p["kind"] == "subset" for p in payload["points"])
    static = payload["points"][0]
    assert static["flops"] > 0 and static["wall"] > 0
    for p in payload["points"]:
        if p["kind"] == "subset":  # fewer modalities than the static model
            assert p["flops"] < static["flops"]
    assert "| cl-dmdf-dynamic, budget 0.5 |" in captured.out
    assert (tmp_path / "nutrimouse_accuracy_vs_compute.png").stat().st_size > 0
    assert (tmp_path / "nutrimouse_dynamic.md").read_text().startswith("nutrimouse")
    # the report again from the JSON, without training
    again = tmp_path / "again"
    code = cli.main(["dynamic", "--replot", str(tmp_path / "nutrimouse_dynamic.json"),
                     "--out", str(again)])
    assert code == 0
    assert ((again / "nutrimouse_dynamic.md").read_text().splitlines()[2:]
            == (tmp_path / "nutrimouse_dynamic.md").read_text().splitlines()[2:])


def test_cli_dynamic_refuses_bad_budgets(capsys):
    code = cli.main(["dynamic", "--task", "nutrimouse", "--budgets", "2"])
    assert code == 2 and "budget must be a number in [0, 1]" in capsys.readouterr().err
    code = cli.main(["dynamic", "--task", "nutrimouse", "--set", "budget=0.5"])
    assert code == 2 and "--budgets" in capsys.readouterr().err
    code = cli.main(["dynamic", "--replot", "missing.json"])
    assert code == 2 and "not a results file" in capsys.readouterr().err
