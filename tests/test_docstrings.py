"""Every public function of the library has a docstring with an example (run as a doctest)."""

import importlib
import inspect
import pkgutil

import pytest

import exportrow

MODULES = sorted(m.name for m in pkgutil.walk_packages(exportrow.__path__, "exportrow."))


def public_functions():
    for name in MODULES:
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", []):
            obj = getattr(module, attr)
            if inspect.isfunction(obj) and obj.__module__ == name:
                yield f"{name}.{attr}", obj


@pytest.mark.parametrize("qualname, func", list(public_functions()), ids=lambda x: x if isinstance(x, str) else "")
def test_public_function_has_an_example(qualname, func):
    doc = inspect.getdoc(func) or ""
    assert doc, f"{qualname} has no docstring"
    assert ">>>" in doc, f"{qualname}: add an Example section that runs as a doctest"


def test_every_module_declares_its_public_names():
    for name in MODULES:
        assert hasattr(importlib.import_module(name), "__all__"), name
