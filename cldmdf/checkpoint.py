"""The checkpoint file of ``cldmdf train``: its format, written atomically, and its
validation when read back (format, version, which data set and model it belongs to).

A checkpoint is a dict saved with torch.save and read with ``weights_only=True``::

    {"format": FORMAT, "version": VERSION, "config": {...}, "complete": bool,
     "model": the selected model's state, "training": a training.EpochEnd snapshot or None,
     "result": the run's result (when complete) or None}

``config`` holds the data identity (task, or CSV path and SHA-256; modality widths, classes),
the model variant, η, the seed, the settings and the task's metrics and rates.

Failures are one-line :class:`CheckpointError` messages, and none loses what is saved:

* :func:`save` writes a temporary file next to the checkpoint, fsyncs it and renames it over
  the old one: a full disk (or any write error, or an interruption) leaves the previous
  checkpoint intact and no temporary file behind;
* :func:`load` reads the format and version from the file's first bytes without unpickling
  (a checkpoint of a newer format version is named as such even when it holds what this
  version cannot read), then loads it with ``weights_only=True`` (no code runs); an empty,
  truncated or damaged file is reported as such, not as a pickle or zip traceback;
* the data file's SHA-256 recorded at training is checked on resume and evaluate
  (cldmdf.cli), so a file changed since is refused.
"""
import errno
import hashlib
import os
import pickletools
import struct
import zipfile
from typing import Dict, Optional, Tuple

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


class _Writer:
    """The temporary file as torch.save sees it: remembers the first OSError a write raised
    (torch.save reports it as a RuntimeError of its own, without the errno)."""

    def __init__(self, f):
        self.f, self.error = f, None

    def write(self, data):
        try:
            return self.f.write(data)
        except OSError as err:
            self.error = self.error or err
            raise

    def flush(self):
        self.f.flush()


def _open_temporary(path: str):
    return open(path, "wb")


def _os_error(err: OSError) -> str:
    """'No space left on device (ENOSPC)': the error's text and its errno's name."""
    name = errno.errorcode.get(err.errno or 0)
    text = err.strerror or str(err) or type(err).__name__
    return f"{text} ({name})" if name else text


def save(path: str, contents: Dict) -> None:
    """Writes the checkpoint to a temporary file in the same directory, flushes it to the disk
    (fsync), then renames it over `path` (os.replace, atomic): a crash, a full disk or any
    other write error leaves the previous checkpoint at `path` as it was and no temporary
    file behind. A write error raises CheckpointError (one line, naming the error)."""
    shown = path  # as the caller named it
    path = os.path.abspath(path)
    directory, base = os.path.split(path)
    tmp = os.path.join(directory, f".{base}.{os.getpid()}.tmp")
    writer = None
    try:
        os.makedirs(directory, exist_ok=True)
        with _open_temporary(tmp) as f:
            writer = _Writer(f)
            torch.save(contents, writer)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as err:  # KeyboardInterrupt included: no temporary file is left
        try:
            os.remove(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):
            cause = err
        elif isinstance(err, RuntimeError) and writer is not None and writer.error is not None:
            cause = writer.error
        else:
            raise  # not a write error (e.g. an object torch.save cannot serialise)
        kept = ("the previous checkpoint there is unchanged" if os.path.isfile(path)
                else "nothing was saved")
        raise CheckpointError(f"cannot write checkpoint {shown}: {_os_error(cause)}; {kept}") \
            from None
    _fsync_directory(directory)


