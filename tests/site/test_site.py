"""The built book: strict build, every page present, every link and image good."""

from __future__ import annotations

import functools
import logging
import os
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from pages import (
    DOCS,
    ROOT,
    chapters,
    figures_shown,
    html_path,
    korean_pages,
    nav_pages,
)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.links: list[str] = []
        self.images: list[str] = []
        self.ids: set[str] = set()
        self.switcher: dict[str, str] = {}  # the language switcher: lang -> href

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
            if "md-select__link" in (attributes.get("class") or "").split():
                self.switcher[attributes.get("hreflang") or ""] = attributes["href"]
        if tag == "img" and attributes.get("src"):
            self.images.append(attributes["src"])


@functools.cache  # each page is read once, whichever test asks first
def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(page: Path, url: str, site: Path) -> tuple[Path, str] | None:
    """The file and fragment an internal URL points to; None for external ones."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "data:")):
        return None
    target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
    if target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_nav_page_is_built(built_site):
    pages = nav_pages()
    assert len(pages) >= 17
    missing = [p for p in pages if not html_path(built_site, p).is_file()]
    assert missing == []


def test_every_chapter_has_pages():
    chapters = {p.split("/")[0] for p in nav_pages() if p.startswith("ch")}
    assert chapters == {"ch2", "ch3", "ch4", "ch5"}


def all_html(site: Path) -> list[Path]:
    """Every page; 404.html is left out: it is served at any depth, so it
    links with absolute paths that only resolve on a configured site_url."""
    return sorted(
        p
        for p in site.rglob("*.html")
        if "assets" not in p.parts and p.name != "404.html"
    )


def test_no_snippet_marker_or_unresolved_include_remains(built_site):
    offenders = [
        str(p.relative_to(built_site))
        for p in all_html(built_site)
        if re.search(r"--8&lt;--|--8<--|\[start:|\[end:", p.read_text())
    ]
    assert offenders == []


def test_every_image_exists(built_site):
    broken = []
    for page in all_html(built_site):
        for src in parse(page).images:
            resolved = resolve(page, src, built_site)
            if resolved and not resolved[0].is_file():
                broken.append(f"{page.relative_to(built_site)}: {src}")
    assert broken == []


def test_every_internal_link_resolves_to_a_page_and_anchor(built_site):
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in all_html(built_site):
        for href in parse(page).links:
            resolved = resolve(page, href, built_site)
            if resolved is None:
                continue
            target, fragment = resolved
            if not target.is_file():
                broken.append(f"{page.relative_to(built_site)}: {href}")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids:
                    # a browser matches a fragment against the id as written
                    # and against the id percent-decoded (Korean headings)
                    found = parse(target).ids
                    ids[target] = found | {unquote(i) for i in found}
                if unquote(fragment) not in ids[target]:
                    broken.append(f"{page.relative_to(built_site)}: {href} (anchor)")
    assert broken == []


def test_math_is_rendered_to_mathml_at_build_time(built_site):
    html = (built_site / "index.html").read_text()
    assert "<math" in html
    assert "\\(" not in html


def test_site_loads_no_script_or_style_from_another_host(built_site):
    external = []
    for page in all_html(built_site):
        text = page.read_text()
        for match in re.finditer(r"<(script|link|img|iframe)\b[^>]*>", text):
            tag = match.group(0)
            if (
                re.search(r'\b(src|href)="(https?:)?//', tag)
                and 'rel="canonical"' not in tag
            ):
                external.append(f"{page.relative_to(built_site)}: {tag[:120]}")
    assert external == []


def test_each_notebook_page_offers_its_source_as_ipynb(built_site, tmp_path):
    """What tests/packaging/test_notebooks.py runs from the wheel is what a
    reader downloads: the hook's ``write_ipynb`` of the page's source."""
    import nbformat

    from book.hooks.notebooks import write_ipynb

    def cells(path: Path) -> list[tuple[str, str]]:
        notebook = nbformat.read(path, as_version=4)
        return [(cell.cell_type, cell.source) for cell in notebook.cells]

    for source in sorted((DOCS / "notebooks").glob("*.py")):
        chapter = source.stem.removesuffix(".ko")
        edition = "ko/" if source.stem.endswith(".ko") else ""
        offered = built_site / f"{edition}notebooks/{chapter}/{source.stem}.ipynb"
        assert cells(offered) == cells(write_ipynb(source, tmp_path)), offered


def test_the_exercise_pages_show_the_stubs_and_hide_the_answers(built_site):
    for chapter in chapters():
        html = (built_site / chapter / "exercises" / "index.html").read_text()
        assert "NotImplementedError" in html
        assert "--8&lt;--" not in html
        assert html.count('<details class="success">') >= 2
        assert '<details class="success" open' not in html


@pytest.mark.parametrize("page", ["ch2/perceptron.md", "ch5/layers.md"])
def test_included_listings_show_their_file_name(built_site, page):
    html = html_path(built_site, page).read_text()
    assert re.search(r'<span class="filename">dlfs/[\w/]+\.py</span>', html)


def english_notebooks() -> list[Path]:
    return sorted(p for p in (DOCS / "notebooks").glob("*.py") if ".ko." not in p.name)


def test_the_built_book_shows_unrun_exactly_the_notebooks_it_could_not_run(
    built_site, build_log
):
    """With MNIST (CI's second pass) every notebook ran; without it (CI's
    fresh-machine pass, offline) the strict build still succeeds and shows the
    notebooks that need MNIST unrun, with a note.  A notebook that ran shows
    its outputs and its plots (files beside the page, which the browser's
    layout test loads); each page offers its two downloads."""
    from mnist_data import needs_mnist

    from dlfs.datasets import mnist_available

    available = mnist_available()
    shown_unrun, ran_shown = {}, {}
    for notebook in english_notebooks():
        folder = built_site / "notebooks" / notebook.stem
        html = (folder / "index.html").read_text()
        shown_unrun[notebook.stem] = "Not run in this build" in html
        plots = re.findall(r'<img [^>]*src="(plot-\w+\.png)"', html)
        outputs = "jp-OutputArea-output" in html
        ran_shown[notebook.stem] = outputs and plots != []
        assert all((folder / plot).is_file() for plot in plots)
        downloads = re.findall(r'<a [^>]*href="([^"]+)" download[ =>]', html)
        assert downloads == [f"{notebook.stem}.ipynb", f"{notebook.stem}.py"]
        assert all(b"dlfs" in (folder / name).read_bytes() for name in downloads)
    expected = {n.stem: needs_mnist(n) and not available for n in english_notebooks()}
    assert shown_unrun == expected
    assert ran_shown == {stem: not unrun for stem, unrun in expected.items()}
    assert ("MNIST not found" in build_log) == (not available)


@pytest.fixture
def environ_restored() -> Iterator[None]:
    """os.environ as it was, after the test (the hook sets kernel variables)."""
    saved = dict(os.environ)
    yield
    os.environ.clear()
    os.environ.update(saved)


def test_without_mnist_the_hook_shows_the_notebooks_that_need_it_unrun(
    tmp_path, monkeypatch, caplog, environ_restored
):
    """The notebooks hook alone, as a build without MNIST and offline calls it:
    it looks, downloads nothing, and has those notebooks rendered unrun."""
    from types import SimpleNamespace

    from mnist_data import needs_mnist

    from book.hooks import notebooks

    empty = tmp_path / "no-mnist"
    empty.mkdir()
    for name in ("DLFS_DATA", "DLFS_CACHE"):
        monkeypatch.setenv(name, str(empty))
    monkeypatch.setenv("DLFS_OFFLINE", "1")
    config = _HookConfig(docs_dir=str(DOCS), config_file_path=str(ROOT / "mkdocs.yml"))
    config.plugins = {"mkdocs-jupyter": SimpleNamespace(config={"execute_ignore": []})}
    caplog.set_level(logging.INFO)

    notebooks.on_config(config)

    ignored = config.plugins["mkdocs-jupyter"].config["execute_ignore"]
    notebook_files = (DOCS / "notebooks").glob("*.py")
    assert sorted(ignored) == sorted(p.name for p in notebook_files if needs_mnist(p))
    assert "MNIST not found" in caplog.text
    assert list(empty.iterdir()) == []  # nothing was downloaded
    for notebook in english_notebooks():
        page = SimpleNamespace(
            file=SimpleNamespace(src_uri=f"notebooks/{notebook.name}")
        )
        html = notebooks.on_page_content(
            "<h1>Notebook</h1><p>cells</p>", page=page, config=config, files=None
        )
        assert html.startswith("<h1>Notebook</h1>")
        assert ("Not run in this build" in html) == needs_mnist(notebook), notebook


class _HookConfig(dict):
    """The bits of MkDocs' config the notebooks hook reads."""

    plugins: dict


