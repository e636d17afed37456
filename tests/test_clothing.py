"""The clothing-review tasks (cldmdf.data.load_clothing): modalities and their widths, the
natural missingness of the data, splits by garment, text features fit on training rows only,
no label among the inputs, the featurisation cache, and a short CLI run of each task.

Every test uses a cache folder of its own (CLDMDF_CACHE_DIR), so nothing is read from an
earlier run; the full data set is featurised once (about 10 s), the rest uses subsets."""
import csv
import gzip
import json
import os

import numpy as np
import pytest
import torch

from cldmdf import cli, data, training

pytest.importorskip("sklearn", reason="the clothing tasks need scikit-learn")

TINY = ["dim=8", "num_layers=1", "num_heads=2", "proj_dim=4", "hidden=8", "batch_size=64"]
WIDTHS = [data.CLOTHING_TEXT["title"].dims, data.CLOTHING_TEXT["review"].dims, 31]


@pytest.fixture(autouse=True, scope="module")
def cache_folder(tmp_path_factory):
    """A fresh disk cache and in-process cache for this module, restored afterwards."""
    before = os.environ.get("CLDMDF_CACHE_DIR")
    os.environ["CLDMDF_CACHE_DIR"] = str(tmp_path_factory.mktemp("cldmdf_cache"))
    data._TEXT_MEMORY.clear()
    yield os.environ["CLDMDF_CACHE_DIR"]
    data._TEXT_MEMORY.clear()
    if before is None:
        del os.environ["CLDMDF_CACHE_DIR"]
    else:
        os.environ["CLDMDF_CACHE_DIR"] = before


pytestmark = pytest.mark.usefixtures("restore_threads")


@pytest.fixture(scope="module")
def full():
    return data.load_clothing("recommended")


@pytest.fixture(scope="module")
def small():
    return data.load_clothing("rating", rows=2000)


def split_sets(ds, seed):
    return [set(ds.entity[idx].tolist()) for idx in training.protocol_splits(ds, seed)]


def test_the_full_data_set_has_three_modalities_and_its_natural_missingness(full):
    assert len(full) == 23486 and full.name == "clothing-recommended"
    assert full.modality_names == ["title", "review", "tabular"]
    assert [x.shape for x in full.modalities] == [(23486, w) for w in WIDTHS]
    assert full.num_classes == 2 and abs(full.labels.float().mean().item() - 19314 / 23486) < 1e-6
    missing = 1 - full.mask.double().mean(0)
    # the data's empty cells: Title in 3,810 rows (16.2 %), Review Text in 845 (3.6 %)
    assert int((~full.mask[:, 0]).sum()) == 3810 and abs(missing[0] - 0.162) < 0.001
    assert int((~full.mask[:, 1]).sum()) == 845 and missing[2] == 0
    natural, maximum = data.missing_rate_bounds(full.mask)
    assert abs(natural - (3810 + 845) / (3 * 23486)) < 1e-9 and abs(maximum - 2 / 3) < 1e-9
    # a missing text has no features; a present one has (almost surely) some
    for m in (0, 1):
        assert full.modalities[m][~full.mask[:, m]].abs().sum() == 0
        assert (full.modalities[m][full.mask[:, m]].abs().sum(1) > 0).float().mean() > 0.99
    assert len(torch.unique(full.entity)) == 1206 and full.featurize is not None


def test_splits_never_share_a_garment(full, small):
    for ds in (full, small):
        for seed in (0, 1, 2):
            train, val, test = training.protocol_splits(ds, seed)
            assert len(train) + len(val) + len(test) == len(ds)
            assert len(torch.cat([train, val, test]).unique()) == len(ds)
            a, b, c = split_sets(ds, seed)
            assert not (a & b or a & c or b & c)
            assert 0.1 < len(test) / len(ds) < 0.35  # garments differ in size: not exactly 20 %
    assert split_sets(full, 0)[2] != split_sets(full, 1)[2]