def _fsync_directory(directory: str) -> None:
    """Makes the rename durable (POSIX); where directories cannot be opened it is skipped."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_ZIP_LOCAL_HEADER = b"PK\x03\x04"
_UNREAD = object()  # the version of a file that ends before it
_MEMO_OPS = {"PROTO", "FRAME", "MARK", "BINPUT", "LONG_BINPUT", "PUT", "MEMOIZE"}
_CONSTANT_OPS = {"NONE", "NEWTRUE", "NEWFALSE"}
_SCALAR_OPS = dict.fromkeys(["BINUNICODE", "SHORT_BINUNICODE", "BINUNICODE8", "UNICODE",
                             "BININT", "BININT1", "BININT2", "LONG1", "INT", "BINFLOAT"])
_SCALAR_OPS.update(NONE=None, NEWTRUE=True, NEWFALSE=False)


def _peek_header(path: str) -> Optional[Tuple[object, object]]:
    """(format, version) of a checkpoint read without unpickling anything: torch.save writes a
    zip archive whose first member is the pickle of the contents, and payload() puts
    "format" and "version" first in it; pickletools reads the opcodes (it runs no code). None
    when the file does not start that way; the version is _UNREAD when the file ends before
    it. Works on a truncated file too."""
    with open(path, "rb") as f:
        head = f.read(1 << 16)
    if len(head) < 30 or not head.startswith(_ZIP_LOCAL_HEADER):
        return None
    method, = struct.unpack("<H", head[8:10])
    name_len, extra_len = struct.unpack("<HH", head[26:30])
    name = head[30:30 + name_len]
    if method != 0 or not name.endswith(b"data.pkl"):
        return None
    # the top-level dict: PROTO, EMPTY_DICT, memo ops, MARK, then key, value, key, value...
    values, opened = [], False
    try:
        for op, arg, _ in pickletools.genops(head[30 + name_len + extra_len:]):
            if op.name in _MEMO_OPS:
                continue
            if op.name == "EMPTY_DICT" and not opened:
                opened = True
            elif op.name in _SCALAR_OPS:
                values.append(_SCALAR_OPS[op.name] if op.name in _CONSTANT_OPS else arg)
                if len(values) == 4:
                    break
            else:
                break
    except Exception:  # the pickle's bytes end or turn to garbage: what was read so far
        pass
    fields = dict(zip(values[0::2], values[1::2]))
    if "format" not in fields:
        return None
    return fields["format"], fields.get("version", _UNREAD)


def _version_error(path: str, version) -> CheckpointError:
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        return CheckpointError(f"{path} was written by a newer cldmdf (checkpoint format version "
                               f"{version}); this cldmdf reads version {VERSION} only: upgrade "
                               "cldmdf to use it")
    return CheckpointError(f"{path}: checkpoint format version {version!r} is not supported "
                           f"(this cldmdf reads version {VERSION})")


def load(path: str) -> Dict:
    """The checkpoint's contents, read with weights_only=True (no code runs). Raises
    CheckpointError with a one-line message for a missing, empty, truncated, damaged or
    foreign file, and for one of another format version (a newer one is named as such,
    before torch.load is tried: a newer format may hold what this version cannot read)."""
    if not os.path.exists(path):
        raise CheckpointError(f"checkpoint {path} does not exist")
    if os.path.isdir(path):
        raise CheckpointError(f"checkpoint {path} is a directory, not a checkpoint file")
    try:
        size = os.path.getsize(path)
        header = _peek_header(path) if size else None
    except OSError as err:
        raise CheckpointError(f"cannot read checkpoint {path}: {_os_error(err)}") from None
    if size == 0:
        raise CheckpointError(f"checkpoint {path} is empty (0 bytes): it was never written "
                              "completely")
    if header is not None and header[0] == FORMAT and header[1] not in (VERSION, _UNREAD):
        raise _version_error(path, header[1])
    try:
        contents = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as err:  # torch.load raises many types for a foreign or broken file
        truncated = not zipfile.is_zipfile(path)
        if header is not None and header[0] == FORMAT:
            what = ("truncated: the file ends before the checkpoint does" if truncated else
                    f"damaged ({type(err).__name__}: {str(err).splitlines()[0][:100]})")
            raise CheckpointError(f"checkpoint {path} ({size} bytes) is {what}; it cannot be "
                                  "used (an earlier copy, or train again)") from None
        if truncated and _starts_like_a_zip(path):
            raise CheckpointError(f"checkpoint {path} ({size} bytes) is truncated or damaged: "
                                  "a torch.save archive without its end; it cannot be used (an "
                                  "earlier copy, or train again)") from None
        raise CheckpointError(f"{path} is not a cldmdf checkpoint (torch.load cannot read it: "
                              f"{type(err).__name__})") from None
    if not isinstance(contents, dict) or contents.get("format") != FORMAT:
        raise CheckpointError(f"{path} is not a cldmdf checkpoint (written by something else)")
    if contents.get("version") != VERSION:
        raise _version_error(path, contents.get("version"))
    return contents


def _starts_like_a_zip(path: str) -> bool:
    """The file begins with a zip archive's signature, or with the start of one (a file
    truncated to its first bytes)."""
    with open(path, "rb") as f:
        start = f.read(len(_ZIP_LOCAL_HEADER))
    return bool(start) and _ZIP_LOCAL_HEADER.startswith(start)


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
        given = file_sha256(data_path)
        if given != identity["sha256"]:
            raise CheckpointError(f"checkpoint {path} belongs to another data set: "
                                  f"{describe_data(identity)}, not {data_path} (sha256 "
                                  f"{given[:12]}…)")


def build_model(path: str, config: Dict, state: Dict) -> torch.nn.Module:
    identity = config["data"]
    kwargs = dict(config["model_kwargs"])
    cls, _ = training.VARIANTS.get(config["model"], (None, {}))
    if (cls is not None and "modality_heads" in training.model_settings(cls)
            and "modality_heads" not in kwargs and "heads_weight" not in state):
        # written before the per-modality heads became the default: the model without them
        # (a variant's own setting, e.g. no-modality-heads, still wins in build_model)
        kwargs["modality_heads"] = False
    model = training.build_model(config["model"], identity["input_dims"],
                                 identity["num_classes"], kwargs)
    try:
        model.load_state_dict(state)
    except RuntimeError as err:
        raise CheckpointError(f"checkpoint {path}: the saved weights do not fit model "
                              f"{config['model']!r} ({str(err).splitlines()[0][:120]})")
    return model
