"""Exercise checkers of ``notebooks/14_language_model.ipynb``.

The expected values are computed from the corpus the notebook uses (``data/sonnets.txt``, read
and split by :mod:`xent_widgets.language_model`) with ``xent_core``, never typed in.
"""

import math

import numpy as np

import xent_core as xc
import xent_widgets.language_model as lm
from xent_exercises import check_number

__all__ = ["check_add_k_probability", "check_unigram_bits", "check_perplexity_from_loss", "check_temperature_probability"]


# Exercise 1: the bigram probability of "e" after "q" with add-one smoothing (k = 1).
_ADD_K = 1.0
_AFTER, _NEXT = "q", "e"
# Exercise 2: the unigram model (no context) with add-one smoothing, on the held-out text.
_UNIGRAM_K = 1.0
# Exercise 3: the loss a PyTorch training loop prints for a character model (mean nats per character).
_PRINTED_LOSS = 1.6
# Exercise 4: the trigram model (k = SAMPLE_K) after "lo": the probability of "v" at temperature 0.5.
_CONTEXT, _CHAR, _TEMPERATURE = "lo", "v", 0.5


def _bigram_counts():
    chars, train_codes, _, counts = lm._model()
    return chars, counts[2]


def _add_k_answer():
    chars, counts = _bigram_counts()
    row = counts[chars.index(_AFTER)]
    return float((row[chars.index(_NEXT)] + _ADD_K) / (row.sum() + _ADD_K * len(chars)))


def check_add_k_probability(answer):
    """Exercise 1: P("e" | "q") of the bigram model with add-one smoothing.

    Every "q" of the training text is followed by "u", so the count of "qe" is 0 and
    ``P = (0 + 1) / (count("q") + V)``.

    Examples
    --------
    >>> check_add_k_probability(0.0115)
    Correct: P("e" | "q") with k = 1 is 0.0114943.
    >>> check_add_k_probability(0)
    Not yet: 0 is not P("e" | "q") with k = 1; that is the unsmoothed estimate (k = 0): "qe" never occurs in the training text, which is exactly the zero smoothing removes. Add k = 1 to every count of the row.
    """
    chars, counts = _bigram_counts()
    n_q, n_chars = counts[chars.index(_AFTER)].sum(), len(chars)
    slips = [
        (0.0, 'that is the unsmoothed estimate (k = 0): "qe" never occurs in the training text, which is exactly '
              "the zero smoothing removes. Add k = 1 to every count of the row"),
        (1 / n_chars, "that is 1/V, the uniform guess; the denominator also holds the count of \"q\""),
        (1 / n_q, 'that divides by count("q") alone; adding 1 to each of the V counts of the row adds V to the total'),
        (1 / (n_q + 1), "that adds k once to the total; k is added to every one of the V counts, so the total grows by k V"),
        ((n_q + 1) / (n_q + n_chars), 'that is P("u" | "q"), the character that always follows "q"'),
    ]
    return check_number(answer, _add_k_answer(), 'P("e" | "q") with k = 1', quantity="probability", slips=slips,
                        hint='(count("qe") + k) / (count("q") + k V), with count("q") = counts[q_index].sum() and V characters')


def _unigram_answer():
    chars, train_codes, test_codes, _ = lm._model()
    counts = np.bincount(train_codes, minlength=len(chars)).astype(float)
    return float(lm.cross_entropy_bits(lm.add_k_probs(counts, _UNIGRAM_K), test_codes[2:]))


def check_unigram_bits(answer):
    """Exercise 2: held-out cross-entropy of the add-one unigram model, in bits per character.

    Examples
    --------
    >>> check_unigram_bits(4.34)
    Correct: the unigram model's held-out cross-entropy in bits per character is 4.33756.
    >>> check_unigram_bits(math.log2(38))
    Not yet: 5.24793 is not the unigram model's held-out cross-entropy in bits per character; that is log2 38, the uniform model, which ignores the counts; the unigram model gives each character (count + 1) / (N + V).
    """
    chars, train_codes, test_codes, _ = lm._model()
    counts = np.bincount(train_codes, minlength=len(chars)).astype(float)
    probs = lm.add_k_probs(counts, _UNIGRAM_K)
    slips = [
        (math.log2(len(chars)), f"that is log2 {len(chars)}, the uniform model, which ignores the counts; the unigram "
                                "model gives each character (count + 1) / (N + V)"),
        (float(lm.cross_entropy_bits(probs, train_codes[2:])), "that is measured on the training text; score the held-out text"),
        (float(xc.entropy(probs, base=2)), "that is the entropy of the unigram distribution itself, weighted by the model's "
                                           "own probabilities; weight by the held-out text's characters instead"),
    ]
    return check_number(answer, _unigram_answer(), "the unigram model's held-out cross-entropy in bits per character",
                        quantity="bits", slips=slips,
                        hint="P = (counts + 1) / (counts + 1).sum(); average -log2 P[c] over the held-out characters c")


