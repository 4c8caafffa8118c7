"""Where the package finds its data: resolved from the package, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PROJECT_ROOT", "DATA", "default_article", "default_annotation", "output_dir"]

#: The checkout (or editable install) that holds ``exportrow/`` and ``data/``.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA = PROJECT_ROOT / "data"
SEED_NAME = "nikkei-asian-review-2019-07-12-south-korea-japan-row-export-details"


def default_article() -> Path:
    """The bundled article.

    Example:
        >>> default_article().name
        'nikkei-asian-review-2019-07-12-south-korea-japan-row-export-details.txt'
    """
    return DATA / "raw" / f"{SEED_NAME}.txt"


def default_annotation() -> Path:
    """The bundled article's annotation file.

    Example:
        >>> default_annotation().relative_to(DATA).as_posix()
        'annotations/nikkei-asian-review-2019-07-12-south-korea-japan-row-export-details.yaml'
    """
    return DATA / "annotations" / f"{SEED_NAME}.yaml"


def context_dir() -> Path:
    """Folder of the optional context layer (events from outside the article).

    Example:
        >>> context_dir().name
        'context'
    """
    return DATA / "context"


def output_dir(value: str, name: str) -> Path:
    """Resolve a notebook's ``output_dir`` parameter, check it and create the folder
    (:func:`exportrow.outdir.check_notebook_folder`: never a project folder or one another command owns).

    ``""`` means ``reports/<name>`` in the project, or under ``$EXPORTROW_OUTPUT_ROOT``
    when that is set (the tests use it). A relative path is taken from the working
    directory, as any path a user types.

    Example:
        >>> import tempfile
        >>> d = tempfile.mkdtemp()
        >>> output_dir(d, "01-enforcement-statistics") == Path(d)
        True
    """
    from exportrow.outdir import check_notebook_folder

    if value:
        out = Path(value)
    else:
        root = os.environ.get("EXPORTROW_OUTPUT_ROOT")
        out = (Path(root) if root else PROJECT_ROOT / "reports") / name
    return check_notebook_folder(out)  # created if new; refused if it is not a folder a notebook may write into
