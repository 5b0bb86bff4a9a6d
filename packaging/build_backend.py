"""setuptools' own backend, loaded from packaging/ so that build_hooks is importable during the build."""

from setuptools.build_meta import (  # noqa: F401 - the PEP 517/660 hooks pip calls
    build_editable,
    build_sdist,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)
