"""The cldmdf command line: ``python -m cldmdf {train,evaluate,experiment} ...``
(installed as the console script ``cldmdf``, entry point ``cldmdf.cli:main``).

    cldmdf train --task handwritten --model cl-dmdf --rate 0.3 --seed 0 --checkpoint hw.pt
    cldmdf train --checkpoint hw.pt --resume            # continue an interrupted run
    cldmdf evaluate --checkpoint hw.pt                   # test scores at every η of the task
    cldmdf experiment --quick --out results              # CL-DMDF + baselines, Handwritten
    cldmdf experiment --out full                         # the full protocol (hours)
    cldmdf dynamic --task handwritten --budgets 0.5 0.7 1 --seeds 3 --out dyn  # compute curve
    cldmdf train --data mydata.csv --rate 0.3 --checkpoint my.pt   # a user's CSV data set
    torchrun --nproc-per-node 2 -m cldmdf train --task handwritten  # DDP over 2 processes

Bad arguments and bad data files print one line on stderr and exit with code 2.
"""
import argparse
import dataclasses
import json
import os
import sys
import time
from typing import Dict, List, Optional, Sequence

import torch
import torch.distributed as dist

from . import checkpoint, compute, data, experiment, training
from .checkpoint import file_sha256
from .progress import MODES as PROGRESS_MODES
from .progress import EpochProgress

PROG = "cldmdf"
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Bad arguments, data or checkpoint: reported as one line, exit code 2."""

    def __init__(self, message: str, prog: str = PROG):
        super().__init__(message)
        self.prog = prog


class StopRequested(Exception):
    """--stop-after reached: the checkpoint is saved, training can be resumed."""


class Parser(argparse.ArgumentParser):
    """argparse with its errors as one line (no usage block) through UsageError."""

    def error(self, message):
        raise UsageError(message, self.prog)


# --------------------------------------------------------------------------- argument types

def rate_type(text: str) -> float:
    try:
        rate = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"missing rate η must be a number, got {text!r}")
    if not 0.0 <= rate < 1.0:
        raise argparse.ArgumentTypeError(f"missing rate η must be in [0, 1), got {text}")
    return rate


def _int_at_least(low: int, what: str):
    """An argparse type: an integer >= low, named `what` in the error."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what} must be an integer >= {low}, got {text!r}")
        if value < low:
            raise argparse.ArgumentTypeError(f"{what} must be an integer >= {low}, got {text}")
        return value
    return parse


positive_int = _int_at_least(1, "the number")
seed_type = _int_at_least(0, "seed")


def setting_type(text: str):
    try:
        return experiment.parse_setting(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err))


def choice_type(kind: str, choices: Sequence[str]):
    def parse(text: str) -> str:
        if text not in choices:
            raise argparse.ArgumentTypeError(f"unknown {kind} {text!r} (choose from "
                                             f"{', '.join(choices)})")
        return text
    parse.__name__ = kind
    return parse


task_type = choice_type("task", sorted(training.TASKS))
model_type = choice_type("model", list(training.VARIANTS))
models_type = choice_type("model", list(training.VARIANTS) + ["all", "baselines", "ablations"])


# --------------------------------------------------------------------------- data and settings

def load_task(task_name: Optional[str], data_path: Optional[str],
              subsample: Optional[int] = None) -> experiment.TaskData:
    """The embedded task ``task_name`` or the user's CSV data set at ``data_path``;
    ``subsample``: a fixed random subset of that many rows (tasks that offer one)."""
    if data_path is not None:
        if subsample is not None:
            raise UsageError("--subsample applies to the embedded tasks, not to --data")
        ds = data.load_csv(data_path)
        return experiment.TaskData(ds.name, training.dataset_task(ds), ds)
    task = training.TASKS[task_name]
    if subsample is None:
        return experiment.TaskData(task_name, task, task.load())
    if task.subsample is None:
        offering = sorted(name for name, t in training.TASKS.items() if t.subsample)
        raise UsageError(f"--subsample: task {task_name!r} has no subsample (tasks that have "
                         f"one: {', '.join(offering)})")
    try:
        return experiment.TaskData(task_name, task, task.subsample(subsample))
    except ValueError as err:
        if isinstance(err, data.DataError):
            raise
        raise UsageError(f"--subsample {subsample}: {err}")


