"""Tests of the exercise checkers of notebook 09: ``xent_exercises/cross_entropy_in_frameworks.py``."""

import math

import xent_exercises.cross_entropy_in_frameworks as xe


def test_check_keras_renormalized():
    right = -math.log(0.6 / (0.2 + 0.6 + 0.4))
    assert xe.check_keras_renormalized(right)
    assert xe.check_keras_renormalized(round(math.log(2), 4))
    wrong = xe.check_keras_renormalized(-math.log(0.6))
    assert not wrong and "divides y_pred by its sum" in wrong.message
    assert "sign" in xe.check_keras_renormalized(-right).message
    assert "Replace" in xe.check_keras_renormalized(...).message


def test_check_weighted_mean():
    right = (2 * 0.2 + 1 * 1.0 + 1 * 0.5) / (2 + 1 + 1)
    assert xe.check_weighted_mean(right)
    wrong = xe.check_weighted_mean((2 * 0.2 + 1.0 + 0.5) / 3)
    assert not wrong and "number of samples" in wrong.message
    assert "weight" in xe.check_weighted_mean((0.2 + 1.0 + 0.5) / 3).message


def test_check_double_softmax_floor():
    right = math.log(math.e + 9) - 1
    assert xe.check_double_softmax_floor(right)
    wrong = xe.check_double_softmax_floor(0)
    assert not wrong and "softmaxed" in wrong.message
    assert "bits" in xe.check_double_softmax_floor(right / math.log(2)).message


def test_check_smoothed_minimum():
    right = -(0.92 * math.log(0.92) + 4 * 0.02 * math.log(0.02))
    assert xe.check_smoothed_minimum(right)
    wrong = xe.check_smoothed_minimum(0.0)
    assert not wrong and "entropy" in wrong.message and "not 0" in wrong.message
    other = xe.check_smoothed_minimum(0.5)            # wrong, but not 0: no "not 0" clause
    assert not other and "entropy" in other.message and "not 0" not in other.message
    # the slip: eps / (C - 1) on each wrong class instead of eps / C on every class
    over_others = -(0.9 * math.log(0.9) + 4 * 0.025 * math.log(0.025))
    slip = xe.check_smoothed_minimum(over_others)
    assert not slip and "including the true one" in slip.message and "not 0" not in slip.message
    assert "the entropy of [0.9, 0.025, 0.025, 0.025, 0.025]" in slip.message
    assert "[0.92, 0.02, 0.02, 0.02, 0.02]" in slip.message
    typed = xe.check_smoothed_minimum(round(over_others, 4))   # what a reader types: 4 decimals
    assert not typed and typed.message.endswith(slip.message.split(";", 1)[1])
