"""The entity-centroid loss and CL-DMDF training across processes (gloo on CPU, spawned
processes): values and gradients equal the single-process ones over the concatenated batch
(tests/distributed_workers.py holds the workers and their checks)."""
import subprocess
import sys

import pytest
import torch
import torch.multiprocessing as mp

import cldmdf
from cldmdf import distributed
from cldmdf.nn import CentroidContrastiveLoss

import distributed_workers as workers

pytestmark = pytest.mark.skipif(not torch.distributed.is_available(),
                                reason="torch.distributed is not available")


def spawn(fn, world, tmp_path, *args):
    init_file = tmp_path / "init"
    mp.spawn(fn, args=(world, str(init_file), *args), nprocs=world, join=True)


@pytest.mark.parametrize("world", [2, 3])
def test_loss_and_gradients_equal_the_single_process_ones(world, tmp_path):
    # every reduction and leave_one_out, a temperature and a learned scale, float64 and
    # float32; entities split across ranks, on one rank only, singletons; with 3 ranks one
    # rank holds no points
    spawn(workers.loss_worker, world, tmp_path)


@pytest.mark.parametrize("what", ["leave_one_out", "dtype", "temperature"])
def test_ranks_that_disagree_on_the_settings_get_a_clear_error(what, tmp_path):
    spawn(workers.disagreement_worker, 2, tmp_path, what)


def test_a_process_group_without_torch_distributed_is_an_error():
    z, e = torch.randn(4, 3), torch.tensor([0, 0, 1, 1])
    with pytest.raises(RuntimeError, match="needs torch.distributed to be initialised"):
        distributed.centroid_contrastive_loss(z, e)
    with pytest.raises(RuntimeError, match="needs torch.distributed to be initialised"):
        CentroidContrastiveLoss(process_group="world")(z, e)


def test_the_from_sums_operator_with_local_sums_is_the_single_process_loss():
    g = torch.Generator().manual_seed(3)
    z = torch.randn(30, 7, generator=g, dtype=torch.float64, requires_grad=True)
    entity = torch.randint(0, 9, (30,), generator=g) * 1000
    ids, index = torch.unique(entity, return_inverse=True)
    counts = torch.bincount(index, minlength=len(ids))
    for loo in (True, False):
        zhat = torch.nn.functional.normalize(z, dim=1, eps=1e-12)
        sums = zhat.new_zeros(len(ids), 7).index_add(0, index, zhat)
        scale = torch.tensor(4.0, dtype=torch.float64)
        got = cldmdf.ops.centroid_contrastive_loss_from_sums(z, index, sums, counts, scale, loo)
        want = cldmdf.centroid_contrastive_loss(z, entity, 0.25, loo, "none")
        torch.testing.assert_close(got, want)
        w = torch.linspace(-1, 1, 30, dtype=torch.float64)
        torch.testing.assert_close(torch.autograd.grad((got * w).sum(), z)[0],
                                   torch.autograd.grad((want * w).sum(), z)[0])


@pytest.mark.parametrize("world,entity_mode", [(2, "sample"), (3, "entity")])
def test_ddp_training_equals_single_process_training(world, entity_mode, tmp_path):
    out = tmp_path / "trained.pt"
    spawn(workers.training_worker, world, tmp_path, str(out), 3, entity_mode)
    distributed_state = torch.load(out, weights_only=True)
    single = workers.training_check_run(3, entity_mode).state_dict()
    assert distributed_state.keys() == single.keys()
    live = workers.live_parameters()
    compared = sum(int(m.sum()) for m in live.values())
    assert compared > 0.9 * sum(m.numel() for m in live.values())  # nearly every element
    for name, value in single.items():
        keep = live.get(name, torch.ones_like(value, dtype=torch.bool))
        torch.testing.assert_close(distributed_state[name][keep], value[keep], atol=1e-5,
                                   rtol=1e-4, msg=lambda m: f"{name}: {m}")


def _train(tmp_path, name, launcher, *extra):
    out = tmp_path / f"{name}.json"
    cmd = [*launcher, "-m", "cldmdf", "train", "--task", "nutrimouse", "--quiet",
           "--set", "epochs=3", "dropout=0", "--checkpoint", str(tmp_path / f"{name}.pt"),
           "--json", str(out), *extra]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc, out


def test_torchrun_trains_the_cli_run_of_one_process(tmp_path):
    torchrun = [sys.executable, "-m", "torch.distributed.run", "--standalone",
                "--nproc-per-node", "2"]
    first, _ = _train(tmp_path, "ddp", torchrun, "--stop-after", "2")
    assert "stopped after epoch 2" in first.stderr
    resumed, ddp_json = _train(tmp_path, "ddp", torchrun, "--resume")
    assert resumed.stdout.count("| test |") == 1  # rank 0 alone reports
    _, single_json = _train(tmp_path, "single", [sys.executable])
    import json
    ddp = json.load(open(ddp_json))["result"]
    single = json.load(open(single_json))["result"]
    assert ddp["epoch"] == single["epoch"]
    for split in ("val", "test"):
        for metric, value in single[split].items():
            assert abs(ddp[split][metric] - value) < 1e-5, (split, metric)
