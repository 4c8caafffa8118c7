"""Review 7: codings read safely (no alias bomb), written safely (no formula cells), fast, and found with care."""

import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import FIXTURES

from exportrow import load_article
from exportrow.worksheet import WorksheetError, read_worksheet

NAME = "example-gazette-2021-03-03-freedonia-sylvania-fishing"
CODER_B = FIXTURES / f"{NAME}.coder-b.yaml"


def _with(tmp_path, name: str, text: str):
    shutil.copy(FIXTURES / f"{NAME}.txt", tmp_path)
    shutil.copy(FIXTURES / f"{NAME}.yaml", tmp_path)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _bomb(levels: int = 9) -> str:
    """coder-b's worksheet with a billion-laughs list and the first claim's cue aliased to it."""
    lines = ['x_lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"x_lol{k}: &a{k} [{','.join([f'*a{k - 1}'] * 9)}]" for k in range(1, levels)]
    text = CODER_B.read_text(encoding="utf-8")
    text = text.replace("exportrow_worksheet: 1\n", "exportrow_worksheet: 1\n" + "\n".join(lines) + "\n", 1)
    first_cue = text.index("    cue:")
    end = text.index("\n", first_cue)
    return text[:first_cue] + f"    cue: *a{levels - 1}" + text[end:]


def test_an_alias_bomb_worksheet_is_refused_under_a_memory_limit(tmp_path):
    bomb = _with(tmp_path, f"{NAME}.evil.yaml", _bomb())
    assert len(bomb.read_bytes()) < 6000  # a small file: 9**9 references once expanded
    script = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))
        from exportrow.cli import main
        sys.exit(main(["agree", {str(tmp_path / f"{NAME}.yaml")!r}, {str(bomb)!r}, "--out", {str(tmp_path / "ag")!r}]))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert proc.stderr.strip().splitlines() == [
        f"error: {bomb}: line 10: a YAML anchor (&a0) is not accepted; a worksheet never needs anchors or aliases: "
        "delete it and write values out"]
    assert not (tmp_path / "ag").exists()


def test_an_alias_in_a_worksheet_is_refused_with_the_file_and_line(tmp_path):
    text = CODER_B.read_text(encoding="utf-8").replace("    cue: ", "    cue: &c ", 1)
    text = text.replace("    cue: ", "    cue: *c #", 2).replace("    cue: *c #&c ", "    cue: &c ", 1)
    sheet = _with(tmp_path, "aliased.yaml", text)
    with pytest.raises(WorksheetError) as err:
        read_worksheet(sheet, load_article(tmp_path / f"{NAME}.txt"))
    line = next(k for k, t in enumerate(text.splitlines(), 1) if "&c" in t)
    assert str(err.value) == (f"{sheet}: line {line}: a YAML anchor (&c) is not accepted; a worksheet never needs "
                              "anchors or aliases: delete it and write values out")


def test_a_list_or_mapping_where_one_value_belongs_is_named_per_entry(tmp_path):
    text = CODER_B.read_text(encoding="utf-8").replace("coder:              #", "coder: [anna, ben] #", 1)
    first_cue = text.index("    cue:")
    end = text.index("\n", first_cue)
    text = text[:first_cue] + "    cue: [said, added]" + text[end:]
    first_frame = text.index("    frame:")
    end = text.index("\n", first_frame)
    text = text[:first_frame] + "    frame: {code: 5}" + text[end:]
    sheet = _with(tmp_path, "lists.yaml", text)
    with pytest.raises(WorksheetError) as err:
        read_worksheet(sheet, load_article(tmp_path / f"{NAME}.txt"))
    assert err.value.problems == [
        "coder: a list, not a single value; write one name, e.g. `coder: anna`",
        "claims[0] ('c01'): cue: a list, not a single value; write one value, e.g. `cue: said`",
        "claims[0] ('c01'): frame: a mapping, not a single value; write one value, e.g. `frame: 5`"]