def check_rate(t: experiment.TaskData, rate: float) -> None:
    """η must be reachable on the data set: at least its natural missing rate (η = 0
    means natural only), at most what leaves every sample one modality."""
    mask = t.ds.mask
    natural, max_rate = data.missing_rate_bounds(mask)
    if rate > max_rate + data.RATE_TOL:
        raise UsageError(f"missing rate η = {rate:g} is impossible on {t.name}: every sample keeps "
                         f"one of its {mask.shape[1]} modalities, so η <= {max_rate:.3f}")
    if 0 < rate < natural - data.RATE_TOL:
        raise UsageError(f"missing rate η = {rate:g} is below the natural missing rate "
                         f"{natural:.3f} of {t.name} (η = 0 means natural missingness only)")


def check_setting_types(overrides: Dict) -> None:
    """A model setting must have the type of its default (an int where an int is
    expected, a number for a float, ...), so that '--set dim=abc' fails clearly."""
    defaults = training.setting_defaults()
    kinds = [(bool, (bool,), "true or false (True/False)"), (int, (int,), "an integer"),
             (float, (int, float), "a number"), (str, (str,), "text")]
    for name, value in overrides.items():
        if name not in defaults:
            continue
        for default_type, accepted, what in kinds:
            if isinstance(defaults[name], default_type):
                ok = isinstance(value, accepted) and (default_type is bool
                                                      or not isinstance(value, bool))
                if not ok:
                    raise UsageError(f"bad --set: {name} must be {what}, got {value!r}")
                break


def check_settings(t: experiment.TaskData, models: Sequence[str], overrides: Dict):
    """The run settings of every model; unknown or bad settings are usage errors (the
    models are built once here so that a bad value fails before any training)."""
    check_setting_types(overrides)
    try:
        cfg, model_kwargs = training.run_settings(t.task, overrides)
        for model in models:
            training.build_model(model, [x.shape[1] for x in t.ds.modalities],
                                 t.ds.num_classes, model_kwargs)
    except (ValueError, TypeError) as err:
        raise UsageError(f"bad --set: {err}")
    return cfg, model_kwargs


def check_splits(t: experiment.TaskData, seeds: Sequence[int]) -> None:
    for seed in seeds:
        parts = dict(zip(("train", "validation", "test"), training.protocol_splits(t.ds, seed)))
        empty = [name for name, idx in parts.items() if len(idx) == 0]
        if empty:
            raise UsageError(f"{t.name} is too small for the protocol's 80/20 splits: the "
                             f"{' and '.join(empty)} part of seed {seed} is empty "
                             f"({len(t.ds)} rows, {t.ds.num_classes} classes)")


def data_identity(t: experiment.TaskData, task_name: Optional[str],
                  data_path: Optional[str], subsample: Optional[int] = None) -> Dict:
    ds = t.ds
    identity = {"task": task_name, "name": t.name, "modalities": list(ds.modality_names),
                "input_dims": [x.shape[1] for x in ds.modalities], "num_classes": ds.num_classes,
                "classes": ds.class_names, "rows": len(ds)}
    if subsample is not None:
        identity["subsample"] = subsample
    if data_path is not None:
        identity["path"] = os.path.abspath(data_path)
        identity["sha256"] = ds.source_sha256 or file_sha256(data_path)
    return identity


# --------------------------------------------------------------------------- checkpoints

def checkpoint_task(path: str, config: Dict, data_path: Optional[str]) -> experiment.TaskData:
    """The data set of a checkpoint (from ``data_path`` when given, e.g. after a move),
    checked against the checkpoint's record of it."""
    identity = config["data"]
    if identity.get("path") is None:
        t = load_task(identity["task"], None, identity.get("subsample"))
    else:
        source = data_path or identity["path"]
        if not os.path.isfile(source):
            raise UsageError(f"checkpoint {path} was trained on {identity['path']}, which no "
                             "longer exists; give the file with --data")
        recorded = identity["sha256"]
        current = file_sha256(source)
        if current == recorded:
            t = load_task(None, source)
            current = t.ds.source_sha256 or current  # the bytes parsed: changed meanwhile?
        if current != recorded:
            raise UsageError(f"checkpoint {path} belongs to another data set: {source} changed "
                             f"since the checkpoint was written (sha256 {recorded[:12]}… "
                             f"recorded, {current[:12]}… now)")
    dims = [x.shape[1] for x in t.ds.modalities]
    if dims != identity["input_dims"] or t.ds.num_classes != identity["num_classes"]:
        raise UsageError(f"checkpoint {path} belongs to another data set: it expects modality "
                         f"widths {identity['input_dims']} and {identity['num_classes']} classes, "
                         f"{t.name} has {dims} and {t.ds.num_classes}")
    return t


