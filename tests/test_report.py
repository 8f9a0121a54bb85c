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


def test_a_build_that_left_files_out_says_so_last(tmp_path, capsys):
    from kbgen.build import BuildSummary
    from kbgen.ingest import IngestReport
    from kbgen.report import build_done, rebuilt

    problems = [
        Problem("seeds/a.md", 3, "bad date; skipped", "write 2024-10-15"),
        Problem("content/articles/b.md", 2, "bad title; skipped", "write a title"),
        Problem("content/articles/b.md", 4, "bad lang; skipped", "write fr"),
        Problem("content/articles/c.md", 3, "unknown field 'titel'", "did you mean 'title'?", "warning"),
    ]
    summary = BuildSummary(tmp_path / "_site", 3, 2, 9, 1.0, IngestReport(), problems, {"read": 0.5})
    assert summary.skipped == ["content/articles/b.md", "seeds/a.md"]
    build_done(summary)
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        *map(str, problems),
        "3 error(s), 1 warning(s); 2 file(s) skipped, the site was built without them: "
        "see the errors above (kbgen check lists them).",
    ]
    rebuilt("content/articles/b.md", 0.5, summary)
    out, err = capsys.readouterr()
    assert "(3 article(s), 2 entities, 9 pages, 2 file(s) skipped for their errors)" in out
    assert err.splitlines() == list(map(str, problems))  # every warning too


def test_a_good_build_says_nothing_of_skipped_files(tmp_path, capsys):
    from kbgen.build import BuildSummary
    from kbgen.ingest import IngestReport
    from kbgen.report import build_done

    warning = Problem("content/articles/c.md", 3, "unknown field 'titel'", "did you mean 'title'?", "warning")
    build_done(BuildSummary(tmp_path / "_site", 3, 2, 9, 1.0, IngestReport(), [warning], {}))
    out, err = capsys.readouterr()
    assert err.splitlines() == [str(warning)] and "skipped" not in out
