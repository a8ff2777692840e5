"""The default scores of an assessment file, kept with roam's cache of validated files.

Every TUI session starts by scoring the file it opens: about 25 ms for the demo,
against under 2 ms to unpickle the report.  A report is stored under the file's
content hash, its edition's content hash and the fingerprint of roam's reading and
scoring code (see :mod:`roam.framework.validated_cache`), so a changed file, a
changed edition or a changed scoring engine is scored again.  The scores are a
pure function of those inputs, so a remembered report is the report.
"""

from __future__ import annotations

from roam.assessment.model import Assessment
from roam.framework.model import Framework
from roam.framework.validated_cache import cache_key, recall, remember
from roam.scoring.result import ScoreReport


def score_of_file(assessment: Assessment, framework: Framework, sha256: str) -> ScoreReport:
    """``score(assessment, framework)`` of an assessment read unchanged from a file.

    ``sha256`` is the hash of the file's bytes that ``assessment`` was read from;
    the caller vouches that the assessment was not changed since.
    """
    key = (
        cache_key("score", sha256, framework.content_hash)
        if sha256 and framework.content_hash
        else None
    )
    report = recall(key)
    if isinstance(report, ScoreReport):
        return report
    # Imported on a miss only: a start that finds its scores loads no scoring code.
    from roam.scoring.engine import score

    report = score(assessment, framework)
    remember(key, report)
    return report
