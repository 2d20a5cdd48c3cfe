"""The peers' published test cases that map onto xent_core, written anew for our functions.

Sources (read, not copied): SciPy ``scipy/special/tests/test_logsumexp.py``,
``scipy/special/tests/test_basic.py`` (entr, xlogy, kl_div, rel_entr and gh-20710),
``scipy/stats/tests/test_entropy.py``; optax ``optax/losses/_classification_test.py``;
scikit-learn ``sklearn/metrics/tests/test_classification.py`` (log_loss); PyTorch
``test/test_nn.py`` and ``torch/testing/_internal/common_nn.py``. The expected values are the
peers' (facts), or mpmath / PyTorch itself where the peer computes its expectation with a
reference implementation. Where the peer's value rests on a convention xent_core does not share
(silent renormalizing, clipping, NaN for an empty mean, inf for a negative argument), the test
checks our documented behaviour instead and its name ends in ``_we_raise`` or says so.

Case counts per peer are the number of test functions x parameters under each heading.
"""

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
inf = np.inf


def torch_f64(values):
    return torch.tensor(np.asarray(values, dtype=np.float64))


# =============================================================================================
# SciPy: special/tests/test_logsumexp.py
# =============================================================================================


def test_scipy_logsumexp_of_0_to_199_equals_the_naive_formula():
    a = np.arange(200.0)
    assert xc.logsumexp(a) == pytest.approx(float(mpmath.log(mpmath.fsum(mpmath.exp(int(v)) for v in a))), rel=1e-14)


@pytest.mark.parametrize("values, expected", [
    ([1000.0, 1000.0], 1000.0 + math.log(2.0)),
    ([10000.0] * 1000, 10000.0 + math.log(1000)),
])
def test_scipy_logsumexp_of_large_equal_values(values, expected):
    assert xc.logsumexp(values) == pytest.approx(expected, rel=1e-15)


def test_scipy_logsumexp_of_a_million_tiny_values_in_two_rows_and_both_axes():
    x = np.full(1_000_000, 1e-40)
    log_x = np.stack([np.log(x), np.log(x)])
    assert np.exp(xc.logsumexp(log_x.ravel())) == pytest.approx(2e-34, rel=1e-10)
    np.testing.assert_allclose(np.exp(xc.logsumexp(log_x, axis=0)), np.full(1_000_000, 2e-40), rtol=1e-10)
    np.testing.assert_allclose(np.exp(xc.logsumexp(log_x, axis=1)), [1e-34, 1e-34], rtol=1e-10)


@pytest.mark.parametrize("values, expected", [([inf], inf), ([-inf], -inf), ([-inf, -inf], -inf)])
def test_scipy_logsumexp_special_values(values, expected):
    assert xc.logsumexp(values) == expected


def test_scipy_logsumexp_nan_we_raise():  # SciPy returns nan; xent_core refuses a NaN input
    with pytest.raises(ValueError, match=r"z\(0\) is NaN"):
        xc.logsumexp([np.nan])


def test_scipy_logsumexp_empty_we_raise():  # SciPy returns -inf for logsumexp([])
    with pytest.raises(ValueError, match="z has an empty axis -1: logsumexp needs at least one value"):
        xc.logsumexp([])


def test_scipy_logsumexp_rows_of_different_magnitudes():
    np.testing.assert_allclose(xc.logsumexp([[1e10, 1e-10], [-1e10, -inf]]), [1e10, -1e10], rtol=1e-15)


def test_scipy_logsumexp_list_input():
    assert xc.logsumexp([1000, 1000]) == pytest.approx(1000.0 + math.log(2.0), rel=1e-15)


@pytest.mark.parametrize("dtype, expected_dtype", [
    (np.float32, np.float32), (np.float64, np.float64), (np.int32, np.float64), (np.int64, np.float64),
])
def test_scipy_logsumexp_dtypes(dtype, expected_dtype):
    result = xc.logsumexp(np.asarray([1000.0, 1000.0]).astype(dtype))
    assert result.dtype == expected_dtype
    assert result == pytest.approx(1000.0 + math.log(2.0), rel=1e-6 if dtype == np.float32 else 1e-15)


