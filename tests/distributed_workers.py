"""Worker processes of tests/test_distributed.py: each runs under torch.multiprocessing.spawn
with the gloo backend (CPU), checks its results against the single-process computation over
the concatenation of every rank's data, and raises on a mismatch (which fails the spawn)."""

import torch
import torch.distributed as dist


def init(rank, world, init_file):
    torch.set_num_threads(1)
    dist.init_process_group("gloo", init_method=f"file://{init_file}", rank=rank,
                            world_size=world)


def chunks(n_total, sizes):
    """Row ranges of the ranks: consecutive chunks of the given sizes."""
    assert sum(sizes) == n_total
    starts = [sum(sizes[:r]) for r in range(len(sizes))]
    return [range(s, s + n) for s, n in zip(starts, sizes)]


def points(dtype):
    """40 points whose entities cover every case: spread over ranks, on one rank only,
    singletons (excluded with leave-one-out), large ids, and different numbers of entities
    per rank."""
    g = torch.Generator().manual_seed(0)
    z = torch.randn(40, 6, generator=g, dtype=torch.float64).to(dtype)
    entity = torch.tensor([5, 9, 5, 1000003, 2, 2, 9, 7, 7, 7, 5, 11, 12, 12, 9, 2, 40, 41, 41, 5,
                           9, 9, 7, 2, 2, 13, 13, 13, 5, 9, 77, 5, 12, 12, 12, 2, 9, 9, 3, 5])
    return z, entity


SIZES = {2: [30, 10], 3: [25, 0, 15]}


def loss_worker(rank, world, init_file):
    import cldmdf
    from cldmdf import distributed
    init(rank, world, init_file)
    for dtype, tol in ((torch.float64, 1e-10), (torch.float32, 1e-5)):
        z_all, e_all = points(dtype)
        rows = chunks(len(e_all), SIZES[world])[rank]
        w_all = torch.linspace(-1.0, 2.0, len(e_all), dtype=dtype)
        for learned in (False, True):
            for leave_one_out in (True, False):
                for reduction in ("mean", "sum", "none"):
                    scale_ref = torch.tensor(3.5, dtype=dtype, requires_grad=True)
                    z_ref = z_all.clone().requires_grad_()
                    if learned:
                        ref = cldmdf.centroid_contrastive_loss_scaled(
                            z_ref, e_all, scale_ref, leave_one_out, reduction)
                    else:
                        ref = cldmdf.centroid_contrastive_loss(z_ref, e_all, 0.2, leave_one_out,
                                                               reduction)
                    scale = scale_ref.detach().clone().requires_grad_()
                    z = z_all[rows.start:rows.stop].clone().requires_grad_()
                    out = distributed.centroid_contrastive_loss(
                        z, e_all[rows.start:rows.stop], 0.2, leave_one_out, reduction,
                        scale=scale if learned else None)
                    if reduction == "none":
                        torch.testing.assert_close(out, ref[rows.start:rows.stop].detach(),
                                                   atol=tol, rtol=tol)
                        objective_ref = (ref * w_all).sum()
                        objective = (out * w_all[rows.start:rows.stop]).sum()
                        factor = 1.0  # no all-reduce of the value: no world-size factor
                    else:
                        torch.testing.assert_close(out, ref.detach(), atol=tol, rtol=tol)
                        objective_ref, objective, factor = ref, out, float(world)
                    wanted = (z_ref, scale_ref) if learned else (z_ref,)
                    grads_ref = torch.autograd.grad(objective_ref, wanted)
                    objective.backward()
                    torch.testing.assert_close(z.grad / factor,
                                               grads_ref[0][rows.start:rows.stop],
                                               atol=tol, rtol=tol)
                    if learned:
                        # a replicated parameter: the ranks' gradients summed are factor x the
                        # single-process one (DDP's average then gives it for mean and sum)
                        g = scale.grad.clone()
                        dist.all_reduce(g)
                        torch.testing.assert_close(g / factor, grads_ref[1], atol=tol, rtol=tol)
    dist.destroy_process_group()


def disagreement_worker(rank, world, init_file, what):
    from cldmdf import distributed
    init(rank, world, init_file)
    z, e = points(torch.float64)
    kwargs = {}
    if what == "leave_one_out":
        kwargs["leave_one_out"] = rank == 0
    elif what == "dtype":
        z = z.float() if rank == 1 else z
    elif what == "temperature":
        kwargs["temperature"] = 0.1 * (rank + 1)
    try:
        distributed.centroid_contrastive_loss(z, e, **kwargs)
    except RuntimeError as err:
        message = str(err)
        assert "ranks disagree on" in message and "rank 0 has" in message, message
    else:
        raise AssertionError(f"ranks with different {what} were not an error")
    dist.destroy_process_group()


def training_worker(rank, world, init_file, out_file, epochs, entity_mode):
    """A few epochs of DDP training of the CL-DMDF model through cldmdf.training.fit; rank 0
    saves the trained parameters for the test to compare with the single-process run."""
    init(rank, world, init_file)
    model = training_check_run(epochs, entity_mode)
    if rank == 0:
        torch.save(model.state_dict(), out_file)
    dist.destroy_process_group()


def _check_setup(entity_mode="entity"):
    from cldmdf import training
    from cldmdf.nn import CLDMDF
    g = torch.Generator().manual_seed(1)
    n = 48
    labels = torch.randint(0, 3, (n,), generator=g)
    modalities = [torch.randn(n, 5, generator=g) + labels[:, None], torch.randn(n, 4, generator=g)]
    mask = torch.rand(n, 2, generator=g) > 0.25
    mask[:, 0] |= ~mask[:, 1]
    entity = torch.arange(n) // 3
    train = training.Fold(modalities, mask, labels, entity)
    val = training.Fold([m[:12] for m in modalities], mask[:12], labels[:12], entity[:12])
    torch.manual_seed(0)
    model = CLDMDF([5, 4], 3, dim=16, num_layers=1, num_heads=2, dropout=0.0,
                   modality_dropout=0.0, contrastive_weight=0.5, proj_dim=8,
                   entity_mode=entity_mode)
    return model, train, val


def live_parameters():
    """Per parameter, the elements whose gradient is not identically 0. Some directions
    have a zero gradient on every batch (a key bias, a gate bias: softmax is shift
    invariant), and AdamW turns the rounding noise of those zeros into steps of size ~lr
    that differ with the order of any sum; everything else must agree."""
    model, train, _ = _check_setup()
    model.train()
    model.training_loss(train.modalities, train.mask, train.labels, train.entity).backward()
    grads = {n: p.grad.abs() for n, p in model.named_parameters()}
    largest = max(float(g.max()) for g in grads.values())
    return {n: g > 1e-6 * largest for n, g in grads.items()}


def training_check_run(epochs, entity_mode):
    """The run both sides do: a small CL-DMDF model on a synthetic data set with entities
    spread over the batches, deterministic (no dropout), so that the distributed run must
    equal the single-process one ('sample' entities: the rows of the global batch). Batches of 20 rows (the last one 8) split over the ranks."""
    from cldmdf import training
    model, train, val = _check_setup(entity_mode)
    cfg = training.TrainConfig(epochs=epochs, batch_size=20, lr=3e-3, patience=epochs)
    training.fit(model, train, val, 3, cfg, "accuracy", seed=0)
    return model
