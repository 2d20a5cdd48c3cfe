"""Tests of the exercise checkers of notebook 01: ``xent_exercises/measuring_error.py``."""

import numpy as np

import xent_exercises.measuring_error as xe


def test_mse_of_improved_outputs_right_and_wrong():
    assert xe.check_mse_of_improved_outputs((25 + 0 + 25) / 3)
    assert xe.check_mse_of_improved_outputs(16.67)
    assert "sum of the squared errors" in xe.check_mse_of_improved_outputs(50).message
    assert "half the MSE" in xe.check_mse_of_improved_outputs(50 / 6).message
    assert "L1 loss" in xe.check_mse_of_improved_outputs(10 / 3).message
    assert "squares the mean error" in xe.check_mse_of_improved_outputs(100 / 9).message
    assert "Replace ..." in xe.check_mse_of_improved_outputs(...).message
    assert not xe.check_mse_of_improved_outputs(466.67)


def test_l1_of_second_example_right_and_wrong():
    assert xe.check_l1_of_second_example(5 / 3)
    assert xe.check_l1_of_second_example(1.6667)
    assert "absolute value" in xe.check_l1_of_second_example(1).message
    assert "absolute value" in xe.check_l1_of_second_example(-1).message
    assert "total" in xe.check_l1_of_second_example(5).message
    assert not xe.check_l1_of_second_example(2)


def test_best_constants():
    assert xe.check_best_constant_squared(4.0)
    assert xe.check_best_constant_absolute(3)
    assert "median" in xe.check_best_constant_squared(3).message
    assert "the mean" in xe.check_best_constant_absolute(4).message
    assert "grid" in xe.check_best_constant_squared(5).message
    assert "grid" in xe.check_best_constant_absolute(10).message


def test_numpy_scalar_answers_get_the_same_hints():
    # answers computed with NumPy are NumPy scalars (np.int64 and np.float32 are no Python int or float)
    assert "median" in xe.check_best_constant_squared(np.int64(3)).message
    assert "the mean" in xe.check_best_constant_absolute(np.float32(4)).message
    assert "sum of the squared errors" in xe.check_mse_of_improved_outputs(np.int64(50)).message
    assert "half the MSE" in xe.check_mse_of_improved_outputs(np.float32(50 / 6)).message
    assert "absolute value" in xe.check_l1_of_second_example(np.int64(-1)).message
    assert "total" in xe.check_l1_of_second_example(np.float32(5)).message
    assert xe.check_best_constant_squared(np.int64(4)) and xe.check_best_constant_absolute(np.float32(3))
