"""Figures and sliders of ``notebooks/13_honest_probabilities.ipynb``."""

import math

import numpy as np
from matplotlib.ticker import NullFormatter

import xent_core as xc
from xent_widgets import COLORS, LivePlot, explore, log_slider, new_figure, slider
from xent_widgets.training_a_classifier import digits_split

__all__ = [
    "digits_split", "scoring_rules_plot", "scoring_rules_explorer", "calibration_plot", "calibration_explorer",
    "imbalance_plot", "label_noise_plot", "MAIN_EXPLORER",
]

_R = np.linspace(0.001, 0.999, 999)


def _expected_scores(p, r):
    """Expected log loss, Brier score and error rate of the forecast r when the event has probability p."""
    r = np.asarray(r, dtype=float)
    forecast = np.stack([r, 1 - r], axis=-1)
    log_loss = xc.cross_entropy(np.broadcast_to([p, 1 - p], forecast.shape), forecast)
    brier = p * (1 - r) ** 2 + (1 - p) * r**2
    error = np.where(r > 0.5, 1 - p, np.where(r < 0.5, p, 0.5))
    return log_loss, brier, error


def scoring_rules_plot(p=0.7):
    """Expected score of every forecast r of an event whose true probability is p, for three scores.

    Left: log loss (cross-entropy) in nats; middle: Brier score (squared error of the
    probability); right: error rate (1 - accuracy of the forecast's verdict, r > 0.5 means yes).
    The dotted line is the honest forecast r = p; the dots are each score's best forecasts.

    Examples
    --------
    >>> scoring_rules_plot(0.7).readout
    'true p = 0.70: best forecast for log loss r = 0.700, for the Brier score r = 0.700; the error rate is 0.300 for every r above 0.5'
    """
    fig, axes = new_figure(ncols=3, width=9.6, height=2.9)
    names = ["expected log loss (nats)", "expected Brier score", "expected error rate"]
    curves, dots, guides = [], [], []
    for ax, name, color in zip(axes, names, [COLORS["blue"], COLORS["green"], COLORS["vermillion"]]):
        curves.append(ax.plot(_R, np.zeros_like(_R), color=color)[0])
        dots.append(ax.plot([], [], "o", color=COLORS["black"], ms=6)[0])
        guides.append(ax.axvline(p, color=COLORS["black"], lw=1, ls=":"))
        ax.set_xlim(0, 1)
        ax.set_xlabel("forecast r")
        ax.set_ylabel(name)
    axes[0].set_ylim(0, 2.5)
    axes[1].set_ylim(0, 1.0)
    axes[2].set_ylim(0, 1.0)

    def update(p):
        scores = _expected_scores(p, _R)
        for curve, dot, guide, score in zip(curves, dots, guides, scores):
            curve.set_ydata(score)
            best = np.isclose(score, score.min(), rtol=0, atol=1e-12)
            dot.set_data(_R[best][:: max(1, best.sum() // 12)], score[best][:: max(1, best.sum() // 12)])
            guide.set_xdata([p, p])
        best_log, best_brier = _R[np.argmin(scores[0])], _R[np.argmin(scores[1])]
        side = "above" if p > 0.5 else "below"
        return (f"true p = {p:.2f}: best forecast for log loss r = {best_log:.3f}, for the Brier score r = "
                f"{best_brier:.3f}; the error rate is {min(p, 1 - p):.3f} for every r {side} 0.5")

    return LivePlot(fig, update, animated=[*curves, *dots, *guides], p=p)


def scoring_rules_explorer(p=0.7):
    """Move the true probability p and watch where each expected score is lowest.

    Examples
    --------
    >>> explorer = scoring_rules_explorer()
    >>> explorer.controls["p"].value = 0.9
    >>> explorer.readout.value.split(":")[0]
    'true p = 0.90'
    """
    return explore(scoring_rules_plot(p), name="scoring-rules", p=slider("true probability p", 0.05, 0.95, p, step=0.01, readout_format=".2f"))


def calibration_plot(val_logits, val_labels, test_logits, test_labels, temperature=1.0, n_bins=15):
    """Reliability diagram of softmax(test_logits / T) and the temperature's effect on two scores.

    Left: for each of ``n_bins`` equal-width confidence bins, the accuracy of its test predictions
    (bars) against the diagonal of perfect calibration; the hatched orange-red box is the gap to
    the bin's mean confidence. Middle: validation cross-entropy against T (log scale), whose
    minimum is the fitted temperature (dotted line). Right: the test ECE against T.

    Examples
    --------
    >>> z = np.array([[3.0, 0.0], [0.0, 2.0], [1.0, 0.0]])
    >>> calibration_plot(z, [0, 1, 1], z, [0, 1, 1], 1.0).readout.split(";")[0]
    'T = 1.00'
    """
    temperatures = np.geomspace(0.1, 10.0, 121)
    val_ce = np.array([xc.softmax_cross_entropy(val_logits / t, val_labels) for t in temperatures])
    test_ece = np.array([xc.expected_calibration_error(xc.softmax(test_logits / t), test_labels, n_bins) for t in temperatures])
    fitted = temperatures[np.argmin(val_ce)]
    fig, axes = new_figure(ncols=3, width=10.0, height=3.2)
    width = 1.0 / n_bins
    centres = (np.arange(n_bins) + 0.5) * width
    bars = axes[0].bar(centres, np.zeros(n_bins), width=width * 0.9, color=COLORS["blue"], label="accuracy")
    gaps = axes[0].bar(centres, np.zeros(n_bins), width=width * 0.9, facecolor="none", edgecolor=COLORS["vermillion"],
                       hatch="////", lw=1, label="gap to confidence")
    axes[0].plot([0, 1], [0, 1], "--", color=COLORS["black"], lw=1)
    axes[0].set_xlim(0, 1)
    axes[0].set_ylim(0, 1)
    axes[0].set_xlabel("confidence (top-class probability)")
    axes[0].set_ylabel("accuracy in the bin")
    # above the panel: bars can fill any part of it, depending on the temperature
    axes[0].legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, fontsize=8, frameon=False, borderaxespad=0.2)
    for ax, values, name in [(axes[1], val_ce, "validation cross-entropy (nats)"), (axes[2], test_ece, "test ECE")]:
        ax.plot(temperatures, values, color=COLORS["blue"] if ax is axes[1] else COLORS["green"])
        ax.axvline(fitted, color=COLORS["black"], lw=1, ls=":")
        ax.set_xscale("log")
        ax.set_xlim(0.1, 10)
        ax.set_xticks([0.1, 0.3, 1, 3, 10], labels=["0.1", "0.3", "1", "3", "10"])
        ax.xaxis.set_minor_formatter(NullFormatter())
        ax.set_xlabel("temperature T (log scale)")
        ax.set_ylabel(name)
    axes[1].set_ylim(0, min(float(val_ce.max()), 3.0) * 1.05)
    axes[2].set_ylim(0, float(test_ece.max()) * 1.05)
    markers = [axes[1].plot([], [], "o", color=COLORS["black"], ms=7)[0], axes[2].plot([], [], "o", color=COLORS["black"], ms=7)[0]]

    def update(temperature):
        probs = xc.softmax(test_logits / temperature)
        confidence, accuracy, count = xc.calibration_bins(probs, test_labels, n_bins)
        for bar, gap, conf, acc in zip(bars, gaps, np.nan_to_num(confidence), np.nan_to_num(accuracy)):
            bar.set_height(acc)
            gap.set_y(min(acc, conf))
            gap.set_height(abs(conf - acc))
        ece = xc.expected_calibration_error(probs, test_labels, n_bins)
        ce = xc.softmax_cross_entropy(val_logits / temperature, val_labels)
        markers[0].set_data([temperature], [ce])
        markers[1].set_data([temperature], [ece])
        return (f"T = {temperature:.2f}; test ECE <b>{ece:.3f}</b>, validation cross-entropy {ce:.3f} nats, "
                f"mean test confidence {probs.max(axis=1).mean():.3f}, test accuracy {np.mean(probs.argmax(axis=1) == test_labels):.3f}")

    return LivePlot(fig, update, animated=[*bars, *gaps, *markers], temperature=temperature)


def _default_logits():
    """Validation and test logits and labels of notebook 12's model, trained as notebook 13 does."""
    from xent_widgets.training_a_classifier import LEARNING_RATE, PENALTY, STEPS

    x, y, (train, val, test) = digits_split()
    weights = np.random.default_rng(1).normal(0.0, 0.01, size=(64, 10))
    bias = np.zeros(10)
    for _ in range(STEPS):
        grad = xc.softmax_cross_entropy_grad(x[train] @ weights + bias, y[train])
        weights = weights - LEARNING_RATE * (x[train].T @ grad + PENALTY * weights)
        bias = bias - LEARNING_RATE * grad.sum(axis=0)
    logits = x @ weights + bias
    return logits[val], y[val], logits[test], y[test]


def calibration_explorer(val_logits=None, val_labels=None, test_logits=None, test_labels=None, temperature=1.0):
    """The notebook's main slider: divide the logits by a temperature T and watch calibration change.

    Without logits it trains notebook 12's model, as the notebook does.

    Examples
    --------
    >>> z = np.array([[3.0, 0.0], [0.0, 2.0], [1.0, 0.0]])
    >>> explorer = calibration_explorer(z, np.array([0, 1, 1]), z, np.array([0, 1, 1]))
    >>> explorer.controls["temperature"].value = 2.0
    >>> explorer.readout.value.split(";")[0]
    'T = 2.00'
    """
    if val_logits is None:
        val_logits, val_labels, test_logits, test_labels = _default_logits()
    plot = calibration_plot(val_logits, val_labels, test_logits, test_labels, temperature)
    return explore(plot, name="temperature-scaling", main=True,
                   temperature=log_slider("temperature T", 0.1, 10.0, temperature, readout_format=".2f"))


def imbalance_plot(results):
    """Minority-class recall (left) and test ECE (right) of each way of training on imbalanced data.

    Parameters
    ----------
    results : dict of str to dict
        Method name -> ``{"recall": float, "ece": float}``.

    Examples
    --------
    >>> imbalance_plot({"plain": {"recall": 0.5, "ece": 0.1}, "weighted": {"recall": 0.7, "ece": 0.05}}).readout
    'plain: recall 0.500, ECE 0.100; weighted: recall 0.700, ECE 0.050'
    """
    fig, axes = new_figure(ncols=2, width=8.4, height=2.8)
    names = list(results)
    colors = [COLORS["black"], COLORS["blue"], COLORS["green"], COLORS["vermillion"], COLORS["purple"]]
    for ax, key, label in [(axes[0], "recall", "recall of the rare digit (test)"), (axes[1], "ece", "ECE (test)")]:
        values = [results[name][key] for name in names]
        ax.bar(names, values, color=colors[: len(names)])
        for i, value in enumerate(values):
            ax.text(i, value, f"{value:.2f}", ha="center", va="bottom", fontsize=9)
        ax.set_ylabel(label)
        ax.set_ylim(0, max(values) * 1.2)
        ax.tick_params(axis="x", labelsize=8)
    text = "; ".join(f"{name}: recall {results[name]['recall']:.3f}, ECE {results[name]['ece']:.3f}" for name in names)
    return LivePlot(fig, lambda: text)


def label_noise_plot(runs):
    """Training loss against the step with its floor (left), and test accuracy and ECE (right).

    Parameters
    ----------
    runs : dict of float to dict
        Label smoothing eps -> ``{"step": (K,), "train_loss": (K,), "floor": float,
        "accuracy": float, "ece": float}``.

    Examples
    --------
    >>> run = {"step": np.arange(3), "train_loss": np.array([2.3, 1.5, 1.2]), "floor": 0.5, "accuracy": 0.9, "ece": 0.1}
    >>> label_noise_plot({0.0: run, 0.1: run}).readout
    'ε = 0: accuracy 0.900, ECE 0.100; ε = 0.1: accuracy 0.900, ECE 0.100'
    """
    fig, axes = new_figure(ncols=2, width=8.8, height=3.0)
    colors = [COLORS["blue"], COLORS["green"], COLORS["purple"], COLORS["orange"]]
    for (eps, run), color in zip(runs.items(), colors):
        axes[0].plot(run["step"], run["train_loss"], color=color, label=f"ε = {eps:g}")
        axes[0].axhline(run["floor"], color=color, lw=1, ls=":")
    axes[0].set_xlabel("gradient-descent step")
    axes[0].set_ylabel("training loss (nats)")
    axes[0].set_xlim(0, max(run["step"][-1] for run in runs.values()))
    axes[0].set_ylim(0, 2.5)
    axes[0].legend(loc="upper right", fontsize=8, frameon=False)
    positions = np.arange(len(runs))
    for offset, key, color, label in [(-0.2, "accuracy", COLORS["blue"], "test accuracy"), (0.2, "ece", COLORS["vermillion"], "test ECE")]:
        values = [run[key] for run in runs.values()]
        axes[1].bar(positions + offset, values, width=0.4, color=color, label=label)
        for position, value in zip(positions + offset, values):
            axes[1].text(position, value, f"{value:.2f}", ha="center", va="bottom", fontsize=8)
    axes[1].set_xticks(positions, [f"ε = {eps:g}" for eps in runs])
    axes[1].set_ylim(0, 1.15)
    axes[1].legend(loc="upper center", ncols=2, fontsize=8, frameon=False)
    text = "; ".join(f"ε = {eps:g}: accuracy {run['accuracy']:.3f}, ECE {run['ece']:.3f}" for eps, run in runs.items())
    return LivePlot(fig, lambda: text)


# The explorer the browser test and the slider benchmark press.
MAIN_EXPLORER = calibration_explorer
