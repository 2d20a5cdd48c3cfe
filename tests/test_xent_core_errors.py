"""Every class of bad input raises, with a message that names the argument and the bad value or
the fix; mathematically infinite results are returned, not raised."""

import warnings

import numpy as np
import pytest

import xent_core as xc

pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")

nan, inf = np.nan, np.inf
Z = np.array([[0.5, -1.0, 2.0], [0.0, 1.0, 3.0]])  # logits: 2 samples, 3 classes
Y = np.array([2, 0])  # their class indices
P = np.array([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]])  # distributions of the same shape


def case(call, match, error=ValueError):
    return pytest.param(call, error, match, id=match[:60])


def check(call, error, match):
    with pytest.raises(error, match=match):
        call()


OUTSIDE_0_1 = [
    case(
        lambda: xc.information_content([0.5, 1.5]),
        r"p must hold probabilities in \[0, 1\], but p\(1\) = 1\.5; if these are logits",
    ),
    case(lambda: xc.information_content(-0.1), r"but p = -0\.1;"),
    case(lambda: xc.entropy([[0.5, 0.5], [1.2, -0.2]]), r"but p\(1, 0\) = 1\.2"),
    case(lambda: xc.cross_entropy([0.5, 0.5], [1.5, -0.5]), r"but q\(0\) = 1\.5"),
    case(lambda: xc.kl_divergence([-0.5, 1.5], [0.5, 0.5]), r"but p\(0\) = -0\.5"),
    case(lambda: xc.categorical_cross_entropy([[0.5, 0.5], [-1.0, 2.0]], [0, 1]), r"but probs\(1, 0\) = -1\.0"),
    case(lambda: xc.binary_cross_entropy([0.5, 1.5], [0.0, 1.0]), r"but probs\(1\) = 1\.5.*\*_with_logits"),
    case(lambda: xc.binary_cross_entropy([0.5, 0.5], [0.0, 2.0]), r"but target\(1\) = 2\.0"),
    case(lambda: xc.binary_cross_entropy_with_logits([0.5, 0.5], [-1.0, 1.0]), r"but target\(0\) = -1\.0"),
    case(lambda: xc.binary_cross_entropy_with_logits_grad([0.5, 0.5], [0.0, 3.0]), r"but target\(1\) = 3\.0"),
    case(lambda: xc.sigmoid_mean_squared_error_grad([0.5], [1.1]), r"but target\(0\) = 1\.1"),
    case(lambda: xc.bernoulli_likelihood(1.1, [0, 1]), r"but theta = 1\.1"),
    case(lambda: xc.bernoulli_log_likelihood([0.5, -0.1], [[0, 1], [1, 1]]), r"but theta\(1\) = -0\.1"),
    case(lambda: xc.softmax_cross_entropy(Z, [[0.5, 0.5, 0.0], [1.5, -0.5, 0.0]]), r"but target\(1, 0\) = 1\.5"),
]

NOT_SUMMING_TO_ONE = [
    # the notes' "prediction" that is not a distribution
    case(
        lambda: xc.categorical_cross_entropy([0.1, 0.2, 0.1], [0, 0, 1]),
        r"probs must sum to 1 along axis -1, but it sums to 0\.4;.*normalize it yourself",
    ),
    case(lambda: xc.entropy([[0.5, 0.5], [0.2, 0.2]]), r"p must sum to 1 .* sums to 0\.4 at batch index \(1\)"),
    case(
        lambda: xc.entropy([[0.5, 0.2], [0.5, 0.2]], axis=0),
        r"p must sum to 1 along axis 0, but it sums to 0\.4 at batch index \(1\)",
    ),
    case(lambda: xc.cross_entropy([0.5, 0.5], [0.5, 0.6]), r"q must sum to 1 .* sums to 1\.1"),
    case(lambda: xc.kl_divergence([0.5, 0.6], [0.5, 0.5]), r"p must sum to 1 .* sums to 1\.1"),
    case(
        lambda: xc.categorical_cross_entropy(P, [[0.5, 0.4, 0.0], [1.0, 0.0, 0.0]]),
        r"target must sum to 1 .* sums to 0\.9 at batch index \(0\)",
    ),
    case(
        lambda: xc.softmax_cross_entropy(Z, [[1.0, 1.0, 0.0], [1.0, 0.0, 0.0]]),
        r"target must sum to 1 .* sums to 2 at batch index \(0\)",
    ),
    case(
        lambda: xc.softmax_cross_entropy_grad(Z, np.zeros((2, 3))),
        r"target must sum to 1 .* sums to 0 at batch index \(0\)",
    ),
]

