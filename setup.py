"""Packaging details pyproject.toml cannot say: the import name ``linkwijzer`` for the ``framework/``
folder, and the app's own files (``app.py``, ``pages/``, ``sample_data/``, ``.streamlit/``) carried
inside the package so that a plain ``pip install .`` gives a working ``linkwijzer app``.
"""

import shutil
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
APP_FILES = ("app.py", "pages/**/*.py", "sample_data/*.csv", "sample_data/*.json", "sample_data/*.md",
             ".streamlit/config.toml")


class BuildWithApp(build_py):
    """Copy the app's files to ``linkwijzer/_app/`` in the build; an editable install reads them in place."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "linkwijzer" / "_app"
        for pattern in APP_FILES:
            for source in HERE.glob(pattern):
                if "__pycache__" in source.parts:
                    continue
                destination = target / source.relative_to(HERE)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, destination)


setup(
    package_dir={"linkwijzer": "framework"},
    packages=["linkwijzer", *(f"linkwijzer.{name}" for name in find_packages("framework"))],
    package_data={"linkwijzer": ["**/*.toml", "**/*.html", "**/*.md", "**/*.j2"]},
    cmdclass={"build_py": BuildWithApp},
)