def korean_and_english(site: Path) -> list[tuple[Path, Path]]:
    """Each built Korean page with its English twin, both as index.html files."""
    pairs = []
    for source in korean_pages():
        english = source.relative_to(DOCS).as_posix().replace(".ko.", ".")
        pairs.append((html_path(site / "ko", english), html_path(site, english)))
    return pairs


def test_every_korean_page_is_lang_ko_and_shows_the_korean_figures(built_site):
    """``<html lang="ko">``, and a figure with a Korean drawing (NAME.ko.svg,
    also in narrow/) is served as that drawing: read from the built HTML."""
    wrong_lang, english_figures, missing = [], [], []
    for page, _ in korean_and_english(built_site):
        name = str(page.relative_to(built_site))
        if parse(page).lang != "ko":
            wrong_lang.append(name)
        html = page.read_text(encoding="utf-8")
        shown = re.findall(
            r'<(?:img\b[^>]*\bsrc|source\b[^>]*\bsrcset)="([^"]+)"', html
        )
        for src in shown:
            figure = re.search(r"figures/(?:narrow/)?\w+\.svg$", src)
            if not figure:
                continue
            target, _ = resolve(page, src, built_site)
            if not target.is_file():
                missing.append(f"{name}: {src}")
                continue
            korean = DOCS / figure.group(0).replace(".svg", ".ko.svg")
            if korean.is_file() and target.read_bytes() != korean.read_bytes():
                english_figures.append(f"{name}: {src}")
    assert (wrong_lang, english_figures, missing) == ([], [], [])


