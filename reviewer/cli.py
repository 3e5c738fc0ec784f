"""Command line: ``reviewer [PATH]`` opens the app; subcommands run headless.

Each subcommand lives in ``reviewer.commands.<name>`` and is imported only when used, so
``reviewer outline`` never pays for Textual or jieba.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys

from reviewer import __version__
from reviewer.i18n import init_from_env, set_language

COMMANDS = ("outline", "check", "compare", "export", "summary")


def _base_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reviewer",
        description="Review Chinese government annual reports / 审阅政府年度报告。\n"
        "  reviewer [PATH]            open the app on a report or a folder\n"
        "  reviewer outline FILE      metadata and outline\n"
        "  reviewer check PATH...     flags for files or folders\n"
        "  reviewer compare PRIOR CURRENT   last year's plan against this year's report\n"
        "  reviewer export REVIEW.toml...   reviews for the record\n"
        "  reviewer summary FOLDER          one record of every review in a folder",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"reviewer {__version__}")
    parser.add_argument("--lang", choices=("zh", "en"), help="interface language (default zh)")
    return parser


def _lang_from_argv(argv: list[str]) -> list[str]:
    """Accept ``--lang X`` anywhere on the command line."""
    out: list[str] = []
    it = iter(range(len(argv)))
    skip = False
    for i in it:
        if skip:
            skip = False
            continue
        a = argv[i]
        if a == "--lang" and i + 1 < len(argv):
            set_language(argv[i + 1])
            skip = True
            continue
        if a.startswith("--lang="):
            set_language(a.split("=", 1)[1])
            continue
        out.append(a)
    return out


def main(argv: list[str] | None = None) -> int:
    init_from_env()
    given = list(sys.argv[1:] if argv is None else argv)
    argv = _lang_from_argv(given)
    name = argv[0] if argv and argv[0] in COMMANDS else "app"
    parser = _base_parser()
    sub = parser.add_subparsers(dest="command")
    if name == "app":
        # Start-up allocates a great many objects and frees few: the cyclic collector would only
        # walk them again and again before the first frame. The app turns it back on once the
        # report is on screen (ReviewerApp.start_up_done).
        gc.disable()
        module = importlib.import_module("reviewer.commands.app")
        if argv and argv[0] in ("-h", "--help"):
            for cmd in COMMANDS:
                importlib.import_module(f"reviewer.commands.{cmd}").add_parser(sub)
            parser.print_help()
            return 0
        if argv and argv[0] == "--version":
            print(f"reviewer {__version__}")
            return 0
        app_parser = module.make_parser()
        # The app sees --lang too: a language chosen here outranks the one in its config file.
        args = app_parser.parse_args(given)
    else:
        module = importlib.import_module(f"reviewer.commands.{name}")
        module.add_parser(sub)
        args = parser.parse_args(argv)
    try:
        return module.run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: one line here, the traceback in the log, exit code 3
        from reviewer.commands.common import report_internal_error

        return report_internal_error(exc)


if __name__ == "__main__":
    raise SystemExit(main())
