"""Focal loss (Lin et al. 2017) and perplexity: hand formulas in mpmath, torchvision's formula
written out in PyTorch, and the identities with cross-entropy at gamma = 0."""

import math
import pathlib
import sys

import mpmath
import numpy as np
import pytest

import xent_core as xc

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from optional_torch import F, needs_torch, torch  # noqa: E402

mpmath.mp.dps = 50


def mp_binary_focal(x, t, gamma, alpha=None):
    """alpha_t (1 - p_t)^gamma (-t log p - (1 - t) log(1 - p)), p = sigmoid(x), in mpmath."""
    x, t = mpmath.mpf(x), mpmath.mpf(t)
    p, q = 1 / (1 + mpmath.exp(-x)), 1 / (1 + mpmath.exp(x))  # sigma(x), 1 - sigma(x)
    cross = -(t * mpmath.log(p) if t else 0) - ((1 - t) * mpmath.log(q) if t != 1 else 0)
    miss = p * (1 - t) + q * t
    weight = 1 if alpha is None else alpha * t + (1 - alpha) * (1 - t)
    return weight * miss**gamma * cross


def torchvision_sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0):
    """torchvision.ops.sigmoid_focal_loss with reduction="none", written out (torchvision is
    not installed): ce * (1 - p_t)**gamma, times alpha_t when alpha >= 0."""
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    return loss


@pytest.mark.parametrize("gamma", [0.0, 0.5, 1.0, 2.0, 5.0])
@pytest.mark.parametrize("alpha", [None, 0.25, 0.9])
def test_binary_focal_loss_matches_the_hand_formula(gamma, alpha):
    x = [-30.0, -3.0, -0.5, 0.0, 0.7, 4.0, 25.0]
    for t in (0.0, 1.0, 0.3):
        result = xc.binary_focal_loss_with_logits(x, [t] * len(x), gamma=gamma, alpha=alpha, reduction="none")
        expected = [float(mp_binary_focal(v, t, gamma, alpha)) for v in x]
        np.testing.assert_allclose(result, expected, rtol=1e-12, atol=0)


@needs_torch
@pytest.mark.parametrize("gamma", [0.0, 1.0, 2.0])
@pytest.mark.parametrize("alpha", [-1.0, 0.25])
def test_binary_focal_loss_matches_torchvisions_formula(gamma, alpha):
    rng = np.random.default_rng(0)
    x, t = rng.normal(scale=3, size=(20, 3)), rng.random((20, 3)).round()
    expected = torchvision_sigmoid_focal_loss(torch.tensor(x), torch.tensor(t), alpha=alpha, gamma=gamma).numpy()
    result = xc.binary_focal_loss_with_logits(x, t, gamma=gamma, alpha=None if alpha < 0 else alpha, reduction="none")
    np.testing.assert_allclose(result, expected, rtol=1e-12, atol=1e-300)
    assert xc.binary_focal_loss_with_logits(x, t, gamma=gamma, alpha=None if alpha < 0 else alpha) == \
        pytest.approx(expected.mean(), rel=1e-12)


def test_binary_focal_loss_with_gamma_0_is_binary_cross_entropy_exactly():
    rng = np.random.default_rng(1)
    x, t = rng.normal(scale=5, size=50), rng.random(50)
    for reduction in ("mean", "sum", "none"):
        np.testing.assert_array_equal(xc.binary_focal_loss_with_logits(x, t, gamma=0.0, reduction=reduction),
                                      xc.binary_cross_entropy_with_logits(x, t, reduction=reduction))


def test_binary_focal_loss_of_a_confident_right_answer_keeps_its_digits():
    # (1 - p_t)^2 * -log p_t with p_t = sigmoid(40): about exp(-40)^3
    result = xc.binary_focal_loss_with_logits([40.0, -40.0], [1.0, 0.0], reduction="none")
    np.testing.assert_allclose(result, [float(mp_binary_focal(40.0, 1.0, 2.0))] * 2, rtol=1e-12)
    assert result[0] > 0


def test_binary_focal_loss_with_infinite_logits_is_0_or_inf_never_nan():
    result = xc.binary_focal_loss_with_logits([np.inf, -np.inf, np.inf], [1.0, 0.0, 0.0], reduction="none")
    np.testing.assert_array_equal(result, [0.0, 0.0, np.inf])


def mp_softmax_focal(z, y, gamma, alpha=None):
    z = [mpmath.mpf(v) for v in z]
    log_p = z[y] - mpmath.log(mpmath.fsum(mpmath.exp(v) for v in z))
    weight = 1 if alpha is None else alpha[y]
    return -weight * (-mpmath.expm1(log_p)) ** gamma * log_p


@pytest.mark.parametrize("gamma", [0.0, 0.5, 2.0, 4.0])
@pytest.mark.parametrize("alpha", [None, [0.25, 0.5, 1.0]])
def test_softmax_focal_loss_matches_the_hand_formula(gamma, alpha):
    z = np.array([[2.0, 1.0, 0.1], [0.0, 5.0, -3.0], [30.0, 0.0, -1.0], [-2.0, 0.5, 0.4]])
    y = np.array([0, 2, 0, 1])
    expected = [float(mp_softmax_focal(row, label, gamma, alpha)) for row, label in zip(z, y)]
    np.testing.assert_allclose(xc.softmax_focal_loss(z, y, gamma=gamma, alpha=alpha, reduction="none"),
                               expected, rtol=1e-12, atol=0)


