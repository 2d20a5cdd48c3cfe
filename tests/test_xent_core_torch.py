"""xent_core against PyTorch: F.cross_entropy (loss and autograd gradient) and the binary and
KL losses, with the class axis moved from PyTorch's axis 1 to xent_core's last axis."""

import pathlib
import sys

import numpy as np
import pytest

import xent_core as xc

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from optional_torch import F, needs_torch, torch  # noqa: E402

pytestmark = [needs_torch, pytest.mark.filterwarnings("error::RuntimeWarning")]

TOLERANCES = {np.float64: dict(rtol=1e-12, atol=1e-15), np.float32: dict(rtol=1e-5, atol=1e-6)}
DTYPES = pytest.mark.parametrize("dtype", [np.float64, np.float32], ids=["float64", "float32"])
REDUCTIONS = pytest.mark.parametrize("reduction", ["mean", "sum", "none"])


def torch_loss_and_grad(loss_fn, x, *args, **kwargs):
    """``loss_fn(torch x, *args)`` and the autograd gradient of its sum with respect to x."""
    x = torch.tensor(x, requires_grad=True)
    loss = loss_fn(x, *args, **kwargs)
    loss.sum().backward()
    return loss.detach().numpy(), x.grad.numpy()


def torch_cross_entropy(logits, target, weight=None, ignore_index=None, label_smoothing=0.0, reduction="mean"):
    """F.cross_entropy on class-last numpy arrays (moved to PyTorch's class axis 1 and back)."""
    probability_target = target.shape == logits.shape
    target = torch.tensor(np.moveaxis(target, -1, 1) if probability_target else target)
    options = dict(label_smoothing=label_smoothing, reduction=reduction)
    if weight is not None:
        options["weight"] = torch.tensor(weight.astype(logits.dtype))
    if ignore_index is not None:
        options["ignore_index"] = ignore_index
    loss, grad = torch_loss_and_grad(F.cross_entropy, np.moveaxis(logits, -1, 1), target, **options)
    return loss, np.moveaxis(grad, 1, -1)


def assert_matches_torch(logits, target, dtype, **options):
    expected_loss, expected_grad = torch_cross_entropy(logits, target, **options)
    loss = xc.softmax_cross_entropy(logits, target, **options)
    grad = xc.softmax_cross_entropy_grad(logits, target, **options)
    assert np.asarray(loss).dtype == grad.dtype == dtype
    np.testing.assert_allclose(loss, expected_loss, **TOLERANCES[dtype])
    np.testing.assert_allclose(grad, expected_grad, **TOLERANCES[dtype])


def classification_data(dtype, kind, ignore_index, shape=(6, 5)):
    logits = np.random.default_rng(1234).normal(scale=2, size=shape).astype(dtype)
    if kind == "probability":
        return logits, np.random.default_rng(1235).dirichlet(np.ones(shape[-1]), size=shape[:-1]).astype(dtype)
    index = np.random.default_rng(1236).integers(0, shape[-1], size=shape[:-1])
    if ignore_index is not None:
        index.flat[::3] = ignore_index  # some targets ignored, others kept
    return logits, index


GRID = [
    (kind, ignore_index)
    for kind, ignores in [("index", [None, -100, 1]), ("probability", [None])]
    for ignore_index in ignores
]


@DTYPES
@REDUCTIONS
@pytest.mark.parametrize("label_smoothing", [0.0, 0.1, 0.3, 1.0])
@pytest.mark.parametrize("weighted", [False, True], ids=["no_weight", "weight"])
@pytest.mark.parametrize("kind, ignore_index", GRID)
def test_softmax_cross_entropy_matches_torch(kind, ignore_index, weighted, label_smoothing, reduction, dtype):
    logits, target = classification_data(dtype, kind, ignore_index)
    weight = np.random.default_rng(1237).uniform(0.2, 3.0, size=logits.shape[-1]) if weighted else None
    options = dict(weight=weight, ignore_index=ignore_index, label_smoothing=label_smoothing, reduction=reduction)
    assert_matches_torch(logits, target, dtype, **options)


@DTYPES
@REDUCTIONS
@pytest.mark.parametrize("kind", ["index", "probability"])
def test_batch_of_sequences_matches_torch_class_axis_one(kind, reduction, dtype):
    # xent_core's (N, d, C) is PyTorch's (N, C, d)
    logits, target = classification_data(dtype, kind, None, shape=(4, 3, 5))
    options = dict(weight=np.random.default_rng(1238).uniform(0.5, 2.0, size=5), label_smoothing=0.2, reduction=reduction)
    assert_matches_torch(logits, target, dtype, **options)