# --------------------------------------------------------------------------- train

def format_scores(scores: Dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.4f}" for k, v in scores.items())


def scores_table(rows: Dict[str, Dict[str, float]], metrics: Sequence[str]) -> str:
    columns = list(metrics) + ["loss"]
    lines = ["| split | " + " | ".join(experiment.METRIC_NAMES.get(c, c) for c in columns) + " |",
             "|---" * (len(columns) + 1) + "|"]
    for name, scores in rows.items():
        lines.append(f"| {name} | " + " | ".join(f"{scores[c]:.4f}" for c in columns) + " |")
    return "\n".join(lines)


def cmd_train(args) -> int:
    if args.resume and not args.checkpoint:
        raise UsageError("--resume needs --checkpoint PATH (the checkpoint to continue)")
    if args.stop_after is not None and not args.checkpoint:
        raise UsageError("--stop-after needs --checkpoint PATH (where to continue from)")
    overrides = dict(args.set) if args.set is not None else None
    resume, config = None, None
    if args.resume:
        payload = checkpoint.load(args.checkpoint)
        config = payload["config"]
        checkpoint.check_belongs(args.checkpoint, config, args.task, args.data, args.model)
        for name, given in (("rate", args.rate), ("seed", args.seed)):
            if given is not None and given != config[name]:
                raise UsageError(f"checkpoint {args.checkpoint} was trained with {name} "
                                 f"{config[name]:g}, not {given:g}")
        trained_subsample = config["data"].get("subsample")
        if args.subsample is not None and args.subsample != trained_subsample:
            raise UsageError(f"checkpoint {args.checkpoint} was trained with --subsample "
                             f"{trained_subsample or '(none: all rows)'}, not {args.subsample}")
        if overrides is not None and overrides != config["overrides"]:
            raise UsageError(f"checkpoint {args.checkpoint} was trained with --set "
                             f"{config['overrides'] or '(none)'}, not {overrides}")
        t = checkpoint_task(args.checkpoint, config, args.data)
        if payload["complete"]:
            print(f"{args.checkpoint}: training already finished (epoch {payload['result']['epoch']}"
                  " selected); nothing to resume", file=sys.stderr)
            print_result(payload["result"], t.task.metrics, args.checkpoint)
            return 0
        resume = payload["training"]
        task_name, model_name = config["data"]["task"], config["model"]
        rate, seed, overrides = config["rate"], config["seed"], config["overrides"]
    else:
        if args.checkpoint and os.path.exists(args.checkpoint) and not args.force:
            raise UsageError(f"checkpoint {args.checkpoint} already exists; continue it with "
                             "--resume or start over with --force")
        if args.checkpoint and os.path.isdir(args.checkpoint):
            raise UsageError(f"checkpoint {args.checkpoint} is a directory")
        task_name = None if args.data else (args.task or "handwritten")
        model_name = args.model or "cl-dmdf"
        rate = 0.0 if args.rate is None else args.rate
        seed = 0 if args.seed is None else args.seed
        overrides = overrides or {}
        t = load_task(task_name, args.data, args.subsample)
    check_rate(t, rate)
    cfg, model_kwargs = check_settings(t, [model_name], overrides)
    check_splits(t, [seed])
    if config is None:
        config = {"data": data_identity(t, task_name, args.data, args.subsample),
                  "model": model_name,
                  "rate": rate, "seed": seed, "overrides": overrides,
                  "train": dataclasses.asdict(cfg), "model_kwargs": model_kwargs,
                  "metrics": list(t.task.metrics), "rates": list(t.task.rates)}

    select = t.task.metrics[0]
    label = f"{t.name} {model_name} η={rate:g} seed={seed}"
    lead = training.world()[1] == 0  # under torchrun only rank 0 writes and reports
    progress = EpochProgress(cfg.epochs, select,
                             "none" if args.quiet or not lead else args.progress, label=label)
    start_epoch = resume["fit"]["epoch"] if resume else 0
    if resume and lead:
        print(f"{label}: resuming {args.checkpoint} after epoch {start_epoch}", file=sys.stderr)

    last = {"snapshot": resume, "saved": start_epoch if resume else None}

    def save_failed(err: checkpoint.CheckpointError, what: str):
        """The write error with what happened to the run and what the file holds: one line."""
        progress.close()
        held = (f"{args.checkpoint} holds epoch {last['saved']}: continue from there with "
                "--resume" if last["saved"] else "no epoch was saved")
        return checkpoint.CheckpointError(f"{err}; {what} ({held})")

    def on_epoch(end: training.EpochEnd):
        state = end.state
        progress.update(end.epoch, end.train_loss, end.val, state.best_epoch,
                        state.best_scores[select], "(early stop)" if state.stopped else "")
        if args.checkpoint and lead:
            snapshot = end.snapshot()
            try:
                checkpoint.save(args.checkpoint, checkpoint.payload(
                    config, False, snapshot["fit"]["best_state"], snapshot, None))
            except checkpoint.CheckpointError as err:
                raise save_failed(err, f"training stopped after epoch {end.epoch}") from None
            last["snapshot"], last["saved"] = snapshot, end.epoch
        if (args.stop_after is not None and end.epoch - start_epoch >= args.stop_after
                and not state.stopped and end.epoch < cfg.epochs):
            raise StopRequested(end.epoch)

    try:
        model, result = training.train_run(t.name, model_name, rate, seed, overrides, t.ds, t.task,
                                           callback=on_epoch, resume=resume, device=args.device)
    except StopRequested as stop:
        progress.close()
        if lead:
            print(f"{label}: stopped after epoch {stop.args[0]}; continue with "
              f"`{PROG} train --checkpoint {args.checkpoint} --resume`", file=sys.stderr)
        return 0
    except KeyboardInterrupt:
        progress.close()
        where = (f"; {args.checkpoint} holds the last finished epoch, continue with --resume"
                 if args.checkpoint else "")
        print(f"{PROG}: interrupted{where}", file=sys.stderr)
        return EXIT_INTERRUPTED
    progress.close()
    if not lead:
        return 0
    if args.checkpoint:
        try:
            checkpoint.save(args.checkpoint, checkpoint.payload(
                config, True, model.state_dict(), last["snapshot"], result))
        except checkpoint.CheckpointError as err:
            raise save_failed(err, "training finished but its final checkpoint is not written") \
                from None
    if args.json:
        write_json(args.json, {"config": config, "result": result})
    print_result(result, t.task.metrics, args.checkpoint)
    return 0


