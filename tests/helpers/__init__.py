"""Helpers that tests import: paths, workbook editing, sample assessments (not fixtures)."""
