"""Every statement a notebook makes about a framework, as data: the input, what the notebook says
the framework returns or raises, and the framework call that checks it.

``tests/test_framework_claims.py`` runs them against the installed versions. A claim is a
``Claim(notebook, framework, says, call, expect, decimals)``: ``call()`` makes the framework
call and returns its result; ``expect`` is the number the notebook states (compared after
rounding to ``decimals``), ``True``, ``"nan"``, or ``Raises(type name, words of the message)``.
Frameworks are imported inside the calls, so this module imports without any of them. Keras
claims run in a subprocess per backend (``KERAS_BACKEND`` is read once, at import):
``python tests/framework_claims.py keras-torch`` prints their results as JSON.

``REPLICAS`` names each NumPy replica of a framework function that a notebook defines, with the
real function to compare it with; the test runs both on the same inputs in float32 and float64,
including 0 and 1 probabilities, +-inf logits and empty batches.
"""

import ast
import json
import math
import pathlib
import sys
from dataclasses import dataclass, field

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent

# framework -> (the module that must be importable, the KERAS_BACKEND its claims run under)
FRAMEWORKS = {
    "torch": ("torch", None),
    "keras-torch": ("keras", "torch"),
    "keras-tensorflow": ("tensorflow", "tensorflow"),
    "keras-jax": ("jax", "jax"),
    "tensorflow": ("tensorflow", "tensorflow"),
    "sklearn": ("sklearn", None),
    "scipy": ("scipy", None),
    "optax": ("optax", None),
}


@dataclass(frozen=True)
class Raises:
    error: str
    words: str = ""


@dataclass
class Claim:
    notebook: str
    framework: str
    says: str
    call: object = field(repr=False)
    expect: object
    decimals: int = 4


def _f(x, dtype="float32"):
    import torch
    return torch.tensor(x, dtype=getattr(torch, dtype))


def _torch(name, *args, **kwargs):
    import torch.nn.functional as F
    converted = [_f(a) if isinstance(a, list) else a for a in args]
    return getattr(F, name)(*converted, **kwargs).item()


def _long(x):
    import torch
    return torch.tensor(x, dtype=torch.long)


def _raises(call):
    try:
        call()
    except Exception as error:  # noqa: BLE001 - the claim names the type
        return error
    return None


def _keras(name, *args, **kwargs):
    import keras
    return float(np.asarray(keras.ops.convert_to_numpy(getattr(keras.losses, name)(*args, **kwargs))).reshape(-1)[0])


def _keras_from_softmax(logits, y_true, layer=False):
    """Keras's categorical_crossentropy of probabilities that a Keras softmax made from ``logits``."""
    import keras
    logits = np.asarray(logits, dtype="float32")
    if layer:   # a Dense(..., activation="softmax") layer whose outputs are these logits
        inputs = keras.Input((logits.shape[1],))
        model = keras.Model(inputs, keras.layers.Dense(logits.shape[1], activation="softmax")(inputs))
        model.layers[-1].set_weights([np.eye(logits.shape[1], dtype="float32"), np.zeros(logits.shape[1], "float32")])
        probs = model(logits)
    else:
        probs = keras.ops.softmax(keras.ops.convert_to_tensor(logits))
    return float(np.asarray(keras.ops.convert_to_numpy(keras.losses.categorical_crossentropy(np.asarray(y_true, "float32"), probs)))[0])


def _log_loss(*args, **kwargs):
    import warnings
    from sklearn.metrics import log_loss
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return log_loss(*args, **kwargs)


def _warns(call, words):
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()
    return any(words in str(w.message) for w in caught)


def _optax(name, *args):
    import jax.numpy as jnp
    import optax
    return float(np.asarray(getattr(optax.losses, name)(*[jnp.asarray(a, dtype=jnp.float32) for a in args])).reshape(-1)[0])


BATCH = [[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]]
KL_P, KL_Q = [[0.7, 0.2, 0.1], [0.5, 0.5, 0.0]], [[0.1, 0.2, 0.7], [0.25, 0.5, 0.25]]
GALLERY_LOGITS = [[1.2, -0.4, 2.0], [0.3, 1.8, -1.1]]   # notebook 11's batch
GALLERY_LABELS = [2, 0]