NAN = [
    case(lambda: xc.information_content([0.5, nan]), r"p\(1\) is NaN; find where the NaN came from"),
    case(lambda: xc.entropy([[0.5, 0.5], [nan, 0.5]]), r"p\(1, 0\) is NaN"),
    case(lambda: xc.cross_entropy([nan, 1.0], [0.5, 0.5]), r"p\(0\) is NaN"),
    case(lambda: xc.cross_entropy([0.5, 0.5], [0.5, nan]), r"q\(1\) is NaN"),
    case(lambda: xc.kl_divergence([0.5, 0.5], [nan, 0.5]), r"q\(0\) is NaN"),
    case(lambda: xc.logsumexp([1.0, nan]), r"z\(1\) is NaN"),
    case(lambda: xc.softmax([[1.0, 2.0], [nan, 0.0]]), r"z\(1, 0\) is NaN"),
    case(lambda: xc.log_softmax([1.0, nan]), r"z\(1\) is NaN"),
    case(lambda: xc.sigmoid(nan), r"x is NaN"),
    case(lambda: xc.log_sigmoid([0.0, nan]), r"x\(1\) is NaN"),
    case(lambda: xc.softmax_cross_entropy([[0.5, 1.0], [0.0, nan]], [0, 1]), r"logits\[1, :\]\(1\) is NaN"),
    case(lambda: xc.softmax_cross_entropy_grad([[0.5, nan]], [0]), r"logits\[0, :\]\(1\) is NaN"),
    case(lambda: xc.softmax_cross_entropy(Z, [[nan, 0.5, 0.5], [1.0, 0.0, 0.0]]), r"target\(0, 0\) is NaN"),
    case(lambda: xc.softmax_cross_entropy(Z, Y, weight=[1.0, nan, 1.0]), r"weight\(1\) is NaN"),
    case(lambda: xc.categorical_cross_entropy([0.5, nan], 0), r"probs\(1\) is NaN"),
    case(lambda: xc.categorical_cross_entropy([0.5, 0.5], [nan, 1.0]), r"target\(0\) is NaN"),
    case(lambda: xc.binary_cross_entropy([nan], [1.0]), r"probs\(0\) is NaN"),
    case(lambda: xc.binary_cross_entropy([0.5], [nan]), r"target\(0\) is NaN"),
    case(lambda: xc.binary_cross_entropy_with_logits([0.0, nan], [1.0, 1.0]), r"logits\(1\) is NaN"),
    case(lambda: xc.binary_cross_entropy_with_logits([0.0, 0.0], [1.0, nan]), r"target\(1\) is NaN"),
    case(
        lambda: xc.binary_cross_entropy_with_logits([0.0, 0.0], [1.0, 1.0], pos_weight=[nan, 1.0]),
        r"pos_weight\(0\) is NaN",
    ),
    case(lambda: xc.binary_cross_entropy_with_logits_grad([nan], [1.0]), r"logits\(0\) is NaN"),
    case(lambda: xc.sigmoid_mean_squared_error_grad([nan], [1.0]), r"logits\(0\) is NaN"),
    case(lambda: xc.mean_squared_error([1.0, nan], [1.0, 2.0]), r"pred\(1\) is NaN"),
    case(lambda: xc.mean_absolute_error([1.0, 2.0], [nan, 2.0]), r"target\(0\) is NaN"),
    case(lambda: xc.bernoulli_likelihood(nan, [0, 1]), r"theta is NaN"),
    case(lambda: xc.bernoulli_log_likelihood(0.5, [0.0, nan]), r"outcomes\(1\) = .*nan.*; outcomes must be 0"),
]

