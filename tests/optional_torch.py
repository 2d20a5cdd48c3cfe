"""PyTorch as an optional oracle of the xent_core tests.

CI installs it (``requirements-frameworks.txt``) and requires it: under
``XENT_REQUIRE_FRAMEWORKS=1`` a missing PyTorch is an ImportError. Elsewhere (a student's
``make test``) ``torch`` and ``F`` are None and the tests marked :data:`needs_torch` skip, saying
how to install it.
"""

import os

import pytest

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    if os.environ.get("XENT_REQUIRE_FRAMEWORKS") == "1":
        raise
    torch = F = None

needs_torch = pytest.mark.skipif(torch is None, reason="PyTorch is not installed: pip install torch==2.13.0 to run it")