CLAIMS = [
    # ---- notebook 06
    Claim("06", "torch", "torch.log_softmax shifts by the max: log_softmax([1000, 0]) = [0, -1000], no overflow",
          lambda: __import__("torch").log_softmax(_f([1000.0, 0.0]), 0).tolist() == [0.0, -1000.0], True),
    Claim("06", "keras-torch", "with from_logits=False Keras clips probabilities: a 0 for the true class costs -ln 1e-7",
          lambda: _keras("categorical_crossentropy", np.array([[0.0, 1.0]], "float32"), np.array([[1.0, 0.0]], "float32")), 16.1181),
    # ---- notebook 07
    Claim("07", "torch", "CrossEntropyLoss accepts class probabilities as targets (0.417 for a one-hot row)",
          lambda: _torch("cross_entropy", [[2.0, 1.0, 0.1]], [[1.0, 0.0, 0.0]]), 0.417),
    Claim("07", "torch", "BCELoss clamps each log at -100: a certain wrong prediction costs 100, not inf",
          lambda: _torch("binary_cross_entropy", [0.0], [1.0]), 100.0),
    Claim("07", "keras-torch", "Keras on the PyTorch backend clips at 1e-7: the largest loss from probabilities is 16.1",
          lambda: _keras_from_softmax([[30.0, 0.0, -30.0]], [[0, 0, 1]]), 16.1181),
    Claim("07", "keras-tensorflow", "on the TensorFlow backend, a Keras softmax output is not clipped: the loss exceeds 16.1",
          lambda: _keras_from_softmax([[30.0, 0.0, -30.0]], [[0, 0, 1]]), 60.0),
    Claim("07", "sklearn", "log_loss names its second argument y_proba in 1.9",
          lambda: _log_loss([0, 1], y_proba=[[0.8, 0.2], [0.3, 0.7]]), 0.2899),
    Claim("07", "sklearn", "log_loss clips at the machine epsilon of the dtype (float64: 36.04)",
          lambda: _log_loss([1], [[1.0, 0.0]], labels=[0, 1]), 36.0437),
    # ---- notebook 09
    Claim("09", "torch", "CrossEntropyLoss of the notes' logits [2, 1, 0.1], class 0, is 0.417",
          lambda: _torch("cross_entropy", [[2.0, 1.0, 0.1]], _long([0])), 0.417),
    Claim("09", "torch", "the mean over the batch of two is 0.3185",
          lambda: _torch("cross_entropy", BATCH, _long([0, 1])), 0.3185),
    Claim("09", "torch", "BCELoss of q = [0, 1, 0.5], t = [1, 0, 1] is [100, 100, 0.6931], mean 66.8977",
          lambda: _torch("binary_cross_entropy", [0.0, 1.0, 0.5], [1.0, 0.0, 1.0]), 66.8977),
    Claim("09", "torch", "in float32 sigmoid(20) rounds to 1, so BCELoss(sigmoid(20), 0) hits the clamp: 100",
          lambda: _torch("binary_cross_entropy", __import__("torch").sigmoid(_f([20.0])), _f([0.0])), 100.0),
    Claim("09", "torch", "BCEWithLogitsLoss(20, 0) = 20.0",
          lambda: _torch("binary_cross_entropy_with_logits", [20.0], [0.0]), 20.0),
    Claim("09", "torch", "pos_weight=3 triples the positive's loss: [1.4222, 0.3133]",
          lambda: __import__("torch").nn.functional.binary_cross_entropy_with_logits(
              _f([0.5, -1.0]), _f([1.0, 0.0]), pos_weight=_f([3.0]), reduction="none").tolist()[0], 1.4222),
    Claim("09", "torch", "KLDivLoss reduction='sum' is 1.5141",
          lambda: _torch("kl_div", _f(KL_Q).log(), KL_P, reduction="sum"), 1.5141),
    Claim("09", "torch", "KLDivLoss reduction='batchmean' is 0.7571",
          lambda: _torch("kl_div", _f(KL_Q).log(), KL_P, reduction="batchmean"), 0.7571),
    Claim("09", "torch", "KLDivLoss reduction='mean' is 0.2524 (divides by the number of elements)",
          lambda: _torch("kl_div", _f(KL_Q).log(), KL_P, reduction="mean"), 0.2524),
    Claim("09", "torch", "class weights [1, 2, 5]: the mean divides by the samples' total weight: 0.2569",
          lambda: _torch("cross_entropy", BATCH + [[1.0, 1.0, 3.0]], _long([0, 1, 2]), weight=_f([1.0, 2.0, 5.0])), 0.2569),
    Claim("09", "torch", "ignore_index=-100 drops the padding from the count: 0.3185",
          lambda: _torch("cross_entropy", BATCH + [[0.0] * 3] * 2, _long([0, 1, -100, -100])), 0.3185),
    Claim("09", "torch", "label_smoothing=0.1 on [2, 1, 0.1], class 0: 0.5137",
          lambda: _torch("cross_entropy", [[2.0, 1.0, 0.1]], _long([0]), label_smoothing=0.1), 0.5137),
    Claim("09", "torch", "softmax applied twice: CrossEntropyLoss(softmax(logits)) = 0.8021",
          lambda: _torch("cross_entropy", __import__("torch").softmax(_f([[2.0, 1.0, 0.1]]), 1), _long([0])), 0.8021),
    Claim("09", "torch", "NLLLoss of raw logits returns -2.0",
          lambda: _torch("nll_loss", [[2.0, 1.0, 0.1]], _long([0])), -2.0),
    Claim("09", "torch", "NLLLoss of probabilities returns -0.659",
          lambda: _torch("nll_loss", __import__("torch").softmax(_f([[2.0, 1.0, 0.1]]), 1), _long([0])), -0.659),
    Claim("09", "torch", "a batch whose every target is ignored gives nan under 'mean'",
          lambda: "nan" if math.isnan(_torch("cross_entropy", [[0.0] * 3] * 2, _long([-100, -100]))) else "number", "nan"),
    Claim("09", "torch", "... and 0 under 'sum'",
          lambda: _torch("cross_entropy", [[0.0] * 3] * 2, _long([-100, -100]), reduction="sum"), 0.0),
    Claim("09", "keras-torch", "Keras rescales [0.1, 0.2, 0.1] to sum 1: 1.386",
          lambda: _keras("categorical_crossentropy", np.array([[0, 0, 1]], "float32"), np.array([[0.1, 0.2, 0.1]], "float32")), 1.3863),
    Claim("09", "keras-torch", "Keras: -ln 0.8 = 0.223 for the note's prediction",
          lambda: _keras("categorical_crossentropy", np.array([[0, 0, 1]], "float32"), np.array([[0.1, 0.1, 0.8]], "float32")), 0.2231),
    Claim("09", "keras-torch", "a perfect prediction costs 1.19e-7 in float32 (the clip at 1 - 1e-7)",
          lambda: _keras("categorical_crossentropy", np.array([[0, 0, 1]], "float32"), np.array([[0.0, 0.0, 1.0]], "float32")) * 1e7, 1.19, 2),
    Claim("09", "keras-torch", "SparseCategoricalCrossentropy has no label_smoothing in Keras 3.15.1",
          lambda: _raises(lambda: __import__("keras").losses.SparseCategoricalCrossentropy(label_smoothing=0.1)),
          Raises("TypeError", "label_smoothing")),
    Claim("09", "keras-torch", "nor has the function sparse_categorical_crossentropy",
          lambda: _raises(lambda: __import__("keras").losses.sparse_categorical_crossentropy(np.array([0]), np.array([[0.5, 0.5]]), label_smoothing=0.1)),
          Raises("TypeError", "label_smoothing")),
    Claim("09", "keras-torch", "CategoricalCrossentropy has label_smoothing",
          lambda: __import__("keras").losses.CategoricalCrossentropy(label_smoothing=0.1).get_config()["label_smoothing"], 0.1),
    Claim("09", "keras-tensorflow", "on the TensorFlow backend, a probability array (not a Keras softmax output) is clipped: 16.118",
          lambda: _keras("categorical_crossentropy", np.array([[0, 0, 1]], "float32"), np.array([[0.2, 0.8, 0.0]], "float32")), 16.1181),
    Claim("09", "keras-tensorflow", "... a Dense(activation='softmax') output is not: the loss is computed from its logits",
          lambda: _keras_from_softmax([[30.0, 0.0, -30.0]], [[0, 0, 1]], layer=True), 60.0),
    Claim("09", "keras-torch", "... on the PyTorch backend the same layer's output is clipped: 16.118",
          lambda: _keras_from_softmax([[30.0, 0.0, -30.0]], [[0, 0, 1]], layer=True), 16.1181),
    Claim("09", "sklearn", "log_loss agrees with xent_core for honest predictions (0.2899)",
          lambda: _log_loss([2, 2], [[0.1, 0.1, 0.8], [0.1, 0.2, 0.7]], labels=[0, 1, 2]), 0.2899),
    Claim("09", "sklearn", "a 0 for the true class: 36.04 in float64",
          lambda: _log_loss([2], np.array([[0.2, 0.8, 0.0]]), labels=[0, 1, 2]), 36.04, 2),
    Claim("09", "sklearn", "... and 15.94 in float32",
          lambda: _log_loss([2], np.array([[0.2, 0.8, 0.0]], "float32"), labels=[0, 1, 2]), 15.94, 2),
    Claim("09", "sklearn", "a row that does not sum to 1 is used as given: -ln 0.1 = 2.3026",
          lambda: _log_loss([2], [[0.1, 0.2, 0.1]], labels=[0, 1, 2]), 2.3026),
    Claim("09", "sklearn", "... with a UserWarning",
          lambda: _warns(lambda: __import__("sklearn.metrics").metrics.log_loss([2], [[0.1, 0.2, 0.1]], labels=[0, 1, 2]), "do not sum to one"), True),
    Claim("09", "sklearn", "logits (values outside [0, 1]) raise a ValueError",
          lambda: _raises(lambda: _log_loss([0], [[2.0, 1.0, 0.1]], labels=[0, 1, 2])), Raises("ValueError")),
]

