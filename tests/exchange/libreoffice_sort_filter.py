"""Sort and filter a protected category sheet in LibreOffice, as a liaison would, and save.

Run by tests/exchange/test_libreoffice_sorting.py with a Python that has LibreOffice's
``uno`` module (python3-uno): ``python3 libreoffice_sort_filter.py SOFFICE IN OUT PROFILE
SHEET DECISION_CODE``.  Prints one line of JSON: whether the sheet was protected, and
the codes in the order the sort left them.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]
from com.sun.star.sheet.FilterOperator import EQUAL  # type: ignore[import-not-found]
from com.sun.star.table import TableSortField  # type: ignore[import-not-found]

HEADER_ROW = 4  # row 5, counted from 0
STATUS_COLUMN = 2  # column C
CODE_COLUMN = 0
DECISION_COLUMN = 7  # column H
LAST_COLUMN = 9  # column J


def _property(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str) -> object:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.5)
    raise SystemExit("LibreOffice did not answer")


def main(argv: list[str]) -> None:
    soffice, source, target, profile, title, code = argv
    pipe = f"roam_sort_{Path(profile).name}"
    office = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            f"--accept=pipe,name={pipe};urp;",
        ]
    )
    context = _connect(pipe)
    desktop = context.ServiceManager.createInstanceWithContext(  # type: ignore[attr-defined]
        "com.sun.star.frame.Desktop", context
    )
    try:
        document = desktop.loadComponentFromURL(
            Path(source).resolve().as_uri(), "_blank", 0, (_property("Hidden", True),)
        )
        sheet = document.Sheets.getByName(title)
        protected = sheet.isProtected()
        last = sheet.createCursor()
        last.gotoEndOfUsedArea(False)
        end_row = last.RangeAddress.EndRow
        table = sheet.getCellRangeByPosition(0, HEADER_ROW, LAST_COLUMN, end_row)
        # Data > Sort: by status, descending, the header row kept on top.
        field = TableSortField()
        field.Field, field.IsAscending = STATUS_COLUMN, False
        table.sort(
            (
                _property("SortFields", uno.Any("[]com.sun.star.table.TableSortField", (field,))),
                _property("ContainsHeader", True),
            )
        )
        codes = [
            sheet.getCellByPosition(CODE_COLUMN, row).getString()
            for row in range(HEADER_ROW + 1, end_row + 1)
        ]
        # After the sort, the liaison decides on a row wherever it went.
        row = HEADER_ROW + 1 + codes.index(code)
        sheet.getCellByPosition(DECISION_COLUMN, row).setString("reject")
        # The autofilter's standard filter: only the rows whose status is "Answered".
        descriptor = table.createFilterDescriptor(True)
        condition = uno.createUnoStruct("com.sun.star.sheet.TableFilterField")
        condition.Field, condition.Operator, condition.IsNumeric = STATUS_COLUMN, EQUAL, False
        condition.StringValue = "Answered"
        descriptor.FilterFields = (condition,)
        descriptor.ContainsHeader = True
        table.filter(descriptor)
        hidden = [
            sheet.getCellByPosition(CODE_COLUMN, r).getString()
            for r in range(HEADER_ROW + 1, end_row + 1)
            if not sheet.getRows().getByIndex(r).IsVisible
        ]
        document.storeToURL(
            Path(target).resolve().as_uri(),
            (_property("FilterName", "Calc MS Excel 2007 XML"),),
        )
        document.close(True)
        print(json.dumps({"protected": protected, "codes": codes, "hidden": hidden}))
    finally:
        with contextlib.suppress(Exception):  # the office may be gone already
            desktop.terminate()
        office.wait(timeout=60)


if __name__ == "__main__":
    main(sys.argv[1:7])