def print_result(result: Dict, metrics: Sequence[str], checkpoint: Optional[str]) -> None:
    print(f"{result['task']} {result['model']} η={result['rate']:g} seed={result['seed']}: "
          f"selected epoch {result['epoch']} (realised η {result['realised_rate']:.3f})\n")
    print(scores_table({"val": result["val"], "test": result["test"]}, metrics))
    if checkpoint:
        print(f"\ncheckpoint: {checkpoint}")


def write_json(path: str, payload) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(directory, exist_ok=True)
        with open(path, "w") as f:
            json.dump(payload, f, indent=1)
    except OSError as err:
        raise UsageError(f"cannot write {path}: {err.strerror or err}")


# --------------------------------------------------------------------------- evaluate

def cmd_evaluate(args) -> int:
    payload = checkpoint.load(args.checkpoint)
    config = payload["config"]
    checkpoint.check_belongs(args.checkpoint, config, args.task, args.data, args.model)
    t = checkpoint_task(args.checkpoint, config, args.data)
    rates = args.rates or config["rates"]
    for rate in rates:
        check_rate(t, rate)
    model = checkpoint.build_model(args.checkpoint, config, payload["model"])
    if not payload["complete"]:
        fit_state = payload["training"]["fit"]
        print(f"{args.checkpoint}: training is not finished (epoch {fit_state['epoch']} of "
              f"{config['train']['epochs']}); evaluating its best epoch so far "
              f"({fit_state['best_epoch']})", file=sys.stderr)
    seed = config["seed"]
    rows = []
    for rate in rates:
        test = training.prepare_folds(t.ds, rate, seed)["test"]
        scores = training.evaluate(model, test, t.ds.num_classes)
        rows.append({"rate": rate, "realised_rate": 1.0 - test.mask.double().mean().item(),
                     "test": scores})
    metrics = list(t.task.metrics)
    print(f"{t.name} {config['model']} trained at η={config['rate']:g}, seed {seed}: test "
          f"scores (%) of the selected epoch at every missing rate\n")
    columns = [experiment.METRIC_NAMES[m] for m in metrics]
    print("| η | realised η (test split) | " + " | ".join(columns) + " | loss |")
    print("|---" * (len(columns) + 3) + "|")
    for row in rows:
        cells = [f"{100 * row['test'][m]:.2f}" for m in metrics]
        print(f"| {row['rate']:g} | {row['realised_rate']:.3f} | " + " | ".join(cells)
              + f" | {row['test']['loss']:.4f} |")
    out = args.json or os.path.splitext(args.checkpoint)[0] + ".eval.json"
    write_json(out, {"checkpoint": os.path.abspath(args.checkpoint), "config": config,
                     "complete": payload["complete"], "results": rows})
    print(f"\njson: {out}")
    return 0


