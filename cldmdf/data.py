"""Loaders for the real multimodal data sets shipped in cldmdf/data/ (see
cldmdf/data/SOURCES.md for their origin and licences) and for a user's CSV file, and the
missing-modality protocol of the incomplete multi-view literature."""
import array
import csv
import gzip
import hashlib
import io
import math
import os
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


@dataclass
class MultimodalDataset:
    """Modalities as a list of [N, d_m] float32 tensors, `mask` [N, M] bool (True: present),
    integer `labels` [N] and `entity` [N] int64 ids (the sample itself when the data has no
    entity structure)."""
    name: str
    modalities: List[torch.Tensor]
    mask: torch.Tensor
    labels: torch.Tensor
    entity: torch.Tensor
    modality_names: List[str]
    num_classes: int
    class_names: Optional[List[str]] = None  # the labels as written in a CSV file
    # a fixed test split (bool [N], e.g. ROSMAP's published one); None: drawn per seed
    fixed_test: Optional[torch.Tensor] = None
    test_fraction: float = 0.2  # of each class's entities held out for test per seed
    # modalities that are fit on the training rows of a split (e.g. TF-IDF of text):
    # featurize(train [n] indices, mask [N, M]) -> the modalities of all N rows, fit on the
    # training rows where each modality is present. None: `modalities` serve every split.
    # Where it is set, `modalities` hold one such featurisation (see the loader).
    featurize: Optional[Callable[[torch.Tensor, torch.Tensor], List[torch.Tensor]]] = None
    # the SHA-256 of the file the data set was read from, where it was read from one file
    # (load_csv: computed while parsing it)
    source_sha256: Optional[str] = None

    def __len__(self):
        return self.labels.shape[0]

    def split_modalities(self, train: torch.Tensor, mask: torch.Tensor) -> List[torch.Tensor]:
        """The modalities as one split of the protocol sees them: ``featurize(train, mask)``
        where the data set has one (fit on the present training rows), else ``modalities``."""
        return self.modalities if self.featurize is None else self.featurize(train, mask)


def load_handwritten() -> MultimodalDataset:
    """UCI Multiple Features ("Handwritten"): 2,000 digits, 6 views, 10 classes."""
    d = np.load(os.path.join(DATA_DIR, "handwritten.npz"))
    names = [str(v) for v in d["views"]]
    mods = [torch.from_numpy(d[v]) for v in names]
    n = len(d["labels"])
    return MultimodalDataset("handwritten", mods, torch.ones(n, len(mods), dtype=torch.bool),
                             torch.from_numpy(d["labels"]), torch.arange(n), names, 10)


def load_nutrimouse(target: str = "genotype") -> MultimodalDataset:
    """nutrimouse: 40 mice, gene (120) and lipid (21) views; target 'genotype' or 'diet'."""
    d = np.load(os.path.join(DATA_DIR, "nutrimouse.npz"))
    mods = [torch.from_numpy(d["gene"]), torch.from_numpy(d["lipid"])]
    labels = torch.from_numpy(d[target])
    return MultimodalDataset("nutrimouse", mods, torch.ones(40, 2, dtype=torch.bool), labels,
                             torch.arange(40), ["gene", "lipid"], int(labels.max()) + 1)


def load_rosmap(split: str = "fixed") -> MultimodalDataset:
    """ROSMAP (MOGONET's release): 351 subjects, mRNA / methylation / miRNA (200 features
    each), AD (1) vs normal control (0). ``split="fixed"``: MOGONET's 245/106 train/test split
    (``fixed_test``); ``"random"``: no fixed split (the protocol draws one per seed)."""
    if split not in ("fixed", "random"):
        raise ValueError(f"load_rosmap: split expected 'fixed' or 'random', got {split!r}")
    d = np.load(os.path.join(DATA_DIR, "rosmap.npz"))
    names = [str(v) for v in d["modalities"]]
    mods = [torch.from_numpy(d[v]) for v in names]
    n = len(d["labels"])
    fixed = torch.from_numpy(d["is_test"]) if split == "fixed" else None
    return MultimodalDataset("rosmap" if split == "fixed" else "rosmap-random", mods,
                             torch.ones(n, len(mods), dtype=torch.bool),
                             torch.from_numpy(d["labels"]), torch.arange(n), names, 2,
                             ["NC", "AD"], fixed, 0.2 if split == "fixed" else 0.3)


