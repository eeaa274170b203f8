"""book/macros.py: the values pages can take from committed logs at build time."""

from __future__ import annotations

import json
import re

import pytest

from book import LOG_DIR, macros


class FakeEnv:
    def __init__(self) -> None:
        self.variables: dict = {}
        self.conf = {"docs_dir": str(LOG_DIR.parent)}
        self.filters: dict = {}

        self.macros: dict = {}

    def filter(self, function):
        self.filters[function.__name__] = function
        return function

    def macro(self, function, name=""):
        self.macros[name or function.__name__] = function
        return function


def test_every_committed_log_is_a_variable_with_its_file_contents():
    env = FakeEnv()
    macros.define_env(env)
    names = {path.stem for path in LOG_DIR.glob("*.json")}
    assert set(env.variables["logs"]) == names
    for name in names:
        on_disk = json.loads((LOG_DIR / f"{name}.json").read_text())
        assert env.variables["logs"][name] == on_disk
    assert env.variables["bench"] is env.variables["logs"]["benchmarks"]


def test_number_filters_round_as_written_on_pages():
    env = FakeEnv()
    macros.define_env(env)
    assert env.filters["thousands"](39100.4) == "39,100"
    assert env.filters["sig"](0.000287123) == "0.000287"
    assert env.filters["sig"](11.2345, 2) == "11"
    assert env.filters["sci"](1.0078681e-12) == "1.0e-12"
    assert env.filters["sci"](2.2547e-13, 2) == "2.25e-13"


def render_page(relative: str, repo_url: str | None = None) -> str:
    """A page as mkdocs-macros renders it: its Markdown after Jinja, no front matter."""
    from types import SimpleNamespace

    import jinja2

    env = FakeEnv()
    env.conf["repo_url"] = repo_url
    env.page = SimpleNamespace(file=SimpleNamespace(src_uri=relative))
    macros.define_env(env)
    jinja = jinja2.Environment(undefined=jinja2.StrictUndefined)
    jinja.filters.update(env.filters)
    text = (LOG_DIR.parent / relative).read_text(encoding="utf-8")
    front, body = text.split("---\n", 2)[1:]
    assert "render_macros: true" in front
    return jinja.from_string(body).render(**env.variables, **env.macros)


def test_mkdocs_reads_the_repository_url_from_dlfs_repo_url(monkeypatch):
    from mkdocs.utils import yaml_load

    config = (LOG_DIR.parents[1] / "mkdocs.yml").read_text(encoding="utf-8")
    monkeypatch.delenv("DLFS_REPO_URL", raising=False)
    assert yaml_load(config)["repo_url"] is None
    monkeypatch.setenv("DLFS_REPO_URL", "https://example.org/dlfs.git")
    assert yaml_load(config)["repo_url"] == "https://example.org/dlfs.git"


URL = "https://example.org/dlfs.git"


@pytest.mark.parametrize(
    ("page", "with_url", "without"),
    [
        (
            "index.md",
            f"The code is in the repository <{URL}>.",
            "Clone this repository",
        ),
        ("index.ko.md", f"코드를 담은 저장소는 <{URL}>입니다.", "이 저장소를 복제하고"),
    ],
)
def test_home_page_says_where_to_get_the_code(page, with_url, without):
    """The repository's URL when the build has one, else "clone this repository"."""
    text = render_page(page, repo_url=URL)
    assert with_url in text
    assert without not in text
    text = render_page(page, repo_url=None)
    assert without in text
    assert URL not in text and "<None>" not in text


def log(name: str) -> dict:
    return json.loads((LOG_DIR / f"{name}.json").read_text())


def test_training_page_shows_the_numbers_of_the_numerical_training_log():
    page = render_page("ch4/training.md")
    run = log("ch4_numerical_training")
    assert f"| parameters | {run['settings']['parameters']:,} |" in page
    assert f"| {round(sum(run['loss'][-10:]) / 10, 3)} |" in page
    assert f"| {run['test_acc'][0]} → {run['test_acc'][-1]} |" in page


def test_nets_page_shows_the_gradient_check_and_the_full_run_from_their_logs():
    page = render_page("ch5/nets.md")
    check = log("ch5_gradient_check")
    for key, diff in check["params"].items():
        row = f"| `{key}` | {diff['size']:,} | {diff['mean_abs_diff']:.1e} | "
        assert row + f"{diff['max_abs_diff']:.1e} |" in page
    ratio = round(check["numerical_seconds"] / check["backprop_seconds"], -3)
    assert f"| {ratio:,.0f} |" in page
    run = log("ch5_two_layer_net")
    assert f"| final test accuracy | {run['test_acc'][-1]} |" in page
    assert f"| `{run['settings']['network']}` |" in page


def markdown_tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """(header, body rows) of each Markdown table in ``text``, cells stripped."""
    tables: list[list[list[str]]] = []
    previous = ""
    for line in text.splitlines():
        if line.startswith("| "):
            if not previous.startswith("| "):
                tables.append([])
            tables[-1].append([c.strip() for c in line.strip().strip("|").split("|")])
        previous = line
    return [(rows[0], rows[2:]) for rows in tables]


def test_performance_pages_show_the_committed_benchmark_results():
    """Both editions show the numbers of docs/data/benchmarks.json, in the
    same tables with the same columns; only the words are translated."""
    bench = log("benchmarks")
    english = render_page("performance.md")
    korean = render_page("performance.ko.md")
    en, ko = markdown_tables(english), markdown_tables(korean)
    assert len(en) == len(ko) == 5
    number = re.compile(r"\d[\d.,]*(?:e-?\d+)?")
    for (en_head, en_rows), (ko_head, ko_rows) in zip(en, ko, strict=True):
        assert len(ko_head) == len(en_head)
        assert len(ko_rows) == len(en_rows)
        for en_row, ko_row in zip(en_rows, ko_rows, strict=True):
            for en_cell, ko_cell in zip(en_row[1:], ko_row[1:], strict=True):
                assert number.findall(ko_cell) == number.findall(en_cell)
    rows = {row[0]: row[1:] for _, body in en for row in body}
    for impl in bench["training"]["implementations"].values():
        shown = rows[impl["label"]]
        assert shown[0] == f"{impl['us_per_iteration']:,.4g}"
        assert shown[-1] == f"{impl['test_acc']:.4f}"
    assert rows["one image at a time"][0] == f"{bench['inference']['loop_ms']:,.4g}"
    numerical = bench["gradients"]["numerical_s"]
    assert rows["numerical differentiation"] == [f"{numerical:,.4g} s"]
    for product in bench["gemm"]["products"]:
        assert rows[product["product"]][:2] == [
            product["shape"],
            f"{product['flop'] / 1e6:.2f}",
        ]
    for target in bench["targets"].values():
        assert rows[target["meaning"]][0] == f"{target['value']:.4g}"
    for page in (english, korean):
        assert f"- {bench['date']}: {bench['machine']['processor']}" in page
        assert f"NumPy {bench['numpy']['version']}" in page
