"""The Excel diagnostic report (openpyxl).  Import ``roam.report.workbook.export_report``."""
