"""`--force` replaces only what exportrow wrote and nobody changed since: imported captures (checksum line),
agree's tables (named when edited)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import FIXTURES

from exportrow import paths
from exportrow.article import load_article
from exportrow.importer import CHECKSUM_MARK, import_page, page_to_capture
from exportrow.outdir import OutputFolderError

PAGE = FIXTURES / "pages" / "northgate-wire-kelmark-port-fees.html"
CLI = [sys.executable, "-m", "exportrow.cli"]


def test_an_imported_capture_carries_a_checksum_line_and_still_reads_as_the_same_article(tmp_path):
    out = import_page(str(PAGE), tmp_path / "a.txt")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "---" and lines[1].startswith(CHECKSUM_MARK) and len(lines[1]) == len(CHECKSUM_MARK) + 64
    plain = tmp_path / "plain.txt"
    plain.write_text(page_to_capture(PAGE.read_bytes(), source=str(PAGE)), encoding="utf-8")
    art, ref = load_article(out), load_article(plain)
    assert art.form == "front matter" and art.front_matter == ref.front_matter
    assert [p.text for p in art.paragraphs] == [p.text for p in ref.paragraphs] and len(art.paragraphs) == 4
    assert art.published_iso == "2024-05-14T16:20:00+02:00" and art.dateline_city == "PORT ELSIN"


def test_force_replaces_an_unedited_capture(tmp_path):
    out = import_page(str(PAGE), tmp_path / "a.txt")
    first = out.read_bytes()
    assert import_page(str(PAGE), out, force=True) == out and out.read_bytes() == first


def test_force_never_replaces_a_capture_edited_since_the_import(tmp_path):
    out = import_page(str(PAGE), tmp_path / "a.txt")
    text = out.read_text(encoding="utf-8")
    assert "Ostravian" in text
    out.write_text(text.replace("Ostravian", "Ostravan", 1), encoding="utf-8")  # a correction by hand
    edited = out.read_bytes()
    with pytest.raises(OutputFolderError) as exc:
        import_page(str(PAGE), out, force=True)
    msg = str(exc.value)
    assert msg.startswith(f"--out {out}: exists and is a capture that exportrow import wrote and someone has edited "
                          "since the import")
    assert "even with --force" in msg and "move or rename it to keep it" in msg and "choose another file" in msg
    assert out.read_bytes() == edited
    res = subprocess.run([*CLI, "import", str(PAGE), "--out", str(out), "--force"], capture_output=True, text=True,
                         timeout=600)
    assert res.returncode == 2 and "edited since the import" in res.stderr and "Traceback" not in res.stderr
    assert out.read_bytes() == edited


def test_force_never_replaces_a_capture_from_before_the_checksum_line(tmp_path):
    old = tmp_path / "old.txt"
    old.write_text(page_to_capture(PAGE.read_bytes(), source=str(PAGE)), encoding="utf-8")  # mark, no checksum
    before = old.read_bytes()
    assert b"imported_by: \"exportrow import" in before
    with pytest.raises(OutputFolderError, match="without a checksum line .* cannot tell whether someone has edited "
                                                "it since the import; it is left as it is, even with --force"):
        import_page(str(PAGE), old, force=True)
    assert old.read_bytes() == before


def test_the_bundled_article_is_never_replaced(tmp_path):
    bundled = paths.default_article()
    before = bundled.read_bytes()
    with pytest.raises(Exception, match="is the bundled article; it is never replaced"):
        import_page(str(PAGE), bundled, force=True)
    assert bundled.read_bytes() == before


# --- agree: edited tables are kept (nothing written) unless --force, which names each one it replaces ---------------

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
CODINGS = [FIXTURES / f"{NAME}.yaml", FIXTURES / f"{NAME}.coder-a.csv", FIXTURES / f"{NAME}.coder-b.yaml"]


def _snapshot(folder):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def test_agree_keeps_edited_tables_byte_identical_and_writes_nothing_without_force(tmp_path):
    out = tmp_path / "agree"
    agree = [*CLI, "agree", *map(str, CODINGS), "--out", str(out), "--bootstrap", "200"]
    assert subprocess.run(agree, capture_output=True, text=True, timeout=600).returncode == 0
    fresh = (out / "coverage.csv").read_text(encoding="utf-8")
    with open(out / "coverage.csv", "a", encoding="utf-8") as fh:
        fh.write("my note,,,,,\n")
    head, body = (out / "agreement.csv").read_text(encoding="utf-8").split("\n", 1)
    (out / "agreement.csv").write_text(f"{head}\n{body.replace('frame', 'frame (checked by hand)', 1)}",
                                       encoding="utf-8")
    before = _snapshot(out)
    assert ".exportrow-agree.json" in before and "disagreements.csv" in before
    res = subprocess.run(agree, capture_output=True, text=True, timeout=600)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert (f"error: --out {out}: tables that exportrow agree wrote have been changed since: agreement.csv, "
            "coverage.csv; they were left as they are and nothing was written.") in res.stderr
    assert _snapshot(out) == before  # every file, the record too: same bytes, never rewritten
    forced = subprocess.run([*agree, "--force"], capture_output=True, text=True, timeout=600)
    assert forced.returncode == 0, forced.stderr
    assert ("--force: replaced tables edited since exportrow agree wrote them, as asked: agreement.csv, "
            "coverage.csv") in forced.stderr
    assert (out / "coverage.csv").read_text(encoding="utf-8") == fresh
