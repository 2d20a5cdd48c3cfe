"""Tests of the exercise checkers of notebook 06: ``xent_exercises/softmax.py``."""

import math
import pathlib
import sys

import pytest

import xent_exercises.softmax as xe

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import hand_derived  # noqa: E402


def _softmax_by_hand(z):
    exps = [math.exp(v) for v in z]
    return [v / sum(exps) for v in exps]


def _sigmoid(x):
    return 1 / (1 + math.exp(-x))


# Each checker, its exact answer computed here by hand, and the decimals its prompt asks for.
RIGHT = [
    (xe.check_softmax_by_hand, _softmax_by_hand([0.0, 1.0, 2.0])[2], None),
    (xe.check_softmax_temperature, 1 / math.log(2), None),
    (xe.check_log_softmax_large, -math.log(2 + math.exp(-2)), None),
    (xe.check_two_class_softmax, _sigmoid(0.3 - 1.8), None),
]


def test_listed_answers_are_the_hand_derived_ones():
    hand_derived.assert_answers_are(xe.ANSWERS, RIGHT)


@pytest.mark.parametrize(
    ("check", "wrong", "phrase"),
    [
        (xe.check_softmax_by_hand, math.e**2, "e^2 alone"),
        (xe.check_softmax_by_hand, 2 / 3, "skips the exponential"),
        (xe.check_softmax_by_hand, _softmax_by_hand([0.0, 1.0, 2.0])[0], "probability of class 0"),
        (xe.check_softmax_by_hand, _softmax_by_hand([0.0, 1.0, 2.0])[1], "probability of class 1"),
        (xe.check_softmax_by_hand, 66.5, "percentage"),
        (xe.check_softmax_temperature, math.log(2), "that is 1/T"),
        (xe.check_softmax_temperature, 0.5, "not (z_0 - z_1)/T"),
        (xe.check_softmax_temperature, 3.0, "does not depend on class 2"),
        (xe.check_log_softmax_large, math.log(2 + math.exp(-2)), "sign is flipped"),
        (xe.check_log_softmax_large, -math.log(2), "leaves out the third class"),
        (xe.check_log_softmax_large, -math.log(2 + math.exp(2)), "not e^2"),
        (xe.check_log_softmax_large, -math.log(3), "as equal"),
        (xe.check_log_softmax_large, 1 / (2 + math.exp(-2)), "probability softmax(z)_0 itself"),
        (xe.check_log_softmax_large, -math.log10(2 + math.exp(-2)), "base 10"),
        (xe.check_log_softmax_large, float("inf"), "overflows"),
        (xe.check_log_softmax_large, float("nan"), "overflows"),
        (xe.check_log_softmax_large, 5.0, "(z_0 - m)"),
        (xe.check_two_class_softmax, _sigmoid(1.5), "probability of class 1"),
        (xe.check_two_class_softmax, _sigmoid(0.3), "sigmoid(a) alone"),
        (xe.check_two_class_softmax, _sigmoid(2.1), "sigmoid(a + b)"),
        (xe.check_two_class_softmax, 18.2, "percentage"),
        (xe.check_two_class_softmax, 0.5, "sigmoid(a - b)"),
    ],
)
def test_slips_get_their_message(check, wrong, phrase):
    feedback = check(wrong)
    assert not feedback.correct and phrase in feedback.message, feedback.message


def test_slip_messages_fit_the_quantity():
    # a temperature is not -log of a probability, and a log-probability is not a percentage
    assert "-log of a probability" not in xe.check_softmax_temperature(-1 / math.log(2)).message
    assert "percentage" not in xe.check_log_softmax_large(-75.9).message
