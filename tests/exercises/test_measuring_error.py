"""Tests of the exercise checkers of notebook 01: ``xent_exercises/measuring_error.py``."""

import numpy as np
import pytest

import xent_exercises.measuring_error as xe


@pytest.mark.parametrize("answer", [(25 + 0 + 25) / 3, 16.7, 16.67, "16.7", np.float32(50 / 3)])
def test_mse_of_improved_outputs_right(answer):
    assert xe.check_mse_of_improved_outputs(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (17, "Close: 17 is the mean squared error of outputs (25, 20, 45) rounded too coarsely; give 3 significant digits."),
    (50, "sum of the squared errors"),
    (50 / 6, "half the MSE"),
    (10 / 3, "L1 loss"),
    (100 / 9, "squares the mean error"),
    (466.67, "square each error (output - target) first"),
    (np.int64(50), "sum of the squared errors"),
    (..., "Replace ..."),
])
def test_mse_of_improved_outputs_wrong(answer, message):
    feedback = xe.check_mse_of_improved_outputs(answer)
    assert not feedback and message in feedback.message


@pytest.mark.parametrize("answer", [5 / 3, 1.67, 1.667, "1.67"])
def test_l1_of_second_example_right(answer):
    assert xe.check_l1_of_second_example(answer)


@pytest.mark.parametrize(("answer", "message"), [
    (1.7, "Close: 1.7 is the L1 loss (mean absolute error) rounded too coarsely; give 3 significant digits."),
    (1, "absolute value"),
    (-1, "absolute value"),
    (5, "total"),
    (2.5, "take |output - target|"),
    (np.int64(-1), "absolute value"),
    (np.float32(5), "total"),
])
def test_l1_of_second_example_wrong(answer, message):
    feedback = xe.check_l1_of_second_example(answer)
    assert not feedback and message in feedback.message


def test_best_constants():
    for answer in (4, 4.0, 4.00, 4.004, np.int64(4), "4"):
        assert xe.check_best_constant_squared(answer)
    for answer in (3, 3.0, 2.996, np.float32(3)):
        assert xe.check_best_constant_absolute(answer)
    assert "median" in xe.check_best_constant_squared(3).message
    assert "median" in xe.check_best_constant_squared(np.int64(3)).message
    assert "the mean" in xe.check_best_constant_absolute(4).message
    assert "the mean" in xe.check_best_constant_absolute(np.float32(4)).message
    assert "grid" in xe.check_best_constant_squared(5).message
    assert "grid" in xe.check_best_constant_absolute(3.01).message


def test_answers_are_the_exercises():
    assert xe.ANSWERS == {
        "check_mse_of_improved_outputs": (50 / 3, None), "check_l1_of_second_example": (5 / 3, None),
        "check_best_constant_squared": (4.0, 2), "check_best_constant_absolute": (3.0, 2),
    }
