"""Content data: glosses stale or missing, glossary and timeline validation, all with FILE:LINE."""
from __future__ import annotations

import os
import re

import yaml

from conftest import ROOT, SEED_ID, copy_project, run_build

TRANSLATION = os.path.join("content", "translations", f"{SEED_ID}.en.yml")


def edit(project: str, rel: str, old: str, new: str, count: int = 1) -> None:
    path = os.path.join(project, rel)
    text = open(path, encoding="utf-8").read()
    assert old in text, old
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text.replace(old, new, count))


def append(project: str, rel: str, text: str) -> list[str]:
    """Append ``text`` to a content file; its lines afterwards (to name a line from the end)."""
    path = os.path.join(project, rel)
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(text)
    return open(path, encoding="utf-8").read().splitlines()


def problems(project: str) -> list[str]:
    """The problem lines of a build that must fail (its last stderr line is the summary)."""
    result = run_build(project)
    assert result.returncode == 1
    return result.stderr.splitlines()[:-1]


def test_seed_glosses_cover_every_unit():
    from summitsite.pipeline import gather
    from conftest import ROOT
    data = gather(os.path.join(ROOT, "content"), ROOT)
    (coverage,) = data.coverage
    assert coverage.translated == coverage.total == 58 and coverage.stale == coverage.missing == 0
    units = data.translations[SEED_ID].units
    assert all(units[f"s{pid[1:]}/p1"].en for pid in ("s2-2-3", "s6-2-1", "s9-2"))


def test_a_removed_gloss_is_reported_not_fatal(tmp_path):
    """A unit without English shows its Japanese alone: the build counts it and goes on; status names it."""
    project = copy_project(str(tmp_path))
    path = os.path.join(project, TRANSLATION)
    text = open(path, encoding="utf-8").read()
    text = re.sub(r'  s9-2/p1:\n    ja: "[^"]*"\n    en: "[^"]*"\n', "", text)
    open(path, "w", encoding="utf-8").write(text)
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert f"English units {SEED_ID} 57/58" in result.stdout
    page = open(os.path.join(project, "docs", SEED_ID, "north-korea.md"), encoding="utf-8").read()
    s92 = page[page.index('id="s9-2"'):page.index('id="s9-3"')]
    assert "ss-pair--solo" in s92 and '<p class="ss-en"' not in s92


def test_changed_japanese_sentence_fails_as_stale(tmp_path):
    project = copy_project(str(tmp_path))
    edit(project, f"content/records/{SEED_ID}.txt", "暖かい評価に感謝する", "温かい評価に感謝する")
    (line,) = problems(project)
    assert re.fullmatch(rf"{re.escape(TRANSLATION)}:\d+: stale gloss 's1-3/p1': expected ja '.*'… as in "
                        rf"content/records/{SEED_ID}.txt:23, found '.*'…", line)


def test_record_without_glosses_builds_japanese_only(tmp_path):
    project = copy_project(str(tmp_path))
    os.remove(os.path.join(project, TRANSLATION))
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert f"English units {SEED_ID} 0/58" in result.stdout


def test_glossary_entry_occurring_nowhere_is_an_error(tmp_path):
    project = copy_project(str(tmp_path))
    lines = append(project, "content/glossary.yml",
                   '- id: "nowhere"\n  kind: "term"\n  forms:\n    "存在しない語": "そんざいしないご"\n  en: "x"\n  note: "y"\n')
    assert problems(project)[0] == (f"content/glossary.yml:{len(lines) - 5}: entry 'nowhere': none of its "
                                    "forms (存在しない語) occurs in any record")


def test_glossary_schema_errors_are_all_reported(tmp_path):
    project = copy_project(str(tmp_path))
    append(project, "content/glossary.yml",
           '- id: "Bad Id"\n  kind: "animal"\n  forms:\n    "総理": "そうり"\n  en: "x"\n  note: "y"\n  extra: 1\n')
    messages = [line.split(": ", 1)[1] for line in problems(project)]
    assert messages == [
        "entry 'Bad Id': unknown key 'extra' (expected one of: id, kind, forms, en, note, note_ja, records)",
        "entry 'Bad Id': expected an id of lowercase letters, digits and hyphens",
        "entry 'Bad Id': expected kind to be one of person, place, organisation, agreement, event, term, found 'animal'",
        "entry 'Bad Id': form '総理' is already a form of 'sori'",
    ]


