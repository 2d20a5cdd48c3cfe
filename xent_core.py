"""The mathematics of the xent course: information, entropy, cross-entropy and its gradients.

Every function is vectorized over any leading batch shape and is exact: ``+inf`` where the
mathematics says so, ``0 * log 0 = 0``, and no hidden clipping or renormalizing. Bad input raises
a ``ValueError`` (or ``TypeError`` for non-numbers) that names the argument, the bad value and
its position, and says how to fix it.

Conventions
-----------
* Logarithms are natural (nats) unless ``base`` is given; ``base=2`` gives bits.
* The class (or outcome) axis is the last one, ``axis=-1``, unless a function takes ``axis``.
* Loss functions take the prediction first and the target second, as PyTorch does;
  information-theory functions take the reference distribution ``p`` first.
* ``reduction`` is ``"mean"`` (the default), ``"sum"`` or ``"none"``, as in PyTorch. One rule for
  empty batches, in every loss and gradient: ``"mean"`` over nothing raises a ``ValueError``
  (it is 0/0; PyTorch returns nan), ``"sum"`` over nothing is 0, ``"none"`` is an empty array.
* Auxiliary arguments (``weight``, ``pos_weight``) never change the loss's shape: they must
  broadcast *to* the target's shape.
* A result with no axes is a NumPy scalar (``np.float64`` or ``np.float32``), never a 0-d array.

Dtypes
------
float32 and float64 are computed and returned as given (mixing them gives float64, as NumPy
does; ``softmax_cross_entropy`` computes in the dtype of its logits). float16 is computed and
returned in float32: its largest value is 65504 and it carries 3 digits, so a sum of 100,000
losses overflows to ``inf`` and a mean becomes ``nan`` (pytorch#85791). Every other real number
(integers, booleans, long double) becomes float64; complex numbers and other types raise.

Accuracy
--------
Every loss is computed as a sum of terms of one sign, so in float64 a finite result has a
relative error below 1e-12, however small: the loss of a confident right answer (``-log(1 -
tiny)``) keeps its digits, and ``log(1 + tiny)`` is formed with ``log1p``. The same holds for
the gradients of class-index and 0/1 targets (at the true class ``p - 1`` is formed without
cancellation). A gradient against soft targets is ``p - t``, which cancels where the model
matches the target; there the error is relative to ``max(p, t)``. ``kl_divergence >= 0`` and
``cross_entropy >= entropy`` hold on every input that is accepted, not only in exact arithmetic.

The notebook that introduces each function is named in its docstring.
"""

import concurrent.futures
import math
import os
import sys
import threading

import numpy as np

__all__ = [  # in course order: the notebook that introduces each, 01 to 08
    "mean_squared_error",
    "mean_absolute_error",
    "information_content",
    "entropy",
    "kl_divergence",
    "cross_entropy",
    "bernoulli_likelihood",
    "bernoulli_log_likelihood",
    "binary_cross_entropy",
    "softmax",
    "log_softmax",
    "logsumexp",
    "sigmoid",
    "categorical_cross_entropy",
    "softmax_cross_entropy",
    "binary_cross_entropy_with_logits",
    "log_sigmoid",
    "sigmoid_mean_squared_error_grad",
    "binary_cross_entropy_with_logits_grad",
    "softmax_cross_entropy_grad",
    # beyond the notebooks
    "binary_focal_loss_with_logits",
    "softmax_focal_loss",
    "softmax_focal_loss_grad",
    "calibration_bins",
    "expected_calibration_error",
    "perplexity",
]
_REDUCTIONS = ("mean", "sum", "none")


# --------------------------------------------------------------------------------------------
# Validation: once, at the public boundary, with messages that say what to do.
# --------------------------------------------------------------------------------------------

def _as_float(x, name):
    """Return ``x`` as a float32 or float64 array (the dtype policy), or raise TypeError naming it."""
    array = np.asarray(x)
    if array.dtype in (np.float32, np.float64):
        return array
    if array.dtype == np.float16:
        return array.astype(np.float32)
    if np.issubdtype(array.dtype, np.floating) or np.issubdtype(array.dtype, np.integer) or array.dtype == np.bool_:
        return array.astype(np.float64)
    raise TypeError(
        f"{name} must be a real number or array of real numbers, got dtype {array.dtype}; "
        f"convert it with np.asarray({name}, dtype=float)."
    )


def _scalar(result):
    """A 0-d result as a NumPy scalar (``np.float64``/``np.float32``), arrays unchanged, as SciPy's ``out[()]``."""
    return result[()] if isinstance(result, np.ndarray) else result


def _position(array, mask):
    """Index tuple of the first True in ``mask``, as text (``""`` for a scalar)."""
    if array.ndim == 0:
        return ""
    return str(tuple(int(i) for i in np.argwhere(mask)[0])).replace(",)", ")")


def _check_not_nan(array, name):
    bad = np.isnan(array)
    if bad.any():
        raise ValueError(
            f"{name}{_position(array, bad)} is NaN; find where the NaN came from upstream "
            "(a 0/0 or inf - inf) and fix it there: no loss of NaN is meaningful."
        )


def _check_probabilities(array, name):
    _check_not_nan(array, name)
    bad = (array < 0) | (array > 1)
    if bad.any():
        where = _position(array, bad)
        value = array[tuple(np.argwhere(bad)[0])] if array.ndim else array
        raise ValueError(
            f"{name} must hold probabilities in [0, 1], but {name}{where} = {float(value)!r}; "
            "if these are logits (raw scores), apply softmax or sigmoid first, or call the "
            "*_with_logits / softmax_cross_entropy variant."
        )


def _check_distribution(array, name, axis):
    """Probabilities that sum to 1 along ``axis``, within about sqrt(machine epsilon)."""
    _check_probabilities(array, name)
    if array.ndim == 0:
        raise ValueError(f"{name} must be a distribution (an array along axis {axis}), got a scalar.")
    if array.shape[axis] == 0:
        raise ValueError(f"{name} has an empty axis {axis}: a distribution needs at least one outcome.")
    totals = array.sum(axis=axis)
    bad = np.abs(totals - 1) > math.sqrt(np.finfo(array.dtype).eps) * max(1.0, math.log2(array.shape[axis]))
    if np.any(bad):
        where = _position(totals, bad)
        total = totals[tuple(np.argwhere(bad)[0])] if totals.ndim else totals
        row = f" at batch index {where}" if where else ""
        raise ValueError(
            f"{name} must sum to 1 along axis {axis}, but it sums to {float(total):.6g}{row}; "
            f"it is not a probability distribution. If you meant to, normalize it yourself "
            f"({name} / {name}.sum(axis={axis}, keepdims=True)); xent_core never renormalizes silently."
        )


def _check_same_shape(prediction, target, prediction_name, target_name):
    if prediction.shape != target.shape:
        raise ValueError(
            f"{prediction_name} has shape {prediction.shape} but {target_name} has shape "
            f"{target.shape}; they must match exactly (xent_core does not broadcast a prediction "
            "against its target, because that silently compares the wrong pairs)."
        )


def _is_real_number(value):
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)


def _check_reduction(reduction):
    if reduction not in _REDUCTIONS:
        raise ValueError(f"reduction must be one of {_REDUCTIONS}, got {reduction!r}.")


def _check_base(base):
    if base is None:
        return 1.0
    if not (np.isscalar(base) and np.isreal(base)) or not base > 0 or base == 1 or not np.isfinite(base):
        raise ValueError(f"base must be a positive number other than 1 (2 for bits, None for nats), got {base!r}.")
    return math.log(base)


def _check_logits(array, name):
    """Logits may be any real number or -inf (a class that is ruled out), never NaN or +inf."""
    _check_not_nan(array, name)
    bad = np.isposinf(array)
    if bad.any():
        raise ValueError(
            f"{name}{_position(array, bad)} is +inf; a logit must be finite (or -inf to rule a "
            "class out). Check for an overflow upstream."
        )


def _check_two_distributions(p, q, axis):
    p, q = _as_float(p, "p"), _as_float(q, "q")
    _check_same_shape(p, q, "p", "q")
    _check_distribution(p, "p", axis)
    _check_distribution(q, "q", axis)
    return p, q


def _check_pos_weight(pos_weight, target):
    if pos_weight is None:
        return 1
    pos_weight = _as_float(pos_weight, "pos_weight")
    _check_not_nan(pos_weight, "pos_weight")
    if (pos_weight < 0).any() or not np.isfinite(pos_weight).all():
        raise ValueError("pos_weight must be finite and >= 0 (one weight per label, e.g. n_negative / n_positive).")
    try:
        fits = np.broadcast_shapes(pos_weight.shape, target.shape) == target.shape
    except ValueError:
        fits = False
    if not fits:
        raise ValueError(
            f"pos_weight of shape {pos_weight.shape} does not broadcast to target's shape "
            f"{target.shape} (an auxiliary argument must not change the loss's shape); give one "
            f"weight per label, shape ({target.shape[-1] if target.ndim else 1},), or the shape of target."
        )
    return pos_weight


def _check_binary_logits_args(logits, target, pos_weight, reduction):
    _check_reduction(reduction)
    logits, target = _as_float(logits, "logits"), _as_float(target, "target")
    _check_same_shape(logits, target, "logits", "target")
    _check_not_nan(logits, "logits")
    _check_probabilities(target, "target")
    return logits, target, _check_pos_weight(pos_weight, target)


def _check_regression_args(pred, target, reduction):
    _check_reduction(reduction)
    pred, target = _as_float(pred, "pred"), _as_float(target, "target")
    _check_same_shape(pred, target, "pred", "target")
    _check_not_nan(pred, "pred")
    _check_not_nan(target, "target")
    return pred, target


def _check_class_indices(target, n_classes):
    """Integer class indices in [0, n_classes), as intp."""
    bad = (target < 0) | (target >= n_classes)
    if bad.any():
        raise ValueError(
            f"target{_position(target, bad)} = {target[bad][0] if target.ndim else target} is "
            f"not a class index: indices must be integers in [0, {n_classes - 1}]."
        )
    return target.astype(np.intp)


def _check_focal_args(gamma, alpha, alpha_shape):
    if not (_is_real_number(gamma) and 0 <= gamma < np.inf):
        raise ValueError(f"gamma must be a finite number >= 0 (2 in the paper; 0 gives cross-entropy), got {gamma!r}.")
    if alpha is None:
        return None
    alpha = _as_float(alpha, "alpha")
    _check_probabilities(alpha, "alpha")
    if alpha.shape not in ((), alpha_shape):
        raise ValueError(
            f"alpha has shape {alpha.shape}; give one number in [0, 1]"
            + (f" or one weight per class, shape {alpha_shape}." if alpha_shape else ".")
        )
    return alpha


