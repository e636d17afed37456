"""The checkpoint file of ``cldmdf train``: its format, written atomically, and its
validation when read back (format, version, which data set and model it belongs to).

A checkpoint is a dict saved with torch.save and read with ``weights_only=True``::

    {"format": FORMAT, "version": VERSION, "config": {...}, "complete": bool,
     "model": the selected model's state, "training": a training.EpochEnd snapshot or None,
     "result": the run's result (when complete) or None}

``config`` holds the data identity (task, or CSV path and SHA-256; modality widths, classes),
the model variant, η, the seed, the settings and the task's metrics and rates.
"""
import hashlib
import os
from typing import Dict, Optional

import torch

from . import training

FORMAT = "cldmdf-checkpoint"
VERSION = 1


class CheckpointError(ValueError):
    """A checkpoint that cannot be used: missing, foreign, of another version, or not
    belonging to the data set or model asked for. The message is one line."""


def file_sha256(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe_data(identity: Dict) -> str:
    if identity.get("path"):
        return f"data file {identity['path']} (sha256 {identity['sha256'][:12]}…)"
    return f"task {identity['task']!r}"


def payload(config: Dict, complete: bool, model_state: Dict, snapshot: Optional[Dict],
            result: Optional[Dict]) -> Dict:
    """The checkpoint's contents (written after every epoch, and once more at the end)."""
    return {"format": FORMAT, "version": VERSION, "config": config, "complete": complete,
            "model": model_state, "training": snapshot, "result": result}


def save(path: str, contents: Dict) -> None:
    """Written to a temporary file, then renamed: an interruption never leaves half a file."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    tmp = os.path.join(directory, f".{os.path.basename(path)}.tmp")
    torch.save(contents, tmp)
    os.replace(tmp, path)


def load(path: str) -> Dict:
    if not os.path.exists(path):
        raise CheckpointError(f"checkpoint {path} does not exist")
    if os.path.isdir(path):
        raise CheckpointError(f"checkpoint {path} is a directory, not a checkpoint file")
    try:
        contents = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as err:  # torch.load raises many types for a foreign or broken file
        raise CheckpointError(f"{path} is not a cldmdf checkpoint (torch.load cannot read it: "
                              f"{type(err).__name__})")
    if not isinstance(contents, dict) or contents.get("format") != FORMAT:
        raise CheckpointError(f"{path} is not a cldmdf checkpoint (written by something else)")
    if contents.get("version") != VERSION:
        raise CheckpointError(f"{path}: checkpoint version {contents.get('version')} is not "
                              f"supported (this cldmdf reads version {VERSION})")
    return contents


def check_belongs(path: str, config: Dict, task: Optional[str], data_path: Optional[str],
                  model: Optional[str]) -> None:
    """The options given on the command line must agree with the checkpoint."""
    identity = config["data"]
    if model is not None and model != config["model"]:
        raise CheckpointError(f"checkpoint {path} holds model {config['model']!r}, not {model!r}")
    if task is not None and task != identity["task"]:
        raise CheckpointError(f"checkpoint {path} belongs to {describe_data(identity)}, "
                              f"not task {task!r}")
    if data_path is not None:
        if identity.get("path") is None:
            raise CheckpointError(f"checkpoint {path} belongs to {describe_data(identity)}, "
                             f"not data file {data_path}")
        if not os.path.isfile(data_path):
            raise CheckpointError(f"{data_path}: no such file")
        if file_sha256(data_path) != identity["sha256"]:
            raise CheckpointError(f"checkpoint {path} belongs to another data set: "
                             f"{describe_data(identity)}, not {data_path}")


def build_model(path: str, config: Dict, state: Dict) -> torch.nn.Module:
    identity = config["data"]
    model = training.build_model(config["model"], identity["input_dims"],
                                 identity["num_classes"], config["model_kwargs"])
    try:
        model.load_state_dict(state)
    except RuntimeError as err:
        raise CheckpointError(f"checkpoint {path}: the saved weights do not fit model "
                              f"{config['model']!r} ({str(err).splitlines()[0][:120]})")
    return model