def _perplexity_answer():
    return float(xc.perplexity(_PRINTED_LOSS))


def check_perplexity_from_loss(answer):
    """Exercise 3: the perplexity of a character model whose PyTorch loss is 1.6 (nats per character).

    Examples
    --------
    >>> check_perplexity_from_loss(4.95)
    Correct: the perplexity is 4.95303.
    >>> check_perplexity_from_loss(3.03)
    Not yet: 3.03 is not the perplexity; that is 2^1.6, which reads the loss as bits; PyTorch's cross-entropy is in nats, so the perplexity is e^1.6.
    """
    slips = [
        (2**_PRINTED_LOSS, "that is 2^1.6, which reads the loss as bits; PyTorch's cross-entropy is in nats, so the "
                           "perplexity is e^1.6"),
        (_PRINTED_LOSS / math.log(2), "that is the loss in bits per character; the perplexity is e to the loss in nats"),
        (math.exp(-_PRINTED_LOSS), "that is e^-1.6, the geometric-mean probability per character; perplexity is its inverse"),
        (10**_PRINTED_LOSS, "that is 10^1.6; the natural log's base is e"),
    ]
    return check_number(answer, _perplexity_answer(), "the perplexity", slips=slips,
                        hint="a loss of H nats per character is a perplexity of e^H (xc.perplexity(H))")


def _temperature_row():
    chars, _, _, counts = lm._model()
    probs = lm.add_k_probs(counts[3], lm.SAMPLE_K)
    return chars, probs[chars.index(_CONTEXT[0]), chars.index(_CONTEXT[1])]


def _temperature_answer():
    chars, row = _temperature_row()
    return float(xc.softmax(np.log(row), temperature=_TEMPERATURE)[chars.index(_CHAR)])


def check_temperature_probability(answer):
    """Exercise 4: the probability of "v" after "lo" when the trigram model samples at T = 0.5.

    Examples
    --------
    >>> check_temperature_probability(0.861)
    Correct: the probability of "v" after "lo" at T = 0.5 is 0.860614.
    >>> check_temperature_probability(0.498)
    Not yet: 0.498 is not the probability of "v" after "lo" at T = 0.5; that is the model's own probability (T = 1); at T = 0.5 each probability is raised to the power 1/T = 2 and the row renormalized.
    """
    chars, row = _temperature_row()
    p = row[chars.index(_CHAR)]
    slips = [
        (p, "that is the model's own probability (T = 1); at T = 0.5 each probability is raised to the power 1/T = 2 "
            "and the row renormalized"),
        (p**2, "that is P^2 before renormalizing: divide by the sum of the squared probabilities of the whole row"),
        (float(xc.softmax(np.log(row), temperature=1 / _TEMPERATURE)[chars.index(_CHAR)]),
         "that is T = 2: softmax(log P / T) divides the log-probabilities by T = 0.5, which doubles them"),
        (float(xc.softmax(row, temperature=_TEMPERATURE)[chars.index(_CHAR)]),
         "that applies softmax to the probabilities themselves; apply it to their logs, softmax(log P / T)"),
    ]
    return check_number(answer, _temperature_answer(), f'the probability of "{_CHAR}" after "{_CONTEXT}" at T = 0.5',
                        quantity="probability", slips=slips,
                        hint='xc.softmax(np.log(row), temperature=0.5), with row the trigram probabilities after "lo"')


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_add_k_probability": (_add_k_answer(), None),
    "check_unigram_bits": (_unigram_answer(), None),
    "check_perplexity_from_loss": (_perplexity_answer(), None),
    "check_temperature_probability": (_temperature_answer(), None),
}
