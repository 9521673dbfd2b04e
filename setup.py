"""Setuptools hook (everything else is in pyproject.toml): the wheel carries the example workshop.

`examples/atelier-2021-03-16.atelier` stays where `examples/build_example.py` writes it and where
the README and the tests name it; an installed Atelier (wheel, pipx, a packager) has no source
tree beside it, so the build copies the file into the package data, as
`atelier/resources/examples/`, where `atelier.paths.bundled_example()` looks first.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

EXAMPLE = Path("examples") / "atelier-2021-03-16.atelier"


class BuildWithExample(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads examples/ in the source tree
            return
        if not EXAMPLE.is_file():
            raise SystemExit(f"{EXAMPLE} is missing: run examples/build_example.py")
        target = Path(self.build_lib) / "atelier" / "resources" / "examples"
        self.mkpath(str(target))
        self.copy_file(str(EXAMPLE), str(target / EXAMPLE.name))


setup(cmdclass={"build_py": BuildWithExample})