# ---- notebook 11: the gallery (its own batch, and the numbers the issue quotes)
_G = {"logits": [[1.2, -0.4, 2.0], [0.3, 1.8, -1.1]], "target": [2, 0]}


def _softmax_t(x):
    import torch
    return torch.softmax(_f(x), 1)


def _gallery_seq():
    """(N, T, C) = (1, 3, 3) logits passed to F.cross_entropy unpermuted: PyTorch reads T as classes."""
    seq = [[[2.0, 0.5, -1.0], [0.1, 1.5, 0.3], [-0.5, 0.2, 2.5]]]
    return _torch("cross_entropy", seq, _long([[0, 1, 2]])), _torch("cross_entropy", _f(seq).permute(0, 2, 1), _long([[0, 1, 2]]))


CLAIMS += [
    Claim("11", "torch", "nll_loss of the softmax output is negative: -0.412",
          lambda: _torch("nll_loss", _softmax_t(_G["logits"]), _long(_G["target"])), -0.412),
    Claim("11", "torch", "cross_entropy of the softmax output (softmax twice): 1.0622 instead of 1.0886",
          lambda: _torch("cross_entropy", _softmax_t(_G["logits"]), _long(_G["target"])), 1.0622),
    Claim("11", "torch", "... and of the logits: 1.0886",
          lambda: _torch("cross_entropy", _G["logits"], _long(_G["target"])), 1.0886),
    Claim("11", "torch", "BCELoss(sigmoid([25, -120])) against labels [0, 1] in float32: 100 (both clamped)",
          lambda: _torch("binary_cross_entropy", __import__("torch").sigmoid(_f([25.0, -120.0])), _f([0.0, 1.0])), 100.0),
    Claim("11", "torch", "BCEWithLogitsLoss of the same: 72.5",
          lambda: _torch("binary_cross_entropy_with_logits", [25.0, -120.0], [0.0, 1.0]), 72.5),
    Claim("11", "torch", "in float32 1 - sigmoid(17) rounds to 0: BCELoss(sigmoid(17), 0) = 100",
          lambda: _torch("binary_cross_entropy", __import__("torch").sigmoid(_f([17.0])), _f([0.0])), 100.0),
    Claim("11", "torch", "in float64 the same happens near 37",
          lambda: _torch("binary_cross_entropy", __import__("torch").sigmoid(_f([37.0], "float64")), _f([0.0], "float64")), 100.0),
    Claim("11", "torch", "KLDivLoss with log p as target and log_target=False: nan",
          lambda: "nan" if math.isnan(_torch("kl_div", _f([[1.2, -0.4, 2.0]]).log_softmax(1), _f([[0.6, 0.3, 0.1]]).log(), reduction="sum")) else "number", "nan"),
    Claim("11", "torch", "... with log_target=True: 0.7339, the KL divergence",
          lambda: _torch("kl_div", _f([[1.2, -0.4, 2.0]]).log_softmax(1), _f([[0.6, 0.3, 0.1]]).log(), reduction="sum", log_target=True), 0.7339),
    Claim("11", "torch", "a probability target summing to 1.7 is accepted: 2.0941",
          lambda: _torch("cross_entropy", [[1.2, -0.4, 2.0]], [[0.2, 0.5, 1.0]]), 2.0941),
    Claim("11", "torch", "a target with a negative entry gives a negative loss: -0.8482",
          lambda: _torch("cross_entropy", [[1.2, -0.4, 2.0]], [[0.2, -0.6, 1.4]]), -0.8482),
    Claim("11", "torch", "class weights [1, 2, 5], labels [2, 1] as indices: 1.7179 (issue 11's numbers)",
          lambda: _torch("cross_entropy", BATCH, _long([2, 1]), weight=_f([1.0, 2.0, 5.0])), 1.7179),
    Claim("11", "torch", "... the same labels as one-hot probabilities: 6.0126",
          lambda: _torch("cross_entropy", BATCH, [[0.0, 0.0, 1.0], [0.0, 1.0, 0.0]], weight=_f([1.0, 2.0, 5.0])), 6.0126),
    Claim("11", "torch", "BCEWithLogitsLoss(weight) divides by the number of elements: 1.7359",
          lambda: _torch("binary_cross_entropy_with_logits", [1.5, -0.5, 2.0, -1.0], [1.0, 0.0, 0.0, 1.0], weight=_f([2.0, 1.0, 1.0, 3.0])), 1.7359),
    Claim("11", "torch", "pytorch#54843: the data as a weighted two-class cross-entropy gives 0.5471",
          lambda: _torch("cross_entropy", [[0.3, 0.7], [0.6, 0.4], [0.6, 0.4]], _long([1, 0, 0]), weight=_f([1.0, 3.0])), 0.5471),
    Claim("11", "torch", "... and as BCE with per-sample weights 0.9118",
          lambda: _torch("binary_cross_entropy_with_logits", [0.40005136065843544, -0.19986264725851363, -0.19986264725851363],
                         [1.0, 0.0, 0.0], weight=_f([3.0, 1.0, 1.0])), 0.9118),
    Claim("11", "torch", "ignore_index=2: the ignored class's logit moves the loss (logit -5: 0.3151)",
          lambda: _torch("cross_entropy", [[1.0, 0.0, -5.0], [0.0, 1.0, -5.0]], _long([0, 1]), ignore_index=2), 0.3151),
    Claim("11", "torch", "... (logit 5: 4.0247)",
          lambda: _torch("cross_entropy", [[1.0, 0.0, 5.0], [0.0, 1.0, 5.0]], _long([0, 1]), ignore_index=2), 4.0247),
    Claim("11", "torch", "every target ignored: nan under 'mean'",
          lambda: "nan" if math.isnan(_torch("cross_entropy", _G["logits"], _long([2, 2]), ignore_index=2)) else "number", "nan"),
    Claim("11", "torch", "an empty batch: nan under 'mean'",
          lambda: "nan" if math.isnan(_torch("cross_entropy", __import__("torch").zeros(0, 3), _long([]))) else "number", "nan"),
    Claim("11", "torch", "(N, T, C) logits with T = C passed unpermuted run silently: 0.2784 instead of 0.2726",
          lambda: _gallery_seq()[0], 0.2784),
    Claim("11", "torch", "... permuted to (N, C, T): 0.2726",
          lambda: _gallery_seq()[1], 0.2726),
    Claim("11", "torch", "label_smoothing=0.1 spreads eps over all C classes: 0.5137 (eps/(C-1) would give 0.5620)",
          lambda: _torch("cross_entropy", [[2.0, 1.0, 0.1]], _long([0]), label_smoothing=0.1), 0.5137),
    Claim("11", "torch", "... and the eps/(C-1) target is PyTorch's with eps' = eps C/(C-1) = 0.15: 0.5620",
          lambda: _torch("cross_entropy", [[2.0, 1.0, 0.1]], _long([0]), label_smoothing=0.15), 0.562),
    Claim("11", "keras-torch", "Keras on the PyTorch backend: logits [30, 0, -30], class 2, through keras.ops.softmax: 16.118",
          lambda: _keras_from_softmax([[30.0, 0.0, -30.0]], [[0, 0, 1]]), 16.118, 3),
    Claim("11", "keras-tensorflow", "... on the TensorFlow backend: 60.0, from the logits",
          lambda: _keras_from_softmax([[30.0, 0.0, -30.0]], [[0, 0, 1]]), 60.0),
    Claim("11", "keras-tensorflow", "... a Keras sigmoid output is bypassed too (binary_crossentropy of sigmoid(20) against 0: 20)",
          lambda: float(np.asarray(__import__("keras").losses.binary_crossentropy(
              np.array([0.0], "float32"), __import__("keras").ops.sigmoid(np.array([20.0], "float32"))))), 20.0),
    Claim("11", "keras-torch", "... on the PyTorch backend the same sigmoid output is clipped: 15.94",
          lambda: float(np.asarray(__import__("keras").ops.convert_to_numpy(__import__("keras").losses.binary_crossentropy(
              np.array([0.0], "float32"), __import__("keras").ops.sigmoid(np.array([20.0], "float32")))))), 15.94, 2),
    Claim("11", "sklearn", "a single-class y_true without labels= raises",
          lambda: _raises(lambda: _log_loss(["dog", "dog"], [[0.1, 0.9], [0.2, 0.8]])), Raises("ValueError", "only one label")),
    Claim("11", "sklearn", "a 1-D y_proba is the probability of the label that sorts last: 1.956",
          lambda: _log_loss(["cat", "dog"], [0.9, 0.2]), 1.956, 3),
    Claim("11", "sklearn", "labels= in another order does not reorder the columns: a perfect prediction scores 36.04",
          lambda: _log_loss(["dog", "cat"], [[1.0, 0.0], [0.0, 1.0]], labels=["dog", "cat"]), 36.04, 2),
    Claim("11", "sklearn", "... with a warning about the order",
          lambda: _warns(lambda: __import__("sklearn.metrics").metrics.log_loss(["dog", "cat"], [[1.0, 0.0], [0.0, 1.0]], labels=["dog", "cat"]),
                         "ordered lexicographically"), True),
    Claim("11", "sklearn", "eps= was removed: TypeError",
          lambda: _raises(lambda: _log_loss(["cat", "dog"], [[0.9, 0.1], [0.2, 0.8]], eps=1e-15)), Raises("TypeError", "eps")),
    Claim("11", "scipy", "scipy.stats.entropy([.5, .5], [.3, .3]) renormalizes and returns 0",
          lambda: float(__import__("scipy.stats").stats.entropy([0.5, 0.5], [0.3, 0.3])), 0.0),
    Claim("11", "scipy", "scipy.stats.entropy([0.2, 0.3]) is the entropy of [0.4, 0.6]: 0.673",
          lambda: float(__import__("scipy.stats").stats.entropy([0.2, 0.3])), 0.673, 3),
    Claim("11", "optax", "optax softmax_cross_entropy with a -inf logit (target 0 there) returns nan",
          lambda: "nan" if math.isnan(_optax("softmax_cross_entropy", [[-np.inf, 1.0, 2.0]], [[0.0, 0.0, 1.0]])) else "number", "nan"),
    Claim("11", "optax", "safe_softmax_cross_entropy handles it: 0.3133",
          lambda: _optax("safe_softmax_cross_entropy", [[-np.inf, 1.0, 2.0]], [[0.0, 0.0, 1.0]]), 0.3133),
    Claim("11", "optax", "softmax_cross_entropy of the notes' logits, class 0: 0.417",
          lambda: _optax("softmax_cross_entropy", [[2.0, 1.0, 0.1]], [[1.0, 0.0, 0.0]]), 0.417),
    Claim("11", "optax", "sigmoid_binary_cross_entropy takes logits and does not clamp: (30, 0) costs 30",
          lambda: _optax("sigmoid_binary_cross_entropy", [30.0], [0.0]), 30.0),
]


