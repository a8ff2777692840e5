"""Bringing work done in spreadsheets back into an assessment.

The domain side of the Excel round trips: a liaison's review decisions and a
stakeholder's filled template arrive here as plain cell data (read by
:mod:`roam.workbooks.liaison_review` and :mod:`roam.workbooks.filled_template_reader`)
and are checked and applied to an :class:`~roam.assessment.model.Assessment`.
Nothing here imports openpyxl.
"""
