"""roam's one writer: binary on Windows, newline-safe, never replacing others' files."""

from __future__ import annotations

import ast
import errno
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from roam.assessment.atomic_file import SaveError, write_output
from roam.assessment.editing_session import open_assessment
from roam.assessment.loader import load_assessment
from roam.assessment.storage import save_assessment
from roam.framework.model import Framework
from roam.workbooks.saving import save_workbook
from tests.helpers.assessment_builders import small_assessment

ROAM = Path(__file__).resolve().parents[2] / "roam"
TEXT_MODE_FLAG = 0x40000000  # stands for O_BINARY; unused by Linux's open()
IS_ROOT = getattr(os, "geteuid", lambda: -1)() == 0


@pytest.fixture
def windows_descriptors(monkeypatch: pytest.MonkeyPatch) -> Iterator[set[int]]:
    """Descriptors as Windows' C runtime makes them: text mode unless O_BINARY is given."""
    text_mode: set[int] = set()
    real_open, real_write, real_close = os.open, os.write, os.close

    def open_(path: object, flags: int, mode: int = 0o777, **kw: object) -> int:
        descriptor = real_open(path, flags & ~TEXT_MODE_FLAG, mode, **kw)  # type: ignore[arg-type]
        text_mode.discard(descriptor)  # a number reused after a close not seen here
        if flags & (os.O_WRONLY | os.O_RDWR) and not flags & TEXT_MODE_FLAG:
            text_mode.add(descriptor)
        return descriptor

    def write(descriptor: int, data: bytes | memoryview) -> int:
        if descriptor in text_mode:
            real_write(descriptor, bytes(data).replace(b"\n", b"\r\n"))
            return len(data)
        return real_write(descriptor, data)

    def close(descriptor: int) -> None:
        text_mode.discard(descriptor)
        real_close(descriptor)

    monkeypatch.setattr(os, "O_BINARY", TEXT_MODE_FLAG, raising=False)
    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "write", write)
    monkeypatch.setattr(os, "close", close)
    yield text_mode


@pytest.mark.usefixtures("windows_descriptors")
def test_windows_saves_stay_lf_and_two_saves_in_one_session_succeed(
    tmp_path: Path, mini: Framework
) -> None:
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini, justification="line one\nline two"), path, mini)
    assert b"\r" not in path.read_bytes()
    with open_assessment(path, mini) as opened:
        opened.assessment.answers["R.A.1.a"].justification = "first save"
        opened.save()
        opened.assessment.answers["R.A.1.a"].justification = "second save"
        opened.save()  # refused as "changed by another program" when the hash was of other bytes
    for written in (path, tmp_path / "kenya.yaml.bak"):
        assert b"\r" not in written.read_bytes()
    assert load_assessment(path, mini).answers["R.A.1.a"].justification == "second save"


@pytest.mark.usefixtures("windows_descriptors")
def test_windows_workbooks_are_valid_zip_files(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active["A1"] = "multi\nline"  # type: ignore[index]
    path = save_workbook(workbook, tmp_path / "report.xlsx")
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None


@pytest.mark.usefixtures("windows_descriptors")
def test_an_assessment_saved_with_crlf_reads_and_saves_again(
    tmp_path: Path, mini: Framework
) -> None:
    """A Windows editor turned every line end into CRLF: roam reads it and saves twice."""
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini, justification="line one\nline two\n"), path, mini)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))

    with open_assessment(path, mini) as opened:
        assert opened.assessment.answers["R.A.1.a"].justification == "line one\nline two\n"
        opened.assessment.answers["R.A.2.a"].value = 50.0
        opened.save()
        opened.save()

    again = load_assessment(path, mini)
    assert again.answers["R.A.1.a"].justification == "line one\nline two\n"
    assert again.answers["R.A.2.a"].value == 50.0


def test_text_files_opened_for_writing_say_their_newline() -> None:
    """`open(..., "w")` and `write_text` translate newlines on Windows unless told not to."""
    unsaid = []
    for source in sorted(ROAM.rglob("*.py")):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(
                node.func, ast.Attribute | ast.Name
            ):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            keywords = {keyword.arg for keyword in node.keywords}
            modes = [arg.value for arg in node.args if isinstance(arg, ast.Constant)]
            modes += [
                k.value.value
                for k in node.keywords
                if k.arg == "mode" and isinstance(k.value, ast.Constant)
            ]
            writes_text = name == "write_text" or (
                name in ("open", "fdopen")
                and any(isinstance(m, str) and set(m) & set("wax") and "b" not in m for m in modes)
            )
            if writes_text and "newline" not in keywords:
                unsaid.append(f"{source.relative_to(ROAM.parent)}:{node.lineno}")
    assert unsaid == []


