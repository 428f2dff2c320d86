"""Every layout of MOFA's summary pages, 2000 to today: the synthetic records of tests/fixtures/ (one per
layout, written for these tests) and, when ``../shared/real-dev/`` is beside this checkout, six real
pages. Each ``NAME.txt`` has ``NAME.expected.json``, what a correct parse contains, written by hand from
the page (the conventions of ../shared/real-dev/README.md: speakers per statement as written, in order;
``null`` for a title or date the page lacks, which the YAML beside it then gives)."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from conftest import FIXTURES, PYTHON, REAL, REAL_DEV, ROOT

SCORER = os.path.join(os.path.dirname(ROOT), "shared", "tools", "score_real.py")


def parse(path: str) -> dict:
    result = subprocess.run([PYTHON, os.path.join(ROOT, "scripts", "build.py"), "parse", path],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def shape(data: dict, expected: dict) -> dict:
    """The parse reduced to what ``expected`` states (a title or date the page lacks is not compared)."""
    out = {k: data[k] for k in ("title", "date", "era_date") if expected.get(k) is not None}
    for key in ("sessions", "closing"):
        if key in expected:
            out[key] = data[key]
    out["topics"] = [{
        "number": t["number"], "title": t["title"],
        **({"lead": t["lead"]} if "lead" in et else {}),
        "statements": [{"number": s["number"], "speakers": s["speakers"], "items": len(s["items"])}
                       for s in t["statements"]],
    } for t, et in zip(data["topics"], expected["topics"] + [{}] * len(data["topics"]))]
    return out


def stated(expected: dict) -> dict:
    """What ``expected`` states of the parse (not its notes, such as 'partial')."""
    keys = ("title", "date", "era_date", "sessions", "closing", "topics")
    return {k: v for k, v in expected.items() if k in keys and not (k in keys[:3] and v is None)}


@pytest.mark.parametrize("path", FIXTURES, ids=os.path.basename)
def test_every_layout_parses_as_written_down(path):
    expected = json.load(open(path[: -len(".txt")] + ".expected.json", encoding="utf-8"))
    assert shape(parse(path), expected) == stated(expected)


def test_a_page_without_title_or_date_is_refused_until_its_yaml_gives_them(tmp_path):
    for name, missing in (("telephone-no-title", "title"), ("no-date-subtitles-reference", "date")):
        copy = tmp_path / f"{name}.txt"
        copy.write_bytes(open(os.path.join(ROOT, "tests", "fixtures", f"{name}.txt"), "rb").read())
        result = subprocess.run([PYTHON, os.path.join(ROOT, "scripts", "build.py"), "parse", str(copy)],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        first = result.stderr.splitlines()[0]
        assert first.startswith(f"{copy}:") or first.startswith(os.path.relpath(copy)), first
        assert f"set '{missing}:' in the record's YAML" in first
        (tmp_path / f"{name}.yml").write_text(f'{missing}: "{"無題" if missing == "title" else "2001-01-01"}"\n',
                                              encoding="utf-8")
        assert parse(str(copy))[missing] == ("無題" if missing == "title" else "2001-01-01")


@pytest.mark.skipif(not REAL, reason="../shared/real-dev/ is not beside this checkout: the real pages cannot be scored")
def test_the_real_pages_score_in_full():
    result = subprocess.run([PYTHON, SCORER, PYTHON, REAL_DEV], cwd=ROOT, capture_output=True, text=True, timeout=300)
    last = result.stdout.strip().splitlines()[-1]
    print(last)
    assert result.returncode == 0, result.stdout
    assert last.startswith(f"real MOFA pages: {len(REAL)}/{len(REAL)} handled, structure ") and "(100%)," in last, last


@pytest.mark.skipif(not REAL, reason="../shared/real-dev/ is not beside this checkout: the real pages cannot be parsed")
@pytest.mark.parametrize("path", REAL, ids=os.path.basename)
def test_each_real_page_parses_as_its_expected_parse(path):
    expected = json.load(open(path[: -len(".txt")] + ".expected.json", encoding="utf-8"))
    assert shape(parse(path), expected) == stated(expected)
