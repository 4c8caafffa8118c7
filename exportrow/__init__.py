"""exportrow: a news article's figures, claims and dated events as tidy, traced tables.

Every row points at the exact words of the source it comes from. Plotting, the report
runner and the command line live in submodules that load matplotlib or papermill only
when they are used; ``import exportrow`` itself needs pandas and PyYAML alone.

Example:
    >>> import exportrow
    >>> art = exportrow.load_article()
    >>> int(exportrow.figures(art).set_index("figure_id").loc["cases_total", "value"])
    156
"""

from exportrow.annotations import AnnotationError, load_annotation
from exportrow.article import Article, ArticleFormatError, load_article
from exportrow.dates import DateResolutionError, find_date_expressions, resolve_date
from exportrow.tables import actors, all_tables, claims, context_events, events, figures
from exportrow.view import show_article

__version__ = "0.1.0"

__all__ = ["Article", "ArticleFormatError", "AnnotationError", "DateResolutionError",
           "actors", "all_tables", "claims", "context_events", "events", "figures",
           "find_date_expressions", "load_annotation", "load_article", "resolve_date",
           "__version__"]
__all__ += ["show_article"]