def test_text_features_are_fit_on_the_training_rows_only(small):
    train, val, test = training.protocol_splits(small, 0)
    texts = small.featurize.texts["review"]
    settings = data.CLOTHING_TEXT["review"]
    fit_rows = train[small.mask[train, 1]].numpy()
    base, vectorizer = data.fit_text_svd(texts, fit_rows, settings)
    word = "qzxwvbnm"
    assert word not in vectorizer.vocabulary_ and "dress" in vectorizer.vocabulary_

    def with_word(rows):
        changed = list(texts)
        for i in rows.tolist()[:40]:
            if changed[i]:
                changed[i] += f" {word} {word}"
        return changed

    # a word only in test (and validation) rows gets no vocabulary entry, and nothing changes
    heldout = torch.cat([val, test])
    features, vectorizer = data.fit_text_svd(with_word(heldout), fit_rows, settings)
    assert word not in vectorizer.vocabulary_ and np.array_equal(features, base)
    # the control: in training rows the same word does enter the vocabulary
    features, vectorizer = data.fit_text_svd(with_word(torch.from_numpy(fit_rows)), fit_rows,
                                             settings)
    assert word in vectorizer.vocabulary_ and not np.array_equal(features, base)
    # the protocol's featurisation is this one: fit on the present training rows of the
    # split's mask (an η mask that drops a training row's text leaves that row out)
    mask = data.missing_mask(len(small), 3, 0.3, 0, base=small.mask)
    got = small.featurize(train, mask)
    expected = data.fit_text_svd(texts, train[mask[train, 1]].numpy(), settings)[0]
    assert np.array_equal(got[1].numpy(), expected)
    assert not np.array_equal(got[1].numpy(), base)


def test_rare_categories_are_zeroed_and_standardised_inputs_stay_bounded(small):
    folds = training.prepare_folds(small, 0.3, 1)
    for fold in folds.values():
        for m, x in enumerate(fold.modalities):
            present = x[fold.mask[:, m]]
            assert torch.isfinite(present).all() and present.abs().max() < 60
            assert x[~fold.mask[:, m]].isnan().all()
    columns = small.featurize.tabular_columns
    assert columns[:2] == ["age", "log1p_positive_feedback"] and len(columns) == WIDTHS[2]
    # "Class Name=Chemises" has one row in the whole file: never a feature
    train = training.protocol_splits(small, 0)[0]
    tabular = small.featurize(train, small.mask)[2]
    assert tabular[:, columns.index("Class Name=Chemises")].abs().sum() == 0
    assert tabular[:, columns.index("Class Name=Dresses")].sum() > 0


