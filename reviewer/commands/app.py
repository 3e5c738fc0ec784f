"""``reviewer [PATH ...]``: open the review app on a report, or a picker on a folder.

Everything that can go wrong with the paths is found here, before the terminal is taken over, so
a bad path gets a plain message and exit code 2, never a traceback. Textual is imported only
once the app is really going to start.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reviewer.commands.common import error
from reviewer.i18n import set_language, t


def make_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reviewer", description="the review app / 审阅界面")
    p.add_argument("paths", nargs="*", metavar="PATH", help="a report, or a folder of reports")
    p.add_argument("--prior", help="last year's report, for the comparison screen (p)")
    p.add_argument("--review", help="review file (default: beside the report)")
    p.add_argument("--reviewer", help="your name, kept in the review (remembered)")
    p.add_argument("--lang", choices=("zh", "en"), help="interface language (default zh)")
    p.add_argument("--theme", help="colour theme, e.g. reviewer-light")
    return p


# Textual hands TEXTUAL_COLOR_SYSTEM to Rich, which knows only its own names and stops with a
# KeyError on any other; people write "16" or "24bit" as often as "standard" or "truecolor".
_COLOUR_SYSTEMS = {"auto": "auto", "standard": "standard", "16": "standard", "256": "256",
                   "truecolor": "truecolor", "24bit": "truecolor", "windows": "windows"}


def settle_colour_system() -> str | None:
    """Put ``TEXTUAL_COLOR_SYSTEM`` in a form Textual accepts, before Textual is imported; an
    unknown one is dropped (colours are then detected) and a problem to show is returned."""
    given = os.environ.get("TEXTUAL_COLOR_SYSTEM")
    if given is None:
        return None
    name = _COLOUR_SYSTEMS.get(given.strip().lower())
    if name is None:
        del os.environ["TEXTUAL_COLOR_SYSTEM"]
        return t("ui.unknown_colour_system", name=given, known=", ".join(_COLOUR_SYSTEMS))
    os.environ["TEXTUAL_COLOR_SYSTEM"] = name
    return None


def bundled_seeds() -> Path:
    """The sample reports: ``seeds/`` of the checkout, or its copy in an installed package."""
    from reviewer.bundled import bundled_folder

    return bundled_folder("seeds")


def _reports_in(folder: str, notes: list[str] | None = None) -> list[str]:
    """The report files of ``folder``; files that are not regular files (FIFOs, devices) are
    left out, each with a note in ``notes``."""
    from reviewer.document.files import iter_report_files

    skipped: list[tuple[str, str]] = []
    paths = iter_report_files([folder], skipped)
    if notes is not None:
        notes += [t("cli.skipped", path=path, reason=reason) for path, reason in skipped]
    return paths


def run(args: argparse.Namespace) -> int:
    from reviewer.tui.config import (
        Settings,
        config_path,
        load_config,
        name_problem,
        remember,
        user_themes_dir,
    )

    path = config_path()
    config, problems = load_config(path)
    colours = settle_colour_system()
    problems += [colours] if colours else []
    if args.lang:
        set_language(args.lang)
    elif config.language and not os.environ.get("REVIEWER_LANG"):
        set_language(config.language)
    if args.reviewer is not None and name_problem(args.reviewer):
        error(t(f"ui.bad_reviewer_{name_problem(args.reviewer)}", name=args.reviewer))
        return 2
    if args.reviewer and args.reviewer != config.reviewer:
        problem = remember(path, reviewer=args.reviewer)
        problems += [problem] if problem else []
    if len(args.paths) > 1:
        error(t("ui.one_path"))
        return 2

    target = args.paths[0] if args.paths else None
    if target is None:
        target = "." if _reports_in(".") else str(bundled_seeds())
    if not os.path.exists(target):
        error(t("ui.no_such_path", path=target))
        return 2
    if args.review and (os.path.isdir(args.review) or
                        not os.path.isdir(os.path.dirname(os.path.abspath(args.review)))):
        # every save would fail: say so now rather than keep the work only in memory
        error(t("ui.bad_review_path", path=args.review))
        return 2
    if args.review and os.path.exists(args.review):
        from reviewer.document.files import special_kind

        kind = special_kind(os.stat(args.review).st_mode)
        if kind is not None:  # a FIFO would block the review's reading, a device eat saves
            error(t("ui.review_not_regular", path=args.review, reason=kind))
            return 2

    from reviewer.document import ReportError, load_document
    from reviewer.tui.themes import bundled_themes_dir

    settings = Settings(
        # no name given nor remembered: the app asks for it once (never the login name)
        reviewer=args.reviewer or config.reviewer or "", ask_name=not (args.reviewer or config.reviewer),
        theme=args.theme or config.theme, keys=config.keys,
        theme_dirs=[bundled_themes_dir(), user_themes_dir()], config_path=path,
        problems=problems)
    session = None
    paths: list[str] = []
    if os.path.isdir(target):
        paths = _reports_in(target, settings.problems)
        if not paths:
            error(t("cli.no_reports", path=target))
            return 2
    else:
        from reviewer.profiles import ProfileError
        from reviewer.tui.session import Session

        _say_reading_long(args.prior, target)
        try:
            if args.prior:
                load_document(args.prior)
            session = Session.open(target, review_path=args.review,
                                   reviewer=settings.reviewer, prior_path=args.prior)
        except (ReportError, ProfileError) as exc:
            error(str(exc))
            return 2

    from reviewer.tui.app import ReviewerApp

    app = ReviewerApp(settings, session=session, folder=target, paths=paths)
    app.run()
    if app.crash is not None:
        from reviewer.commands.common import report_internal_error

        return report_internal_error(*app.crash)
    return app.return_code or 0


# a report this large takes a second and more to read (a text of headings, several seconds at a
# few megabytes): the terminal says so before the app can draw its first screen
READING_NOTICE = 1024 * 1024


def _say_reading_long(*paths: str | None) -> None:
    """A long report takes seconds to read before the app can show it: say so on the terminal
    meanwhile, rather than leave it blank."""
    for path in paths:
        try:
            size = os.path.getsize(path) if path else 0
        except OSError:
            continue
        if size > READING_NOTICE:
            print(t("ui.reading_long", path=path, size=f"{size / (1024 * 1024):.1f}"),
                  file=sys.stderr, flush=True)