def test_scipy_logsumexp_gh18295_keeps_the_digits_of_log1p():
    assert xc.logsumexp([0.0, -40.0]) == pytest.approx(np.logaddexp(0.0, -40.0), rel=1e-15)


def test_scipy_logsumexp_scalar_input_is_a_scalar():  # test_xp_invalid_input: logsumexp(1) is a number
    assert xc.logsumexp(1.0) == 1.0 and np.ndim(xc.logsumexp(1.0)) == 0


@pytest.mark.parametrize("z, expected", [
    ([1000, 0, 0, 0], [1, 0, 0, 0]),
    ([1, 1], [0.5, 0.5]),
    ([0, 1], [1 / (1 + math.e), math.e / (1 + math.e)]),
    ([0, 1, 2, 3], [0.03205860328008499, 0.08714431874203256, 0.23688281808991013, 0.6439142598879722]),
    ([100, 101, 102, 103], [0.03205860328008499, 0.08714431874203256, 0.23688281808991013, 0.6439142598879722]),
])
def test_scipy_softmax_fixtures(z, expected):
    np.testing.assert_allclose(xc.softmax(np.asarray(z, dtype=float)), expected, rtol=1e-13)


def test_scipy_softmax_along_either_axis():
    z = np.array([[1000.0, 0.0], [1000.0, 0.0]])
    np.testing.assert_allclose(xc.softmax(z, axis=0), [[0.5, 0.5], [0.5, 0.5]], rtol=1e-13)
    np.testing.assert_allclose(xc.softmax(z, axis=1), [[1, 0], [1, 0]], rtol=1e-13)
    x = np.array([[-25.0, 0, 25, 50], [1, 325, 749, 750]])
    expected = np.array([[2.678636961770877e-33, 1.9287498479371314e-22, 1.3887943864771144e-11, 0.999999999986112],
                         [0.0, 1.9444526359919372e-185, 0.2689414213699951, 0.7310585786300048]])
    np.testing.assert_allclose(xc.softmax(x, axis=1), expected, rtol=1e-13)
    np.testing.assert_allclose(xc.softmax(x.T, axis=0), expected.T, rtol=1e-13)


# =============================================================================================
# SciPy: special/tests/test_basic.py (entr, xlogy, kl_div, rel_entr, gh-20710)
# =============================================================================================


@pytest.mark.parametrize("a", [0.0, 0.5, 1.0])
def test_scipy_entr_values_as_the_entropy_of_a_coin(a):
    # entr(x) = -x log x, with entr(0) = 0: the coin [a, 1 - a]
    expected = sum(0.0 if x == 0 else -x * math.log(x) for x in (a, 1 - a))
    assert xc.entropy([a, 1 - a]) == pytest.approx(expected, abs=1e-16)


@pytest.mark.parametrize("a", [-0.5, -1.0, inf])
def test_scipy_entr_outside_0_1_we_raise(a):  # SciPy's entr gives -inf for x < 0
    with pytest.raises(ValueError, match="p must hold probabilities in \\[0, 1\\]"):
        xc.entropy([a, 1 - a])


def test_scipy_xlogy_0_log_0_is_0():
    assert xc.cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert xc.kl_divergence([1.0, 0.0], [1.0, 0.0]) == 0.0


