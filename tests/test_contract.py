"""The JSON contract (ARCHITECTURE.md, 'The JSON contract'): every field of ``record.json`` and of ``build.py parse``,
for a record written to exercise each of them, with the values read off the record by hand."""
from __future__ import annotations

import json
import os
import subprocess

from conftest import PYTHON, copy_project, make_record, run_build

RECORD_ID = "2004-12-18-japan-korea"
# make_record puts 7 header lines before the body: body line k is file line k + 7.
BODY = """日韓首脳会談
(概要)

平成16年12月18日

 12月17日午前10時15分より同11時30分まで、指宿において会談が行われた(13:00-13:40は少人数会合)。
 なお、夕食会も行われた。

1.総論
 両首脳は、以下の点で一致した。
(1)盧大統領より、歓迎する旨述べた。
 その上で、協力を求めた。
(2)両国関係
 小泉総理は、これに応じた。
(イ)経済については、総理より、述べた。
(ロ)大統領より、同意する、
旨伝えた。
2.両首脳は、協力を確認した。
【参考】日韓首脳会談は本年2回目。
"""
META = """source_url: "https://www.mofa.go.jp/mofaj/kaidan/example.html"
publisher: "外務省"
retrieved: "2026-12-07"
licence: "MOFA website terms of use"
topics:
  1: overview
"""

# Read off BODY by hand (file line = body line + 7, for make_record's header).
EXPECTED = {
    "id": RECORD_ID, "title": "日韓首脳会談(概要)", "date": "2004-12-18", "era_date": "平成16年12月18日",
    "venue": "指宿", "attendees": [],
    "meeting_time": {"start": "10:15", "end": "11:30"},
    "sessions": [{"start": "13:00", "end": "13:40", "label": "少人数会合"}],
    "lead": ["12月17日午前10時15分より同11時30分まで、指宿において会談が行われた(13:00-13:40は少人数会合)。",
             "なお、夕食会も行われた。"],
    "topics": [
        {"number": 1, "title": "総論", "slug": "overview", "line": 16, "lead": ["両首脳は、以下の点で一致した。"],
         "statements": [
            {"id": "s1-1", "number": 1, "title": None, "speakers": ["盧大統領"],
             "text": "盧大統領より、歓迎する旨述べた。\nその上で、協力を求めた。",
             "paragraphs": ["盧大統領より、歓迎する旨述べた。", "その上で、協力を求めた。"], "tail": [], "line": 18,
             "items": []},
            {"id": "s1-2", "number": 2, "title": "両国関係", "speakers": ["小泉総理", "総理", "大統領"],
             "text": "小泉総理は、これに応じた。\n旨伝えた。", "paragraphs": ["小泉総理は、これに応じた。"],
             "tail": ["旨伝えた。"], "line": 20, "items": [
                 {"id": "s1-2-1", "label": "イ", "speakers": ["総理"], "text": "経済については、総理より、述べた。",
                  "paragraphs": ["経済については、総理より、述べた。"], "line": 22},
                 {"id": "s1-2-2", "label": "ロ", "speakers": ["大統領"], "text": "大統領より、同意する、",
                  "paragraphs": ["大統領より、同意する、"], "line": 23}]}]},
        {"number": 2, "title": None, "slug": "topic-2", "line": 25, "lead": [], "statements": [
            {"id": "s2", "number": None, "title": None, "speakers": ["両首脳"], "text": "両首脳は、協力を確認した。",
             "paragraphs": ["両首脳は、協力を確認した。"], "tail": [], "line": 25, "items": []}]},
    ],
    "closing": ["【参考】日韓首脳会談は本年2回目。"],
}
SITE_FIELDS = {"source_url": "https://www.mofa.go.jp/mofaj/kaidan/example.html", "publisher": "外務省",
               "retrieved": "2026-12-07", "licence": "MOFA website terms of use"}


def test_record_json_holds_every_field_of_the_contract(tmp_path):
    project = copy_project(str(tmp_path / "p"), {f"{RECORD_ID}.txt": make_record(BODY)})
    with open(os.path.join(project, "content", "records", f"{RECORD_ID}.yml"), "w", encoding="utf-8") as handle:
        handle.write(META)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    data = json.load(open(os.path.join(project, "docs", RECORD_ID, "record.json"), encoding="utf-8"))
    assert data == EXPECTED | SITE_FIELDS


def test_parse_prints_the_same_contract_without_the_sites_fields(tmp_path):
    path = tmp_path / f"{RECORD_ID}.txt"
    path.write_text(make_record(BODY), encoding="utf-8")
    out = subprocess.run([PYTHON, os.path.join(os.path.dirname(os.path.dirname(__file__)), "scripts", "build.py"),
                          "parse", str(path)], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    expected = json.loads(json.dumps(EXPECTED))
    expected["topics"][0]["slug"] = "topic-1"  # parse knows no YAML slugs
    assert data == expected


def test_a_page_without_a_date_line_builds_with_date_in_its_yaml(tmp_path):
    body = BODY.replace("平成16年12月18日\n\n", "")
    project = copy_project(str(tmp_path / "p"), {f"{RECORD_ID}.txt": make_record(body)})
    meta = os.path.join(project, "content", "records", f"{RECORD_ID}.yml")
    result = run_build(project)
    assert result.returncode == 1
    assert "(if the page has none, set 'date:' in the record's YAML)" in result.stderr
    with open(meta, "w", encoding="utf-8") as handle:
        handle.write('date: "2004-12-18"\n')
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    data = json.load(open(os.path.join(project, "docs", RECORD_ID, "record.json"), encoding="utf-8"))
    assert data["date"] == "2004-12-18" and data["era_date"] is None
    assert data["topics"][0]["line"] == 14  # two lines fewer above it
    timeline = json.load(open(os.path.join(project, "docs", "timeline.json"), encoding="utf-8"))
    assert any(e["id"] == f"record-{RECORD_ID}" and e["date"] == "2004-12-18" for e in timeline["events"])


