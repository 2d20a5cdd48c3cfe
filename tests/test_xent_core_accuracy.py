"""Issue 8: exact on every input xent_core accepts.

Every value quoted in the issue is a regression test here; the expected values come from mpmath
(50 digits, evaluated on the exact float64 inputs), PyTorch or a hand derivation, never from
xent_core itself.
"""

import math
import pathlib
import sys
import warnings

import mpmath
import numpy as np
import pytest

import xent_core as xc

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from optional_torch import F, needs_torch, torch  # noqa: E402

mpmath.mp.dps = 50
RTOL = 1e-12  # the module's promise for every finite float64 result


def mp_kl(p, q):
    """The generalized divergence sum p log(p/q) - p + q of the exact binary values of p and q
    (xent_core's documented definition; the KL divergence itself when both sum to 1 exactly)."""
    total = mpmath.mpf(0)
    for a, b in zip(p, q):
        a, b = mpmath.mpf(float(a)), mpmath.mpf(float(b))
        total += (a * mpmath.log(a / b) if a else 0) - a + b
    return total


def mp_log_softmax(z):
    """log softmax in mpmath, with the sum beyond the top term added by log1p: exp(-700) must
    survive next to 1, which 50 digits of log(exp(700) + 1) would not."""
    z = [mpmath.mpf(v) for v in z]
    top = max(range(len(z)), key=lambda i: z[i])
    rest = mpmath.fsum(mpmath.exp(v - z[top]) for i, v in enumerate(z) if i != top)
    return [(v - z[top]) - mpmath.log1p(rest) for v in z]


def assert_close_to(actual, exact, rtol=RTOL):
    actual, exact = np.asarray(actual, dtype=np.float64), np.asarray([float(e) for e in np.ravel(exact)])
    np.testing.assert_allclose(actual.ravel(), exact, rtol=rtol, atol=0)


# --- 1. KL never negative, accurate near p = q ----------------------------------------------


def test_regression_kl_near_equal_binary_distributions_is_tiny_and_positive():
    x, y = 0.9456657713430001, 0.9456657713430094
    p, q = [x, 1 - x], [y, 1 - y]
    assert mpmath.mpf(x) + mpmath.mpf(1 - x) == 1 and mpmath.mpf(y) + mpmath.mpf(1 - y) == 1  # exact distributions
    exact = mp_kl(p, q)
    assert 8.4e-28 < exact < 8.6e-28  # the value, checked first
    value = xc.kl_divergence(p, q)
    assert value > 0
    assert_close_to(value, [exact], rtol=1e-10)


def test_regression_kl_of_a_float32_q_that_is_normalized_only_within_the_tolerance_is_not_negative():
    p, q = np.float32([0.5, 0.5]), np.float32([0.5003, 0.5])
    value = xc.kl_divergence(p, q)
    assert value.dtype == np.float32
    # generalized form: sum p log(p/q) - p + q, evaluated on the float32 inputs with mpmath
    exact = mp_kl(p, q)
    assert value >= 0
    assert_close_to(value, [exact], rtol=1e-5)
    assert xc.cross_entropy(p, q) >= xc.entropy(p)


def test_regression_kl_of_a_float64_q_off_by_1e_8_is_not_negative():
    p, q = [0.5, 0.5], [0.5 + 1e-8, 0.5]
    exact = mp_kl(p, q)
    value = xc.kl_divergence(p, q)
    assert value > 0
    assert_close_to(value, [exact], rtol=1e-10)
    assert xc.cross_entropy(p, q) >= xc.entropy(p)


def test_cross_entropy_is_entropy_plus_kl_to_rounding_on_an_inexactly_normalized_q():
    p, q = [0.2, 0.3, 0.5], [0.2 + 3e-9, 0.3, 0.5]
    exact_h = -sum(mpmath.mpf(a) * mpmath.log(mpmath.mpf(a)) for a in p)
    exact_d = mp_kl(p, q)
    assert_close_to(xc.cross_entropy(p, q), [exact_h + exact_d])
    assert xc.cross_entropy(p, q) == pytest.approx(xc.entropy(p) + xc.kl_divergence(p, q), rel=1e-15)


