"""Keep notebooks clean and current: strip volatile metadata, re-execute committed notebooks.

    python -m exportrow.nbtools refresh notebooks/*.ipynb    # re-run and store outputs
    python -m exportrow.nbtools check notebooks/*.ipynb      # fail on unclean metadata

Committed notebooks carry their outputs (they read as teaching material on any code host)
but no timing, no papermill record, no absolute paths and one kernelspec.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

__all__ = ["clean_notebook", "metadata_problems", "refresh", "KERNELSPEC"]

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
_CELL_KEEP = ("tags", "jupyter")


def clean_notebook(nb: dict) -> dict:
    """Strip what varies between runs or machines; keep tags and the one kernelspec.

    Example:
        >>> nb = {"metadata": {"papermill": {"duration": 1.0}, "kernelspec": {"name": "x"}},
        ...       "cells": [{"cell_type": "code", "metadata": {"execution": {}, "tags": ["parameters"]},
        ...                  "execution_count": 3, "outputs": [], "source": ""}]}
        >>> c = clean_notebook(nb)
        >>> c["metadata"]["kernelspec"]["name"], c["cells"][0]["metadata"], "papermill" in c["metadata"]
        ('python3', {'tags': ['parameters']}, False)
    """
    nb = json.loads(json.dumps(nb))
    nb["metadata"] = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    count = 0
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {})
        cell["metadata"] = {k: meta[k] for k in _CELL_KEEP if meta.get(k)}
        if cell.get("cell_type") == "code":
            count += 1
            cell["execution_count"] = count
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = count
                if out.get("output_type") == "stream" and out.get("name") == "stderr":
                    out["text"] = "".join(out.get("text", ""))
            cell["outputs"] = _merge_streams([o for o in cell.get("outputs", [])
                                              if not (o.get("output_type") == "stream" and o.get("name") == "stderr")])
    return nb


def _merge_streams(outputs: list[dict]) -> list[dict]:
    r"""One output for each run of printed text: how a cell's printing is cut into stream messages depends on when
    the kernel flushed, so two runs of the same cell could store one output or two (as Jupyter shows them: one).

    Example:
        >>> _merge_streams([{"output_type": "stream", "name": "stdout", "text": "a\n"},
        ...                 {"output_type": "stream", "name": "stdout", "text": ["b", "\n"]}])
        [{'output_type': 'stream', 'name': 'stdout', 'text': 'a\nb\n'}]
    """
    merged: list[dict] = []
    for out in outputs:
        if out.get("output_type") == "stream":
            out = dict(out, text="".join(out.get("text", "")))
            last = merged[-1] if merged else None
            if last is not None and last.get("output_type") == "stream" and last.get("name") == out.get("name"):
                merged[-1] = dict(last, text=last["text"] + out["text"])
                continue
        merged.append(out)
    return merged


def metadata_problems(nb: dict) -> list[str]:
    """Why a committed notebook's metadata is not clean ([] when it is).

    Example:
        >>> metadata_problems({"metadata": {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}},
        ...                    "cells": [{"cell_type": "code", "metadata": {"execution": {"x": 1}}}]})
        ['cell 0: metadata keys execution']
    """
    problems = []
    meta = nb.get("metadata", {})
    extra = sorted(set(meta) - {"kernelspec", "language_info"})
    if extra:
        problems.append(f"notebook metadata keys {', '.join(extra)}")
    if meta.get("kernelspec") != KERNELSPEC:
        problems.append("kernelspec is not the one python3 kernelspec")
    for i, cell in enumerate(nb.get("cells", [])):
        extra = sorted(set(cell.get("metadata", {})) - set(_CELL_KEEP))
        if extra:
            problems.append(f"cell {i}: metadata keys {', '.join(extra)}")
    text = json.dumps(nb)
    from exportrow.paths import PROJECT_ROOT

    for marker in ("/home/", "/root/", "/Users/", "/tmp/", "C:\\\\Users", str(Path.home()), str(PROJECT_ROOT)):
        if marker in text:
            problems.append(f"an absolute path or user name ({marker}) appears in the notebook")
    return problems


def refresh(path: str | Path, timeout: int = 300) -> Path:
    """Execute a notebook in place (in its own folder) and store clean outputs.

    Outputs the notebook writes go to a temporary folder, not into ``reports/``.

    Example:
        >>> import nbformat
        >>> p = Path(tempfile.mkdtemp()) / "tiny.ipynb"
        >>> nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("6 * 7")]), p)
        >>> nb = json.loads(refresh(p).read_text())
        >>> nb["cells"][0]["outputs"][0]["data"]["text/plain"], metadata_problems(nb)
        ('42', [])
    """
    import shutil

    import nbformat

    from exportrow.kernels import ReportClient, socket_dir

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as tmp:
        old = os.environ.get("EXPORTROW_OUTPUT_ROOT")
        os.environ["EXPORTROW_OUTPUT_ROOT"] = tmp
        sockets = socket_dir()  # Unix sockets, as in the report: no TCP port another kernel can take first
        try:
            ReportClient(nb, connection_file=Path(tmp) / "kernel.json", sockets=sockets / "k" if sockets else None,
                         timeout=timeout, kernel_name="python3",
                         resources={"metadata": {"path": str(path.parent)}}).execute()
        finally:
            if sockets:
                shutil.rmtree(sockets, ignore_errors=True)
            if old is None:
                os.environ.pop("EXPORTROW_OUTPUT_ROOT", None)
            else:
                os.environ["EXPORTROW_OUTPUT_ROOT"] = old
    cleaned = clean_notebook(nb)
    from exportrow.export import write_atomic

    write_atomic(path, json.dumps(cleaned, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m exportrow.nbtools refresh|check NOTEBOOK...``"""
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) < 2 or argv[0] not in ("refresh", "check"):
        print(__doc__)
        return 2
    status = 0
    for name in argv[1:]:
        if argv[0] == "refresh":
            print(f"refreshing {name}", flush=True)
            refresh(name)
        else:
            problems = metadata_problems(json.loads(Path(name).read_text(encoding="utf-8")))
            for p in problems:
                print(f"{name}: {p}")
            status |= bool(problems)
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
