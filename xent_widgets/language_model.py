"""Figures and sliders of ``notebooks/14_language_model.ipynb``, and the corpus they share with it.

The corpus is Shakespeare's Sonnets (1609, public domain), committed as ``data/sonnets.txt``;
``data/README.md`` gives its source and licence. :func:`load_sonnets` reads it, the first
:data:`TRAIN_SONNETS` sonnets are the training text and the rest the held-out text
(:func:`split_sonnets`), exactly as the notebook does.
"""

import functools
import pathlib
import re
import textwrap

import matplotlib
import numpy as np

import xent_core as xc
from xent_widgets import COLORS, LivePlot, explore, log_slider, new_figure

__all__ = [
    "load_sonnets", "split_sonnets", "encode", "ngram_counts", "add_k_probs", "cross_entropy_bits", "sample_text",
    "smoothing_plot", "smoothing_explorer", "sampling_plot", "sampling_explorer", "MAIN_EXPLORER",
    "wrap_lines", "TRAIN_SONNETS", "SAMPLE_K", "SAMPLE_SEED", "SAMPLE_LENGTH", "SAMPLE_FONT_SIZE", "SAMPLE_WRAP",
]

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "data" / "sonnets.txt"
# Sonnets 1-140 are the training text, 141-154 the held-out text.
TRAIN_SONNETS = 140
# Sonnets are separated by a blank line; the held-out text starts after one, so it is scored
# with the two characters "\n\n" as its first context (nothing of it is left unscored).
SEPARATOR = "\n\n"
# The smoothing slider spans k in [0.001, 10]: four whole decades, so the logarithmic slider's grid
# (100 steps a decade) holds 0.001, 0.01, 0.1, 1 and 10 exactly.
_K_RANGE = (0.001, 10.0)
_K_AXIS = (_K_RANGE[0] / 1.5, _K_RANGE[1] * 1.5)
# The text samples: the trigram model with k = 0.1, 240 characters from seed 0.
SAMPLE_K = 0.1
SAMPLE_SEED = 0
SAMPLE_LENGTH = 240
_TEMPERATURE_RANGE = (0.1, 10.0)
# Both sliders and their readouts print k and T with 3 significant digits, trailing zeros kept
# ("0.00120", "1.00"): Python's "#.3g" is what the slider's d3-format ".3g" shows, and d3 ignores
# the "#" for a "g" number, so the slider, the readout and a static frame's label all agree.
_VALUE_FORMAT = "#.3g"
# The sampled text: monospace at SAMPLE_FONT_SIZE points, 15 CSS px at the figure's natural width
# of 720 px (still 12 px where a 1024-px window with its file browser open shrinks the figure to
# about 590 px), wrapped at spaces to lines of at most SAMPLE_WRAP characters, which fit its panel.
SAMPLE_FONT_SIZE = 12
SAMPLE_WRAP = 36
# The context whose next-character distribution the sampling figure shows.
_SAMPLE_CONTEXT = "th"


def load_sonnets(path=CORPUS):
    """The 154 sonnets of ``data/sonnets.txt``, lower-cased, one string each.

    Each sonnet is its lines with their indentation and trailing spaces removed, joined by
    ``"\\n"``; the title and the Roman-numeral headings are dropped.

    Examples
    --------
    >>> sonnets = load_sonnets()
    >>> len(sonnets), sonnets[0].splitlines()[0]
    (154, 'from fairest creatures we desire increase,')
    """
    raw = pathlib.Path(path).read_text(encoding="utf-8")
    parts = re.split(r"^[IVXLC]+$", raw, flags=re.M)[1:]  # parts[0] is the title
    return ["\n".join(line.strip() for line in part.strip().splitlines()).lower() for part in parts]


def split_sonnets(sonnets=None):
    """The training text (sonnets 1-140), the held-out text (141-154) and the sorted alphabet.

    The held-out text starts with :data:`SEPARATOR`, the context its first sonnet follows.

    Examples
    --------
    >>> train, test, chars = split_sonnets()
    >>> len(train), len(test), len(chars)
    (85621, 8419, 38)
    """
    sonnets = load_sonnets() if sonnets is None else sonnets
    train = SEPARATOR.join(sonnets[:TRAIN_SONNETS])
    test = SEPARATOR + SEPARATOR.join(sonnets[TRAIN_SONNETS:])
    return train, test, sorted(set(train) | set(test))


