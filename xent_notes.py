"""The worked examples of the four source notes, defined once.

The course follows four Chinese study notes on cross-entropy (``../shared/seeds``, summarised in
English in notebook 10). Their examples recur across the notebooks, the figures, the exercise
checkers and the tests; this module is the one place their numbers live. The notebooks still
type the numbers where the reader needs to see them, and ``tests/test_course_integrity.py``
checks that what a notebook types equals what is defined here.

Everything here is data (tuples, so nothing can be changed by accident); ``np.array(name)``
turns a tuple into the array a computation needs.

Examples
--------
>>> import xent_notes as notes
>>> notes.LAPTOP_PROBS
(0.7, 0.2, 0.1)
>>> notes.PET_CLASSES[notes.FROG_TRUE_CLASS], notes.FROG_PREDICTION[notes.FROG_TRUE_CLASS]
('frog', 0.6)
"""

__all__ = [
    "NOTE_TITLES",
    "L1_EXAMPLE_OUTPUT",
    "L1_EXAMPLE_TARGET",
    "WORLD_CUP_LAST_EIGHT",
    "WORLD_CUP_CHAMPION",
    "LOL_LAST_EIGHT",
    "LOL_CHAMPION",
    "LAPTOP_OUTCOMES",
    "LAPTOP_PROBS",
    "PET_CLASSES",
    "FROG_TRUE_CLASS",
    "FROG_PREDICTION",
    "MULTILABEL_TARGET",
    "MULTILABEL_PREDICTION",
    "COIN_FLIPS",
    "COIN_MODELS",
    "PYTORCH_LOGITS",
    "PYTORCH_TARGET",
]

# The four notes, by number: (Chinese title, English gloss).
NOTE_TITLES = {
    "000": ("交叉熵损失函数", "cross-entropy loss"),
    "001": ("关于交叉熵在 loss 函数中使用的理解", "understanding cross-entropy as a loss"),
    "002": ("交叉熵损失函数 详解", "cross-entropy loss explained, a Q&A"),
    "003": ("softmax 与交叉熵", "softmax and cross-entropy"),
}

# Note 000's L1 example: a model outputs 10, 10, 20 where the targets are 30, 20, 50
# (notebooks 01 and 10; the note prints 70 and 23.33, the right values are 60 and 20).
L1_EXAMPLE_OUTPUT = (10.0, 10.0, 20.0)
L1_EXAMPLE_TARGET = (30.0, 20.0, 50.0)

# Note 000's bracket: the last eight of the 2022 World Cup, in bracket order (notebook 02).
WORLD_CUP_LAST_EIGHT = ("Netherlands", "Argentina", "Croatia", "Brazil", "England", "France", "Morocco", "Portugal")
WORLD_CUP_CHAMPION = "Argentina"
# Note 001's League of Legends bracket (notebook 02).
LOL_LAST_EIGHT = ("BLG", "T1", "TL", "FNC", "GEN", "TOP", "G2", "FLY")
LOL_CHAMPION = "BLG"

# Note 001's laptop: it boots, won't boot or explodes (notebooks 03, 04 and 10).
LAPTOP_OUTCOMES = ("boots", "won't boot", "explodes")
LAPTOP_PROBS = (0.7, 0.2, 0.1)

# Note 001's single-label example: the picture shows a frog, the classes are cat, frog and mouse
# (class indices count from 0), and the model predicts (0.3, 0.6, 0.1) (notebooks 00, 06, 07, 10).
PET_CLASSES = ("cat", "frog", "mouse")
FROG_TRUE_CLASS = 1
FROG_PREDICTION = (0.3, 0.6, 0.1)
# Note 001's multi-label example: the picture shows a frog and a mouse; one sigmoid per label
# (notebook 07).
MULTILABEL_TARGET = (0, 1, 1)
MULTILABEL_PREDICTION = (0.1, 0.7, 0.8)

# Note 003's ten coin flips (1 = heads) and its three candidate models P(heads) (notebooks 05, 10).
COIN_FLIPS = (1, 0, 0, 0, 0, 0, 0, 0, 0, 0)
COIN_MODELS = (0.1, 0.7, 0.2)

# Note 002's PyTorch example: one sample's logits for three classes, true class 0 (notebooks 06-10).
PYTORCH_LOGITS = (2.0, 1.0, 0.1)
PYTORCH_TARGET = 0
