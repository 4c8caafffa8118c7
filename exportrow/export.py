"""Write tables as CSV with a Frictionless data package, byte for byte the same every run."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pandas as pd

from exportrow.dictionary import DICTIONARY, TABLE_DESCRIPTIONS
from exportrow.outdir import Publication, file_mode

__all__ = ["write_atomic", "table_to_csv", "formula_safe", "write_tables", "datapackage", "FORMATS"]

#: Figure formats the notebooks and the report can write.
FORMATS = ("png", "svg", "pdf")


def write_atomic(path: str | Path, data: bytes | str) -> Path:
    """Write a file so that a crash never leaves it half-written.

    The bytes go to a temporary file in the same folder, which then replaces ``path``.

    Example:
        >>> import tempfile
        >>> p = write_atomic(Path(tempfile.mkdtemp()) / "a.txt", "hello")
        >>> p.read_text()
        'hello'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, file_mode())  # as any new file under the user's umask (mkstemp makes 0600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def table_to_csv(table: pd.DataFrame) -> str:
    """A table as CSV text: ``\\n`` line ends, ISO dates, empty cells for missing values.

    Example:
        >>> t = pd.DataFrame({"a": pd.array([1, None], dtype="Int64"), "d": pd.to_datetime(["2019-07-12", None])})
        >>> print(table_to_csv(t), end="")
        a,d
        1,2019-07-12
        ,
    """
    return table.to_csv(index=False, lineterminator="\n", date_format="%Y-%m-%d")


def formula_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` in which each text cell and column name that a spreadsheet would run as a formula (it
    starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) starts with ``'``, as a worksheet's cells do.

    For tables made from coders' own files (``exportrow agree``, notebook 04): coders' names, cues and ids are
    not the article's record. The article's tables keep their text as written, and ``check`` warns instead.
    Numbers stay numbers (an alpha of -0.25 is no formula).

    Example:
        >>> t = formula_safe(pd.DataFrame({"=A1": ["=HYPERLINK(1)", "said", " @x"], "alpha": [-0.25, 1.0, 0.5]}))
        >>> t.columns.tolist(), t.iloc[:, 0].tolist(), t.alpha.tolist()
        (["'=A1", 'alpha'], ["'=HYPERLINK(1)", 'said', "' @x"], [-0.25, 1.0, 0.5])
    """
    from exportrow.annotations.formulas import starts_formula

    def safe(value):
        return "'" + value if starts_formula(value) else value

    out = table.copy()
    for i in range(out.shape[1]):
        column = out.iloc[:, i]
        if pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column):
            out.isetitem(i, pd.Series([safe(v) for v in column], index=column.index, dtype=column.dtype))
    out.columns = [safe(c) for c in out.columns]
    return out


def _field_type(dtype) -> str:
    if isinstance(dtype, pd.CategoricalDtype):
        return "string"
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return "date"
    return "string"


def datapackage(tables: dict[str, pd.DataFrame], name: str = "exportrow-tables") -> dict:
    """A Frictionless data package descriptor for ``tables`` (one CSV resource each).

    Example:
        >>> import exportrow
        >>> dp = datapackage({"figures": exportrow.figures()})
        >>> f = dp["resources"][0]["schema"]["fields"][2]
        >>> f["name"], f["type"], f["unit"]
        ('value', 'integer', 'see unit')
    """
    resources = []
    for table_name, table in tables.items():
        columns = DICTIONARY.get(table_name, {})
        fields = []
        for col in table.columns:
            meaning, unit, source = columns.get(col, ("", "", ""))
            fld = {"name": col, "type": _field_type(table[col].dtype),
                   "description": meaning, "unit": unit, "source": source}
            if isinstance(table[col].dtype, pd.CategoricalDtype):
                fld["constraints"] = {"enum": [str(c) for c in table[col].cat.categories]}
            fields.append(fld)
        desc = TABLE_DESCRIPTIONS.get(table_name, ("", ""))
        resources.append({
            "name": table_name, "path": f"{table_name}.csv", "profile": "tabular-data-resource",
            "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "description": desc[0], "sources": [{"title": f"{desc[1]}()"}] if desc[1] else [],
            "schema": {"fields": fields},
        })
    return {"profile": "tabular-data-package", "name": name, "resources": resources}


def write_tables(tables: dict[str, pd.DataFrame], out: str | Path, *,
                 name: str = "exportrow-tables") -> list[Path]:
    """Write each table as ``<name>.csv`` and a ``datapackage.json`` into ``out``, as one set.

    ``out`` must be new, empty, or a tables folder exportrow published (it carries the
    ``.exportrow.json`` marker); any other folder is refused and left alone. The files are written
    into a temporary folder beside ``out`` that then replaces it as a whole, under a lock on
    ``out``: a failure (full disk, permissions) or an interrupt leaves the previous set intact.

    Raises:
        OutputFolderError: ``out`` is refused (exit code 2); nothing was written.
        OutputWriteError: a file could not be written; the message names it and the reason.

    Example:
        >>> import exportrow, tempfile
        >>> written = write_tables(exportrow.all_tables(), tempfile.mkdtemp())
        >>> [p.name for p in written]
        ['actors.csv', 'figures.csv', 'claims.csv', 'events.csv', 'datapackage.json']
        >>> sorted(p.name for p in written[0].parent.iterdir())[0]
        '.exportrow.json'
    """
    names = [f"{k}.csv" for k in tables] + ["datapackage.json"]
    with Publication(out, "tables") as pub:
        try:
            for table, file in zip(tables.values(), names):
                write_atomic(pub.tmp / file, table_to_csv(table))
            dp = json.dumps(datapackage(tables, name), indent=2, ensure_ascii=False) + "\n"
            write_atomic(pub.tmp / "datapackage.json", dp)
            where = pub.publish()
        except OSError as exc:
            raise pub.write_error(exc, "tables") from None
    return [where / file for file in names]
