"""Bad input, end to end (checkpoints and data files): a checkpoint of a newer format version,
a truncated or empty checkpoint, a data file changed since the checkpoint, and a full disk
while a checkpoint is written each give a one-line error (exit code 2 from the command line,
no traceback) and lose nothing already saved; a CSV file of a million rows is read in one
streaming pass whose memory is that of the parsed values, not of the file's text."""
import errno
import os
import subprocess
import sys
import time
import tracemalloc

import numpy as np
import pytest
import torch

from cldmdf import checkpoint, cli, data
from conftest import run_cli

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TINY = ["dim=8", "num_layers=1", "num_heads=2", "proj_dim=4", "hidden=8", "batch_size=16"]
TRAIN = ["train", "--task", "nutrimouse", "--rate", "0.25", "--quiet", "--set", "epochs=3",
         *TINY]


pytestmark = pytest.mark.usefixtures("restore_threads")


def assert_one_line_error(code, err, *fragments):
    assert code == 2, err
    assert err.count("\n") == 1 and err.startswith("cldmdf: error: "), err
    assert "Traceback" not in err, err
    for fragment in fragments:
        assert fragment in err, (fragment, err)


def small_checkpoint(path, version=checkpoint.VERSION, **extra):
    contents = checkpoint.payload({"data": {"task": "t"}, "model": "m"}, False,
                                  {"w": torch.arange(4000, dtype=torch.float32)}, None, None)
    contents["version"] = version
    contents.update(extra)
    checkpoint.save(str(path), contents)
    return path.read_bytes()


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A finished nutrimouse checkpoint (3 epochs)."""
    path = tmp_path_factory.mktemp("robust") / "nutri.pt"
    assert cli.main(TRAIN + ["--checkpoint", str(path)]) == 0
    return path


# --------------------------------------------------------------------------- format version

def test_a_newer_format_version_names_the_version_found_and_the_one_read(tmp_path):
    path = tmp_path / "newer.pt"
    small_checkpoint(path, version=checkpoint.VERSION + 1)
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.load(str(path))
    message = str(info.value)
    assert "\n" not in message
    assert f"newer cldmdf (checkpoint format version {checkpoint.VERSION + 1})" in message
    assert f"this cldmdf reads version {checkpoint.VERSION} only" in message


class _FromTheFuture:
    """An object a newer cldmdf might put in its checkpoint: torch.load(weights_only=True)
    of this version refuses to unpickle it."""

    def __init__(self):
        self.value = 3


def test_a_newer_version_is_recognised_before_unpickling_what_it_holds(tmp_path):
    path = tmp_path / "newer_types.pt"
    small_checkpoint(path, version=checkpoint.VERSION + 5, novelty=_FromTheFuture())
    with pytest.raises(Exception):  # what torch.load alone would say: an unpickling error
        torch.load(path, weights_only=True)
    with pytest.raises(checkpoint.CheckpointError,
                       match=f"format version {checkpoint.VERSION + 5}\\); this cldmdf reads"):
        checkpoint.load(str(path))


def test_an_older_or_unknown_version_is_refused_with_the_value_found(tmp_path):
    for version in (0, "2.0", None):
        path = tmp_path / f"v{version}.pt"
        small_checkpoint(path, version=version)
        with pytest.raises(checkpoint.CheckpointError,
                           match=f"checkpoint format version {version!r} is not supported "
                                 rf"\(this cldmdf reads version {checkpoint.VERSION}\)"):
            checkpoint.load(str(path))


def test_the_command_line_reports_a_newer_checkpoint_in_one_line_without_traceback(tmp_path):
    path = tmp_path / "newer.pt"
    small_checkpoint(path, version=checkpoint.VERSION + 1)
    r = subprocess.run([sys.executable, "-m", "cldmdf", "evaluate", "--checkpoint", str(path)],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    err = "\n".join(line for line in r.stderr.splitlines() if not line.startswith("USDT:"))
    assert r.returncode == 2, r.stderr[-2000:]
    assert "Traceback" not in r.stderr, r.stderr[-2000:]
    assert err.strip().count("\n") == 0, err
    assert f"written by a newer cldmdf (checkpoint format version {checkpoint.VERSION + 1})" \
        in err, err


# --------------------------------------------------------------------------- truncated, empty

def test_a_truncated_checkpoint_is_named_truncated_at_every_length(tmp_path):
    whole = small_checkpoint(tmp_path / "whole.pt")
    path = tmp_path / "cut.pt"
    for length in (1, 29, 200, len(whole) // 3, len(whole) // 2, len(whole) - 22,
                   len(whole) - 1):
        path.write_bytes(whole[:length])
        with pytest.raises(checkpoint.CheckpointError) as info:
            checkpoint.load(str(path))
        message = str(info.value)
        assert "\n" not in message and " is truncated" in message, (length, message)
        assert f"({length} bytes)" in message, (length, message)


def test_an_empty_checkpoint_file(tmp_path):
    path = tmp_path / "empty.pt"
    path.write_bytes(b"")
    with pytest.raises(checkpoint.CheckpointError, match="is empty \\(0 bytes\\)"):
        checkpoint.load(str(path))


def test_damaged_bytes_inside_the_archive(tmp_path):
    """Overwritten bytes in the middle (the end of the archive intact): refused or read, but
    never a traceback of another type."""
    whole = bytearray(small_checkpoint(tmp_path / "whole.pt"))
    path = tmp_path / "damaged.pt"
    for at in range(0, len(whole), max(1, len(whole) // 25)):
        damaged = bytearray(whole)
        damaged[at:at + 16] = b"\xff" * len(damaged[at:at + 16])
        path.write_bytes(bytes(damaged))
        try:
            contents = checkpoint.load(str(path))
        except checkpoint.CheckpointError as err:
            assert "\n" not in str(err)
        else:
            assert contents["format"] == checkpoint.FORMAT


def test_evaluate_and_resume_of_a_truncated_checkpoint_give_one_line(trained, tmp_path, capsys):
    cut = tmp_path / "cut.pt"
    cut.write_bytes(trained.read_bytes()[: trained.stat().st_size // 2])
    for argv in (["evaluate", "--checkpoint", cut], ["train", "--checkpoint", cut, "--resume"]):
        code, _, err = run_cli(capsys, *argv)
        assert_one_line_error(code, err, f"checkpoint {cut}", "is truncated")


# --------------------------------------------------------------------------- full disk

class _DiskFullsAfter:
    """The temporary file of checkpoint.save on a disk with `room` bytes free: the first
    bytes are written, then every write raises ENOSPC (as write(2) does)."""

    def __init__(self, path, room):
        self.f, self.room = open(path, "wb"), room
        self.path = path

    def write(self, data):
        if self.room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        n = min(self.room, len(data))
        self.room -= n
        self.f.write(bytes(data[:n]))
        if n < len(data):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return n

    def flush(self):
        self.f.flush()

    def fileno(self):
        return self.f.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()
        return False


def full_disk(monkeypatch, room=1000):
    opened = []

    def open_temporary(path):
        opened.append(path)
        return _DiskFullsAfter(path, room)

    monkeypatch.setattr(checkpoint, "_open_temporary", open_temporary)
    return opened


@pytest.mark.parametrize("room", [0, 1000, 10_000])
def test_a_full_disk_keeps_the_previous_checkpoint_and_leaves_no_temporary_file(
        tmp_path, monkeypatch, room):
    path = tmp_path / "run.pt"
    before = small_checkpoint(path)
    opened = full_disk(monkeypatch, room)
    newer = checkpoint.payload({"data": {"task": "t"}, "model": "m"}, True,
                               {"w": torch.zeros(4000)}, None, None)
    with pytest.raises(checkpoint.CheckpointError) as info:
        checkpoint.save(str(path), newer)
    message = str(info.value)
    assert "\n" not in message
    assert f"cannot write checkpoint {path}: No space left on device (ENOSPC)" in message
    assert "the previous checkpoint there is unchanged" in message
    assert len(opened) == 1 and os.path.dirname(opened[0]) == str(tmp_path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["run.pt"]
    assert checkpoint.load(str(path))["complete"] is False


def test_a_full_disk_on_the_first_checkpoint_leaves_nothing(tmp_path, monkeypatch):
    full_disk(monkeypatch)
    path = tmp_path / "first.pt"
    with pytest.raises(checkpoint.CheckpointError, match="nothing was saved"):
        small_checkpoint(path)
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_the_kernels_enospc_from_dev_full(tmp_path, monkeypatch):
    """The same through a real write(2) error: /dev/full refuses every write with ENOSPC."""
    path = tmp_path / "run.pt"
    before = small_checkpoint(path)
    monkeypatch.setattr(checkpoint, "_open_temporary", lambda tmp: open("/dev/full", "wb"))
    with pytest.raises(checkpoint.CheckpointError, match=r"No space left on device \(ENOSPC\); "
                                                         "the previous checkpoint there is "
                                                         "unchanged"):
        small_checkpoint(path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["run.pt"]


def test_an_interrupted_write_leaves_the_previous_checkpoint_and_no_temporary_file(
        tmp_path, monkeypatch):
    path = tmp_path / "run.pt"
    before = small_checkpoint(path)

    def interrupted(contents, f):
        f.write(b"PK\x03\x04 half a checkpoint")
        raise KeyboardInterrupt

    monkeypatch.setattr(torch, "save", interrupted)
    with pytest.raises(KeyboardInterrupt):
        small_checkpoint(path)
    assert path.read_bytes() == before and os.listdir(tmp_path) == ["run.pt"]


def test_the_checkpoint_is_replaced_atomically(tmp_path, monkeypatch):
    """save() renames a complete, fsynced temporary file over the checkpoint: the checkpoint
    path never holds a partial file."""
    path = tmp_path / "run.pt"
    small_checkpoint(path)
    calls = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(src, dst):
        calls.append(("replace", os.path.dirname(src), os.path.basename(src), str(dst)))
        checkpoint.load(src)  # the temporary file is a whole checkpoint before the rename
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "fsync", lambda fd: calls.append(("fsync",)) or real_fsync(fd))
    small_checkpoint(path)
    assert calls[0] == ("fsync",)
    assert calls[1][:2] == ("replace", str(tmp_path)) and calls[1][3] == str(path)
    assert calls[1][2].startswith(".run.pt.") and calls[1][2].endswith(".tmp")
    assert os.listdir(tmp_path) == ["run.pt"]


def test_training_on_a_full_disk_stops_with_one_line_and_keeps_the_saved_epoch(
        tmp_path, monkeypatch, capsys):
    path = tmp_path / "run.pt"
    real_open, saves = checkpoint._open_temporary, []

    def disk_fills_after_the_first_save(tmp):
        saves.append(tmp)
        return real_open(tmp) if len(saves) == 1 else _DiskFullsAfter(tmp, 500)

    monkeypatch.setattr(checkpoint, "_open_temporary", disk_fills_after_the_first_save)
    code, _, err = run_cli(capsys, *TRAIN, "--checkpoint", path)
    assert_one_line_error(code, err, f"cannot write checkpoint {path}: No space left on device",
                          "the previous checkpoint there is unchanged",
                          "training stopped after epoch 2",
                          f"{path} holds epoch 1: continue from there with --resume")
    saved = checkpoint.load(str(path))
    assert saved["training"]["fit"]["epoch"] == 1 and not saved["complete"]
    assert os.listdir(tmp_path) == ["run.pt"]
    # room again: the run continues from the saved epoch and finishes
    monkeypatch.setattr(checkpoint, "_open_temporary", real_open)
    code, out, err = run_cli(capsys, "train", "--checkpoint", path, "--resume", "--quiet")
    assert code == 0, err
    assert "resuming" in err and "after epoch 1" in err
    assert checkpoint.load(str(path))["complete"] is True


def test_a_full_disk_at_the_final_checkpoint(tmp_path, monkeypatch, capsys):
    path = tmp_path / "run.pt"
    real_open, saves = checkpoint._open_temporary, []

    def disk_fills_at_the_end(tmp):
        saves.append(tmp)
        return real_open(tmp) if len(saves) <= 3 else _DiskFullsAfter(tmp, 0)

    monkeypatch.setattr(checkpoint, "_open_temporary", disk_fills_at_the_end)
    code, _, err = run_cli(capsys, *TRAIN, "--checkpoint", path)
    assert_one_line_error(code, err, "training finished but its final checkpoint is not written",
                          f"{path} holds epoch 3")
    assert checkpoint.load(str(path))["training"]["fit"]["epoch"] == 3


# --------------------------------------------------------------------------- data changed

def write_csv(path, rows=60, seed=0):
    rng = np.random.default_rng(seed)
    lines = ["label,entity,a:x,a:y,b:z"]
    for i in range(rows):
        c = i % 2
        x = rng.normal(c, 1.0, 3)
        lines.append(f"{'yes' if c else 'no'},e{i // 2},{x[0]:.4f},{x[1]:.4f},{x[2]:.4f}")
    path.write_text("\n".join(lines) + "\n")
    return path


def test_a_data_file_changed_since_the_checkpoint_is_refused(tmp_path, capsys):
    csv_path = write_csv(tmp_path / "d.csv")
    ckpt = tmp_path / "d.pt"
    code, _, err = run_cli(capsys, "train", "--data", csv_path, "--set", "epochs=2", *TINY,
                           "--quiet", "--checkpoint", ckpt, "--stop-after", "1")
    assert code == 0, err
    recorded = checkpoint.load(str(ckpt))["config"]["data"]["sha256"]
    assert recorded == checkpoint.file_sha256(str(csv_path))
    # one value changes: same shape, same classes
    lines = csv_path.read_text().splitlines()
    lines[1] += "7"  # one more digit of the last value of the first row
    csv_path.write_text("\n".join(lines) + "\n")
    now = checkpoint.file_sha256(str(csv_path))
    for argv in (["evaluate", "--checkpoint", ckpt],
                 ["train", "--checkpoint", ckpt, "--resume"]):
        code, _, err = run_cli(capsys, *argv)
        assert_one_line_error(code, err, f"{csv_path} changed since the checkpoint was written",
                              f"sha256 {recorded[:12]}… recorded, {now[:12]}… now")
    # given explicitly as another file
    code, _, err = run_cli(capsys, "evaluate", "--checkpoint", ckpt, "--data", csv_path)
    assert_one_line_error(code, err, "belongs to another data set",
                          f"not {csv_path} (sha256 {now[:12]}…)")
    assert checkpoint.load(str(ckpt))["config"]["data"]["sha256"] == recorded  # untouched


# --------------------------------------------------------------------------- CSV streaming

FEATURES = ["a:x", "a:y", "b:z", "c:w"]


def csv_block(rows=1000, seed=0):
    """`rows` CSV lines (3 classes, 250 entities, 3 modalities of widths 2, 1, 1; some cells
    empty, NA or nan: modality b missing in every 7th row, c in every 11th) and their
    expected float32 values."""
    rng = np.random.default_rng(seed)
    values = np.round(rng.normal(0, 100, (rows, 4)), 3)
    expected = values.astype(np.float32)
    lines = []
    for i in range(rows):
        cells = [f"c{i % 3}", f"e{i % 250}"] + [f"{v:.3f}" for v in values[i]]
        if i % 7 == 0:
            cells[4] = ""
            expected[i, 2] = np.nan
        if i % 11 == 0:
            cells[5] = " NA "
            expected[i, 3] = np.nan
        if i % 13 == 0:
            cells[2] = "nan"
            expected[i, 0] = np.nan
        lines.append(",".join(cells))
    return "\n".join(lines) + "\n", expected


def write_big_csv(path, blocks, rows=1000):
    text, expected = csv_block(rows)
    with open(path, "w") as f:
        f.write("label,entity," + ",".join(FEATURES) + "\n")
        for _ in range(blocks):
            f.write(text)
    return expected


def parsed_bytes(ds):
    """The bytes of the parsed values: float32 features, int64 labels and entities."""
    return sum(x.numel() * 4 for x in ds.modalities) + 16 * len(ds)


def check_values(ds, expected, blocks):
    rows = expected.shape[0]
    assert len(ds) == rows * blocks
    assert ds.modality_names == ["a", "b", "c"] and ds.class_names == ["c0", "c1", "c2"]
    got = torch.cat(ds.modalities, dim=1).view(blocks, rows, 4)
    want = torch.from_numpy(expected)
    for b in (0, blocks // 2, blocks - 1):
        torch.testing.assert_close(got[b], want, rtol=0, atol=0, equal_nan=True)
    assert torch.equal(got.isnan(), want.isnan().expand(blocks, rows, 4))
    assert torch.equal(ds.labels.view(blocks, rows)[-1], torch.arange(rows) % 3)
    assert torch.equal(ds.entity.view(blocks, rows)[-1], torch.arange(rows) % 250)
    assert int(ds.entity.max()) == 249
    # modalities b and c (one column each) are missing where their cell is; a never entirely
    assert torch.equal(ds.mask.view(blocks, rows, 3)[-1, :, 1:],
                       ~torch.from_numpy(np.isnan(expected[:, 2:])))
    assert bool(ds.mask[:, 0].all())


def _peak_rss_reset():
    """Resets the process's peak resident set size (Linux: /proc/self/clear_refs, "5")."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def _rss_kib(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError(f"no {field} in /proc/self/status")


