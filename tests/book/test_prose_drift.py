"""The prose next to a listing names only what the listing (or the page) has.

A page shows library code through ``--8<--`` includes, and the sentences
around an include explain it. When the code changes and the sentences do
not, they describe code that is no longer there: "`x @ w + b > 0`" beside a
listing that computes ``np.dot(x, w) + b > 0``, or "`float_array` turns the
input into ..." after ``float_array`` was removed. This test reads the
backticked code in the prose around every listing and flags

1. an operator form (``x @ w``, ``A @ B`` or a lone ``@``) whose operator the
   listing does not use, and
2. a name (``float_array``, ``check_network_args(...)``, ``self.mask``) that is
   nowhere in the page's code (its listings, its ``>>>`` examples and other
   code blocks), nor a public name of dlfs, NumPy or Python.

"Around a listing" is the prose between the code blocks before and after
it (within its section), and any paragraph of the same section that names,
in backticks, a function or class the listing defines ("Nothing in
`forward` assumes one sample ..."). A third rule covers a sentence that
says which form this edition's code uses ("`A @ B`, which we use", "이
판처럼 `A @ B`로"): its operator must occur in some listing on the page.

Not claims about the listing, so not flagged: a name in a sentence about the
book ("the book uses an `OrderedDict`"), a derivative named after a variable
of the code (`dW1`), a dictionary key as the code's f-string writes it
(`Wi` for ``f"W{i}"``), a name from the code of a page the paragraph links
to, a module name, paths, numbers and shapes, and the few names in
``ALLOWED``, each with its reason.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import importlib.util
import inspect
import keyword
import pkgutil
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

# -- reading a page ---------------------------------------------------------------
from pages import DOCS, ROOT, section_text

import dlfs

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`\n]*)$")
INCLUDE = re.compile(r'^[ \t]*--8<--[ \t]+"(?P<path>[^":]+)(?::(?P<section>[\w-]+))?"')
HEADING = re.compile(r"^#{1,6}[ \t]")
# An admonition or a content tab opens a new paragraph (its title is prose).
OPENER = re.compile(r"^[ \t]*(?:!!!|\?\?\?\+?|===)[ \t]")
SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)", re.S)


@dataclass
class Code:
    """A fenced block: ``listings`` holds the included code, if any, and
    ``unread`` the includes that could not be read."""

    line: int
    text: str
    section: int
    listings: list[str] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)


@dataclass
class Paragraph:
    line: int
    text: str
    section: int  # paragraphs under the same heading share a number
    offset: int = 0  # where in its paragraph a sentence starts


@dataclass(frozen=True)
class Span:
    line: int
    code: str
    start: int  # the offset in its paragraph


@dataclass
class Page:
    items: list[Code | Paragraph]

    @property
    def code(self) -> list[Code]:
        return [item for item in self.items if isinstance(item, Code)]


Resolve = Callable[[str, "str | None"], str]


def resolve_in_repository(path: str, section: str | None) -> str:
    """The code an include shows, read from the working tree."""
    if section is None:
        return (ROOT / path).read_text(encoding="utf-8")
    return section_text(path, section)


def read_page(text: str, resolve: Resolve = resolve_in_repository) -> Page:
    """The page as code blocks and paragraphs, in order, includes resolved."""
    items: list[Code | Paragraph] = []
    lines = text.splitlines()
    section, paragraph, start = 0, [], 0

    def close_paragraph() -> None:
        if paragraph:
            items.append(Paragraph(start + 1, "\n".join(paragraph), section))
            paragraph.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = FENCE.match(line)
        if fence:
            close_paragraph()
            mark = fence.group("fence")
            end = i + 1
            while end < len(lines) and not re.fullmatch(
                rf"[ \t]*{re.escape(mark[0])}{{{len(mark)},}}[ \t]*", lines[end]
            ):
                end += 1
            code = Code(i + 1, "\n".join(lines[i + 1 : end]), section)
            for include in map(INCLUDE.match, code.text.splitlines()):
                if include is None:
                    continue
                try:
                    code.listings.append(resolve(*include.group("path", "section")))
                except (AssertionError, OSError):
                    code.unread.append(include.group(0).strip())
            items.append(code)
            i = end + 1
            continue
        if HEADING.match(line):
            close_paragraph()
            section += 1
        elif not line.strip() or OPENER.match(line):
            close_paragraph()
            if line.strip():
                paragraph.append(line)
                start = i
                close_paragraph()
        else:
            if not paragraph:
                start = i
            paragraph.append(line)
        i += 1
    close_paragraph()
    return Page(items)


def spans(paragraph: Paragraph) -> list[Span]:
    """Every backticked span, its white space made single."""
    return [
        Span(
            paragraph.line + paragraph.text.count("\n", 0, m.start()),
            " ".join(m.group("code").split()),
            paragraph.offset + m.start(),
        )
        for m in SPAN.finditer(paragraph.text)
    ]


# -- what code contains -------------------------------------------------------------

SYMBOLS = {
    ast.MatMult: "@",
}
OPERATORS = set(SYMBOLS.values())


def parse(code: str) -> ast.AST | None:
    try:
        return ast.parse(textwrap.dedent(code))
    except SyntaxError:
        return None


def operators(code: str) -> set[str]:
    """The checked operators that code applies (comments and strings aside)."""
    tree = parse(code)
    if tree is None:
        bare = code.strip().removesuffix("=")
        return {bare} & OPERATORS
    return {
        SYMBOLS[type(node.op)]
        for node in ast.walk(tree)
        if isinstance(node, ast.BinOp | ast.AugAssign) and type(node.op) in SYMBOLS
    }


def identifiers(code: str) -> set[str]:
    """Every word of the code, and each f-string written with its fields'
    names (``f"W{i}"`` gives ``Wi``, as prose writes the keys it makes)."""
    words = set(re.findall(r"[A-Za-z_]\w*", code))
    tree = parse(code)
    for node in ast.walk(tree) if tree is not None else ():
        if isinstance(node, ast.JoinedStr):
            written = "".join(
                str(part.value)
                if isinstance(part, ast.Constant)
                else ast.unparse(part.value)
                for part in node.values
            )
            words |= set(re.findall(r"[A-Za-z_]\w*", written))
    return words


def defined_names(code: str) -> set[str]:
    """The functions and classes a listing defines."""
    return set(re.findall(r"^[ \t]*(?:def|class)[ \t]+(\w+)", code, re.M))


# A span that names something: a name, dotted or not, maybe called; e.g.
# `float_array`, `check_network_args(x, w)`, `self.mask`, `.astype(np.int64)`
# (a lone `.npz` is a file's extension, not a name).
NAME = re.compile(
    r"(?P<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(?:\(.*\))?"
    r"|\.(?P<method>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\(.*\)"
)


@cache
def known_names() -> frozenset[str]:
    """Public names of dlfs (every module, and its classes' attributes), NumPy
    and Python: prose may name them anywhere."""
    names = set(dir(builtins)) | set(keyword.kwlist) | set(keyword.softkwlist)
    for space in (np, np.ndarray, np.random, np.random.Generator, np.linalg):
        names |= set(dir(space))
    modules = [dlfs] + [
        importlib.import_module(m.name)
        for m in pkgutil.walk_packages(dlfs.__path__, "dlfs.")
        if not any(part.startswith("_") for part in m.name.split("."))
    ]
    for module in modules:
        names.add(module.__name__.rsplit(".", 1)[-1])
        for name, value in vars(module).items():
            if name.startswith("_"):
                continue
            names.add(name)
            if isinstance(value, type):
                names |= {a for a in dir(value) if not a.startswith("_")}
            if callable(value):  # keyword arguments are public names too
                try:
                    names |= set(inspect.signature(value).parameters)
                except (TypeError, ValueError):
                    pass
        # So are the environment variables it reads (DLFS_DATA).
        source = inspect.getsource(module)
        names |= set(re.findall(r"environ(?:\.get\(|\[)[\"'](\w+)", source))
    return frozenset(names)


def is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


# Names that prose may use although no code has them, each for a reason.
ALLOWED = {
    # The book's repository once named sum_squared_error so (its Korean
    # repository still has a mean_squared_error); the chapter 4 pages tell
    # that history, and exercise 4.5 accepts the old name.
    "mean_squared_error",
}


def unknown_name(span: str, page_names: set[str]) -> str | None:
    """The name in ``span`` that neither the page's code nor a library has."""
    match = NAME.fullmatch(span)
    if match is None:
        return None
    name = match.group("name") or match.group("method")
    parts = name.split(".")
    last = parts[-1]
    known = page_names | known_names() | ALLOWED
    if last in known:
        return None
    if re.fullmatch(r"d[A-Za-z]\w*", last) and last[1:] in known:
        return None  # dW1, dout: the derivative of W1, of out, as backprop names it
    if len(parts) == 1 and is_module(last):
        return None
    return name


# -- the rules ------------------------------------------------------------------------

# A sentence about the book's code names what the book has, not the listing:
# "the book uses an `OrderedDict`".
BOOK = re.compile(r"\b[Tt]he book(?:'s)?\b|(?<!이 )책(?:은|의|에서|이|처럼)")

# A sentence that says which form this edition's code uses.
SELF_CLAIM = re.compile(
    r"\b(?:which we use|we use|we write|this edition (?:uses|writes))\b"
    r"|이 (?:판|책)처럼|이 판은"
)


@dataclass(frozen=True)
class Finding:
    line: int
    span: str
    why: str

    def __str__(self) -> str:
        return f"{self.line}: `{self.span}` {self.why}"


def sentences(paragraph: Paragraph) -> list[Paragraph]:
    """The paragraph cut after each . ! ? : or ; that ends a sentence."""
    found, start = [], 0
    for end in [m.end() for m in re.finditer(r"[.!?:;](?=\s)", paragraph.text)] + [
        len(paragraph.text)
    ]:
        if paragraph.text[start:end].strip():
            line = paragraph.line + paragraph.text.count("\n", 0, start)
            text = paragraph.text[start:end]
            found.append(Paragraph(line, text, paragraph.section, start))
        start = end
    return found


LINK = re.compile(r"\]\((?P<page>[^)#\s]+\.md)(?:#[^)\s]*)?\)")


def code_names(page: Page) -> set[str]:
    """Every word in the page's code: its code blocks and what they include."""
    names: set[str] = set()
    for code in page.code:
        names |= identifiers(code.text)
        for listing in code.listings:
            names |= identifiers(listing)
    return names


def linked_names(paragraph: Paragraph, here: Path | None) -> set[str]:
    """The code names of the pages a paragraph links to ("as `SimpleNet` there")."""
    names: set[str] = set()
    for link in LINK.finditer(paragraph.text) if here is not None else ():
        other = (here.parent / link.group("page")).resolve()
        if other.is_file():
            names |= code_names(read_page(other.read_text(encoding="utf-8")))
    return names


def drift(
    text: str, resolve: Resolve = resolve_in_repository, here: Path | None = None
) -> list[Finding]:
    """Every claim in the prose around a listing that the code does not bear out.

    ``here`` is the page's file, for the pages its paragraphs link to.
    """
    page = read_page(text, resolve)
    page_names = code_names(page)
    page_listings = [listing for code in page.code for listing in code.listings]
    findings = [
        Finding(code.line, include, "cannot be read, so its prose is not checked")
        for code in page.code
        for include in code.unread
    ]

    near: dict[int, list[str]] = {}  # paragraph index -> the listings it explains
    for index, item in enumerate(page.items):
        if not (isinstance(item, Code) and item.listings):
            continue
        for step in (-1, 1):
            j = index + step
            while (
                0 <= j < len(page.items)
                and isinstance(page.items[j], Paragraph)
                and page.items[j].section == item.section
            ):
                near.setdefault(j, []).extend(item.listings)
                j += step
        names = set().union(*map(defined_names, item.listings))
        for j, other in enumerate(page.items):
            if (
                isinstance(other, Paragraph)
                and other.section == item.section
                and any(span.code in names for span in spans(other))
            ):
                near.setdefault(j, []).extend(item.listings)

    for j, listings in sorted(near.items()):
        paragraph = page.items[j]
        names = page_names | linked_names(paragraph, here)
        used = set().union(*map(operators, listings))
        about_the_book = {
            span.start
            for sentence in sentences(paragraph)
            if BOOK.search(sentence.text)
            for span in spans(sentence)
        }
        for span in spans(paragraph):
            for op in sorted(operators(span.code) - used):
                findings.append(
                    Finding(
                        span.line,
                        span.code,
                        f"uses {op}, which the listing here does not",
                    )
                )
            if span.start in about_the_book:
                continue
            name = unknown_name(span.code, names)
            if name is not None:
                findings.append(
                    Finding(
                        span.line,
                        span.code,
                        f"names {name}, which is in no code on this page "
                        "and no public name of dlfs, NumPy or Python",
                    )
                )

    on_page = set().union(*map(operators, page_listings)) if page_listings else set()
    for j, paragraph in enumerate(page.items):
        if not isinstance(paragraph, Paragraph) or j in near or not page_listings:
            continue
        for sentence in sentences(paragraph):
            if not SELF_CLAIM.search(sentence.text):
                continue
            for span in spans(sentence):
                for op in sorted(operators(span.code) - on_page):
                    findings.append(
                        Finding(
                            span.line,
                            span.code,
                            f"is said to be this edition's form, but no listing "
                            f"on this page uses {op}",
                        )
                    )
    return sorted(set(findings), key=lambda f: (f.line, f.span, f.why))


# -- every page -----------------------------------------------------------------------

PAGES = sorted(p for p in DOCS.rglob("*.md") if "--8<--" in p.read_text("utf-8"))


def test_pages_with_listings_are_found():
    assert len(PAGES) >= 20
    assert sum(len(read_page(p.read_text("utf-8")).code) for p in PAGES) > 200


def test_the_prose_around_a_listing_names_only_what_the_code_has():
    findings = [
        f"{page.relative_to(ROOT).as_posix()}:{finding}"
        for page in PAGES
        for finding in drift(page.read_text(encoding="utf-8"), here=page)
    ]
    assert findings == [], "\n".join(findings)


# -- the detector on three paragraphs that once drifted from their listings ------

# The listings as they were then, so these tests do not follow today's code.
OLD_LISTINGS = {
    ("dlfs/perceptron.py", "perceptron"): '''\
def perceptron(x: ArrayLike, w: ArrayLike, b: float) -> int | np.ndarray:
    """Fire (1) when w·x + b > 0, else stay silent (0); rows of x are inputs."""
    fired = (np.dot(x, w) + b > 0).astype(np.int64)
    return int(fired) if fired.ndim == 0 else fired
''',
    ("dlfs/activations.py", "step_function"): '''\
def step_function(x: ArrayLike) -> np.ndarray:
    """1 where x > 0, else 0: the perceptron's activation."""
    return (np.asarray(x) > 0).astype(np.int64)
''',
    ("dlfs/network.py", "forward"): '''\
def forward(network: dict[str, np.ndarray], x: ArrayLike) -> np.ndarray:
    """The book's three-layer forward pass: sigmoid, sigmoid, identity."""
    W1, W2, W3 = network["W1"], network["W2"], network["W3"]
    b1, b2, b3 = network["b1"], network["b2"], network["b3"]

    a1 = np.dot(x, W1) + b1
    z1 = sigmoid(a1)
    a2 = np.dot(z1, W2) + b2
    z2 = sigmoid(a2)
    a3 = np.dot(z2, W3) + b3
    return identity_function(a3)
''',
}


def old(path: str, section: str | None) -> str:
    return OLD_LISTINGS[path, section]


def listing(path: str, section: str) -> str:
    return f'```python title="{path}"\n--8<-- "{path}:{section}"\n```\n'


DRIFT_PERCEPTRON = f"""\
### One perceptron for every gate {{#implementation}}

The printed book writes the weighted sum out again inside each gate. This
edition writes it once, for any number of inputs, as `perceptron(x, w, b)`:

{listing("dlfs/perceptron.py", "perceptron")}
The heart is one line: `x @ w + b > 0` computes the weighted sum plus bias and
compares it with zero, giving `True` or `False`, which `.astype(np.int64)`
turns into 1 or 0. Because `@` is a matrix product, the same line handles one
input vector (shape `(n,)`, one answer) or a whole batch of input vectors
stacked as rows (shape `(m, n)`, one answer per row). A single answer comes
back as a plain Python `int`.

```pycon
>>> from dlfs import perceptron
>>> perceptron([1, 1], w=[0.5, 0.5], b=-0.7)
1
```
"""

DRIFT_PERCEPTRON_KO = f"""\
### 모든 게이트를 위한 퍼셉트론 하나 {{ #implementation }}

{listing("dlfs/perceptron.py", "perceptron")}
핵심은 한 줄입니다. `x @ w + b > 0`은 가중합에 편향을 더해 0과 비교하여
`True`나 `False`를 내고, `.astype(np.int64)`가 이를 1이나 0으로 바꿉니다.
`@`는 행렬 곱이므로, 같은 한 줄로 입력 벡터 하나(형상 `(n,)`, 답 하나)도,
행으로 쌓은 입력 벡터의 배치(형상 `(m, n)`, 행마다 답 하나)도 처리합니다.
"""

DRIFT_ACTIVATIONS = f"""\
## The step function {{#step-function}}

In NumPy we compare the whole array with 0, which gives an array of
booleans, and turn `True`/`False` into 1/0:

{listing("dlfs/activations.py", "step_function")}
`float_array` turns the input (a number, a list or an array) into a float
array and rejects what cannot be one, so every function on this page accepts
the same inputs.

```pycon
>>> step_function(np.array([-1.0, 1.0, 2.0]))
array([0, 1, 1])
```
"""

DRIFT_NETWORK = f"""\
## The matrix product {{#matrix-product}}

NumPy computes it with `np.dot(A, B)`, which the book uses, or with the
operator `A @ B`, which we use. For 1-D and 2-D arrays the two are the same.

```pycon
>>> A = np.array([[1, 2], [3, 4]])
>>> B = np.array([[5, 6], [7, 8]])
>>> A @ B
array([[19, 22],
       [43, 50]])
```

## Signals through three layers {{#three-layers}}

Passing the signal from the input towards the output like this is the
forward pass, or forward propagation (순전파). Collected into one function:

{listing("dlfs/network.py", "forward")}
```pycon
>>> y = forward(network, x)
```

Nothing in `forward` assumes one sample. Give it several inputs as the rows
of a 2-D array, and every `@` processes all rows at once: `(3, 2) @ (2, 3)`
gives `(3, 3)`, the bias `(3,)` is broadcast to every row, and so on, up to
one row of outputs per input.
"""


def flagged(text: str) -> list[tuple[str, str]]:
    """(span, the first word of the reason) of every finding."""
    return [(f.span, f.why.split()[0]) for f in drift(text, old)]


def test_the_matrix_product_beside_a_listing_that_uses_np_dot_is_flagged():
    assert flagged(DRIFT_PERCEPTRON) == [("x @ w + b > 0", "uses"), ("@", "uses")]
    assert flagged(DRIFT_PERCEPTRON_KO) == [("x @ w + b > 0", "uses"), ("@", "uses")]


def test_a_helper_that_no_longer_exists_is_flagged():
    assert flagged(DRIFT_ACTIVATIONS) == [("float_array", "names")]


def test_at_said_to_be_this_editions_form_and_every_at_beside_forward_are_flagged():
    assert flagged(DRIFT_NETWORK) == [
        ("A @ B", "is"),
        ("(3, 2) @ (2, 3)", "uses"),
        ("@", "uses"),
    ]
    claim = drift(DRIFT_NETWORK, old)[0]
    assert (claim.line, claim.why) == (
        4,
        "is said to be this edition's form, but no listing on this page uses @",
    )


def test_the_same_paragraphs_reworded_to_match_the_code_pass():
    perceptron = DRIFT_PERCEPTRON.replace(
        "The heart is one line: `x @ w + b > 0` computes",
        "The heart is one line: `np.dot(x, w) + b > 0` computes",
    ).replace(
        "Because `@` is a matrix product,",
        "`np.dot` accepts lists and, for a 2-D `x`, is a matrix product, so",
    )
    activations = DRIFT_ACTIVATIONS.replace(
        "`float_array` turns the input (a number, a list or an array) into a float\n"
        "array and rejects what cannot be one, so every function on this page accepts\n"
        "the same inputs.",
        "`np.asarray` turns a number or a list into an array, so `x > 0` compares\n"
        "element by element.",
    )
    network = DRIFT_NETWORK.replace(
        "NumPy computes it with `np.dot(A, B)`, which the book uses, or with the\n"
        "operator `A @ B`, which we use.",
        "The examples use `@`; the listings keep the book's `np.dot`.",
    ).replace("and every `@` processes all rows at once: `(3, 2) @ (2, 3)`", "and")
    assert (
        perceptron != DRIFT_PERCEPTRON
        and activations != DRIFT_ACTIVATIONS
        and network != DRIFT_NETWORK
    )
    for text in (perceptron, activations, network):
        assert drift(text, old) == []


# -- what the rules leave alone ------------------------------------------------------


def page_with(prose: str) -> str:
    return f'```python\n--8<-- "m.py:f"\n```\n\n{prose}\n'


def check(prose: str, code: str = "def f(x):\n    return x @ W\n") -> list[str]:
    return [f.span for f in drift(page_with(prose), lambda path, section: code)]


def test_an_operator_the_listing_uses_and_names_it_has_pass():
    assert check("`f` returns `x @ W`; `W` and `x` are its inputs.") == []
    code = "def f(x):\n    return np.dot(x, W)\n"
    assert check("The listing writes `x @ W`.", code) == ["x @ W"]


def test_public_names_of_dlfs_numpy_and_python_pass_and_others_do_not():
    assert (
        check("`f` is like `dlfs.softmax`, `np.asarray`, `.astype(int)`, `len`.") == []
    )
    assert check("It calls `cross_entropy_error(y, t, delta=1e-7)`; see `delta`.") == []
    assert check("`f` calls `check_network_args(x)` first.") == [
        "check_network_args(x)"
    ]


def test_paths_numbers_shapes_and_extensions_are_not_names():
    prose = "See `dlfs/nets.py`, shape `(3, 2)`, `1e-7`, the `.npz` file, `x > 0`."
    assert check(prose) == []


def test_a_derivative_named_after_a_variable_of_the_code_passes():
    assert check("backward returns `dW` and `dx`, never `dfoo`.") == ["dfoo"]


def test_a_key_written_like_the_f_string_that_makes_it_passes():
    code = 'def f(network, i):\n    return network[f"W{i}"]\n'
    assert check("two parameters, `Wi` and `bi`, per layer", code) == ["bi"]


def test_names_in_a_sentence_about_the_book_are_the_books():
    assert check("The book keeps them in an `OrderedDict`. We use `f`.") == []
    assert check("책은 `OrderedDict`를 씁니다.") == []
    assert check("We keep them in an `OrderedDict`.") == ["OrderedDict"]


def test_a_paragraph_away_from_the_listing_is_checked_only_if_it_names_it():
    code = "def f(x):\n    return np.dot(x, W)\n"
    text = page_with("Here is `f`.") + "```pycon\n>>> 1\n1\n```\n\n"
    far = text + "Elsewhere `A @ B` is fine.\n"
    named = text + "And `f` applies one `@`.\n"
    assert drift(far, lambda path, section: code) == []
    assert [f.span for f in drift(named, lambda path, section: code)] == ["@"]


def test_an_include_that_cannot_be_read_is_reported():
    def missing(path: str, section: str | None) -> str:
        raise AssertionError(f"{path} has no section {section!r}")

    (finding,) = drift(page_with("`f`."), missing)
    assert finding.span == '--8<-- "m.py:f"'


def test_the_prose_around_a_listing_ends_at_a_heading():
    code = "def f(x):\n    return np.dot(x, W)\n"
    text = (
        "Before, `A @ B`.\n\n## Next\n\n" + page_with("`f`.") + "## After\n\n`A @ B`\n"
    )
    assert drift(text, lambda path, section: code) == []
    assert [f.line for f in drift(text.replace("## Next", ""), lambda p, s: code)] == [
        1
    ]
