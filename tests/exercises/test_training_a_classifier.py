"""Tests of the exercise checkers of notebook 12: ``xent_exercises/training_a_classifier.py``."""

import math
import pathlib
import sys

import numpy as np
import pytest

import xent_exercises.training_a_classifier as xe

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import hand_derived  # noqa: E402

# Each checker, its exact answer computed here by hand, and the decimals its prompt asks for.
RIGHT = [
    (xe.check_letters_start_loss, math.log(26), None),
    (xe.check_geometric_mean_probability, math.exp(-0.25), None),
    (xe.check_sklearn_c, 1 / (0.01 * 1077), None),
]


def test_listed_answers_are_the_hand_derived_ones():
    hand_derived.assert_answers_are(xe.ANSWERS, RIGHT)


@pytest.mark.parametrize(("check", "exact", "decimals"), RIGHT)
def test_each_checker_on_its_answer(check, exact, decimals):
    assert check(exact).correct and check(f"{exact:.3g}").correct
    assert "as a number" in check(np.array([exact, exact])).message


@pytest.mark.parametrize(
    ("check", "wrong", "phrase"),
    [
        (xe.check_letters_start_loss, 2.303, "ln 10"),
        (xe.check_letters_start_loss, 1 / 26, "-ln of it"),
        (xe.check_letters_start_loss, math.log10(26), "natural log"),
        (xe.check_letters_start_loss, math.log2(26), "bits"),
        (xe.check_letters_start_loss, -math.log(26), "sign"),
        (xe.check_letters_start_loss, 5.0, "1/26"),
        (xe.check_geometric_mean_probability, 0.75, "1 - 0.25"),
        (xe.check_geometric_mean_probability, 2 ** -0.25, "bits"),
        (xe.check_geometric_mean_probability, math.exp(0.25), "more than 1"),
        (xe.check_geometric_mean_probability, 77.9, "percentage"),
        (xe.check_geometric_mean_probability, 0.5, "exponentiate"),
        (xe.check_sklearn_c, 100, "1/λ"),
        (xe.check_sklearn_c, 10.77, "inverse"),
        (xe.check_sklearn_c, 2 / 10.77, "factor 2"),
        (xe.check_sklearn_c, 1 / 1.077, "λ = 0.001"),
        (xe.check_sklearn_c, 107700, "N/λ"),
        (xe.check_sklearn_c, 3.0, "C·Σ"),
    ],
)
def test_slips_get_their_message(check, wrong, phrase):
    feedback = check(wrong)
    assert not feedback.correct and phrase in feedback.message, feedback.message


def test_no_slip_message_out_of_context():
    message = xe.check_sklearn_c(-0.0929).message
    assert "percentage" not in message and "-log of a probability" not in message and "bits" not in message
