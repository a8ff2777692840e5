"""An editing session in its own process, for the two-editor tests.

python editor.py hold FILE CODE TEXT   edit, save, then hold the file until stdin says so
python editor.py try FILE CODE TEXT    edit and save, or print the lock message and exit 3
python editor.py loop FILE WHO N       N sessions, each editing one more indicator (WHO's share)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from roam.assessment.answer_edits import set_answer_field
from roam.assessment.editing_session import open_assessment
from roam.assessment.lock import LockedError
from roam.framework.loader import load_framework

LOCKED_EXIT = 3


def edit(path: Path, code: str, text: str, who: str) -> None:
    with open_assessment(path) as opened:
        set_answer_field(opened.assessment.answer(code), "justification", text, who)
        opened.save()


def hold(path: Path, code: str, text: str) -> None:
    with open_assessment(path) as opened:
        set_answer_field(opened.assessment.answer(code), "justification", text, "holder")
        opened.save()
        print("holding", flush=True)
        sys.stdin.readline()
    print("released", flush=True)


def attempt(path: Path, code: str, text: str) -> int:
    try:
        edit(path, code, text, "second")
    except LockedError as error:
        print(f"LOCKED {error}", flush=True)
        return LOCKED_EXIT
    print("saved", flush=True)
    return 0


def share(who: str, count: int) -> list[str]:
    """Indicator codes this editor edits; the two editors' shares never overlap."""
    codes = [place.indicator.code for place in load_framework().iter_places()]
    start = 0 if who == "A" else count
    return codes[start : start + count]


def loop(path: Path, who: str, count: int) -> None:
    refusals = 0
    for index, code in enumerate(share(who, count)):
        while True:
            try:
                with open_assessment(path) as opened:
                    answer = opened.assessment.answer(code)
                    set_answer_field(answer, "justification", f"{who} edit {index}", who)
                    time.sleep(0.01)  # hold the lock a moment, as a person would
                    opened.save()
                break
            except LockedError:
                refusals += 1
                time.sleep(0.005)
    print(json.dumps({"refusals": refusals}), flush=True)


def main(argv: list[str]) -> int:
    mode, path = argv[0], Path(argv[1])
    if mode == "hold":
        hold(path, argv[2], argv[3])
    elif mode == "try":
        return attempt(path, argv[2], argv[3])
    elif mode == "loop":
        loop(path, argv[2], int(argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
