"""Team work on assessments: merging researchers' files, their agreement, cycles, portfolios.

Pure domain code: no Textual, no openpyxl.  The workbooks built from these
results live in :mod:`roam.workbooks`.
"""
