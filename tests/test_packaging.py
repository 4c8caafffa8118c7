"""The set-up contract: pins, environment.yml in step with pyproject.toml, light import, README."""

import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from exportrow import dictionary, paths

ROOT = paths.PROJECT_ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!~ \[;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def pyproject_names() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = {_name(r) for r in project["dependencies"]}
    for extra in project["optional-dependencies"].values():
        names |= {_name(r) for r in extra}
    return names


def test_environment_yml_installs_the_tested_pins():
    """conda and Binder get exactly what the tests run with: the tested Python and the pins, with every extra."""
    text = (ROOT / "environment.yml").read_text()
    env = yaml.safe_load(text)
    assert env["channels"] == ["conda-forge"]
    python = f"python={sys.version_info.major}.{sys.version_info.minor}"
    assert f"  - {python}\n" in text, f"environment.yml must pin {python}, the Python the tests run on"  # Binder form
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    assert conda == [python, "pip"], "every other package comes from the pins, through pip"
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert pip_section[0] == "-c requirements/constraints.txt" and len(pip_section) == 2
    assert re.fullmatch(r"-e \.\[([\w,-]+)\]", pip_section[1]), pip_section[1]
    assert set(pip_section[1][5:-1].split(",")) == _extras()
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires == f">={sys.version_info.major}.{sys.version_info.minor}"


def _extras() -> set[str]:
    return set(tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"])


def test_dev_py_installs_every_extra():
    found = re.search(r'"-e", "\.\[([\w,-]+)\]"', (ROOT / "dev.py").read_text())
    assert found and set(found.group(1).split(",")) == _extras()


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[_name(name)] = version
    return pins


def test_the_pins_are_what_the_tests_run_with():
    """Every package installed here is pinned at the version installed: the pins are a complete, tested lock."""
    from importlib.metadata import distributions

    installed = {_name(d.metadata["Name"]): d.version for d in distributions()}
    for tool in ("exportrow", "pip", "setuptools", "wheel"):
        installed.pop(tool, None)
    pins = _pins()
    drift = {n: (v, pins.get(n)) for n, v in installed.items() if pins.get(n) != v}
    assert not drift, f"installed (version, pinned) differ; run python3 dev.py lock: {drift}"
    assert not set(pins) - set(installed), f"pinned but not installed: {sorted(set(pins) - set(installed))}"


def test_every_dependency_is_pinned():
    pins = _pins()
    for name in pyproject_names():
        assert pins.get(name), f"{name} has no exact pin in requirements/constraints.txt"


def test_import_is_light():
    code = ("import sys, exportrow; heavy = [m for m in ('matplotlib', 'papermill', 'nbconvert', 'nbformat',"
            " 'jupyter_client') if m in sys.modules]; print(heavy)")
    assert subprocess.check_output([sys.executable, "-c", code], text=True).strip() == "[]"


def test_the_command_line_parser_imports_no_pandas():
    """`exportrow --help` and every command's start: the parser is built without pandas, numpy or Jupyter (the agree
    command imports exportrow.agreement only when it runs): --help went from 1.3 s to 0.4 s."""
    code = ("import sys; from exportrow.cli import build_parser; p = build_parser(); heavy = [m for m in ('pandas', "
            "'numpy', 'matplotlib', 'papermill', 'nbclient', 'nbconvert', 'jupyter_client') if m in sys.modules]; "
            "print(heavy, sorted(p._subparsers._group_actions[0].choices))")
    out = subprocess.check_output([sys.executable, "-c", code], text=True).strip()
    assert out.startswith("[] [") and "'agree'" in out and "'report'" in out


def test_ci_runs_the_readme_test_command():
    quickstart = (ROOT / "README.md").read_text().split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"^(python3 dev\.py \w+)\s+#", quickstart, flags=re.M)
    assert commands == ["python3 dev.py report", "python3 dev.py test"]
    ci = [ln for ln in (ROOT / ".ci" / "run").read_text().splitlines() if ln and not ln.startswith("#")]
    assert ci[-1] == "exec python3 dev.py test"


def test_readme_data_dictionary_is_current():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("-->\n", 1)[1].split("<!-- dictionary:end -->")[0] if "dictionary:start" in readme else ""
    assert block == dictionary.markdown(), "regenerate the README dictionary from exportrow/dictionary.py"


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md", "docs/teaching.md", "docs/annotating.md",
                                 "docs/glossary.md", "docs/references.md"])
def test_every_path_the_docs_name_exists(doc):
    readme = (ROOT / doc).read_text()
    named = set(re.findall(r"`((?:[\w.-]+/)+[\w.-]*|[\w-]+\.(?:md|yml|yaml|toml|txt|py|ipynb|cfg|cff)|LICENSE)`",
                           readme))
    # made by commands or by you
    generated = ("reports/", ".venv", "test-artifacts/", "build/", "my-article", "notebooks/outputs/")
    named = {n for n in named if not n.startswith(generated) and "<" not in n and (n[0].islower() or n[0] == ".")}
    missing = sorted(n for n in named if not (ROOT / n).exists() and not (ROOT / "notebooks" / n).exists())
    assert not missing, f"README names files that do not exist: {missing}"
    assert len(named) >= (3 if doc == "README.md" else 1)
