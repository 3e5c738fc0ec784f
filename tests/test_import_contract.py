"""Who may import what: the core packages never import Textual or the app; the commands import
the app only to start it; and the checks CI runs are the README's.

Checked twice: by importing every module in a fresh interpreter and looking at what got loaded,
and by reading every import statement (an import inside a function is found there too)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "reviewer"
CORE = ("document", "profiles", "flags", "compare", "review", "workspace")


def _modules(folder: Path) -> list[str]:
    return sorted(".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
                  for p in folder.rglob("*.py"))


def _loaded_after_importing(modules: list[str]) -> set[str]:
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules) +
            "print('\\n'.join(sorted(sys.modules)))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    return set(done.stdout.split())


def _imports(path: Path) -> list[tuple[str, bool]]:
    """Every module ``path`` imports, and whether at module level (not inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []

    def visit(node: ast.AST, top: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Import):
                found.extend((alias.name, top) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                found.append((child.module, top))
            visit(child, top and not isinstance(child, (ast.FunctionDef,
                                                        ast.AsyncFunctionDef)))

    visit(tree, True)
    return found


def _is(module: str, *names: str) -> bool:
    return any(module == n or module.startswith(n + ".") for n in names)


def test_core_packages_load_neither_textual_nor_the_app() -> None:
    modules = [m for name in CORE for m in _modules(PACKAGE / name)] + ["reviewer.terminal"]
    loaded = _loaded_after_importing(modules)
    assert set(modules) <= loaded  # they really were imported
    assert not [m for m in loaded if _is(m, "textual", "reviewer.tui")]


@pytest.mark.parametrize("package", CORE)
def test_no_core_module_imports_textual_or_the_app_even_inside_a_function(package: str) -> None:
    for path in (PACKAGE / package).rglob("*.py"):
        wrong = [m for m, _ in _imports(path) if _is(m, "textual", "reviewer.tui")]
        assert not wrong, f"{path.relative_to(ROOT)} imports {wrong}"


def test_the_commands_load_the_app_only_to_start_it() -> None:
    commands = ["reviewer.cli", *_modules(PACKAGE / "commands")]
    loaded = _loaded_after_importing(commands)
    assert not [m for m in loaded if _is(m, "textual", "reviewer.tui")]
    for path in [PACKAGE / "cli.py", *(PACKAGE / "commands").rglob("*.py")]:
        for module, top in _imports(path):
            if _is(module, "textual", "reviewer.tui"):
                # only the app command, and only once it is going to run the app
                assert path.name == "app.py" and not top, f"{path.name} imports {module}"


def test_ci_runs_the_readme_test_command_and_the_linter() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    start = readme.index("Run the whole test suite")
    command = readme[start:].split("```sh\n", 1)[1].split("\n```", 1)[0].strip()
    assert command in ci  # verbatim, as a line of its own
    assert ".venv/bin/ruff check" in ci[ci.index(command) + 1:]
