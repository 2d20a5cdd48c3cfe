"""Tests of the figures and sliders of notebook 09: ``xent_widgets/cross_entropy_in_frameworks.py``."""

import math

import numpy as np
import pytest

import xent_core as xc
import xent_notes as notes
import xent_widgets.cross_entropy_in_frameworks as xw


def _torch():
    return pytest.importorskip("torch", reason="PyTorch is not a course requirement; these cross-checks run when it is installed")


def test_smoothed_target():
    assert np.allclose(xw._smoothed_target(4, 2, 0.2), [0.05, 0.05, 0.85, 0.05])
    assert math.isclose(xw._smoothed_target(7, 0, 0.3).sum(), 1.0)


def test_double_softmax_floor_formula():
    for c in (2, 3, 10, 1000):
        assert math.isclose(xw._double_softmax_floor(c), math.log(1 + (c - 1) / math.e), rel_tol=1e-12)
    plot = xw.double_softmax_plot(3)
    assert "0.5514" in plot.readout and plot.png()[:4] == b"\x89PNG"


def test_main_explorer_moves():
    explorer = xw.MAIN_EXPLORER()
    first = next(iter(explorer.controls))
    assert first == "label_smoothing"
    explorer.controls[first].value = 0.3
    left, right = explorer.plot.figure.axes
    points = {line.get_color(): line for line in right.lines if line.get_marker() == "o"}
    loss_point, floor_point = points[xw.COLORS["vermillion"]], points[xw.COLORS["blue"]]
    expected_loss = float(xc.softmax_cross_entropy([notes.PYTORCH_LOGITS], [0], label_smoothing=0.3))
    expected_floor = float(xc.entropy([0.8, 0.1, 0.1]))
    assert np.allclose(loss_point.get_xydata(), [[0.3, expected_loss]])
    assert np.allclose(floor_point.get_xydata(), [[0.3, expected_floor]])
    target_bars = next(bars for bars in left.containers if bars.get_label() == "smoothed target")
    heights = [bar.get_height() for bar in target_bars]
    assert np.allclose(heights, [0.8, 0.1, 0.1])
    assert f"{expected_loss:.4f}" in explorer.readout.value and "0.30" in explorer.readout.value


def test_torch_cross_entropy_0417():
    torch = _torch()
    logits = torch.tensor([notes.PYTORCH_LOGITS], dtype=torch.float64)
    loss = torch.nn.CrossEntropyLoss()(logits, torch.tensor([0]))
    assert round(loss.item(), 4) == 0.417
    assert math.isclose(loss.item(), float(xc.softmax_cross_entropy(logits.numpy(), [0])), rel_tol=1e-12)
    nll = torch.nn.NLLLoss()(torch.log_softmax(logits, -1), torch.tensor([0]))
    assert math.isclose(nll.item(), loss.item(), rel_tol=1e-12)


def test_torch_nll_accepts_anything():
    torch = _torch()
    logits = torch.tensor([notes.PYTORCH_LOGITS], dtype=torch.float64)
    assert torch.nn.NLLLoss()(logits, torch.tensor([0])).item() == -2.0
    probs = torch.softmax(logits, -1)
    assert round(torch.nn.NLLLoss()(probs, torch.tensor([0])).item(), 4) == -0.659


def test_torch_bce_clamp_and_range_error():
    torch = _torch()
    q = torch.tensor([0.0, 1.0, 0.5], dtype=torch.float64)
    t = torch.tensor([1.0, 0.0, 1.0], dtype=torch.float64)
    per = torch.nn.BCELoss(reduction="none")(q, t)
    assert per[:2].tolist() == [100.0, 100.0]
    assert round(torch.nn.BCELoss()(q, t).item(), 4) == 66.8977
    assert np.isinf(xc.binary_cross_entropy(q.numpy(), t.numpy()))
    with pytest.raises(RuntimeError, match="between 0 and 1"):
        torch.nn.BCELoss()(torch.tensor([2.0]), torch.tensor([1.0]))
    x = torch.tensor([20.0])
    assert torch.nn.BCELoss()(torch.sigmoid(x), torch.tensor([0.0])).item() == 100.0
    assert round(torch.nn.BCEWithLogitsLoss()(x, torch.tensor([0.0])).item(), 4) == 20.0


def test_torch_bce_with_logits_pos_weight():
    torch = _torch()
    logits, target = [0.5, -1.0], [1.0, 0.0]
    got = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor([3.0], dtype=torch.float64), reduction="none")(
        torch.tensor(logits, dtype=torch.float64), torch.tensor(target, dtype=torch.float64))
    ours = xc.binary_cross_entropy_with_logits(logits, target, pos_weight=3.0, reduction="none")
    assert np.allclose(got.numpy(), ours, rtol=1e-12) and np.allclose(np.round(ours, 4), [1.4222, 0.3133])


