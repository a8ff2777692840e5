"""Every workbook roam writes or reads (openpyxl): report, template, compare, overview."""