PBC_GROUPS = {
    "liver": ["bili", "albumin", "alk.phos", "ast", "protime"],
    "lipids_counts": ["chol", "platelet"],
    "clinical": ["ascites", "hepato", "spiders", "edema"],
    "demographics": ["age", "sex", "trt", "day"],
}


def load_pbcseq(target: str = "death") -> MultimodalDataset:
    """pbcseq: 1,945 visits of 312 patients in 4 modality groups with natural missingness.

    A group is missing at a visit when any of its values is NA. Entity = patient id.
    target 'death' (status == 2 at the end of follow-up) or 'stage' (histologic stage 1-4,
    as classes 0-3; visits with unknown stage get -1)."""
    with gzip.open(os.path.join(DATA_DIR, "pbcseq.csv.gz"), "rt") as f:
        rows = list(csv.DictReader(f))

    def value(row, col):
        v = row[col]
        if v == "NA":
            return np.nan
        if col == "sex":
            return 1.0 if v == "f" else 0.0
        return float(v)

    mods, present = [], []
    for cols in PBC_GROUPS.values():
        table = np.array([[value(r, c) for c in cols] for r in rows], dtype=np.float32)
        ok = ~np.isnan(table).any(axis=1)
        mods.append(torch.from_numpy(np.nan_to_num(table)))
        present.append(torch.from_numpy(ok))
    entity = torch.tensor([int(r["id"]) for r in rows])
    if target == "death":
        labels = torch.tensor([int(r["status"] == "2") for r in rows])
        classes = 2
    elif target == "stage":
        labels = torch.tensor([int(r["stage"]) - 1 if r["stage"] != "NA" else -1 for r in rows])
        classes = 4
    else:
        raise ValueError(f"target must be 'death' or 'stage', got {target!r}")
    return MultimodalDataset("pbcseq", mods, torch.stack(present, dim=1), labels, entity,
                             list(PBC_GROUPS), classes)


class DataError(ValueError):
    """A data file that cannot be used; the message names the file and what is wrong."""


# --------------------------------------------------------------------------- clothing reviews

CLOTHING_FILE = "womens_clothing_reviews.csv.gz"
CLOTHING_TARGETS = ("rating", "recommended")
CLOTHING_MODALITIES = ["title", "review", "tabular"]
CLOTHING_TEXT_COLUMNS = {"title": "Title", "review": "Review Text"}
CLOTHING_CATEGORIES = ("Division Name", "Department Name", "Class Name")
CLOTHING_COLUMNS = ("Clothing ID", "Age", "Title", "Review Text", "Rating", "Recommended IND",
                    "Positive Feedback Count") + CLOTHING_CATEGORIES
# a one-hot column whose category has fewer present training rows than this is zeroed in
# that split (the category then reads as missing), so that no z-score is built on a handful
# of rows (or on none: a category seen only in test rows)
MIN_CATEGORY_ROWS = 10


@dataclass(frozen=True)
class TextSettings:
    """TF-IDF (word 1..ngram_max-grams, sublinear tf, terms in at least min_df fitting rows,
    the max_features most frequent) followed by a truncated SVD to ``dims`` dimensions."""
    dims: int
    max_features: int = 20000
    min_df: int = 2
    ngram_max: int = 2


# titles are a few words, reviews a paragraph
CLOTHING_TEXT = {"title": TextSettings(dims=64), "review": TextSettings(dims=128)}
TEXT_CACHE_VERSION = 1  # bump when fit_text_svd changes what it computes
_TEXT_MEMORY: "OrderedDict[str, np.ndarray]" = OrderedDict()
_TEXT_MEMORY_SIZE = 12  # featurisations kept in the process (3 seeds x 2 rates x 2 columns)


