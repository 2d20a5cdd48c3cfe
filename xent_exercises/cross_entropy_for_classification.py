"""Exercise checkers of ``notebooks/07_cross_entropy_for_classification.ipynb``."""

import math

import numpy as np

import xent_core as xc
from xent_exercises import check_number

__all__ = ["check_true_class_loss", "check_batch_mean_loss", "check_multilabel_loss", "check_probability_from_loss"]


# Exercise data; the notebook states the same numbers in its exercises.
_PET_PROBS = np.array([0.05, 0.8, 0.1, 0.05])
_PET_TRUE = 0  # the photo shows a dog
_BATCH_PROBS = np.array([[0.7, 0.2, 0.1], [0.25, 0.25, 0.5], [0.1, 0.6, 0.3]])
_BATCH_LABELS = np.array([0, 2, 2])
_TAG_LABELS = np.array([1, 1, 0, 0])
_TAG_PROBS = np.array([0.9, 0.4, 0.2, 0.05])
_LOSS = 3.0  # Exercise 4: a loss of 3 nats


def _true_class_loss():
    return float(xc.categorical_cross_entropy(_PET_PROBS, _PET_TRUE))


def _batch_mean_loss():
    return float(xc.categorical_cross_entropy(_BATCH_PROBS, _BATCH_LABELS))


def _multilabel_loss():
    return float(xc.binary_cross_entropy(_TAG_PROBS, _TAG_LABELS, reduction="sum"))


def _probability_from_loss():
    return math.exp(-_LOSS)


def check_true_class_loss(answer):
    """Exercise 1: the loss of the pet prediction (0.05, 0.8, 0.1, 0.05) when the photo shows a dog.

    Examples
    --------
    >>> check_true_class_loss(-math.log(0.05))
    Correct: the cross-entropy loss of this prediction (nats) is 2.99573.
    >>> check_true_class_loss(-math.log(0.8))
    Not yet: 0.223144 is not the cross-entropy loss of this prediction (nats); that is -ln 0.8, the loss the model would get if the true class were cat, its favourite; the loss uses the probability the model gave the true class, dog.
    """
    expected = float(xc.categorical_cross_entropy(_PET_PROBS, _PET_TRUE))
    slips = [
        (xc.information_content(_PET_PROBS.max()),
         "that is -ln 0.8, the loss the model would get if the true class were cat, its favourite; the loss uses "
         "the probability the model gave the true class, dog"),
        (xc.information_content(_PET_PROBS).sum(),
         "that adds -ln q for every class; the zeros of the one-hot target drop all terms but the dog's"),
    ]
    return check_number(answer, expected, "the cross-entropy loss of this prediction (nats)", quantity="nats", slips=slips,
                        hint="the one-hot target keeps a single term, -ln(probability of the true class)")


def check_batch_mean_loss(answer):
    """Exercise 2: the mean cross-entropy of the three-sample batch (labels 0, 2, 2).

    Examples
    --------
    >>> check_batch_mean_loss((-math.log(0.7) - math.log(0.5) - math.log(0.3)) / 3)
    Correct: the mean loss over the batch (nats) is 0.751265.
    >>> check_batch_mean_loss(-math.log(0.7) - math.log(0.5) - math.log(0.3))
    Not yet: 2.25379 is not the mean loss over the batch (nats); that is the sum of the three losses (reduction="sum"); the mean divides it by the 3 samples.
    """
    expected = float(xc.categorical_cross_entropy(_BATCH_PROBS, _BATCH_LABELS))
    losses = xc.categorical_cross_entropy(_BATCH_PROBS, _BATCH_LABELS, reduction="none")
    favourites = xc.information_content(_BATCH_PROBS.max(axis=1))
    slips = [
        (losses.sum(), 'that is the sum of the three losses (reduction="sum"); the mean divides it by the 3 samples'),
        (favourites.mean(), "that uses each row's largest probability; the loss uses the probability at the row's "
                            "label (the third sample's label is 2, probability 0.3)"),
    ]
    return check_number(answer, expected, "the mean loss over the batch (nats)", quantity="nats", slips=slips,
                        hint="take -ln of each row's probability at its label, then average the three numbers")


def check_multilabel_loss(answer):
    """Exercise 3: the multi-label loss of tags (1, 1, 0, 0) with sigmoid outputs (0.9, 0.4, 0.2, 0.05), summed over labels.

    Examples
    --------
    >>> check_multilabel_loss(-math.log(0.9) - math.log(0.4) - math.log(0.8) - math.log(0.95))
    Correct: the summed binary cross-entropy of the four tags (nats) is 1.29609.
    >>> check_multilabel_loss(-math.log(0.9) - math.log(0.4))
    Not yet: 1.02165 is not the summed binary cross-entropy of the four tags (nats); that counts only the tags that are present; each absent tag (label 0) costs -ln(1 - q) too.
    """
    per_tag = xc.binary_cross_entropy(_TAG_PROBS, _TAG_LABELS, reduction="none")
    expected = float(per_tag.sum())
    present = _TAG_LABELS == 1
    slips = [
        (per_tag.mean(), "that is the mean over the 4 tags (the frameworks' default); the exercise asks for the sum, as note 001 writes it"),
        (per_tag[present].sum(), "that counts only the tags that are present; each absent tag (label 0) costs -ln(1 - q) too"),
        (xc.information_content(_TAG_PROBS).sum(),
         "that uses -ln q for the absent tags too; an absent tag is right to the extent q is small, so it costs -ln(1 - q)"),
    ]
    return check_number(answer, expected, "the summed binary cross-entropy of the four tags (nats)", quantity="nats", slips=slips,
                        hint="for each tag, -ln q if the tag is present and -ln(1 - q) if it is absent; then add the four")


def check_probability_from_loss(answer):
    """Exercise 4: the probability of the true class that gives a loss of 3 nats.

    Examples
    --------
    >>> check_probability_from_loss(math.exp(-3))
    Correct: the probability of the true class is 0.0497871.
    >>> check_probability_from_loss(2 ** -3)
    Not yet: 0.125 is not the probability of the true class; 2**-3 undoes a loss in bits; a loss in nats is undone with e: p = e**(-loss).
    """
    loss = _LOSS
    expected = _probability_from_loss()
    slips = [
        (2**-loss, "2**-3 undoes a loss in bits; a loss in nats is undone with e: p = e**(-loss)"),
        (10**-loss, "10**-3 undoes a log base 10; the loss uses the natural log, so p = e**(-loss)"),
        (math.exp(loss), "a probability is at most 1: mind the minus sign, p = e**(-loss)"),
        (-expected, "a probability is never negative: p = e**(-loss) is positive"),
    ]
    return check_number(answer, expected, "the probability of the true class", quantity="probability",
                        hint="solve -ln p = 3 for p", slips=slips)


# The exact answer of each exercise and the decimals its prompt asks for (None: 3 significant digits).
ANSWERS = {
    "check_true_class_loss": (_true_class_loss(), None),
    "check_batch_mean_loss": (_batch_mean_loss(), None),
    "check_multilabel_loss": (_multilabel_loss(), None),
    "check_probability_from_loss": (_probability_from_loss(), None),
}
