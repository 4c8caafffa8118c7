"""exportrow: a news article's figures, claims and dated events as tidy, traced tables.

Every row points at the exact words of the source it comes from. Plotting, the report
runner and the command line live in submodules that load matplotlib or papermill only
when they are used; the tables need pandas and PyYAML alone, loaded when first used.

Example:
    >>> import exportrow
    >>> art = exportrow.load_article()
    >>> int(exportrow.figures(art).set_index("figure_id").loc["cases_total", "value"])
    156
"""

__version__ = "0.1.0"

#: Each public name and the module it is loaded from when first used (PEP 562): ``import exportrow`` loads nothing
#: heavy, so the ``exportrow`` command installs its Ctrl-C and SIGTERM handling before pandas loads.
_EXPORTS = {"AnnotationError": "annotations", "load_annotation": "annotations", "Article": "article",
            "ArticleFormatError": "article", "load_article": "article", "DateResolutionError": "dates",
            "find_date_expressions": "dates", "resolve_date": "dates", "actors": "tables", "all_tables": "tables",
            "claims": "tables", "context_events": "tables", "events": "tables", "figures": "tables",
            "show_article": "view"}

__all__ = ["Article", "ArticleFormatError", "AnnotationError", "DateResolutionError",
           "actors", "all_tables", "claims", "context_events", "events", "figures",
           "find_date_expressions", "load_annotation", "load_article", "resolve_date",
           "__version__"]
__all__ += ["show_article"]


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'exportrow' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"exportrow.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
