"""One module per sheet of the report workbook."""