@pytest.mark.parametrize("relative_gap", [1e-3, 1e-6, 1e-9, 1e-12, 1e-15])
def test_kl_near_equal_three_class_distributions_matches_mpmath(relative_gap):
    q = np.array([0.25, 0.25, 0.5])
    p = q * np.array([1 + relative_gap, 1 - relative_gap, 1.0])
    assert_close_to(xc.kl_divergence(p, q), [mp_kl(p, q)], rtol=1e-9)


def test_categorical_cross_entropy_with_distribution_targets_is_never_below_the_targets_entropy():
    target, probs = np.float32([[0.5, 0.5]]), np.float32([[0.5003, 0.5]])
    assert xc.categorical_cross_entropy(probs, target) >= xc.entropy(target[0])


# --- 2. log(1 + tiny) keeps its digits --------------------------------------------------------


def test_regression_logsumexp_of_0_and_minus_40_is_log1p_exp_minus_40():
    exact = mpmath.log1p(mpmath.exp(-40))
    assert 4.2483e-18 < exact < 4.2485e-18
    assert_close_to(xc.logsumexp([0.0, -40.0]), [exact])


def test_regression_log_softmax_of_the_top_class_keeps_its_digits():
    assert_close_to(xc.log_softmax([40.0, 0.0]), mp_log_softmax([40.0, 0.0]))


@needs_torch
def test_regression_confident_right_softmax_cross_entropy_is_tiny_not_zero():
    exact = -mp_log_softmax([40.0, 0.0])[0]
    assert_close_to(xc.softmax_cross_entropy([[40.0, 0.0]], [0]), [exact])
    assert_close_to(xc.softmax_cross_entropy([[40.0, 0.0]], [[1.0, 0.0]]), [exact])
    # PyTorch rounds it to 0: our promise is the better one
    assert F.cross_entropy(torch.tensor([[40.0, 0.0]], dtype=torch.float64), torch.tensor([0])).item() == 0.0


@pytest.mark.parametrize("gap", [5.0, 20.0, 36.0, 40.0, 300.0, 700.0])
@pytest.mark.parametrize("n_classes", [2, 3, 7])
def test_tiny_losses_and_gradients_of_confident_right_predictions_match_mpmath(gap, n_classes):
    z = [gap] + [-0.25 * c for c in range(n_classes - 1)]
    log_p = mp_log_softmax(z)
    p = [mpmath.exp(v) for v in log_p]
    assert_close_to(xc.softmax_cross_entropy([z], [0]), [-log_p[0]])
    assert_close_to(xc.softmax_cross_entropy([z], [0], reduction="sum"), [-log_p[0]])
    expected_grad = [mpmath.expm1(log_p[0])] + p[1:]  # p_0 - 1, which 50 digits of p_0 would lose
    assert_close_to(xc.softmax_cross_entropy_grad([z], [0]), expected_grad)
    one_hot = np.eye(n_classes)[[0]]
    assert_close_to(xc.softmax_cross_entropy_grad([z], one_hot), expected_grad)
    # weighted: every entry scales with the class weight of the target
    weight = np.linspace(0.5, 2.0, n_classes)
    assert_close_to(xc.softmax_cross_entropy_grad([z], [0], weight=weight, reduction="sum"),
                    [weight[0] * g for g in expected_grad])


@pytest.mark.parametrize("gap", [20.0, 40.0, 300.0])
def test_label_smoothed_loss_and_gradient_at_the_top_class_match_mpmath(gap):
    z, eps = [gap, 0.0, -1.0], 0.1
    log_p = mp_log_softmax(z)
    p = [mpmath.exp(v) for v in log_p]
    a = [1 - eps + eps / 3, eps / 3, eps / 3]
    assert_close_to(xc.softmax_cross_entropy([z], [0], label_smoothing=eps), [-mpmath.fsum(ai * li for ai, li in zip(a, log_p))])
    assert_close_to(xc.softmax_cross_entropy_grad([z], [0], label_smoothing=eps), [pi - ai for pi, ai in zip(p, a)])


