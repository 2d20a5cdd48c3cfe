"""Exercise checkers of ``notebooks/08_why_not_mse.ipynb``."""

import math

import xent_core as xc
from xent_exercises import check_number

__all__ = ["check_mse_sigmoid_gradient", "check_ce_logit_gradient", "check_steepest_mse_gradient"]


# Exercise 1: the MSE gradient at this logit, target 1.
_MSE_LOGIT = -3.0
# Exercise 2: the cross-entropy gradient at this logit, target 0 (a wrong prediction).
_CE_LOGIT, _CE_TARGET = 1.2, 0.0


def _mse_sigmoid_gradient():
    return float(xc.sigmoid_mean_squared_error_grad(_MSE_LOGIT, 1.0, reduction="none"))


def _ce_logit_gradient():
    return float(xc.binary_cross_entropy_with_logits_grad(_CE_LOGIT, _CE_TARGET, reduction="none"))


def _steepest_mse_gradient():
    # |gradient| = 2 s (1 - s)^2 with s = sigmoid(x); its slope in s is 2 (1 - s)(1 - 3 s): zero at s = 1/3.
    s = 1 / 3
    return 2 * s * (1 - s) ** 2


def check_mse_sigmoid_gradient(answer):
    """Exercise 1 of 08: d/dx (sigmoid(x) - 1)^2 at the logit x = -3.

    Examples
    --------
    >>> check_mse_sigmoid_gradient(-0.0861)
    Correct: the gradient of MSE at x = -3 (target 1) is -0.0860682.
    >>> check_mse_sigmoid_gradient(-0.0430)
    Not yet: -0.043 is not the gradient of MSE at x = -3 (target 1); that is the gradient of (1/2)(σ(x) - t)^2, note 001's convention; the MSE here, (σ(x) - t)^2, has no 1/2, so keep the factor 2.
    """
    s = float(xc.sigmoid(_MSE_LOGIT))
    expected = _mse_sigmoid_gradient()
    slips = [
        (expected / 2, "that is the gradient of (1/2)(σ(x) - t)^2, note 001's convention; the MSE here, "
                       "(σ(x) - t)^2, has no 1/2, so keep the factor 2"),
        (2 * (s - 1), "that is 2(σ(x) - t) alone: the chain rule also multiplies by the slope of the "
                      "sigmoid, σ'(x) = σ(x)(1 - σ(x))"),
        (-expected, "the sign is flipped: σ(-3) is below the target 1, so raising x lowers the loss and "
                    "the gradient is negative"),
        ((s - 1) ** 2, "that is the loss (σ(x) - 1)^2 itself, not its slope"),
    ]
    return check_number(answer, expected, "the gradient of MSE at x = -3 (target 1)", slips=slips,
                        hint="compute σ(-3) first, then 2(σ - 1)·σ·(1 - σ)")


def check_ce_logit_gradient(answer):
    """Exercise 2 of 08: the gradient of binary cross-entropy in the logit at x = 1.2, target t = 0.

    Examples
    --------
    >>> check_ce_logit_gradient(0.769)
    Correct: the gradient of cross-entropy at x = 1.2 (target 0) is 0.768525.
    >>> check_ce_logit_gradient(-0.231)
    Not yet: -0.231 is not the gradient of cross-entropy at x = 1.2 (target 0); that is σ(1.2) - 1, the gradient for target 1; here the target is t = 0.
    """
    s = float(xc.sigmoid(_CE_LOGIT))
    expected = _ce_logit_gradient()
    slips = [
        (s - 1, "that is σ(1.2) - 1, the gradient for target 1; here the target is t = 0"),
        (-expected, "the sign is flipped: the model favours class 1 for a label 0, so lowering x lowers the loss "
                    "and the gradient is positive"),
        (expected * s * (1 - s), "the factor σ(1 - σ) cancels in cross-entropy's gradient: it is σ(x) - t"),
        (2 * expected * s * (1 - s), "that is the MSE gradient 2(σ - t)σ(1 - σ); cross-entropy's is σ(x) - t"),
        (-math.log(1 - s), "that is the loss -ln(1 - σ(1.2)) itself, not its slope"),
    ]
    return check_number(answer, expected, "the gradient of cross-entropy at x = 1.2 (target 0)", slips=slips,
                        hint="the gradient of cross-entropy in the logit is σ(x) - t")


def check_steepest_mse_gradient(answer):
    """Exercise 3 of 08: the largest size of the MSE gradient, max over x of |d/dx (sigmoid(x) - 1)^2|.

    Examples
    --------
    >>> check_steepest_mse_gradient(0.296)
    Correct: the largest size of MSE's gradient (target 1) is 0.296296.
    >>> check_steepest_mse_gradient(0.25)
    Not yet: 0.25 is not the largest size of MSE's gradient (target 1); 1/4 is the largest slope of the sigmoid alone, at x = 0; the gradient also has the factor 2(1 - σ): maximize 2σ(1 - σ)^2.
    """
    what = "the largest size of MSE's gradient (target 1)"
    expected = _steepest_mse_gradient()
    slips = [
        (0.25, "1/4 is the largest slope of the sigmoid alone, at x = 0; the gradient also has the factor "
               "2(1 - σ): maximize 2σ(1 - σ)^2"),
        (0.5, "1/2 is 2σ(1 - σ) at x = 0, which leaves out the factor (1 - σ) of the error: maximize 2σ(1 - σ)^2"),
        (1 / 3, "1/3 is σ(x) at the peak; put it into 2σ(1 - σ)^2 to get the gradient's size there"),
        (-math.log(2), "-ln 2 is the logit where the peak is; the question asks how large the gradient is there"),
        (math.log(2), "ln 2 is (up to the sign) the logit of the peak; the question asks how large the gradient is there"),
        (expected / 2, "that is the peak of σ(1 - σ)^2, without the factor 2 of the squared error"),
        (-expected, "that is the gradient itself, which is negative for target 1; the question asks for its size"),
    ]
    return check_number(answer, expected, what, slips=slips,
                        hint="write |gradient| = 2s(1 - s)^2 with s = σ(x), find the s where its slope in s is 0, "
                             "and put that s back in")


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_mse_sigmoid_gradient": (_mse_sigmoid_gradient(), None),
    "check_ce_logit_gradient": (_ce_logit_gradient(), None),
    "check_steepest_mse_gradient": (_steepest_mse_gradient(), None),
}
