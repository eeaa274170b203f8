"""Where and when a benchmark ran: machine, Python, NumPy and its BLAS, PyTorch."""

from __future__ import annotations

import os
import platform
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from benchmarks import THREAD_VARIABLES, torch_baseline


def _cpu_model() -> str:
    """The CPU's model name (``platform.processor()`` is often empty on Linux)."""
    if platform.processor() and platform.processor() != platform.machine():
        return platform.processor()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.machine()


def _blas() -> dict[str, Any]:
    """Name and version of the BLAS NumPy was built with."""
    try:
        config = np.show_config(mode="dicts")  # NumPy >= 1.25
        blas = config["Build Dependencies"]["blas"]
    except (TypeError, KeyError):
        return {"name": "unknown", "version": "unknown"}
    info = {"name": blas.get("name", "unknown"), "version": blas.get("version", "")}
    if blas.get("openblas configuration"):
        info["configuration"] = " ".join(blas["openblas configuration"].split())
    return info


def _loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def describe() -> dict[str, Any]:
    """A JSON-ready record of this machine and software, stamped now (UTC)."""
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count()
    torch_info = None
    version = torch_baseline.available()
    if version is not None:
        import torch

        torch_info = {"version": version, "threads": torch.get_num_threads()}
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "platform": platform.platform(),
            "processor": _cpu_model(),
            "architecture": platform.machine(),
            "cpu_count": os.cpu_count(),
            "usable_cpus": usable,
            "loadavg_at_start": _loadavg(),
        },
        "python": platform.python_version(),
        "numpy": {"version": np.__version__, "blas": _blas()},
        "torch": torch_info,
        "thread_variables": {v: os.environ.get(v) for v in THREAD_VARIABLES},
    }


def loadavg() -> list[float] | None:
    """The 1, 5 and 15 minute load averages (how busy the machine was)."""
    return _loadavg()
