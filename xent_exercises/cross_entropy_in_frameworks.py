"""Exercise checkers of ``notebooks/09_cross_entropy_in_frameworks.ipynb``."""

import math

import numpy as np

import xent_core as xc
from xent_exercises import check_number

__all__ = ["check_keras_renormalized", "check_weighted_mean", "check_double_softmax_floor", "check_smoothed_minimum"]


def check_keras_renormalized(answer):
    """Keras's categorical_crossentropy for y_true = class 1, y_pred = [0.2, 0.6, 0.4] (not a distribution).

    Keras first rescales y_pred to sum to 1 ([1/6, 1/2, 1/3]), then clips to [1e-7, 1 - 1e-7]
    (which changes nothing here), so the loss is -ln(0.6 / 1.2) = ln 2.

    Examples
    --------
    >>> check_keras_renormalized(0.6931)
    Correct: the loss Keras returns (nats) is 0.693147.
    >>> check_keras_renormalized(0.5108)
    Not yet: 0.5108 is not the loss Keras returns (nats); -ln 0.6 is the loss without the rescaling: Keras first divides y_pred by its sum, 1.2.
    """
    y_pred = [0.2, 0.6, 0.4]
    expected = -math.log(y_pred[1] / sum(y_pred))
    slips = [(-math.log(y_pred[1]), "-ln 0.6 is the loss without the rescaling: Keras first divides y_pred by its sum, 1.2")]
    return check_number(answer, expected, "the loss Keras returns (nats)", slips=slips,
                        hint="check each step: rescale the row to sum to 1, then take -ln of the true class's entry")


def check_weighted_mean(answer):
    """PyTorch's weighted mean: losses 0.2, 1.0, 0.5 of samples with classes 0, 1, 1 and class weights (2, 1).

    The weighted mean divides the weighted sum by the sum of the samples' weights:
    (2 * 0.2 + 1 * 1.0 + 1 * 0.5) / (2 + 1 + 1).

    Examples
    --------
    >>> check_weighted_mean(0.475)
    Correct: the weighted mean loss is 0.475.
    >>> check_weighted_mean(1.9 / 3)
    Not yet: 0.633333 is not the weighted mean loss; you divided by the number of samples, 3; PyTorch divides by the total weight of the samples' classes, 2 + 1 + 1.
    """
    losses, classes, weight = np.array([0.2, 1.0, 0.5]), np.array([0, 1, 1]), np.array([2.0, 1.0])
    sample_weight = weight[classes]
    expected = float((sample_weight * losses).sum() / sample_weight.sum())
    slips = [((sample_weight * losses).sum() / losses.size,
              "you divided by the number of samples, 3; PyTorch divides by the total weight of the samples' classes, 2 + 1 + 1")]
    return check_number(answer, expected, "the weighted mean loss", slips=slips,
                        hint="multiply each loss by its class's weight, add, and divide by the sum of those weights")


def check_double_softmax_floor(answer):
    """The smallest loss of CrossEntropyLoss fed softmax outputs (not logits), for C = 10 classes.

    The best the model can output is the one-hot [1, 0, ..., 0]; used as logits it gives
    ln(e + 9) - 1 = ln(1 + 9/e), computed here with xent_core.

    Examples
    --------
    >>> check_double_softmax_floor(1.4612)
    Correct: the smallest reachable loss for 10 classes (nats) is 1.46115.
    >>> check_double_softmax_floor(0)
    Not yet: 0 is not the smallest reachable loss for 10 classes (nats); the model's best output, the one-hot [1, 0, ..., 0], is treated as logits and softmaxed again: compute -log softmax([1, 0, ..., 0])[0].
    """
    perfect = np.zeros(10)
    perfect[0] = 1.0
    expected = float(xc.softmax_cross_entropy(perfect[None], [0]))
    hint = ("the model's best output, the one-hot [1, 0, ..., 0], is treated as logits and softmaxed "
            "again: compute -log softmax([1, 0, ..., 0])[0]")
    return check_number(answer, expected, "the smallest reachable loss for 10 classes (nats)", hint=hint)


def check_smoothed_minimum(answer):
    """The smallest loss any prediction can reach with label smoothing eps = 0.1 and C = 5 classes.

    It is the entropy of the smoothed target [0.92, 0.02, 0.02, 0.02, 0.02], in nats.

    Examples
    --------
    >>> check_smoothed_minimum(0.3897)
    Correct: the smallest possible smoothed loss (nats) is 0.389673.
    >>> check_smoothed_minimum(0)
    Not yet: 0 is not the smallest possible smoothed loss (nats); with smoothing the best prediction is the smoothed target itself, and its loss is that target's entropy, not 0.
    >>> check_smoothed_minimum(0.4637)
    Not yet: 0.4637 is not the smallest possible smoothed loss (nats); that is the entropy of [0.9, 0.025, 0.025, 0.025, 0.025], which spreads ε over the C - 1 other classes; PyTorch spreads ε over all C classes, including the true one: [0.92, 0.02, 0.02, 0.02, 0.02].
    """
    eps, n_classes = 0.1, 5
    target = np.full(n_classes, eps / n_classes)
    target[0] += 1 - eps
    expected = float(xc.entropy(target))
    hint = ("with smoothing the best prediction is the smoothed target itself, and its loss is that "
            "target's entropy")
    over_others = np.full(n_classes, eps / (n_classes - 1))   # the slip: eps / (C - 1) on each wrong class
    over_others[0] = 1 - eps
    shown = lambda row: "[" + ", ".join(f"{v:g}" for v in row) + "]"
    slips = [
        (0, hint + ", not 0"),
        (xc.entropy(over_others), f"that is the entropy of {shown(over_others)}, which spreads ε over the C - 1 other "
                                  f"classes; PyTorch spreads ε over all C classes, including the true one: {shown(target)}"),
    ]
    return check_number(answer, expected, "the smallest possible smoothed loss (nats)", hint=hint, slips=slips)
