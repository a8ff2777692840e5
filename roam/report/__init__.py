"""The Excel diagnostic report (openpyxl).  Import ``roam.report.workbook.export_report``.

This package file imports nothing, so ``roam.report.provenance`` (the answer
hashes, which need no openpyxl) stays cheap to import.
"""
