"""Exercise checkers of ``notebooks/09_cross_entropy_in_frameworks.ipynb``.

Every prompt asks for 3 significant digits (``ANSWERS`` gives the exact answers and the
decimals each prompt asks for, None for 3 significant digits).
"""

import math

import numpy as np

import xent_core as xc
from xent_exercises import check_number

__all__ = ["check_keras_renormalized", "check_weighted_mean", "check_double_softmax_floor", "check_smoothed_minimum"]

# Exercise 1: a row that is not a distribution, for the true class 1.
KERAS_Y_PRED, KERAS_TRUE_CLASS = (0.2, 0.6, 0.6), 1
# Exercise 2: per-sample losses, the samples' classes and the class weights.
WEIGHTED_LOSSES, WEIGHTED_CLASSES, CLASS_WEIGHTS = (0.2, 1.0, 0.5), (0, 1, 1), (3.0, 2.0)
# Exercise 3: number of classes of the model that applies softmax twice.
DOUBLE_SOFTMAX_CLASSES = 100
# Exercise 4: label smoothing and number of classes.
SMOOTHING, SMOOTHING_CLASSES = 0.1, 5


def _keras_renormalized():
    y_pred = np.array(KERAS_Y_PRED)
    return -math.log(y_pred[KERAS_TRUE_CLASS] / y_pred.sum())


def _weighted_mean():
    losses, sample_weight = np.array(WEIGHTED_LOSSES), np.array(CLASS_WEIGHTS)[list(WEIGHTED_CLASSES)]
    return float((sample_weight * losses).sum() / sample_weight.sum())


def _double_softmax_floor():
    perfect = np.zeros((1, DOUBLE_SOFTMAX_CLASSES))
    perfect[0, 0] = 1.0
    return float(xc.softmax_cross_entropy(perfect, [0]))


def _smoothed_target(over_all=True):
    """PyTorch's smoothed target (eps / C on every class), or the slip (eps / (C - 1) on the others)."""
    if over_all:
        target = np.full(SMOOTHING_CLASSES, SMOOTHING / SMOOTHING_CLASSES)
        target[0] += 1 - SMOOTHING
    else:
        target = np.full(SMOOTHING_CLASSES, SMOOTHING / (SMOOTHING_CLASSES - 1))
        target[0] = 1 - SMOOTHING
    return target


def _smoothed_minimum():
    return float(xc.entropy(_smoothed_target()))


# The exact answer of each checker and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_keras_renormalized": (_keras_renormalized(), None),
    "check_weighted_mean": (_weighted_mean(), None),
    "check_double_softmax_floor": (_double_softmax_floor(), None),
    "check_smoothed_minimum": (_smoothed_minimum(), None),
}


def check_keras_renormalized(answer):
    """Keras's categorical_crossentropy for y_true = class 1, y_pred = [0.2, 0.6, 0.6] (not a distribution).

    Keras first rescales y_pred to sum to 1 ([1/7, 3/7, 3/7]), then clips to [1e-7, 1 - 1e-7]
    (which changes nothing here), so the loss is -ln(0.6 / 1.4) = ln(7/3).

    Examples
    --------
    >>> check_keras_renormalized(0.847)
    Correct: the loss Keras returns is 0.847298.
    >>> check_keras_renormalized(0.85)
    Close: 0.85 is the loss Keras returns rounded too coarsely; give 3 significant digits.
    >>> check_keras_renormalized(0.511)
    Not yet: 0.511 is not the loss Keras returns; -ln 0.6 is the loss without the rescaling: Keras first divides y_pred by its sum, 1.4.
    """
    y_pred = np.array(KERAS_Y_PRED)
    slips = [(-math.log(y_pred[KERAS_TRUE_CLASS]),
              f"-ln {y_pred[KERAS_TRUE_CLASS]:g} is the loss without the rescaling: Keras first divides y_pred by its sum, {y_pred.sum():g}")]
    return check_number(answer, _keras_renormalized(), "the loss Keras returns", quantity="nats", slips=slips,
                        hint="rescale the row to sum to 1, then take -ln of the true class's entry")