@pytest.mark.parametrize("x", [20.0, 40.0, 100.0, 700.0])
def test_binary_logits_confident_right_loss_and_gradient_match_mpmath(x):
    exact_loss = mpmath.log1p(mpmath.exp(-x))  # -log sigmoid(x)
    exact_grad = -1 / (1 + mpmath.exp(x))  # sigmoid(x) - 1
    assert_close_to(xc.binary_cross_entropy_with_logits([x, -x], [1.0, 0.0], reduction="none"), [exact_loss] * 2)
    assert_close_to(xc.binary_cross_entropy_with_logits_grad([x, -x], [1.0, 0.0], reduction="none"),
                    [exact_grad, -exact_grad])
    assert_close_to(xc.log_sigmoid(x), [-exact_loss])
    s, s_minus = 1 / (1 + mpmath.exp(-x)), 1 / (1 + mpmath.exp(x))  # sigma(x), 1 - sigma(x)
    assert_close_to(xc.sigmoid_mean_squared_error_grad([x], [1.0], reduction="none"), [-2 * s_minus * s * s_minus])


def test_binary_cross_entropy_with_logits_grad_with_pos_weight_matches_hand_formula():
    x, w = 40.0, 3.0
    exact = -w / (1 + mpmath.exp(x))  # sigma(x)(w + 0) - w = -w sigma(-x)
    assert_close_to(xc.binary_cross_entropy_with_logits_grad([x], [1.0], pos_weight=[w], reduction="sum"), [exact])


# --- 3. one rule for empty batches -------------------------------------------------------------

EMPTY_LOSSES = {
    "softmax_cross_entropy, probability targets": lambda r: xc.softmax_cross_entropy(np.zeros((0, 3)), np.zeros((0, 3)), reduction=r),
    "softmax_cross_entropy_grad, probability targets": lambda r: xc.softmax_cross_entropy_grad(np.zeros((0, 3)), np.zeros((0, 3)), reduction=r),
    "categorical_cross_entropy, indices": lambda r: xc.categorical_cross_entropy(np.zeros((0, 3)), np.zeros(0, int), reduction=r),
    "categorical_cross_entropy, distributions": lambda r: xc.categorical_cross_entropy(np.zeros((0, 3)), np.zeros((0, 3)), reduction=r),
    "binary_cross_entropy": lambda r: xc.binary_cross_entropy([], [], reduction=r),
    "binary_cross_entropy_with_logits": lambda r: xc.binary_cross_entropy_with_logits([], [], reduction=r),
    "binary_cross_entropy_with_logits_grad": lambda r: xc.binary_cross_entropy_with_logits_grad([], [], reduction=r),
    "mean_squared_error": lambda r: xc.mean_squared_error([], [], reduction=r),
    "mean_absolute_error": lambda r: xc.mean_absolute_error([], [], reduction=r),
    "sigmoid_mean_squared_error_grad": lambda r: xc.sigmoid_mean_squared_error_grad([], [], reduction=r),
}


@pytest.mark.parametrize("name", EMPTY_LOSSES)
def test_regression_empty_batch_mean_raises_sum_is_zero_none_is_empty(name):
    call = EMPTY_LOSSES[name]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ValueError, match=r"reduction='mean' over an empty batch .* is 0/0: there is nothing to average"):
            call("mean")
        total = call("sum")
        none = call("none")
    assert np.all(np.asarray(total) == 0) and np.asarray(total).size in (0, 1) or np.asarray(total).size == 0
    assert isinstance(none, np.ndarray) and none.size == 0


def test_empty_batch_sums_of_losses_are_scalar_zero():
    assert xc.binary_cross_entropy([], [], reduction="sum") == 0.0
    assert xc.mean_squared_error([], [], reduction="sum") == 0.0
    assert xc.softmax_cross_entropy(np.zeros((0, 3)), np.zeros((0, 3)), reduction="sum") == 0.0
    assert xc.softmax_cross_entropy(np.zeros((0, 3)), np.zeros(0, int), reduction="sum") == 0.0


# --- 4. auxiliary arguments never change the loss's shape --------------------------------------