def encode(text, chars):
    """The characters of ``text`` as indices into ``chars`` (an int array).

    Examples
    --------
    >>> encode("abba", ["a", "b"])
    array([0, 1, 1, 0])
    """
    index = {c: i for i, c in enumerate(chars)}
    return np.array([index[c] for c in text])


def ngram_counts(codes, n_chars, order):
    """How often each context of ``order - 1`` characters is followed by each character.

    Returns an array of shape ``(n_chars,) * order``: ``counts[a, b]`` for a bigram (order 2) is
    the number of times character ``b`` follows ``a``; ``counts[a, b, c]`` for a trigram.

    Examples
    --------
    >>> ngram_counts(np.array([0, 1, 1, 0]), 2, 2)
    array([[0., 1.],
           [1., 1.]])
    """
    counts = np.zeros((n_chars,) * order)
    np.add.at(counts, tuple(codes[i:len(codes) - order + 1 + i] for i in range(order)), 1)
    return counts


def add_k_probs(counts, k):
    """Add-k smoothing: ``P(c | context) = (count(context, c) + k) / (count(context) + k V)``.

    With ``k = 0`` a context never seen in training has no distribution (0/0): its row is NaN.

    Examples
    --------
    >>> print(add_k_probs(np.array([[3.0, 0.0], [1.0, 1.0]]), 1.0))
    [[0.8 0.2]
     [0.5 0.5]]
    """
    smoothed = counts + k
    with np.errstate(invalid="ignore"):
        return smoothed / smoothed.sum(axis=-1, keepdims=True)


def cross_entropy_bits(probs, codes):
    """Mean of ``-log2 P(next | context)`` over the characters of ``codes`` after its first ``order - 1``.

    ``probs`` is a table from :func:`add_k_probs` of shape ``(V,) * order``. A character the
    model gives probability 0 makes the result ``inf``.

    Examples
    --------
    >>> print(round(cross_entropy_bits(np.array([[0.5, 0.5], [0.25, 0.75]]), np.array([0, 1, 1])), 4))  # (1 + 0.415) / 2
    0.7075
    """
    order = probs.ndim
    picked = probs[tuple(codes[i:len(codes) - order + 1 + i] for i in range(order))]
    return np.mean(xc.information_content(picked, base=2))


def sample_text(log_probs, chars, temperature, length=SAMPLE_LENGTH, seed=SAMPLE_SEED, start=SEPARATOR):
    """Sample ``length`` characters from a trigram table of log-probabilities at a temperature.

    Each step draws the next character from ``softmax(log_probs[a, b] / T)`` (notebook 06's
    temperature; ``T = 1`` is the model itself) by inverse-CDF sampling with the uniform numbers
    of ``np.random.default_rng(seed)``, so every temperature uses the same random numbers.

    Examples
    --------
    >>> log_probs = np.log(np.full((2, 2, 2), 0.5))
    >>> sample_text(log_probs, ["a", "b"], 1.0, length=5, start="ab")
    'baaab'
    """
    index = {c: i for i, c in enumerate(chars)}
    a, b = (index[c] for c in start[-2:])
    cumulative = np.cumsum(xc.softmax(log_probs, temperature=temperature), axis=-1)
    out = []
    for u in np.random.default_rng(seed).random(length):
        c = min(int(np.searchsorted(cumulative[a, b], u * cumulative[a, b, -1])), len(chars) - 1)
        out.append(chars[c])
        a, b = b, c
    return "".join(out)


@functools.lru_cache(maxsize=1)
def _model():
    """Counts of the training text and codes of both texts (computed once)."""
    train, test, chars = split_sonnets()
    train_codes, test_codes = encode(train, chars), encode(test, chars)
    counts = {order: ngram_counts(train_codes, len(chars), order) for order in (2, 3)}
    return chars, train_codes, test_codes, counts


def _scored(codes, order):
    """The held-out text is scored from its third character on, by bigram and trigram alike."""
    return codes[3 - order:]


