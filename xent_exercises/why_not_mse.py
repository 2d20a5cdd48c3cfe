"""Exercise checkers of ``notebooks/08_why_not_mse.ipynb``."""

import math

import xent_core as xc
from xent_exercises import Feedback, is_near, check_number

__all__ = ["check_mse_sigmoid_gradient", "check_ce_logit_gradient", "check_steepest_mse_logit"]


def check_mse_sigmoid_gradient(answer):
    """Exercise 1 of 08: d/dx (sigmoid(x) - 1)^2 at the logit x = -3.

    Examples
    --------
    >>> check_mse_sigmoid_gradient(-0.0861)
    Correct: the gradient of MSE at x = -3 (target 1) is -0.0860682.
    >>> check_mse_sigmoid_gradient(-0.0430)
    Not yet: -0.043 is not the gradient of MSE at x = -3 (target 1); that is the gradient of (1/2)(σ(x) - t)^2, note 001's convention; the MSE here, (σ(x) - t)^2, has no 1/2, so keep the factor 2.
    """
    s = float(xc.sigmoid(-3.0))
    expected = float(xc.sigmoid_mean_squared_error_grad(-3.0, 1.0, reduction="none"))
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
    """Exercise 2 of 08: the gradient of binary cross-entropy in the logit at x = 2, target t = 0.

    Examples
    --------
    >>> check_ce_logit_gradient(0.8808)
    Correct: the gradient of cross-entropy at x = 2 (target 0) is 0.880797.
    >>> check_ce_logit_gradient(-0.1192)
    Not yet: -0.1192 is not the gradient of cross-entropy at x = 2 (target 0); that is σ(2) - 1, the gradient for target 1; here the target is t = 0.
    """
    s = float(xc.sigmoid(2.0))
    expected = float(xc.binary_cross_entropy_with_logits_grad(2.0, 0.0, reduction="none"))
    slips = [
        (s - 1, "that is σ(2) - 1, the gradient for target 1; here the target is t = 0"),
        (-expected, "the sign is flipped: the model says 0.88 for a label 0, so lowering x lowers the loss "
                    "and the gradient is positive"),
        (expected * s * (1 - s), "the factor σ(1 - σ) cancels in cross-entropy's gradient: it is σ(x) - t"),
        (2 * expected * s * (1 - s), "that is the MSE gradient 2(σ - t)σ(1 - σ); cross-entropy's is σ(x) - t"),
        (-math.log(1 - s), "that is the loss -ln(1 - σ(2)) itself, not its slope"),
    ]
    return check_number(answer, expected, "the gradient of cross-entropy at x = 2 (target 0)", slips=slips,
                        hint="the gradient of cross-entropy in the logit is σ(x) - t")


def check_steepest_mse_logit(answer):
    """Exercise 3 of 08: the logit x where |d/dx (sigmoid(x) - 1)^2| is largest.

    Examples
    --------
    >>> check_steepest_mse_logit(-0.693)
    Correct: the logit where MSE's gradient is largest (target 1) is -0.693147.
    >>> check_steepest_mse_logit(-0.6946)
    Not yet: -0.6946 is close to the logit where MSE's gradient is largest (target 1) but not within 0.1%; use a finer grid of s, or solve for s exactly.
    >>> check_steepest_mse_logit(0)
    Not yet: 0 is not the logit where MSE's gradient is largest (target 1); x = 0 is where σ'(x) = σ(1 - σ) is largest, but the gradient also has the factor (1 - σ), which pulls the peak to the left: maximize σ(1 - σ)^2.
    """
    what = "the logit where MSE's gradient is largest (target 1)"
    # |gradient| = 2 s (1 - s)^2 with s = sigmoid(x); its derivative in s is 2 (1 - s)(1 - 3 s): s = 1/3.
    s = 1 / 3
    expected = math.log(s / (1 - s))
    slips = [
        (0.0, "x = 0 is where σ'(x) = σ(1 - σ) is largest, but the gradient also has the factor (1 - σ), "
              "which pulls the peak to the left: maximize σ(1 - σ)^2"),
        (s, "1/3 is σ(x) at the peak; the question asks for the logit x, with σ(x) = 1/3"),
        (-expected, "the sign is flipped: for target 1 the peak is where σ(x) = 1/3 < 1/2, so x < 0"),
        (8 / 27, "8/27 is the largest |gradient| itself; the question asks where it is reached"),
    ]
    if is_near(answer, expected, rel_tol=1e-2) and not is_near(answer, expected):
        return Feedback(False, f"Not yet: {float(answer):.6g} is close to {what} but not within 0.1%; "
                               "use a finer grid of s, or solve for s exactly.")
    return check_number(answer, expected, what, slips=slips,
                        hint="write |gradient| = 2σ(1 - σ)^2 and set its derivative in σ to 0")