def test_the_language_switcher_leads_to_the_same_page_and_back(built_site):
    """On a Korean page, "English" leads to its English twin (lang="en") and
    "한국어" to itself; on the twin, "한국어" leads back: read from the HTML."""
    wrong = []
    for korean, english in korean_and_english(built_site):
        links = parse(korean).switcher
        back = parse(english).switcher

        def target(page: Path, href: str | None) -> Path | None:
            return resolve(page, href, built_site)[0].resolve() if href else None

        found = (
            target(korean, links.get("en")),
            target(korean, links.get("ko")),
            target(english, back.get("ko")),
            parse(english).lang,
        )
        if found != (english.resolve(), korean.resolve(), korean.resolve(), "en"):
            wrong.append(f"{korean.relative_to(built_site)}: {found}")
    assert wrong == []


PAGE_LIMIT = 250 * 1024


def test_no_page_is_over_250_kb(built_site):
    sizes = {
        str(p.relative_to(built_site)): p.stat().st_size for p in all_html(built_site)
    }
    assert {p: s for p, s in sizes.items() if s > PAGE_LIMIT} == {}


@pytest.mark.parametrize("chapter", chapters())
def test_notebook_pages_share_their_css_and_carry_no_dead_scripts(built_site, chapter):
    html = (built_site / "notebooks" / chapter / "index.html").read_text()
    inline = [len(s) for s in re.findall(r"<style[^>]*>(.*?)</style>", html, re.S)]
    assert max(inline, default=0) < 4096, "big CSS lives in a shared file"
    shared = re.findall(r'href="([^"]*assets/stylesheets/jupyter\.\w+\.css)"', html)
    assert shared and all(
        (built_site / "notebooks" / chapter / s).resolve().is_file() for s in shared
    )
    assert '<script src="">' not in html
    assert "mermaid" not in html and "x-mathjax-config" not in html
    assert "data:image/png" not in html, "plots are files beside the page"


