"""A small progress display for training on stderr (no dependency).

``bar`` redraws one line in place (for a terminal); ``lines`` writes one line per epoch
(for logs and pipes); ``none`` writes nothing. ``auto`` picks ``bar`` on a terminal and
``lines`` otherwise.
"""
import sys
import time
from typing import Dict, TextIO

MODES = ("auto", "bar", "lines", "none")


class EpochProgress:
    """Shows epoch / total, the epoch's mean training loss, its validation score and the
    best validation score so far (with its epoch)."""

    def __init__(self, total: int, metric: str, mode: str = "auto", stream: TextIO = None,
                 width: int = 24, label: str = ""):
        if mode not in MODES:
            raise ValueError(f"progress mode must be one of {MODES}, got {mode!r}")
        self.stream = sys.stderr if stream is None else stream
        if mode == "auto":
            mode = "bar" if getattr(self.stream, "isatty", lambda: False)() else "lines"
        self.mode, self.total, self.metric, self.width = mode, total, metric, width
        self.label = f"{label} " if label else ""
        self.start = time.time()
        self.drawn = False

    def update(self, epoch: int, train_loss: float, val: Dict[str, float], best_epoch: int,
               best: float, note: str = "") -> None:
        if self.mode == "none":
            return
        text = (f"epoch {epoch:>{len(str(self.total))}}/{self.total} loss {train_loss:.4f} "
                f"val {self.metric} {val[self.metric]:.4f} best {best:.4f} @ {best_epoch} "
                f"{time.time() - self.start:.1f}s{' ' + note if note else ''}")
        if self.mode == "lines":
            self.stream.write(f"{self.label}{text}\n")
        else:
            filled = round(self.width * min(epoch, self.total) / self.total)
            bar = "#" * filled + "-" * (self.width - filled)
            self.stream.write(f"\r\033[K{self.label}[{bar}] {text}")
            self.drawn = True
        self.stream.flush()

    def close(self, message: str = "") -> None:
        if self.mode == "bar" and self.drawn:
            self.stream.write("\n")
            self.drawn = False
        if message and self.mode != "none":
            self.stream.write(f"{self.label}{message}\n")
        self.stream.flush()