@pytest.mark.parametrize("a", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("b", [0.0, 0.5, 1.0])
def test_scipy_rel_entr_and_kl_div_domain_table_on_coins(a, b):
    # rel_entr(x, y) = x log(x/y) (0 for x = 0, inf for x > 0 = y); on distributions the
    # generalized kl_div terms x log(x/y) - x + y add up to the same total
    def rel_entr(x, y):
        return 0.0 if x == 0 else (inf if y == 0 else x * math.log(x / y))

    expected = rel_entr(a, b) + rel_entr(1 - a, 1 - b)
    assert xc.kl_divergence([a, 1 - a], [b, 1 - b]) == pytest.approx(expected, abs=1e-16)


@pytest.mark.parametrize("a, b", [(-0.5, 0.5), (0.5, -0.5), (-1.0, 1.0)])
def test_scipy_rel_entr_negative_arguments_we_raise(a, b):  # SciPy returns inf
    with pytest.raises(ValueError, match="must hold probabilities in \\[0, 1\\]"):
        xc.kl_divergence([a, 1 - a], [b, 1 - b])


@pytest.mark.parametrize("x, y, scipy_term", [
    (0.9456657713430001, 0.9456657713430094, -9.325873406851269e-15),
    (0.48066098564791515, 0.48066098564794774, -3.258504577274724e-14),
    (0.786048657854401, 0.7860486578542367, 1.6431300764454033e-13),
])
def test_scipy_rel_entr_gh20710_near_equal_pairs_as_coins(x, y, scipy_term):
    # SciPy's expected value is the first term x log(x/y); our function sums both terms of the
    # coins [x, 1-x] and [y, 1-y], so the oracle adds the second term with mpmath.
    mx, my = mpmath.mpf(x), mpmath.mpf(y)
    first = mx * mpmath.log(mx / my)
    assert float(first) == pytest.approx(scipy_term, rel=1e-13)  # the oracle agrees with SciPy
    exact = first + (1 - mx) * mpmath.log((1 - mx) / (1 - my))
    assert xc.kl_divergence([x, 1 - x], [y, 1 - y]) == pytest.approx(float(exact), rel=1e-10)


# =============================================================================================
# SciPy: stats/tests/test_entropy.py
# =============================================================================================


def test_scipy_entropy_positive():
    pk, qk = [0.5, 0.2, 0.3], [0.1, 0.25, 0.65]
    assert xc.kl_divergence(pk, pk) == 0.0
    assert xc.kl_divergence(pk, qk) > 0


def test_scipy_entropy_base():
    assert xc.entropy(np.full(16, 1 / 16), base=2) == pytest.approx(4.0, abs=1e-5)
    pk, qk = np.full(16, 1 / 16), np.where(np.arange(16) < 8, 2.0, 1.0) / 24
    assert xc.kl_divergence(pk, qk) / xc.kl_divergence(pk, qk, base=2) == pytest.approx(math.log(2), abs=1e-5)


def test_scipy_entropy_base_of_unnormalized_counts_we_raise():  # stats.entropy renormalizes ones(16)
    with pytest.raises(ValueError, match="p must sum to 1 along axis -1, but it sums to 16"):
        xc.entropy(np.ones(16), base=2)


def test_scipy_entropy_zero_after_the_users_normalization():  # stats.entropy([0, 1, 2]) renormalizes
    with pytest.raises(ValueError, match=r"p must hold probabilities in \[0, 1\], but p\(2\) = 2.0"):
        xc.entropy([0.0, 1.0, 2.0])
    assert xc.entropy(np.array([0.0, 1.0, 2.0]) / 3) == pytest.approx(0.63651416829481278, rel=1e-7)


PK = np.array([[0.1, 0.2], [0.6, 0.3], [0.3, 0.5]])
QK = np.array([[0.2, 0.1], [0.3, 0.6], [0.5, 0.3]])


def test_scipy_entropy_2d_along_axis_0():
    np.testing.assert_allclose(xc.kl_divergence(PK, QK, axis=0), [0.1933259, 0.18609809], rtol=1e-7)


def test_scipy_entropy_2d_zero_renormalized_columns_we_raise():  # columns summing to 0.8 and 0.9
    qk = np.array([[0.0, 0.1], [0.3, 0.6], [0.5, 0.3]])
    with pytest.raises(ValueError, match="q must sum to 1 along axis 0, but it sums to 0.8"):
        xc.kl_divergence(PK, qk, axis=0)
    pk = np.array([[0.0, 0.2], [0.6, 0.3], [0.3, 0.5]])
    with pytest.raises(ValueError, match="p must sum to 1 along axis 0, but it sums to 0.9"):
        xc.kl_divergence(pk, qk, axis=0)


def test_scipy_entropy_2d_zero_on_normalized_columns():
    # the same zero pattern once the columns are distributions: inf where q = 0 < p
    qk = np.array([[0.0, 0.1], [0.3, 0.6], [0.7, 0.3]])
    expected_1 = sum(p * math.log(p / q) for p, q in zip(PK[:, 1], qk[:, 1]))
    np.testing.assert_allclose(xc.kl_divergence(PK, qk, axis=0), [inf, expected_1], rtol=1e-14)


def test_scipy_entropy_rows_renormalized_we_raise_then_match_after_normalizing():
    with pytest.raises(ValueError, match="sums to 0.3"):
        xc.entropy(PK, axis=1)
    np.testing.assert_allclose(xc.entropy(PK / PK.sum(1, keepdims=True), axis=1),
                               [0.63651417, 0.63651417, 0.66156324], rtol=1e-7)
    np.testing.assert_allclose(xc.kl_divergence(PK / PK.sum(1, keepdims=True), QK / QK.sum(1, keepdims=True), axis=1),
                               [0.23104906, 0.23104906, 0.12770641], rtol=1e-7)


def test_scipy_entropy_axis_0_transposed_equals_axis_1():
    np.testing.assert_allclose(xc.kl_divergence(PK.T, QK.T, axis=1), xc.kl_divergence(PK, QK, axis=0), rtol=0)
    np.testing.assert_allclose(xc.entropy(PK.T), xc.entropy(PK, axis=0), rtol=0)


def test_scipy_entropy_shape_mismatch_we_raise_without_broadcasting():  # SciPy broadcasts x against y
    with pytest.raises(ValueError, match=r"p has shape \(3, 2\) but q has shape \(2, 2\)"):
        xc.kl_divergence(PK, QK[:2])


def test_scipy_entropy_negative_base_raises():
    with pytest.raises(ValueError, match="base must be a positive number other than 1"):
        xc.entropy([0.5, 0.5], base=-2)


# =============================================================================================
# optax: losses/_classification_test.py
# =============================================================================================

OPTAX_YS = np.array([[10.0, 1.0, -2.0], [1.0, 4.0, 0.2]], dtype=np.float32)
OPTAX_TS = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], dtype=np.float32)
OPTAX_EXP = np.array([9.00013, 3.0696733], dtype=np.float32)


