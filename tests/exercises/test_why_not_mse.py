"""Tests of the exercise checkers of notebook 08: ``xent_exercises/why_not_mse.py``."""

import math
import pathlib
import sys

import numpy as np
import pytest

import xent_exercises.why_not_mse as xe

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import hand_derived  # noqa: E402


def _sigmoid(x):
    return 1 / (1 + math.exp(-x))


S3, S12 = _sigmoid(-3.0), _sigmoid(1.2)
# Each checker, its exact answer computed here by hand, and the decimals its prompt asks for.
RIGHT = [
    (xe.check_mse_sigmoid_gradient, 2 * (S3 - 1) * S3 * (1 - S3), None),
    (xe.check_ce_logit_gradient, S12 - 0.0, None),
    (xe.check_steepest_mse_gradient, 8 / 27, None),
]


def test_listed_answers_are_the_hand_derived_ones():
    hand_derived.assert_answers_are(xe.ANSWERS, RIGHT)


@pytest.mark.parametrize(("check", "exact", "decimals"), RIGHT)
def test_each_checker_on_its_answer(check, exact, decimals):
    assert "as a number" in check(np.array([exact, exact])).message


def test_scanning_a_grid_finds_the_peak():
    """Exercise 3 may be done on a grid of s: a grid of step 0.01 is fine enough."""
    s = np.linspace(0.0, 1.0, 101)
    assert xe.check_steepest_mse_gradient(float((2 * s * (1 - s) ** 2).max())).correct


@pytest.mark.parametrize(
    ("check", "wrong", "phrase"),
    [
        (xe.check_mse_sigmoid_gradient, -0.0430, "has no 1/2"),
        (xe.check_mse_sigmoid_gradient, 2 * (S3 - 1), "slope of the sigmoid"),
        (xe.check_mse_sigmoid_gradient, 0.0861, "sign is flipped"),
        (xe.check_mse_sigmoid_gradient, (S3 - 1) ** 2, "the loss"),
        (xe.check_mse_sigmoid_gradient, 0.5, "2(σ - 1)"),
        (xe.check_ce_logit_gradient, S12 - 1, "gradient for target 1"),
        (xe.check_ce_logit_gradient, -S12, "sign is flipped"),
        (xe.check_ce_logit_gradient, S12 * S12 * (1 - S12), "cancels"),
        (xe.check_ce_logit_gradient, 2 * S12 * S12 * (1 - S12), "MSE gradient"),
        (xe.check_ce_logit_gradient, -math.log(1 - S12), "the loss"),
        (xe.check_ce_logit_gradient, 3.0, "σ(x) - t"),
        (xe.check_steepest_mse_gradient, 0.25, "slope of the sigmoid alone"),
        (xe.check_steepest_mse_gradient, 0.5, "2σ(1 - σ) at x = 0"),
        (xe.check_steepest_mse_gradient, 1 / 3, "σ(x) at the peak"),
        (xe.check_steepest_mse_gradient, -math.log(2), "the logit where the peak is"),
        (xe.check_steepest_mse_gradient, math.log(2), "logit of the peak"),
        (xe.check_steepest_mse_gradient, 4 / 27, "without the factor 2"),
        (xe.check_steepest_mse_gradient, -8 / 27, "its size"),
        (xe.check_steepest_mse_gradient, 0.1, "2s(1 - s)^2"),
    ],
)
def test_slips_get_their_message(check, wrong, phrase):
    feedback = check(wrong)
    assert not feedback.correct and phrase in feedback.message, feedback.message


def test_no_slip_message_out_of_context():
    # gradients are not -log of a probability, bits or percentages
    for message in (xe.check_mse_sigmoid_gradient(-8.61).message, xe.check_ce_logit_gradient(76.9).message):
        assert "percentage" not in message and "-log of a probability" not in message and "bits" not in message