@pytest.mark.parametrize("edition", ["", "ko/"], ids=["en", "ko"])
@pytest.mark.parametrize("chapter", ["ch2", "ch3", "ch4", "ch5"])
def test_notebook_pages_show_no_warning(built_site, edition, chapter):
    """Nothing went to stderr: a warning such as tqdm's 'IProgress not found'
    (pooch imports tqdm) would show on the page as a red box."""
    html = (built_site / edition / "notebooks" / chapter / "index.html").read_text()
    assert 'data-mime-type="application/vnd.jupyter.stderr"' not in html
    assert "Warning:" not in html


def figure_numbers_in_reading_order() -> dict[str, str]:
    """Each figure's number as a reader counts: the figures of a chapter's
    pages in nav order are N.1, N.2, ..., a figure counted where first shown."""
    numbers: dict[str, str] = {}
    counts: dict[str, int] = {}
    for page in nav_pages():
        chapter = re.match(r"ch(\d+)/", page)
        for name in figures_shown(page):
            if name in numbers:
                continue
            key = chapter.group(1) if chapter else page
            counts[key] = counts.get(key, 0) + 1
            prefix = f"{chapter.group(1)}." if chapter else ""
            numbers[name] = f"{prefix}{counts[key]}"
    return numbers


def test_every_book_figure_is_a_numbered_figure_with_a_caption(built_site):
    numbers: dict[str, set[str]] = {}
    for page in all_html(built_site):
        html = page.read_text()
        bare = re.findall(r"<p>\s*<img[^>]*figures/\w+\.svg", html)
        assert bare == [], f"{page}: a figure outside <figure>"
        for name, number in re.findall(
            r'<figure class="dlfs-figure" id="figure-(\w+)">.*?'
            r'<figcaption><span class="dlfs-figure__number">'
            r"(?:Figure|그림) ([\d.]+):</span> \S",
            html,
            re.S,
        ):
            numbers.setdefault(name, set()).add(number)
    assert len(numbers) >= 23
    # One number per figure, and no number used twice.
    assert all(len(n) == 1 for n in numbers.values()), numbers
    flat = [n for ns in numbers.values() for n in ns]
    assert len(flat) == len(set(flat))
    # Numbered in reading order, the same in both editions.
    expected = figure_numbers_in_reading_order()
    assert {name: number for name, (number,) in numbers.items()} == expected
    assert expected["ch4_three_approaches"] == "4.1"  # the chapter opener's


def test_api_pages_are_one_per_module_with_roles_as_links(built_site):
    pages = sorted((built_site / "api").glob("*/index.html"))
    assert len(pages) >= 11
    links = 0
    for page in pages:
        html = page.read_text()
        assert not re.search(r":(func|class|meth|mod):<code>", html), page
        # Parameters as lists: no 4-column (name, type, description, default) table.
        assert "<th>Default</th>" not in html, page
        links += len(re.findall(r'<a class="autorefs" href="[^"]*#dlfs\.', html))
    assert links >= 13


@pytest.mark.parametrize("edition", ["", "ko/"], ids=["en", "ko"])
def test_each_glossary_term_has_its_own_anchor(built_site, edition):
    html = (built_site / edition / "glossary" / "index.html").read_text()
    anchors = re.findall(r'<h3 id="([\w-]+)">', html)
    assert len(anchors) >= 80 and len(set(anchors)) == len(anchors)
    assert {"gradient", "hyperparameter", "backpropagation"} <= set(anchors)
    assert "<table>" not in html.split('class="dlfs-glossary"')[1]
    chapter = "장)" if edition else "(chapter "
    assert chapter in html.split('class="dlfs-glossary"')[1]