@needs_torch
@pytest.mark.parametrize("fn", [xc.binary_cross_entropy_with_logits, xc.binary_cross_entropy_with_logits_grad])
def test_regression_pos_weight_that_would_enlarge_the_loss_raises_as_in_pytorch(fn):
    with pytest.raises(RuntimeError):
        F.binary_cross_entropy_with_logits(torch.tensor([0.5, -1, 2]), torch.tensor([1.0, 0, 1]),
                                           pos_weight=torch.tensor([[1.0], [5.0], [1.0]]))
    with pytest.raises(ValueError, match=r"pos_weight of shape \(3, 1\) does not broadcast to target's shape \(3,\)"):
        fn([0.5, -1, 2], [1.0, 0, 1], pos_weight=[[1.0], [5.0], [1.0]])


def test_pos_weight_of_the_targets_own_shape_or_one_per_label_is_accepted():
    logits, target = np.zeros((2, 3)), np.ones((2, 3))
    per_label = xc.binary_cross_entropy_with_logits(logits, target, pos_weight=[1.0, 2.0, 3.0], reduction="none")
    full = xc.binary_cross_entropy_with_logits(logits, target, pos_weight=np.tile([1.0, 2.0, 3.0], (2, 1)), reduction="none")
    assert per_label.shape == (2, 3)
    np.testing.assert_array_equal(per_label, full)
    np.testing.assert_allclose(per_label[0], np.array([1.0, 2.0, 3.0]) * math.log(2), rtol=1e-15)


# --- 5. the dtype policy -----------------------------------------------------------------------


def test_regression_float16_is_computed_and_returned_in_float32():
    n = 100_000
    logits, target = np.zeros(n, np.float16), np.ones(n, np.float16)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        mean = xc.binary_cross_entropy_with_logits(logits, target)
        total = xc.binary_cross_entropy_with_logits(logits, target, reduction="sum")
    assert mean.dtype == np.float32 and total.dtype == np.float32
    assert mean == pytest.approx(math.log(2), rel=1e-6)
    assert total == pytest.approx(n * math.log(2), rel=1e-5)


DTYPE_CALLS = {
    "information_content": lambda a: xc.information_content(a([0.5, 0.25])),
    "entropy": lambda a: xc.entropy(a([0.5, 0.5])),
    "cross_entropy": lambda a: xc.cross_entropy(a([0.5, 0.5]), a([0.25, 0.75])),
    "kl_divergence": lambda a: xc.kl_divergence(a([0.5, 0.5]), a([0.25, 0.75])),
    "logsumexp": lambda a: xc.logsumexp(a([1.0, 2.0])),
    "softmax": lambda a: xc.softmax(a([1.0, 2.0])),
    "log_softmax": lambda a: xc.log_softmax(a([1.0, 2.0])),
    "sigmoid": lambda a: xc.sigmoid(a([1.0, 2.0])),
    "log_sigmoid": lambda a: xc.log_sigmoid(a([1.0, 2.0])),
    "softmax_cross_entropy": lambda a: xc.softmax_cross_entropy(a([[1.0, 2.0]]), [0]),
    "softmax_cross_entropy_grad": lambda a: xc.softmax_cross_entropy_grad(a([[1.0, 2.0]]), [0]),
    "categorical_cross_entropy": lambda a: xc.categorical_cross_entropy(a([[0.5, 0.5]]), [0]),
    "binary_cross_entropy": lambda a: xc.binary_cross_entropy(a([0.25]), a([1.0])),
    "binary_cross_entropy_with_logits": lambda a: xc.binary_cross_entropy_with_logits(a([0.5]), a([1.0])),
    "binary_cross_entropy_with_logits_grad": lambda a: xc.binary_cross_entropy_with_logits_grad(a([0.5]), a([1.0])),
    "mean_squared_error": lambda a: xc.mean_squared_error(a([0.5]), a([1.0])),
    "mean_absolute_error": lambda a: xc.mean_absolute_error(a([0.5]), a([1.0])),
    "sigmoid_mean_squared_error_grad": lambda a: xc.sigmoid_mean_squared_error_grad(a([0.5]), a([1.0])),
    "bernoulli_likelihood": lambda a: xc.bernoulli_likelihood(a(0.25), [1, 0]),
    "bernoulli_log_likelihood": lambda a: xc.bernoulli_log_likelihood(a(0.25), [1, 0]),
}
DTYPES = [(np.float16, np.float32), (np.float32, np.float32), (np.float64, np.float64),
          (np.int64, np.float64), (np.longdouble, np.float64)]


