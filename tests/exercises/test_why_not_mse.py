"""Tests of the exercise checkers of notebook 08: ``xent_exercises/why_not_mse.py``."""

import math

import numpy as np
import pytest

import xent_exercises.why_not_mse as xe


def _sigmoid(x):
    return 1 / (1 + math.exp(-x))


def test_mse_gradient_right_answer():
    s = _sigmoid(-3.0)
    assert xe.check_mse_sigmoid_gradient(2 * (s - 1) * s * (1 - s))
    assert xe.check_mse_sigmoid_gradient(-0.0861)


@pytest.mark.parametrize(
    "wrong, phrase",
    [
        (-0.0430, "has no 1/2"),                       # note 001's 1/(2m) convention
        (2 * (_sigmoid(-3.0) - 1), "slope of the sigmoid"),  # forgot the chain-rule factor
        (0.0861, "sign is flipped"),
        ((_sigmoid(-3.0) - 1) ** 2, "the loss"),
        (0.5, "2(σ - 1)"),
    ],
)
def test_mse_gradient_wrong_answers(wrong, phrase):
    feedback = xe.check_mse_sigmoid_gradient(wrong)
    assert not feedback and phrase in feedback.message


def test_mse_gradient_missing_and_bad_type():
    assert "Replace ... with your answer" in xe.check_mse_sigmoid_gradient(...).message
    assert "as a number" in xe.check_mse_sigmoid_gradient("a lot").message


def test_ce_gradient_right_answer():
    assert xe.check_ce_logit_gradient(_sigmoid(2.0) - 0.0)
    assert xe.check_ce_logit_gradient(0.8808)


@pytest.mark.parametrize(
    "wrong, phrase",
    [
        (_sigmoid(2.0) - 1, "target 1"),
        (-_sigmoid(2.0), "sign is flipped"),
        (2 * _sigmoid(2.0) ** 2 * (1 - _sigmoid(2.0)), "MSE gradient"),
        (-math.log(1 - _sigmoid(2.0)), "the loss"),
        (0.3, "σ(x) - t"),
    ],
)
def test_ce_gradient_wrong_answers(wrong, phrase):
    feedback = xe.check_ce_logit_gradient(wrong)
    assert not feedback and phrase in feedback.message


def test_steepest_logit_right_answer():
    # brute force: |gradient| = 2 s (1 - s)^2 on a fine grid of logits
    grid = np.linspace(-5, 5, 1_000_001)
    s = 1 / (1 + np.exp(-grid))
    best = grid[np.argmax(2 * s * (1 - s) ** 2)]
    assert abs(best + math.log(2)) < 1e-4
    assert xe.check_steepest_mse_logit(best)
    assert xe.check_steepest_mse_logit(-0.693)


@pytest.mark.parametrize(
    "wrong, phrase",
    [(0, "σ'(x)"), (1 / 3, "σ(x) at the peak"), (math.log(2), "sign is flipped"), (8 / 27, "largest |gradient|"),
     (-2.0, "set its derivative")],
)
def test_steepest_logit_wrong_answers(wrong, phrase):
    feedback = xe.check_steepest_mse_logit(wrong)
    assert not feedback and phrase in feedback.message


def test_steepest_logit_coarse_grid_is_close():
    # scanning s in steps of 0.001 lands on s = 0.333, a logit 0.2% off the peak
    s = 0.333
    coarse = math.log(s / (1 - s))
    feedback = xe.check_steepest_mse_logit(coarse)
    assert not feedback and "finer grid" in feedback.message
    s = 0.3333
    assert xe.check_steepest_mse_logit(math.log(s / (1 - s)))
