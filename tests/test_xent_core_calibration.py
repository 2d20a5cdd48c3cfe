"""Calibration (expected calibration error, reliability bins) and the softmax focal loss's gradient:
scikit-learn's ``calibration_curve``, a loop over explicitly written bins, hand-derived values, and
mpmath derivatives of the hand formula."""

import math

import mpmath
import numpy as np
import pytest
from sklearn.calibration import calibration_curve

import xent_core as xc

mpmath.mp.dps = 40


def random_probs(n, c, seed, sharpness=3.0):
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=sharpness, size=(n, c))
    return xc.softmax(logits), rng.integers(0, c, size=n)


@pytest.mark.parametrize("n_bins", [1, 5, 10, 15])
@pytest.mark.parametrize("seed", [0, 1])
def test_bins_match_scikit_learns_calibration_curve(n_bins, seed):
    """calibration_curve on (top class correct?, top-class confidence) gives each filled bin's accuracy and confidence."""
    probs, target = random_probs(500, 4, seed)
    confidence, accuracy, count = xc.calibration_bins(probs, target, n_bins=n_bins)
    correct = (probs.argmax(axis=1) == target).astype(int)
    prob_true, prob_pred = calibration_curve(correct, probs.max(axis=1), n_bins=n_bins, strategy="uniform")
    filled = count > 0
    np.testing.assert_allclose(accuracy[filled], prob_true, rtol=1e-12)
    np.testing.assert_allclose(confidence[filled], prob_pred, rtol=1e-12)
    assert count.sum() == 500 and np.all(np.isnan(accuracy[~filled]))


def reference_ece(probs, target, n_bins):
    """Guo et al. eq. (3) written as a loop over the bins ((m-1)/M, m/M], in plain Python floats."""
    total, n = 0.0, len(target)
    for m in range(1, n_bins + 1):
        low, high = (m - 1) / n_bins, m / n_bins
        members = [i for i in range(n) if low < max(probs[i]) <= high]
        if members:
            acc = sum(int(np.argmax(probs[i]) == target[i]) for i in members) / len(members)
            conf = sum(max(probs[i]) for i in members) / len(members)
            total += len(members) / n * abs(acc - conf)
    return total


@pytest.mark.parametrize("n_bins", [3, 10, 15])
def test_ece_matches_the_loop_over_bins(n_bins):
    probs, target = random_probs(300, 10, 7)
    probs = probs.round(2)                       # many confidences away from the edges, a few on them
    probs = probs / probs.sum(axis=1, keepdims=True)
    expected = reference_ece(probs.tolist(), target.tolist(), n_bins)
    assert math.isclose(xc.expected_calibration_error(probs, target, n_bins=n_bins), expected, rel_tol=1e-12)


def test_ece_hand_derived_values():
    # two bins of 0.5: (0.9, right) and (0.8, wrong) in the upper one: acc 1/2, conf 0.85 -> gap 0.35, weight 2/3;
    # (0.5, right) in the lower one (0.5 sits on the edge: lower bin, right-closed): gap 0.5, weight 1/3
    probs = [[0.9, 0.1], [0.2, 0.8], [0.5, 0.5]]
    target = [0, 0, 0]
    assert math.isclose(xc.expected_calibration_error(probs, target, n_bins=2), 2 / 3 * 0.35 + 1 / 3 * 0.5, rel_tol=1e-12)
    confidence, accuracy, count = xc.calibration_bins(probs, target, n_bins=2)
    assert list(count) == [1, 2] and np.allclose(confidence, [0.5, 0.85]) and np.allclose(accuracy, [1.0, 0.5])
    # confident and always right: 0; confident and always wrong: 1
    assert xc.expected_calibration_error(np.eye(3), [0, 1, 2]) == 0
    assert xc.expected_calibration_error(np.eye(3), [1, 2, 0]) == 1


def test_edges_belong_to_the_lower_bin_like_scikit_learn():
    """0.3 and 0.7 (not exact in binary) go where calibration_curve's searchsorted puts them."""
    probs = np.array([[0.3, 0.3, 0.4], [0.7, 0.3, 0.0], [0.6, 0.4, 0.0]])
    _, _, count = xc.calibration_bins(probs, [2, 0, 1], n_bins=10)
    assert list(np.nonzero(count)[0]) == [3, 5, 6]      # 0.4 -> (0.3, 0.4], 0.6 -> (0.5, 0.6], 0.7 -> (0.6, 0.7]


def test_calibration_errors_name_the_problem():
    with pytest.raises(ValueError, match="n_bins"):
        xc.expected_calibration_error([[0.5, 0.5]], [0], n_bins=0)
    with pytest.raises(ValueError, match="sum"):
        xc.expected_calibration_error([[0.5, 0.6]], [0])
    with pytest.raises(ValueError, match="class indices"):
        xc.calibration_bins([[0.5, 0.5]], [0.0])
    with pytest.raises(ValueError, match="shape"):
        xc.calibration_bins([0.5, 0.5], [0])
    with pytest.raises(ValueError, match="no rows"):
        xc.calibration_bins(np.zeros((0, 3)), np.zeros(0, dtype=int))


def mp_focal(z, y, gamma, alpha):
    """-alpha_y (1 - p_y)^gamma log p_y in mpmath."""
    z = [mpmath.mpf(v) for v in z]
    log_p = z[y] - mpmath.log(sum(mpmath.exp(v) for v in z))
    weight = 1 if alpha is None else mpmath.mpf(alpha[y])
    return -weight * (1 - mpmath.exp(log_p)) ** gamma * log_p


@pytest.mark.parametrize("gamma", [0.0, 0.5, 1.0, 2.0, 5.0])
@pytest.mark.parametrize("alpha", [None, [0.25, 1.0, 0.5, 0.75]])
def test_focal_gradient_matches_mpmath_derivatives(gamma, alpha):
    rng = np.random.default_rng(3)
    logits, target = rng.normal(scale=3, size=(6, 4)), rng.integers(0, 4, size=6)
    result = xc.softmax_focal_loss_grad(logits, target, gamma=gamma, alpha=alpha, reduction="none")
    for row, (z, y) in enumerate(zip(logits, target)):
        for c in range(4):
            expected = mpmath.diff(lambda v: mp_focal([*z[:c], v, *z[c + 1:]], y, gamma, alpha), z[c])
            assert math.isclose(result[row, c], float(expected), rel_tol=1e-10, abs_tol=1e-15)


def test_focal_gradient_at_gamma_0_is_cross_entropys_and_reductions():
    rng = np.random.default_rng(4)
    logits, target = rng.normal(size=(5, 3)), rng.integers(0, 3, size=5)
    alpha = np.array([0.2, 0.5, 1.0])
    ce = xc.softmax_cross_entropy_grad(logits, target, weight=alpha, reduction="sum")
    np.testing.assert_allclose(xc.softmax_focal_loss_grad(logits, target, gamma=0.0, alpha=alpha, reduction="sum"), ce, rtol=1e-13)
    per_sample = xc.softmax_focal_loss_grad(logits, target, reduction="none")
    np.testing.assert_allclose(xc.softmax_focal_loss_grad(logits, target), per_sample / 5, rtol=1e-15)
    # a certain right answer has zero gradient, not nan
    assert np.all(xc.softmax_focal_loss_grad([[800.0, 0.0]], [0], gamma=0.5) == 0)
    with pytest.raises(ValueError, match="gamma"):
        xc.softmax_focal_loss_grad(logits, target, gamma=-1.0)
