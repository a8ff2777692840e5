"""Pre-filling numeric indicators from open statistical data (World Bank WDI, tidy CSVs).

:mod:`roam.opendata.reading` reads the files people download, offline;
:mod:`roam.opendata.prefill` chooses a year per indicator and fills the answers
without ever overwriting the team's own.
"""