SHAPES = [
    case(
        lambda: xc.cross_entropy([0.5, 0.5], [[0.5, 0.5]]),
        r"p has shape \(2,\) but q has shape \(1, 2\); they must match exactly",
    ),
    case(lambda: xc.kl_divergence([[0.5, 0.5]] * 2, [0.5, 0.5]), r"p has shape \(2, 2\) but q has shape \(2,\)"),
    case(
        lambda: xc.categorical_cross_entropy(P, [[1.0, 0.0]] * 2), r"probs has shape \(2, 3\) but target has shape \(2, 2\)"
    ),
    case(lambda: xc.binary_cross_entropy([0.5, 0.5], [1.0]), r"probs has shape \(2,\) but target has shape \(1,\)"),
    case(
        lambda: xc.binary_cross_entropy_with_logits([[0.5, 0.5]], [1.0, 0.0]),
        r"logits has shape \(1, 2\) but target has shape \(2,\)",
    ),
    case(
        lambda: xc.binary_cross_entropy_with_logits_grad([0.5], [1.0, 0.0]),
        r"logits has shape \(1,\) but target has shape \(2,\)",
    ),
    case(
        lambda: xc.sigmoid_mean_squared_error_grad([0.5, 0.5], [[1.0, 0.0]]),
        r"logits has shape \(2,\) but target has shape \(1, 2\)",
    ),
    case(lambda: xc.mean_squared_error([1.0, 2.0], [[1.0, 2.0]]), r"pred has shape \(2,\) but target has shape \(1, 2\)"),
    case(lambda: xc.mean_absolute_error([1.0, 2.0, 3.0], [1.0]), r"pred has shape \(3,\) but target has shape \(1,\)"),
    case(
        lambda: xc.softmax_cross_entropy(Z, [0, 1, 2]),
        r"target has shape \(3,\), but logits of shape \(2, 3\) need class indices of shape \(2,\) or class probabilities",
    ),
    case(lambda: xc.softmax_cross_entropy_grad(Z, P[:, :2]), r"target has shape \(2, 2\), but logits of shape \(2, 3\)"),
    case(
        lambda: xc.binary_cross_entropy_with_logits(np.zeros((4, 3)), np.zeros((4, 3)), pos_weight=[1.0, 2.0]),
        r"pos_weight of shape \(2,\) does not broadcast to target's shape \(4, 3\) \(an auxiliary argument must "
        r"not change the loss's shape\); give one weight per label, shape \(3,\)",
    ),
    case(
        lambda: xc.softmax_cross_entropy(Z, Y, weight=[1.0, 2.0]),
        r"weight must have shape \(3,\), one per class, got \(2,\)",
    ),
    case(
        lambda: xc.softmax_cross_entropy(Z, Y, weight=np.ones((1, 3))),
        r"weight must have shape \(3,\), one per class, got \(1, 3\)",
    ),
]

CLASS_INDICES = [
    case(
        lambda: xc.softmax_cross_entropy(Z, [2.0, 0.0]),
        r"target has dtype float64 .* class indices must be integers \(use target\.astype\(int\)\)",
    ),
    case(
        lambda: xc.softmax_cross_entropy_grad(Z, np.array(["a", "b"])),
        r"target has dtype <U1 .* class indices must be integers",
    ),
    case(
        lambda: xc.softmax_cross_entropy(Z, [0, 3]),
        r"target\(1,?\) = 3 is not a class index: indices must be integers in \[0, 2\]\.",
    ),
    case(lambda: xc.softmax_cross_entropy_grad(Z, [-1, 0]), r"target\(0,?\) = -1 is not a class index"),
    case(
        lambda: xc.softmax_cross_entropy(Z, [-100, -1], ignore_index=-100),
        r"target\(1,?\) = -1 is not a class index: indices must be integers in \[0, 2\] or ignore_index=-100\.",
    ),
    case(
        lambda: xc.softmax_cross_entropy(np.zeros((2, 2, 3)), [[0, 1], [5, 0]]), r"target\(1, 0\) = 5 is not a class index"
    ),
    case(
        lambda: xc.categorical_cross_entropy(P, [0, 3]),
        r"target\(1\) = 3 is not a class index: indices must be integers in \[0, 2\]",
    ),
    case(lambda: xc.categorical_cross_entropy(P, [-1, 0]), r"target\(0\) = -1 is not a class index"),
    case(lambda: xc.categorical_cross_entropy(P, [2.0, 0.0]), r"target has dtype float64 .* class indices must be integers"),
    case(
        lambda: xc.softmax_cross_entropy(Z, Y, weight=[0.0, 0.0, 0.0]),
        r"the targets' class weights sum to 0, so the weighted mean is 0/0",
    ),
    case(lambda: xc.softmax_cross_entropy(np.zeros((0, 3)), np.zeros(0, int)), r"the batch is empty, so the mean is over no targets"),
]