CLAIMS += [
    Claim("11", "torch", "(N, T, C) logits with T != C passed unpermuted: the shapes clash, an error",
          lambda: _raises(lambda: _torch("cross_entropy", __import__("torch").zeros(1, 4, 3), _long([[0, 1, 2, 0]]))),
          Raises("RuntimeError", "Expected target size")),
    Claim("06", "tensorflow", "tf.nn.log_softmax shifts by the max: log_softmax([1000, 0]) = [0, -1000]",
          lambda: __import__("tensorflow").nn.log_softmax([1000.0, 0.0]).numpy().tolist() == [0.0, -1000.0], True),
    Claim("06", "tensorflow", "tf.math.reduce_logsumexp([1000, 1000]) = 1000 + ln 2, no overflow",
          lambda: float(__import__("tensorflow").math.reduce_logsumexp([1000.0, 1000.0])), 1000.6931, 3),
    Claim("06", "tensorflow", "tf.nn.softmax([1000, 999, 998.1]) is finite and sums to 1",
          lambda: float(__import__("tensorflow").reduce_sum(__import__("tensorflow").nn.softmax([1000.0, 999.0, 998.1]))), 1.0),
    Claim("09", "sklearn", "log_loss's old keyword y_pred still works in 1.9.1, with a FutureWarning",
          lambda: _warns(lambda: __import__("sklearn.metrics").metrics.log_loss([0, 1], y_pred=[[0.8, 0.2], [0.3, 0.7]]), "renamed to `y_proba`"), True),
    Claim("07", "keras-jax", "on the JAX backend a Keras softmax output is clipped: 16.118",
          lambda: _keras_from_softmax([[30.0, 0.0, -30.0]], [[0, 0, 1]]), 16.1181),
    Claim("09", "keras-jax", "... a Dense(activation='softmax') output too",
          lambda: _keras_from_softmax([[30.0, 0.0, -30.0]], [[0, 0, 1]], layer=True), 16.1181),
    Claim("09", "keras-jax", "SparseCategoricalCrossentropy has no label_smoothing on any backend",
          lambda: _raises(lambda: __import__("keras").losses.SparseCategoricalCrossentropy(label_smoothing=0.1)),
          Raises("TypeError", "label_smoothing")),
]