# --------------------------------------------------------------------------- experiment

def expand_models(names: Sequence[str]) -> List[str]:
    models = []
    for name in names:
        # all: every variant but the dynamic one, which `cldmdf dynamic` measures
        group = {"all": [m for m in training.VARIANTS if m not in experiment.DYNAMIC],
                 "baselines": experiment.BASELINES,
                 "ablations": experiment.ABLATIONS}.get(name, [name])
        models += [m for m in group if m not in models]
    return models


def cmd_experiment(args) -> int:
    defaults = experiment.QUICK if args.quick else experiment.FULL
    if args.data and args.tasks:
        raise UsageError("give either --tasks or --data, not both")
    models = expand_models(args.models or defaults["models"])
    seeds = args.seeds or defaults["seeds"]
    overrides = dict(args.set or [])
    if args.data:
        tasks = [load_task(None, args.data, args.subsample)]
    else:
        tasks = [load_task(name, None, args.subsample)
                 for name in dict.fromkeys(args.tasks or defaults["tasks"])]
    rates_of = {}
    for t in tasks:
        rates_of[t.name] = list(args.rates or t.task.rates)
        for rate in rates_of[t.name]:
            check_rate(t, rate)
        check_settings(t, models, overrides)
        check_splits(t, range(seeds))
    lead = training.world()[1] == 0  # under torchrun only rank 0 writes and reports
    log = (None if args.quiet or not lead
           else (lambda line: print(line, file=sys.stderr, flush=True)))

    start = time.time()
    try:
        results = experiment.run_protocol(tasks, models, rates_of, seeds, overrides, log,
                                          args.device)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    if not lead:
        return 0
    minutes = (time.time() - start) / 60
    text = experiment.report(results, tasks, models, rates_of, args.split, seeds, minutes,
                             overrides)
    print(text)
    described = {t.name: t.describe(rates_of[t.name]) for t in tasks}
    settings = {"tasks": [t.name for t in tasks], "data": args.data, "models": models,
                "rates": rates_of, "seeds": seeds, "overrides": overrides, "split": args.split,
                "subsample": args.subsample,
                "quick": args.quick, "threads": args.threads}
    json_paths = [p for p in (args.json, args.out and os.path.join(args.out, "results.json")) if p]
    for path in json_paths:
        try:
            experiment.save_results(path, settings, described, minutes, results)
        except OSError as err:
            raise UsageError(f"cannot write {path}: {err.strerror or err}")
    if args.out:
        with open(os.path.join(args.out, "results.md"), "w") as f:
            f.write(text + "\n")
        try:
            written = experiment.write_plots(results, described, models,
                                             os.path.join(args.out, "plots"), args.split,
                                             args.importance_rate)
        except ImportError as err:
            print(f"{PROG}: no plots ({err}; pip install matplotlib)", file=sys.stderr)
            written = []
        print(f"results: {os.path.join(args.out, 'results.md')}, "
              f"{os.path.join(args.out, 'results.json')}")
        if written:
            print("plots: " + ", ".join(written))
    return 0


# --------------------------------------------------------------------------- dynamic

def budget_type(text: str) -> float:
    try:
        budget = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a budget must be a number in [0, 1], got {text!r}")
    if not 0.0 <= budget <= 1.0:
        raise argparse.ArgumentTypeError(f"a budget must be a number in [0, 1], got {text}")
    return budget


