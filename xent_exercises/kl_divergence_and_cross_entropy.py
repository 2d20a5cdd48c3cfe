"""Exercise checkers of ``notebooks/04_kl_divergence_and_cross_entropy.ipynb``."""

import math

import xent_core as xc
from xent_exercises import Feedback, is_near, check_number

__all__ = ["check_kl_bits", "check_one_hot_kl", "check_min_cross_entropy"]


def check_kl_bits(answer):
    """Exercise 1 of notebook 04: ``KL(p || q)`` in bits for ``p = [0.5, 0.5]``, ``q = [0.25, 0.75]``.

    Examples
    --------
    >>> check_kl_bits(0.5 * math.log2(2) + 0.5 * math.log2(0.5 / 0.75))
    Correct: KL(p‖q) in bits is 0.207519.
    """
    p, q = [0.5, 0.5], [0.25, 0.75]
    expected = float(xc.kl_divergence(p, q, base=2))
    reverse = float(xc.kl_divergence(q, p, base=2))
    what = "KL(p‖q) in bits"
    if is_near(answer, reverse, rel_tol=1e-3):
        return Feedback(False, f"Not yet: {float(answer):.6g} is KL(q‖p), weighted by q; KL(p‖q) weights each log2(p_i/q_i) by p_i.")
    return check_number(answer, expected, what, hint="add p_i * log2(p_i / q_i) over both outcomes")


def check_one_hot_kl(answer):
    """Exercise 2 of notebook 04: ``KL(p || q)`` in nats for the one-hot label ``p = [0, 0, 1]`` and ``q = [0.1, 0.2, 0.7]``.

    Examples
    --------
    >>> check_one_hot_kl(-math.log(0.7))
    Correct: KL(p‖q) in nats is 0.356675.
    """
    expected = float(xc.kl_divergence([0, 0, 1], [0.1, 0.2, 0.7]))
    return check_number(
        answer, expected, "KL(p‖q) in nats",
        hint="a one-hot p has H(p) = 0, so KL(p‖q) = H(p, q) = -ln of q's probability for the true class",
    )


def check_min_cross_entropy(answer):
    """Exercise 3 of notebook 04: the smallest ``H(p, q)`` over all ``q``, for ``p = [0.5, 0.3, 0.2]``, in nats.

    Examples
    --------
    >>> check_min_cross_entropy(-(0.5 * math.log(0.5) + 0.3 * math.log(0.3) + 0.2 * math.log(0.2)))
    Correct: the smallest cross-entropy H(p, q) in nats is 1.02965.
    """
    expected = float(xc.entropy([0.5, 0.3, 0.2]))
    what = "the smallest cross-entropy H(p, q) in nats"
    if is_near(answer, 0, abs_tol=0):
        return Feedback(False, "Not yet: 0 is the smallest KL(p‖q); the cross-entropy is H(p) + KL(p‖q), so its smallest value is H(p) + 0.")
    return check_number(answer, expected, what, hint="H(p, q) = H(p) + KL(p‖q) and KL is smallest (0) at q = p")
