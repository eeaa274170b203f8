"""Chapter 4 stands on its own: its pages use no code from chapter 5.

Backpropagation is taught in chapter 5, so a chapter 4 page must not import
chapter 5's modules or names, nor call a backward pass, in its ``>>>``
examples or in the code it includes (with that code's own module imports).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from pages import ROOT, pages, section_text

CH4_PAGES = [p for p in pages() if p.parent.name == "ch4"]

CHAPTER5_MODULES = {"dlfs.layers", "dlfs.nets", "dlfs.optim", "dlfs.train"}
CHAPTER5_NAMES = {
    "AddLayer",
    "Affine",
    "LayerNet",
    "MulLayer",
    "MultiLayerNet",
    "Relu",
    "SGD",
    "Sigmoid",
    "SoftmaxWithLoss",
    "TrainingLog",
    "TwoLayerNet",
    "train",
}
CHAPTER5_CALLS = re.compile(r"\.(gradient|loss_and_gradient|backward)\(")
INCLUDE = re.compile(r'--8<-- "([^":]+)(?::([^"]+))?"')
PROMPT = re.compile(r"^\s*(?:>>>|\.\.\.) ?(.*)$")


def module_imports(source: str) -> set[str]:
    """Every ``module`` and ``module.name`` that the source imports."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def page_code(page: Path) -> list[tuple[str, str, str]]:
    """(where, code shown, code whose imports count) for each piece of code."""
    text = page.read_text(encoding="utf-8")
    pieces = []
    for match in INCLUDE.finditer(text):
        path = ROOT / match.group(1)
        source = path.read_text(encoding="utf-8")
        name = match.group(2)  # a whole-file include has none
        shown = section_text(match.group(1), name) if name else source
        pieces.append((match.group(0), shown, source))
    examples = "\n".join(
        m.group(1) for line in text.splitlines() if (m := PROMPT.match(line))
    )
    pieces.append((">>> examples", examples, ""))
    return pieces


def chapter5_uses(shown: str, imports_source: str) -> list[str]:
    problems = [f"calls {m.group(0)}" for m in CHAPTER5_CALLS.finditer(shown)]
    imported = module_imports(shown)
    if imports_source:
        imported |= module_imports(imports_source)
    for name in sorted(imported):
        module, _, attr = name.rpartition(".")
        if name in CHAPTER5_MODULES or module in CHAPTER5_MODULES:
            problems.append(f"imports {name}")
        elif module == "dlfs" and attr in CHAPTER5_NAMES:
            problems.append(f"imports {name}")
    return problems


def test_chapter_4_pages_use_no_chapter_5_code():
    assert {page.name for page in CH4_PAGES} >= {
        "index.md",
        "losses.md",
        "gradient.md",
        "training.md",
    }
    problems = [
        f"{page.name}: {where}: {problem}"
        for page in CH4_PAGES
        for where, shown, imports_source in page_code(page)
        for problem in chapter5_uses(shown, imports_source)
    ]
    assert problems == []


def test_the_scan_finds_chapter_5_code():
    shown = "from dlfs.nets import TwoLayerNet\nnet.gradient(x, t)\n"
    assert chapter5_uses(shown, "") == [
        "calls .gradient(",
        "imports dlfs.nets",
        "imports dlfs.nets.TwoLayerNet",
    ]
    assert chapter5_uses("from dlfs import SGD, softmax\n", "") == ["imports dlfs.SGD"]
    assert chapter5_uses("x = numerical_gradient(f, x)\n", "") == []
