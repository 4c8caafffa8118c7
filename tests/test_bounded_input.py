"""Hostile annotation and context files cost bounded memory and time, and end in a clear message.

Each case runs `exportrow check` in a subprocess under a memory limit (RLIMIT_AS) and a hang guard
(a timeout), so a regression fails here instead of exhausting the machine: an alias bomb in
`side:` once grew past 7 GB, and one in `value:` ended in a MemoryError traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from exportrow import paths

ARTICLE = paths.default_article()
#: A normal check needs about 400 MB of address space; a blow-up needs gigabytes.
MEMORY_LIMIT = 1024 ** 3
#: Hang guard: a bounded check of the largest accepted file takes seconds, not minutes.
HANG_GUARD = 300

_LIMITED = """
import resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from exportrow.cli import main
sys.exit(main(sys.argv[1:]))
"""


def check_limited(*args: str) -> subprocess.CompletedProcess:
    """`exportrow check ARGS` in a fresh interpreter under the memory limit and the hang guard."""
    code = _LIMITED.format(limit=MEMORY_LIMIT)
    return subprocess.run([sys.executable, "-c", code, "check", *args], capture_output=True, text=True,
                          timeout=HANG_GUARD, cwd=paths.PROJECT_ROOT)


def assert_refused(res: subprocess.CompletedProcess, *fragments: str) -> None:
    assert res.returncode == 1, res.stderr[-2000:]
    assert "Traceback" not in res.stderr and "MemoryError" not in res.stderr, res.stderr[-2000:]
    for fragment in fragments:
        assert fragment in res.stderr, res.stderr[-2000:]
    assert len(res.stderr) < 60_000  # messages quote excerpts, never a whole value


def billion_laughs(levels: int = 9) -> list[str]:
    """YAML lines that define a value of 9**levels strings from a few hundred bytes."""
    lines = ["  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"  - &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels + 1)]
    return lines


@pytest.fixture
def seed() -> str:
    return paths.default_annotation().read_text(encoding="utf-8")


def test_a_normal_check_fits_the_limit():
    res = check_limited()
    assert res.returncode == 0, res.stderr
    assert "OK" in res.stdout


@pytest.mark.parametrize("field, old", [("side", "    side: seoul\n"), ("value", "    value: 156\n"),
                                        ("actor", "    actor: kr_motie\n"), ("frame", "    frame: 14\n")])
def test_alias_bomb_is_refused_with_its_line(seed, tmp_path, field, old):
    text = seed.replace(old, f"    {field}: *a9\n", 1)
    text = text.replace("caveats:\n", "bombs:\n" + "\n".join(billion_laughs()) + "\ncaveats:\n", 1)
    line = text.splitlines().index("bombs:") + 2
    bad = tmp_path / "bomb.yaml"
    bad.write_text(text)
    res = check_limited(str(bad), "--article", str(ARTICLE))
    assert_refused(res, f"line {line}: a YAML anchor (&a0) is not accepted", "never needs anchors or aliases")


def test_alias_alone_is_refused(seed, tmp_path):
    bad = tmp_path / "alias.yaml"
    text = seed.replace("    side: seoul\n", "    side: *nowhere\n", 1)
    bad.write_text(text)
    line = text.splitlines().index("    side: *nowhere") + 1
    res = check_limited(str(bad), "--article", str(ARTICLE))
    assert_refused(res, f"line {line}: a YAML alias (*nowhere) is not accepted")  # its anchor need not exist


def test_merge_key_is_refused(seed, tmp_path):
    bad = tmp_path / "merge.yaml"
    bad.write_text(seed.replace("  - id: kr_gov\n", "  - <<: {note: x}\n    id: kr_gov\n", 1))
    assert_refused(check_limited(str(bad), "--article", str(ARTICLE)), "merge key (<<) is not accepted")


def test_number_of_a_hundred_thousand_digits(seed, tmp_path):
    bad = tmp_path / "digits.yaml"
    bad.write_text(seed.replace("value: 156", "value: " + "9" * 100_000, 1))
    assert_refused(check_limited(str(bad), "--article", str(ARTICLE)), "a number of 100,000 characters")


def test_very_long_quote_is_not_searched(seed, tmp_path):
    bad = tmp_path / "quote.yaml"
    bad.write_text(seed.replace("    quote: Seoul\n", "    quote: " + "Seoul has " * 300_000 + "\n", 1))
    assert_refused(check_limited(str(bad), "--article", str(ARTICLE)),
                   "actors[kr_gov].quote: is 2,999,999 characters long; at most 10,000 are accepted")


def test_long_quote_not_in_the_article_is_not_searched(seed, tmp_path):
    bad = tmp_path / "quote.yaml"
    bad.write_text(seed.replace("    quote: Seoul\n", "    quote: " + "Tokyo was " * 900 + "\n", 1))
    res = check_limited(str(bad), "--article", str(ARTICLE))
    assert_refused(res, "actors[kr_gov].quote: not in the article", "(8999 characters)",
                   "copy the words from the article's body")


def test_many_quotes_not_in_the_article(seed, tmp_path):
    many = "\n".join(f"  - quote: {'the word x ' * 50}{i}\n    reason: r" for i in range(1_900))
    bad = tmp_path / "many.yaml"
    bad.write_text(seed.replace("ignored_numbers:\n", "ignored_numbers:\n" + many + "\n", 1))
    res = check_limited(str(bad), "--article", str(ARTICLE))
    assert_refused(res, "1900 problems in the annotation file", "... and 1800 more; fix these first")


def test_too_many_entries(seed, tmp_path):
    many = "\n".join(f"  - quote: q{i}\n    reason: r" for i in range(60_000))
    bad = tmp_path / "many.yaml"
    bad.write_text(seed.replace("ignored_numbers:\n", "ignored_numbers:\n" + many + "\n", 1))
    assert_refused(check_limited(str(bad), "--article", str(ARTICLE)), "a list of more than 2,000 items")


def test_too_many_values(seed, tmp_path):
    entry = "  - quote: q\n    reason: r\n" + "".join(f"    k{j}: {j}\n" for j in range(60))
    bad = tmp_path / "values.yaml"
    bad.write_text(seed.replace("ignored_numbers:\n", "ignored_numbers:\n" + entry * 1_900, 1))
    assert_refused(check_limited(str(bad), "--article", str(ARTICLE)), "a file of more than 100,000 values")


def test_deep_nesting(seed, tmp_path):
    bad = tmp_path / "deep.yaml"
    bad.write_text(seed + "deep: " + "[" * 100_000 + "]" * 100_000 + "\n")
    assert_refused(check_limited(str(bad), "--article", str(ARTICLE)), "deep.yaml: file:")


def test_long_unknown_value_and_key_get_no_suggestion(seed, tmp_path):
    bad = tmp_path / "long.yaml"
    text = seed.replace("side: seoul", "side: " + "s" * 3_000_000, 1)
    bad.write_text(text.replace("    kind: ministry\n", "    kind: ministry\n    " + "k" * 1000 + ": 1\n", 1))
    res = check_limited(str(bad), "--article", str(ARTICLE))
    assert_refused(res, "actors[kr_gov].side: is 3,000,000 characters long", "actors[kr_motie].'kkkkk",
                   "(1000 characters): unknown field")
    assert "did you mean" not in res.stderr


def test_oversized_file(tmp_path):
    bad = tmp_path / "big.yaml"
    bad.write_text("# padding\n" * 500_000)
    assert_refused(check_limited(str(bad), "--article", str(ARTICLE)), "more than the 4,000,000 accepted")


def test_device_is_not_read():
    assert_refused(check_limited("/dev/zero", "--article", str(ARTICLE)), "not a regular file (a device)")


def test_fifo_is_not_opened(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert_refused(check_limited(str(fifo), "--article", str(ARTICLE)), "not a regular file (a FIFO)")


def test_folder_is_not_read(tmp_path):
    assert_refused(check_limited(str(tmp_path), "--article", str(ARTICLE)), "not a regular file (a folder)")


def test_context_file_alias_bomb(tmp_path):
    folder = tmp_path / "context"
    folder.mkdir()
    bad = folder / "bomb.yaml"
    text = (paths.context_dir() / "dispute-2018-2019.yaml").read_text()
    text = text.replace("    side: seoul\n", "    side: *a9\n", 1)
    bad.write_text("bombs:\n" + "\n".join(billion_laughs()) + "\n" + text)
    assert_refused(check_limited(str(bad)), "1 problem in the context file", "line 2: a YAML anchor (&a0)")


def test_context_file_with_too_many_events(tmp_path):
    folder = tmp_path / "context"
    folder.mkdir()
    bad = folder / "many.yaml"
    event = ("  - id: e{i}\n    actor: A\n    side: x\n    action: OTHER\n    description: d\n"
             "    date: '2019'\n    reference: r\n")
    bad.write_text("article_sha256: " + "0" * 64 + "\nevents:\n" + "".join(event.format(i=i) for i in range(3_000)))
    assert_refused(check_limited(str(bad)), "a list of more than 2,000 items")