# ---- notebook 12: SGD's weight_decay (the "In practice" tip)
def _sgd_one_step(groups):
    """One SGD step (lr 1, weight decay 1e-3, zero loss gradient) of a float64 Linear(2, 1) whose weight
    and bias start at 1: (weight, bias) after it. ``groups``: parameter groups instead of parameters()."""
    import torch
    model = torch.nn.Linear(2, 1, dtype=torch.float64)
    with torch.no_grad():
        model.weight.fill_(1.0)
        model.bias.fill_(1.0)
    params = ([{"params": [model.weight], "weight_decay": 1e-3}, {"params": [model.bias], "weight_decay": 0}]
              if groups else model.parameters())
    optimizer = torch.optim.SGD(params, lr=1.0, **({} if groups else {"weight_decay": 1e-3}))
    (0 * model(torch.ones(1, 2, dtype=torch.float64)).sum()).backward()
    optimizer.step()
    return model.weight[0, 0].item(), model.bias[0].item()


def _digits_in_torch(steps=600):
    """Notebook 12's training written with nn.Linear, CrossEntropyLoss and SGD with parameter groups
    (float64, the notebook's start): the test loss."""
    import torch
    import xent_core as xc
    import xent_widgets.training_a_classifier as xw
    x, y, (train, _, test) = xw.digits_split()
    model = torch.nn.Linear(64, 10, dtype=torch.float64)
    with torch.no_grad():
        model.weight.copy_(torch.tensor(np.random.default_rng(1).normal(0.0, 0.01, size=(64, 10)).T))
        model.bias.zero_()
    optimizer = torch.optim.SGD([{"params": [model.weight], "weight_decay": 1e-3},
                                 {"params": [model.bias], "weight_decay": 0}], lr=5.0)
    inputs, targets = torch.tensor(x[train]), torch.tensor(y[train])
    for _ in range(steps):
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(inputs), targets).backward()
        optimizer.step()
    weights, bias = model.weight.detach().numpy().T, model.bias.detach().numpy()
    return xc.softmax_cross_entropy(x[test] @ weights + bias, y[test])