def test_all_targets_ignored_torch_gives_nan_and_xent_core_raises():
    logits = np.random.default_rng(1239).normal(size=(3, 4))
    target = np.full(3, -100)
    loss = F.cross_entropy(torch.tensor(logits), torch.tensor(target), ignore_index=-100)
    assert torch.isnan(loss)
    with pytest.raises(ValueError, match="every target equals ignore_index=-100"):
        xc.softmax_cross_entropy(logits, target, ignore_index=-100)
    sum_loss = F.cross_entropy(torch.tensor(logits), torch.tensor(target), ignore_index=-100, reduction="sum")
    assert xc.softmax_cross_entropy(logits, target, ignore_index=-100, reduction="sum") == sum_loss.item() == 0


@DTYPES
@REDUCTIONS
@pytest.mark.parametrize("with_pos_weight", [False, True], ids=["no_pos_weight", "pos_weight"])
def test_binary_cross_entropy_with_logits_and_grad_match_torch(with_pos_weight, reduction, dtype):
    logits = np.random.default_rng(1240).normal(scale=4, size=(5, 3)).astype(dtype)
    target = np.random.default_rng(1241).uniform(size=(5, 3)).astype(dtype)
    target[:2] = np.round(target[:2])
    pos_weight = np.random.default_rng(1242).uniform(0.0, 4.0, size=3).astype(dtype) if with_pos_weight else None
    options = dict(pos_weight=None if pos_weight is None else torch.tensor(pos_weight), reduction=reduction)
    expected_loss, expected_grad = torch_loss_and_grad(
        F.binary_cross_entropy_with_logits, logits, torch.tensor(target), **options
    )
    np.testing.assert_allclose(
        xc.binary_cross_entropy_with_logits(logits, target, pos_weight, reduction), expected_loss, **TOLERANCES[dtype]
    )
    np.testing.assert_allclose(
        xc.binary_cross_entropy_with_logits_grad(logits, target, pos_weight, reduction), expected_grad, **TOLERANCES[dtype]
    )


@DTYPES
@REDUCTIONS
def test_binary_cross_entropy_matches_torch_away_from_its_log_clamp(reduction, dtype):
    # PyTorch clamps log(q) at -100; with q in [0.01, 0.99] the clamp never bites.
    probs = np.random.default_rng(1243).uniform(0.01, 0.99, size=(4, 3)).astype(dtype)
    target = np.random.default_rng(1244).uniform(size=(4, 3)).astype(dtype)
    target[0] = np.round(target[0])
    expected = F.binary_cross_entropy(torch.tensor(probs), torch.tensor(target), reduction=reduction).numpy()
    np.testing.assert_allclose(xc.binary_cross_entropy(probs, target, reduction), expected, **TOLERANCES[dtype])


@DTYPES
@REDUCTIONS
def test_sigmoid_mse_grad_and_regression_losses_match_torch(reduction, dtype):
    logits = np.random.default_rng(1245).normal(scale=3, size=(4, 3)).astype(dtype)
    target = np.random.default_rng(1246).uniform(size=(4, 3)).astype(dtype)
    _, expected_grad = torch_loss_and_grad(
        lambda x: F.mse_loss(torch.sigmoid(x), torch.tensor(target), reduction=reduction), logits
    )
    np.testing.assert_allclose(
        xc.sigmoid_mean_squared_error_grad(logits, target, reduction), expected_grad, **TOLERANCES[dtype]
    )
    x, t = torch.tensor(logits), torch.tensor(target)
    np.testing.assert_allclose(
        xc.mean_squared_error(logits, target, reduction), F.mse_loss(x, t, reduction=reduction).numpy(), **TOLERANCES[dtype]
    )
    np.testing.assert_allclose(
        xc.mean_absolute_error(logits, target, reduction), F.l1_loss(x, t, reduction=reduction).numpy(), **TOLERANCES[dtype]
    )


@DTYPES
def test_kl_divergence_matches_torch_kl_div_batchmean(dtype):
    p = np.random.default_rng(1247).dirichlet(np.ones(5), size=6).astype(dtype)
    p[0, :2] = 0
    p /= p.sum(-1, keepdims=True)
    q = np.random.default_rng(1248).dirichlet(np.ones(5), size=6).astype(dtype)
    expected = F.kl_div(torch.log(torch.tensor(q)), torch.tensor(p), reduction="batchmean").numpy()
    kl = xc.kl_divergence(p, q)
    assert kl.dtype == dtype
    np.testing.assert_allclose(kl.mean(), expected, **TOLERANCES[dtype])