def cmd_dynamic(args) -> int:
    if args.replot:
        try:
            with open(args.replot) as f:
                payload = json.load(f)
            points, settings, minutes = payload["points"], payload["args"], payload["minutes"]
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise UsageError(f"--replot {args.replot}: not a results file of `{PROG} dynamic` "
                             f"({err})")
        return dynamic_report(points, settings, minutes, args.out)
    task_name = None if args.data else (args.task or "handwritten")
    t = load_task(task_name, args.data, args.subsample)
    check_rate(t, args.rate)
    overrides = dict(args.set or [])
    if "budget" in overrides:
        raise UsageError("bad --set: give the budgets with --budgets, not --set budget=...")
    for budget in args.budgets:
        check_settings(t, ["cl-dmdf", "cl-dmdf-dynamic"], {**overrides, "budget": budget})
    check_splits(t, range(args.seeds))
    log = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    start = time.time()
    try:
        points = compute.run_curve(t, args.budgets, args.seeds, overrides, args.rate,
                                   args.repeats, log, args.device)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    settings = {"task": t.name, "data": args.data, "rate": args.rate, "budgets": args.budgets,
                "seeds": args.seeds, "overrides": overrides, "subsample": args.subsample,
                "repeats": args.repeats, "threads": torch.get_num_threads(),
                "metric": t.task.metrics[0], "modalities": list(t.ds.modality_names)}
    return dynamic_report(points, settings, (time.time() - start) / 60, args.out)


def dynamic_report(points: List[Dict], settings: Dict, minutes: float,
                   out: Optional[str]) -> int:
    """Prints the table of a `dynamic` run; with ``out`` writes it, the JSON and the plot."""
    metric = settings["metric"]
    metrics = [metric] + [m for m in ("accuracy",) if m != metric]
    name = experiment.METRIC_NAMES.get(metric, metric)
    task, rate, seeds = settings["task"], settings["rate"], settings["seeds"]
    header = (f"{task}, η = {rate:g}: test scores (%) against measured compute, mean ± std "
              f"over {seeds} seed(s); {settings['threads']} thread(s); {minutes:.1f} min; "
              f"overrides: {settings['overrides'] or 'none'}. Relative compute: to the static "
              f"model's forward of the same seed.\n")
    text = header + "\n" + compute.curve_table(points, metrics, experiment.METRIC_NAMES)
    print(text)
    if out:
        rows = compute.curve_rows(points, metrics)
        stem = os.path.join(out, f"{task}_dynamic")
        write_json(stem + ".json", {"args": settings, "minutes": minutes, "points": points,
                                    "rows": rows})
        with open(stem + ".md", "w") as f:
            f.write(text + "\n")
        written = []
        try:
            from . import plots
            written.append(plots.metric_vs_compute(
                rows, name, f"{task} (η = {rate:g}, {seeds} seed(s)): {name} vs compute",
                os.path.join(out, f"{task}_{metric}_vs_compute.png")))
        except ImportError as err:
            print(f"{PROG}: no plot ({err}; pip install matplotlib)", file=sys.stderr)
        print(f"results: {stem}.md, {stem}.json" + "".join(f", {p}" for p in written))
    return 0


# --------------------------------------------------------------------------- the parser

