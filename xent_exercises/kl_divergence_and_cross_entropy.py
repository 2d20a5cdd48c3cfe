"""Exercise checkers of ``notebooks/04_kl_divergence_and_cross_entropy.ipynb``.

Every prompt asks for 3 significant digits; see :func:`xent_exercises.check_number` for what is
accepted and which usual slips are recognised.
"""

import math

import numpy as np

import xent_core as xc
from xent_exercises import check_number

__all__ = ["check_kl_bits", "check_one_hot_kl", "check_min_cross_entropy"]

# Exercise 1: a fair coin p and a model q, KL(p || q) in bits.
KL_COIN_P, KL_COIN_Q = (0.5, 0.5), (0.25, 0.75)
# Exercise 2: a one-hot label (class 2, counting from 0) and a prediction, KL(p || q) in nats.
ONE_HOT_P, ONE_HOT_Q = (0, 0, 1), (0.15, 0.25, 0.6)
# Exercise 3: a fixed p; the smallest H(p, q) over all q, in nats.
MIN_CE_P = (0.5, 0.3, 0.2)


def _kl_bits_answer():
    return float(xc.kl_divergence(KL_COIN_P, KL_COIN_Q, base=2))


def _one_hot_answer():
    return float(xc.kl_divergence(ONE_HOT_P, ONE_HOT_Q))


def _min_ce_answer():
    return float(xc.entropy(MIN_CE_P))


def check_kl_bits(answer):
    """Exercise 1: ``KL(p || q)`` in bits for ``p = [0.5, 0.5]``, ``q = [0.25, 0.75]``.

    Examples
    --------
    >>> check_kl_bits(0.208)
    Correct: KL(p‖q) in bits is 0.207519.
    >>> check_kl_bits(0.189)
    Not yet: 0.189 is not KL(p‖q) in bits; that is KL(q‖p), weighted by q; KL(p‖q) weights each log2(p_i/q_i) by p_i.
    """
    expected = _kl_bits_answer()
    slips = [
        (float(xc.kl_divergence(KL_COIN_Q, KL_COIN_P, base=2)),
         "that is KL(q‖p), weighted by q; KL(p‖q) weights each log2(p_i/q_i) by p_i"),
        (-expected, "the sign is flipped: KL(p‖q) is never negative (Gibbs' inequality); the log is of p_i/q_i, not q_i/p_i"),
        (float(xc.kl_divergence(KL_COIN_P, KL_COIN_Q)), "that is the value in nats; the exercise asks for bits (log base 2)"),
        (float(xc.cross_entropy(KL_COIN_P, KL_COIN_Q, base=2)),
         "that is the cross-entropy H(p, q); KL(p‖q) is H(p, q) - H(p), here minus 1 bit"),
    ]
    return check_number(answer, expected, "KL(p‖q) in bits", slips=slips,
                        hint="add p_i * log2(p_i / q_i) over both outcomes")


def check_one_hot_kl(answer):
    """Exercise 2: ``KL(p || q)`` in nats for the one-hot label ``p = [0, 0, 1]`` and ``q = [0.15, 0.25, 0.6]``.

    Examples
    --------
    >>> check_one_hot_kl(-math.log(0.6))
    Correct: KL(p‖q) in nats is 0.510826.
    >>> check_one_hot_kl(0.6)
    Not yet: 0.6 is not KL(p‖q) in nats; 0.6 is the predicted probability of the true class; the KL divergence is -ln of it.
    """
    q = np.array(ONE_HOT_Q)
    slips = [
        (-_one_hot_answer(), "the sign is flipped: with a one-hot label KL(p‖q) = -ln q_true, which is never negative"),
        (q[2], "0.6 is the predicted probability of the true class; the KL divergence is -ln of it"),
        (-math.log(q[0]), "that is -ln 0.15, the probability of class 0; the label puts its 1 on class 2"),
        (-math.log(q[1]), "that is -ln 0.25, the probability of class 1; the label puts its 1 on class 2"),
    ]
    return check_number(answer, _one_hot_answer(), "KL(p‖q) in nats", quantity="nats", slips=slips,
                        hint="a one-hot p has H(p) = 0, so KL(p‖q) = H(p, q) = -ln of q's probability for the true class")


def check_min_cross_entropy(answer):
    """Exercise 3: the smallest ``H(p, q)`` over all ``q``, for ``p = [0.5, 0.3, 0.2]``, in nats.

    Examples
    --------
    >>> check_min_cross_entropy(1.03)
    Correct: the smallest cross-entropy H(p, q) in nats is 1.02965.
    >>> check_min_cross_entropy(0)
    Not yet: 0 is not the smallest cross-entropy H(p, q) in nats; 0 is the smallest KL(p‖q); the cross-entropy is H(p) + KL(p‖q), so its smallest value is H(p) + 0.
    """
    expected = _min_ce_answer()
    slips = [
        (0, "0 is the smallest KL(p‖q); the cross-entropy is H(p) + KL(p‖q), so its smallest value is H(p) + 0"),
        (-expected, "the sign is flipped: a cross-entropy averages -ln q_i, which is never negative"),
        (math.log(3), "that is ln 3, the cross-entropy of the uniform q = [1/3, 1/3, 1/3]; a q closer to p does better"),
    ]
    return check_number(answer, expected, "the smallest cross-entropy H(p, q) in nats", quantity="nats", slips=slips,
                        hint="H(p, q) = H(p) + KL(p‖q) and KL is smallest (0) at q = p")


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_kl_bits": (_kl_bits_answer(), None),
    "check_one_hot_kl": (_one_hot_answer(), None),
    "check_min_cross_entropy": (_min_ce_answer(), None),
}
