"""Review 17b, finding 4: `exportrow worksheet --format csv --out sheet.yaml` wrote a CSV sheet named .yaml, which
`exportrow agree` then refused as bad YAML ("check indentation"). A --format that the --out suffix contradicts is now
refused in one line naming both ways out; without --format, the suffix chooses the format."""

import pytest
import yaml
from test_worksheet import ANNOTATION, ARTICLE, exportrow_cli

from exportrow import load_annotation, load_article
from exportrow.errors import UsageError
from exportrow.worksheet import _parse, make_worksheet, write_worksheet


@pytest.mark.parametrize("fmt, name, fix, why", [
    ("csv", "sheet.yaml", "sheet.csv", "`exportrow agree` reads a .yaml file as YAML, so it could not read this CSV "
                                       "sheet back"),
    ("csv", "sheet.YML", "sheet.csv", "`exportrow agree` reads a .YML file as YAML, so it could not read this CSV "
                                      "sheet back"),
    ("yaml", "sheet.csv", "sheet.yaml", "a spreadsheet opens a .csv file as CSV, and this YAML sheet is not CSV"),
])
def test_a_format_the_suffix_contradicts_is_refused_before_anything_is_read(tmp_path, fmt, name, fix, why):
    out = tmp_path / name
    other = "yaml" if fmt == "csv" else "csv"
    res = exportrow_cli("worksheet", tmp_path / "not-read.yaml", "--format", fmt, "--out", out)
    assert (res.returncode, res.stdout) == (2, "")
    assert res.stderr == (f"error: --format {fmt} does not match --out {out}: {why}; use --out {tmp_path / fix}, "
                          f"or --format {other}\n")
    assert list(tmp_path.iterdir()) == []


def test_write_worksheet_refuses_it_too(tmp_path):
    with pytest.raises(UsageError, match=r"^--format csv does not match --out .*sheet\.yaml: "):
        ws = make_worksheet(load_annotation(ANNOTATION, load_article(ARTICLE)))
        write_worksheet(ws, tmp_path / "sheet.yaml", "csv")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, fmt", [("sheet.yml", "yaml"), ("sheet.CSV", "csv"), ("sheet.txt", "yaml")])
def test_without_format_the_suffix_chooses_and_the_sheet_reads_back(tmp_path, name, fmt):
    out = tmp_path / name
    res = exportrow_cli("worksheet", ANNOTATION, "--out", out)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(f"wrote a blank {fmt.upper()} worksheet with 7 claims to ")
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("id,") if fmt == "csv" else yaml.safe_load(text)["exportrow_worksheet"] == 1
    assert len(_parse(out).claims) == 7  # read back as the format it is