def test_optax_softmax_cross_entropy_scalar_and_batched():
    assert xc.softmax_cross_entropy(OPTAX_YS[0], OPTAX_TS[0], reduction="none") == pytest.approx(OPTAX_EXP[0], abs=1e-4)
    np.testing.assert_allclose(xc.softmax_cross_entropy(OPTAX_YS, OPTAX_TS, reduction="none"), OPTAX_EXP, atol=1e-4)


def test_optax_safe_softmax_cross_entropy_with_ruled_out_classes():
    ys = np.array([[-inf, 0.0, 0.0], [-inf, 0.0, 0.0], [-inf, 0.0, -inf]], dtype=np.float32)
    ts = np.array([[0.0, 0.5, 0.5], [0.4, 0.3, 0.3], [0.0, 1.0, 0.0]], dtype=np.float32)
    np.testing.assert_allclose(xc.softmax_cross_entropy(ys, ts, reduction="none"), [0.693147, inf, 0.0], atol=1e-4)


def test_optax_integer_labels_consistent_with_one_hot():
    labels = np.array([1, 0])
    np.testing.assert_allclose(xc.softmax_cross_entropy(OPTAX_YS, labels, reduction="none"),
                               xc.softmax_cross_entropy(OPTAX_YS, np.eye(3, dtype=np.float32)[labels], reduction="none"),
                               rtol=1e-6)


