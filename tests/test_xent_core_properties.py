"""Properties that xent_core must satisfy for every valid input, checked with hypothesis.

The gradients are checked against central finite differences of the corresponding loss.
"""

import numpy as np
import pytest
import scipy.special
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import xent_core as xc

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

SETTINGS = settings(max_examples=60, deadline=None, derandomize=True, database=None)
REDUCTIONS = st.sampled_from(["mean", "sum", "none"])

shapes = hnp.array_shapes(min_dims=1, max_dims=3, min_side=1, max_side=5)


@st.composite
def distributions(draw, shape):
    """Rows (last axis) that sum to 1: positive floats, some exact zeros, normalized."""
    elements = st.one_of(st.just(0.0), st.floats(1e-6, 1.0), st.floats(1e-300, 1e-6))
    w = draw(hnp.arrays(np.float64, shape, elements=elements))
    w[..., 0] = np.where(w.sum(-1) == 0, 1.0, w[..., 0])  # every row needs a positive entry
    return w / w.sum(-1, keepdims=True)


@st.composite
def distribution_pairs(draw):
    shape = draw(shapes)
    return draw(distributions(shape)), draw(distributions(shape))


def logits(shape, bound=1e3):
    return hnp.arrays(np.float64, shape, elements=st.floats(-bound, bound))


def finite_difference_gradient(loss, x, h=1e-6):
    """Central differences of ``sum(loss(x))``, and the absolute error they may carry: a few
    ulps of the loss, divided by 2h, on top of the O(h^2) truncation error."""
    grad = np.empty_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = h
        grad[i] = (np.sum(loss(x + step)) - np.sum(loss(x - step))) / (2 * h)
    rounding = 8 * np.finfo(np.float64).eps * max(1.0, abs(float(np.sum(loss(x))))) / (2 * h)
    return grad, 1e-8 + rounding


def assert_gradient_matches(grad, loss, x):
    expected, atol = finite_difference_gradient(loss, x)
    assert grad.shape == x.shape
    np.testing.assert_allclose(grad, expected, rtol=1e-6, atol=atol)


# --------------------------------------------------------------------------------------------
# Information theory
# --------------------------------------------------------------------------------------------


@SETTINGS
@given(distribution_pairs())
def test_kl_is_nonnegative_and_zero_on_itself(pair):
    p, q = pair
    kl = xc.kl_divergence(p, q)
    assert np.all(kl >= 0)
    assert np.all(xc.kl_divergence(p, p) == 0)


@SETTINGS
@given(distribution_pairs())
def test_cross_entropy_is_entropy_plus_kl(pair):
    p, q = pair
    cross, entropy, kl = xc.cross_entropy(p, q), xc.entropy(p), xc.kl_divergence(p, q)
    finite = np.isfinite(cross)
    np.testing.assert_array_equal(np.isfinite(kl), finite)
    np.testing.assert_allclose(cross[finite], (entropy + kl)[finite], rtol=1e-9, atol=1e-12)
    assert np.all(cross >= entropy)  # Gibbs' inequality, exactly


@st.composite
def nearly_normalized_pairs(draw):
    """(p, q) in float32 or float64 whose rows sum to 1 only within xent_core's tolerance
    (sqrt(eps) * max(1, log2 C)): normalized rows, each entry scaled by its own 1 + delta, with
    deltas up to the tolerance, near-equal pairs (q a perturbed p) among them."""
    dtype = draw(st.sampled_from([np.float32, np.float64]))
    shape = draw(shapes)
    tolerance = np.sqrt(np.finfo(dtype).eps) * max(1.0, np.log2(shape[-1]))

    def perturbed(rows):
        deltas = draw(hnp.arrays(np.float64, shape, elements=st.floats(-tolerance, tolerance)))
        return np.minimum(rows * (1 + deltas), 1.0).astype(dtype)

    p = draw(distributions(shape))
    q = p if draw(st.booleans()) else draw(distributions(shape))
    p, q = perturbed(p), perturbed(q)
    for rows in (p, q):
        assume(np.all(np.abs(rows.sum(-1) - 1) <= tolerance))  # the rows the module accepts
    return p, q


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(nearly_normalized_pairs())
def test_kl_is_nonnegative_and_cross_entropy_at_least_entropy_on_every_accepted_input(pair):
    p, q = pair
    kl, cross, entropy = xc.kl_divergence(p, q), xc.cross_entropy(p, q), xc.entropy(p)
    assert np.asarray(kl).dtype == p.dtype
    assert np.all(kl >= 0)
    assert np.all(cross >= entropy)
    assert np.all(xc.kl_divergence(p, q, base=2) >= 0)
    assert np.all(xc.cross_entropy(p, q, base=2) >= xc.entropy(p, base=2))
    assert np.all(xc.categorical_cross_entropy(q, p, reduction="none") >= entropy)