def _check_bernoulli_args(theta, outcomes):
    theta = _as_float(theta, "theta")
    _check_probabilities(theta, "theta")
    outcomes = np.asarray(outcomes)
    if outcomes.ndim == 0:
        raise ValueError("outcomes must be an array of 0/1 outcomes along its last axis, got a scalar; pass [x].")
    bad = (outcomes != 0) & (outcomes != 1)
    if bad.any():
        raise ValueError(
            f"outcomes{_position(outcomes, bad)} = {outcomes[bad][0].item()!r}; outcomes must be 0 "
            "(failure, e.g. tails) or 1 (success, e.g. heads)."
        )
    successes = outcomes.sum(axis=-1).astype(theta.dtype)
    return theta, successes, outcomes.shape[-1] - successes


# --------------------------------------------------------------------------------------------
# Reductions and exact elementwise pieces shared by the public functions
# --------------------------------------------------------------------------------------------

def _reduce(losses, reduction, count=None):
    """Apply ``reduction`` to per-element losses; ``count`` is the divisor for "mean"."""
    if reduction == "none":
        return _scalar(losses)
    total = losses.sum(dtype=losses.dtype)
    if reduction == "sum":
        return total
    _check_mean_not_empty(losses.shape)
    return total / (losses.size if count is None else count)


def _check_mean_not_empty(shape):
    """The one rule for empty batches: a mean over nothing is 0/0, so it raises."""
    if math.prod(shape) == 0:
        raise ValueError(
            f"reduction='mean' over an empty batch (losses of shape {shape}) is 0/0: there is "
            "nothing to average. Use reduction='sum' (0 for an empty batch) or 'none' (an empty "
            "array), or check why the batch is empty."
        )


def _mean_gradient(grad, reduction):
    """The gradient of the reduced loss from the per-element one (same empty-batch rule)."""
    if reduction != "mean":
        return _scalar(grad)
    _check_mean_not_empty(grad.shape)
    return _scalar(grad / grad.size)


def _negated_sum(terms, axis):
    """-sum(terms): written 0 - sum so that a zero loss prints as 0, not -0."""
    return 0.0 - terms.sum(axis=axis)