def cache_dir() -> Optional[str]:
    """Where featurisations are cached on disk: $CLDMDF_CACHE_DIR, else
    $XDG_CACHE_HOME/cldmdf, else ~/.cache/cldmdf; None (no disk cache) when
    CLDMDF_CACHE_DIR is set to an empty string or "none"."""
    chosen = os.environ.get("CLDMDF_CACHE_DIR")
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "none") else chosen
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cldmdf")


def _sklearn():
    try:
        from sklearn.decomposition import TruncatedSVD
        from sklearn.feature_extraction.text import TfidfVectorizer
    except ImportError:
        raise DataError("the clothing tasks turn text into features with scikit-learn, which "
                        "is not installed (pip install scikit-learn, or pip install "
                        "'cldmdf[text]')") from None
    return TfidfVectorizer, TruncatedSVD


def fit_text_svd(texts: Sequence[str], fit_rows: np.ndarray, settings: TextSettings):
    """TF-IDF + truncated SVD fit on ``texts[fit_rows]`` (rows with empty text are left out),
    applied to every row. Returns ([N, settings.dims] float32 features, zeros for empty
    texts and in the columns beyond the rank the fitting rows allow; the fitted
    TfidfVectorizer). Deterministic: the SVD's random start is seeded."""
    TfidfVectorizer, TruncatedSVD = _sklearn()
    fit_rows = np.asarray(fit_rows, dtype=np.int64)
    fit_rows = fit_rows[[bool(texts[i]) for i in fit_rows]] if len(fit_rows) else fit_rows
    if len(fit_rows) < 2:
        raise DataError(f"cannot fit text features on {len(fit_rows)} training row(s) with "
                        "text; need at least 2")
    vectorizer = TfidfVectorizer(min_df=min(settings.min_df, len(fit_rows)),
                                 max_features=settings.max_features,
                                 ngram_range=(1, settings.ngram_max), sublinear_tf=True,
                                 dtype=np.float32)
    try:
        fitted = vectorizer.fit_transform([texts[i] for i in fit_rows])
    except ValueError as err:  # e.g. "empty vocabulary"
        raise DataError(f"cannot fit text features on the training rows: {err}") from None
    rank = min(settings.dims, fitted.shape[1] - 1, len(fit_rows) - 1)
    out = np.zeros((len(texts), settings.dims), dtype=np.float32)
    if rank < 1:
        return out, vectorizer
    svd = TruncatedSVD(rank, algorithm="randomized", n_iter=5, random_state=0).fit(fitted)
    present = np.array([i for i, t in enumerate(texts) if t], dtype=np.int64)
    if len(present):
        out[present, :rank] = svd.transform(vectorizer.transform([texts[i] for i in present]))
    return out, vectorizer


def text_features(texts: Sequence[str], fit_rows: np.ndarray, settings: TextSettings,
                  use_disk: bool = True) -> np.ndarray:
    """:func:`fit_text_svd`'s features, cached in this process and on disk
    (:func:`cache_dir`, ``text-<key>.npy``). The key is a SHA-256 of the texts, the fitting
    rows, the settings, the scikit-learn version and TEXT_CACHE_VERSION, so any change to
    them computes afresh; a cache file that cannot be read or written is ignored."""
    import sklearn

    fit_rows = np.asarray(fit_rows, dtype=np.int64)
    h = hashlib.sha256()
    h.update(repr((TEXT_CACHE_VERSION, settings, sklearn.__version__, len(texts))).encode())
    h.update(fit_rows.tobytes())
    for t in texts:
        h.update(t.encode("utf-8") + b"\0")
    key = h.hexdigest()
    if key in _TEXT_MEMORY:
        _TEXT_MEMORY.move_to_end(key)
        return _TEXT_MEMORY[key]
    folder = cache_dir() if use_disk else None
    path = os.path.join(folder, f"text-{key[:40]}.npy") if folder else None
    features = None
    if path and os.path.isfile(path):
        try:
            features = np.load(path)
        except (OSError, ValueError):
            features = None
        if features is not None and features.shape != (len(texts), settings.dims):
            features = None
    if features is None:
        features = fit_text_svd(texts, fit_rows, settings)[0]
        if path:
            try:
                os.makedirs(folder, exist_ok=True)
                tmp = f"{path}.{os.getpid()}.tmp"
                with open(tmp, "wb") as f:
                    np.save(f, features)
                os.replace(tmp, path)
            except OSError:
                pass
    features.setflags(write=False)  # shared by every caller
    _TEXT_MEMORY[key] = features
    while len(_TEXT_MEMORY) > _TEXT_MEMORY_SIZE:
        _TEXT_MEMORY.popitem(last=False)
    return features