OPTIONS = [
    *[
        case(
            lambda s=s: xc.softmax_cross_entropy(Z, Y, label_smoothing=s),
            rf"label_smoothing must be a number in \[0, 1\], got {s}",
        )
        for s in (-0.1, 1.5, nan)
    ],
    case(
        lambda: xc.softmax_cross_entropy_grad(Z, Y, label_smoothing=[0.1]),
        r"label_smoothing must be a number in \[0, 1\], got \[0\.1\]",
    ),
    *[
        case(lambda f=f: f(), r"reduction must be one of \('mean', 'sum', 'none'\), got 'avg'")
        for f in (
            lambda: xc.softmax_cross_entropy(Z, Y, reduction="avg"),
            lambda: xc.softmax_cross_entropy_grad(Z, Y, reduction="avg"),
            lambda: xc.categorical_cross_entropy(P, Y, reduction="avg"),
            lambda: xc.binary_cross_entropy([0.5], [1.0], reduction="avg"),
            lambda: xc.binary_cross_entropy_with_logits([0.5], [1.0], reduction="avg"),
            lambda: xc.binary_cross_entropy_with_logits_grad([0.5], [1.0], reduction="avg"),
            lambda: xc.sigmoid_mean_squared_error_grad([0.5], [1.0], reduction="avg"),
            lambda: xc.mean_squared_error([0.5], [1.0], reduction="avg"),
            lambda: xc.mean_absolute_error([0.5], [1.0], reduction="avg"),
        )
    ],
    case(lambda: xc.softmax_cross_entropy(Z, Y, reduction=None), r"reduction must be one of .* got None"),
    *[
        case(lambda f=f, b=b: f(b), rf"base must be a positive number other than 1 \(2 for bits, None for nats\), got {b}")
        for b in (0, 1, 1.0, -2, inf, nan)
        for f in (
            lambda b: xc.information_content(0.5, base=b),
            lambda b: xc.entropy([0.5, 0.5], base=b),
            lambda b: xc.cross_entropy([0.5, 0.5], [0.5, 0.5], base=b),
            lambda b: xc.kl_divergence([0.5, 0.5], [0.5, 0.5], base=b),
        )
    ],
    case(lambda: xc.entropy([0.5, 0.5], base=[2]), r"base must be a positive number other than 1 .* got \[2\]"),
    *[
        case(lambda t=t: xc.softmax([1.0, 2.0], temperature=t), rf"temperature must be a finite number > 0, got {t}")
        for t in (0, -1.0, inf, nan)
    ],
    case(lambda: xc.softmax([1.0, 2.0], temperature=[1.0]), r"temperature must be a finite number > 0, got \[1\.0\]"),
    case(lambda: xc.softmax([1.0, 2.0], temperature="2"), r"temperature must be a finite number > 0, got '2'"),
    case(lambda: xc.softmax_cross_entropy(Z, Y, label_smoothing="0.1"), r"label_smoothing must be a number in \[0, 1\], got '0.1'"),
]

