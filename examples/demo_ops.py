"""A short demo of the three operators on real data: the UCI Handwritten digits
(6 views), with 30% of the (sample, view) entries missing.

Per-view linear encoders feed torch.ops.cldmdf.dual_attention (feature and
modality attention over the 6 views), torch.ops.cldmdf.adaptive_fusion pools
them per sample, and torch.ops.cldmdf.centroid_contrastive_loss pulls the
present views' tokens of each class together. Prints test accuracy and the
learned per-view importance.

    python examples/demo_ops.py [--missing-rate 0.3] [--epochs 40]
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

import cldmdf
from cldmdf import data


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--missing-rate", type=float, default=0.3)
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    torch.manual_seed(args.seed)

    ds = data.load_handwritten()
    n, M, D, H = len(ds), len(ds.modalities), 64, 4
    mask = data.missing_mask(n, M, args.missing_rate, seed=args.seed)
    perm = torch.randperm(n, generator=torch.Generator().manual_seed(args.seed))
    train, test = perm[: int(0.8 * n)], perm[int(0.8 * n):]
    views = []
    for m, x in enumerate(ds.modalities):
        x_train, x_all = data.standardize(x[train], x, present=mask[train, m])
        views.append(x_all.masked_fill(~mask[:, m:m + 1], 0.0))

    encoders = nn.ModuleList(nn.Linear(v.shape[1], D) for v in views)
    missing_token = nn.Parameter(torch.zeros(M, D))
    feat, qk = nn.Linear(D, D), nn.Linear(D, 2 * D)
    gate, value = nn.Linear(D, D), nn.Linear(D, D)
    head, proj = nn.Linear(D, ds.num_classes), nn.Linear(D, 32)
    params = [missing_token] + [q for mod in (encoders, feat, qk, gate, value, head, proj)
                                for q in mod.parameters()]
    opt = torch.optim.AdamW(params, lr=3e-3, weight_decay=1e-4)

    def forward(idx):
        msk = mask[idx]
        tokens = torch.stack([torch.tanh(enc(v[idx])) for enc, v in zip(encoders, views)], 1)
        tokens = torch.where(msk[..., None], tokens, missing_token.expand_as(tokens))
        q, k = qk(tokens).chunk(2, dim=-1)
        attended, _, mod_w = torch.ops.cldmdf.dual_attention(tokens, feat(tokens), q, k, msk, H)
        tokens = tokens + attended
        fused, _ = torch.ops.cldmdf.adaptive_fusion(torch.tanh(value(tokens)), gate(tokens), msk)
        return head(fused), tokens, mod_w

    start = time.time()
    for epoch in range(args.epochs):
        for idx in train[torch.randperm(len(train))].split(128):
            logits, tokens, _ = forward(idx)
            b_idx, m_idx = mask[idx].nonzero(as_tuple=True)
            points = proj(tokens[b_idx, m_idx])
            contrastive = torch.ops.cldmdf.centroid_contrastive_loss(points, ds.labels[idx][b_idx], 0.1)
            loss = F.cross_entropy(logits, ds.labels[idx]) + 0.1 * contrastive
            opt.zero_grad()
            loss.backward()
            opt.step()
    with torch.no_grad():
        logits, _, mod_w = forward(test)
        acc = (logits.argmax(1) == ds.labels[test]).float().mean().item()
        msk = mask[test].float()
        importance = (mod_w.mean(1) * msk[:, :, None]).sum(1) / msk.sum(1, keepdim=True)
    print(f"Handwritten, missing rate {args.missing_rate}: {len(train)} train / {len(test)} test, "
          f"{args.epochs} epochs in {time.time() - start:.1f}s")
    print(f"test accuracy: {100 * acc:.2f}%")
    print("mean modality importance (attention received):")
    for name, w in zip(ds.modality_names, importance.mean(0).tolist()):
        print(f"  {name}: {w:.3f}")


if __name__ == "__main__":
    main()
