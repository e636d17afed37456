"""The command line (cldmdf.cli, ``python -m cldmdf``): train with checkpoints and resume,
evaluate, experiment, user CSV data, and the one-line message and exit code 2 of every
bad input. Tiny settings (a few epochs, small models, nutrimouse or a 90-row CSV) keep
the file well under a minute on one core."""
import json
import os
import subprocess
import sys

import numpy as np
import pytest
import torch

from cldmdf import checkpoint, cli, data, experiment, training
from cldmdf.progress import EpochProgress
from conftest import run_cli

TINY = ["dim=8", "num_layers=1", "num_heads=2", "proj_dim=4", "hidden=8", "batch_size=16"]


pytestmark = pytest.mark.usefixtures("restore_threads")


def write_csv(path, rows=90, seed=0, entity=True, labels=("alpha", "beta", "gamma")):
    """A small learnable CSV data set: 3 modalities (widths 4, 3, 2) whose features shift
    with the class, some modalities missing (all their cells empty), some single cells
    missing, and two rows per entity."""
    rng = np.random.default_rng(seed)
    widths = {"img": 4, "txt": 3, "lab": 2}
    header = ["label"] + (["entity"] if entity else []) + [
        f"{m}:f{j}" for m, w in widths.items() for j in range(w)]
    lines = [",".join(header)]
    for i in range(rows):
        c = (i // 2) % len(labels)  # both rows of an entity share the class
        cells = [labels[c]] + ([f"e{i // 2}"] if entity else [])
        for k, (m, w) in enumerate(widths.items()):
            values = rng.normal(c * 1.5, 1.0, w)
            missing_modality = k > 0 and rng.random() < 0.2
            for j in range(w):
                if missing_modality or rng.random() < 0.05:
                    cells.append("")
                else:
                    cells.append(f"{values[j]:.4f}")
        lines.append(",".join(cells))
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.fixture(scope="module")
def csv_file(tmp_path_factory):
    return write_csv(tmp_path_factory.mktemp("csv") / "toy.csv")


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A finished nutrimouse checkpoint (4 epochs) shared by the evaluate tests."""
    path = tmp_path_factory.mktemp("ckpt") / "nutri.pt"
    assert cli.main(["train", "--task", "nutrimouse", "--rate", "0.25", "--quiet",
                     "--set", "epochs=4", *TINY, "--checkpoint", str(path)]) == 0
    return path


# --------------------------------------------------------------------------- train

def test_train_shows_progress_and_saves_the_selected_model(tmp_path, capsys):
    ckpt, out_json = tmp_path / "run.pt", tmp_path / "run.json"
    code, out, err = run_cli(capsys, "train", "--task", "nutrimouse", "--model", "cl-dmdf",
                             "--rate", "0.25", "--seed", "1", "--set", "epochs=3", *TINY,
                             "--checkpoint", ckpt, "--json", out_json, "--progress", "lines")
    assert code == 0, err
    lines = [line for line in err.splitlines() if " epoch " in line]
    assert len(lines) == 3 and "epoch 3/3 loss" in lines[-1] and "val accuracy" in lines[-1]
    assert "best" in lines[-1]
    assert "| test |" in out and "selected epoch" in out
    payload = torch.load(ckpt, weights_only=True)
    assert payload["complete"] and payload["config"]["model"] == "cl-dmdf"
    assert payload["config"]["rate"] == 0.25 and payload["config"]["seed"] == 1
    result = json.loads(out_json.read_text())["result"]
    assert result["epoch"] == payload["result"]["epoch"] and 1 <= result["epoch"] <= 3
    assert len(result["importance"]) == 2  # classes × modalities
    # the checkpoint's model is the selected one: it reproduces the reported test scores
    model = checkpoint.build_model(str(ckpt), payload["config"], payload["model"])
    folds = training.prepare_folds(data.load_nutrimouse(), 0.25, 1)
    assert training.evaluate(model, folds["test"], 2) == result["test"]
    training_state = payload["training"]
    assert {"model", "optimizer", "fit", "rng"} <= set(training_state)
    assert training_state["fit"]["epoch"] == 3 and len(training_state["fit"]["history"]) == 3


def test_progress_bar_redraws_one_line():
    import io
    stream = io.StringIO()
    bar = EpochProgress(4, "accuracy", "bar", stream=stream, width=8)
    for epoch in (1, 2):
        bar.update(epoch, 0.5, {"accuracy": 0.75}, 1, 0.75)
    bar.close()
    text = stream.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n") and text.count("\n") == 1
    assert "[####----] epoch 2/4" in text
    quiet = io.StringIO()
    EpochProgress(4, "accuracy", "none", stream=quiet).update(1, 0.5, {"accuracy": 1.0}, 1, 1.0)
    assert quiet.getvalue() == ""


def test_python_dash_m_runs_the_cli(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "cldmdf", "train", "--task", "nutrimouse",
                           "--model", "late-fusion", "--set", "epochs=1", "hidden=8",
                           "--progress", "lines"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "epoch 1/1" in proc.stderr and "| test |" in proc.stdout


RESUME_SETTINGS = ["--task", "nutrimouse", "--rate", "0.25", "--set", "epochs=7", "patience=3",
                   "modality_dropout=0.5", "dropout=0.2", *TINY]


def checkpoint_equal(a, b):
    for key in a["model"]:
        assert torch.equal(a["model"][key], b["model"][key]), key
    assert a["training"]["fit"]["history"] == b["training"]["fit"]["history"]
    for key in ("epoch", "val", "test", "realised_rate", "importance"):
        assert a["result"][key] == b["result"][key], key


def test_resumed_training_gives_the_same_result_as_uninterrupted(tmp_path, capsys):
    """Dropout and modality dropout draw random numbers every epoch, so this also checks
    that the generators are restored."""
    whole, parts = tmp_path / "whole.pt", tmp_path / "parts.pt"
    assert run_cli(capsys, "train", *RESUME_SETTINGS, "--quiet", "--checkpoint", whole)[0] == 0
    code, _, err = run_cli(capsys, "train", *RESUME_SETTINGS, "--quiet", "--checkpoint", parts,
                           "--stop-after", "2")
    assert code == 0 and "stopped after epoch 2" in err and "--resume" in err
    partial = torch.load(parts, weights_only=True)
    assert not partial["complete"] and partial["training"]["fit"]["epoch"] == 2
    code, _, err = run_cli(capsys, "train", "--checkpoint", parts, "--resume", "--stop-after", "2",
                           "--quiet")
    assert code == 0 and "stopped after epoch 4" in err
    code, out, err = run_cli(capsys, "train", "--checkpoint", parts, "--resume",
                             "--progress", "lines")
    assert code == 0 and "resuming" in err and "epoch 5/7" in err and "epoch 1/7" not in err
    checkpoint_equal(torch.load(whole, weights_only=True), torch.load(parts, weights_only=True))
    # resuming a finished run changes nothing
    code, out, err = run_cli(capsys, "train", "--checkpoint", parts, "--resume")
    assert code == 0 and "already finished" in err and "| test |" in out


def test_fit_resumes_from_a_snapshot_exactly():
    """The library level: fit(callback=...) snapshots, fit(resume=...) continues."""
    ds = data.load_nutrimouse()
    folds = training.prepare_folds(ds, 0.25, 0)
    cfg = training.TrainConfig(epochs=5, batch_size=16, patience=5)

    def model():
        torch.manual_seed(0)
        return training.build_model("cl-dmdf", [x.shape[1] for x in ds.modalities], 2,
                                    dict(dim=8, num_heads=2, modality_dropout=0.5))

    whole = model()
    expected = training.fit(whole, folds["train"], folds["val"], 2, cfg, "accuracy", 0)
    snapshots = []

    class Interrupt(Exception):
        pass

    def stop_at_3(end):
        snapshots.append(end.snapshot())
        if end.epoch == 3:
            raise Interrupt

    with pytest.raises(Interrupt):
        training.fit(model(), folds["train"], folds["val"], 2, cfg, "accuracy", 0, stop_at_3)
    torch.manual_seed(123)  # whatever happens in between, resume restores the generators
    resumed = model()
    got = training.fit(resumed, folds["train"], folds["val"], 2, cfg, "accuracy", 0,
                       resume=snapshots[-1])
    assert got == expected
    for a, b in zip(resumed.state_dict().values(), whole.state_dict().values()):
        assert torch.equal(a, b)


def test_interrupted_training_keeps_a_resumable_checkpoint(tmp_path, capsys, monkeypatch):
    ckpt = tmp_path / "int.pt"
    real_evaluate, calls = training.evaluate, []

    def evaluate_then_interrupt(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_evaluate(*args, **kwargs)

    monkeypatch.setattr(training, "evaluate", evaluate_then_interrupt)
    code, _, err = run_cli(capsys, "train", *RESUME_SETTINGS, "--quiet", "--checkpoint", ckpt)
    assert code == 130 and "interrupted" in err and "--resume" in err
    assert torch.load(ckpt, weights_only=True)["training"]["fit"]["epoch"] == 2


# --------------------------------------------------------------------------- evaluate

def test_evaluate_scores_a_checkpoint_at_every_missing_rate(trained, tmp_path, capsys):
    out_json = tmp_path / "eval.json"
    code, out, err = run_cli(capsys, "evaluate", "--checkpoint", trained, "--json", out_json)
    assert code == 0, err
    table = [line for line in out.splitlines() if line.startswith("| 0")]
    assert [line.split(" | ")[0] for line in table] == ["| 0", "| 0.25"]  # nutrimouse's η
    payload = json.loads(out_json.read_text())
    assert [r["rate"] for r in payload["results"]] == [0.0, 0.25]
    assert payload["config"]["model"] == "cl-dmdf"
    # the η the model was trained at reproduces the test scores of training
    trained_result = torch.load(trained, weights_only=True)["result"]
    assert payload["results"][1]["test"] == trained_result["test"]


def test_evaluate_with_chosen_rates_and_default_json_path(trained, tmp_path, capsys):
    copy = tmp_path / "copy.pt"
    copy.write_bytes(trained.read_bytes())
    code, out, _ = run_cli(capsys, "evaluate", "--checkpoint", copy, "--rates", "0.1", "0.5",
                           "--model", "cl-dmdf", "--task", "nutrimouse")
    assert code == 0
    payload = json.loads((tmp_path / "copy.eval.json").read_text())
    assert [r["rate"] for r in payload["results"]] == [0.1, 0.5]
    assert abs(payload["results"][1]["realised_rate"] - 0.5) < 0.15  # the test part of it


def test_evaluate_an_unfinished_checkpoint_uses_its_best_epoch(tmp_path, capsys):
    ckpt = tmp_path / "part.pt"
    run_cli(capsys, "train", *RESUME_SETTINGS, "--quiet", "--checkpoint", ckpt, "--stop-after", "2")
    code, out, err = run_cli(capsys, "evaluate", "--checkpoint", ckpt)
    assert code == 0 and "not finished" in err and "| 0.25 |" in out


# --------------------------------------------------------------------------- experiment

def test_experiment_writes_json_markdown_and_plots(tmp_path, capsys):
    out_dir = tmp_path / "exp"
    code, out, err = run_cli(capsys, "experiment", "--tasks", "nutrimouse", "--models", "cl-dmdf",
                             "baselines", "--rates", "0", "0.25", "--seeds", "2", "--set",
                             "epochs=2", *TINY, "--out", out_dir)
    assert code == 0, err
    assert "[16/16] nutrimouse" in err  # 2 η × 4 models (cl-dmdf, 3 baselines) × 2 seeds
    assert "### nutrimouse: accuracy" in out and "| late-fusion |" in out
    payload = json.loads((out_dir / "results.json").read_text())
    assert len(payload["runs"]) == 16
    assert payload["args"]["models"] == ["cl-dmdf", "concat-mlp", "late-fusion", "logistic"]
    assert payload["tasks"]["nutrimouse"]["modalities"] == ["gene", "lipid"]
    assert (out_dir / "results.md").read_text().strip() == out.split("\nresults:")[0].strip()
    plots = sorted(os.listdir(out_dir / "plots"))
    assert plots == ["nutrimouse_accuracy_vs_missing_rate.png",
                     "nutrimouse_macro_f1_vs_missing_rate.png",
                     "nutrimouse_modality_importance.png"]
    assert all((out_dir / "plots" / p).stat().st_size > 1000 for p in plots)


def test_quick_experiment_is_the_main_jobs_setting(tmp_path, capsys, monkeypatch):
    """--quick: Handwritten and ROSMAP, CL-DMDF and the three baselines, every η, 2 seeds
    (runs faked)."""
    calls = []

    def fake_run(task, model, rate, seed, overrides, ds, t, device="cpu"):
        calls.append((task, model, rate, seed))
        scores = {"loss": 0.1, "accuracy": 0.9, "macro_f1": 0.9, "auroc": 0.9, "f1": 0.9}
        return {"task": task, "model": model, "rate": rate, "seed": seed,
                "realised_rate": rate, "epoch": 1, "val": scores, "test": scores, "seconds": 0.0,
                **({"importance": [[1 / len(ds.modalities)] * len(ds.modalities)]
                    * ds.num_classes} if model == "cl-dmdf" else {})}

    monkeypatch.setattr(training, "run", fake_run)
    code, out, err = run_cli(capsys, "experiment", "--quick", "--quiet", "--out", tmp_path)
    assert code == 0, err
    assert {c[0] for c in calls} == {"handwritten", "rosmap"}
    assert sorted({c[1] for c in calls}) == ["cl-dmdf", "concat-mlp", "late-fusion", "logistic"]
    assert sorted({c[2] for c in calls if c[0] == "handwritten"}) == [0.0, 0.1, 0.3, 0.5, 0.7]
    assert sorted({c[2] for c in calls if c[0] == "rosmap"}) == [0.0, 0.1, 0.3, 0.5]
    assert sorted({c[3] for c in calls}) == [0, 1] and len(calls) == (5 + 4) * 4 * 2
    assert os.path.exists(tmp_path / "plots" / "handwritten_modality_importance.png")
    assert os.path.exists(tmp_path / "plots" / "rosmap_modality_importance.png")
    calls.clear()
    assert run_cli(capsys, "experiment", "--quick", "--quiet", "--seeds", "1", "--models", "all",
                   "--rates", "0.5", "--json", tmp_path / "x.json")[0] == 0
    # every variant but the dynamic one (measured by `cldmdf dynamic`)
    assert sorted({c[1] for c in calls}) == sorted(set(training.VARIANTS) - {"cl-dmdf-dynamic"})
    assert len(calls) == (len(training.VARIANTS) - 1) * 2 and {c[3] for c in calls} == {0}
    assert json.loads((tmp_path / "x.json").read_text())["args"]["quick"] is True


def test_plot_results_example_replots_a_results_file(tmp_path, capsys):
    runs = [{"task": "t", "model": m, "rate": r, "seed": s, "realised_rate": r, "epoch": 1,
             "val": {"accuracy": 0.5}, "test": {"accuracy": 0.5 + r / 10}}
            for m in ("a", "b") for r in (0.0, 0.5) for s in (0, 1)]
    experiment.save_results(str(tmp_path / "r.json"), {}, {}, 0.1, runs)
    proc = subprocess.run([sys.executable, "examples/plot_results.py", str(tmp_path / "r.json"),
                           "--out", str(tmp_path / "p")], capture_output=True, text=True,
                          cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert os.listdir(tmp_path / "p") == ["t_accuracy_vs_missing_rate.png"]


# --------------------------------------------------------------------------- CSV data

def test_csv_loader_reads_modalities_missingness_entities_and_labels(csv_file):
    ds = data.load_csv(str(csv_file))
    assert ds.name == "toy" and ds.modality_names == ["img", "txt", "lab"]
    assert [x.shape[1] for x in ds.modalities] == [4, 3, 2] and len(ds) == 90
    assert ds.class_names == ["alpha", "beta", "gamma"] and ds.num_classes == 3
    assert ds.mask[:, 0].all() and not ds.mask[:, 1:].all()  # img never fully missing
    for m, x in enumerate(ds.modalities):
        assert x[~ds.mask[:, m]].isnan().all()
    assert torch.equal(ds.entity, torch.arange(90) // 2)
    # single missing cells of a present modality are imputed after standardisation
    folds = training.prepare_folds(ds, 0.0, 0)
    for fold in folds.values():
        for m, x in enumerate(fold.modalities):
            assert x[fold.mask[:, m]].isfinite().all()
    # splits keep an entity's rows together
    train, val, test = training.protocol_splits(ds, 0)
    assert not set(ds.entity[train].tolist()) & set(ds.entity[test].tolist())


def test_csv_integer_labels_are_ordered_numerically(tmp_path):
    path = tmp_path / "n.csv"
    path.write_text("label,m:a\n10,1\n9,2\n10,3\n9,4\n")
    ds = data.load_csv(str(path))
    assert ds.class_names == ["9", "10"] and ds.labels.tolist() == [1, 0, 1, 0]
    assert torch.equal(ds.entity, torch.arange(4))


def test_train_evaluate_and_experiment_on_csv_data(csv_file, tmp_path, capsys):
    ckpt = tmp_path / "toy.pt"
    code, out, err = run_cli(capsys, "train", "--data", csv_file, "--rate", "0.3", "--set",
                             "epochs=3", *TINY, "--checkpoint", ckpt, "--quiet")
    assert code == 0, err
    config = torch.load(ckpt, weights_only=True)["config"]
    assert config["data"]["classes"] == ["alpha", "beta", "gamma"]
    assert config["model_kwargs"]["entity_mode"] == "entity"  # the CSV has an entity column
    code, out, err = run_cli(capsys, "evaluate", "--checkpoint", ckpt, "--data", csv_file)
    assert code == 0, err
    assert "| 0.3 |" in out and "| 0.5 |" in out and "| 0.7 |" not in out  # 3 modalities: η <= 2/3
    code, out, err = run_cli(capsys, "experiment", "--data", csv_file, "--models", "cl-dmdf",
                             "--rates", "0.3", "--seeds", "1", "--set", "epochs=2", *TINY,
                             "--out", tmp_path / "exp", "--quiet")
    assert code == 0, err
    assert "### toy: accuracy" in out
    assert os.path.exists(tmp_path / "exp" / "plots" / "toy_modality_importance.png")


# --------------------------------------------------------------------------- bad input

BAD_FILES = {
    "empty.csv": ("", "the file is empty"),
    "blank.csv": ("\n \n", "the file is empty"),
    "header_only.csv": ("label,m:a\n", "no data rows"),
    "no_label.csv": ("m:a,m:b\n1,2\n", "no 'label' column"),
    "bad_column.csv": ("label,m:a,age\n1,2,3\n0,1,2\n", "column 'age' is neither"),
    "empty_feature_name.csv": ("label,m:\n1,2\n0,1\n", "column 'm:' is neither"),
    "no_features.csv": ("label,entity\n1,a\n0,b\n", "no feature columns"),
    "duplicate.csv": ("label,m:a,m:a\n1,2,3\n", "appears twice"),
    "nan_label.csv": ("label,m:a\n1,2\nNaN,3\n", "line 3: the label is empty or NaN"),
    "empty_label.csv": ("label,m:a\n1,2\n,3\n", "line 3: the label is empty or NaN"),
    "empty_entity.csv": ("label,entity,m:a\n1,x,2\n0,,3\n", "line 3: the entity is empty"),
    "text_feature.csv": ("label,m:a\n1,2\n0,seven\n", "line 3, column 'm:a': 'seven' is not a number"),
    "inf_feature.csv": ("label,m:a\n1,2\n0,inf\n", "'inf' is not a finite number"),
    "ragged.csv": ("label,m:a\n1,2\n0,3,4\n", "line 3 has 3 fields, the header has 2"),
    "one_class.csv": ("label,m:a\n1,2\n1,3\n", "single class"),
    "tiny.csv": ("label,m:a\n1,2\n0,3\n1,4\n0,5\n", "too small for the protocol"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_bad_data_files_give_one_line_and_exit_code_2(name, tmp_path, capsys):
    text, message = BAD_FILES[name]
    path = tmp_path / name
    path.write_text(text)
    code, out, err = run_cli(capsys, "train", "--data", path, "--quiet")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("cldmdf: error: "), err
    assert message in err, err
    assert name in err or message == "too small for the protocol"


def test_missing_unreadable_and_binary_data_files(tmp_path, capsys):
    cases = [(tmp_path / "nope.csv", "nope.csv: no such file"),
             (tmp_path, "is a directory"),
             (tmp_path / "img.csv", "cannot read it as UTF-8 text"),
             (tmp_path / "nul.csv", "line 2, column 'm:a': '\\x002' is not a number")]
    (tmp_path / "img.csv").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\xfd")
    (tmp_path / "nul.csv").write_bytes(b"label,m:a\n1,\x002\n")
    for path, message in cases:
        for command in (["train", "--data", path], ["experiment", "--data", path]):
            code, _, err = run_cli(capsys, *command)
            assert code == 2 and message in err and err.count("\n") == 1, err


BAD_ARGS = [
    (["train", "--task", "mnist"],
     "argument --task: unknown task 'mnist' (choose from clothing-rating, clothing-recommended, "
     "handwritten"),
    (["train", "--model", "transformer"], "argument --model: unknown model 'transformer'"),
    (["experiment", "--models", "cl-dmdf", "gpt"], "unknown model 'gpt'"),
    (["experiment", "--tasks", "nope"], "unknown task 'nope'"),
    (["train", "--rate", "1.5"], "missing rate η must be in [0, 1), got 1.5"),
    (["train", "--rate", "-0.1"], "missing rate η must be in [0, 1), got -0.1"),
    (["train", "--rate", "half"], "missing rate η must be a number, got 'half'"),
    (["evaluate", "--checkpoint", "x.pt", "--rates", "0.2", "2"], "must be in [0, 1), got 2"),
    (["experiment", "--rates", "1"], "must be in [0, 1), got 1"),
    (["train", "--task", "nutrimouse", "--rate", "0.7"],
     "η = 0.7 is impossible on nutrimouse: every sample keeps one of its 2 modalities"),
    (["train", "--seed", "-1"], "seed must be an integer >= 0"),
    (["experiment", "--seeds", "0"], "the number must be an integer >= 1, got 0"),
    (["train", "--task", "nutrimouse", "--set", "learning_rate=0.1"], "unknown settings ['learning_rate']"),
    (["train", "--task", "nutrimouse", "--set", "lr"], "a setting must be KEY=VALUE, got 'lr'"),
    (["train", "--task", "nutrimouse", "--set", "epochs=0"], "epochs must be an integer >= 1"),
    (["train", "--task", "nutrimouse", "--set", "fusion=max"], "fusion must be one of"),
    (["train", "--task", "nutrimouse", "--set", "dim=abc"], "dim must be an integer, got 'abc'"),
    (["train", "--task", "nutrimouse", "--set", "lr=fast"], "lr must be a number >= 0, got 'fast'"),
    ([], "choose a command: train, evaluate, experiment or dynamic"),
    (["train", "--task", "nutrimouse", "--data", "x.csv"], "not allowed with argument"),
    (["experiment", "--tasks", "nutrimouse", "--data", "x.csv"], "either --tasks or --data"),
    (["train", "--resume"], "--resume needs --checkpoint"),
    (["train", "--stop-after", "2"], "--stop-after needs --checkpoint"),
    (["train", "--progress", "fancy"], "invalid choice: 'fancy'"),
    (["frobnicate"], "invalid choice: 'frobnicate'"),
    (["evaluate"], "the following arguments are required: --checkpoint"),
    (["evaluate", "--checkpoint", "missing.pt"], "checkpoint missing.pt does not exist"),
    (["train", "--checkpoint", "missing.pt", "--resume"], "checkpoint missing.pt does not exist"),
]


@pytest.mark.parametrize("argv,message", BAD_ARGS, ids=[" ".join(a) for a, _ in BAD_ARGS])
def test_bad_arguments_give_one_line_and_exit_code_2(argv, message, capsys, tmp_path,
                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_cli(capsys, *argv)
    assert code == 2
    assert err.count("\n") == 1 and ": error: " in err, err
    assert message in err, err


def test_rate_below_the_natural_missingness_is_refused(tmp_path, capsys):
    path = write_csv(tmp_path / "nat.csv")  # ~13 % of the entries are missing already
    code, _, err = run_cli(capsys, "train", "--data", path, "--rate", "0.05")
    assert code == 2 and "below the natural missing rate" in err and err.count("\n") == 1


def test_checkpoint_errors(trained, csv_file, tmp_path, capsys):
    not_torch = tmp_path / "notes.pt"
    not_torch.write_text("hello")
    tensor = tmp_path / "tensor.pt"
    torch.save(torch.ones(3), tensor)
    other_csv = write_csv(tmp_path / "other.csv", seed=1)
    cases = [
        (["evaluate", "--checkpoint", not_torch], f"{not_torch} is not a cldmdf checkpoint (torch.load cannot read it"),
        (["evaluate", "--checkpoint", tensor], f"{tensor} is not a cldmdf checkpoint"),
        (["evaluate", "--checkpoint", tmp_path], "is a directory"),
        (["evaluate", "--checkpoint", trained, "--model", "late-fusion"],
         "holds model 'cl-dmdf', not 'late-fusion'"),
        (["evaluate", "--checkpoint", trained, "--task", "handwritten"],
         "belongs to task 'nutrimouse', not task 'handwritten'"),
        (["evaluate", "--checkpoint", trained, "--data", csv_file],
         "belongs to task 'nutrimouse', not data file"),
        (["train", "--checkpoint", trained, "--resume", "--model", "concat-mlp"],
         "holds model 'cl-dmdf', not 'concat-mlp'"),
        (["train", "--checkpoint", trained, "--resume", "--rate", "0.1"],
         "was trained with rate 0.25, not 0.1"),
        (["train", "--checkpoint", trained, "--resume", "--seed", "3"],
         "was trained with seed 0, not 3"),
        (["train", "--checkpoint", trained, "--resume", "--set", "epochs=9"],
         "was trained with --set"),
        (["train", "--task", "nutrimouse", "--checkpoint", trained],
         "already exists; continue it with --resume or start over with --force"),
    ]
    ckpt = tmp_path / "toy.pt"
    assert cli.main(["train", "--data", str(csv_file), "--set", "epochs=1", *TINY, "--quiet",
                     "--checkpoint", str(ckpt)]) == 0
    capsys.readouterr()
    cases += [
        (["evaluate", "--checkpoint", ckpt, "--data", other_csv], "belongs to another data set"),
        (["train", "--checkpoint", ckpt, "--resume", "--data", other_csv],
         "belongs to another data set"),
    ]
    # the data file changed after training
    moved = tmp_path / "moved.csv"
    moved.write_bytes(csv_file.read_bytes())
    ckpt2 = tmp_path / "moved.pt"
    assert cli.main(["train", "--data", str(moved), "--set", "epochs=1", *TINY, "--quiet",
                     "--checkpoint", str(ckpt2)]) == 0
    capsys.readouterr()
    moved.write_text(moved.read_text().replace("alpha", "delta"))
    cases += [(["evaluate", "--checkpoint", ckpt2], "changed since the checkpoint was written")]
    for argv, message in cases:
        code, _, err = run_cli(capsys, *argv)
        assert code == 2 and err.count("\n") == 1, (argv, err)
        assert message in err, (argv, err)
