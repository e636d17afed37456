"""Packs the real data sets (CSV copies under ../shared/data) into the
compressed files shipped in cldmdf/data/. Run once by a maintainer; nothing is
downloaded or converted at run time.

    python scripts/pack_data.py ../shared/data
"""
import gzip
import os
import shutil
import sys

import numpy as np

VIEWS = ["fou", "fac", "kar", "pix", "zer", "mor"]


def read_csv(path):
    return np.genfromtxt(path, delimiter=",", skip_header=1, dtype=np.float64)


def pack_handwritten(src, dst):
    arrays = {}
    labels = None
    for v in VIEWS:
        table = read_csv(os.path.join(src, "uci_mfeat", f"mfeat-{v}.csv"))
        arrays[v] = table[:, :-1].astype(np.float32)
        y = table[:, -1].astype(np.int64)
        assert labels is None or (labels == y).all(), "views disagree on the labels"
        labels = y
    np.savez_compressed(os.path.join(dst, "handwritten.npz"), labels=labels,
                        views=np.array(VIEWS), **arrays)


def pack_nutrimouse(src, dst):
    d = os.path.join(src, "nutrimouse")
    gene = read_csv(os.path.join(d, "gene.csv")).astype(np.float32)
    lipid = read_csv(os.path.join(d, "lipid.csv")).astype(np.float32)
    genotype = np.genfromtxt(os.path.join(d, "genotype.csv"), skip_header=1, dtype=str)
    diet = np.genfromtxt(os.path.join(d, "diet.csv"), skip_header=1, dtype=str)
    genotype = np.char.strip(genotype, '"')
    diet = np.char.strip(diet, '"')
    diets = np.array(sorted(set(diet.tolist())))
    np.savez_compressed(os.path.join(dst, "nutrimouse.npz"), gene=gene, lipid=lipid,
                        genotype=(genotype == "ppar").astype(np.int64),
                        diet=np.searchsorted(diets, diet).astype(np.int64), diet_names=diets)


def pack_pbcseq(src, dst):
    with open(os.path.join(src, "pbcseq", "pbcseq.csv"), "rb") as f_in, \
            gzip.open(os.path.join(dst, "pbcseq.csv.gz"), "wb", compresslevel=9) as f_out:
        shutil.copyfileobj(f_in, f_out)


ROSMAP_MODALITIES = {"1": "mrna", "2": "methylation", "3": "mirna"}


def pack_clothing(src, dst):
    """The clothing reviews, already gzip-compressed CSV: copied byte for byte."""
    shutil.copy(os.path.join(src, "clothing_reviews", "womens_clothing_reviews.csv.gz"),
                os.path.join(dst, "womens_clothing_reviews.csv.gz"))


def pack_rosmap(src, dst):
    """MOGONET's ROSMAP release: train rows (245) then test rows (106), `is_test` marks them."""
    d = os.path.join(src, "rosmap")
    arrays = {}
    for key, name in ROSMAP_MODALITIES.items():
        tr = np.loadtxt(os.path.join(d, f"{key}_tr.csv"), delimiter=",", dtype=np.float64)
        te = np.loadtxt(os.path.join(d, f"{key}_te.csv"), delimiter=",", dtype=np.float64)
        arrays[name] = np.concatenate([tr, te]).astype(np.float32)
        with open(os.path.join(d, f"{key}_featname.csv")) as f:
            arrays[f"{name}_features"] = np.array([line.strip() for line in f if line.strip()])
    labels = [np.loadtxt(os.path.join(d, f"labels_{s}.csv"), dtype=np.float64).astype(np.int64)
              for s in ("tr", "te")]
    is_test = np.concatenate([np.zeros(len(labels[0]), bool), np.ones(len(labels[1]), bool)])
    np.savez_compressed(os.path.join(dst, "rosmap.npz"), labels=np.concatenate(labels),
                        is_test=is_test, modalities=np.array(list(ROSMAP_MODALITIES.values())),
                        **arrays)
    shutil.copy(os.path.join(d, "LICENSE.MOGONET"), os.path.join(dst, "LICENSE.MOGONET"))


if __name__ == "__main__":
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data")
    dst = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cldmdf", "data")
    pack_handwritten(src, dst)
    pack_nutrimouse(src, dst)
    pack_pbcseq(src, dst)
    pack_rosmap(src, dst)
    pack_clothing(src, dst)
    # cldmdf/data/SOURCES.md (origins and licences) is kept by hand: it must not cite the
    # source folder, so it is not copied from the source's README