def _read_clothing(path: str) -> Dict[str, list]:
    """The columns of a clothing-reviews CSV (gzip or plain), checked."""
    def fail(message):
        raise DataError(f"{path}: {message}")

    if not os.path.isfile(path):
        fail("no such file")
    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in CLOTHING_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                fail(f"missing column(s) {', '.join(missing)}")
            rows = list(reader)
    except (OSError, EOFError, UnicodeDecodeError, csv.Error) as err:
        fail(f"cannot read it: {err}")
    if not rows:
        fail("no data rows")
    columns: Dict[str, list] = {c: [] for c in CLOTHING_COLUMNS}
    for line, row in enumerate(rows, start=2):
        for c in ("Clothing ID", "Age", "Rating", "Recommended IND", "Positive Feedback Count"):
            try:
                value = int(row[c])
            except (TypeError, ValueError):
                fail(f"line {line}, column {c!r}: {row[c]!r} is not an integer")
            if (c == "Rating" and not 1 <= value <= 5) or (c == "Recommended IND"
                                                           and value not in (0, 1)):
                fail(f"line {line}, column {c!r}: {value} is out of range")
            columns[c].append(value)
        for c in ("Title", "Review Text") + CLOTHING_CATEGORIES:
            columns[c].append((row[c] or "").strip())
    return columns


class ClothingFeatures:
    """The ``featurize`` of the clothing data sets: TF-IDF + SVD of the title and of the
    review text, fit on the present training rows of a split (cached, :func:`text_features`),
    and the tabular modality (age, log(1 + positive feedback count), one-hot division /
    department / class with a missing category as all zeros; a category with fewer than
    MIN_CATEGORY_ROWS present training rows is zeroed in that split)."""

    def __init__(self, texts: Dict[str, List[str]], tabular: np.ndarray,
                 tabular_columns: List[str], use_disk_cache: bool = True):
        self.texts = texts
        self.tabular = tabular
        self.tabular_columns = tabular_columns
        self.use_disk_cache = use_disk_cache

    def __call__(self, train: torch.Tensor, mask: torch.Tensor) -> List[torch.Tensor]:
        train = train.cpu().numpy()
        mask = mask.cpu().numpy()
        out = []
        for m, name in enumerate(CLOTHING_MODALITIES[:2]):
            fit_rows = train[mask[train, m]]
            features = text_features(self.texts[name], fit_rows, CLOTHING_TEXT[name],
                                     self.use_disk_cache)
            out.append(torch.from_numpy(features.copy()))  # the cached array stays read-only
        table = self.tabular.copy()
        rows = train[mask[train, 2]]
        counts = (table[rows, 2:] != 0).sum(0)
        table[:, 2:][:, counts < MIN_CATEGORY_ROWS] = 0.0
        out.append(torch.from_numpy(table))
        return out


