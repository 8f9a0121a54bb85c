"""The shape docs/architecture.md describes, kept: small modules and functions, the project's
layout named in kbgen/project.py only, and processes and threads started in kbgen/parallel.py only."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "kbgen"
MODULES = sorted(PACKAGE.rglob("*.py"))
LAYOUT_NAMES = re.compile(
    r"""["'](?:seeds|content|_site|theme|site_templates|\.kbgen|kbgen\.yml|entities\.yml)/?["']"""
)


def test_no_module_over_400_lines_and_no_function_over_60():
    too_long = []
    for path in MODULES:
        text = path.read_text("utf-8")
        if text.count("\n") > 400:
            too_long.append(f"{path.relative_to(PACKAGE)}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno - node.lineno >= 60:
                too_long.append(f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}")
    assert too_long == []


def lines_matching(pattern: re.Pattern, outside: str) -> list[str]:
    """Every line of kbgen's modules but `outside` that `pattern` finds something in."""
    return [
        f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}"
        for path in MODULES
        if path.name != outside
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if pattern.search(line)
    ]


def test_only_the_project_module_names_the_layout():
    assert lines_matching(LAYOUT_NAMES, "project.py") == []


def test_only_the_parallel_module_starts_processes_and_threads():
    starts = re.compile(
        r"\b(?:ProcessPoolExecutor|ThreadPoolExecutor|threading\.Thread|multiprocessing\.Process|os\.fork)\b"
    )
    assert lines_matching(starts, "parallel.py") == []
