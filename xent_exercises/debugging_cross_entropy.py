"""Exercise checkers of ``notebooks/11_debugging_cross_entropy.ipynb``: "diagnose this loss".

Every prompt asks for 3 significant digits (``ANSWERS`` gives the exact answers and the
decimals each prompt asks for, None for 3 significant digits).
"""

import math

import numpy as np

from xent_exercises import check_number

__all__ = ["check_untrained_loss", "check_nll_of_probs", "check_focal_bug_factor"]

# Exercise 1: the number of classes of the untrained model.
UNTRAINED_CLASSES = 37
# Exercise 2: the true classes' softmax probabilities fed to nll_loss.
TRUE_CLASS_PROBS = (0.7, 0.2, 0.9)
# Exercise 3: the true class's probability and the focusing parameter of the focal loss.
FOCAL_P, FOCAL_GAMMA = 0.9, 2.0


def _focal_bug_factor():
    """(1 - p) * gamma over (1 - p) ** gamma: the buggy weight over the right one."""
    return (1 - FOCAL_P) * FOCAL_GAMMA / (1 - FOCAL_P) ** FOCAL_GAMMA


ANSWERS = {
    "check_untrained_loss": (math.log(UNTRAINED_CLASSES), None),
    "check_nll_of_probs": (-float(np.mean(TRUE_CLASS_PROBS)), None),
    "check_focal_bug_factor": (_focal_bug_factor(), None),
}


def check_untrained_loss(answer):
    """The loss an untrained 37-class classifier should report: ln 37 nats.

    Examples
    --------
    >>> check_untrained_loss(3.61)
    Correct: the loss of an untrained 37-class model is 3.61092.
    >>> check_untrained_loss(0.027)
    Not yet: 0.027 is not the loss of an untrained 37-class model; 1/37 is the probability each class gets; the loss is -ln of it.
    """
    slips = [(1 / UNTRAINED_CLASSES, f"1/{UNTRAINED_CLASSES} is the probability each class gets; the loss is -ln of it")]
    return check_number(answer, math.log(UNTRAINED_CLASSES), f"the loss of an untrained {UNTRAINED_CLASSES}-class model",
                        quantity="nats", slips=slips,
                        hint="an untrained model gives every class about the same probability, 1/C")


def check_nll_of_probs(answer):
    """What nll_loss returns for probabilities 0.7, 0.2, 0.9 of the true classes: -(0.7 + 0.2 + 0.9)/3.

    Examples
    --------
    >>> check_nll_of_probs(-0.6)
    Correct: what nll_loss returns is -0.6.
    >>> check_nll_of_probs(0.69)
    Not yet: 0.69 is not what nll_loss returns; that is the loss it should have been: -ln of each probability, averaged. nll_loss takes no log: it negates what it is given.
    """
    right_loss = float(np.mean(-np.log(TRUE_CLASS_PROBS)))
    slips = [(right_loss, "that is the loss it should have been: -ln of each probability, averaged. "
                          "nll_loss takes no log: it negates what it is given"),
             (-sum(TRUE_CLASS_PROBS), "that is the sum; the default reduction is the mean over the 3 samples")]
    return check_number(answer, -float(np.mean(TRUE_CLASS_PROBS)), "what nll_loss returns", slips=slips,
                        hint="nll_loss picks the true class's entry, negates it and averages; it takes no log")


def check_focal_bug_factor(answer):
    """How many times larger (1 - p) * gamma is than (1 - p) ** gamma for p = 0.9, gamma = 2: 20.

    Examples
    --------
    >>> check_focal_bug_factor(20)
    Correct: the factor by which the buggy loss is too large is 20.
    >>> check_focal_bug_factor(0.05)
    Not yet: 0.05 is not the factor by which the buggy loss is too large; that is the right loss over the buggy one; the question asks for the buggy over the right.
    """
    slips = [(1 / _focal_bug_factor(), "that is the right loss over the buggy one; the question asks for the buggy over the right")]
    return check_number(answer, _focal_bug_factor(), "the factor by which the buggy loss is too large", slips=slips,
                        hint="both multiply the same -ln p; compare (1 - p) * 2 with (1 - p) ** 2 for p = 0.9")