EMPTY_CLASS_AXIS = [
    case(lambda: xc.entropy(np.empty((2, 0))), r"p has an empty axis -1: a distribution needs at least one outcome"),
    case(lambda: xc.cross_entropy(np.empty(0), np.empty(0)), r"p has an empty axis -1"),
    case(lambda: xc.kl_divergence(np.empty((0, 3)), np.empty((0, 3)), axis=0), r"p has an empty axis 0"),
    case(lambda: xc.categorical_cross_entropy(np.empty((2, 0)), [0, 0]), r"probs has an empty axis -1"),
    case(lambda: xc.logsumexp(np.empty((2, 0))), r"z has an empty axis -1: logsumexp needs at least one value"),
    case(lambda: xc.softmax(np.empty((2, 0))), r"z needs a non-empty class axis -1, got shape \(2, 0\)"),
    case(lambda: xc.log_softmax(np.empty(0)), r"z needs a non-empty class axis -1, got shape \(0,\)"),
    case(lambda: xc.softmax(3.0), r"z needs a non-empty class axis -1, got shape \(\)"),
    case(
        lambda: xc.softmax_cross_entropy(np.empty((2, 0)), [0, 0]),
        r"logits need a non-empty class axis \(the last\), got shape \(2, 0\)",
    ),
    case(lambda: xc.softmax_cross_entropy_grad(1.0, 0), r"logits need a non-empty class axis \(the last\), got shape \(\)"),
    case(lambda: xc.entropy(0.5), r"p must be a distribution \(an array along axis -1\), got a scalar"),
]

LOGITS = [
    case(lambda: xc.softmax([0.0, inf]), r"z\(1\) is \+inf; a logit must be finite \(or -inf to rule a class out\)"),
    case(lambda: xc.log_softmax([[0.0, 1.0], [inf, 0.0]]), r"z\(1, 0\) is \+inf"),
    case(
        lambda: xc.softmax_cross_entropy([[0.0, 1.0], [1.0, inf]], [0, 0]),
        r"logits\[1, :\]\(1\) is \+inf; a logit must be finite",
    ),
    case(lambda: xc.softmax_cross_entropy_grad([0.0, inf], 0), r"logits\[:\]\(1\) is \+inf"),
    case(
        lambda: xc.softmax([[0.0, 1.0], [-inf, -inf]]),
        r"z is -inf for every class at batch index \(1, 0\): .*Give at least one class a finite logit",
    ),
    case(lambda: xc.log_softmax([-inf, -inf]), r"z is -inf for every class"),
    case(
        lambda: xc.softmax_cross_entropy([[0.0, 1.0], [-inf, -inf]], [0, 0]),
        r"logits are -inf for every class at batch index \(1,?\)",
    ),
    case(
        lambda: xc.softmax_cross_entropy_grad(np.full((2, 2, 3), -inf), np.zeros((2, 2), int)),
        r"logits are -inf for every class at batch index \(0, 0\)",
    ),
]

TARGETS_AND_WEIGHTS = [
    case(lambda: xc.softmax_cross_entropy(Z, P, ignore_index=0), r"ignore_index=0 with probability targets: PyTorch ignores a negative"),
    case(lambda: xc.softmax_cross_entropy_grad(Z, P, ignore_index=1), r"ignore_index=1 with probability targets: .* rejects a class index"),
    case(
        lambda: xc.binary_cross_entropy_with_logits([0.5, -1, 2], [1.0, 0, 1], pos_weight=[[1.0], [5.0], [1.0]]),
        r"pos_weight of shape \(3, 1\) does not broadcast to target's shape \(3,\) .*give one weight per label, shape \(3,\)",
    ),
    case(
        lambda: xc.binary_cross_entropy_with_logits_grad([0.5, -1, 2], [1.0, 0, 1], pos_weight=[[1.0], [5.0], [1.0]]),
        r"pos_weight of shape \(3, 1\) does not broadcast to target's shape \(3,\)",
    ),
    case(lambda: xc.softmax_cross_entropy(Z, [0, 1], ignore_index=1.5), r"ignore_index must be an integer .* got 1\.5"),
    case(
        lambda: xc.softmax_cross_entropy(Z, [-100, -100], ignore_index=-100),
        r"every target equals ignore_index=-100, so the mean is over no targets.*reduction='sum'",
    ),
    case(lambda: xc.softmax_cross_entropy_grad(Z, [1, 1], ignore_index=1), r"every target equals ignore_index=1"),
    case(
        lambda: xc.softmax_cross_entropy(Z, Y, weight=[1.0, -1.0, 1.0]),
        r"weight\(1\) = .*-1\.0.*; class weights must be finite and >= 0",
    ),
    case(
        lambda: xc.softmax_cross_entropy_grad(Z, Y, weight=[1.0, 1.0, inf]),
        r"weight\(2\) = .*inf.*; class weights must be finite and >= 0",
    ),
    case(
        lambda: xc.binary_cross_entropy_with_logits([0.0], [1.0], pos_weight=[-1.0]), r"pos_weight must be finite and >= 0"
    ),
    case(
        lambda: xc.binary_cross_entropy_with_logits_grad([0.0], [1.0], pos_weight=[inf]),
        r"pos_weight must be finite and >= 0",
    ),
    case(
        lambda: xc.bernoulli_likelihood(0.5, [0, 2, 1]),
        r"outcomes\(1\) = .*2.*; outcomes must be 0 \(failure, e\.g\. tails\) or 1 \(success",
    ),
    case(lambda: xc.bernoulli_log_likelihood(0.5, [[0, 1], [0.5, 1]]), r"outcomes\(1, 0\) = .*0\.5"),
    case(
        lambda: xc.bernoulli_likelihood(0.5, 1),
        r"outcomes must be an array of 0/1 outcomes along its last axis, got a scalar; pass \[x\]",
    ),
]

