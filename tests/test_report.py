"""The terminal's account of problems: a tally of errors (and of warnings, when there are some)."""

from __future__ import annotations

from kbgen.errors import Problem
from kbgen.report import failure_lines, tally


def test_tally_counts_errors_and_only_mentions_warnings_when_there_are_some():
    error, warning = Problem("a.md", 3, "bad date"), Problem("b.md", None, "odd field", severity="warning")
    assert tally([error, error]) == "2 error(s)"
    assert tally([error, warning, warning]) == "1 error(s), 2 warning(s)"
    assert tally([]) == "0 error(s)"


def test_failure_lines_end_with_the_tally_and_what_it_means():
    error = Problem("a.md", 3, "bad date", "write 2024-10-15")
    assert failure_lines([error], "the site was not written") == [
        "a.md:3: error: bad date; write 2024-10-15",
        "1 error(s); the site was not written.",
    ]
    assert failure_lines([error]) == ["a.md:3: error: bad date; write 2024-10-15", "1 error(s)."]
