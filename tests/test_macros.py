"""book/macros.py: the values pages can take from committed logs at build time."""

from __future__ import annotations

import json

from book import LOG_DIR, macros


class FakeEnv:
    def __init__(self) -> None:
        self.variables: dict = {}
        self.conf = {"docs_dir": str(LOG_DIR.parent)}
        self.filters: dict = {}

    def filter(self, function):
        self.filters[function.__name__] = function
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
