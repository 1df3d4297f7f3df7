"""`claimex review`: turn predictions into gold, one decision at a time.

* :mod:`.log`: the append-only review log (durable appends, replay, undo);
* :mod:`.session`: one output + its source + its log; cleans edited records;
* :mod:`.server`: the local web app (Bottle, 127.0.0.1 only);
* :mod:`.export`: reviewed records as a gold JSONL file;
* :mod:`.agreement`: two reviewers' logs compared (Cohen's kappa).
"""

from .agreement import agreement, cohen_kappa, format_table
from .export import export_gold
from .log import ReviewLog, default_log_path, read_log
from .session import ReviewSession, clean_record

__all__ = [
    "ReviewLog",
    "ReviewSession",
    "agreement",
    "clean_record",
    "cohen_kappa",
    "default_log_path",
    "export_gold",
    "format_table",
    "read_log",
]
