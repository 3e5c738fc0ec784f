"""What ships beside the code: the colour themes and the sample reports.

They are kept at the top of the repository, in ``themes/`` and ``seeds/``. ``setup.py`` maps those
folders onto the packages ``reviewer.bundled.themes`` and ``reviewer.bundled.seeds``, so a built or
installed copy carries them here, beside this file. An editable install (or running from a
checkout) has no such copy, and reads them from the top of the checkout instead.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def bundled_folder(name: str) -> Path:
    """The bundled folder ``name`` (``"themes"`` or ``"seeds"``): the installed copy if there is
    one, else the folder at the top of the checkout."""
    installed = _HERE / name
    if installed.is_dir():
        return installed
    return _HERE.parent.parent / name