def _xlogy(x, y):
    """x * log(y) with the convention 0 * log(anything) = 0 (so 0 * log 0 = 0)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x == 0, 0, x * np.log(np.where(x == 0, 1, y)))


def _xmul(coefficient, log_value):
    """coefficient * log_value with 0 * (-inf) = 0."""
    return np.where(coefficient == 0, 0, coefficient * np.where(coefficient == 0, 0, log_value))


# Taylor coefficients of f(d) / d**2 = sum_k (-1)**k d**(k-2) / (k (k-1)), k >= 2, where
# f(d) = (1 + d) log(1 + d) - d; for |d| < 1/8 the 19 terms below reach float64 rounding.
_KL_SERIES = tuple((-1) ** k / (k * (k - 1)) for k in range(2, 21))
_KL_SERIES_RADIUS = 0.125


def _kl_terms(p, q):
    """Terms ``p log(p/q) - p + q`` of the generalized KL divergence, each >= 0 and accurate.

    With ``d = (p - q) / q`` a term is ``q f(d)``, ``f(d) = (1 + d) log(1 + d) - d >= 0``. Near
    ``p = q`` (|d| < 1/8) f is summed from its Taylor series, ``(p - q) d (1/2 - d/6 + ...)``, so
    no digit is lost to cancellation (``p - q`` is exact there, Sterbenz's lemma); elsewhere the
    direct form loses at most a few bits. ``0 log(0/q) = 0``; ``p > 0 = q`` gives ``+inf``.
    """
    with np.errstate(divide="ignore", over="ignore", invalid="ignore"):
        d = (p - q) / q
        near = np.abs(d) < _KL_SERIES_RADIUS
        series = np.zeros_like(d)
        for coefficient in reversed(_KL_SERIES):
            series = series * d + coefficient
        ratio = p / q
        # log(p/q) unless the ratio over- or underflows; then log p - log q is still exact.
        log_ratio = np.where(np.isfinite(ratio) & (ratio > 0), np.log(ratio), np.log(p) - np.log(q))
        far = np.where(p == 0, q, p * log_ratio - p + q)
        return np.where(near, (p - q) * d * series, far)


def _cross_entropy_nats(p, q, axis):
    """``H(p, q) = H(p) + D(p || q)`` in nats, with the generalized D (>= 0): never below ``H(p)``."""
    return _negated_sum(_xlogy(p, p), axis) + _kl_terms(p, q).sum(axis=axis)


def _shifted_logits(z, name, axis):
    """``z - max(z)`` along ``axis`` after checking ``z``; each slice must have a finite logit."""
    z = _as_float(z, name)
    _check_logits(z, name)
    if z.ndim == 0 or z.shape[axis] == 0:
        raise ValueError(f"{name} needs a non-empty class axis {axis}, got shape {z.shape}.")
    m = z.max(axis=axis, keepdims=True)
    bad = np.isneginf(m)
    if bad.any():
        raise ValueError(
            f"{name} is -inf for every class at batch index {_position(m, bad)}: no class is "
            "possible, so there is no distribution. Give at least one class a finite logit."
        )
    return z - m


def _log_sum_exp_shifted(shifted, axis):
    """``log sum exp(shifted)`` along ``axis`` (keepdims) for ``shifted`` whose maximum is 0.

    The top term is ``e^0 = 1``; the others are summed on their own and added with ``log1p``, so
    ``log(1 + tiny)`` keeps its digits (``log(1 + 1e-18)`` is ``1e-18``, not 0).
    """
    exps = np.exp(shifted)
    np.put_along_axis(exps, np.argmax(shifted, axis=axis, keepdims=True), 0, axis=axis)
    return np.log1p(exps.sum(axis=axis, keepdims=True))


def _sigmoid(x):
    """Sigmoid of a checked float array (the exponent is always ``-|x| <= 0``)."""
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1 / (1 + e), e / (1 + e))


def _log_sigmoid(x):
    """log sigmoid of a checked float array: two terms of one sign, so no cancellation."""
    return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


# --------------------------------------------------------------------------------------------
# 01 Measuring error
# --------------------------------------------------------------------------------------------

def mean_squared_error(pred, target, reduction="mean"):
    """Squared error ``(pred - target)**2`` (L2 loss, least squares), reduced.

    Parameters
    ----------
    pred, target : array_like
        Real numbers of the same shape.
    reduction : {"mean", "sum", "none"}, optional

    Returns
    -------
    ndarray or scalar

    Raises
    ------
    ValueError
        If the shapes differ, an input is NaN, or ``reduction`` is unknown; ``"mean"`` of an
        empty batch.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\text{MSE} = \\frac{1}{n} \\sum_i (\\hat y_i - y_i)^2

    Introduced in ``01_measuring_error.ipynb``.

    Examples
    --------
    >>> print(round(float(mean_squared_error([10, 10, 20], [30, 20, 50])), 4))
    466.6667
    """
    pred, target = _check_regression_args(pred, target, reduction)
    return _reduce((pred - target) ** 2, reduction)


def mean_absolute_error(pred, target, reduction="mean"):
    """Absolute error ``|pred - target|`` (L1 loss), reduced.

    Parameters
    ----------
    pred, target : array_like
        Real numbers of the same shape.
    reduction : {"mean", "sum", "none"}, optional

    Returns
    -------
    ndarray or scalar

    Raises
    ------
    ValueError
        If the shapes differ, an input is NaN, or ``reduction`` is unknown; ``"mean"`` of an
        empty batch.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\text{MAE} = \\frac{1}{n} \\sum_i |\\hat y_i - y_i|

    Introduced in ``01_measuring_error.ipynb``.

    Examples
    --------
    The notes' L1 example: output (10, 10, 20) against target (30, 20, 50). The errors are
    20, 10 and 30 (the notes write 50 - 10 = 40 for the last one and get 70 and 23.33).

    >>> print(mean_absolute_error([10, 10, 20], [30, 20, 50], reduction="sum"))
    60.0
    >>> print(mean_absolute_error([10, 10, 20], [30, 20, 50]))
    20.0
    """
    pred, target = _check_regression_args(pred, target, reduction)
    return _reduce(np.abs(pred - target), reduction)


# --------------------------------------------------------------------------------------------
# 02 Information content
# --------------------------------------------------------------------------------------------

def information_content(p, base=None):
    """Information content (surprisal, 信息量) of an event of probability ``p``.

    Parameters
    ----------
    p : array_like
        Probabilities in [0, 1]; any shape, computed elementwise.
    base : float, optional
        Logarithm base: None for nats (natural log), 2 for bits.

    Returns
    -------
    ndarray or scalar
        ``-log(p)``; ``+inf`` where ``p == 0`` (an impossible event would be infinitely surprising).

    Raises
    ------
    ValueError
        If ``p`` is NaN or outside [0, 1], or ``base`` is not a positive number other than 1.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: I(p) = -\\log_b p

    It is the only continuous function with ``I(p q) = I(p) + I(q)`` that decreases in ``p``
    (up to the choice of base). Introduced in ``02_information_content.ipynb``.

    Examples
    --------
    Argentina wins a three-round bracket with probability 1/8: three bits, the sum of
    reaching the final (1/4: two bits) and winning it (1/2: one bit).

    >>> print(information_content([1/8, 1/4, 1/2], base=2))
    [3. 2. 1.]
    >>> print(round(float(information_content(0.7)), 4))  # nats
    0.3567
    """
    log_base = _check_base(base)
    p = _as_float(p, "p")
    _check_probabilities(p, "p")
    with np.errstate(divide="ignore"):
        return _scalar((0.0 - np.log(p)) / log_base)  # 0 - x, not -x: a certain event carries 0 bits, not -0


# --------------------------------------------------------------------------------------------
# 03 Entropy
# --------------------------------------------------------------------------------------------

def entropy(p, base=None, axis=-1):
    """Entropy (熵) of the distribution ``p``: its expected information content.

    Parameters
    ----------
    p : array_like
        A probability distribution along ``axis`` (entries in [0, 1] summing to 1); other axes
        are a batch.
    base : float, optional
        None for nats, 2 for bits.
    axis : int, optional
        The outcome axis, default the last.

    Returns
    -------
    ndarray or scalar
        ``H(p)``, one value per distribution.

    Raises
    ------
    ValueError
        If ``p`` is not a distribution along ``axis`` (NaN, outside [0, 1], or not summing to
        1), or ``base`` is invalid.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: H(p) = -\\sum_i p_i \\log_b p_i, \\qquad 0 \\log 0 = 0

    Unlike ``scipy.stats.entropy``, ``p`` is not renormalized: a ``p`` that does not sum to 1
    raises. Introduced in ``03_entropy.ipynb``.

    Examples
    --------
    The laptop-boot table: boots 0.7, won't boot 0.2, explodes 0.1.

    >>> print(round(float(entropy([0.7, 0.2, 0.1])), 4))
    0.8018
    >>> print(entropy([[0.5, 0.5], [1.0, 0.0]], base=2))  # a fair coin, a certain one
    [1. 0.]
    """
    log_base = _check_base(base)
    p = _as_float(p, "p")
    _check_distribution(p, "p", axis)
    return _scalar(_negated_sum(_xlogy(p, p), axis) / log_base)


# --------------------------------------------------------------------------------------------
# 04 KL divergence and cross-entropy
# --------------------------------------------------------------------------------------------

def kl_divergence(p, q, base=None, axis=-1):
    """Kullback-Leibler divergence (相对熵 / KL 散度) of ``q`` from ``p``.

    Parameters
    ----------
    p : array_like
        The reference distribution along ``axis``.
    q : array_like
        The approximating distribution, same shape as ``p``.
    base : float, optional
        None for nats, 2 for bits.
    axis : int, optional
        The outcome axis, default the last.

    Returns
    -------
    ndarray or scalar
        ``D_KL(p || q) >= 0``, zero exactly when ``p == q``; ``+inf`` where some ``q_i = 0`` has
        ``p_i > 0``.

    Raises
    ------
    ValueError
        If ``p`` and ``q`` differ in shape, or either is not a distribution along ``axis``.

    Notes
    -----
    .. math:: D_{KL}(p \\| q) = \\sum_i p_i \\log_b \\frac{p_i}{q_i}
              = \\sum_i p_i \\,(I_q(i) - I_p(i))

    the ``p``-weighted difference of information. In this sum terms with ``p_i = 0`` are 0. It is not
    symmetric. Introduced in ``04_kl_divergence_and_cross_entropy.ipynb``.

    It is computed in the generalized form (as ``scipy.special.kl_div``)

    .. math:: D(p \\| q) = \\sum_i \\big(p_i \\log \\tfrac{p_i}{q_i} - p_i + q_i\\big)

    which equals the KL divergence when ``p`` and ``q`` each sum to 1, and whose every term is
    ``>= 0`` (``x log x - x + 1 >= 0`` with ``x = p_i / q_i``). Why: the distributions accepted
    sum to 1 only within a rounding tolerance, and on such a ``q`` the plain sum can be negative
    (float32 ``q = [.5003, .5]`` against ``p = [.5, .5]`` gives ``-3.0e-4``), contradicting
    Gibbs' inequality; the generalized sum cannot. Near ``p_i = q_i`` each term is summed from its
    Taylor series in ``d = (p_i - q_i) / q_i``, ``q_i d^2 (1/2 - d/6 + d^2/12 - ...)``, so the
    result keeps its relative accuracy even when it is ``1e-28`` (``log(p/q)`` would lose every
    digit there; scipy gh-20710).

    Examples
    --------
    An overconfident model q judged against p, and the other way round:

    >>> p, q = [0.7, 0.2, 0.1], [0.98, 0.01, 0.01]
    >>> print(round(float(kl_divergence(p, q)), 4), round(float(kl_divergence(q, p)), 4))
    0.5939 0.2768
    >>> print(round(float(kl_divergence([0.9, 0.1], [0.5, 0.5], base=2)), 4))
    0.531
    """
    log_base = _check_base(base)
    p, q = _check_two_distributions(p, q, axis)
    return _scalar(_kl_terms(p, q).sum(axis=axis) / log_base)


def cross_entropy(p, q, base=None, axis=-1):
    """Cross-entropy (交叉熵) of ``q`` relative to ``p``: the information of ``p``'s outcomes measured with ``q``.

    Parameters
    ----------
    p : array_like
        The reference ("true") distribution along ``axis``.
    q : array_like
        The model's distribution, same shape as ``p``.
    base : float, optional
        None for nats, 2 for bits.
    axis : int, optional
        The outcome axis, default the last.

    Returns
    -------
    ndarray or scalar
        ``H(p, q)`` per distribution; ``+inf`` where some ``q_i = 0`` has ``p_i > 0``.

    Raises
    ------
    ValueError
        If ``p`` and ``q`` differ in shape, or either is not a distribution along ``axis``.

    See Also
    --------
    categorical_cross_entropy : ``(probs, target)``: the same quantity as a loss, prediction
        first; ``cross_entropy(p, q) == categorical_cross_entropy(q, p, reduction="none")``.
    softmax_cross_entropy : ``(logits, target)``: the loss from raw scores, prediction first.
    kl_divergence : ``(p, q)``: ``H(p, q) - H(p)``, reference distribution first.

    Notes
    -----
    .. math:: H(p, q) = -\\sum_i p_i \\log_b q_i = H(p) + D_{KL}(p \\| q)

    Terms with ``p_i = 0`` are 0 whatever ``q_i`` is. Introduced in
    ``04_kl_divergence_and_cross_entropy.ipynb``.

    It is computed as ``entropy(p) + kl_divergence(p, q)``, with the generalized, term-by-term
    non-negative divergence of :func:`kl_divergence`. On exact distributions that is the sum
    above; on a ``q`` that sums to 1 only within the rounding tolerance it adds ``sum(q) - 1``,
    so that ``H(p, q) >= H(p)`` holds on every accepted input (Gibbs' inequality) and
    ``H(p, q) = H(p) + D(p || q)`` holds to rounding.

    Examples
    --------
    >>> print(round(float(cross_entropy([0, 1, 0], [0.3, 0.6, 0.1])), 4))  # -ln 0.6
    0.5108
    >>> print(cross_entropy([0.5, 0.5], [1.0, 0.0]))
    inf
    """
    log_base = _check_base(base)
    p, q = _check_two_distributions(p, q, axis)
    return _scalar(_cross_entropy_nats(p, q, axis) / log_base)


# --------------------------------------------------------------------------------------------
# 05 Maximum likelihood
# --------------------------------------------------------------------------------------------

def bernoulli_likelihood(theta, outcomes):
    """Likelihood (似然) of a Bernoulli model with success probability ``theta`` for 0/1 outcomes.

    Parameters
    ----------
    theta : array_like
        Success probabilities in [0, 1]; broadcasts against ``outcomes.shape[:-1]``, so a whole
        curve over ``theta`` is one call.
    outcomes : array_like
        Independent trials, 0 or 1, along the last axis.

    Returns
    -------
    ndarray or scalar
        The probability of exactly this sequence of outcomes.

    Raises
    ------
    ValueError
        If ``theta`` is outside [0, 1] or NaN, or ``outcomes`` is a scalar or holds anything but
        0 and 1.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: L(\\theta) = \\prod_i \\theta^{x_i} (1 - \\theta)^{1 - x_i} = \\theta^k (1 - \\theta)^{n - k}

    with ``k`` successes in ``n`` trials (``0**0 = 1``). Underflows for long sequences: use
    :func:`bernoulli_log_likelihood`. Introduced in ``05_maximum_likelihood.ipynb``.

    Examples
    --------
    Ten coin flips with one head, under the three candidate models of the notes:

    >>> flips = [1] + [0] * 9
    >>> for theta, likelihood in zip([0.1, 0.7, 0.2], bernoulli_likelihood([0.1, 0.7, 0.2], flips)):
    ...     print(f"theta = {theta}: L = {likelihood:.6f}")
    theta = 0.1: L = 0.038742
    theta = 0.7: L = 0.000014
    theta = 0.2: L = 0.026844
    """
    theta, successes, failures = _check_bernoulli_args(theta, outcomes)
    return _scalar(theta**successes * (1 - theta) ** failures)


def bernoulli_log_likelihood(theta, outcomes):
    """Natural log of :func:`bernoulli_likelihood`, computed without underflow.

    Parameters
    ----------
    theta : array_like
        Success probabilities in [0, 1], broadcast as in :func:`bernoulli_likelihood`.
    outcomes : array_like
        0/1 trials along the last axis.

    Returns
    -------
    ndarray or scalar
        ``-inf`` where the outcomes are impossible under ``theta``.

    Raises
    ------
    ValueError
        If ``theta`` is outside [0, 1] or NaN, or ``outcomes`` is a scalar or holds anything but
        0 and 1.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\log L(\\theta) = \\sum_i \\big(x_i \\log\\theta + (1 - x_i)\\log(1 - \\theta)\\big)
              = k \\log\\theta + (n - k) \\log(1 - \\theta)

    Its negative, divided by ``n``, is the binary cross-entropy of the prediction ``theta``
    against the outcomes. Introduced in ``05_maximum_likelihood.ipynb``.

    Examples
    --------
    >>> print(round(float(bernoulli_log_likelihood(0.1, [1] + [0] * 9)), 4))
    -3.2508
    """
    theta, successes, failures = _check_bernoulli_args(theta, outcomes)
    with np.errstate(divide="ignore"):
        log_not_theta = np.log1p(-theta)  # log(1 - theta) loses all digits as theta -> 0
    return _scalar(_xlogy(successes, theta) + _xmul(failures, log_not_theta))


def binary_cross_entropy(probs, target, reduction="mean"):
    """Binary cross-entropy of predicted probabilities, elementwise (one or many labels).

    Parameters
    ----------
    probs : array_like
        Predicted probabilities of the positive outcome, in [0, 1]; in a multi-label problem,
        one independent sigmoid output per label.
    target : array_like
        Targets in [0, 1] (0/1 labels or soft labels), the same shape as ``probs``.
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over every element (as PyTorch's ``BCELoss``); for the loss of one
        multi-label sample as the notes write it, sum over its labels.

    Returns
    -------
    ndarray or scalar
        ``+inf`` where the true outcome has probability 0 (PyTorch clamps each log at -100).

    Raises
    ------
    ValueError
        If the shapes differ, ``probs`` or ``target`` is outside [0, 1] or NaN, or ``reduction``
        is unknown; ``"mean"`` of an empty batch.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\ell = -\\big(t \\log q + (1 - t) \\log(1 - q)\\big), \\qquad 0 \\log 0 = 0

    Introduced in ``05_maximum_likelihood.ipynb``.

    Examples
    --------
    The notes' multi-label example: labels (cat, frog, mouse) = (0, 1, 1), sigmoid outputs
    (0.1, 0.7, 0.8).

    >>> per_label = binary_cross_entropy([0.1, 0.7, 0.8], [0, 1, 1], reduction="none")
    >>> print(np.round(per_label, 4), round(float(per_label.sum()), 4))
    [0.1054 0.3567 0.2231] 0.6852
    """
    _check_reduction(reduction)
    probs, target = _as_float(probs, "probs"), _as_float(target, "target")
    _check_same_shape(probs, target, "probs", "target")
    _check_probabilities(probs, "probs")
    _check_probabilities(target, "target")
    with np.errstate(divide="ignore"):
        log_not_probs = np.log1p(-probs)  # log(1 - probs) loses all digits as probs -> 0
    return _reduce(0.0 - (_xlogy(target, probs) + _xmul(1 - target, log_not_probs)), reduction)


# --------------------------------------------------------------------------------------------
# 06 Softmax (and the sigmoid, its two-class case)
# --------------------------------------------------------------------------------------------

def softmax(z, axis=-1, temperature=1.0):
    """Softmax: turn real scores (logits) into a probability distribution.

    Parameters
    ----------
    z : array_like
        Logits: finite, or ``-inf`` for a class that is ruled out.
    axis : int, optional
        The class axis, default the last.
    temperature : float, optional
        ``T > 0``: the logits are divided by ``T``. Large ``T`` flattens the distribution
        towards uniform, small ``T`` sharpens it towards the arg max.

    Returns
    -------
    ndarray
        Entries in [0, 1] summing to 1 along ``axis``.

    Raises
    ------
    ValueError
        If ``z`` is a scalar, has an empty axis, holds NaN or ``+inf``, or a slice is ``-inf``
        throughout; if ``temperature`` is not a finite number > 0.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\operatorname{softmax}(z)_i = \\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}
              = \\frac{e^{z_i/T - m}}{\\sum_j e^{z_j/T - m}}

    Shifting by ``m = max(z/T)`` changes nothing mathematically and keeps every exponent
    ``<= 0``, so nothing overflows. Introduced in ``06_softmax.ipynb``.

    Examples
    --------
    >>> print(softmax([1000.0, 1000.0]))  # the naive exp(1000) overflows to inf / inf
    [0.5 0.5]
    >>> print(np.round(softmax([2.0, 1.0, 0.1]), 4))
    [0.659  0.2424 0.0986]
    """
    if not (_is_real_number(temperature) and temperature > 0 and np.isfinite(temperature)):
        raise ValueError(f"temperature must be a finite number > 0, got {temperature!r}.")
    z = _as_float(z, "z")
    # Shift first, then divide: (z - max z) / T <= 0, so a small T cannot overflow z / T to +inf.
    with np.errstate(over="ignore"):
        e = np.exp(_shifted_logits(z, "z", axis) / z.dtype.type(temperature))
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(z, axis=-1):
    """Logarithm of the softmax, computed directly so that it never takes ``log(0)``.

    Parameters
    ----------
    z : array_like
        Logits: finite, or ``-inf`` for a class that is ruled out.
    axis : int, optional
        The class axis, default the last.

    Returns
    -------
    ndarray
        ``log softmax(z)``, entries ``<= 0``.

    Raises
    ------
    ValueError
        If ``z`` is a scalar, has an empty axis, holds NaN or ``+inf``, or a slice is ``-inf``
        throughout.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\log \\operatorname{softmax}(z)_i = z_i - \\operatorname{LSE}(z)
              = (z_i - m) - \\log \\sum_j e^{z_j - m}

    Introduced in ``06_softmax.ipynb``.

    Examples
    --------
    >>> z = np.array([1000.0, 0.0])
    >>> with np.errstate(divide="ignore"):
    ...     print(np.log(softmax(z)))  # exp(-1000) underflows to 0, and log(0) = -inf
    [  0. -inf]
    >>> print(log_softmax(z))
    [    0. -1000.]
    """
    shifted = _shifted_logits(z, "z", axis)
    return shifted - _log_sum_exp_shifted(shifted, axis)


def logsumexp(z, axis=-1):
    """Log of the sum of exponentials, ``log(sum(exp(z)))``, without overflow.

    Parameters
    ----------
    z : array_like
        Real numbers; ``-inf`` entries contribute nothing, a ``+inf`` entry gives ``+inf``.
    axis : int, optional
        The axis to reduce, default the last.

    Returns
    -------
    ndarray or scalar

    Raises
    ------
    ValueError
        If ``z`` holds NaN or has an empty ``axis``.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\operatorname{LSE}(z) = m + \\log \\sum_i e^{z_i - m}, \\qquad m = \\max_i z_i

    Exact, because ``e^{z_i} = e^m e^{z_i - m}``; after the shift the largest term is
    ``e^0 = 1``, so nothing overflows and the sum is at least 1. Introduced in
    ``06_softmax.ipynb``.

    Examples
    --------
    >>> z = np.array([1000.0, 1000.0])
    >>> with np.errstate(over="ignore"):
    ...     print(np.log(np.sum(np.exp(z))))  # the naive formula overflows
    inf
    >>> print(round(float(logsumexp(z)), 6))  # 1000 + ln 2
    1000.693147
    """
    z = _as_float(z, "z")
    _check_not_nan(z, "z")
    if z.ndim == 0:
        return _scalar(z.copy())
    if z.shape[axis] == 0:
        raise ValueError(f"z has an empty axis {axis}: logsumexp needs at least one value.")
    m = z.max(axis=axis, keepdims=True)
    finite = np.isfinite(m)
    out = np.where(finite, m + _log_sum_exp_shifted(z - np.where(finite, m, 0), axis), m)
    return _scalar(np.squeeze(out, axis=axis))


def sigmoid(x):
    """Logistic sigmoid ``1 / (1 + exp(-x))``, elementwise, without overflow.

    Parameters
    ----------
    x : array_like
        Real numbers; ``+inf`` gives 1 and ``-inf`` gives 0.

    Returns
    -------
    ndarray or scalar
        Values in [0, 1].

    Raises
    ------
    ValueError
        If ``x`` holds NaN.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\sigma(x) = \\frac{1}{1 + e^{-x}} = \\frac{e^{x}}{1 + e^{x}}

    The first form is used for ``x >= 0`` and the second for ``x < 0``, so the exponent is
    always ``-|x| <= 0``. Introduced in ``06_softmax.ipynb``.

    Examples
    --------
    >>> print(sigmoid([-1000.0, 0.0, 1000.0]))
    [0.  0.5 1. ]
    """
    x = _as_float(x, "x")
    _check_not_nan(x, "x")
    return _scalar(_sigmoid(x))


# --------------------------------------------------------------------------------------------
# 07 Cross-entropy for classification
# --------------------------------------------------------------------------------------------

def categorical_cross_entropy(probs, target, reduction="mean"):
    """Cross-entropy of predicted class probabilities against the true classes, exactly.

    Parameters
    ----------
    probs : array_like, shape (..., C)
        Predicted distributions (rows summing to 1), for example a softmax output.
    target : array_like
        Integer class indices of shape ``(...)``, or target distributions (one-hot or soft) of
        shape ``(..., C)``.
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over samples.

    Returns
    -------
    ndarray or scalar
        ``+inf`` for a sample whose true class has probability 0. No clipping (Keras clips
        probabilities to [1e-7, 1 - 1e-7] and renormalizes; see ``09_cross_entropy_in_frameworks``).

    Raises
    ------
    ValueError
        If ``probs`` is not a distribution along the last axis, ``target`` is neither integer
        class indices in range nor distributions of ``probs``' shape, or ``reduction`` is
        unknown; ``"mean"`` of an empty batch.
    TypeError
        If an input is not made of real numbers.

    See Also
    --------
    cross_entropy : ``(p, q)``: the reference (target) distribution comes first there, so
        ``categorical_cross_entropy(probs, target) == cross_entropy(target, probs)`` per sample.
    softmax_cross_entropy : ``(logits, target)``: the same loss from raw scores, computed without
        forming ``log(softmax)``; prefer it when you have logits.

    Notes
    -----
    .. math:: \\ell = -\\sum_c t_c \\log q_c \\;=\\; -\\log q_y \\text{ for a one-hot target}

    Introduced in ``07_cross_entropy_for_classification.ipynb``.

    Examples
    --------
    >>> print(round(float(categorical_cross_entropy([0.1, 0.1, 0.8], [0, 0, 1])), 4))  # -ln 0.8
    0.2231
    >>> print(np.round(categorical_cross_entropy([[0.3, 0.6, 0.1], [0.1, 0.2, 0.7]], [1, 2], reduction="none"), 4))
    [0.5108 0.3567]
    """
    _check_reduction(reduction)
    probs = _as_float(probs, "probs")
    _check_distribution(probs, "probs", -1)
    target = np.asarray(target)
    if target.shape == probs.shape[:-1] and not np.issubdtype(target.dtype, np.integer):
        raise ValueError(
            f"target has dtype {target.dtype} and the shape of class indices {target.shape}; "
            "class indices must be integers (use target.astype(int)), or pass target "
            "distributions with the same shape as probs."
        )
    if target.shape == probs.shape[:-1]:
        picked = np.take_along_axis(probs, _check_class_indices(target, probs.shape[-1])[..., None], axis=-1)[..., 0]
        with np.errstate(divide="ignore"):
            return _reduce(0.0 - np.log(picked), reduction)
    target = _as_float(target, "target")
    _check_same_shape(probs, target, "probs", "target")
    _check_distribution(target, "target", -1)
    return _reduce(_cross_entropy_nats(target, probs, -1), reduction)


def softmax_cross_entropy(logits, target, weight=None, ignore_index=None, label_smoothing=0.0, reduction="mean"):
    """Cross-entropy of softmax(logits) against a target: PyTorch's ``F.cross_entropy``, exactly.

    Parameters
    ----------
    logits : array_like, shape (..., C)
        Raw scores; the class axis is the **last** one (PyTorch's is axis 1: for an image-shaped
        ``(N, C, H, W)`` array pass ``np.moveaxis(logits, 1, -1)``).
    target : array_like
        Either integer class indices of shape ``(...)``, or class probabilities of shape
        ``(..., C)`` (each row a distribution).
    weight : array_like, shape (C,), optional
        A non-negative weight per class.
    ignore_index : int, optional
        Class-index targets equal to this contribute nothing and are not counted in the mean.
        With probability targets, as in PyTorch, a negative ``ignore_index`` (PyTorch's default
        is -100) is accepted and has no effect, and a non-negative one raises.
    label_smoothing : float, optional
        ``eps`` in [0, 1]: the target becomes ``(1 - eps) * target + eps / C``.
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` divides the sum by the total weight of the (kept) targets for index targets
        (``sum_n w[y_n]``; the count when there are no weights), and by the number of samples
        for probability targets, as PyTorch does.

    Returns
    -------
    ndarray or scalar
        The reduced loss, or per-sample losses of shape ``(...)`` for ``"none"``.

    Raises
    ------
    ValueError
        If the logits hold NaN or ``+inf`` (or a row is ``-inf`` throughout), ``target`` has
        neither shape, an index is out of range, ``weight`` is not ``(C,)`` finite and >= 0,
        ``ignore_index`` is not an integer (or is >= 0 with probability targets),
        ``label_smoothing`` is outside [0, 1], or ``reduction`` is unknown; ``"mean"`` over no
        targets or a total weight of 0.
    TypeError
        If an input is not made of real numbers.

    See Also
    --------
    categorical_cross_entropy : ``(probs, target)``: the same loss from probabilities, prediction
        first; equals ``softmax_cross_entropy(logits, target)`` for ``probs = softmax(logits)``.
    cross_entropy : ``(p, q)``: the information-theory form, reference distribution first:
        ``cross_entropy(target, softmax(logits))``.
    softmax_cross_entropy_grad : its gradient with respect to the logits.

    Notes
    -----
    For a sample with logits ``z`` and coefficients ``a_c`` (the weighted, smoothed target),

    .. math:: \\ell = -\\sum_c a_c \\log \\operatorname{softmax}(z)_c
              = \\Big(\\sum_c a_c\\Big) \\operatorname{LSE}(z) - \\sum_c a_c z_c

    For an index target ``y``: ``a = (1 - eps) w_y e_y + (eps / C) w``, so without weights or
    smoothing ``l = LSE(z) - z_y``. For probability targets ``t``: ``a = w * ((1 - eps) t + eps/C)``.
    The logits are processed in cache-sized row blocks (on all cores for large inputs), so the
    working memory stays near a megabyte a core however large the batch. Introduced in
    ``07_cross_entropy_for_classification.ipynb``; the framework options in
    ``09_cross_entropy_in_frameworks.ipynb``.

    Examples
    --------
    The PyTorch example of the notes: logits [2.0, 1.0, 0.1], true class 0.

    >>> print(round(float(softmax_cross_entropy([[2.0, 1.0, 0.1]], [0])), 4))
    0.417
    >>> print(np.round(softmax_cross_entropy([[2.0, 1.0, 0.1], [0.0, 5.0, 0.0]], [0, -100],
    ...                                      ignore_index=-100, reduction="none"), 4))
    [0.417 0.   ]
    """
    problem = _SoftmaxCrossEntropyProblem(logits, target, weight, ignore_index, label_smoothing, reduction)
    losses = problem.losses()
    if reduction == "none":
        return _scalar(losses.reshape(problem.batch_shape))
    return _reduce(losses, reduction, problem.denominator)


def binary_cross_entropy_with_logits(logits, target, pos_weight=None, reduction="mean"):
    """Binary cross-entropy of ``sigmoid(logits)``, computed from the logits without overflow.

    Parameters
    ----------
    logits : array_like
        Raw scores, one per label; ``+-inf`` are allowed (and never give NaN).
    target : array_like
        Targets in [0, 1], the same shape as ``logits``.
    pos_weight : array_like, optional
        Weight of the positive term, one per label (shape ``(L,)`` for targets ``(..., L)``), as
        PyTorch's ``BCEWithLogitsLoss``; it must broadcast *to* the shape of ``target`` (a
        ``pos_weight`` that would enlarge the loss raises).
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over every element.

    Returns
    -------
    ndarray or scalar

    Raises
    ------
    ValueError
        If the shapes differ, ``logits`` hold NaN, ``target`` is outside [0, 1], ``pos_weight``
        is negative, not finite or does not broadcast to ``target``'s shape, or ``reduction`` is
        unknown; ``"mean"`` of an empty batch.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\ell = -\\big(w_+ \\, t \\log \\sigma(x) + (1 - t) \\log \\sigma(-x)\\big)

    with ``log sigmoid`` computed stably (see :func:`log_sigmoid`); terms whose coefficient is 0
    are 0 even where the log is ``-inf``. Introduced in ``07_cross_entropy_for_classification.ipynb``.

    Examples
    --------
    A confident wrong answer costs its logit; a confident right one costs nothing.

    >>> print(binary_cross_entropy_with_logits([-800.0, 0.0, 800.0], [1, 1, 1], reduction="none").tolist())
    [800.0, 0.6931471805599453, 0.0]
    """
    logits, target, pos_weight = _check_binary_logits_args(logits, target, pos_weight, reduction)
    positive = _xmul(pos_weight * target, _log_sigmoid(logits))
    negative = _xmul(1 - target, _log_sigmoid(-logits))
    return _reduce(0.0 - (positive + negative), reduction)


def log_sigmoid(x):
    """``log(sigmoid(x))``, elementwise, accurate for large ``|x|``.

    Parameters
    ----------
    x : array_like
        Real numbers; ``+inf`` gives 0 and ``-inf`` gives ``-inf``.

    Returns
    -------
    ndarray or scalar
        Values ``<= 0``.

    Raises
    ------
    ValueError
        If ``x`` holds NaN.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\log \\sigma(x) = \\min(x, 0) - \\log(1 + e^{-|x|})

    computed with ``log1p``. Note ``log(1 - sigmoid(x)) = log_sigmoid(-x)``. Introduced in
    ``07_cross_entropy_for_classification.ipynb``.

    Examples
    --------
    >>> with np.errstate(divide="ignore"):
    ...     print(np.log(sigmoid(-800.0)))  # sigmoid underflows to 0
    -inf
    >>> print(log_sigmoid(-800.0))
    -800.0
    """
    x = _as_float(x, "x")
    _check_not_nan(x, "x")
    return _scalar(_log_sigmoid(x))


# --------------------------------------------------------------------------------------------
# 08 Why not MSE: the gradients
# --------------------------------------------------------------------------------------------

def sigmoid_mean_squared_error_grad(logits, target, reduction="mean"):
    """Gradient of ``mean_squared_error(sigmoid(logits), target)`` with respect to the logits.

    Parameters
    ----------
    logits : array_like
        Raw scores.
    target : array_like
        Targets in [0, 1], the same shape.
    reduction : {"mean", "sum", "none"}, optional
        For ``"none"``, the elementwise derivative.

    Returns
    -------
    ndarray, shape of ``logits``

    Raises
    ------
    ValueError
        If the shapes differ, ``logits`` hold NaN, ``target`` is outside [0, 1], or
        ``reduction`` is unknown; ``"mean"`` of an empty batch.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\frac{\\partial}{\\partial x} (\\sigma(x) - t)^2 = 2(\\sigma(x) - t)\\,\\sigma(x)(1 - \\sigma(x))

    The factor ``sigma(x)(1 - sigma(x)) <= 1/4`` vanishes as ``|x|`` grows, so a confidently
    wrong prediction gets almost no gradient: why MSE learns slowly on a sigmoid output
    (compare :func:`binary_cross_entropy_with_logits_grad`). Introduced in ``08_why_not_mse.ipynb``.

    Examples
    --------
    >>> print(np.round(sigmoid_mean_squared_error_grad([-10.0, 0.0], [1, 1], reduction="none"), 5))
    [-9.0e-05 -2.5e-01]
    """
    logits, target = _as_float(logits, "logits"), _as_float(target, "target")
    _check_same_shape(logits, target, "logits", "target")
    _check_reduction(reduction)
    _check_not_nan(logits, "logits")
    _check_probabilities(target, "target")
    s, s_minus = _sigmoid(logits), _sigmoid(-logits)  # sigma(-x) = 1 - sigma(x), without cancellation
    grad = 2 * (s * (1 - target) - target * s_minus) * s * s_minus
    return _mean_gradient(grad, reduction)


def binary_cross_entropy_with_logits_grad(logits, target, pos_weight=None, reduction="mean"):
    """Gradient of :func:`binary_cross_entropy_with_logits` with respect to the logits.

    Parameters
    ----------
    logits, target, pos_weight, reduction
        As for :func:`binary_cross_entropy_with_logits`; for ``"none"``, the elementwise derivative.

    Returns
    -------
    ndarray, shape of ``logits``

    Raises
    ------
    ValueError
        As :func:`binary_cross_entropy_with_logits`.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\frac{\\partial \\ell}{\\partial x} = \\sigma(x)\\,(w_+ t + 1 - t) - w_+ t
              \\;=\\; \\sigma(x) - t \\text{ when } w_+ = 1

    The error itself: large when the model is confidently wrong. Compare
    :func:`sigmoid_mean_squared_error_grad`. Introduced in ``08_why_not_mse.ipynb``.

    Examples
    --------
    >>> print(binary_cross_entropy_with_logits_grad([-10.0, 0.0, 10.0], [1, 1, 1], reduction="none").round(4))
    [-1.  -0.5 -0. ]
    """
    logits, target, pos_weight = _check_binary_logits_args(logits, target, pos_weight, reduction)
    # sigma(x)(w t + 1 - t) - w t, written so that sigma(x) - 1 = -sigma(-x) never cancels
    grad = _sigmoid(logits) * (1 - target) - pos_weight * target * _sigmoid(-logits)
    return _mean_gradient(grad, reduction)


def softmax_cross_entropy_grad(logits, target, weight=None, ignore_index=None, label_smoothing=0.0, reduction="mean"):
    """Gradient of :func:`softmax_cross_entropy` with respect to the logits.

    Parameters
    ----------
    logits, target, weight, ignore_index, label_smoothing, reduction
        As for :func:`softmax_cross_entropy`. For ``reduction="none"`` the result is the
        gradient of each sample's own loss (equivalently, of their sum).

    Returns
    -------
    ndarray, shape of ``logits``

    Raises
    ------
    ValueError
        As :func:`softmax_cross_entropy`.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\frac{\\partial \\ell}{\\partial z_c} = \\Big(\\sum_k a_k\\Big)\\operatorname{softmax}(z)_c - a_c

    which for a one-hot target without weights is the famous ``softmax(z) - onehot(y)``, divided
    by the batch size for ``"mean"``. Rows of ignored targets are 0. Introduced in
    ``08_why_not_mse.ipynb``.

    Examples
    --------
    >>> print(np.round(softmax_cross_entropy_grad([[2.0, 1.0, 0.1]], [0]), 4))
    [[-0.341   0.2424  0.0986]]
    """
    problem = _SoftmaxCrossEntropyProblem(logits, target, weight, ignore_index, label_smoothing, reduction)
    return problem.gradient().reshape(problem.batch_shape + (problem.n_classes,))


# --------------------------------------------------------------------------------------------
# Beyond the course notebooks: focal loss and perplexity
# --------------------------------------------------------------------------------------------


def binary_focal_loss_with_logits(logits, target, gamma=2.0, alpha=None, reduction="mean"):
    """Focal loss of ``sigmoid(logits)``: binary cross-entropy that down-weights easy examples.

    Parameters
    ----------
    logits : array_like
        Raw scores, one per label; ``+-inf`` are allowed.
    target : array_like
        Targets in [0, 1] (0/1 labels or soft labels), the same shape as ``logits``.
    gamma : float, optional
        Focusing parameter ``>= 0``; 2 in the paper. ``gamma = 0`` gives
        :func:`binary_cross_entropy_with_logits` exactly.
    alpha : float, optional
        Weight in [0, 1] of the positive class (the negative class gets ``1 - alpha``); the paper
        uses 0.25. None (the default) weighs both classes 1.
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over every element.

    Returns
    -------
    ndarray or scalar
        In nats.

    Raises
    ------
    ValueError
        If the shapes differ, ``logits`` hold NaN, ``target`` or ``alpha`` is outside [0, 1],
        ``gamma`` is negative or not finite, or ``reduction`` is unknown; ``"mean"`` of an empty
        batch.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    With ``p = sigmoid(x)``, ``p_t = p t + (1 - p)(1 - t)`` and ``alpha_t = alpha t + (1 - alpha)(1 - t)``,

    .. math:: \\ell = \\alpha_t \\,(1 - p_t)^{\\gamma}\\,
              \\big(-t \\log p - (1 - t) \\log(1 - p)\\big)

    the form of torchvision's ``sigmoid_focal_loss`` (for 0/1 labels it is the paper's
    ``-alpha_t (1 - p_t)^gamma log p_t``). ``1 - p_t = sigma(x)(1 - t) + sigma(-x) t`` and the logs
    are formed as in :func:`log_sigmoid`, so a confident right answer keeps the digits of its
    tiny loss. Source: T.-Y. Lin, P. Goyal, R. Girshick, K. He, P. Dollar, "Focal Loss for Dense
    Object Detection", ICCV 2017, eq. (5). Introduced in ``11_debugging_cross_entropy.ipynb``.

    Examples
    --------
    An easy example (p = 0.9 for the true class) loses almost all of its loss, a hard one little:

    >>> ce = binary_cross_entropy_with_logits([2.2, -2.2], [1.0, 1.0], reduction="none")
    >>> focal = binary_focal_loss_with_logits([2.2, -2.2], [1.0, 1.0], reduction="none")
    >>> print(np.round(focal / ce, 4))
    [0.01   0.8104]
    """
    logits, target, _ = _check_binary_logits_args(logits, target, None, reduction)
    alpha = _check_focal_args(gamma, alpha, ())
    cross = 0.0 - (_xmul(target, _log_sigmoid(logits)) + _xmul(1 - target, _log_sigmoid(-logits)))
    miss = _sigmoid(logits) * (1 - target) + _sigmoid(-logits) * target  # 1 - p_t, without cancellation
    weight = 1 if alpha is None else alpha * target + (1 - alpha) * (1 - target)
    return _reduce(_xmul(weight * miss**gamma, cross), reduction)


def softmax_focal_loss(logits, target, gamma=2.0, alpha=None, reduction="mean"):
    """Focal loss of ``softmax(logits)`` against class indices: cross-entropy that down-weights easy examples.

    Parameters
    ----------
    logits : array_like, shape (..., C)
        Raw scores; the class axis is the last one.
    target : array_like of int, shape (...)
        Class indices in [0, C).
    gamma : float, optional
        Focusing parameter ``>= 0``; 2 in the paper. ``gamma = 0`` gives
        ``softmax_cross_entropy(logits, target, weight=alpha, reduction="none")`` exactly.
    alpha : float or array_like of shape (C,), optional
        Weight of each class (a number applies to every class). None weighs every class 1.
    reduction : {"mean", "sum", "none"}, optional
        ``"mean"`` averages over samples (not over their weights, unlike ``softmax_cross_entropy``).

    Returns
    -------
    ndarray or scalar
        In nats; per-sample losses of shape ``(...)`` for ``"none"``.

    Raises
    ------
    ValueError
        If the logits hold NaN or ``+inf`` (or a row is ``-inf`` throughout), ``target`` is not
        integer indices of shape ``(...)`` in range, ``alpha`` is outside [0, 1] or of another
        shape, ``gamma`` is negative or not finite, or ``reduction`` is unknown; ``"mean"`` of an
        empty batch.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\ell = -\\alpha_y \\,(1 - p_y)^{\\gamma} \\log p_y,
              \\qquad p = \\operatorname{softmax}(z)

    the multi-class form of Lin et al.'s focal loss. ``log p_y`` is :func:`log_softmax`, and
    ``1 - p_y = -expm1(log p_y)``, so neither loses digits when ``p_y`` is close to 1.
    Source: T.-Y. Lin, P. Goyal, R. Girshick, K. He, P. Dollar, "Focal Loss for Dense Object
    Detection", ICCV 2017, eq. (5). Introduced in ``11_debugging_cross_entropy.ipynb``.

    Examples
    --------
    >>> print(round(float(softmax_focal_loss([[2.0, 1.0, 0.1]], [0], gamma=0.0)), 4))  # = cross-entropy
    0.417
    >>> print(round(float(softmax_focal_loss([[2.0, 1.0, 0.1]], [0])), 4))  # (1 - 0.659)^2 * 0.417
    0.0485
    """
    log_probs, index, alpha = _focal_log_probs(logits, target, gamma, alpha, reduction)
    log_p = np.take_along_axis(log_probs, index[..., None], axis=-1)[..., 0]
    weight = 1 if alpha is None else np.broadcast_to(alpha, log_probs.shape[-1:])[index]
    return _reduce(_xmul(weight * (-np.expm1(log_p)) ** gamma, 0.0 - log_p), reduction)


def _focal_log_probs(logits, target, gamma, alpha, reduction):
    """Validated pieces of the softmax focal loss: log-probabilities, indices, alpha, gamma."""
    _check_reduction(reduction)
    logits = _as_float(logits, "logits")
    log_probs = _shifted_logits(logits, "logits", -1)
    log_probs = log_probs - _log_sum_exp_shifted(log_probs, -1)
    target = np.asarray(target)
    if target.shape != logits.shape[:-1] or not np.issubdtype(target.dtype, np.integer):
        raise ValueError(
            f"target has shape {target.shape} and dtype {target.dtype}; logits of shape "
            f"{logits.shape} need integer class indices of shape {logits.shape[:-1]}."
        )
    index = _check_class_indices(target, logits.shape[-1])
    alpha = _check_focal_args(gamma, alpha, (logits.shape[-1],))
    return log_probs, index, alpha


def softmax_focal_loss_grad(logits, target, gamma=2.0, alpha=None, reduction="mean"):
    """Gradient of :func:`softmax_focal_loss` with respect to the logits.

    Parameters
    ----------
    logits, target, gamma, alpha, reduction
        As for :func:`softmax_focal_loss`. For ``reduction="none"`` the result is the gradient
        of each sample's own loss (equivalently, of their sum).

    Returns
    -------
    ndarray, shape of ``logits``

    Raises
    ------
    ValueError, TypeError
        As :func:`softmax_focal_loss`.

    Notes
    -----
    With ``p = softmax(z)``, true class ``y`` and ``m = 1 - p_y``, the loss of a sample is
    ``l = -alpha_y m^gamma log p_y``. Since ``d p_y / d z_c = p_y (onehot_c - p_c)``,

    .. math:: \\frac{\\partial \\ell}{\\partial z_c} = \\alpha_y \\big(\\gamma\\, m^{\\gamma - 1} p_y \\log p_y
              - m^{\\gamma}\\big)\\,(\\text{onehot}(y)_c - p_c)

    which at ``gamma = 0`` is ``alpha_y (p - onehot(y))``, the cross-entropy gradient. The factor
    ``m^(gamma - 1) p_y`` is formed as ``m^gamma * p_y / m`` only where ``m > 0``; at ``m = 0``
    (``p_y = 1`` exactly) the gradient is 0. Divided by the number of samples for ``"mean"``.
    Introduced in ``13_honest_probabilities.ipynb``. Source: T.-Y. Lin et al., "Focal Loss for
    Dense Object Detection", ICCV 2017 (appendix: derivatives).

    Examples
    --------
    >>> print(np.round(softmax_focal_loss_grad([[2.0, 1.0, 0.1]], [0], gamma=0.0), 4))  # = cross-entropy's
    [[-0.341   0.2424  0.0986]]
    >>> print(np.round(softmax_focal_loss_grad([[2.0, 1.0, 0.1]], [0]), 4))  # gamma = 2: a gentler push
    [[-0.1036  0.0736  0.0299]]
    """
    log_probs, index, alpha = _focal_log_probs(logits, target, gamma, alpha, reduction)
    probs = np.exp(log_probs)
    log_p = np.take_along_axis(log_probs, index[..., None], axis=-1)
    p_y, miss = np.exp(log_p), -np.expm1(log_p)
    with np.errstate(divide="ignore", invalid="ignore"):
        focus = np.where(miss > 0, gamma * miss**gamma * p_y * log_p / np.where(miss > 0, miss, 1), 0.0)
    weight = 1 if alpha is None else np.broadcast_to(alpha, log_probs.shape[-1:])[index][..., None]
    onehot = np.zeros_like(probs)
    np.put_along_axis(onehot, index[..., None], 1.0, axis=-1)
    grad = weight * (focus - miss**gamma) * (onehot - probs)
    if reduction != "mean":
        return _scalar(grad)
    _check_mean_not_empty(grad.shape[:-1])
    return _scalar(grad / math.prod(grad.shape[:-1]))


def _check_calibration_args(probs, target, n_bins):
    probs = _as_float(probs, "probs")
    if probs.ndim != 2:
        raise ValueError(f"probs has shape {probs.shape}; give one row of class probabilities per sample, shape (N, C).")
    _check_distribution(probs, "probs", -1)
    target = np.asarray(target)
    if target.shape != probs.shape[:1] or not np.issubdtype(target.dtype, np.integer):
        raise ValueError(
            f"target has shape {target.shape} and dtype {target.dtype}; probs of shape {probs.shape} "
            f"need integer class indices of shape {probs.shape[:1]}."
        )
    index = _check_class_indices(target, probs.shape[-1])
    if not (isinstance(n_bins, (int, np.integer)) and n_bins >= 1):
        raise ValueError(f"n_bins must be an integer >= 1 (Guo et al. use 15), got {n_bins!r}.")
    if probs.shape[0] == 0:
        raise ValueError("probs has no rows: the calibration of no predictions is 0/0.")
    return probs, index


def calibration_bins(probs, target, n_bins=15):
    """The reliability diagram's numbers: per confidence bin, mean confidence, accuracy and count.

    Parameters
    ----------
    probs : array_like, shape (N, C)
        Predicted class probabilities, each row a distribution.
    target : array_like of int, shape (N,)
        The true class indices.
    n_bins : int, optional
        Number of equal-width bins over [0, 1]; 15 as in Guo et al. (2017).

    Returns
    -------
    confidence : ndarray, shape (n_bins,)
        Mean top-class probability of the samples in each bin (NaN where a bin is empty).
    accuracy : ndarray, shape (n_bins,)
        Share of those samples whose top class is the true one (NaN where empty).
    count : ndarray of int, shape (n_bins,)
        Number of samples in each bin.

    Raises
    ------
    ValueError
        If ``probs`` is not (N, C) with rows that are distributions, ``target`` is not N class
        indices in range, ``n_bins`` is not an integer >= 1, or there are no samples.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    The confidence of a sample is its largest probability, ``max_c p_c``, its prediction the
    first class that reaches it (``argmax``). Bin ``m`` (from 1) is the interval
    ``((m - 1)/M, m/M]``, closed on the right like scikit-learn's ``calibration_curve`` with
    ``strategy="uniform"``; a confidence of exactly 0 cannot occur (it is at least ``1/C``).
    Introduced in ``13_honest_probabilities.ipynb``. Source: C. Guo, G. Pleiss, Y. Sun,
    K. Q. Weinberger, "On Calibration of Modern Neural Networks", ICML 2017, section 2.

    Examples
    --------
    >>> confidence, accuracy, count = calibration_bins([[0.9, 0.1], [0.6, 0.4], [0.3, 0.7]], [0, 1, 1], n_bins=2)
    >>> print(np.round(confidence, 4), np.round(accuracy, 4), count)
    [   nan 0.7333] [   nan 0.6667] [0 3]
    """
    probs, index = _check_calibration_args(probs, target, n_bins)
    confidence = probs.max(axis=-1)
    correct = probs.argmax(axis=-1) == index
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    bin_of = np.searchsorted(edges[1:-1], confidence, side="left")  # (edge_{m-1}, edge_m]
    count = np.bincount(bin_of, minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_confidence = np.bincount(bin_of, weights=confidence, minlength=n_bins) / count
        accuracy = np.bincount(bin_of, weights=correct, minlength=n_bins) / count
    return mean_confidence, accuracy, count


def expected_calibration_error(probs, target, n_bins=15):
    """Expected calibration error (ECE): how far confidence is from accuracy, on average.

    Parameters
    ----------
    probs : array_like, shape (N, C)
        Predicted class probabilities, each row a distribution.
    target : array_like of int, shape (N,)
        The true class indices.
    n_bins : int, optional
        Number of equal-width bins over the top-class confidence; 15 as in Guo et al. (2017).

    Returns
    -------
    scalar
        The ECE, in [0, 1] (a probability, not nats).

    Raises
    ------
    ValueError, TypeError
        As :func:`calibration_bins`.

    Notes
    -----
    The samples are put in ``M = n_bins`` equal-width bins ``B_m = ((m - 1)/M, m/M]`` by their
    top-class confidence ``max_c p_c`` (see :func:`calibration_bins`), and the gaps between a
    bin's accuracy and its mean confidence are averaged, weighted by the bin counts:

    .. math:: \\mathrm{ECE} = \\sum_{m=1}^{M} \\frac{|B_m|}{N}\\,
              \\big|\\operatorname{acc}(B_m) - \\operatorname{conf}(B_m)\\big|

    Empty bins contribute 0. The value depends on ``M`` (more bins, more noise per bin); it is
    an estimate, not a proper scoring rule: a model can lower it without becoming more useful.
    Introduced in ``13_honest_probabilities.ipynb``. Source: M. P. Naeini, G. F. Cooper,
    M. Hauskrecht, "Obtaining Well Calibrated Probabilities Using Bayesian Binning", AAAI 2015;
    C. Guo, G. Pleiss, Y. Sun, K. Q. Weinberger, "On Calibration of Modern Neural Networks",
    ICML 2017, eq. (3).

    Examples
    --------
    Three predictions in one bin with mean confidence 0.7333 and accuracy 2/3:

    >>> print(round(float(expected_calibration_error([[0.9, 0.1], [0.6, 0.4], [0.3, 0.7]], [0, 1, 1], n_bins=2)), 4))
    0.0667
    """
    confidence, accuracy, count = calibration_bins(probs, target, n_bins)
    filled = count > 0
    return _scalar(np.sum(count[filled] * np.abs(accuracy[filled] - confidence[filled])) / count.sum())


def perplexity(cross_entropy_value, base=None):
    """Perplexity: the effective number of equally likely choices a cross-entropy corresponds to.

    Parameters
    ----------
    cross_entropy_value : array_like
        Cross-entropies (or entropies) ``H >= 0``, e.g. the mean loss per token of a language
        model; ``+inf`` gives ``+inf``.
    base : float, optional
        The unit of ``H``: None for nats, 2 for bits.

    Returns
    -------
    ndarray or scalar
        ``base ** H`` (``e ** H`` for nats), ``>= 1``; ``+inf`` where it overflows.

    Raises
    ------
    ValueError
        If a value is NaN or negative, or ``base`` is not a positive number other than 1.
    TypeError
        If an input is not made of real numbers.

    Notes
    -----
    .. math:: \\operatorname{PP} = b^{H}

    A model with cross-entropy H is as perplexed as if it chose uniformly among ``b^H`` outcomes:
    a uniform distribution over k outcomes has entropy ``log_b k`` and perplexity k. Source:
    F. Jelinek, R. L. Mercer, L. R. Bahl, J. K. Baker, "Perplexity - a measure of the difficulty
    of speech recognition tasks", J. Acoust. Soc. Am. 62, S63 (1977).

    Introduced in ``14_language_model.ipynb``, which measures a character-level language model
    with it.

    Examples
    --------
    >>> print(perplexity(entropy([0.25] * 4)))  # uniform over 4 outcomes
    4.0
    >>> print(perplexity(1.5, base=2))  # 1.5 bits
    2.8284271247461903
    """
    _check_base(base)
    h = _as_float(cross_entropy_value, "cross_entropy_value")
    _check_not_nan(h, "cross_entropy_value")
    bad = h < 0
    if bad.any():
        raise ValueError(
            f"cross_entropy_value{_position(h, bad)} = {float(h[bad][0] if h.ndim else h)!r} is negative; "
            "a cross-entropy is >= 0 (did you pass a log-likelihood? negate it)."
        )
    with np.errstate(over="ignore"):
        return _scalar(np.exp(h) if base is None else np.power(h.dtype.type(base), h))


# --------------------------------------------------------------------------------------------
# The blocked, threaded softmax cross-entropy engine behind softmax_cross_entropy(_grad):
# PyTorch's F.cross_entropy semantics, one pass over cache-sized row blocks on all cores.
# --------------------------------------------------------------------------------------------

# Rows of the (rows, classes) view handled at once by the blocked softmax cross-entropy: about
# 1 MiB of logits (measured best of 0.5, 1 and 2 MiB), so a block and its scratch buffer stay
# in a core's L2 cache.
_BLOCK_BYTES = 1 << 20
# Below this many logits, threads cost more than they save.
_PARALLEL_MIN_SIZE = 1 << 18
_POOL = None
_SCRATCH = threading.local()
# The browser edition (Pyodide) cannot start threads: there every block runs on the one thread.
_THREADS = sys.platform != "emscripten"


def _pool():
    global _POOL
    if _POOL is None:
        _POOL = concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1)
    return _POOL


def _scratch(rows, cols, dtype):
    """A per-thread buffer reused across calls, so blocks never allocate."""
    buffer = getattr(_SCRATCH, "buffer", None)
    if buffer is None or buffer.dtype != dtype or buffer.size < rows * cols:
        buffer = _SCRATCH.buffer = np.empty(rows * cols, dtype=dtype)
    return buffer[: rows * cols].reshape(rows, cols)


def _for_row_blocks(work, n_rows, n_cols, itemsize):
    """Call ``work(start, stop)`` on cache-sized row blocks, on all cores when it pays."""
    step = max(1, _BLOCK_BYTES // max(1, n_cols * itemsize))
    blocks = [(start, min(start + step, n_rows)) for start in range(0, n_rows, step)]
    if n_rows * n_cols < _PARALLEL_MIN_SIZE or len(blocks) < 2 or not _THREADS:
        for start, stop in blocks:
            work(start, stop)
        return
    for future in [_pool().submit(work, start, stop) for start, stop in blocks]:
        future.result()


def _block_logsumexp(block, batch_shape, row0, coefficients=None):
    """Row-wise pieces of the log-sum-exp of a contiguous block of logits, checked as it goes.

    Returns ``(top, exps, rest, shifted_dot)``: the index of each row's largest logit ``m``,
    ``exp(block - m)`` with the top entry set to 0, ``rest`` = the sum of those (so
    ``logsumexp - m = log1p(rest)``, which keeps the digits of a tiny loss), and
    ``coefficients . (block - m)`` (None without ``coefficients``). Losses are formed from the
    shifted logits ``block - m``, as PyTorch's log_softmax does: ``logsumexp - z_y`` would cancel
    ``m`` against ``z_y`` and lose every digit of a small loss.
    """
    top = block.argmax(axis=1)  # the first NaN, if any, so that the check below sees it
    rows = np.arange(block.shape[0])
    m = block[rows, top]
    if not np.isfinite(m).all():  # a NaN or +inf logit, or a row of -inf
        bad = ~np.isfinite(m)
        row = int(np.argmax(bad))
        where = tuple(int(i) for i in np.unravel_index(row0 + row, batch_shape)) if batch_shape else ()
        _check_logits(block[row], f"logits[{', '.join(map(str, where))}{', ' if where else ''}:]")
        raise ValueError(
            f"logits are -inf for every class at batch index {where}: no class is possible. "
            "Give at least one class a finite logit."
        )
    scratch = _scratch(*block.shape, block.dtype)
    np.subtract(block, m[:, None], out=scratch)
    shifted_dot = None if coefficients is None else _row_dot(coefficients, scratch)
    np.exp(scratch, out=scratch)
    scratch[rows, top] = 0
    return top, scratch, scratch.sum(axis=1), shifted_dot


def _row_dot(coefficients, block):
    """Row-wise ``sum_c coefficients_c * block_c`` with ``0 * -inf = 0`` (a ruled-out class that
    the target gives no weight); ``coefficients`` is one row per block row, or one shared row."""
    with np.errstate(invalid="ignore"):
        out = block @ coefficients if coefficients.ndim == 1 else np.einsum("ij,ij->i", coefficients, block)
    nan = np.isnan(out)  # the logits hold no NaN, so only 0 * -inf makes one
    if nan.any():
        out[nan] = _xmul(coefficients if coefficients.ndim == 1 else coefficients[nan], block[nan]).sum(axis=1)
    return out


class _SoftmaxCrossEntropyProblem:
    """Checked, flattened arguments of softmax_cross_entropy, shared by the loss and its gradient.

    The loss of one sample is ``-sum_c a_c log softmax(z)_c`` with per-class coefficients
    ``a`` (the weighted, smoothed target); its gradient is ``sum(a) softmax(z) - a``.
    """

    def __init__(self, logits, target, weight, ignore_index, label_smoothing, reduction):
        _check_reduction(reduction)
        logits = _as_float(logits, "logits")
        if logits.ndim == 0 or logits.shape[-1] == 0:
            raise ValueError(f"logits need a non-empty class axis (the last), got shape {logits.shape}.")
        if not (_is_real_number(label_smoothing) and 0 <= label_smoothing <= 1):
            raise ValueError(f"label_smoothing must be a number in [0, 1], got {label_smoothing!r}.")
        self.batch_shape, self.n_classes = logits.shape[:-1], logits.shape[-1]
        self.logits = np.ascontiguousarray(logits).reshape(-1, self.n_classes)
        self.dtype = logits.dtype
        if ignore_index is not None and not (isinstance(ignore_index, (int, np.integer)) and not isinstance(ignore_index, bool)):
            raise ValueError(f"ignore_index must be an integer (PyTorch's default is -100) or None, got {ignore_index!r}.")
        self.reduction, self.smoothing = reduction, self.dtype.type(label_smoothing)
        self.weight = self._check_weight(weight)
        target = np.asarray(target)
        if target.shape == logits.shape:
            self._set_probability_target(target, ignore_index)
        elif target.shape == self.batch_shape:
            self._set_index_target(target, ignore_index)
        else:
            raise ValueError(
                f"target has shape {target.shape}, but logits of shape {logits.shape} need class "
                f"indices of shape {self.batch_shape} or class probabilities of shape "
                f"{logits.shape}."
            )

    def _check_weight(self, weight):
        if weight is None:
            return None
        weight = _as_float(weight, "weight").astype(self.dtype)
        if weight.shape != (self.n_classes,):
            raise ValueError(f"weight must have shape ({self.n_classes},), one per class, got {weight.shape}.")
        _check_not_nan(weight, "weight")
        bad = (weight < 0) | ~np.isfinite(weight)
        if bad.any():
            raise ValueError(f"weight{_position(weight, bad)} = {weight[bad][0].item()!r}; class weights must be finite and >= 0.")
        return weight

    def _set_index_target(self, target, ignore_index):
        if not np.issubdtype(target.dtype, np.integer):
            raise ValueError(
                f"target has dtype {target.dtype} and the shape of class indices {target.shape}; "
                "class indices must be integers (use target.astype(int)), or pass class "
                "probabilities with the same shape as logits."
            )
        self.index = target.reshape(-1).astype(np.intp)
        self.kept = np.ones(self.index.shape, bool) if ignore_index is None else self.index != ignore_index
        bad = self.kept & ((self.index < 0) | (self.index >= self.n_classes))
        if bad.any():
            raise ValueError(
                f"target{_position(bad.reshape(self.batch_shape), bad.reshape(self.batch_shape))} = "
                f"{self.index[bad][0]} is not a class index: "
                f"indices must be integers in [0, {self.n_classes - 1}]"
                + ("" if ignore_index is None else f" or ignore_index={ignore_index}")
                + "."
            )
        self.safe_index = np.where(self.kept, self.index, 0)
        class_weight = np.ones(self.index.shape, self.dtype) if self.weight is None else self.weight[self.safe_index]
        self.target_weight = np.where(self.kept, class_weight, 0).astype(self.dtype)
        self.probability = None
        if self.reduction == "mean":
            self.denominator = self.target_weight.sum()
            if not self.kept.any():
                why = "the batch is empty" if self.index.size == 0 else f"every target equals ignore_index={ignore_index}"
                raise ValueError(
                    f"{why}, so the mean is over no targets (PyTorch returns nan here); use "
                    "reduction='sum' or check the batch."
                )
            if self.denominator == 0:
                raise ValueError(
                    "the targets' class weights sum to 0, so the weighted mean is 0/0 (PyTorch "
                    "returns nan here); give the classes present in the batch a weight > 0."
                )
        else:
            self.denominator = self.dtype.type(1)

    def _set_probability_target(self, target, ignore_index):
        if ignore_index is not None and ignore_index >= 0:
            raise ValueError(
                f"ignore_index={ignore_index} with probability targets: PyTorch ignores a negative "
                "ignore_index there (its default is -100) and rejects a class index, because a "
                "row of probabilities has no single class to compare; drop the rows to ignore "
                "before calling, or pass ignore_index=None."
            )
        target = _as_float(target, "target").astype(self.dtype, copy=False)
        _check_distribution(target, "target", -1)
        self.probability = np.ascontiguousarray(target).reshape(-1, self.n_classes)
        self.index = None
        if self.reduction == "mean":
            _check_mean_not_empty(self.batch_shape)
        self.denominator = self.dtype.type(self.probability.shape[0] if self.reduction == "mean" else 1)

    def _coefficients(self, start, stop):
        """Per-class coefficients ``a`` of rows [start, stop) for probability targets."""
        a = self.probability[start:stop]
        if self.smoothing:
            a = a * (1 - self.smoothing) + self.smoothing / self.n_classes
        return a if self.weight is None else a * self.weight

    def losses(self):
        """Per-sample losses (before reduction), one pass over the logits in blocks.

        Every loss is a sum of terms >= 0 (``log1p(rest) >= 0`` and ``-a_c (z_c - m) >= 0``),
        so no digit is lost to cancellation, however small the loss.
        """
        out = np.empty(self.logits.shape[0], self.dtype)
        n_classes, smoothing = self.n_classes, self.smoothing
        weight_sum = n_classes if self.weight is None else self.weight.sum()

        def work(start, stop):
            block = self.logits[start:stop]
            if self.index is None:
                a = self._coefficients(start, stop)
            elif smoothing:
                a = np.ones(n_classes, self.dtype) if self.weight is None else self.weight
            else:
                a = None
            top, _, rest, a_dot_shifted = _block_logsumexp(block, self.batch_shape, start, a)
            log_sum = np.log1p(rest)  # logsumexp(z) - max(z)
            if self.index is None:
                # -sum_c a_c log p_c = (lse - m) * sum(a) - a . (z - m)
                out[start:stop] = log_sum * a.sum(axis=1) - a_dot_shifted
                return
            rows = np.arange(stop - start)
            kept = self.kept[start:stop]
            shifted_target = block[rows, self.safe_index[start:stop]] - block[rows, top]
            nll = _xmul(self.target_weight[start:stop], log_sum - shifted_target)
            if smoothing:
                # -sum_c w_c log p_c = (lse - m) * sum(w) - w . (z - m)
                smooth = np.where(kept, log_sum * weight_sum - a_dot_shifted, 0)
                nll = _xmul(1 - smoothing, nll) + smoothing / n_classes * smooth
            out[start:stop] = np.where(kept, nll, 0)

        _for_row_blocks(work, *self.logits.shape, self.dtype.itemsize)
        return out

    def gradient(self):
        """d(reduced loss)/d(logits), blocked; rows of ignored targets are 0.

        Entry c is ``sum(a) p_c - a_c`` with ``p = softmax(z)``. At the top class, where ``p`` is
        close to 1, it is formed as ``(sum of the other a - a_top rest) / (1 + rest)``, so the
        tiny gradient of a confident right answer keeps its digits (``p - 1`` would round to 0).
        """
        grad = np.empty_like(self.logits)
        n_classes, smoothing = self.n_classes, self.smoothing

        def work(start, stop):
            block = self.logits[start:stop]
            top, exps, rest, _ = _block_logsumexp(block, self.batch_shape, start)
            total = 1 + rest  # sum exp(z - m)
            g = grad[start:stop]
            rows = np.arange(stop - start)
            if self.index is None:
                a = self._coefficients(start, stop) / self.denominator
                a_top = a[rows, top]
                others = a.copy()
                others[rows, top] = 0
                np.multiply(exps, (a.sum(axis=1) / total)[:, None], out=g)
                g -= a
                g[rows, top] = (others.sum(axis=1) - a_top * rest) / total
                return
            index = self.safe_index[start:stop]
            at_top = index == top
            w_target = self.target_weight[start:stop] / self.denominator
            if not smoothing:
                np.multiply(exps, (w_target / total)[:, None], out=g)
                g[rows, top] = np.where(at_top, -w_target * rest, w_target) / total
                g[rows, index] -= np.where(at_top, 0, w_target)
                return
            # a = (1 - eps) w_y e_y + eps/C * w for kept rows
            w = np.ones(n_classes, self.dtype) if self.weight is None else self.weight
            kept = self.kept[start:stop].astype(self.dtype) / self.denominator
            share = (smoothing / n_classes) * kept
            hard = (1 - smoothing) * w_target
            np.multiply(exps, ((hard + share * w.sum()) / total)[:, None], out=g)
            g -= share[:, None] * w
            g[rows, index] -= hard
            a_top = np.where(at_top, hard, 0) + share * w[top]
            a_others = np.where(at_top, 0, hard) + share * (w.sum() - w[top])
            g[rows, top] = (a_others - a_top * rest) / total

        _for_row_blocks(work, *self.logits.shape, self.dtype.itemsize)
        return grad
