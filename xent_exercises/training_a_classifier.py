"""Exercise checkers of ``notebooks/12_training_a_classifier.ipynb``."""

import math

import xent_core as xc
from xent_exercises import check_number

__all__ = ["check_letters_start_loss", "check_geometric_mean_probability", "check_sklearn_c"]

# Exercise 1: the classes of a letter classifier.
_LETTERS = 26
# Exercise 2: a validation loss in nats.
_LOSS = 0.25
# Exercise 3: the penalty and the number of training images.
_PENALTY, _N_TRAIN = 0.01, 1077


def _letters_start_loss():
    return float(xc.cross_entropy([1.0] + [0.0] * (_LETTERS - 1), [1 / _LETTERS] * _LETTERS))


def _geometric_mean_probability():
    return math.exp(-_LOSS)


def _sklearn_c():
    return 1 / (_PENALTY * _N_TRAIN)


def check_letters_start_loss(answer):
    """Exercise 1 of 12: the loss of an untrained 26-class model, ln 26 nats.

    Examples
    --------
    >>> check_letters_start_loss(3.26)
    Correct: the loss of the untrained 26-class model in nats is 3.2581.
    >>> check_letters_start_loss(2.303)
    Not yet: 2.303 is not the loss of the untrained 26-class model in nats; that is ln 10, the start loss of the 10 digits; a letter model has 26 classes.
    """
    expected = _letters_start_loss()
    slips = [
        (math.log(10), "that is ln 10, the start loss of the 10 digits; a letter model has 26 classes"),
        (1 / _LETTERS, "that is the probability 1/26 each class gets; the loss is -ln of it"),
        (math.log10(_LETTERS), "that is log10 26; losses in nats use the natural log, ln"),
    ]
    return check_number(answer, expected, "the loss of the untrained 26-class model in nats", quantity="nats",
                        slips=slips, hint="each class gets probability 1/26; the loss is -ln of the true class's probability")


def check_geometric_mean_probability(answer):
    """Exercise 2 of 12: the geometric-mean probability of the true class for a loss of 0.25 nats.

    Examples
    --------
    >>> check_geometric_mean_probability(0.779)
    Correct: the geometric-mean probability of the true class is 0.778801.
    >>> check_geometric_mean_probability(0.75)
    Not yet: 0.75 is not the geometric-mean probability of the true class; that is 1 - 0.25: the loss is -ln p averaged, so undo the log with e^-loss.
    """
    expected = _geometric_mean_probability()
    slips = [
        (1 - _LOSS, "that is 1 - 0.25: the loss is -ln p averaged, so undo the log with e^-loss"),
        (2 ** -_LOSS, "that is 2^-0.25, for a loss in bits; this loss is in nats: use e^-loss"),
        (math.exp(_LOSS), "that is e^+0.25, more than 1; the mean of ln p is -0.25"),
    ]
    return check_number(answer, expected, "the geometric-mean probability of the true class", quantity="probability",
                        slips=slips, hint="the mean of ln p is minus the loss; exponentiate it")


def check_sklearn_c(answer):
    """Exercise 3 of 12: scikit-learn's C for the penalty 0.01 on 1,077 images, C = 1/(λN).

    Examples
    --------
    >>> check_sklearn_c(0.0929)
    Correct: scikit-learn's C is 0.0928505.
    >>> check_sklearn_c(100)
    Not yet: 100 is not scikit-learn's C; that is 1/λ: scikit-learn sums the losses instead of averaging them, so divide by N too.
    """
    expected = _sklearn_c()
    slips = [
        (1 / _PENALTY, "that is 1/λ: scikit-learn sums the losses instead of averaging them, so divide by N too"),
        (_PENALTY * _N_TRAIN, "that is λN, the inverse of the answer: C multiplies the losses, so a stronger penalty is a smaller C"),
        (2 / (_PENALTY * _N_TRAIN), "both objectives write the penalty with the same ½, so no factor 2 appears"),
        (1 / (0.001 * _N_TRAIN), "that is C for λ = 0.001, the notebook's penalty; the exercise uses λ = 0.01"),
        (_N_TRAIN / _PENALTY, "that is N/λ; divide by both: C = 1/(λN)"),
    ]
    return check_number(answer, expected, "scikit-learn's C", slips=slips,
                        hint="divide our objective by λ and compare it with C·Σ losses + ½‖W‖²")


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_letters_start_loss": (_letters_start_loss(), None),
    "check_geometric_mean_probability": (_geometric_mean_probability(), None),
    "check_sklearn_c": (_sklearn_c(), None),
}