CLAIMS += [
    Claim("12", "torch", "SGD's weight_decay=1e-3 adds 1e-3 times each parameter to its gradient (the gradient of lambda/2 |W|^2)",
          lambda: _sgd_one_step(groups=False)[0], 0.999, 12),
    Claim("12", "torch", "SGD(model.parameters(), weight_decay=...) decays the bias too",
          lambda: _sgd_one_step(groups=False)[1], 0.999, 12),
    Claim("12", "torch", "... a parameter group with weight_decay 0 leaves the bias alone",
          lambda: _sgd_one_step(groups=True)[1], 1.0, 12),
    Claim("12", "torch", "from our start, 600 steps of that SGD give our test loss, 0.16205",
          lambda: _digits_in_torch(), 0.16205, 5),
]

# ---- replicas: (notebook, name of the def, or "name=" for an assignment, the framework, the real call)
def notebook_code(number):
    import json as _json
    path = next((ROOT / "notebooks").glob(f"{number}_*.ipynb"))
    cells = _json.loads(path.read_text())["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")


def replica(number, name):
    """The notebook's own code for ``name``: a function it defines, or the right-hand side of
    ``name = ...`` as a function of the names it uses."""
    import xent_core as xc
    from scipy.special import xlogy
    tree = ast.parse(notebook_code(number))
    space = {"np": np, "xc": xc, "math": math, "xlogy": xlogy}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == name:
            exec(compile(ast.Module([node], []), name, "exec"), space)
            return space[name]
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            expression = compile(ast.Expression(node.value), name, "eval")
            return lambda **values: eval(expression, {**space, **values})
    raise LookupError(f"notebook {number} defines no {name}")


