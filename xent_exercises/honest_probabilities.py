"""Exercise checkers of ``notebooks/13_honest_probabilities.ipynb``."""

import math

import numpy as np

import xent_core as xc
from xent_exercises import check_number

__all__ = ["check_exaggeration_cost", "check_ece_by_hand", "check_smoothing_floor"]

# Exercise 1: the true probability and the exaggerated report.
_P, _R = 0.7, 0.9
# Exercise 2: three bins (count, mean confidence, accuracy).
_COUNTS, _CONFIDENCE, _ACCURACY = np.array([20, 30, 150]), np.array([0.55, 0.75, 0.95]), np.array([0.50, 0.70, 0.98])
# Exercise 3: label smoothing on ten classes.
_EPS, _CLASSES = 0.2, 10


def _exaggeration_cost():
    return float(xc.kl_divergence([_P, 1 - _P], [_R, 1 - _R]))


def _ece_by_hand():
    return float(np.sum(_COUNTS / _COUNTS.sum() * np.abs(_ACCURACY - _CONFIDENCE)))


def _smoothing_floor():
    return float(xc.entropy((1 - _EPS) * np.eye(_CLASSES)[0] + _EPS / _CLASSES))


def check_exaggeration_cost(answer):
    """Exercise 1 of 13: the expected extra log loss of reporting 0.9 for an event of probability 0.7, KL(p‖r).

    Examples
    --------
    >>> check_exaggeration_cost(0.154)
    Correct: the expected extra log loss in nats is 0.153664.
    >>> check_exaggeration_cost(0.765)
    Not yet: 0.765 is not the expected extra log loss in nats; that is the whole expected log loss H(p) + KL of reporting 0.9; subtract what the honest report pays, H(p).
    """
    expected = _exaggeration_cost()
    honest = float(xc.entropy([_P, 1 - _P]))
    slips = [
        (honest + expected, "that is the whole expected log loss H(p) + KL of reporting 0.9; subtract what the honest report pays, H(p)"),
        (honest, "that is H(p), what the honest report pays; the question asks for the extra cost of reporting 0.9"),
        (float(xc.kl_divergence([_R, 1 - _R], [_P, 1 - _P])), "that is KL(r‖p), the divergence the other way round; "
                                                              "the expectation is over the true p: KL(p‖r)"),
        (-math.log(_R) + math.log(_P), "that is only the outcome 'yes', ln(0.7/0.9); weight both outcomes by their true probabilities"),
    ]
    return check_number(answer, expected, "the expected extra log loss in nats", quantity="nats", slips=slips,
                        hint="expected log loss of a report r is H(p) + KL(p‖r)")


def check_ece_by_hand(answer):
    """Exercise 2 of 13: the ECE of three bins, weighted by their counts.

    Examples
    --------
    >>> check_ece_by_hand(0.035)
    Correct: the expected calibration error is 0.035.
    >>> check_ece_by_hand(0.043)
    Not yet: 0.043 is not the expected calibration error; that is the plain mean of the three gaps; weight each gap by its bin's share of the 200 predictions.
    """
    gaps = _ACCURACY - _CONFIDENCE
    slips = [
        (float(np.mean(np.abs(gaps))), "that is the plain mean of the three gaps; weight each gap by its bin's share of the 200 predictions"),
        (float(np.sum(_COUNTS / _COUNTS.sum() * gaps)), "the gaps of opposite sign cancelled: take each bin's |accuracy - confidence|"),
        (float(-np.sum(_COUNTS / _COUNTS.sum() * gaps)), "the gaps of opposite sign cancelled: take each bin's |accuracy - confidence|"),
        (float(np.sum(_COUNTS * np.abs(gaps))), "that is the weighted sum before dividing by the 200 predictions"),
        (float(np.max(np.abs(gaps))), "that is the largest gap (the maximum calibration error); the ECE averages them"),
        (100 * _ece_by_hand(), "that is the ECE in percentage points; give it as a fraction of 1, like the accuracies"),
    ]
    return check_number(answer, _ece_by_hand(), "the expected calibration error", quantity=None, decimals=3, slips=slips,
                        hint="sum over the bins of (count / 200) · |accuracy - confidence|")


def check_smoothing_floor(answer):
    """Exercise 3 of 13: the lowest training loss with label smoothing 0.2 on 10 classes, H(t).

    Examples
    --------
    >>> check_smoothing_floor(0.867)
    Correct: the lowest training loss in nats is 0.866894.
    >>> check_smoothing_floor(0.198)
    Not yet: 0.198 is not the lowest training loss in nats; that is -ln 0.82, the loss on the given class alone; the smoothed target also puts 0.02 on each of the 9 other classes, and the loss charges those too.
    """
    top = 1 - _EPS + _EPS / _CLASSES
    rest = _EPS / _CLASSES
    slips = [
        (-math.log(top), "that is -ln 0.82, the loss on the given class alone; the smoothed target also puts 0.02 on each "
                         "of the 9 other classes, and the loss charges those too"),
        (float(xc.entropy([1 - _EPS] + [_EPS / (_CLASSES - 1)] * (_CLASSES - 1))),
         "that spreads ε over the 9 other classes only; PyTorch's smoothing spreads ε/C over all 10, the given one included"),
        (float(xc.entropy([1 - _EPS, _EPS])), "that is the entropy of (0.8, 0.2); the smoothed target has 10 entries"),
        (-(1 - _EPS) * math.log(1 - _EPS) - _EPS * math.log(rest), "use the smoothed target's entries: 0.82 on the given class and 0.02 on each other"),
        (0.0, "0 is the floor without smoothing; a smoothed target is not one-hot, so its entropy is above 0"),
    ]
    return check_number(answer, _smoothing_floor(), "the lowest training loss in nats", quantity="nats", slips=slips,
                        hint="the floor is the entropy of the smoothed target (0.82, 0.02, ..., 0.02)")


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_exaggeration_cost": (_exaggeration_cost(), None),
    "check_ece_by_hand": (_ece_by_hand(), 3),
    "check_smoothing_floor": (_smoothing_floor(), None),
}