def load_clothing(target: str = "rating", rows: Optional[int] = None,
                  path: Optional[str] = None, use_disk_cache: bool = True) -> MultimodalDataset:
    """Women's e-commerce clothing reviews: 23,486 reviews of 1,206 garments, 3 modalities
    (title text, review text, tabular), entity = garment (Clothing ID), so splits keep a
    garment's reviews on one side and its reviews share a contrastive centroid.

    ``target`` "rating" (Rating 1..5 as classes 0..4) or "recommended" (Recommended IND);
    neither label is ever an input. An empty Title / Review Text is a naturally missing
    modality; the tabular modality is always present. The text features are fit per split
    on the training rows (``featurize``, see :class:`ClothingFeatures`); ``modalities``
    hold those of seed 0's split at the natural mask. ``rows``: a random subset of that
    many reviews (fixed, for quick runs and tests); ``path``: another file of the same
    columns (default: the shipped one)."""
    if target not in CLOTHING_TARGETS:
        raise ValueError(f"load_clothing: target expected one of {CLOTHING_TARGETS}, "
                         f"got {target!r}")
    columns = _read_clothing(path or os.path.join(DATA_DIR, CLOTHING_FILE))
    n_all = len(columns["Rating"])
    if rows is not None:
        if isinstance(rows, bool) or not isinstance(rows, int) or not 50 <= rows <= n_all:
            raise ValueError(f"load_clothing: rows expected an integer in [50, {n_all}], "
                             f"got {rows!r}")
        keep = np.sort(np.random.default_rng(0).choice(n_all, rows, replace=False))
    else:
        keep = np.arange(n_all)
    # the one-hot columns: every category of the whole file (fixed widths for any subset)
    tabular_columns = ["age", "log1p_positive_feedback"]
    blocks = [np.array(columns["Age"], dtype=np.float32)[:, None],
              np.log1p(np.array(columns["Positive Feedback Count"], dtype=np.float32))[:, None]]
    for c in CLOTHING_CATEGORIES:
        categories = sorted({v for v in columns[c] if v})
        index = {v: k for k, v in enumerate(categories)}
        onehot = np.zeros((n_all, len(categories)), dtype=np.float32)
        for i, v in enumerate(columns[c]):
            if v:
                onehot[i, index[v]] = 1.0
        blocks.append(onehot)
        tabular_columns += [f"{c}={v}" for v in categories]
    tabular = np.concatenate(blocks, axis=1)[keep]
    texts = {name: [columns[col][i] for i in keep]
             for name, col in CLOTHING_TEXT_COLUMNS.items()}
    mask = torch.from_numpy(np.stack([np.array([bool(t) for t in texts["title"]]),
                                      np.array([bool(t) for t in texts["review"]]),
                                      np.ones(len(keep), dtype=bool)], axis=1))
    if target == "rating":
        labels = torch.tensor([columns["Rating"][i] - 1 for i in keep])
        classes = ["1", "2", "3", "4", "5"]
    else:
        labels = torch.tensor([columns["Recommended IND"][i] for i in keep])
        classes = ["not recommended", "recommended"]
    entity = torch.tensor([columns["Clothing ID"][i] for i in keep])
    featurize = ClothingFeatures(texts, tabular, tabular_columns, use_disk_cache)
    placeholder = [torch.zeros(len(keep), CLOTHING_TEXT["title"].dims),
                   torch.zeros(len(keep), CLOTHING_TEXT["review"].dims),
                   torch.from_numpy(tabular)]
    ds = MultimodalDataset(f"clothing-{target}", placeholder, mask, labels, entity,
                           list(CLOTHING_MODALITIES), len(classes), classes,
                           featurize=featurize)
    from .training import protocol_splits  # the protocol's split of seed 0

    ds.modalities = featurize(protocol_splits(ds, 0)[0], mask)
    return ds


MISSING_CELLS = {"", "na", "nan", "null"}  # compared lower-cased, after stripping spaces


class _HashingReader(io.RawIOBase):
    """A binary file read through, every byte read also fed to a SHA-256 digest: the data
    file's fingerprint comes out of the one pass that parses it."""

    def __init__(self, raw):
        super().__init__()
        self.raw, self.digest = raw, hashlib.sha256()

    def readable(self):
        return True

    def readinto(self, buffer):
        n = self.raw.readinto(buffer)
        if n:
            self.digest.update(memoryview(buffer)[:n])
        return n

    def hexdigest_to_end(self) -> str:
        """The digest of the whole file: what is left unread is read (and hashed) first."""
        for block in iter(lambda: self.raw.read(1 << 20), b""):
            self.digest.update(block)
        return self.digest.hexdigest()