INF = np.inf
# Each replica: inputs (one case per dict), and the real function called on the same arrays.
REPLICAS = [
    ("09", "keras_categorical_crossentropy", "keras", [
        {"y_true": [[0, 0, 1], [0, 0, 1]], "y_pred": [[0.1, 0.1, 0.8], [0.1, 0.2, 0.7]]},
        {"y_true": [[0, 0, 1]], "y_pred": [[0.2, 0.8, 0.0]]},          # a 0 for the true class
        {"y_true": [[0, 0, 1]], "y_pred": [[0.0, 0.0, 1.0]]},          # a 1: the clip at 1 - 1e-7
        {"y_true": [[0, 0, 1]], "y_pred": [[0.1, 0.2, 0.1]]},          # not a distribution
        {"y_true": np.zeros((0, 3)), "y_pred": np.zeros((0, 3))},      # an empty batch
    ]),
    ("11", "keras_categorical_crossentropy", "keras", [
        {"y_true": [[0, 0, 1]], "y_pred": [[0.2, 0.8, 0.0]]},
        {"y_true": [[0, 0, 1]], "y_pred": [[0.0, 0.0, 1.0]]},
        {"y_true": np.zeros((0, 3)), "y_pred": np.zeros((0, 3))},
    ]),
    ("09", "clamped", "torch.binary_cross_entropy", [
        {"q": [0.0, 1.0, 0.5], "t": [1.0, 0.0, 1.0]},
        {"q": [1.0, 0.0, 1e-30], "t": [1.0, 0.0, 1.0]},
        {"q": np.zeros(0), "t": np.zeros(0)},
    ]),
    ("11", "torch_bce_loss", "torch.binary_cross_entropy", [
        {"probs": [0.0, 1.0, 0.5], "target": [1.0, 0.0, 1.0]},
        {"probs": [1.0, 0.0, 1e-30, 1 - 1e-7], "target": [1.0, 0.0, 1.0, 0.0]},
        {"probs": np.zeros(0), "target": np.zeros(0)},
    ]),
    ("11", "torch_nll_loss", "torch.nll_loss", [
        {"log_probs": [[-0.2, -1.7, -3.0], [-INF, -0.1, -2.4]], "target": [0, 1]},
        {"log_probs": [[0.3, 0.6, 0.1]], "target": [1]},               # probabilities by mistake
        {"log_probs": np.zeros((0, 3)), "target": np.zeros(0, int)},
    ]),
    ("11", "torch_cross_entropy_probs", "torch.cross_entropy", [
        {"logits": [[1.2, -0.4, 2.0], [0.3, 1.8, -1.1]], "target": [[0.0, 0.0, 1.0], [0.7, 0.2, 0.1]]},
        {"logits": [[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]], "target": [[0.0, 0.0, 1.0], [0.0, 1.0, 0.0]], "weight": [1.0, 2.0, 5.0]},
        {"logits": [[-INF, 1.0, 2.0]], "target": [[0.0, 0.0, 1.0]]},  # 0 * -inf: nan in both
        {"logits": np.zeros((0, 3)), "target": np.zeros((0, 3))},
    ]),
    ("11", "torch_bce_with_logits", "torch.binary_cross_entropy_with_logits", [
        {"logits": [1.5, -0.5, 2.0, -1.0], "target": [1.0, 0.0, 0.0, 1.0], "weight": [2.0, 1.0, 1.0, 3.0]},
        {"logits": [0.5, -1.0, 40.0, -40.0], "target": [1.0, 0.0, 0.0, 1.0], "pos_weight": 3.0},
        {"logits": np.zeros(0), "target": np.zeros(0)},
    ]),
    ("11", "torch_kl_div_sum", "torch.kl_div", [
        {"log_q": [-1.2318, -2.8318, -0.4318], "target": [0.6, 0.3, 0.1]},
        {"log_q": [-1.2318, -2.8318, -0.4318], "target": [0.6, 0.4, 0.0]},          # a 0 in the target
        {"log_q": [-1.2318, -2.8318, -0.4318], "target": list(np.log([0.6, 0.3, 0.1]))},   # log p without the flag: nan
        {"log_q": [-1.2318, -2.8318, -0.4318], "target": list(np.log([0.6, 0.3, 0.1])), "log_target": True},
        {"log_q": np.zeros(0), "target": np.zeros(0)},
    ]),
]