def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog=PROG, description="CL-DMDF: train, evaluate and run the evaluation "
                    "protocol on multimodal data with missing modalities.")
    sub = parser.add_subparsers(dest="command", metavar="{train,evaluate,experiment,dynamic}",
                                parser_class=Parser)

    def common(p):
        p.add_argument("--threads", type=positive_int, default=1,
                       help="torch intra-op threads (default 1: small models train faster "
                            "on one thread than on shared cores)")

    def device_option(p):
        p.add_argument("--device", default="cpu", choices=["cpu", "cuda"],
                       help="where to train (default cpu). Under torchrun with more than one "
                            "process training is data-parallel (DDP): gloo on cpu, NCCL on "
                            "cuda (one GPU per process, by LOCAL_RANK)")

    def subsample_option(p):
        offering = sorted(name for name, t in training.TASKS.items() if t.subsample)
        p.add_argument("--subsample", type=positive_int, metavar="ROWS",
                       help="a fixed random subset of ROWS rows of the task, for quick runs "
                            f"(tasks: {', '.join(offering)}); recorded in the checkpoint")

    def data_source(p, task_help):
        group = p.add_mutually_exclusive_group()
        group.add_argument("--task", type=task_type, help=task_help)
        group.add_argument("--data", metavar="PATH.csv",
                           help="a CSV data set instead of an embedded task (format: README, "
                                "'Command line'; cldmdf.data.load_csv)")

    p = sub.add_parser("train", help="one run: train with validation-based model selection "
                       "and early stopping, with checkpoints and resume",
                       description="Trains one model (task, model, η, seed) with AdamW, keeps "
                       "the epoch with the best validation score, stops early, and reports "
                       "validation and test scores.")
    data_source(p, f"embedded task: {', '.join(sorted(training.TASKS))} (default handwritten)")
    p.add_argument("--model", type=model_type,
                   help=f"model variant: {', '.join(training.VARIANTS)} (default cl-dmdf)")
    p.add_argument("--rate", type=rate_type, help="missing rate η in [0, 1) (default 0)")
    p.add_argument("--seed", type=seed_type, help="seed of the split, mask and model (default 0)")
    p.add_argument("--set", nargs="*", type=setting_type, metavar="KEY=VALUE",
                   help="hyper-parameter overrides: model keyword arguments and epochs, "
                        "batch_size, lr, weight_decay, patience")
    subsample_option(p)
    p.add_argument("--checkpoint", metavar="PATH",
                   help="save a checkpoint here after every epoch; at the end it holds the "
                        "selected model")
    p.add_argument("--resume", action="store_true",
                   help="continue the run saved in --checkpoint (its settings are used)")
    p.add_argument("--force", action="store_true", help="overwrite an existing --checkpoint")
    p.add_argument("--stop-after", type=positive_int, metavar="EPOCHS",
                   help="stop after this many epochs of this invocation (continue later "
                        "with --resume)")
    p.add_argument("--progress", choices=PROGRESS_MODES, default="auto",
                   help="bar (one line redrawn), lines (one line per epoch), none; auto: bar "
                        "on a terminal, lines otherwise")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.add_argument("--json", metavar="PATH", help="also write the result as JSON")
    common(p)
    device_option(p)
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="test scores of a checkpoint at every missing rate",
                       description="Loads a checkpoint and evaluates its model on the test "
                       "split of its seed under every missing rate of the task (or --rates); "
                       "prints a markdown table and writes JSON.")
    p.add_argument("--checkpoint", required=True, metavar="PATH")
    p.add_argument("--rates", nargs="+", type=rate_type, metavar="η",
                   help="missing rates (default: the task's)")
    p.add_argument("--json", metavar="PATH",
                   help="where to write the JSON (default: <checkpoint>.eval.json)")
    data_source(p, "check that the checkpoint belongs to this task")
    p.add_argument("--model", type=model_type,
                   help="check that the checkpoint holds this model variant")
    common(p)
    p.set_defaults(func=cmd_evaluate)

    p = sub.add_parser("experiment", help="the full protocol: tasks × models × η × seeds, "
                       "with tables and plots",
                       description="Runs the evaluation protocol over tasks × models × "
                       "missing rates × seeds and writes results.json, results.md and the "
                       "plots (metric vs η, modality importance per class) to --out.")
    p.add_argument("--quick", action="store_true",
                   help="the quick setting of the main job: handwritten and rosmap, cl-dmdf "
                        "and the baselines, every η, 2 seeds (about 10 minutes on one "
                        "thread); "
                        "other options still apply")
    p.add_argument("--tasks", nargs="+", type=task_type,
                   help="embedded tasks (default: handwritten pbcseq; --quick: handwritten "
                        "rosmap)")
    p.add_argument("--data", metavar="PATH.csv", help="a CSV data set instead of the tasks")
    p.add_argument("--models", nargs="+", type=models_type,
                   help="model variants, or all / baselines / ablations (default: all; "
                        "--quick: cl-dmdf concat-mlp late-fusion logistic)")
    p.add_argument("--rates", nargs="+", type=rate_type, metavar="η",
                   help="missing rates (default: each task's)")
    p.add_argument("--seeds", type=positive_int, help="seeds 0..N-1 (default 10; --quick: 2)")
    p.add_argument("--set", nargs="*", type=setting_type, metavar="KEY=VALUE",
                   help="hyper-parameter overrides for every run")
    subsample_option(p)
    p.add_argument("--split", default="test", choices=["test", "val"],
                   help="the split the tables and plots report (tune on val)")
    p.add_argument("--out", metavar="DIR",
                   help="write results.json, results.md and plots/ here")
    p.add_argument("--json", metavar="PATH", help="also write the results JSON here")
    p.add_argument("--importance-rate", type=rate_type, default=0.3, metavar="η",
                   help="η of the modality-importance heatmap (default 0.3, or the closest run)")
    p.add_argument("--quiet", action="store_true", help="no per-run progress lines")
    common(p)
    device_option(p)
    p.set_defaults(func=cmd_experiment)

    p = sub.add_parser("dynamic", help="accuracy against measured compute: the dynamic "
                       "model at several budgets, the static model and fixed modality subsets",
                       description="Per seed: trains the static CL-DMDF and the dynamic one "
                       "(cl-dmdf-dynamic) at every budget by the protocol (two stages: one "
                       "backbone per seed, the gate per budget), picks fixed "
                       "modality subsets of the static model on validation, and measures "
                       "test scores, FLOPs per sample and wall time per sample. Writes "
                       "<task>_dynamic.md/.json and <task>_<metric>_vs_compute.png to --out.")
    data_source(p, f"embedded task: {', '.join(sorted(training.TASKS))} (default handwritten)")
    p.add_argument("--budgets", nargs="+", type=budget_type, default=[0.5, 0.7, 1.0],
                   metavar="B", help="target mean compute of the dynamic model relative to "
                   "running every present modality, in [0, 1] (default 0.5 0.7 1)")
    p.add_argument("--rate", type=rate_type, default=0.0, help="missing rate η (default 0)")
    p.add_argument("--seeds", type=positive_int, default=3, help="seeds 0..N-1 (default 3)")
    p.add_argument("--set", nargs="*", type=setting_type, metavar="KEY=VALUE",
                   help="hyper-parameter overrides for every model (not budget)")
    subsample_option(p)
    p.add_argument("--repeats", type=positive_int, default=15,
                   help="timed forwards per point; the median is reported (default 15)")
    p.add_argument("--out", metavar="DIR", help="write the table, JSON and plot here")
    p.add_argument("--replot", metavar="JSON",
                   help="no training: the table (and with --out the files) of the "
                        "<task>_dynamic.json of an earlier run")
    p.add_argument("--quiet", action="store_true", help="no per-point progress lines")
    common(p)
    device_option(p)
    p.set_defaults(func=cmd_dynamic)
    return parser