def load_csv(path: str, label_column: str = "label",
             entity_column: str = "entity") -> MultimodalDataset:
    """A user's multimodal data set from a CSV file (optionally gzip-compressed, *.gz).

    The first line is the header. Columns:

    * ``label`` (required): the class of the row, any text or number (never empty). Classes
      are numbered in sorted order (numerically when every label is an integer).
    * ``entity`` (optional): the id of the entity the row belongs to (e.g. a patient with
      several visits); splits then keep an entity's rows together. Without it every row
      is its own entity.
    * ``<modality>:<feature>``: a numeric feature of a modality, e.g. ``mri:volume``; the
      modalities are taken in the order in which they first appear.

    An empty cell (or ``NA``, ``NaN``, ``null``) is a missing value. A modality is missing
    in a row when all its cells are empty; a single missing cell of a present modality is
    later imputed with the training mean of its feature. Raises :class:`DataError` with a
    one-line message for a file that cannot be read or does not follow this format.

    The file is read once, as a stream: each row's cells go straight into growing float32
    arrays (one per modality; labels and entities as integer codes), so memory holds the
    parsed values, never the file's text or a list per row. The SHA-256 of the file's bytes
    is computed in the same pass (``source_sha256`` of the result)."""
    name = os.path.basename(path)
    for ext in (".gz", ".csv"):
        name = name[:-len(ext)] if name.lower().endswith(ext) else name
    where = path

    def fail(message):
        raise DataError(f"{where}: {message}")

    if not os.path.exists(path):
        fail("no such file")
    if os.path.isdir(path):
        fail("is a directory, not a CSV file")
    try:
        with open(path, "rb") as raw:
            hashing = _HashingReader(raw)
            binary = io.BufferedReader(hashing, 1 << 20)
            if path.lower().endswith(".gz"):
                binary = gzip.GzipFile(fileobj=binary, mode="rb")
            text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
            parsed = _parse_csv(csv.reader(text), label_column, entity_column, fail)
            sha256 = hashing.hexdigest_to_end()
    except UnicodeDecodeError:
        fail("cannot read it as UTF-8 text (is it a CSV file?)")
    except (OSError, EOFError, csv.Error, zlib.error) as err:
        fail(f"cannot read it: {getattr(err, 'strerror', None) or err}")
    modality_names, tables, label_codes, label_texts, entity = parsed

    def integer(text):
        try:
            return int(text)
        except ValueError:
            return None

    classes = sorted(label_texts)
    if all(integer(c) is not None for c in classes):
        classes.sort(key=int)
    if len(classes) < 2:
        fail(f"the label column holds a single class ({classes[0]!r}); need at least 2")
    class_of = {c: k for k, c in enumerate(classes)}
    # label_texts is in order of first appearance, the order of the codes
    labels = torch.tensor([class_of[t] for t in label_texts])[label_codes]
    present = [~table.isnan().all(1) for table in tables]
    ds = MultimodalDataset(name, tables, torch.stack(present, dim=1), labels, entity,
                           modality_names, len(classes), classes)
    ds.source_sha256 = sha256
    return ds