def test_a_full_disk_leaves_the_old_file_and_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "schema.json"
    target.write_bytes(b"old\n")

    def full(descriptor: int, data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(
        SaveError, match=re.escape("schema.json: cannot save: No space left on device")
    ):
        write_output(target, "new\n")
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["schema.json"]


def test_a_read_only_file_is_never_replaced(tmp_path: Path, mini: Framework) -> None:
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), path, mini)
    other = tmp_path / "notes.json"
    other.write_bytes(b"keep\n")
    for file in (path, other):
        file.chmod(0o444)
    before = path.read_bytes()

    with pytest.raises(SaveError, match=re.escape("kenya.yaml: not saved: the file is read-only")):
        save_assessment(small_assessment(mini, justification="changed"), path, mini)
    with pytest.raises(SaveError, match=re.escape("notes.json")):
        write_output(other, "replaced\n")

    assert path.read_bytes() == before and other.read_bytes() == b"keep\n"


@pytest.mark.skipif(not IS_ROOT, reason="needs root to give a file to another user")
def test_another_users_file_in_a_writable_folder_is_never_replaced(
    tmp_path: Path, mini: Framework
) -> None:
    tmp_path.chmod(0o777)
    theirs = tmp_path / "theirs.xlsx"
    theirs.write_bytes(b"their work")
    os.chown(theirs, 4242, 4242)
    theirs.chmod(0o644)
    assessment = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), assessment, mini)
    os.chown(assessment, 4242, 4242)
    before = assessment.read_bytes()

    with pytest.raises(SaveError, match="belongs to another user"):
        save_workbook(Workbook(), theirs)
    with pytest.raises(SaveError, match=re.escape("kenya.yaml")):
        save_assessment(small_assessment(mini, justification="changed"), assessment, mini)

    assert theirs.read_bytes() == b"their work" and assessment.read_bytes() == before


def test_a_default_name_replaces_a_planted_link_not_its_target(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    planted = tmp_path / "reports" / "KEN-2024-05-01.xlsx"
    planted.parent.mkdir()
    planted.symlink_to(victim)

    save_workbook(Workbook(), planted, follow_symlink=False)

    assert victim.read_bytes() == b"precious"
    assert not planted.is_symlink() and zipfile.is_zipfile(planted)


def test_a_named_output_follows_the_users_own_link(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "latest.xlsx"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "latest.xlsx"
    link.symlink_to(real)

    save_workbook(Workbook(), link)

    assert link.is_symlink() and zipfile.is_zipfile(real)


@pytest.mark.skipif(not IS_ROOT, reason="needs root to plant a link as another user")
def test_a_named_output_does_not_follow_another_users_link(tmp_path: Path) -> None:
    mine = tmp_path / "thesis.xlsx"
    mine.write_bytes(b"my thesis")
    planted = tmp_path / "report.xlsx"
    planted.symlink_to(mine)
    os.lchown(planted, 4242, 4242)

    save_workbook(Workbook(), planted)

    assert mine.read_bytes() == b"my thesis" and not planted.is_symlink()


def test_an_output_never_replaces_an_assessment_or_an_input(
    tmp_path: Path, mini: Framework
) -> None:
    path = tmp_path / "kenya.yaml"
    save_assessment(small_assessment(mini), path, mini)
    before = path.read_bytes()
    notes = tmp_path / "notes.md"
    notes.write_bytes(b"input")

    with pytest.raises(SaveError, match=re.escape("kenya.yaml: that is an assessment file")):
        write_output(path, "{}\n")
    with pytest.raises(SaveError, match=re.escape("notes.md: that is an input")):
        write_output(tmp_path / "sub" / ".." / "notes.md", "x", inputs=[notes])

    assert path.read_bytes() == before and notes.read_bytes() == b"input"
    assert stat.S_ISREG(path.stat().st_mode)