@pytest.mark.parametrize("preds, labels, expected", [
    ([-1e09, -1e-09], [1.0, 0.0], 5e08),
    ([-1e09, -1e-09], [0.0, 1.0], 0.3465736),
    ([1e09, 1e-09], [1.0, 0.0], 0.3465736),
    ([1e09, 1e-09], [0.0, 1.0], 5e08),
    ([-1e09, 1e-09], [1.0, 0.0], 5e08),
    ([-1e09, 1e-09], [0.0, 1.0], 0.3465736),
    ([1e09, -1e-09], [1.0, 0.0], 0.3465736),
    ([1e09, -1e-09], [0.0, 1.0], 5e08),
    ([0.0, 0.0], [1.0, 0.0], 0.6931472),
    ([0.0, 0.0], [0.0, 1.0], 0.6931472),
])
def test_optax_sigmoid_binary_cross_entropy(preds, labels, expected):
    assert xc.binary_cross_entropy_with_logits(preds, labels) == pytest.approx(expected, rel=1e-6, abs=1e-6)


def test_optax_poly_loss_with_epsilon_0_is_softmax_cross_entropy():
    logits, labels = [0.14, 1.456, 2.356, -0.124, -2.47], [0.1, 0.15, 0.2, 0.25, 0.3]
    assert xc.softmax_cross_entropy(logits, labels, reduction="none") == pytest.approx(2.8990, abs=1e-4)
    batched = xc.softmax_cross_entropy([[4.0, 2.0, 1.0], [0.0, 5.0, 1.0]], [[1.0, 0.0, 0.0], [0.0, 0.8, 0.2]], reduction="none")
    np.testing.assert_allclose(batched, [0.1698, 0.8247], atol=1e-4)


OPTAX_LOG_PS = np.array([[-2.9957, -3.5066, -3.9120, -1.2040, -0.6931, -2.3026],
                         [-1.6094, -1.6094, -1.6094, -2.3026, -1.8971, -1.8971]])
OPTAX_QS = np.array([[0.2, 0.2, 0.2, 0.1, 0.15, 0.15], [0.05, 0.03, 0.02, 0.3, 0.5, 0.0]])


def test_optax_kl_divergence_first_row():
    # optax's predictions are logs rounded to 4 decimals of [.05, .03, .02, .3, .5, .1]; we take the
    # distribution itself (the rounded logs' exponentials sum to 1 only within 2e-5)
    p = np.array([0.05, 0.03, 0.02, 0.3, 0.5, 0.1])
    np.testing.assert_allclose(np.log(p), OPTAX_LOG_PS[0], atol=1e-4)
    assert xc.kl_divergence(OPTAX_QS[0], p) == pytest.approx(0.8875577, abs=1e-4)


def test_optax_kl_divergence_second_row_target_summing_to_0_9_we_raise():  # optax accepts it
    with pytest.raises(ValueError, match="p must sum to 1 along axis -1, but it sums to 0.9"):
        xc.kl_divergence(OPTAX_QS[1], np.exp(OPTAX_LOG_PS[1]) / np.exp(OPTAX_LOG_PS[1]).sum())


def test_optax_convex_kl_divergence_of_unnormalized_predictions_we_raise():
    # convex_kl adds sum(exp(log_p)) - 1 = 1.5e-5 for the rounded logs: our generalized form
    # would too, but xent_core refuses a prediction that is not a distribution within rounding
    with pytest.raises(ValueError, match="q must sum to 1"):
        xc.kl_divergence(OPTAX_QS[0], np.exp(OPTAX_LOG_PS[0]))


# =============================================================================================
# scikit-learn: metrics/tests/test_classification.py (log_loss)
# =============================================================================================


def test_sklearn_log_loss_binary_case():
    y_true = np.array([0, 0, 0, 1, 1, 1])  # "no" < "yes"
    y_proba = np.array([[0.5, 0.5], [0.1, 0.9], [0.01, 0.99], [0.9, 0.1], [0.75, 0.25], [0.001, 0.999]])
    expected = -np.mean([math.log(p[1] if y else p[0]) for y, p in zip(y_true, y_proba)])  # Bernoulli log pmf
    assert xc.categorical_cross_entropy(y_proba, y_true) == pytest.approx(expected, rel=1e-14)
    assert xc.binary_cross_entropy(y_proba[:, 1], y_true.astype(float)) == pytest.approx(expected, rel=1e-14)


