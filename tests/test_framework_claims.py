"""Every claim the notebooks make about a framework (tests/framework_claims.py), run against the
installed framework; and every NumPy replica a notebook defines, compared with the real function
on the same inputs in float32 and float64.

A missing framework skips its claims, saying so; with ``XENT_REQUIRE_FRAMEWORKS=1`` (set by
``.ci/run``) it fails instead. Install them with ``pip install -r requirements-frameworks.txt``.
Keras claims run in one subprocess per backend, since Keras reads ``KERAS_BACKEND`` once.
"""

import functools
import importlib.util
import json
import math
import os
import pathlib
import subprocess
import sys

import numpy as np
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import framework_claims as fc  # noqa: E402

REQUIRED = os.environ.get("XENT_REQUIRE_FRAMEWORKS") == "1"


def need(framework):
    module, _ = fc.FRAMEWORKS[framework]
    modules = [module] + (["keras"] if framework.startswith("keras") else []) + (["jax"] if framework == "optax" else [])
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if missing:
        message = f"{', '.join(missing)} not installed: pip install -r requirements-frameworks.txt"
        if REQUIRED:
            pytest.fail(message + " (XENT_REQUIRE_FRAMEWORKS=1)")
        pytest.skip(message)


@functools.cache
def keras_run(framework):
    backend = fc.FRAMEWORKS[framework][1]
    env = {**os.environ, "KERAS_BACKEND": backend, "TF_CPP_MIN_LOG_LEVEL": "3", "CUDA_VISIBLE_DEVICES": ""}
    done = subprocess.run([sys.executable, fc.__file__, framework], capture_output=True, text=True, env=env, timeout=600)
    line = next((l for l in done.stdout.splitlines() if l.startswith("XENT-CLAIMS ")), None)
    assert line, f"the {framework} run printed no results:\n{done.stderr[-3000:]}"
    return json.loads(line[len("XENT-CLAIMS "):])


IDS = [f"{c.notebook}-{c.framework}-{i}" for i, c in enumerate(fc.CLAIMS)]


@pytest.mark.parametrize("index", range(len(fc.CLAIMS)), ids=IDS)
def test_claim(index):
    claim = fc.CLAIMS[index]
    need(claim.framework)
    if fc.FRAMEWORKS[claim.framework][1]:   # Keras and TensorFlow: in a subprocess with that backend
        ok, got = next((ok, got) for i, ok, got in keras_run(claim.framework)["claims"] if i == index)
    else:
        ok, got = fc.outcome(claim)
    assert ok, f"notebook {claim.notebook} says: {claim.says} (expected {claim.expect!r}); {claim.framework} gives {got}"


def test_every_framework_has_claims_and_every_notebook_that_names_one_is_covered():
    assert {c.framework for c in fc.CLAIMS} == set(fc.FRAMEWORKS)
    assert {c.notebook for c in fc.CLAIMS} == {"06", "07", "09", "11", "12"}


def close(replica, real, dtype):
    """Equal up to the dtype's rounding; nan where the other is nan, the same infinities."""
    replica, real = np.asarray(replica, dtype=float), np.asarray(real, dtype=float)
    rtol, atol = (1e-5, 2e-7) if dtype == "float32" else (1e-12, 1e-15)
    return replica.shape == real.shape and np.allclose(replica, real, rtol=rtol, atol=atol, equal_nan=True)


TORCH_CASES = [(n, name, real, case) for n, name, real, cases in fc.REPLICAS if real.startswith("torch") for case in cases]


@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize(("number", "name", "real", "case"), TORCH_CASES,
                         ids=[f"{n}-{name}-{i}" for i, (n, name, _, _) in enumerate(TORCH_CASES)])
def test_torch_replica(number, name, real, case, dtype):
    need("torch")
    mine = fc.run_replica_case(number, name, case, dtype)
    theirs = fc.run_torch_replica_case(real, case, dtype)
    assert close(mine, theirs, dtype), f"notebook {number}'s {name}{case} gives {mine}, PyTorch {real} {theirs} ({dtype})"


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_bce_with_logits_replica_at_infinite_logits(dtype):
    """Where they part, knowingly: PyTorch returns nan for +-inf logits, the replica the limit."""
    need("torch")
    import torch
    import torch.nn.functional as F
    x = torch.tensor(fc.INFINITE_LOGITS["logits"], dtype=getattr(torch, dtype))
    y = torch.tensor(fc.INFINITE_LOGITS["target"], dtype=getattr(torch, dtype))
    assert np.isnan(F.binary_cross_entropy_with_logits(x[:2], y[:2], reduction="none").numpy()).all()
    mine = fc.run_replica_case("11", "torch_bce_with_logits", {"logits": fc.INFINITE_LOGITS["logits"][:2], "target": [1.0, 0.0]}, dtype)
    assert mine == 0.0    # a certain right answer costs 0
    mine = fc.run_replica_case("11", "torch_bce_with_logits", {"logits": [np.inf], "target": [0.0]}, dtype)
    assert mine == np.inf and F.binary_cross_entropy_with_logits(x[2:3], y[2:3]).item() == math.inf


@pytest.mark.parametrize("framework", ["keras-torch", "keras-tensorflow", "keras-jax"])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_keras_replica(framework, dtype):
    need(framework)
    cases = {(n, name, fc.case_id(case)): case for n, name, real, cases in fc.REPLICAS if real == "keras" for case in cases}
    results = keras_run(framework)["replicas"][dtype]
    assert len(results) == len(cases)
    for number, name, case_key, real in results:
        mine = fc.run_replica_case(number, name, cases[(number, name, case_key)], dtype)
        # JAX computes in float32 unless jax_enable_x64 is set, so float64 input comes back at float32 precision
        precision = "float32" if framework == "keras-jax" else dtype
        assert close(mine, real, precision), f"notebook {number}'s {name}{case_key} gives {mine}, Keras ({framework}) {real} ({dtype})"


def test_every_replica_is_found_in_its_notebook():
    for number, name, _, _ in fc.REPLICAS:
        assert callable(fc.replica(number, name))


def test_a_missing_framework_skips_and_says_so_and_fails_when_required(monkeypatch):
    monkeypatch.setitem(fc.FRAMEWORKS, "scipy", ("no_such_framework", None))
    monkeypatch.setattr(sys.modules[__name__], "REQUIRED", False)
    with pytest.raises(pytest.skip.Exception, match="no_such_framework not installed: pip install -r requirements-frameworks.txt"):
        need("scipy")
    monkeypatch.setattr(sys.modules[__name__], "REQUIRED", True)
    with pytest.raises(pytest.fail.Exception, match="XENT_REQUIRE_FRAMEWORKS=1"):
        need("scipy")
