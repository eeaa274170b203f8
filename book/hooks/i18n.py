"""MkDocs hook for the Korean edition (issue 15): no sitemap requests per page.

mkdocs-static-i18n points Material's language links at the same page in the
other language, which is what the switcher needs.  Material also copies them
into ``<link rel="alternate" hreflang>`` in the head, and its script fetches
``sitemap.xml`` next to each of those links, expecting a language's root:
next to a page there is none, so every page logged two 404s in the console.
The head links are dropped.  On the two home pages the plugin writes the
switcher's links from the server root (``/``, ``/ko/``), which breaks a copy
of the site served from a sub-folder; they become relative like all others.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.utils import get_relative_url

_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')
_ROOT_SWITCH = re.compile(
    r'href="/(?P<path>[^"]*)"(?= hreflang="\w+" class="md-select__link")'
)


def _relative(match: re.Match[str], page: Any) -> str:
    url = get_relative_url(match.group("path"), page.url)
    return f'href="{url if url.endswith("/") else url + "/"}"'


def on_post_page(output: str, page: Any, **kwargs: Any) -> str:
    output = _ROOT_SWITCH.sub(lambda m: _relative(m, page), output)
    head_end = output.find("</head>")
    if head_end == -1:
        return output
    return _HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:]