def start_distributed(device: Optional[str]) -> bool:
    """Under torchrun (WORLD_SIZE > 1 in the environment) joins the process group of the
    run: gloo for cpu, NCCL for cuda (this process on GPU LOCAL_RANK). Only train and
    experiment (``device`` given) train across processes. Returns whether it started one."""
    if device == "cuda" and not torch.cuda.is_available():
        raise UsageError("--device cuda: CUDA is not available (torch.cuda.is_available() is "
                         "False)")
    world_size = int(os.environ.get("WORLD_SIZE", "1"))
    if world_size <= 1 or dist.is_initialized():
        return False
    if device is None:
        raise UsageError("only train and experiment run under torchrun with several processes")
    if not dist.is_available():
        raise UsageError("torchrun with several processes needs torch.distributed, which this "
                         "torch build lacks")
    if device == "cuda":
        local_rank = int(os.environ.get("LOCAL_RANK", "0"))
        if local_rank >= torch.cuda.device_count():
            raise UsageError(f"--device cuda: this process has LOCAL_RANK {local_rank} but the "
                             f"machine has {torch.cuda.device_count()} GPU(s); start at most "
                             "that many processes per node")
        torch.cuda.set_device(local_rank)
    dist.init_process_group("nccl" if device == "cuda" else "gloo")
    return True


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Runs the command line ``argv`` (default: sys.argv[1:]); returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            raise UsageError("choose a command: train, evaluate, experiment or dynamic "
                             f"(`{PROG} --help`, `{PROG} train --help`, ...)")
        torch.set_num_threads(args.threads)
        started = start_distributed(getattr(args, "device", None))
        try:
            return args.func(args)
        finally:
            if started:
                dist.destroy_process_group()
    except (UsageError, data.DataError, checkpoint.CheckpointError) as err:
        message = " ".join(str(err).split())  # one line, whatever the message holds
        print(f"{getattr(err, 'prog', PROG)}: error: {message}", file=sys.stderr)
        return EXIT_USAGE
