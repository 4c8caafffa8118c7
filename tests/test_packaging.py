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


def test_environment_yml_matches_pyproject():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    assert "python=3.11" in env["dependencies"]
    assert "  - python=3.11\n" in (ROOT / "environment.yml").read_text()  # Binder reads only this form
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)} - {"python", "pip"}
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section
    assert conda == pyproject_names(), f"drift: {sorted(conda ^ pyproject_names())}"


def test_every_dependency_is_pinned():
    pins = {}
    for line in (ROOT / "requirements" / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[_name(name)] = version
    for name in pyproject_names():
        assert pins.get(name), f"{name} has no exact pin in requirements/constraints.txt"


def test_import_is_light():
    code = ("import sys, exportrow; heavy = [m for m in ('matplotlib', 'papermill', 'nbconvert', 'nbformat',"
            " 'jupyter_client') if m in sys.modules]; print(heavy)")
    assert subprocess.check_output([sys.executable, "-c", code], text=True).strip() == "[]"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    commands = re.findall(r"^(python3 dev\.py \w+)\s+#", readme, flags=re.M)
    assert commands == ["python3 dev.py report", "python3 dev.py test"]
    ci = [ln for ln in (ROOT / ".ci" / "run").read_text().splitlines() if ln and not ln.startswith("#")]
    assert ci[-1] == "exec python3 dev.py test"


def test_readme_data_dictionary_is_current():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("-->\n", 1)[1].split("<!-- dictionary:end -->")[0] if "dictionary:start" in readme else ""
    assert block == dictionary.markdown(), "regenerate the README dictionary from exportrow/dictionary.py"


@pytest.mark.parametrize("doc", ["README.md", "CONTRIBUTING.md", "docs/teaching.md", "docs/annotating.md"])
def test_every_path_the_docs_name_exists(doc):
    readme = (ROOT / doc).read_text()
    named = set(re.findall(r"`((?:[\w.-]+/)+[\w.-]*|[\w-]+\.(?:md|yml|yaml|toml|txt|py|ipynb|cfg|cff)|LICENSE)`",
                           readme))
    generated = ("reports/", ".venv", "test-artifacts/")  # made by the commands, not committed
    named = {n for n in named if not n.startswith(generated) and "<" not in n and (n[0].islower() or n[0] == ".")}
    missing = sorted(n for n in named if not (ROOT / n).exists() and not (ROOT / "notebooks" / n).exists())
    assert not missing, f"README names files that do not exist: {missing}"
    assert len(named) >= 3