@pytest.mark.parametrize("alpha", [None, 0.5, [0.2, 0.3, 0.5]])
def test_softmax_focal_loss_with_gamma_0_is_softmax_cross_entropy_exactly(alpha):
    rng = np.random.default_rng(2)
    z, y = rng.normal(size=(12, 3)), rng.integers(0, 3, 12)
    weight = None if alpha is None else np.broadcast_to(alpha, (3,)).astype(float)
    for reduction in ("sum", "none"):
        np.testing.assert_allclose(xc.softmax_focal_loss(z, y, gamma=0.0, alpha=alpha, reduction=reduction),
                                   xc.softmax_cross_entropy(z, y, weight=weight, reduction=reduction), rtol=1e-15)


@needs_torch
def test_softmax_focal_loss_is_the_pytorch_cross_entropy_times_the_focusing_factor():
    z, y = np.array([[2.0, 1.0, 0.1]]), np.array([0])
    ce = F.cross_entropy(torch.tensor(z), torch.tensor(y)).item()
    p_y = torch.softmax(torch.tensor(z), 1)[0, 0].item()
    assert xc.softmax_focal_loss(z, y) == pytest.approx((1 - p_y) ** 2 * ce, rel=1e-13)


FOCAL_ERRORS = [
    (lambda: xc.binary_focal_loss_with_logits([0.0], [1.0], gamma=-1.0), r"gamma must be a finite number >= 0 .* got -1\.0"),
    (lambda: xc.binary_focal_loss_with_logits([0.0], [1.0], alpha=1.5), r"alpha must hold probabilities in \[0, 1\], but alpha = 1\.5"),
    (lambda: xc.binary_focal_loss_with_logits([0.0], [1.0], alpha=[0.2, 0.3]), r"alpha has shape \(2,\); give one number in \[0, 1\]\."),
    (lambda: xc.binary_focal_loss_with_logits([0.0, 1.0], [1.0]), r"logits has shape \(2,\) but target has shape \(1,\)"),
    (lambda: xc.binary_focal_loss_with_logits([], []), r"reduction='mean' over an empty batch"),
    (lambda: xc.softmax_focal_loss([[0.0, 1.0]], [2]), r"target\(0\) = 2 is not a class index: indices must be integers in \[0, 1\]"),
    (lambda: xc.softmax_focal_loss([[0.0, 1.0]], [[1.0, 0.0]]), r"logits of shape \(1, 2\) need integer class indices of shape \(1,\)"),
    (lambda: xc.softmax_focal_loss([[0.0, 1.0]], [0], alpha=[1.0, 1.0, 1.0]), r"alpha has shape \(3,\); .* one weight per class, shape \(2,\)"),
    (lambda: xc.softmax_focal_loss([[0.0, np.nan]], [0]), r"logits\(0, 1\) is NaN"),
    (lambda: xc.softmax_focal_loss(np.zeros((0, 3)), np.zeros(0, int)), r"reduction='mean' over an empty batch"),
    (lambda: xc.perplexity(-0.5), r"cross_entropy_value = -0\.5 is negative; a cross-entropy is >= 0"),
    (lambda: xc.perplexity([1.0, np.nan]), r"cross_entropy_value\(1\) is NaN"),
    (lambda: xc.perplexity(1.0, base=1), r"base must be a positive number other than 1"),
]


@pytest.mark.parametrize("call, match", FOCAL_ERRORS)
def test_focal_loss_and_perplexity_errors_name_the_argument_and_the_fix(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_empty_batches_sum_to_0_and_none_is_empty():
    assert xc.softmax_focal_loss(np.zeros((0, 3)), np.zeros(0, int), reduction="sum") == 0.0
    assert xc.binary_focal_loss_with_logits([], [], reduction="none").shape == (0,)


@pytest.mark.parametrize("h, base, expected", [
    (0.0, None, 1.0), (math.log(4), None, 4.0), (1.5, 2, 2 ** 1.5), (3.0, 2, 8.0), (2.0, 10, 100.0), (np.inf, None, np.inf),
])
def test_perplexity_is_base_to_the_cross_entropy(h, base, expected):
    assert xc.perplexity(h, base=base) == pytest.approx(expected, rel=1e-15)


def test_perplexity_of_a_uniform_distribution_is_its_number_of_outcomes():
    for k in (2, 6, 1000):
        assert xc.perplexity(xc.entropy(np.full(k, 1 / k))) == pytest.approx(k, rel=1e-12)
        assert xc.perplexity(xc.entropy(np.full(k, 1 / k), base=2), base=2) == pytest.approx(k, rel=1e-12)


def test_perplexity_overflows_to_inf_without_a_warning():
    with np.errstate(all="raise"):
        assert xc.perplexity(1000.0) == np.inf