def smoothing_curves(ks):
    """Held-out and training bits per character of the bigram and trigram models at each k."""
    chars, train_codes, test_codes, counts = _model()
    curves = {}
    for order in (2, 3):
        probs = [add_k_probs(counts[order], k) for k in ks]
        curves[order, "held-out"] = np.array([cross_entropy_bits(p, _scored(test_codes, order)) for p in probs])
        curves[order, "training"] = np.array([cross_entropy_bits(p, _scored(train_codes, order)) for p in probs])
    return curves


def smoothing_plot(k=1.0):
    """Held-out cross-entropy (bits per character) of the bigram and trigram models against k.

    Solid lines: the held-out text (sonnets 141-154); dashed: the training text (sonnets
    1-140), which the models were counted from. k is on a log scale; the dots mark the current
    k. The readout gives both held-out cross-entropies and their perplexities 2^H.

    Examples
    --------
    >>> smoothing_plot(1.0).readout
    'k = 1.00 &rarr; held-out: bigram <b>3.427 bits/char</b> (perplexity 10.75), trigram <b>2.943 bits/char</b> (perplexity 7.69)'
    """
    chars, train_codes, test_codes, counts = _model()
    grid = np.geomspace(*_K_AXIS, 60)
    curves = smoothing_curves(grid)
    fig, ax = new_figure(width=7.2, height=3.6)
    colors = {2: COLORS["blue"], 3: COLORS["orange"]}
    for order, name in ((2, "bigram"), (3, "trigram")):
        ax.plot(grid, curves[order, "held-out"], color=colors[order], label=f"{name}, held-out text")
        ax.plot(grid, curves[order, "training"], color=colors[order], ls="--", lw=1.5, label=f"{name}, training text")
    ax.set_xscale("log")
    ax.set_xlim(*_K_AXIS)
    ax.xaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%g"))
    ax.set_ylim(2.4, 3.8)
    ax.set_xlabel("smoothing k (log scale)")
    ax.set_ylabel("cross-entropy (bits per character)")
    ax.legend(loc="upper left", frameon=False, ncols=2, fontsize=9)
    dots = {order: ax.plot([], [], "o", color=colors[order], ms=8, zorder=3)[0] for order in (2, 3)}

    def update(k):
        held_out = {order: float(cross_entropy_bits(add_k_probs(counts[order], k), _scored(test_codes, order)))
                    for order in (2, 3)}
        for order, dot in dots.items():
            dot.set_data([k], [held_out[order]])
        return (
            f"k = {k:{_VALUE_FORMAT}} &rarr; held-out: bigram <b>{held_out[2]:.3f} bits/char</b> "
            f"(perplexity {float(xc.perplexity(held_out[2], base=2)):.2f}), trigram <b>{held_out[3]:.3f} bits/char</b> "
            f"(perplexity {float(xc.perplexity(held_out[3], base=2)):.2f})"
        )

    return LivePlot(fig, update, animated=list(dots.values()), k=k)


def smoothing_explorer(k=1.0):
    """The notebook's main slider: move the smoothing k and watch the held-out cross-entropy.

    The slider is logarithmic, like the plot's k axis: each decade from 0.001 to 10 gets a
    quarter of the track. Slider and readout print k alike, to 3 significant digits.

    Examples
    --------
    >>> explorer = smoothing_explorer()
    >>> explorer.controls["k"].value = 0.1
    >>> explorer.readout.value[:48]
    'k = 0.100 &rarr; held-out: bigram <b>3.422 bits/'
    """
    return explore(smoothing_plot(k), name="language-model-smoothing", main=True,
                   k=log_slider("smoothing k", _K_RANGE[0], _K_RANGE[1], k, readout_format=_VALUE_FORMAT))


