"""Tests of the figures, sliders and corpus helpers of notebook 14: ``xent_widgets/language_model.py``.

The oracle is plain Python: counts with ``collections.Counter`` and logs with ``math.log2``, never the
NumPy code under test.
"""

import collections
import hashlib
import math

import numpy as np
import pytest

import xent_widgets.language_model as xw
from xent_widgets import FRAME_DPI


@pytest.fixture(scope="module")
def texts():
    return xw.split_sonnets()


def test_the_corpus_is_the_committed_public_domain_file():
    assert hashlib.sha256(xw.CORPUS.read_bytes()).hexdigest() == "edb826e5a801c955ab21026b3660306838fbf29ec29ea01886b2854c6d639b55"
    sonnets = xw.load_sonnets()
    assert len(sonnets) == 154
    assert sonnets[17].startswith("shall i compare thee to a summer's day?")
    assert sonnets[-1].endswith("love's fire heats water, water cools not love.")
    # 14 lines each, except 99 (15 lines) and 126 (12), as Shakespeare wrote them
    assert {i + 1: len(s.splitlines()) for i, s in enumerate(sonnets) if len(s.splitlines()) != 14} == {99: 15, 126: 12}


def test_split(texts):
    train, test, chars = texts
    assert len(train) == 85621 and len(test) == 8419 and test.startswith("\n\n")
    assert chars == sorted(set(train)) and len(chars) == 38


def _add_k_bits(train, test, k, order, chars):
    """Held-out bits per character of an add-k n-gram model, by dictionaries and math.log2."""
    grams = collections.Counter(train[i:i + order] for i in range(len(train) - order + 1))
    contexts = collections.Counter(train[i:i + order - 1] for i in range(len(train) - order + 1))
    total = 0.0
    for i in range(2, len(test)):
        context = test[i - order + 1:i]
        total -= math.log2((grams[context + test[i]] + k) / (contexts[context] + k * len(chars)))
    return total / (len(test) - 2)


@pytest.mark.parametrize("k", [1.0, 0.1])
def test_smoothing_explorer_dots_and_readout_are_the_hand_counted_cross_entropies(texts, k):
    train, test, chars = texts
    explorer = xw.MAIN_EXPLORER()
    explorer.controls["k"].value = k
    expected = {order: _add_k_bits(train, test, k, order, chars) for order in (2, 3)}
    dots = [line for line in explorer.plot.figure.axes[0].lines if line.get_marker() == "o"]
    assert np.allclose([dot.get_xydata()[0] for dot in dots], [[k, expected[2]], [k, expected[3]]], rtol=1e-12)
    for order in (2, 3):
        assert f"{expected[order]:.3f} bits/char" in explorer.readout.value
        assert f"perplexity {2 ** expected[order]:.2f}" in explorer.readout.value


def test_unsmoothed_bigram_is_infinite_on_held_out_text(texts):
    train, test, chars = texts
    codes = xw.encode(train, chars)
    probs = xw.add_k_probs(xw.ngram_counts(codes, len(chars), 2), 0.0)
    assert xw.cross_entropy_bits(probs, xw.encode(test, chars)[1:]) == math.inf
    seen = set(train[i:i + 2] for i in range(len(train) - 1))
    assert sum(test[i - 1:i + 1] not in seen for i in range(2, len(test))) == 11


def _on_log_grid(control, value):
    steps = (math.log10(value) - control.min) / control.step
    return control.min <= math.log10(value) <= control.max + 1e-12 and abs(steps - round(steps)) < 1e-9


def test_smoothing_explorer_opens_where_the_notebook_says_and_reaches_its_values():
    control = xw.smoothing_explorer().controls["k"]
    assert type(control).__name__ == "FloatLogSlider"
    assert control.value == 1.0                               # "it opens at k = 1"
    for named in (0.001, 0.01, 0.1, 1.0, 10.0):               # "drag k down to 0.1 ... to 0.001 ... up to 10"
        assert _on_log_grid(control, named), named


def test_sampling_explorer_opens_where_the_notebook_says_and_reaches_its_values():
    control = xw.sampling_explorer().controls["temperature"]
    assert type(control).__name__ == "FloatLogSlider"
    assert control.value == 1.0                               # "T = 1 when the notebook opens"
    for named in (0.1, 1.0, 10.0):                            # "the slider runs from 0.1 to 10"
        assert _on_log_grid(control, named), named
    for named in (0.3, 3.0):                                  # the printed samples' temperatures, within 1 %
        nearest = 10 ** (control.min + round((math.log10(named) - control.min) / control.step) * control.step)
        assert abs(nearest - named) / named < 0.01