def test_a_million_row_csv_streams_in_one_pass(tmp_path):
    path = tmp_path / "big.csv"
    blocks = 1000
    expected = write_big_csv(path, blocks)
    measured = _peak_rss_reset()
    rss_before = _rss_kib("VmRSS") if measured else 0
    start = time.perf_counter()
    ds = data.load_csv(str(path))
    seconds = time.perf_counter() - start
    peak_growth = (_rss_kib("VmHWM") - rss_before) * 1024 if measured else None
    check_values(ds, expected, blocks)
    assert ds.source_sha256 == checkpoint.file_sha256(str(path))
    print(f"\n{len(ds)} rows ({path.stat().st_size / 2**20:.1f} MiB) in {seconds:.1f} s: "
          f"{len(ds) / seconds / 1e3:.0f} k rows/s; parsed values "
          f"{parsed_bytes(ds) / 2**20:.1f} MiB"
          + (f", peak RSS growth {peak_growth / 2**20:.1f} MiB" if measured else ""))
    if measured:  # a list per row of the file's text would take over 1 GiB here
        assert peak_growth < 3 * parsed_bytes(ds) + 32 * 2**20, peak_growth


def test_csv_memory_is_the_parsed_values_not_the_text(tmp_path):
    """Python's allocations while loading (tracemalloc), at two file sizes: beyond a constant
    (the read buffer), memory grows with the parsed values, about 1 byte per byte of them.
    Reading the file into per-row lists of cells first grows by over 20 per byte of file."""
    peaks, sizes = [], []
    for blocks in (5, 25):
        path = tmp_path / f"mid{blocks}.csv"
        expected = write_big_csv(path, blocks)
        tracemalloc.start()
        try:
            ds = data.load_csv(str(path))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        check_values(ds, expected, blocks)
        peaks.append(peak)
        sizes.append((parsed_bytes(ds), path.stat().st_size))
    grown_parsed, grown_file = sizes[1][0] - sizes[0][0], sizes[1][1] - sizes[0][1]
    grown_peak = peaks[1] - peaks[0]
    assert grown_peak < 1.3 * grown_parsed, (peaks, sizes)
    assert grown_peak < grown_file, (peaks, sizes)
    assert peaks[0] < 4 * 2**20, peaks  # the constant part: buffers of a few MiB at most