def test_sklearn_log_loss_multiclass_mean_and_sum():
    y_true, y_proba = [1, 0, 2], [[0.2, 0.7, 0.1], [0.6, 0.2, 0.2], [0.6, 0.1, 0.3]]
    assert xc.categorical_cross_entropy(y_proba, y_true) == pytest.approx(0.6904911, rel=1e-7)
    assert xc.categorical_cross_entropy(y_proba * 2, y_true * 2, reduction="sum") == pytest.approx(0.6904911 * 6, rel=1e-7)


def test_sklearn_log_loss_classes_do_not_match_we_raise():
    with pytest.raises(ValueError, match=r"target\(0\) = 2 is not a class index: indices must be integers in \[0, 1\]"):
        xc.categorical_cross_entropy([[0.3, 0.7], [0.6, 0.4], [0.4, 0.6]], [2, 0, 1])


def test_sklearn_log_loss_string_labels_as_indices():
    y_true = np.array([0, 1, 1, 0])  # "ham", "spam"
    y_proba = [[0.3, 0.7], [0.6, 0.4], [0.4, 0.6], [0.7, 0.3]]
    assert xc.categorical_cross_entropy(y_proba, y_true) == pytest.approx(0.7469410, rel=1e-7)


def test_sklearn_log_loss_with_explicit_labels():
    assert xc.categorical_cross_entropy([[0.1, 0.9], [0.1, 0.9]], [1, 1]) == pytest.approx(-math.log(0.9), rel=1e-15)
    probs = [[0.7, 0.1, 0.2], [0.2, 0.7, 0.1], [0.1, 0.7, 0.2]]
    assert xc.categorical_cross_entropy(probs, [0, 1, 1]) == pytest.approx(-math.log(0.7), rel=1e-15)


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
def test_sklearn_log_loss_eps_confident_wrong_is_inf_without_clipping(dtype):
    # scikit-learn clips to a dtype-dependent eps and returns a finite loss; xent_core does not clip
    probs = np.array([1, 0], dtype=dtype)
    assert xc.binary_cross_entropy(probs, np.array([0, 1], dtype=dtype)) == inf


@pytest.mark.parametrize("dtype", [np.float64, np.float32, np.float16])
def test_sklearn_log_loss_not_probabilities_we_raise(dtype):  # scikit-learn warns and renormalizes
    y_proba = np.array([[0.2, 0.7], [0.6, 0.3], [0.4, 0.7], [0.8, 0.3]], dtype=dtype)
    with pytest.raises(ValueError, match="probs must sum to 1 along axis -1"):
        xc.categorical_cross_entropy(y_proba, [0, 1, 1, 0])


@pytest.mark.parametrize("y_true, y_proba", [
    ([0, 1, 0], [[1.0, 0.0], [0.0, 1.0], [1.0, 0.0]]),
    ([0, 1, 2], [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]),
])
def test_sklearn_log_loss_perfect_predictions_are_exactly_0(y_true, y_proba):  # sklearn: approx 0 (clipping)
    assert xc.categorical_cross_entropy(y_proba, y_true) == 0.0


def test_sklearn_log_loss_perfect_binary_predictions_are_exactly_0():
    assert xc.binary_cross_entropy([0.0, 1.0, 0.0], [0.0, 1.0, 0.0]) == 0.0


# =============================================================================================
# PyTorch: test/test_nn.py and torch/testing/_internal/common_nn.py (PyTorch is the oracle)
# =============================================================================================


@needs_torch
def test_torch_bce_with_logits_stability():
    output, target = [0.0, -120.0], [0.0, 1.0]
    expected = F.binary_cross_entropy_with_logits(torch_f64(output), torch_f64(target), pos_weight=torch_f64([1.0, 1.0]))
    result = xc.binary_cross_entropy_with_logits(output, target, pos_weight=[1.0, 1.0])
    assert np.isfinite(result) and result == pytest.approx(expected.item(), rel=1e-15)