def test_sampling_explorer_shows_the_tempered_distribution_and_a_new_text(texts):
    train, _, chars = texts
    explorer = xw.sampling_explorer()
    text_before = explorer.plot.figure.axes[1].texts[0].get_text()
    explorer.controls["temperature"].value = 0.5
    # independently: P(c | "th") = (count("thc") + 0.1) / (count("th") + 0.1 V), then P^(1/T) renormalized
    grams = collections.Counter(train[i:i + 3] for i in range(len(train) - 2))
    probs = np.array([grams["th" + c] + xw.SAMPLE_K for c in chars])
    probs /= probs.sum()
    tempered = probs**2 / (probs**2).sum()
    heights = sorted((bar.get_height() for bar in explorer.plot.figure.axes[0].patches), reverse=True)
    assert np.allclose(heights, np.sort(tempered)[::-1][:8], rtol=1e-12)
    assert f"{-sum(p * math.log2(p) for p in tempered):.3f} bits" in explorer.readout.value
    assert explorer.plot.figure.axes[1].texts[0].get_text() != text_before


def test_sampling_follows_the_tempered_distribution():
    """Many one-step samples from a fixed context: frequencies match softmax(log P / T)."""
    log_probs = np.log(np.tile([0.7, 0.2, 0.1], (3, 3, 1)))
    text = xw.sample_text(log_probs, ["a", "b", "c"], 0.5, length=20000, seed=1, start="ab")
    tempered = np.array([0.49, 0.04, 0.01]) / 0.54
    frequencies = [text.count(c) / len(text) for c in "abc"]
    assert np.allclose(frequencies, tempered, atol=0.01)


def _d3_precision(value, digits):
    """What the slider's d3-format ".{digits}g" shows: JavaScript's value.toPrecision(digits)."""
    mantissa, exponent = f"{value:.{digits - 1}e}".split("e")
    exponent = int(exponent)
    if exponent < -6 or exponent >= digits:
        return f"{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"
    return f"{value:.{max(0, digits - 1 - exponent)}f}"


@pytest.mark.parametrize("make, name, symbol, values", [
    (xw.smoothing_explorer, "k", "k", [0.001, 10 ** -2.92, 0.1, 1.0, 10.0]),
    (xw.sampling_explorer, "temperature", "T", [0.1, 10 ** -0.96, 0.5, 1.0, 10.0]),
])
def test_readouts_print_the_value_as_the_slider_label_does(make, name, symbol, values):
    explorer = make()
    control = explorer.controls[name]
    assert control.readout_format.lstrip("#").startswith(".3") and control.readout_format.endswith("g")
    for value in values:
        control.value = value
        label = _d3_precision(control.value, 3)               # e.g. "0.00120" and "0.110", not "0.0012"
        assert explorer.readout.value.startswith(f"{symbol} = {label} &rarr;"), (label, explorer.readout.value)
        assert "[" not in explorer.readout.value               # no raw Python list


def test_sampling_readout_names_the_three_likeliest_characters():
    readout = xw.sampling_explorer().readout.value
    assert readout.endswith("likeliest next: e 0.352, space 0.151, a 0.131")


@pytest.mark.parametrize("temperature", [0.1, 0.3, 1.0, 3.0, 10.0])
def test_sampled_text_is_readable_whole_and_wrapped_at_spaces(temperature):
    plot = xw.sampling_plot(temperature)
    text = plot.figure.axes[1].texts[0]
    sample = xw.sample_text(np.log(xw.add_k_probs(xw._model()[3][3], xw.SAMPLE_K)), xw._model()[0], temperature)
    rows = text.get_text().split("\n")
    # all 240 characters are shown, in order, the line breaks of the sample kept
    assert "".join(rows).replace(" ", "") == sample.replace("\n", "").replace(" ", "")
    assert sum(len(line) > 0 for line in sample.split("\n")) <= len(rows)
    # no row is cut inside a word: every word of the sample is whole in a row (only a run of more
    # than SAMPLE_WRAP characters without a space or hyphen may be cut)
    words_shown = [w for row in rows for w in row.split()]
    for word in sample.split():
        if len(word) <= xw.SAMPLE_WRAP and "-" not in word:
            assert word in words_shown, (word, rows)
    assert max(map(len, rows)) <= xw.SAMPLE_WRAP
    # at least 11 CSS px when the figure is shrunk to a 1024-px window's notebook column (~590 px
    # with the file browser open), and inside the figure
    css_width, _ = plot.css_size()
    assert text.get_fontsize() / 72 * FRAME_DPI * min(1.0, 590 / css_width) >= 11
    plot.png()
    extent = text.get_window_extent(plot.figure.canvas.get_renderer())
    assert plot.figure.bbox.x0 <= extent.x0 and extent.x1 <= plot.figure.bbox.x1
    assert plot.figure.bbox.y0 <= extent.y0 and extent.y1 <= plot.figure.bbox.y1
