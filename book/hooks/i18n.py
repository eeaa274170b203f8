"""MkDocs hook for the Korean edition: what mkdocs-static-i18n leaves undone.

The edition (``docs/X.ko.md`` served under ``/ko/``) is mkdocs-static-i18n's
work; this hook mends where it meets Material and mkdocs-jupyter.

* No sitemap requests per page.  The plugin points Material's language links
  at the same page in the other language, which is what the switcher needs.
  Material also copies them into ``<link rel="alternate" hreflang>`` in the
  head, and its script fetches ``sitemap.xml`` next to each of those links,
  expecting a language's root: next to a page there is none, so every page
  logged two 404s in the console.  The head links are dropped.
* Relative switcher links.  On the two home pages the plugin writes the
  switcher's links from the server root (``/``, ``/ko/``), which breaks a copy
  of the site served from a sub-folder; they become relative like all others.
* Notebooks stay notebooks in both editions (:func:`on_files`), their
  switcher leads to the same notebook in the other language, and a Korean
  notebook's headings get ids (:func:`_unicode_heading_ids`).
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')
_ROOT_SWITCH = re.compile(
    r'href="/(?P<path>[^"]*)"(?= hreflang="\w+" class="md-select__link")'
)
_SWITCH = re.compile(r'href="[^"]*" (hreflang="(\w+)" class="md-select__link")')


def _unicode_heading_ids() -> None:
    """Give Korean notebook headings ids, the same in the page and its TOC.

    mkdocs-jupyter slugs headings to ASCII, twice: once for the ids in the
    page (``convert.slugify``) and once, through Python-Markdown, for the
    table of contents.  A Korean heading loses every letter, so the page's
    ids come out empty and the TOC's as ``_1``, ``_2``: links to nowhere.
    Both now keep Unicode letters; ASCII headings get the same ids as before.
    """
    import markdown
    import mkdocs_jupyter.convert
    import mkdocs_jupyter.plugin
    from markdown.extensions.toc import TocExtension, slugify_unicode

    def toc_tokens(source: str, toc_depth: int) -> list[dict[str, Any]]:
        extension = TocExtension(toc_depth=toc_depth, slugify=slugify_unicode)
        md = markdown.Markdown(extensions=[extension])
        md.convert(source)
        return md.toc_tokens

    mkdocs_jupyter.convert.slugify = lambda value: slugify_unicode(value, "-")
    mkdocs_jupyter.plugin._get_markdown_toc = toc_tokens


# At import, not in an event: the patch changes mkdocs-jupyter's module for the
# whole process, and MkDocs imports a hook once per process, while on_config
# runs once per language and again on every `mkdocs serve` rebuild.  It is
# idempotent anyway: it replaces the two functions without wrapping them, so
# running it again changes nothing.
_unicode_heading_ids()


@event_priority(-200)  # after mkdocs-static-i18n's on_files (-100)
def on_files(files: Any, config: Any, **kwargs: Any) -> Any:
    """Keep the notebooks notebooks in both editions.

    mkdocs-static-i18n rebuilds every file for each language (it decides
    where ``chN.ko.py`` goes: ``ko/notebooks/chN/``), and so drops the wrapper
    that makes mkdocs-jupyter render a ``.py`` as a notebook page.  Wrap them
    again, keeping the i18n plugin's destination.
    """
    from mkdocs_jupyter.plugin import NotebookFile

    plugin = config.plugins["mkdocs-jupyter"]
    for file in list(files):
        if isinstance(file, NotebookFile) or not plugin.should_include(file):
            continue
        notebook = NotebookFile(file, **config)
        notebook.dest_path, notebook.abs_dest_path = file.dest_path, file.abs_dest_path
        notebook.url = file.url
        files.remove(file)
        files.append(notebook)
    return files


def _switch_to_same_notebook(output: str, page: Any) -> str:
    """Point the language switcher of a notebook page at the same notebook.

    mkdocs-static-i18n finds a page's twin through the file objects, which for
    notebooks are mkdocs-jupyter's wrappers (:func:`on_files`), and left the
    switcher of a Korean notebook page pointing at the home page.
    """
    english = page.url.removeprefix("ko/")

    def link(match: re.Match[str]) -> str:
        lang = match.group(2)
        target = english if lang == "en" else f"{lang}/{english}"
        return f'href="{get_relative_url(target, page.url)}" {match.group(1)}'

    return _SWITCH.sub(link, output)


def _relative(match: re.Match[str], page: Any) -> str:
    url = get_relative_url(match.group("path"), page.url)
    return f'href="{url if url.endswith("/") else url + "/"}"'


def on_post_page(output: str, page: Any, **kwargs: Any) -> str:
    from mkdocs_jupyter.plugin import NotebookFile

    if isinstance(page.file, NotebookFile):
        output = _switch_to_same_notebook(output, page)
    output = _ROOT_SWITCH.sub(lambda m: _relative(m, page), output)
    head_end = output.find("</head>")
    if head_end == -1:
        return output
    return _HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:]
