"""`claimex review`: turn predictions into gold, one decision at a time.

* :mod:`.log`: the append-only review log (durable appends, replay, undo);
* :mod:`.session`: a set of outputs + their sources + one reviewer's log (or an
  adjudication of two reviewers' logs);
* :mod:`.clean`: records from the browser rebuilt and checked field by field;
* :mod:`.server`: the local web app (Bottle, 127.0.0.1 only);
* :mod:`.export`: reviewed records as gold JSONL files;
* :mod:`.agreement`: two reviewers' logs compared (Cohen's kappa).
"""

from .agreement import agreement, cohen_kappa, format_table
from .export import export_folder, export_gold
from .log import ReviewLog, default_log_path, legacy_log_path, read_log
from .session import ReviewSession, clean_record

__all__ = [
    "ReviewLog",
    "ReviewSession",
    "agreement",
    "clean_record",
    "cohen_kappa",
    "default_log_path",
    "export_folder",
    "export_gold",
    "legacy_log_path",
    "format_table",
    "read_log",
]