def _write(path, rows):
    with gzip.open(path, "wt", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


@pytest.fixture(scope="module")
def raw_rows():
    with gzip.open(os.path.join(data.DATA_DIR, data.CLOTHING_FILE), "rt", newline="",
                   encoding="utf-8") as f:
        return [row for _, row in zip(range(1500), csv.DictReader(f))]


@pytest.mark.parametrize("target, other", [("recommended", "Rating"),
                                           ("rating", "Recommended IND")])
def test_no_label_is_an_input(tmp_path, raw_rows, target, other):
    """Changing the other label column (Rating for clothing-recommended) changes no input."""
    rng = np.random.default_rng(0)
    changed = [dict(row, **{other: str(rng.integers(1, 6) if other == "Rating"
                                       else rng.integers(0, 2))}) for row in raw_rows]
    assert any(a[other] != b[other] for a, b in zip(raw_rows, changed))
    a = data.load_clothing(target, path=_write(tmp_path / "a.csv.gz", raw_rows))
    b = data.load_clothing(target, path=_write(tmp_path / "b.csv.gz", changed))
    assert torch.equal(a.labels, b.labels) and torch.equal(a.mask, b.mask)
    for x, y in zip(a.modalities, b.modalities):
        assert torch.equal(x, y)
    assert not any("rating" in c.lower() or "recommend" in c.lower()
                   for c in a.featurize.tabular_columns)
    # while the task's own label does reach the labels
    labels = {"recommended": "Recommended IND", "rating": "Rating"}[target]
    flipped = [dict(row, **{labels: "1" if row[labels] != "1" else "0" if target ==
                            "recommended" else "2"}) for row in raw_rows]
    c = data.load_clothing(target, path=_write(tmp_path / "c.csv.gz", flipped))
    assert not torch.equal(a.labels, c.labels)


def test_the_cache_returns_identical_arrays(small, cache_folder, monkeypatch):
    texts = small.featurize.texts["title"]
    settings = data.CLOTHING_TEXT["title"]
    fit_rows = training.protocol_splits(small, 2)[0].numpy()
    fit_rows = fit_rows[small.mask[fit_rows, 0].numpy()]
    first = data.text_features(texts, fit_rows, settings)
    files = sorted(os.listdir(cache_folder))
    assert files and all(f.startswith("text-") and f.endswith(".npy") for f in files)
    assert data.text_features(texts, fit_rows, settings) is first  # in-process
    data._TEXT_MEMORY.clear()

    def refit(*args):
        raise AssertionError("recomputed although cached on disk")
    monkeypatch.setattr(data, "fit_text_svd", refit)
    from_disk = data.text_features(texts, fit_rows, settings)
    assert from_disk is not first and np.array_equal(from_disk, first)
    assert from_disk.dtype == np.float32 and from_disk.shape == (len(small), settings.dims)
    # other training rows: another key, so it is computed
    with pytest.raises(AssertionError, match="recomputed"):
        data.text_features(texts, fit_rows[:-5], settings)
    # and a new process (a fresh load) gets the same modalities as the first load
    monkeypatch.undo()
    data._TEXT_MEMORY.clear()
    again = data.load_clothing("rating", rows=2000)
    for x, y in zip(small.modalities, again.modalities):
        assert torch.equal(x, y)


def test_bad_input_gives_clear_errors(tmp_path, raw_rows):
    with pytest.raises(ValueError, match="target expected one of"):
        data.load_clothing("stars")
    with pytest.raises(ValueError, match=r"rows expected an integer in \[50, 23486\]"):
        data.load_clothing("rating", rows=10)
    with pytest.raises(data.DataError, match="no such file"):
        data.load_clothing("rating", path=str(tmp_path / "none.csv.gz"))
    no_rating = [{k: v for k, v in row.items() if k != "Rating"} for row in raw_rows[:60]]
    with pytest.raises(data.DataError, match="missing column.*Rating"):
        data.load_clothing("rating", path=_write(tmp_path / "x.csv.gz", no_rating))
    bad = [dict(row) for row in raw_rows[:60]]
    bad[3]["Rating"] = "7"
    with pytest.raises(data.DataError, match="line 5, column 'Rating': 7 is out of range"):
        data.load_clothing("rating", path=_write(tmp_path / "y.csv.gz", bad))


@pytest.mark.parametrize("task, metrics", [("clothing-rating", ("macro_f1", "accuracy")),
                                           ("clothing-recommended", ("auroc", "accuracy"))])
def test_a_short_cli_run_of_each_task(tmp_path, capsys, task, metrics):
    out = tmp_path / "run.json"
    ckpt = tmp_path / "run.pt"
    code = cli.main(["train", "--task", task, "--subsample", "1000", "--rate", "0.3", "--quiet",
                     "--set", "epochs=2", *TINY, "--json", str(out), "--checkpoint", str(ckpt)])
    stdout, stderr = capsys.readouterr()
    assert code == 0, stderr
    result = json.loads(out.read_text())
    assert result["config"]["data"]["subsample"] == 1000
    assert result["config"]["data"]["input_dims"] == WIDTHS
    assert result["config"]["metrics"] == list(metrics)
    assert 1 <= result["result"]["epoch"] <= 2
    assert all(0.0 <= result["result"]["test"][m] <= 1.0 for m in metrics)
    assert "| test |" in stdout
    # evaluate reloads the same subset from the checkpoint's record
    code = cli.main(["evaluate", "--checkpoint", str(ckpt), "--rates", "0.3"])
    stdout, stderr = capsys.readouterr()
    assert code == 0, stderr
    assert f"{100 * result['result']['test'][metrics[0]]:.2f}" in stdout


def test_subsample_errors_are_one_line(capsys):
    assert cli.main(["train", "--task", "handwritten", "--subsample", "100"]) == 2
    assert "task 'handwritten' has no subsample" in capsys.readouterr().err
    assert cli.main(["train", "--task", "clothing-rating", "--subsample", "10"]) == 2
    assert "rows expected an integer in [50, 23486]" in capsys.readouterr().err