@pytest.mark.parametrize("pos_weight", [None, np.ones((3, 1))])
def test_torch_bce_with_logits_has_correct_grad_at_zero(pos_weight):
    grad = xc.binary_cross_entropy_with_logits_grad(np.zeros((3, 1)), np.zeros((3, 1)), pos_weight=pos_weight, reduction="sum")
    np.testing.assert_array_equal(grad, np.full((3, 1), 0.5))


@needs_torch
def test_torch_bce_with_logits_broadcasts_pos_weights():
    rng = np.random.default_rng(0)
    target, output, pos_weight = rng.random((64, 4)), rng.random((64, 4)) - 0.5, rng.random(4)
    out1 = xc.binary_cross_entropy_with_logits(output, target, pos_weight=pos_weight)
    out2 = xc.binary_cross_entropy_with_logits(output, target, pos_weight=pos_weight[None, :])
    out3 = xc.binary_cross_entropy_with_logits(output, target, pos_weight=np.broadcast_to(pos_weight, (64, 4)))
    assert out1 == out2 == out3
    expected = F.binary_cross_entropy_with_logits(torch_f64(output), torch_f64(target), pos_weight=torch_f64(pos_weight))
    assert out1 == pytest.approx(expected.item(), rel=1e-14)


def test_torch_bce_with_logits_ones_in_pos_weights_are_the_same_as_none():
    rng = np.random.default_rng(1)
    target, output = rng.random((64, 4)), rng.random((64, 4)) - 0.5
    assert xc.binary_cross_entropy_with_logits(output, target, pos_weight=np.ones(4)) == \
        xc.binary_cross_entropy_with_logits(output, target)


@needs_torch
def test_torch_bce_with_logits_gives_same_result_as_sigmoid_and_bce_loss():
    rng = np.random.default_rng(2)
    output, target = rng.normal(size=(64, 4)), rng.random((64, 4))
    expected = F.binary_cross_entropy(torch.sigmoid(torch_f64(output)), torch_f64(target)).item()
    assert xc.binary_cross_entropy_with_logits(output, target) == pytest.approx(expected, rel=1e-12)
    assert xc.binary_cross_entropy(xc.sigmoid(output), target) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("value", [0.0, 1.0])
def test_torch_bce_loss_always_nonnegative(value):
    assert np.all(xc.binary_cross_entropy(np.full(5, value), np.full(5, value), reduction="none") >= 0)


def test_torch_bce_no_reduce_matches_the_reference_formula():  # common_nn bceloss_no_reduce_test
    rng = np.random.default_rng(3)
    t = (rng.normal(size=(15, 10)) > 0).astype(float)
    i = np.clip(rng.random((15, 10)), 2.8e-2, 1 - 2.8e-2)
    np.testing.assert_allclose(xc.binary_cross_entropy(i, t, reduction="none"),
                               -(t * np.log(i) + (1 - t) * np.log(1 - i)), rtol=1e-13)


def test_torch_bce_with_logits_no_reduce_scalar():  # common_nn bce_with_logistic_no_reduce_scalar_test
    i, t = 0.3, 1.0
    reference = -(t * math.log(1 / (1 + math.exp(-i))) + (1 - t) * math.log(1 - 1 / (1 + math.exp(-i))))
    result = xc.binary_cross_entropy_with_logits(i, t, reduction="none")
    assert isinstance(result, np.float64) and result == pytest.approx(reference, rel=1e-14)


@needs_torch
@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("smoothing", [0.0, 0.3])
def test_torch_cross_entropy_label_smoothing_consistent_index_target_and_probs(reduction, weighted, smoothing):
    rng = np.random.default_rng(4)
    logits, target = rng.normal(size=(8, 5)), rng.integers(0, 5, 8)
    weight = rng.random(5) if weighted else None
    by_index = xc.softmax_cross_entropy(logits, target, weight=weight, label_smoothing=smoothing, reduction=reduction)
    expected = F.cross_entropy(torch_f64(logits), torch.tensor(target), weight=None if weight is None else torch_f64(weight),
                               label_smoothing=smoothing, reduction=reduction).numpy()
    np.testing.assert_allclose(by_index, expected, rtol=1e-13)
    if not weighted:  # with weights PyTorch's means differ between the two target kinds
        by_probs = xc.softmax_cross_entropy(logits, np.eye(5)[target], label_smoothing=smoothing, reduction=reduction)
        np.testing.assert_allclose(by_probs, expected, rtol=1e-13)