# integers are probabilities only as 0 and 1, so they are given only to functions of real numbers
REAL_NUMBER_FUNCTIONS = ("logsumexp", "softmax", "log_softmax", "sigmoid", "log_sigmoid", "mean_squared_error",
                         "mean_absolute_error", "softmax_cross_entropy", "softmax_cross_entropy_grad")


@pytest.mark.parametrize("name, given, expected", [
    (name, given, expected) for name in DTYPE_CALLS for given, expected in DTYPES
    if given is not np.int64 or name in REAL_NUMBER_FUNCTIONS
])
def test_every_function_follows_the_dtype_policy(name, given, expected):
    result = DTYPE_CALLS[name](lambda values: np.asarray(values).astype(given))
    assert np.asarray(result).dtype == expected


def test_mixed_float32_and_float64_give_float64():
    assert xc.cross_entropy(np.float32([0.5, 0.5]), [0.25, 0.75]).dtype == np.float64


# --- 6. PyTorch's semantics for ignore_index with probability targets --------------------------


@needs_torch
@pytest.mark.parametrize("ignore_index", [-100, -1, -7])
def test_regression_negative_ignore_index_with_probability_targets_is_accepted_as_in_pytorch(ignore_index):
    logits, target = [[2.0, 1.0, 0.1]], [[1.0, 0.0, 0.0]]
    expected = F.cross_entropy(torch.tensor(logits, dtype=torch.float64), torch.tensor(target, dtype=torch.float64),
                               ignore_index=ignore_index).item()
    assert expected == pytest.approx(0.4170, abs=1e-4)
    assert xc.softmax_cross_entropy(logits, target, ignore_index=ignore_index) == pytest.approx(expected, rel=1e-14)
    torch_logits = torch.tensor(logits, dtype=torch.float64, requires_grad=True)
    F.cross_entropy(torch_logits, torch.tensor(target, dtype=torch.float64), ignore_index=ignore_index).backward()
    np.testing.assert_allclose(xc.softmax_cross_entropy_grad(logits, target, ignore_index=ignore_index),
                               torch_logits.grad.numpy(), rtol=1e-14)


@needs_torch
@pytest.mark.parametrize("ignore_index", [0, 1, 5])
def test_non_negative_ignore_index_with_probability_targets_is_rejected_as_in_pytorch(ignore_index):
    logits, target = [[2.0, 1.0, 0.1]], [[1.0, 0.0, 0.0]]
    with pytest.raises(RuntimeError, match="ignore_index is not supported for floating point target"):
        F.cross_entropy(torch.tensor(logits), torch.tensor(target), ignore_index=ignore_index)
    with pytest.raises(ValueError, match=rf"ignore_index={ignore_index} with probability targets"):
        xc.softmax_cross_entropy(logits, target, ignore_index=ignore_index)


# --- issue 9: a result with no axes is a NumPy scalar, from every public function --------------

