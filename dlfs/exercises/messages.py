"""Every word the checker says, in English and Korean: one catalogue.

The catalogue is the TOML files in ``text/``, one for the report and the
command (``common.toml``) and one per chapter.  Each entry is a table with
the text in both languages, ``en`` and ``ko``, and for a hint a second tier,
``fix.en`` and ``fix.ko``: the first tier says what the learner's code did
wrong, the second (``--hint 2``) how to fix it.  An entry's key is the file's
name, then the table's dotted name: ``[softmax.overflow]`` in ``ch3.toml`` is
``ch3.softmax.overflow``.  Texts are :meth:`str.format` templates.

The checks and the report know only :class:`Message` (a key and its values);
the words are chosen when a report is written, in the reader's language.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("en", "ko")
TEXT = Path(__file__).resolve().parent / "text"


@dataclass(frozen=True)
class Message:
    """A text of the catalogue by its ``key``, with the ``values`` it shows;
    ``fix`` names another entry whose text is the second tier."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)
    fix: str | None = None

    def to_json(self) -> dict:
        values = {
            k: v.to_json() if isinstance(v, Message) else v
            for k, v in self.values.items()
        }
        return {"key": self.key, "values": values, "fix": self.fix}

    @classmethod
    def from_json(cls, record: dict) -> Message:
        values = {
            k: cls.from_json(v) if isinstance(v, dict) else v
            for k, v in record["values"].items()
        }
        return cls(record["key"], values, record.get("fix"))


def _entries(table: dict, prefix: str) -> Iterator[tuple[str, dict]]:
    for name, value in table.items():
        if isinstance(value, dict):
            key = f"{prefix}.{name}"
            yield from [(key, value)] if "en" in value else _entries(value, key)


@cache
def catalogue() -> dict[str, dict]:
    """Every entry by its key."""
    entries: dict[str, dict] = {}
    for path in sorted(TEXT.glob("*.toml")):
        with path.open("rb") as file:
            entries.update(_entries(tomllib.load(file), path.stem))
    return entries


def has(key: str) -> bool:
    return key in catalogue()


def say(message: Message | str, lang: str = "en", tiers: int = 1) -> str:
    """The text of ``message`` in ``lang``: its first tier, and with
    ``tiers=2`` the second after it."""
    if isinstance(message, str):
        message = Message(message)
    text = catalogue()[message.key][lang].format(**_values(message, lang))
    fix = say_fix(message, lang) if tiers >= 2 else None
    return f"{text} {fix}" if fix else text


def say_fix(message: Message, lang: str = "en") -> str | None:
    """The second tier of ``message`` in ``lang`` (how to fix it), if it has one."""
    entry = catalogue()[message.key]
    fix = catalogue()[message.fix] if message.fix else entry.get("fix")
    return fix[lang].format(**_values(message, lang)) if fix else None


def _values(message: Message, lang: str) -> dict[str, Any]:
    """The values of ``message``, a message among them said in ``lang``."""
    return {
        k: say(v, lang) if isinstance(v, Message) else v
        for k, v in message.values.items()
    }


def language(requested: str | None = None) -> str:
    """``requested``, or else the locale's language when it is one of ours
    (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG``, as gettext reads
    them), or else English."""
    if requested is not None:
        return requested
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"