def sampling_plot(temperature=1.0):
    """Text sampled from the trigram model (k = 0.1) at a temperature, beside the distribution it samples from.

    Left: the eight likeliest next characters after "th" under ``softmax(log P / T)``. Right:
    240 characters sampled with the same random numbers at every T, so moving T shows what the
    temperature alone changes, in a :data:`SAMPLE_FONT_SIZE`-point monospace font, each line
    wrapped at spaces to at most :data:`SAMPLE_WRAP` characters. The readout gives T, the entropy
    of that next-character distribution in bits and its three likeliest characters.

    Examples
    --------
    >>> sampling_plot(1.0).readout
    'T = 1.00 &rarr; after "th": entropy <b>2.723 bits</b>; likeliest next: e 0.352, space 0.151, a 0.131'
    """
    chars, train_codes, test_codes, counts = _model()
    log_probs = np.log(add_k_probs(counts[3], SAMPLE_K))
    a, b = (chars.index(c) for c in _SAMPLE_CONTEXT)
    row = log_probs[a, b]
    top = np.argsort(-row, kind="stable")[:8]
    fig, (ax_bars, ax_text) = new_figure(ncols=2, width=8.0, height=3.6)
    # The text gets the wider panel: SAMPLE_WRAP characters of SAMPLE_FONT_SIZE-point monospace.
    ax_bars.get_gridspec().set_width_ratios([1.0, 1.15])
    shown = [_char_name(chars[i]) for i in top]
    bars = ax_bars.bar(np.arange(top.size), np.zeros(top.size), width=0.6, color=COLORS["blue"])
    ax_bars.set_xticks(np.arange(top.size), shown)
    ax_bars.set_ylim(0, 1.1)
    ax_bars.set_xlabel(f'next character after "{_SAMPLE_CONTEXT}"')
    ax_bars.set_ylabel("probability softmax(log P / T)")
    values = [ax_bars.text(i, 0, "", ha="center", va="bottom", fontsize=9) for i in range(top.size)]
    ax_text.set_axis_off()
    ax_text.set_xlim(0, 1)
    ax_text.set_ylim(0, 1)
    sample = ax_text.text(0.02, 1.0, "", ha="left", va="top", family="monospace", fontsize=SAMPLE_FONT_SIZE,
                          linespacing=1.15)

    def update(temperature):
        probs = xc.softmax(row, temperature=temperature)
        for bar, value, i in zip(bars, values, top):
            bar.set_height(probs[i])
            value.set_position((value.get_position()[0], probs[i] + 0.01))
            value.set_text(f"{probs[i]:.2f}")
        sample.set_text(wrap_lines(sample_text(log_probs, chars, temperature)))
        h = float(xc.entropy(probs, base=2))
        best = np.argsort(-probs, kind="stable")[:3]
        return (
            f'T = {temperature:{_VALUE_FORMAT}} &rarr; after "{_SAMPLE_CONTEXT}": entropy <b>{h:.3f} bits</b>; '
            f"likeliest next: {', '.join(f'{_char_name(chars[i])} {probs[i]:.3f}' for i in best)}"
        )

    return LivePlot(fig, update, animated=[*bars, *values, sample], temperature=temperature)


def _char_name(c):
    """A character as the figure labels it: "space" for " ", "\\n" for a newline."""
    return "space" if c == " " else repr(c)[1:-1]


def wrap_lines(text, width=SAMPLE_WRAP):
    """``text`` with each of its lines wrapped at spaces to at most ``width`` characters.

    A line break of the text stays one; only a run of more than ``width`` characters without a
    space is cut inside.

    Examples
    --------
    >>> print(wrap_lines("shall i compare thee\\nto a summer's day?", width=10))
    shall i
    compare
    thee
    to a
    summer's
    day?
    """
    return "\n".join(row for line in text.split("\n") for row in (textwrap.wrap(line, width) or [""]))


def sampling_explorer(temperature=1.0):
    """A logarithmic slider on the sampling temperature T, from 0.1 to 10.

    Examples
    --------
    >>> explorer = sampling_explorer()
    >>> explorer.controls["temperature"].value = 0.5
    >>> explorer.readout.value[:22]
    'T = 0.500 &rarr; after'
    """
    return explore(sampling_plot(temperature), name="language-model-sampling",
                   temperature=log_slider("temperature T", _TEMPERATURE_RANGE[0], _TEMPERATURE_RANGE[1], temperature,
                                          readout_format=_VALUE_FORMAT))


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = smoothing_explorer