NOT_NUMBERS = [
    case(
        lambda: xc.information_content("0.5"),
        r"p must be a real number or array of real numbers, got dtype <U3; convert it with np\.asarray\(p, dtype=float\)",
        TypeError,
    ),
    case(lambda: xc.entropy([0.5 + 0j, 0.5]), r"p must be a real number .* got dtype complex128", TypeError),
    case(
        lambda: xc.cross_entropy([0.5, 0.5], np.array([0.5, None])),
        r"q must be a real number .* got dtype object",
        TypeError,
    ),
    case(lambda: xc.kl_divergence([0.5, 0.5], ["a", "b"]), r"q must be a real number .* got dtype <U1", TypeError),
    case(lambda: xc.logsumexp([1j]), r"z must be a real number .* complex128", TypeError),
    case(lambda: xc.softmax(["1", "2"]), r"z must be a real number .* <U1", TypeError),
    case(lambda: xc.log_softmax(np.array([1.0, None])), r"z must be a real number .* object", TypeError),
    case(lambda: xc.sigmoid("x"), r"x must be a real number", TypeError),
    case(lambda: xc.log_sigmoid([1j]), r"x must be a real number", TypeError),
    case(lambda: xc.softmax_cross_entropy([["a", "b"]], [0]), r"logits must be a real number .* <U1", TypeError),
    case(
        lambda: xc.softmax_cross_entropy(Z, np.array([[0.5, 0.5, 0j]] * 2)),
        r"target must be a real number .* complex128",
        TypeError,
    ),
    case(lambda: xc.softmax_cross_entropy_grad(Z, Y, weight=["1", "1", "1"]), r"weight must be a real number", TypeError),
    case(lambda: xc.categorical_cross_entropy([0.5, 0.5j], 0), r"probs must be a real number", TypeError),
    case(lambda: xc.categorical_cross_entropy([0.5, 0.5], ["a", "b"]), r"target must be a real number", TypeError),
    case(lambda: xc.binary_cross_entropy(["a"], [1.0]), r"probs must be a real number", TypeError),
    case(
        lambda: xc.binary_cross_entropy_with_logits([0.0], [1.0], pos_weight=["2"]),
        r"pos_weight must be a real number",
        TypeError,
    ),
    case(lambda: xc.binary_cross_entropy_with_logits_grad([0j], [1.0]), r"logits must be a real number", TypeError),
    case(lambda: xc.sigmoid_mean_squared_error_grad([0.0], np.array([None])), r"target must be a real number", TypeError),
    case(lambda: xc.mean_squared_error(["1"], [1.0]), r"pred must be a real number", TypeError),
    case(lambda: xc.mean_absolute_error([1.0], [1j]), r"target must be a real number", TypeError),
    case(lambda: xc.bernoulli_likelihood("0.5", [0, 1]), r"theta must be a real number", TypeError),
]


@pytest.mark.parametrize("call, error, match", OUTSIDE_0_1)
def test_probabilities_outside_0_1(call, error, match):
    check(call, error, match)


@pytest.mark.parametrize("call, error, match", NOT_SUMMING_TO_ONE)
def test_distributions_that_do_not_sum_to_one(call, error, match):
    check(call, error, match)