@needs_torch
def test_torch_cross_entropy_label_smoothing_with_ignore_index_and_weight():
    rng = np.random.default_rng(5)
    logits, target, weight = rng.normal(size=(10, 4)), rng.integers(0, 4, 10), rng.random(4)
    target[[1, 6]] = -100
    for reduction in ("mean", "sum", "none"):
        expected = F.cross_entropy(torch_f64(logits), torch.tensor(target), weight=torch_f64(weight),
                                   ignore_index=-100, label_smoothing=0.2, reduction=reduction).numpy()
        result = xc.softmax_cross_entropy(logits, target, weight=weight, ignore_index=-100, label_smoothing=0.2,
                                          reduction=reduction)
        np.testing.assert_allclose(result, expected, rtol=1e-13)


@needs_torch
def test_torch_nll_loss_empty_tensor_reduction_sum_and_none():
    empty_logits, empty_target = np.zeros((0, 3)), np.zeros(0, int)
    assert F.cross_entropy(torch.zeros(0, 3, dtype=torch.float64), torch.zeros(0, dtype=torch.long), reduction="sum").item() == 0
    assert xc.softmax_cross_entropy(empty_logits, empty_target, reduction="sum") == 0.0
    assert xc.softmax_cross_entropy(empty_logits, empty_target, reduction="none").shape == (0,)


@needs_torch
def test_torch_nll_loss_empty_tensor_reduction_mean_we_raise():  # PyTorch returns nan
    assert math.isnan(F.cross_entropy(torch.zeros(0, 3, dtype=torch.float64), torch.zeros(0, dtype=torch.long)).item())
    with pytest.raises(ValueError, match="the batch is empty, so the mean is over no targets"):
        xc.softmax_cross_entropy(np.zeros((0, 3)), np.zeros(0, int))


def test_torch_nll_loss_all_ignored_mean_we_raise():  # PyTorch returns nan
    with pytest.raises(ValueError, match="every target equals ignore_index=-100"):
        xc.softmax_cross_entropy(np.zeros((2, 3)), [-100, -100], ignore_index=-100)


def test_torch_cross_entropy_out_of_bounds_class_index_raises():
    with pytest.raises(ValueError, match=r"target\(1\) = 3 is not a class index"):
        xc.softmax_cross_entropy(np.zeros((2, 3)), [0, 3])


@needs_torch
def test_torch_kl_div_batchmean_is_the_mean_of_our_per_row_divergences():
    rng = np.random.default_rng(6)
    log_input = torch.log_softmax(torch_f64(rng.normal(size=(2, 5))), dim=1)
    target = torch.softmax(torch_f64(rng.normal(size=(2, 5))), dim=1)
    expected = F.kl_div(log_input, target, reduction="batchmean").item()
    assert np.mean(xc.kl_divergence(target.numpy(), np.exp(log_input.numpy()))) == pytest.approx(expected, rel=1e-12)


@needs_torch
def test_torch_cross_entropy_gradient_matches_autograd_with_everything_on():
    rng = np.random.default_rng(7)
    logits, target, weight = rng.normal(size=(6, 4)), rng.integers(0, 4, 6), rng.random(4)
    z = torch_f64(logits).requires_grad_()
    F.cross_entropy(z, torch.tensor(target), weight=torch_f64(weight), label_smoothing=0.1).backward()
    np.testing.assert_allclose(xc.softmax_cross_entropy_grad(logits, target, weight=weight, label_smoothing=0.1),
                               z.grad.numpy(), rtol=1e-12, atol=1e-17)