def test_glossary_records_must_be_a_list_of_existing_record_ids(tmp_path):
    project = copy_project(str(tmp_path))
    lines = append(project, "content/glossary.yml",
                   '- id: "scoped"\n  kind: "term"\n  records: "2003-01-10-japan-russia"\n  forms:\n'
                   '    "四島交流": "よんとうこうりゅう"\n  en: "x"\n  note: "y"\n')
    assert problems(project)[0] == (
        f"content/glossary.yml:{len(lines) - 4}: entry 'scoped': expected 'records' to be a list of record ids, "
        "found '2003-01-10-japan-russia'")
    edit(project, "content/glossary.yml", 'records: "2003-01-10-japan-russia"', 'records: ["2003-01-10-japan-us"]')
    edit(project, "content/glossary.yml", '"四島交流": "よんとうこうりゅう"', '"日露行動計画の": "にちろこうどうけいかくの"')
    assert problems(project)[:2] == [
        f"content/glossary.yml:{len(lines) - 6}: entry 'scoped': none of its forms (日露行動計画の) occurs in any "
        "record it is limited to",
        f"content/glossary.yml:{len(lines) - 6}: entry 'scoped': expected 'records' to name records of "
        "content/records/, found '2003-01-10-japan-us'"]


def test_timeline_wrong_passage_id_names_the_entry(tmp_path):
    project = copy_project(str(tmp_path))
    edit(project, "content/timeline.yml", 'refs: ["s1-3"]', 'refs: ["s1-9"]')
    (line,) = problems(project)
    assert re.fullmatch(r"content/timeline\.yml:\d+: event 'bolshoi-nutcracker': expected a passage id of "
                        rf"{SEED_ID}, found 's1-9'", line)


def test_timeline_date_must_match_precision(tmp_path):
    project = copy_project(str(tmp_path))
    edit(project, "content/timeline.yml", 'date: "2003-01-09"', 'date: "2003-01"')
    result = run_build(project)
    assert result.returncode == 1
    assert "expected 'date' in ISO form matching precision 'day', found '2003-01'" in result.stderr


def test_yaml_syntax_error_names_file_and_line(tmp_path):
    project = copy_project(str(tmp_path))
    with open(os.path.join(project, "content", "records", f"{SEED_ID}.yml"), "a", encoding="utf-8") as handle:
        handle.write("topics: [unclosed\n")
    result = run_build(project)
    assert result.returncode == 1
    assert re.match(rf"content/records/{SEED_ID}\.yml:\d+: expected valid YAML, found ", result.stderr)
    assert "Traceback" not in result.stderr


def test_curated_timeline_entries_have_sources_and_valid_refs():
    events = yaml.safe_load(open(os.path.join(ROOT, "content", "timeline.yml"), encoding="utf-8"))
    assert len(events) >= 14 and all(e["source"] for e in events)


def test_yaml_values_are_those_of_the_safe_loader(tmp_path):
    """Strings are taken from the parser as they are (yamlfile._construct): the values must still be
    exactly what PyYAML's safe loader makes, for every kind of scalar, tag, alias and the content files."""
    from summitsite.yamlfile import load_yaml

    class Reference(yaml.SafeLoader):
        pass

    Reference.yaml_implicit_resolvers = {  # dates stay strings in load_yaml too
        k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    tricky = tmp_path / "tricky.yml"
    tricky.write_text(
        'plain: 日ロ首脳会談\nquoted: "10"\nsingle: \'yes\'\nnumber: 10\nfloat: 1.5\nyes_: yes\nno_: off\n'
        'null_: ~\nempty:\ndate: 2003-01-10\ntagged: !!str 12\nint_tagged: !!int "7"\n'
        'block: |\n  一行目\n  二行目\nfolded: >\n  a\n  b\nanchor: &a 共通\nalias: *a\n'
        'list: [1, "1", one, null, true]\nnested: {k: [ {x: "y"} ]}\n"10": key\n1: int key\n',
        encoding="utf-8")
    paths = [str(tricky)] + [os.path.join(root, name) for root, _, names in os.walk(os.path.join(ROOT, "content"))
                             for name in names if name.endswith(".yml")]
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            expected = yaml.load(handle, Loader=Reference)  # noqa: S506 - a SafeLoader
        got = load_yaml(path, path)
        assert got == expected and _types(got) == _types(expected), path


def _types(value):
    if isinstance(value, dict):
        return {k: (type(k), _types(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value)
