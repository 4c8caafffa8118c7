"""Review 17b, finding 3: `exportrow student-edition` printed its per-notebook lines only at the end, after every
PDF had been printed (9-13 s of silence, minutes with a slow Chromium). Each notebook's line now comes as its pages
are written, and the PDF printing says when it starts and as each PDF is done.

Chromium is replaced by a stand-in that records what the user had been shown (flushed) when each PDF started.
"""

from __future__ import annotations

import io

from exportrow import student

NOTEBOOKS = ["01-enforcement-statistics", "02-claim-timeline", "03-framing-comparison", "04-coding-reliability"]


class Shown(io.StringIO):
    """A stream that keeps what has been flushed: what a user watching the command has seen."""

    shown = ""

    def flush(self):
        super().flush()
        self.shown = self.getvalue()


def test_student_edition_shows_progress_as_it_goes(tmp_path, monkeypatch):
    stream, started = Shown(), []

    def print_pdf(html, pdf, *, chromium, stamp):  # a stand-in for Chromium
        started.append(stream.shown.splitlines())
        pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
        return pdf

    monkeypatch.setattr(student, "find_chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(student, "print_pdf", print_pdf)
    out = student.write_student_edition(tmp_path / "class", stream=stream)
    lines = stream.getvalue().splitlines()
    pdfs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.pdf"))
    assert pdfs == sorted([f"worksheets/{n}.pdf" for n in NOTEBOOKS]
                          + [f"worksheets/answers/{n}.pdf" for n in NOTEBOOKS])
    # before the first PDF: a line per notebook, as each was written, and that the printing starts
    assert started[0] == [f"[student-edition] {n}: notebook, worksheet (HTML), answers apart in worksheets/answers/ "
                          "(HTML)" for n in NOTEBOOKS] + ["[student-edition] printing 8 page(s) as PDF with Chromium, "
                                                          "2 at a time"]
    # a line as each PDF is done: two print at a time, so when the k-th starts, at least k - 2 have been reported
    for k, shown in enumerate(started, 1):
        assert sum(ln.startswith("[student-edition] PDF ") for ln in shown) >= k - 2, (k, shown)
    done = [ln for ln in lines if ln.startswith("[student-edition] PDF ")]
    assert [ln.split(":")[0] for ln in done] == [f"[student-edition] PDF {k}/8" for k in range(1, 9)]
    assert sorted(ln.split(": ")[1] for ln in done) == pdfs
    assert lines == started[0] + done
