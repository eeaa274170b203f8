"""MkDocs hook for the Korean edition (issue 15): no sitemap requests per page.

mkdocs-static-i18n points Material's language links at the same page in the
other language, which is what the switcher needs.  Material also copies them
into ``<link rel="alternate" hreflang>`` in the head, and its script fetches
``sitemap.xml`` next to each of those links, expecting a language's root:
next to a page there is none, so every page logged two 404s in the console.
The head links are dropped; the switcher in the header is unchanged.
"""

from __future__ import annotations

import re
from typing import Any

_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">\s*')


def on_post_page(output: str, **kwargs: Any) -> str:
    head_end = output.find("</head>")
    if head_end == -1:
        return output
    return _HEAD_ALTERNATE.sub("", output[:head_end]) + output[head_end:]
