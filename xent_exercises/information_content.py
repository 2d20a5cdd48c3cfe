"""Exercise checkers of ``notebooks/02_information_content.ipynb``."""

import math

import xent_core as xc
from xent_exercises import check_number, parse_number

__all__ = ["check_six_bits", "check_favourite_champion", "check_probability_of_five_bits", "ANSWERS"]


def check_six_bits(answer):
    """Exercise 1: the information content, in bits, of a fair die showing a six.

    Examples
    --------
    >>> check_six_bits(math.log2(6))
    Correct: the information in bits of "the die shows six" is 2.58496.
    >>> check_six_bits(1 / 6)
    Not yet: 0.166667 is not the information in bits of "the die shows six"; 1/6 is the probability of the six; its information is -log2 of that probability.
    """
    p = 1 / 6
    slips = [
        (p, "1/6 is the probability of the six; its information is -log2 of that probability"),
        (1 / p, "6 is 1/p; the information is the logarithm of it, log2(6)"),
        (math.log10(6), "that is log base 10; bits use log base 2 (np.log2 or math.log2)"),
    ]
    expected = xc.information_content(p, base=2)
    return check_number(answer, expected, 'the information in bits of "the die shows six"', quantity="bits",
                        hint="the six has probability 1/6; its information is -log2(1/6)", slips=slips)


def check_favourite_champion(answer):
    """Exercise 2: bits in "BLG is champion" when BLG wins each of its three matches with probability 0.6.

    Examples
    --------
    >>> check_favourite_champion(-3 * math.log2(0.6))
    Correct: the information in bits of "BLG is champion" is 2.2109.
    >>> check_favourite_champion(-math.log2(0.6))
    Not yet: 0.736966 is not the information in bits of "BLG is champion"; that is one match; the champion has won three independent matches, and the information of independent events adds.
    """
    win, matches = 0.6, 3
    prob = win**matches
    slips = [
        (prob, f"{prob:.3f} is the probability; the question asks for its information, -log2 P"),
        (xc.information_content(win, base=2),
         "that is one match; the champion has won three independent matches, and the information of independent events adds"),
        (xc.information_content(win**2, base=2), "that is reaching the final (two wins); the champion also wins the final"),
        (3, "3 bits is the even bracket (1/2 per match); here BLG wins each match with probability 0.6"),
    ]
    expected = xc.information_content(prob, base=2)
    return check_number(answer, expected, 'the information in bits of "BLG is champion"', quantity="bits",
                        hint="P(champion) = 0.6 * 0.6 * 0.6; take -log2 of it", slips=slips)


def check_probability_of_five_bits(answer):
    """Exercise 3: the probability of an event whose information content is exactly 5 bits.

    Examples
    --------
    >>> check_probability_of_five_bits(1 / 32)
    Correct: the probability of a 5-bit event is 0.03125.
    >>> check_probability_of_five_bits(32)
    Not yet: 32 is not the probability of a 5-bit event; 32 = 2^5 is 1/p: a probability is at most 1, so p = 1/32.
    """
    bits = 5
    expected = 2.0**-bits  # from -log2 p = 5
    slips = [
        (2.0**bits, "32 = 2^5 is 1/p: a probability is at most 1, so p = 1/32"),
        (math.exp(-bits), "e^(-5) is the probability of a 5-nat event; bits use base 2: p = 2^(-5)"),
        (1 / bits, "information is not 1/p; it is -log2 p, so p = 2^(-5)"),
    ]
    what = "the probability of a 5-bit event"
    hint = "solve -log2 p = 5 for p: p = 2^(-5)"
    value, _ = parse_number(answer, what)
    if value is not None and not 0 <= value <= 1:
        hint = "a probability lies between 0 and 1; " + hint
    return check_number(answer, expected, what, quantity="probability", hint=hint, slips=slips)


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_six_bits": (math.log2(6), None),
    "check_favourite_champion": (-3 * math.log2(0.6), None),
    "check_probability_of_five_bits": (2.0**-5, None),
}