# Where a replica and the framework knowingly part: (notebook, name, case) -> what each returns.
# PyTorch's BCEWithLogitsLoss returns nan for +-inf logits even where the limit is finite;
# the replica (xent_core) returns the limit. The test checks both sides of this.
INFINITE_LOGITS = {"logits": [INF, -INF, INF, -INF], "target": [1.0, 0.0, 0.0, 1.0]}


def run_torch_replica_case(real, case, dtype):
    """The real PyTorch function on ``case`` in ``dtype``, as a float."""
    import torch
    import torch.nn.functional as F
    tdtype = getattr(torch, np.dtype(dtype).name)

    def t(name, integer=False):
        return torch.tensor(np.asarray(case[name]), dtype=torch.long if integer else tdtype)
    name = real.split(".")[1]
    if name == "binary_cross_entropy":
        if "q" in case:   # notebook 09's clamp is per element
            return F.binary_cross_entropy(t("q"), t("t"), reduction="none").numpy().astype(float)
        return F.binary_cross_entropy(t("probs"), t("target")).item()
    if name == "nll_loss":
        return F.nll_loss(t("log_probs"), t("target", integer=True)).item()
    if name == "cross_entropy":
        weight = t("weight") if "weight" in case else None
        return F.cross_entropy(t("logits"), t("target"), weight=weight).item()
    if name == "binary_cross_entropy_with_logits":
        weight = t("weight") if "weight" in case else None
        pos_weight = torch.tensor([case["pos_weight"]], dtype=tdtype) if "pos_weight" in case else None
        return F.binary_cross_entropy_with_logits(t("logits"), t("target"), weight=weight, pos_weight=pos_weight).item()
    if name == "kl_div":
        return F.kl_div(t("log_q"), t("target"), reduction="sum", log_target=case.get("log_target", False)).item()
    raise LookupError(real)


def run_replica_case(number, name, case, dtype):
    """The notebook's replica on ``case``, every array cast to ``dtype`` (class indices stay integers)."""
    values = {k: (np.asarray(v) if k == "target" and np.asarray(v).dtype.kind == "i" else
                  np.asarray(v, dtype=dtype) if isinstance(v, (list, np.ndarray)) else v) for k, v in case.items()}
    with np.errstate(divide="ignore", invalid="ignore"):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            result = replica(number, name)(**values)
    return np.asarray(result, dtype=float)


def keras_replica_results(dtype):
    """The real Keras categorical_crossentropy on every keras replica case (in this process's backend)."""
    import keras
    out = []
    for number, name, _, cases in [r for r in REPLICAS if r[2] == "keras"]:
        for case in cases:
            y_true, y_pred = (np.asarray(case[k], dtype=dtype) for k in ("y_true", "y_pred"))
            real = np.asarray(keras.ops.convert_to_numpy(keras.losses.categorical_crossentropy(y_true, y_pred)), dtype=float)
            out.append([number, name, case_id(case), real.tolist()])
    return out


def case_id(case):
    return json.dumps({k: np.asarray(v).tolist() for k, v in case.items()}, sort_keys=True)


def outcome(claim):
    """(ok, what the framework gave) for one claim, run in this process."""
    try:
        got = claim.call()
    except Exception as error:  # noqa: BLE001
        got = error
    expect = claim.expect
    if isinstance(expect, Raises):
        ok = isinstance(got, BaseException) and type(got).__name__ == expect.error and expect.words in str(got)
        return ok, f"{type(got).__name__}: {got}" if isinstance(got, BaseException) else repr(got)
    if isinstance(got, BaseException):
        return False, f"{type(got).__name__}: {got}"
    if isinstance(expect, (bool, str)):
        return got == expect, repr(got)
    return round(float(got), claim.decimals) == round(float(expect), claim.decimals), repr(float(got))


if __name__ == "__main__":
    # python tests/framework_claims.py keras-torch|keras-tensorflow: run that backend's claims
    # (KERAS_BACKEND is set by the caller) and print them as JSON.
    framework = sys.argv[1]
    results = {"claims": [[i, *outcome(c)] for i, c in enumerate(CLAIMS) if c.framework == framework],
               "replicas": {dt: keras_replica_results(dt) for dt in ("float32", "float64")}}
    print("XENT-CLAIMS " + json.dumps(results))
