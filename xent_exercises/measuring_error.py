"""Exercise checkers of ``notebooks/01_measuring_error.ipynb``."""

import numpy as np

import xent_notes as notes
from xent_exercises import check_number

__all__ = [
    "check_mse_of_improved_outputs", "check_l1_of_second_example", "check_best_constant_squared",
    "check_best_constant_absolute", "ANSWERS",
]


def check_mse_of_improved_outputs(answer):
    """Exercise 1: the mean squared error of improved outputs (25, 20, 45) against the notes' targets (30, 20, 50).

    Examples
    --------
    >>> check_mse_of_improved_outputs((5**2 + 0**2 + 5**2) / 3)
    Correct: the mean squared error of outputs (25, 20, 45) is 16.6667.
    >>> check_mse_of_improved_outputs(50)
    Not yet: 50 is not the mean squared error of outputs (25, 20, 45); 50 is the sum of the squared errors: the mean divides it by the number of outputs, 3.
    """
    errors = np.array([25.0, 20.0, 45.0]) - np.array(notes.L1_EXAMPLE_TARGET)
    squares = errors**2
    expected = squares.sum() / errors.size
    slips = [
        (squares.sum(), f"{squares.sum():g} is the sum of the squared errors: the mean divides it by the number of outputs, {errors.size}"),
        (expected / 2, "that is half the MSE, the 1/2 convention of note 001; the exercise asks for the plain mean"),
        (np.abs(errors).mean(), "that is the L1 loss (mean absolute error); square each error instead of taking its absolute value"),
        (errors.mean() ** 2, "that squares the mean error; square each error first, then take the mean"),
    ]
    return check_number(answer, expected, "the mean squared error of outputs (25, 20, 45)",
                        hint="square each error (output - target) first, then average the three squares", slips=slips)


def check_l1_of_second_example(answer):
    """Exercise 2: the L1 loss (mean absolute error) of outputs (2, 5, 9) against targets (3, 1, 9).

    Examples
    --------
    >>> check_l1_of_second_example((1 + 4 + 0) / 3)
    Correct: the L1 loss (mean absolute error) is 1.66667.
    >>> check_l1_of_second_example(1)
    Not yet: 1 is not the L1 loss (mean absolute error); an error counts whatever its sign: take the absolute value |output - target| before adding (here 2 - 3 = -1 counts as 1).
    """
    output, target = np.array([2.0, 5.0, 9.0]), np.array([3.0, 1.0, 9.0])
    errors = output - target
    expected = np.abs(errors).sum() / errors.size
    signed = ("an error counts whatever its sign: take the absolute value |output - target| "
              "before adding (here 2 - 3 = -1 counts as 1)")
    slips = [
        (errors.mean(), signed),
        (-errors.mean(), signed),
        (np.abs(errors).sum(), f"{np.abs(errors).sum():g} is the total; the mean divides it by {errors.size}"),
    ]
    return check_number(answer, expected, "the L1 loss (mean absolute error)",
                        hint="take |output - target| for each of the three pairs, add them and divide by 3", slips=slips)


# Targets of the "best single prediction" exercises (the notebook's `targets`): four close values and one far away.
_BEST_CONSTANT_TARGETS = np.array([1.0, 2.0, 3.0, 4.0, 10.0])


def check_best_constant_squared(answer):
    """Exercise 3: the single prediction c with the smallest squared error against targets 1, 2, 3, 4, 10 (2 decimals).

    Examples
    --------
    >>> check_best_constant_squared((1 + 2 + 3 + 4 + 10) / 5)
    Correct: the prediction with the smallest squared error is 4.
    >>> check_best_constant_squared(3)
    Not yet: 3 is not the prediction with the smallest squared error; 3 is the middle value (the median), which minimizes the L1 loss; the squared error is pulled towards the far target 10: try the mean.
    """
    targets = _BEST_CONSTANT_TARGETS
    expected = targets.sum() / targets.size
    median = (np.median(targets), f"{np.median(targets):g} is the middle value (the median), which minimizes the L1 "
                                   "loss; the squared error is pulled towards the far target 10: try the mean")
    hint = "scan c over a grid with xc.mean_squared_error(np.full(5, c), targets) and look for the smallest value"
    return check_number(answer, expected, "the prediction with the smallest squared error", decimals=2, hint=hint, slips=[median])


def check_best_constant_absolute(answer):
    """Exercise 4: the single prediction c with the smallest L1 loss against targets 1, 2, 3, 4, 10 (2 decimals).

    Examples
    --------
    >>> check_best_constant_absolute(3)
    Correct: the prediction with the smallest L1 loss is 3.
    >>> check_best_constant_absolute(4)
    Not yet: 4 is not the prediction with the smallest L1 loss; 4 is the mean, which minimizes the squared error; the L1 loss does not care how far away the target 10 is, only that it lies above: try the middle value.
    """
    targets = _BEST_CONSTANT_TARGETS
    expected = np.median(targets)
    mean = (targets.mean(), f"{targets.mean():g} is the mean, which minimizes the squared error; the L1 loss does not "
                            "care how far away the target 10 is, only that it lies above: try the middle value")
    hint = "scan c over a grid with xc.mean_absolute_error(np.full(5, c), targets) and look for the smallest value"
    return check_number(answer, expected, "the prediction with the smallest L1 loss", decimals=2, hint=hint, slips=[mean])


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_mse_of_improved_outputs": (50 / 3, None),
    "check_l1_of_second_example": (5 / 3, None),
    "check_best_constant_squared": (4.0, 2),
    "check_best_constant_absolute": (3.0, 2),
}