def test_chapter_pages_link_a_terms_first_use_to_the_glossary(built_site):
    html = (built_site / "ch4" / "gradient" / "index.html").read_text()
    links = re.findall(r'class="dlfs-term" href="../../glossary/#([\w-]+)"', html)
    assert "gradient" in links and len(links) == len(set(links))


def test_the_korean_glossary_puts_the_korean_term_first(built_site):
    html = (built_site / "ko" / "glossary" / "index.html").read_text()
    assert (
        '<h3 id="gradient">기울기 <span class="dlfs-english" lang="en">gradient</span>'
        in html
    )


# The lesson and exercise pages of the chapters (not the notebooks).
CHAPTER_PAGES = [p for p in nav_pages() if re.match(r"ch\d+/[\w-]+\.md$", p)]


def glossary_links(site: Path, page: str, edition: str) -> list[str]:
    """The terms a built page links to its own edition's glossary (nav aside)."""
    path = html_path(site / edition, page)
    article = path.read_text().split("<article", 1)[1].split("</article>", 1)[0]
    glossary = (site / edition / "glossary" / "index.html").resolve()
    terms = []
    for href in re.findall(r'<a class="dlfs-term" href="([^"]+)"', article):
        target, term = resolve(path, href, site)
        assert target == glossary, f"{href} on {edition}{page} is not its glossary"
        terms.append(term)
    return terms


@pytest.mark.parametrize("page", CHAPTER_PAGES)
def test_korean_pages_link_the_same_terms_to_the_korean_glossary(built_site, page):
    """A Korean page links each term's first 한국어(English) to ko/glossary/,
    as its English twin links term (한국어): the same terms on both."""
    english = glossary_links(built_site, page, "")
    korean = glossary_links(built_site, page, "ko")
    assert len(korean) == len(set(korean)), "one link per term"
    only_en = sorted(set(english) - set(korean))
    only_ko = sorted(set(korean) - set(english))
    assert (only_en, only_ko) == ([], []), (
        f"{page}: {len(korean)} glossary links, English {len(english)}; "
        f"not linked on the Korean page: {only_en}; linked only there: {only_ko}"
    )


def test_long_file_names_in_inline_code_break_at_slash_and_underscore(built_site):
    html = (built_site / "ch3" / "index.html").read_text()
    names = re.findall(r"<code>([^<]*(?:<wbr>[^<]*)+)</code>", html)
    assert any("/<wbr>" in n for n in names) or any("_<wbr>" in n for n in names)


def test_the_math_font_is_shipped_but_not_committed(built_site):
    assert (built_site / "assets" / "fonts" / "DejaVuSerif.ttf").is_file()
    assert not list((ROOT / "docs").rglob("*.ttf"))


def test_equations_the_text_refers_back_to_are_numbered(built_site):
    html = (built_site / "ch4" / "losses" / "index.html").read_text()
    for number in ("4.1", "4.2", "4.3"):
        assert f'id="eq-{number}"' in html
        assert f'<span class="dlfs-equation-number">({number})</span>' in html
    assert 'href="#eq-4.2"' in html and 'href="#eq-4.3"' in html


def test_text_refers_to_figures_by_number(built_site):
    html = (built_site / "ch4" / "gradient" / "index.html").read_text()
    number = figure_numbers_in_reading_order()["ch4_tangent"]
    assert (
        f'<a class="dlfs-figure-ref" href="#figure-ch4_tangent">Figure {number}</a>'
        in html
    )
    assert f'<span class="dlfs-figure__number">Figure {number}:</span>' in html
    html = (built_site / "ch3" / "network" / "index.html").read_text()
    assert '<a class="dlfs-figure-ref" href="#figure-ch3_network">Figure 3.' in html
    assert 'href="fig:' not in html
