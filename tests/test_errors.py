"""Bad input: one FILE:LINE message per problem, exit 1, no traceback, docs/ untouched."""
from __future__ import annotations

import os
import subprocess

import pytest

from conftest import PYTHON, ROOT, make_record

GOOD = "日露首脳会談(概要)\n\n平成15年1月10日\n\n会談が行われた。\n\n1.冒頭\n(1) 総理より、述べた。\n(2) 大統領より、述べた。\n2.経済\n(1) 総理より、述べた。"
# make_record puts 7 header lines before the body: body line k is file line k + 7.


def run(tmp_path, name: str, data: bytes):
    content = tmp_path / "content"
    (content / "records").mkdir(parents=True)
    (content / "records" / name).write_bytes(data)
    out = tmp_path / "docs"
    out.mkdir()
    (out / "keep.md").write_text("existing page\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result = subprocess.run([PYTHON, os.path.join(ROOT, "scripts", "build.py"), "--content", str(content),
                             "--out", str(out)], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    if result.returncode != 0:
        assert after == before, "docs/ must stay exactly as it was"
    assert "Traceback" not in result.stderr
    return result


def lines(result):
    return result.stderr.strip().splitlines()[:-1]


CASES = {
    "empty": (b"", ["content/records/bad.txt:1: expected a MOFA summit record, found an empty file"]),
    "blank lines only": (b"\n\n  \n", ["content/records/bad.txt:1: expected a MOFA summit record, found an empty file"]),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
               ["content/records/bad.txt:3: expected text, found binary data (a NUL byte)"]),
    "not utf-8": ("日露首脳会談\n".encode() + b"\xff\xfe\xfa\n",
                  ["content/records/bad.txt:2: expected UTF-8 (or Shift_JIS/CP932) text, found the byte 0xff that "
                   "is valid in neither; convert the file to UTF-8"]),
    "not a MOFA record": (b"The quick brown fox\njumps over the lazy dog.\n",
                          ["content/records/bad.txt:1: expected the title of a summit summary (such as "
                           "'日露首脳会談(概要)') at the top of the record, found 'The quick brown fox' (if the page "
                           "has none, as newer pages carry it only in their heading, set 'title:' in the record's "
                           "YAML)",
                           "content/records/bad.txt:1: expected a date line such as '平成15年1月10日' after the title, "
                           "found 'The quick brown fox' (if the page has none, set 'date:' in the record's YAML)"]),
    "no date line": (make_record(GOOD.replace("平成15年1月10日\n\n", "")).encode(),
                     ["content/records/bad.txt:10: expected a date line such as '平成15年1月10日' after the title, "
                      "found '会談が行われた。' (if the page has none, set 'date:' in the record's YAML)"]),
    "impossible date": (make_record(GOOD.replace("平成15年1月10日", "平成15年2月30日")).encode(),
                        ["content/records/bad.txt:10: expected a real date, found '平成15年2月30日' "
                         "(2003-02 has no day 30)"]),
    "topic skipped and repeated": (make_record(GOOD.replace("2.経済", "3.経済") + "\n3.重複\n(1) 総理より、述べた。").encode(),
                                   ["content/records/bad.txt:17: expected topic 2, found topic 3 ('3.経済')",
                                    "content/records/bad.txt:19: expected topic 4, found topic 3 ('3.重複')"]),
    "statement skipped and repeated": (make_record(GOOD.replace("(2) 大統領", "(3) 大統領") + "\n(1) 重複。").encode(),
                                       ["content/records/bad.txt:16: expected statement (2) in topic 1, found (3)",
                                        "content/records/bad.txt:19: expected statement (2) in topic 2, found (1)"]),
    "item out of order": (make_record(GOOD + "\n(ロ) 項目。").encode(),
                          ["content/records/bad.txt:19: expected item (イ) or (ア) in 2.(1), found (ロ)"]),
    "no topics": (make_record("日露首脳会談\n\n平成15年1月10日\n\n会談が行われた。").encode(),
                  ["content/records/bad.txt:12: expected numbered topics such as '1.冒頭発言', found none"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_malformed_record(tmp_path, case):
    data, expected = CASES[case]
    result = run(tmp_path, "bad.txt", data)
    assert result.returncode == 1
    assert lines(result) == expected
    assert result.stderr.strip().splitlines()[-1].startswith("build failed:")


def test_bad_record_file_name(tmp_path):
    result = run(tmp_path, "Bad Name.txt", make_record(GOOD).encode())
    assert result.returncode == 1
    assert lines(result) == ["content/records/Bad Name.txt: expected a record file name of lowercase letters, "
                             "digits and hyphens (it becomes the URL), found 'Bad Name'"]


def test_shift_jis_record_is_decoded_not_mojibake(tmp_path):
    from summitsite.decode import decode_record
    text = make_record(GOOD)
    assert decode_record(text.encode("cp932"), "x.txt") == decode_record(text.encode("utf-8"), "x.txt")
    result = run(tmp_path, "sjis.txt", text.encode("cp932"))
    assert result.returncode == 0, result.stderr


def test_crlf_and_bom_are_read(tmp_path):
    from summitsite.decode import decode_record
    text = make_record(GOOD)
    assert decode_record(("\ufeff" + text.replace("\n", "\r\n")).encode(), "x") == decode_record(text.encode(), "x")