def _parse_csv(reader, label_column: str, entity_column: str, fail):
    """One pass over the rows of `reader`: (modality names, [n, d_m] float32 tables with NaN
    for missing cells, [n] int64 label codes, the label texts in code order, [n] int64
    entity ids). See :func:`load_csv` for the format."""
    header = None
    for index, row in enumerate(reader):
        if any(c.strip() for c in row):
            header = [c.strip() for c in row]
            break
    if header is None:
        fail("the file is empty (expected a header line with a 'label' column)")
    seen = set()
    for column in header:
        if column in seen:
            fail(f"column {column!r} appears twice in the header")
        seen.add(column)
    if label_column not in header:
        fail(f"no {label_column!r} column in the header (columns: {', '.join(header)})")
    features: Dict[str, List[int]] = {}  # modality -> column indices
    for i, column in enumerate(header):
        if column in (label_column, entity_column):
            continue
        modality, sep, feature = column.partition(":")
        if not sep or not modality.strip() or not feature.strip():
            fail(f"column {column!r} is neither {label_column!r}, {entity_column!r} nor "
                 "'<modality>:<feature>'")
        features.setdefault(modality.strip(), []).append(i)
    if not features:
        fail("no feature columns; name them '<modality>:<feature>', e.g. 'mri:volume'")
    label_at = header.index(label_column)
    entity_at = header.index(entity_column) if entity_column in header else None
    width = len(header)

    def bad_cell(cell, line, c):
        """The value of a cell float() refused or read as NaN/inf: NaN when it is one of the
        MISSING_CELLS spellings; otherwise the file is wrong."""
        cell = cell.strip()
        if cell.lower() in MISSING_CELLS:
            return math.nan
        try:
            float(cell)
        except ValueError:
            fail(f"line {line}, column {header[c]!r}: {cell!r} is not a number")
        fail(f"line {line}, column {header[c]!r}: {cell!r} is not a finite number")

    # the parsed values, grown row by row (C floats and int64s, not Python objects)
    buffers = [(array.array("f"), columns) for columns in features.values()]
    label_codes, entity_codes = array.array("q"), array.array("q")
    label_code: Dict[str, int] = {}   # label text -> code, in order of first appearance
    entity_code: Dict[str, int] = {}
    missing = MISSING_CELLS
    rows = 0
    for line, row in enumerate(reader, index + 2):
        if len(row) != width:
            if not any(c.strip() for c in row):
                continue  # a blank line
            fail(f"line {line} has {len(row)} fields, the header has {width}")
        label = row[label_at].strip()
        code = label_code.get(label)
        if code is None:
            if label.lower() in missing:
                if not any(c.strip() for c in row):
                    continue  # a line of empty cells only
                fail(f"line {line}: the label is empty or NaN ({row[label_at]!r})")
            code = label_code[label] = len(label_code)
        label_codes.append(code)
        if entity_at is not None:
            entity = row[entity_at].strip()
            code = entity_code.get(entity)
            if code is None:
                if entity.lower() in missing:
                    fail(f"line {line}: the entity is empty")
                code = entity_code[entity] = len(entity_code)
            entity_codes.append(code)
        for values, columns in buffers:
            for c in columns:
                cell = row[c]
                try:
                    number = float(cell)
                except ValueError:
                    number = bad_cell(cell, line, c)
                else:
                    if number - number != 0:  # NaN or ±inf
                        number = bad_cell(cell, line, c)
                values.append(number)
        rows += 1
    if rows == 0:
        fail("no data rows after the header")
    tables = [torch.frombuffer(values, dtype=torch.float32).view(rows, len(columns))
              for values, columns in buffers]
    labels = torch.frombuffer(label_codes, dtype=torch.int64)
    entity = (torch.arange(rows) if entity_at is None
              else torch.frombuffer(entity_codes, dtype=torch.int64))
    return list(features), tables, labels, list(label_code), entity


RATE_TOL = 0.005  # how far a requested missing rate may be from what the data allows


def missing_rate_bounds(mask: torch.Tensor) -> Tuple[float, float]:
    """(natural, maximum) missing rate of a [n, M] presence mask: the share of missing entries
    already, and the most that leaves every sample that has a modality one of them."""
    total = max(1, mask.numel())
    return 1.0 - int(mask.sum()) / total, 1.0 - int(mask.any(1).sum()) / total


def rate_is_reachable(mask: torch.Tensor, rate: float) -> bool:
    """η = 0 (natural missingness only) always; otherwise within the bounds, up to RATE_TOL."""
    natural, maximum = missing_rate_bounds(mask)
    return rate == 0 or natural - RATE_TOL <= rate <= maximum + RATE_TOL


