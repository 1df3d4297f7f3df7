"""claimex: grounded, checkable claims from policy commentaries.

The Python API (loaded on first use, so ``import claimex`` stays light):

* :func:`claimex.extract` -- the records of one text;
* :class:`claimex.Pipeline` -- many texts or files with one loaded model;
* the spaCy component ``nlp.add_pipe("claimex")`` (:mod:`claimex.component`).
"""

__version__ = "0.1.0"

__all__ = ["extract", "Pipeline", "Result", "__version__"]


def __getattr__(name: str):
    if name in ("extract", "Pipeline", "Result"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'claimex' has no attribute {name!r}")