def check_weighted_mean(answer):
    """PyTorch's weighted mean: losses 0.2, 1.0, 0.5 of samples with classes 0, 1, 1 and class weights (3, 2).

    The weighted mean divides the weighted sum by the sum of the samples' weights:
    (3 * 0.2 + 2 * 1.0 + 2 * 0.5) / (3 + 2 + 2) = 3.6 / 7.

    Examples
    --------
    >>> check_weighted_mean(0.514)
    Correct: the weighted mean loss is 0.514286.
    >>> check_weighted_mean(0.51)
    Close: 0.51 is the weighted mean loss rounded too coarsely; give 3 significant digits.
    >>> check_weighted_mean(1.2)
    Not yet: 1.2 is not the weighted mean loss; you divided by the number of samples, 3; PyTorch divides by the total weight of the samples' classes, 3 + 2 + 2.
    """
    losses, sample_weight = np.array(WEIGHTED_LOSSES), np.array(CLASS_WEIGHTS)[list(WEIGHTED_CLASSES)]
    slips = [
        ((sample_weight * losses).sum() / losses.size,
         "you divided by the number of samples, 3; PyTorch divides by the total weight of the samples' classes, 3 + 2 + 2"),
        (losses.mean(), "that is the plain mean; each loss first gets the weight of its sample's class"),
        ((sample_weight * losses).sum(), "that is the weighted sum; the default reduction divides it by the total weight, 3 + 2 + 2"),
    ]
    return check_number(answer, _weighted_mean(), "the weighted mean loss", slips=slips,
                        hint="multiply each loss by its class's weight, add, and divide by the sum of those weights")


def check_double_softmax_floor(answer):
    """The smallest loss of CrossEntropyLoss fed softmax outputs (not logits), for C = 100 classes.

    The best the model can output is the one-hot [1, 0, ..., 0]; used as logits it gives
    ln(e + 99) - 1 = ln(1 + 99/e), computed here with xent_core.

    Examples
    --------
    >>> check_double_softmax_floor(3.62)
    Correct: the smallest reachable loss for 100 classes is 3.62221.
    >>> check_double_softmax_floor(0)
    Not yet: 0 is not the smallest reachable loss for 100 classes; the model's best output, the one-hot [1, 0, ..., 0], is treated as logits and softmaxed again: compute -log softmax([1, 0, ..., 0])[0].
    """
    hint = ("the model's best output, the one-hot [1, 0, ..., 0], is treated as logits and softmaxed "
            "again: compute -log softmax([1, 0, ..., 0])[0]")
    slips = [(math.log(DOUBLE_SOFTMAX_CLASSES),
              f"that is ln {DOUBLE_SOFTMAX_CLASSES}, the loss of a uniform guess; the one-hot output, read as logits, "
              "does a little better: compute -log softmax([1, 0, ..., 0])[0]")]
    return check_number(answer, _double_softmax_floor(), f"the smallest reachable loss for {DOUBLE_SOFTMAX_CLASSES} classes",
                        quantity="nats", hint=hint, slips=slips)


def check_smoothed_minimum(answer):
    """The smallest loss any prediction can reach with label smoothing eps = 0.1 and C = 5 classes.

    It is the entropy of the smoothed target [0.92, 0.02, 0.02, 0.02, 0.02], in nats.

    Examples
    --------
    >>> check_smoothed_minimum(0.39)
    Correct: the smallest possible smoothed loss is 0.389673.
    >>> check_smoothed_minimum(0)
    Not yet: 0 is not the smallest possible smoothed loss; with smoothing the best prediction is the smoothed target itself, and its loss is that target's entropy, not 0.
    >>> check_smoothed_minimum(0.464)
    Not yet: 0.464 is not the smallest possible smoothed loss; that is the entropy of [0.9, 0.025, 0.025, 0.025, 0.025], which spreads ε over the C - 1 other classes; PyTorch spreads ε over all C classes, including the true one: [0.92, 0.02, 0.02, 0.02, 0.02].
    """
    target, over_others = _smoothed_target(), _smoothed_target(over_all=False)
    hint = ("with smoothing the best prediction is the smoothed target itself, and its loss is that "
            "target's entropy")
    shown = lambda row: "[" + ", ".join(f"{v:g}" for v in row) + "]"
    slips = [
        (0, hint + ", not 0"),
        (xc.entropy(over_others), f"that is the entropy of {shown(over_others)}, which spreads ε over the C - 1 other "
                                  f"classes; PyTorch spreads ε over all C classes, including the true one: {shown(target)}"),
    ]
    return check_number(answer, _smoothed_minimum(), "the smallest possible smoothed loss", quantity="nats",
                        hint=hint, slips=slips)