def test_a_gzipped_csv_streams_too_and_its_fingerprint_is_the_file(tmp_path):
    import gzip
    plain = tmp_path / "p.csv"
    expected = write_big_csv(plain, 3)
    packed = tmp_path / "p.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    ds = data.load_csv(str(packed))
    check_values(ds, expected, 3)
    assert ds.source_sha256 == checkpoint.file_sha256(str(packed))


def test_blank_lines_are_skipped_and_bad_cells_named(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("label,a:x,b:y\n\n1,0.5,2\n,,\n  \n2,inf,3\n")
    with pytest.raises(data.DataError, match=r"line 6, column 'a:x': 'inf' is not a finite"):
        data.load_csv(str(path))
    path.write_text("label,a:x,b:y\n\n1,0.5,2\n,,\n  \n2,-1e3, NA\n")
    ds = data.load_csv(str(path))
    assert len(ds) == 2 and ds.modalities[0].tolist() == [[0.5], [-1000.0]]
    assert ds.mask.tolist() == [[True, True], [True, False]]
    path.write_text("label,a:x,b:y\n1,0.5,2\n2,x1,3\n")
    with pytest.raises(data.DataError, match=r"line 3, column 'a:x': 'x1' is not a number"):
        data.load_csv(str(path))


@pytest.mark.parametrize("heads", [False, True])
def test_checkpoint_from_before_the_modality_heads_loads_without_them(heads):
    """A checkpoint whose settings do not name ``modality_heads`` was written before the heads
    became the default when its weights have none: it loads as the model without them."""
    from cldmdf.nn import CLDMDF
    saved = CLDMDF([5, 3], 2, dim=8, num_heads=2, modality_heads=heads)
    config = {"model": "cl-dmdf", "data": {"input_dims": [5, 3], "num_classes": 2},
              "model_kwargs": dict(dim=8, num_heads=2)}
    model = checkpoint.build_model("old.pt", config, saved.state_dict())
    assert model.modality_heads == heads
    x, mask = [torch.randn(4, 5), torch.randn(4, 3)], torch.ones(4, 2, dtype=torch.bool)
    torch.testing.assert_close(model.eval()(x, mask).logits, saved.eval()(x, mask).logits)