def missing_mask(num_samples: int, num_modalities: int, rate: float, seed: int,
                 base: Optional[torch.Tensor] = None, tol: float = RATE_TOL) -> torch.Tensor:
    """Random missing-modality mask with realised missing rate within `tol` of `rate`
    (CPM-Nets' procedure): every sample keeps one randomly chosen present modality, the
    other entries are dropped at random, and the draw is repeated until the realised rate
    (over all entries, natural missingness of `base` included) is within tol of rate."""
    base = torch.ones(num_samples, num_modalities, dtype=torch.bool) if base is None else base
    if rate <= 0:
        return base.clone()
    gen = torch.Generator().manual_seed(seed)
    total = num_samples * num_modalities
    natural_rate, max_rate = missing_rate_bounds(base)
    natural = total - int(base.sum())
    with_any = int(base.any(1).sum())
    if rate > max_rate + tol:
        raise ValueError(f"missing rate {rate} impossible: every sample keeps one of "
                         f"{num_modalities} modalities (max {max_rate:.3f})")
    if rate < natural_rate - tol:
        raise ValueError(f"missing rate {rate} impossible: the natural missing rate of `base` "
                         f"is already {natural_rate:.3f}")
    # the drop probability of a droppable entry (present and not the kept one) that makes
    # the expected realised rate, natural missingness included, equal to `rate`
    drop_prob = (rate * total - natural) / max(1, total - natural - with_any)
    for _ in range(10000):
        # the kept modality: uniformly among the sample's present ones
        scores = torch.rand(num_samples, num_modalities, generator=gen).masked_fill(~base, -1)
        keep = torch.nn.functional.one_hot(scores.argmax(1), num_modalities).bool()
        drop = torch.rand(num_samples, num_modalities, generator=gen) < drop_prob
        mask = base & (keep | ~drop)
        realised = 1.0 - mask.float().mean().item()
        if abs(realised - rate) <= tol:
            return mask
    raise RuntimeError(f"could not draw a mask with missing rate {rate} +- {tol}")


def standardize(train: torch.Tensor, *others: torch.Tensor, present: Optional[torch.Tensor] = None):
    """z-scores every column with the mean and std of the (present) training rows.

    NaN cells (missing values of a present modality) are left out of the statistics and
    stay NaN; a column without two values gets mean 0 and std 1."""
    rows = train if present is None else train[present]
    if rows.isnan().any():
        count = (~rows.isnan()).sum(0, keepdim=True)
        mean = rows.nanmean(0, keepdim=True).nan_to_num(0.0)
        var = (rows - mean).square().nansum(0, keepdim=True) / (count - 1).clamp_min(1)
        std = torch.where(count > 1, var.sqrt(), torch.ones_like(var)).clamp_min(1e-6)
    else:
        mean = rows.mean(0, keepdim=True)
        std = rows.std(0, keepdim=True).clamp_min(1e-6)
    return [(t - mean) / std for t in (train,) + others]


def stratified_group_split(labels: torch.Tensor, groups: torch.Tensor, fraction: float,
                           seed: int):
    """Splits the samples [N] in two by whole groups, holding out round(fraction · n_c) of
    the n_c groups of every class c (a group's class is its first sample's label), so no
    group has samples on both sides. With `groups = arange(N)` it is a plain stratified
    split. Returns the (kept, held_out) sample indices, each sorted."""
    n = labels.shape[0]
    unique_groups, group_of = torch.unique(groups, return_inverse=True)
    first = torch.full((len(unique_groups),), n).scatter_reduce(0, group_of, torch.arange(n),
                                                                "amin")
    group_label = labels[first]
    gen = torch.Generator().manual_seed(seed)
    held_out_group = torch.zeros(len(unique_groups), dtype=torch.bool)
    for c in torch.unique(group_label):
        members = (group_label == c).nonzero().squeeze(1)
        members = members[torch.randperm(len(members), generator=gen)]
        held_out_group[members[: round(fraction * len(members))]] = True
    held_out = held_out_group[group_of]
    return (~held_out).nonzero().squeeze(1), held_out.nonzero().squeeze(1)
