"""Tests of the exercise checkers of notebook 13: ``xent_exercises/honest_probabilities.py``."""

import math
import pathlib
import sys

import numpy as np
import pytest

import xent_exercises.honest_probabilities as xe

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import hand_derived  # noqa: E402

KL = 0.7 * math.log(0.7 / 0.9) + 0.3 * math.log(0.3 / 0.1)
H = -(0.7 * math.log(0.7) + 0.3 * math.log(0.3))
ECE = (20 * 0.05 + 30 * 0.05 + 150 * 0.03) / 200
FLOOR = -(0.82 * math.log(0.82) + 9 * 0.02 * math.log(0.02))
# Each checker, its exact answer computed here by hand, and the decimals its prompt asks for.
RIGHT = [
    (xe.check_exaggeration_cost, KL, None),
    (xe.check_ece_by_hand, ECE, 3),
    (xe.check_smoothing_floor, FLOOR, None),
]


def test_listed_answers_are_the_hand_derived_ones():
    hand_derived.assert_answers_are(xe.ANSWERS, RIGHT)


@pytest.mark.parametrize(("check", "exact", "decimals"), RIGHT)
def test_each_checker_on_its_answer(check, exact, decimals):
    assert check(exact).correct
    assert "as a number" in check(np.array([exact, exact])).message


def test_the_ece_is_asked_to_3_decimals():
    assert xe.check_ece_by_hand(0.035).correct and xe.check_ece_by_hand("0.035").correct
    assert not xe.check_ece_by_hand(0.037).correct


@pytest.mark.parametrize(
    ("check", "wrong", "phrase"),
    [
        (xe.check_exaggeration_cost, H + KL, "subtract what the honest report pays"),
        (xe.check_exaggeration_cost, H, "what the honest report pays"),
        (xe.check_exaggeration_cost, 0.9 * math.log(0.9 / 0.7) + 0.1 * math.log(0.1 / 0.3), "other way round"),
        (xe.check_exaggeration_cost, math.log(0.7 / 0.9), "only the outcome"),
        (xe.check_exaggeration_cost, KL / math.log(2), "bits"),
        (xe.check_exaggeration_cost, -KL, "sign"),
        (xe.check_exaggeration_cost, 1.0, "H(p) + KL(p‖r)"),
        (xe.check_ece_by_hand, (0.05 + 0.05 + 0.03) / 3, "plain mean"),
        (xe.check_ece_by_hand, (-1 - 1.5 + 4.5) / 200, "cancelled"),
        (xe.check_ece_by_hand, 7.0, "before dividing"),
        (xe.check_ece_by_hand, 0.05, "largest gap"),
        (xe.check_ece_by_hand, 0.2, "count / 200"),
        (xe.check_ece_by_hand, 3.5, "percentage points"),
        (xe.check_smoothing_floor, -math.log(0.82), "given class alone"),
        (xe.check_smoothing_floor, -(0.8 * math.log(0.8) + 0.2 * math.log(0.2 / 9)), "9 other classes only"),
        (xe.check_smoothing_floor, -(0.8 * math.log(0.8) + 0.2 * math.log(0.2)), "10 entries"),
        (xe.check_smoothing_floor, -(0.8 * math.log(0.8) + 0.2 * math.log(0.02)), "smoothed target's entries"),
        (xe.check_smoothing_floor, 0, "not one-hot"),
        (xe.check_smoothing_floor, FLOOR / math.log(2), "bits"),
        (xe.check_smoothing_floor, 2.0, "entropy of the smoothed target"),
    ],
)
def test_slips_get_their_message(check, wrong, phrase):
    feedback = check(wrong)
    assert not feedback.correct and phrase in feedback.message, feedback.message


def test_no_slip_message_out_of_context():
    message = xe.check_ece_by_hand(0.5).message
    assert "-log of a probability" not in message and "bits" not in message