SCALAR_CALLS = {
    "mean_squared_error": [lambda: xc.mean_squared_error(1.0, 3.0), lambda: xc.mean_squared_error(1.0, 3.0, reduction="none")],
    "mean_absolute_error": [lambda: xc.mean_absolute_error(1.0, 3.0, reduction="none"), lambda: xc.mean_absolute_error([1.0], [3.0])],
    "information_content": [lambda: xc.information_content(0.5), lambda: xc.information_content(0.0)],
    "entropy": [lambda: xc.entropy([0.5, 0.5]), lambda: xc.entropy([[0.5], [0.5]], axis=0)[0][()]],
    "kl_divergence": [lambda: xc.kl_divergence([0.5, 0.5], [0.25, 0.75])],
    "cross_entropy": [lambda: xc.cross_entropy([0.5, 0.5], [0.25, 0.75])],
    "bernoulli_likelihood": [lambda: xc.bernoulli_likelihood(0.5, [1, 0])],
    "bernoulli_log_likelihood": [lambda: xc.bernoulli_log_likelihood(0.5, [1, 0])],
    "binary_cross_entropy": [lambda: xc.binary_cross_entropy(0.5, 1.0, reduction="none"), lambda: xc.binary_cross_entropy([0.5], [1.0])],
    "softmax": [lambda: xc.softmax([1.0, 2.0])[0]],
    "log_softmax": [lambda: xc.log_softmax([1.0, 2.0])[0]],
    "logsumexp": [lambda: xc.logsumexp([1.0, 2.0]), lambda: xc.logsumexp(1.0), lambda: xc.logsumexp([[1.0], [2.0]], axis=0)[0]],
    "sigmoid": [lambda: xc.sigmoid(0.5), lambda: xc.sigmoid(-800.0)],
    "categorical_cross_entropy": [lambda: xc.categorical_cross_entropy([0.5, 0.5], 0, reduction="none"),
                                  lambda: xc.categorical_cross_entropy([0.5, 0.5], [1.0, 0.0], reduction="none")],
    "softmax_cross_entropy": [lambda: xc.softmax_cross_entropy([1.0, 2.0], 0, reduction="none"),
                              lambda: xc.softmax_cross_entropy([1.0, 2.0], [1.0, 0.0], reduction="none"),
                              lambda: xc.softmax_cross_entropy([[1.0, 2.0]], [0])],
    "binary_cross_entropy_with_logits": [lambda: xc.binary_cross_entropy_with_logits(0.5, 1.0, reduction="none")],
    "log_sigmoid": [lambda: xc.log_sigmoid(0.5)],
    "sigmoid_mean_squared_error_grad": [lambda: xc.sigmoid_mean_squared_error_grad(0.5, 1.0),
                                        lambda: xc.sigmoid_mean_squared_error_grad(0.5, 1.0, reduction="none")],
    "binary_cross_entropy_with_logits_grad": [lambda: xc.binary_cross_entropy_with_logits_grad(0.5, 1.0),
                                              lambda: xc.binary_cross_entropy_with_logits_grad(0.5, 1.0, reduction="sum")],
    "softmax_cross_entropy_grad": [lambda: xc.softmax_cross_entropy_grad([1.0, 2.0], 0)[0]],
    "binary_focal_loss_with_logits": [lambda: xc.binary_focal_loss_with_logits(0.5, 1.0, reduction="none"),
                                      lambda: xc.binary_focal_loss_with_logits([0.5], [1.0], alpha=0.25)],
    "softmax_focal_loss": [lambda: xc.softmax_focal_loss([1.0, 2.0], 0, reduction="none"),
                           lambda: xc.softmax_focal_loss([[1.0, 2.0]], [0])],
    "softmax_focal_loss_grad": [lambda: xc.softmax_focal_loss_grad([1.0, 2.0], 0)[0]],
    "calibration_bins": [lambda: xc.calibration_bins([[0.5, 0.5]], [0])[0][7]],
    "expected_calibration_error": [lambda: xc.expected_calibration_error([[0.5, 0.5]], [0])],
    "perplexity": [lambda: xc.perplexity(1.0), lambda: xc.perplexity([1.0])[0]],
}


def test_every_public_function_has_a_scalar_case():
    assert sorted(SCALAR_CALLS) == sorted(xc.__all__)


@pytest.mark.parametrize("name, call", [(name, call) for name, calls in SCALAR_CALLS.items() for call in calls])
def test_a_result_with_no_axes_is_a_numpy_scalar(name, call):
    result = call()
    assert isinstance(result, np.float64) and not isinstance(result, np.ndarray), (name, type(result))
    assert repr(result).startswith("np.float64(")


def test_float32_scalars_stay_float32_scalars():
    assert isinstance(xc.sigmoid(np.float32(0.5)), np.float32)
    assert isinstance(xc.logsumexp(np.float32([1.0, 2.0])), np.float32)
