"""Which packages the distribution holds; everything else is in pyproject.toml.

The colour themes and the sample reports stay at the top of the repository, in ``themes/`` and
``seeds/``, and are shipped as the packages ``reviewer.bundled.themes`` and
``reviewer.bundled.seeds``: a wheel carries them inside ``reviewer/bundled/``. That mapping of
one folder onto another package cannot be written in pyproject.toml next to package discovery,
hence this file. ``reviewer.bundled.bundled_folder`` finds them at run time.
"""

from setuptools import find_namespace_packages, setup

BUNDLED = {"reviewer.bundled.themes": "themes", "reviewer.bundled.seeds": "seeds"}

setup(
    # namespace packages too: data folders such as reviewer/i18n/zh have no __init__.py
    packages=find_namespace_packages(include=["reviewer*"]) + list(BUNDLED),
    package_dir=BUNDLED,
)