def test_torch_kldiv_reductions():
    torch = _torch()
    p = np.array([[0.7, 0.2, 0.1], [0.5, 0.5, 0.0]])
    q = np.array([[0.1, 0.2, 0.7], [0.25, 0.5, 0.25]])
    log_q, p_t = torch.tensor(np.log(q)), torch.tensor(p)
    total = float(xc.kl_divergence(p, q).sum())
    assert math.isclose(torch.nn.KLDivLoss(reduction="sum")(log_q, p_t).item(), total, rel_tol=1e-12)
    assert math.isclose(torch.nn.KLDivLoss(reduction="batchmean")(log_q, p_t).item(), total / 2, rel_tol=1e-12)
    with pytest.warns(UserWarning, match="batchmean"):
        mean = torch.nn.KLDivLoss(reduction="mean")(log_q, p_t).item()
    assert math.isclose(mean, total / 6, rel_tol=1e-12)


def test_torch_weighted_mean_divides_by_total_weight():
    torch = _torch()
    logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3], [1.0, 1.0, 3.0]])
    target, weight = np.array([0, 1, 2]), np.array([1.0, 2.0, 5.0])
    loss = torch.nn.CrossEntropyLoss(weight=torch.tensor(weight))(torch.tensor(logits), torch.tensor(target))
    assert math.isclose(loss.item(), float(xc.softmax_cross_entropy(logits, target, weight=weight)), rel_tol=1e-12)
    per = xc.softmax_cross_entropy(logits, target, weight=weight, reduction="none")
    assert math.isclose(loss.item(), per.sum() / 8, rel_tol=1e-12) and round(loss.item(), 4) == 0.2569


def test_torch_ignore_index_and_all_ignored_nan():
    torch = _torch()
    logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    target = np.array([0, 1, -100, -100])
    loss = torch.nn.CrossEntropyLoss()(torch.tensor(logits), torch.tensor(target))   # default ignore_index=-100
    assert math.isclose(loss.item(), float(xc.softmax_cross_entropy(logits, target, ignore_index=-100)), rel_tol=1e-12)
    all_ignored = torch.nn.CrossEntropyLoss()(torch.tensor(logits[2:]), torch.tensor(target[2:]))
    assert math.isnan(all_ignored.item())
    assert torch.nn.CrossEntropyLoss(reduction="sum")(torch.tensor(logits[2:]), torch.tensor(target[2:])).item() == 0.0
    with pytest.raises(ValueError, match="PyTorch returns nan"):
        xc.softmax_cross_entropy(logits[2:], target[2:], ignore_index=-100)


def test_torch_all_ignored_nan_loss_but_zero_gradients():
    # Notebook 09, Step 12, bug 3: the loss is nan, but the gradients are 0, so the weights survive;
    # the nan poisons whatever the loss is added to (a running average, a sum).
    torch = _torch()
    logits = torch.zeros(2, 3, dtype=torch.float64, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor([-100, -100]))
    loss.backward()
    assert math.isnan(loss.item()) and torch.equal(logits.grad, torch.zeros(2, 3, dtype=torch.float64))
    torch.manual_seed(0)
    layer = torch.nn.Linear(4, 3)
    before = layer.weight.detach().clone()
    optimizer = torch.optim.SGD(layer.parameters(), lr=0.1)
    loss = torch.nn.functional.cross_entropy(layer(torch.randn(2, 4)), torch.tensor([-100, -100]))
    loss.backward()
    assert math.isnan(loss.item())
    assert torch.count_nonzero(layer.weight.grad) == 0 and torch.count_nonzero(layer.bias.grad) == 0
    optimizer.step()
    assert torch.equal(layer.weight.detach(), before) and not torch.isnan(layer.weight).any()
    assert math.isnan(0.9 * 0.3185 + 0.1 * loss.item())          # a running average of the loss


def test_torch_label_smoothing_and_double_softmax():
    torch = _torch()
    logits = torch.tensor([notes.PYTORCH_LOGITS], dtype=torch.float64)
    smooth = torch.nn.CrossEntropyLoss(label_smoothing=0.1)(logits, torch.tensor([0])).item()
    assert math.isclose(smooth, float(xc.softmax_cross_entropy(logits.numpy(), [0], label_smoothing=0.1)), rel_tol=1e-12)
    assert round(smooth, 4) == 0.5137
    twice = torch.nn.CrossEntropyLoss()(torch.softmax(logits, -1), torch.tensor([0])).item()
    assert round(twice, 4) == 0.8021
    perfect = torch.nn.CrossEntropyLoss()(torch.tensor([[1.0, 0.0, 0.0]], dtype=torch.float64), torch.tensor([0])).item()
    assert math.isclose(perfect, math.log(1 + 2 / math.e), rel_tol=1e-12)


def test_explorer_opens_where_the_notebook_says_and_reaches_every_named_value():
    # The notebook opens the explorer at epsilon = 0.1 (the 0.5137 of the label-smoothing section) and
    # names epsilon = 0, 0.5 and 1 in the text below it.
    explorer = xw.label_smoothing_explorer()
    control = explorer.controls["label_smoothing"]
    assert math.isclose(control.value, 0.1)
    assert "0.5137" in explorer.readout.value and "0.2911" in explorer.readout.value
    for named in (0.0, 0.1, 0.5, 1.0):
        steps = (named - control.min) / control.step
        assert control.min <= named <= control.max and math.isclose(steps, round(steps), abs_tol=1e-9)
    control.value = 0.5
    assert "gap (KL) 0.03" in explorer.readout.value
