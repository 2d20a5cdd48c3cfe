"""Tests of the exercise checkers of notebook 06: ``xent_exercises/softmax.py``."""

import math

import xent_exercises.softmax as xe


def _softmax_by_hand(z):
    exps = [math.exp(v) for v in z]
    return [v / sum(exps) for v in exps]


def test_softmax_by_hand_right():
    feedback = xe.check_softmax_by_hand(_softmax_by_hand([0.0, 1.0, 2.0]))
    assert feedback.correct and feedback.message.startswith("Correct")


def test_softmax_by_hand_missing_and_wrong():
    assert xe.check_softmax_by_hand(...).message.startswith("Replace ... with your answer")
    unnormalized = xe.check_softmax_by_hand([1.0, math.e, math.e**2])
    assert not unnormalized.correct and "divide each by that sum" in unnormalized.message
    linear = xe.check_softmax_by_hand([0.0, 1 / 3, 2 / 3])
    assert not linear.correct and "skips the exponential" in linear.message
    off = xe.check_softmax_by_hand([0.1, 0.25, 0.65])
    assert not off.correct and "must sum to 1" in off.message
    assert "shape" in xe.check_softmax_by_hand([0.5, 0.5]).message


def test_softmax_by_hand_rounded_too_coarsely():
    exact = _softmax_by_hand([0.0, 1.0, 2.0])
    four = xe.check_softmax_by_hand([round(v, 4) for v in exact])
    assert four.correct
    three = xe.check_softmax_by_hand([round(v, 3) for v in exact])   # [0.09, 0.245, 0.665]
    assert not three.correct and "close" in three.message and "4 decimals" in three.message
    assert "should not be" not in three.message
    wrong_e = xe.check_softmax_by_hand(_softmax_by_hand([0.0, 1.0, 2.0 * 1.02]))   # a real mistake is not "close"
    assert not wrong_e.correct and "close" not in wrong_e.message


def test_temperature_right():
    # p0 / p1 = exp((2 - 1) / T) = 2  =>  T = 1 / ln 2
    T = 1 / math.log(2)
    right = xe.check_softmax_temperature(T)
    assert right.correct
    # the temperature the checker states makes class 0 twice as likely as class 1
    stated = float(right.message.removeprefix("Correct: the temperature T is ").removesuffix("."))
    probs = _softmax_by_hand([2.0 / stated, 1.0 / stated, 0.1 / stated])
    assert math.isclose(probs[0] / probs[1], 2.0, rel_tol=1e-5)
    assert xe.check_softmax_temperature(round(T, 3)).correct


def test_temperature_wrong():
    assert "that is 1/T" in xe.check_softmax_temperature(math.log(2)).message
    assert "not (z_0 - z_1)/T" in xe.check_softmax_temperature(0.5).message
    base_2 = xe.check_softmax_temperature(1.0).message   # also the generic "value in nats" slip of 1/ln 2
    assert "log base 2" in base_2 and "softmax uses e" in base_2 and "in nats" not in base_2
    other = xe.check_softmax_temperature(3.0)
    assert not other.correct and "does not depend on class 2" in other.message


def test_logsumexp_right():
    assert xe.check_logsumexp_1000(1000 + math.log(2)).correct
    assert xe.check_logsumexp_1000(1000.6931).correct


def test_logsumexp_wrong():
    assert "overflows" in xe.check_logsumexp_1000(float("inf")).message
    assert "only the maximum" in xe.check_logsumexp_1000(1000).message
    assert "not 2" in xe.check_logsumexp_1000(1002).message
    assert "four decimals" in xe.check_logsumexp_1000(1000.69).message
    assert not xe.check_logsumexp_1000(1500).correct
    assert xe.check_logsumexp_1000(...).message.startswith("Replace")


def test_two_class_right():
    a, b = 1.5, -0.5
    assert xe.check_two_class_softmax(math.exp(a) / (math.exp(a) + math.exp(b))).correct
    assert xe.check_two_class_softmax(1 / (1 + math.exp(-(a - b)))).correct


def test_two_class_wrong():
    assert "probability of class 1" in xe.check_two_class_softmax(1 / (1 + math.exp(2.0))).message
    assert "sigmoid(a) alone" in xe.check_two_class_softmax(1 / (1 + math.exp(-1.5))).message
    other = xe.check_two_class_softmax(0.5)
    assert not other.correct and "sigmoid(a - b)" in other.message