@pytest.mark.parametrize("call, error, match", NAN)
def test_nan_inputs(call, error, match):
    check(call, error, match)


@pytest.mark.parametrize("call, error, match", SHAPES)
def test_shapes_that_do_not_match_are_not_broadcast(call, error, match):
    check(call, error, match)


@pytest.mark.parametrize("call, error, match", CLASS_INDICES)
def test_bad_class_indices(call, error, match):
    check(call, error, match)


@pytest.mark.parametrize("call, error, match", OPTIONS)
def test_bad_options(call, error, match):
    check(call, error, match)


@pytest.mark.parametrize("call, error, match", EMPTY_CLASS_AXIS)
def test_empty_class_axis(call, error, match):
    check(call, error, match)


@pytest.mark.parametrize("call, error, match", LOGITS)
def test_infinite_logits(call, error, match):
    check(call, error, match)


@pytest.mark.parametrize("call, error, match", TARGETS_AND_WEIGHTS)
def test_bad_targets_and_weights(call, error, match):
    check(call, error, match)


@pytest.mark.parametrize("call, error, match", NOT_NUMBERS)
def test_non_numbers_raise_type_error(call, error, match):
    check(call, error, match)


def test_error_in_a_worker_thread_names_the_row():
    # Large enough for the blocked, multi-threaded path; the bad row is in a late block.
    logits = np.zeros((3000, 300))
    logits[2999, 7] = nan
    check(lambda: xc.softmax_cross_entropy(logits, np.zeros(3000, int)), ValueError, r"logits\[2999, :\]\(7\) is NaN")
    logits[2999, 7] = 0.0
    logits[2500] = -inf
    check(
        lambda: xc.softmax_cross_entropy_grad(logits.reshape(30, 100, 300), np.zeros((30, 100), int)),
        ValueError,
        r"logits are -inf for every class at batch index \(25, 0\)",
    )


def test_ignore_index_may_be_out_of_range_and_allows_all_ignored_sums():
    assert xc.softmax_cross_entropy(Z, [-100, 0], ignore_index=-100) == pytest.approx(
        xc.softmax_cross_entropy(Z[1:], [0]), rel=1e-15
    )
    assert xc.softmax_cross_entropy(Z, [7, 7], ignore_index=7, reduction="sum") == 0
    np.testing.assert_array_equal(
        xc.softmax_cross_entropy_grad(Z, [7, 7], ignore_index=7, reduction="none"), np.zeros_like(Z)
    )


INFINITE_RESULTS = [
    (lambda: xc.information_content(0.0), inf),
    (lambda: xc.information_content(0.0, base=2), inf),
    (lambda: xc.cross_entropy([0.5, 0.5], [1.0, 0.0]), inf),
    (lambda: xc.kl_divergence([0.5, 0.5], [0.0, 1.0], base=2), inf),
    (lambda: xc.logsumexp([-inf, -inf]), -inf),
    (lambda: xc.logsumexp([inf, 1.0]), inf),
    (lambda: xc.log_softmax([-inf, 0.0])[0], -inf),
    (lambda: xc.log_sigmoid(-inf), -inf),
    (lambda: xc.categorical_cross_entropy([[0.0, 1.0]], [0]), inf),
    (lambda: xc.categorical_cross_entropy([[0.0, 1.0]], [[0.5, 0.5]], reduction="sum"), inf),
    (lambda: xc.binary_cross_entropy([1.0], [0.0]), inf),
    (lambda: xc.binary_cross_entropy_with_logits([inf], [0.0]), inf),
    (lambda: xc.binary_cross_entropy_with_logits([-inf, 0.0], [1.0, 0.0], pos_weight=[3.0, 1.0], reduction="sum"), inf),
    (lambda: xc.softmax_cross_entropy([[-inf, 0.0]], [0]), inf),
    (lambda: xc.softmax_cross_entropy([[-inf, 0.0]], [[0.5, 0.5]]), inf),
    (lambda: xc.bernoulli_log_likelihood(1.0, [0, 1]), -inf),
    (lambda: xc.mean_squared_error([inf], [0.0]), inf),
]


@pytest.mark.parametrize("call, expected", INFINITE_RESULTS)
def test_mathematically_infinite_results_are_returned_not_raised(call, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert call() == expected