@SETTINGS
@given(shapes.flatmap(distributions))
def test_entropy_bounds_and_base(p):
    h = xc.entropy(p)
    assert np.all(h >= 0)
    assert np.all(h <= np.log(p.shape[-1]) + 1e-12)
    np.testing.assert_allclose(xc.entropy(p, base=2) * np.log(2), h, rtol=1e-14, atol=1e-300)


@SETTINGS
@given(st.floats(1e-150, 1.0), st.floats(1e-150, 1.0))
def test_information_adds_over_independent_events(p, q):
    total = xc.information_content(p) + xc.information_content(q)
    np.testing.assert_allclose(xc.information_content(p * q), total, rtol=1e-13, atol=1e-15)


# --------------------------------------------------------------------------------------------
# Softmax, logsumexp, sigmoid
# --------------------------------------------------------------------------------------------


@SETTINGS
@given(shapes.flatmap(logits), st.floats(-1e3, 1e3))
def test_softmax_sums_to_one_and_ignores_a_shift(z, c):
    s = xc.softmax(z)
    np.testing.assert_allclose(s.sum(-1), 1, rtol=1e-14)
    np.testing.assert_allclose(xc.softmax(z + c), s, rtol=1e-10, atol=1e-300)


@SETTINGS
@given(shapes.flatmap(logits))
def test_log_softmax_is_log_of_softmax(z):
    s = xc.softmax(z)
    visible = s > 1e-300
    np.testing.assert_allclose(xc.log_softmax(z)[visible], np.log(s[visible]), rtol=1e-12, atol=1e-12)


@SETTINGS
@given(shapes.flatmap(lambda shape: logits(shape, bound=800)))
def test_logsumexp_equals_the_naive_formula_where_it_is_finite(z):
    with np.errstate(over="ignore", divide="ignore"):
        naive = np.log(np.exp(z).sum(-1))
    # the largest term must be a normal float too, or the naive sum has lost digits
    usable = np.isfinite(naive) & (z.max(-1) > -700)
    np.testing.assert_allclose(xc.logsumexp(z)[usable], naive[usable], rtol=1e-13, atol=1e-12)


@SETTINGS
@given(hnp.arrays(np.float64, hnp.array_shapes(max_dims=2), elements=st.floats(-1e4, 1e4)))
def test_sigmoid_equals_the_naive_formula_and_is_symmetric(x):
    with np.errstate(over="ignore"):
        exp_minus_x = np.exp(-x)
    usable = np.isfinite(exp_minus_x)  # where the naive formula does not overflow
    np.testing.assert_allclose(xc.sigmoid(x)[usable], 1 / (1 + exp_minus_x[usable]), rtol=1e-14, atol=1e-320)
    np.testing.assert_allclose(xc.sigmoid(x) + xc.sigmoid(-x), 1, rtol=1e-15)
    # sigma(x) / sigma(-x) = e^x
    np.testing.assert_allclose(xc.log_sigmoid(x) - xc.log_sigmoid(-x), x, rtol=1e-13, atol=1e-15)


# --------------------------------------------------------------------------------------------
# Losses agree with each other
# --------------------------------------------------------------------------------------------


@st.composite
def classification_problems(draw, bound=4.0, index_only=False, plain=False, reductions=REDUCTIONS):
    """(logits, target, options) for softmax_cross_entropy, with every option unless ``plain``
    (no weight, ignore_index or smoothing); index targets only if ``index_only``."""
    n_rows, n_classes = draw(st.integers(1, 3)), draw(st.integers(2, 4))
    z = draw(logits((n_rows, n_classes), bound=bound))
    weight = None if plain else draw(st.none() | hnp.arrays(np.float64, (n_classes,), elements=st.floats(0.1, 2.0)))
    smoothing = 0.0 if plain else draw(st.sampled_from([0.0, 1.0]) | st.floats(0.0, 1.0))
    reduction = draw(reductions)
    if index_only or draw(st.booleans()):
        ignore_index = None if plain or index_only else draw(st.sampled_from([None, -100, 1]))
        classes = list(range(n_classes)) + ([] if ignore_index is None else [ignore_index])
        target = np.array(draw(st.lists(st.sampled_from(classes), min_size=n_rows, max_size=n_rows)))
        assume(reduction != "mean" or np.any(target != ignore_index))
    else:
        ignore_index, target = None, draw(distributions((n_rows, n_classes)))
    return z, target, dict(weight=weight, ignore_index=ignore_index, label_smoothing=smoothing, reduction=reduction)


