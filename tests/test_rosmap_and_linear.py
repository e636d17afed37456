"""The ROSMAP task (MOGONET's fixed split and the random 70/30 protocol), the F1 of the
positive class, and the linear baseline (L2 logistic regression, C chosen on validation)."""
import pytest
import torch
import torch.nn.functional as F

from cldmdf import data, metrics, training
from cldmdf.nn import LogisticRegression


def test_rosmap_is_mogonets_release():
    ds = data.load_rosmap()
    assert [x.shape for x in ds.modalities] == [(351, 200)] * 3
    assert ds.modality_names == ["mrna", "methylation", "mirna"]
    assert int(ds.fixed_test.sum()) == 106
    train_labels, test_labels = ds.labels[~ds.fixed_test], ds.labels[ds.fixed_test]
    assert (int((train_labels == 0).sum()), int((train_labels == 1).sum())) == (118, 127)
    assert (int((test_labels == 0).sum()), int((test_labels == 1).sum())) == (51, 55)
    assert torch.isfinite(torch.cat(ds.modalities, 1)).all()


def test_the_fixed_split_is_the_test_set_and_validation_comes_from_the_training_part():
    ds = data.load_rosmap()
    fixed = ds.fixed_test.nonzero().squeeze(1)
    for seed in (0, 1):
        train, val, test = training.protocol_splits(ds, seed)
        assert torch.equal(test, fixed)
        assert not (ds.fixed_test[train].any() or ds.fixed_test[val].any())
        assert len(train) + len(val) == 245 and len(set(train.tolist()) & set(val.tolist())) == 0
    assert not torch.equal(training.protocol_splits(ds, 0)[1], training.protocol_splits(ds, 1)[1])


def test_the_random_protocol_draws_stratified_70_30_splits_per_seed():
    ds = data.load_rosmap("random")
    assert ds.fixed_test is None
    train, val, test = training.protocol_splits(ds, 0)
    assert abs(len(test) - 0.3 * 351) <= 2
    assert abs(ds.labels[test].float().mean() - ds.labels.float().mean()) < 0.03
    assert not torch.equal(test, training.protocol_splits(ds, 1)[2])
    with pytest.raises(ValueError, match="split expected"):
        data.load_rosmap("mogonet")


def test_f1_of_the_positive_class():
    pred = torch.tensor([1, 1, 0, 0, 1, 0])
    labels = torch.tensor([1, 0, 0, 1, 1, 0])
    # tp = 2, fp = 1, fn = 1
    assert metrics.f1(pred, labels) == pytest.approx(4 / 6)
    assert metrics.f1(torch.zeros(3, dtype=torch.long), torch.zeros(3, dtype=torch.long)) == 0.0


def _separable(n, gen):
    labels = torch.randint(0, 3, (n,), generator=gen)
    x = torch.randn(n, 4, generator=gen) + 3 * F.one_hot(labels, 4)[:, :4].float()
    y = torch.randn(n, 2, generator=gen)
    mask = torch.ones(n, 2, dtype=torch.bool)
    mask[::5, 1] = False
    return training.Fold([x, torch.where(mask[:, 1:], y, float("nan"))], mask, labels,
                         torch.arange(n))


def test_logistic_regression_reaches_the_optimum_of_its_objective():
    gen = torch.Generator().manual_seed(0)
    train = _separable(120, gen)
    model = LogisticRegression([4, 2], 3, C=0.5)
    with torch.no_grad():
        x = model.features(train.modalities, train.mask).double()
    w, b = model._solve(x, train.labels, 0.5)
    w.requires_grad_(), b.requires_grad_()
    objective = (F.cross_entropy(x @ w.t() + b, train.labels)
                 + (w * w).sum() / (2 * 0.5 * len(train)))
    gw, gb = torch.autograd.grad(objective, (w, b))
    assert gw.abs().max() < 1e-6 and gb.abs().max() < 1e-6
    # missing modalities are zero-filled with an indicator: no NaN reaches the features
    assert torch.isfinite(x).all() and torch.equal(x[:, -1], (~train.mask[:, 1]).double())


def test_logistic_regression_chooses_C_on_validation_only():
    gen = torch.Generator().manual_seed(1)
    train, val = _separable(150, gen), _separable(60, gen)
    model = LogisticRegression([4, 2], 3)
    seen = []

    def evaluate(m, fold):
        seen.append(fold)
        return training.evaluate(m, fold, 3)
    C, scores = model.fit_convex(train, val, "accuracy", evaluate)
    assert C in LogisticRegression.C_GRID and float(model.chosen_C) == pytest.approx(C)
    assert all(fold is val for fold in seen) and len(seen) == len(LogisticRegression.C_GRID)
    assert scores == training.evaluate(model, val, 3)
    assert scores["accuracy"] > 0.9


def test_the_logistic_variant_runs_in_the_protocol():
    result = training.run("nutrimouse", "logistic", 0.25, 0)
    assert result["epoch"] == 0 and 0.0 <= result["test"]["accuracy"] <= 1.0
    with pytest.raises(ValueError, match="C expected"):
        training.build_model("logistic", [3, 4], 2, {"C": -1.0})


def test_tables_print_the_published_anchors_beside_our_numbers():
    from cldmdf import experiment
    runs = [{"task": "rosmap", "model": "cl-dmdf", "rate": r, "seed": 0, "realised_rate": r,
             "test": {"accuracy": 0.8, "f1": 0.8, "auroc": 0.9}} for r in (0.0, 0.3)]
    table = experiment.markdown_table(runs, "rosmap", "auroc", "test", ["cl-dmdf"], [0.0, 0.3])
    row = next(line for line in table.splitlines() if "MMDynamics" in line)
    assert row.split("|")[2].strip() == "91.20" and row.split("|")[3].strip() == "—"
    assert "90.00 ± 0.00" in table
    hw = experiment.markdown_table([dict(runs[0], task="handwritten")], "handwritten", "accuracy",
                                   "test", ["cl-dmdf"], [0.0])
    assert "CPM-Nets" in hw and "94.95" in hw
