"""The evaluation protocol: splits, missing-modality masks, standardisation and metrics."""
import math

import pytest
import torch

from cldmdf import data, metrics, training


@pytest.fixture(scope="module")
def pbcseq():
    return data.load_pbcseq("death")


@pytest.fixture(scope="module")
def handwritten():
    return data.load_handwritten()


@pytest.mark.parametrize("seed", [0, 1])
def test_pbcseq_splits_are_grouped_by_patient(pbcseq, seed):
    train, val, test = training.protocol_splits(pbcseq, seed)
    patients = [set(pbcseq.entity[idx].tolist()) for idx in (train, val, test)]
    assert not patients[0] & patients[1]
    assert not patients[0] & patients[2]
    assert not patients[1] & patients[2]
    assert sorted(torch.cat([train, val, test]).tolist()) == list(range(len(pbcseq)))
    assert len(patients[2]) == pytest.approx(0.2 * 312, abs=2)


def test_handwritten_splits_are_stratified_80_20_with_validation_from_train(handwritten):
    train, val, test = training.protocol_splits(handwritten, seed=0)
    assert torch.bincount(handwritten.labels[test]).tolist() == [40] * 10
    assert torch.bincount(handwritten.labels[val]).tolist() == [32] * 10
    assert len(train) == 1280


def test_splits_depend_on_the_seed(handwritten):
    assert not torch.equal(training.protocol_splits(handwritten, 0)[2],
                           training.protocol_splits(handwritten, 1)[2])


@pytest.mark.parametrize("rate", [0.1, 0.3, 0.5, 0.7])
def test_masks_hit_the_requested_rate_and_keep_one_modality(rate):
    mask = data.missing_mask(2000, 6, rate, seed=3)
    assert abs((1 - mask.float().mean()).item() - rate) <= 0.005
    assert (mask.sum(1) >= 1).all()


@pytest.mark.parametrize("rate", [0.3, 0.5])
def test_masks_on_top_of_natural_missingness_count_it_in_the_rate(pbcseq, rate):
    mask = data.missing_mask(len(pbcseq), 4, rate, seed=0, base=pbcseq.mask)
    assert abs((1 - mask.float().mean()).item() - rate) <= 0.005
    assert not (mask & ~pbcseq.mask).any()
    assert (mask.sum(1) >= 1).all()


def test_a_rate_below_the_natural_missingness_is_refused(pbcseq):
    with pytest.raises(ValueError, match="natural missing rate"):
        data.missing_mask(len(pbcseq), 4, 0.05, seed=0, base=pbcseq.mask)


def test_folds_hide_missing_entries_and_standardise_with_train_statistics(handwritten):
    folds = training.prepare_folds(handwritten, rate=0.3, seed=0)
    for fold in folds.values():
        for m, x in enumerate(fold.modalities):
            assert x[~fold.mask[:, m]].isnan().all()
            assert x[fold.mask[:, m]].isfinite().all()
    train = folds["train"]
    present = train.modalities[0][train.mask[:, 0]]
    torch.testing.assert_close(present.mean(0), torch.zeros(present.shape[1]), atol=1e-4, rtol=0)


def test_masks_are_fixed_by_seed(handwritten):
    first = training.prepare_folds(handwritten, rate=0.5, seed=4)["test"].mask
    again = training.prepare_folds(handwritten, rate=0.5, seed=4)["test"].mask
    assert torch.equal(first, again)


def test_settings_override_task_defaults_and_typos_are_refused():
    cfg, model_kwargs = training.run_settings(training.TASKS["handwritten"],
                                              {"lr": 0.1, "dim": 16})
    assert cfg.lr == 0.1 and model_kwargs["dim"] == 16
    with pytest.raises(ValueError, match="unknown settings"):
        training.run_settings(training.TASKS["handwritten"], {"learning_rate": 0.1})


def test_variant_switches_win_over_overrides():
    model = training.build_model("no-contrastive", [3, 4], 2, {"contrastive_weight": 0.5,
                                                               "hidden": 8})
    assert model.contrastive_weight == 0.0


def test_accuracy_and_macro_f1():
    pred, labels = torch.tensor([0, 1, 1, 2]), torch.tensor([0, 1, 2, 2])
    assert metrics.accuracy(pred, labels) == 0.75
    assert metrics.macro_f1(pred, labels, 3) == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)


def test_auroc_counts_ties_as_half():
    labels = torch.tensor([0, 0, 1, 1])
    assert metrics.auroc(torch.tensor([0.1, 0.4, 0.35, 0.8]), labels) == 0.75
    assert metrics.auroc(torch.tensor([0.5, 0.5, 0.5, 0.8]), labels) == 0.75
    assert math.isnan(metrics.auroc(torch.tensor([0.1, 0.2]), torch.tensor([1, 1])))


def test_mean_std_uses_the_sample_standard_deviation():
    assert metrics.mean_std([1.0, 3.0]) == (2.0, pytest.approx(math.sqrt(2)))
    assert metrics.mean_std([5.0]) == (5.0, 0.0)


def test_standardize_leaves_missing_cells_out_of_the_statistics():
    train = torch.tensor([[1.0, 10.0], [3.0, float("nan")], [5.0, 30.0]])
    (z,) = data.standardize(train)
    torch.testing.assert_close(z[:, 0], torch.tensor([-1.0, 0.0, 1.0]))
    torch.testing.assert_close(z[[0, 2], 1], torch.tensor([-2 ** -0.5, 2 ** -0.5]))
    assert z[1, 1].isnan()
    full = torch.tensor([[1.0, 10.0], [3.0, 20.0], [5.0, 30.0]])
    assert torch.equal(data.standardize(full)[0], (full - full.mean(0)) / full.std(0))


def test_dataset_task_of_user_data_picks_metrics_rates_and_entity_mode(handwritten):
    task = training.dataset_task(handwritten)
    assert task.metrics == ("accuracy", "macro_f1") and task.rates == training.DEFAULT_RATES
    assert task.model_kwargs["entity_mode"] == "class"  # one row per entity
    mouse = data.load_nutrimouse()
    assert training.dataset_task(mouse).metrics[0] == "auroc"  # two classes
    assert training.dataset_task(mouse).rates == (0.0, 0.1, 0.3, 0.5)  # 2 modalities: η <= 0.5