@SETTINGS
@given(classification_problems())
def test_softmax_cross_entropy_grad_matches_finite_differences(problem):
    z, target, options = problem
    grad = xc.softmax_cross_entropy_grad(z, target, **options)
    assert_gradient_matches(grad, lambda x: xc.softmax_cross_entropy(x, target, **options), z)


@SETTINGS
@given(classification_problems(index_only=True, reductions=st.sampled_from(["sum", "none"])))
def test_index_target_equals_its_one_hot_distribution(problem):
    # (with weights, "mean" divides by the target weights for indices but by N for distributions)
    z, target, options = problem
    one_hot = np.eye(z.shape[-1])[target]
    for f in (xc.softmax_cross_entropy, xc.softmax_cross_entropy_grad):
        np.testing.assert_allclose(f(z, target, **options), f(z, one_hot, **options), rtol=1e-12, atol=1e-14)


@SETTINGS
@given(classification_problems(bound=30.0, plain=True))
def test_softmax_cross_entropy_is_categorical_cross_entropy_of_softmax(problem):
    z, target, options = problem
    probs = xc.softmax(z)
    assume(np.all(probs > 1e-300))
    expected = xc.categorical_cross_entropy(probs, target, options["reduction"])
    np.testing.assert_allclose(xc.softmax_cross_entropy(z, target, **options), expected, rtol=1e-10, atol=1e-12)


binary_targets = st.one_of(st.just(0.0), st.just(1.0), st.floats(0.0, 1.0))


@st.composite
def binary_problems(draw, bound=5.0):
    shape = draw(hnp.array_shapes(min_dims=1, max_dims=2, max_side=3))
    x = draw(logits(shape, bound=bound))
    t = draw(hnp.arrays(np.float64, shape, elements=binary_targets))
    pos_weight = draw(st.none() | hnp.arrays(np.float64, shape[-1:], elements=st.floats(0.0, 3.0)))
    return x, t, pos_weight, draw(REDUCTIONS)


@SETTINGS
@given(binary_problems())
def test_binary_cross_entropy_with_logits_grad_matches_finite_differences(problem):
    x, t, pos_weight, reduction = problem
    grad = xc.binary_cross_entropy_with_logits_grad(x, t, pos_weight, reduction)
    assert_gradient_matches(grad, lambda y: xc.binary_cross_entropy_with_logits(y, t, pos_weight, reduction), x)


@SETTINGS
@given(binary_problems(bound=10.0))
def test_sigmoid_mean_squared_error_grad_matches_finite_differences(problem):
    x, t, _, reduction = problem
    grad = xc.sigmoid_mean_squared_error_grad(x, t, reduction)
    assert_gradient_matches(grad, lambda y: xc.mean_squared_error(scipy.special.expit(y), t, reduction), x)


@SETTINGS
@given(binary_problems())
def test_binary_cross_entropy_with_logits_is_binary_cross_entropy_of_sigmoid(problem):
    x, t, _, reduction = problem
    expected = xc.binary_cross_entropy(scipy.special.expit(x), t, reduction)
    np.testing.assert_allclose(
        xc.binary_cross_entropy_with_logits(x, t, reduction=reduction), expected, rtol=1e-12, atol=1e-14
    )


@SETTINGS
@given(st.floats(0.0, 1.0), hnp.arrays(np.int64, st.integers(1, 40), elements=st.integers(0, 1)))
def test_bernoulli_log_likelihood_is_log_likelihood_and_minus_n_bce(theta, outcomes):
    log_likelihood = xc.bernoulli_log_likelihood(theta, outcomes)
    likelihood = xc.bernoulli_likelihood(theta, outcomes)
    if likelihood > 1e-300:
        np.testing.assert_allclose(log_likelihood, np.log(likelihood), rtol=1e-12, atol=1e-14)
    else:
        assert log_likelihood < np.log(1e-300) + 1e-9
    bce = xc.binary_cross_entropy(np.full(outcomes.shape, theta), outcomes, reduction="sum")
    np.testing.assert_allclose(log_likelihood, -bce, rtol=1e-12, atol=1e-14)
