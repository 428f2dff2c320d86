"""The generator end to end: determinism, --check, writes only what changed, JSON, several records."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import sys


from conftest import ROOT, SEED_ID, copy_project, make_record, run_build, run_mkdocs

sys.path.insert(0, os.path.join(ROOT, "bench"))
from synth import write_records  # noqa: E402

OTHER = make_record("日米首脳会談概要\n\n平成15年5月23日\n\n 23日午前10時15分より同11時30分まで、"
                    "クロフォードにおいて会談が行われた。\n\n1.北朝鮮\n(1)ブッシュ大統領より、述べた。\n"
                    "(2)総理より、述べた。\n2.イラク\n両首脳は、協力を確認した。")


def synthetic_project(tmp_path, count: int, seed: int = 0) -> tuple[str, list[str]]:
    """A copy of the project with ``count`` synthetic records beside the seed, and their paths."""
    project = copy_project(str(tmp_path))
    return project, write_records(os.path.join(project, "content", "records"), count, seed=seed)


def tree(folder: str) -> dict[str, bytes]:
    out = {}
    for base, _dirs, names in os.walk(folder):
        for name in names:
            path = os.path.join(base, name)
            out[os.path.relpath(path, folder)] = open(path, "rb").read()
    return out


def test_committed_docs_are_current():
    result = run_build(ROOT, "--check")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("docs/ is up to date")


def test_rebuild_writes_nothing_and_is_byte_identical(tmp_path):
    project = copy_project(str(tmp_path))
    first = run_build(project)
    assert first.returncode == 0, first.stderr
    snapshot = tree(os.path.join(project, "docs"))
    mtimes = {p: os.stat(os.path.join(project, "docs", p)).st_mtime_ns for p in snapshot}
    second = run_build(project)
    assert " 0 written, 0 removed" in second.stdout
    assert tree(os.path.join(project, "docs")) == snapshot
    assert {p: os.stat(os.path.join(project, "docs", p)).st_mtime_ns for p in snapshot} == mtimes


def test_check_fails_on_stale_and_extra_files(tmp_path):
    project = copy_project(str(tmp_path))
    run_build(project)
    page = os.path.join(project, "docs", SEED_ID, "iraq.md")
    with open(page, "a", encoding="utf-8") as handle:
        handle.write("edited by hand\n")
    open(os.path.join(project, "docs", "stray.md"), "w").close()
    result = run_build(project, "--check")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"docs/{SEED_ID}/iraq.md: out of date", "docs/stray.md: not produced by "
                                          "the build", "docs/ is stale: run 'python scripts/build.py'"]
    assert open(page, encoding="utf-8").read().endswith("edited by hand\n"), "--check must not write"


def test_pages_and_json_of_the_seed(seed_record):
    docs = os.path.join(ROOT, "docs", SEED_ID)
    pages = sorted(n for n in os.listdir(docs) if n.endswith(".md"))
    assert len(pages) == 11 and "index.md" in pages
    data = json.load(open(os.path.join(docs, "record.json"), encoding="utf-8"))
    assert len(data["topics"]) == 10 and sum(len(t["statements"]) for t in data["topics"]) == 27
    assert data["sessions"] == [{"start": "12:06", "end": "13:47", "label": "少人数会合"},
                                {"start": "13:51", "end": "14:57", "label": "全体会合"}]
    assert data["source_url"] == "https://www.mofa.go.jp/mofaj/kaidan/s_koi/russia_03/jr_kaidan.html"
    assert data["topics"][8]["slug"] == "north-korea"


def test_parse_command_prints_the_json_contract():
    import subprocess
    out = subprocess.run([sys.executable, "scripts/build.py", "parse", f"content/records/{SEED_ID}.txt"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["title"] == "日露首脳会談(概要)" and data["date"] == "2003-01-10" and data["era_date"] == "平成15年1月10日"
    assert data["topics"][0]["statements"][0]["speakers"] == ["プーチン大統領"]


def test_several_records_build_side_by_side_with_fallback_slugs(tmp_path):
    project = copy_project(str(tmp_path), {"2003-05-23-japan-us.txt": OTHER})
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    docs = os.path.join(project, "docs")
    assert sorted(os.listdir(os.path.join(docs, "2003-05-23-japan-us"))) == ["index.md", "record.json", "topic-1.md",
                                                                            "topic-2.md"]
    assert "English units 2003-01-10-japan-russia 58/58, 2003-05-23-japan-us 0/" in result.stdout
    home = open(os.path.join(docs, "index.md"), encoding="utf-8").read()
    assert home.index("日米首脳会談概要") < home.index("日露首脳会談(概要)"), "newest record first"
    timeline = json.load(open(os.path.join(docs, "timeline.json"), encoding="utf-8"))
    assert {"record-2003-01-10-japan-russia", "record-2003-05-23-japan-us"} <= {e["id"] for e in timeline["events"]}
    site = os.path.join(project, "site")
    built = run_mkdocs(project, site)
    assert built.returncode == 0, built.stderr
    assert os.path.exists(os.path.join(site, "2003-05-23-japan-us", "topic-2", "index.html"))


def test_japanese_only_build_has_no_english(tmp_path):
    project = copy_project(str(tmp_path))
    result = run_build(project, "--ja-only")
    assert result.returncode == 0, result.stderr
    page = open(os.path.join(project, "docs", SEED_ID, "iraq.md"), encoding="utf-8").read()
    assert 'lang="en">President Putin' not in page and "ss-pair--solo" in page
    # SS_GENERATE=0: MkDocs builds that docs/ as it is, instead of generating the bilingual one first.
    site = os.path.join(project, "site")
    assert run_mkdocs(project, site, {"SS_GENERATE": "0"}).returncode == 0
    built = open(os.path.join(site, SEED_ID, "iraq", "index.html"), encoding="utf-8").read()
    assert 'lang="en">President Putin' not in built and "ss-pair--solo" in built
    assert open(os.path.join(project, "docs", SEED_ID, "iraq.md"), encoding="utf-8").read() == page


def test_mkdocs_build_generates_docs_first(tmp_path):
    """``make site`` is one ``mkdocs build``: its pre-build hook generates docs/ from content/ in the
    same process, exactly as scripts/build.py would, so a record dropped into content/records/ is on the
    site after that one command, and the log says what the generator did and how long it took."""
    project = copy_project(str(tmp_path))
    with open(os.path.join(project, "content", "records", "2003-05-23-japan-us.txt"), "w", encoding="utf-8") as f:
        f.write(OTHER)
    os.mkdir(os.path.join(project, "docs"))  # empty, as `make site` makes it: MkDocs checks it exists first
    site = os.path.join(project, "site")
    result = run_mkdocs(project, site, quiet=False)
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stderr.splitlines() if "generated docs/" in x)
    assert re.search(r"INFO +- +generated docs/ from 2 record\(s\) in \d+\.\d{3} s \(CPU \d+\.\d{3} s\): "
                     r"\d+ written, 0 removed, \d+ unchanged$", line), line
    assert os.path.exists(os.path.join(site, "2003-05-23-japan-us", "topic-2", "index.html"))
    check = run_build(project, "--check")  # what the hook wrote is what the generator makes
    assert check.returncode == 0, check.stderr
    # Over an up-to-date docs/ nothing is written, so the files MkDocs reads keep their times.
    mtimes = {p: os.stat(os.path.join(project, "docs", p)).st_mtime_ns for p in tree(os.path.join(project, "docs"))}
    again = run_mkdocs(project, site, quiet=False)
    assert again.returncode == 0 and " 0 written, 0 removed" in again.stderr, again.stderr
    assert {p: os.stat(os.path.join(project, "docs", p)).st_mtime_ns for p in mtimes} == mtimes


def test_a_bad_record_stops_mkdocs_build_and_changes_nothing(tmp_path):
    """A bad record in ``make site``: every problem as FILE:LINE, exit 1, no traceback, and docs/ and the
    previous site/ exactly as they were."""
    project = copy_project(str(tmp_path))
    os.mkdir(os.path.join(project, "docs"))
    site = os.path.join(project, "site")
    assert run_mkdocs(project, site).returncode == 0
    docs_before, site_before = tree(os.path.join(project, "docs")), tree(site)
    bad = OTHER.replace("2.イラク", "3.イラク")
    with open(os.path.join(project, "content", "records", "2003-05-23-japan-us.txt"), "w", encoding="utf-8") as f:
        f.write(bad)
    line = bad.splitlines().index("3.イラク") + 1
    result = run_mkdocs(project, site, quiet=False)
    assert result.returncode == 1
    assert f"ERROR   -  content/records/2003-05-23-japan-us.txt:{line}: expected topic 2, found topic 3" in result.stderr
    assert "docs/ and site/ were left unchanged" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(os.path.join(project, "docs")) == docs_before and tree(site) == site_before


def test_site_build_is_deterministic(tmp_path, built_site):
    project = os.path.dirname(built_site)
    again = os.path.join(str(tmp_path), "site2")
    result = run_mkdocs(project, again)
    assert result.returncode == 0, result.stderr
    first, second = tree(built_site), tree(again)
    assert first.keys() == second.keys()
    assert [p for p in first if first[p] != second[p]] == []
    shutil.rmtree(again)


def test_generated_bodies_pass_through_markdown_unchanged(tmp_path):
    """The hooks hand generated pages to Material without Python-Markdown (scripts/mkdocs_hooks.py):
    that is only right while Markdown would give each body back unchanged and MkDocs would collect
    the same anchor ids. Checked on every page of the seed and of three synthetic records."""
    import markdown
    from mkdocs.structure.pages import _HTMLHandler
    import mkdocs_hooks
    assert "\nmarkdown_extensions: []\n" in open(os.path.join(ROOT, "mkdocs.yml"), encoding="utf-8").read()
    project, _paths = synthetic_project(tmp_path, 3, seed=1)
    assert run_build(project).returncode == 0
    pages = 0
    for path, data in tree(os.path.join(project, "docs")).items():
        if not path.endswith(".md"):
            continue
        body = data.decode("utf-8").split("---\n", 2)[2]
        assert mkdocs_hooks.is_generated_body(body), path
        # MkDocs' own Markdown setup: its default extensions and no others (mkdocs.yml adds none).
        assert markdown.markdown(body, extensions=["toc", "tables", "fenced_code"]) == body.strip(), path
        handler = _HTMLHandler()
        handler.feed(body)
        handler.close()
        ids = {html.unescape(i) for i in mkdocs_hooks.ANCHOR_ID.findall(body)}
        assert ids == handler.present_anchor_ids, path
        pages += 1
    assert pages > 40
    assert not mkdocs_hooks.is_generated_body('<div class="ss-page x">a</div>\n\n<p>b</p>')
    assert not mkdocs_hooks.is_generated_body("# A hand-written page\n")


def test_glossary_entry_limited_to_records_is_marked_only_there(tmp_path):
    """行動計画 is the Japan-Russia Action Plan in the seed (content/glossary.yml limits the entry to it);
    another record's 行動計画 stays plain text, and the glossary lists only the seed's passages."""
    project, _paths = synthetic_project(tmp_path, 6)
    assert run_build(project).returncode == 0
    pages = {p: d.decode("utf-8") for p, d in tree(os.path.join(project, "docs")).items() if p.endswith(".md")}
    others = [p for p, text in pages.items() if not p.startswith(SEED_ID) and "行動計画" in text]
    assert others, "a synthetic record mentions an action plan"
    link = "glossary/#g-japan-russia-action-plan"
    assert all(link not in pages[p] for p in others)
    assert link in pages[f"{SEED_ID}/territorial-issue-action-plan.md"]
    glossary = pages["glossary.md"]
    entry = glossary[glossary.index('id="g-japan-russia-action-plan"'):]
    entry = entry[:entry.index('<div class="ss-gloss__entry"')]
    assert "Marked only in" in entry and entry.count('class="ss-gloss__record"') == 1


def test_one_form_can_mean_different_things_in_different_records(tmp_path):
    """Two entries may share a form when each is limited to records the other is not; where both
    could apply, the second is an error naming the first."""
    project, paths = synthetic_project(tmp_path, 6)
    other = next(os.path.basename(p)[:-4] for p in paths if "行動計画" in open(p, encoding="utf-8").read())
    glossary = os.path.join(project, "content", "glossary.yml")
    entry = ('- id: "other-action-plan"\n  kind: "agreement"\n  records: ["{records}"]\n  forms:\n'
             '    "行動計画": "こうどうけいかく"\n  en: "the action plan of this meeting"\n  note: "x"\n')
    with open(glossary, "a", encoding="utf-8") as handle:
        handle.write(entry.format(records=other))
    assert run_build(project).returncode == 0
    docs = tree(os.path.join(project, "docs"))
    mine = [d.decode("utf-8") for p, d in docs.items() if p.startswith(other + "/") and p.endswith(".md")]
    marked = [text for text in mine if "glossary/#g-other-action-plan" in text]
    assert marked and not any("#g-japan-russia-action-plan" in text for text in mine)
    assert "glossary/#g-japan-russia-action-plan" in docs[f"{SEED_ID}/territorial-issue-action-plan.md"].decode()
    with open(glossary, "a", encoding="utf-8") as handle:
        handle.write(entry.replace("other-action-plan", "clash").format(records=f'{other}", "{SEED_ID}'))
    result = run_build(project)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].endswith("entry 'clash': form '行動計画' is already a form of "
                                                  "'japan-russia-action-plan'")


def test_a_bad_record_in_a_collection_stops_the_build(tmp_path):
    """One bad record among many: FILE:LINE, exit 1, no traceback, and no docs/ at all."""
    project, paths = synthetic_project(tmp_path, 20)
    bad = sorted(paths)[7]
    lines = open(bad, encoding="utf-8").read().splitlines()
    topic = next(i for i, line in enumerate(lines)  # topic 2's line, not a list's counter before (2)
                 if re.match(r"\s*[2２](?:[.．]\s*|[ \u3000])[^\s(（]", line))
    lines[topic] = re.sub("[2２]", "7", lines[topic], count=1)
    with open(bad, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    result = run_build(project)
    assert result.returncode == 1
    assert f"content/records/{os.path.basename(bad)}:{topic + 1}: expected topic 2, found topic 7" in result.stderr
    assert "Traceback" not in result.stderr
    assert not os.path.exists(os.path.join(project, "docs"))


def test_the_cycle_collector_is_paused_only_during_a_build(tmp_path):
    """``mkdocs serve`` builds in its own long-lived process: the build must give the collector back."""
    import gc

    from summitsite import pipeline
    project = copy_project(str(tmp_path))
    seen = []
    original = pipeline.gather

    def gather(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)
    pipeline.gather, enabled = gather, gc.isenabled()
    try:
        gc.enable()
        pipeline.build(project)
        assert seen == [False] and gc.isenabled()
    finally:
        pipeline.gather = original
        if not enabled:
            gc.disable()


def test_serve_picks_up_an_edit_to_the_generator(tmp_path):
    """Under ``mkdocs serve`` the hooks run in one long-lived process: after an edit to a file of
    scripts/summitsite/ the next rebuild loads the generator afresh (and only then)."""
    import subprocess
    project = copy_project(str(tmp_path))
    script = """
import importlib.util, os, sys
spec = importlib.util.spec_from_file_location("hooks", os.path.join("scripts", "mkdocs_hooks.py"))
hooks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hooks)
first, _, cache = hooks._generator()
again, _, cache_again = hooks._generator()
blocks = os.path.join("scripts", "summitsite", "blocks.py")
info = os.stat(blocks)
os.utime(blocks, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
edited, error, new_cache = hooks._generator()
print(first is again, edited is first, sys.modules["summitsite.pipeline"].build is edited,
      error is sys.modules["summitsite.errors"].BuildError, os.path.abspath("scripts") in sys.path,
      cache is cache_again, new_cache is cache, type(new_cache) is sys.modules["summitsite.render"].RecordCache)
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "False", "True", "True", "False", "True", "False", "True"]


def test_files_the_build_no_longer_makes_are_removed_with_their_folders(tmp_path):
    """A record taken out of content/records/ takes its pages with it; a stray file in docs/ goes too,
    and so do the folders left empty. The rest of docs/ is what a fresh build makes."""
    project = copy_project(str(tmp_path), {"2003-05-23-japan-us.txt": OTHER})
    assert run_build(project).returncode == 0
    docs = os.path.join(project, "docs")
    assert sorted(os.listdir(os.path.join(docs, "2003-05-23-japan-us"))) == [
        "index.md", "record.json", "topic-1.md", "topic-2.md"]
    os.makedirs(os.path.join(docs, "old", "deeper"))
    for stray in ("stray.md", os.path.join("old", "deeper", "page.md")):
        open(os.path.join(docs, stray), "w").close()
    os.remove(os.path.join(project, "content", "records", "2003-05-23-japan-us.txt"))
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    assert ", 6 removed," in result.stdout
    for gone in ("2003-05-23-japan-us", "old", "stray.md"):
        assert not os.path.exists(os.path.join(docs, gone)), gone
    fresh = copy_project(str(tmp_path / "fresh"))
    assert run_build(fresh).returncode == 0
    assert tree(docs) == tree(os.path.join(fresh, "docs"))


def test_serves_record_cache_gives_what_a_fresh_build_gives(tmp_path, monkeypatch):
    """Under ``make serve`` a save re-renders only the records whose pages it can change (``RecordCache``):
    after each kind of save the cached build's docs/ is byte for byte a fresh build's, and the records
    rendered again are the ones the save touched: for the glossary or the readings, those whose text holds
    the entry's forms or the word; for a template, all."""
    from summitsite import pipeline, render
    from summitsite.record_pages import RecordPages
    project, paths = synthetic_project(tmp_path, 3)
    templates = os.path.join(str(tmp_path), "templates")
    shutil.copytree(render.TEMPLATES, templates, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(render, "TEMPLATES", templates)
    rendered: list[str] = []
    files = RecordPages.files
    monkeypatch.setattr(RecordPages, "files", lambda self, record: rendered.append(record.id) or files(self, record))
    content = os.path.join(project, "content")
    synthetic = os.path.basename(paths[1])[: -len(".txt")]

    def edit(path: str, old: str, new: str) -> None:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        assert old in text, (path, old)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text.replace(old, new, 1))

    def record_text_edit():
        with open(paths[1], encoding="utf-8") as handle:
            sentence = next(line for line in handle if line.rstrip().endswith("。") and "、" in line)
        edit(paths[1], sentence, sentence.replace("、", "、また、", 1))

    def holding(word: str) -> set[str]:  # the records whose text holds ``word`` (read from their files)
        found = {SEED_ID} if word in open(os.path.join(content, "records", f"{SEED_ID}.txt"), encoding="utf-8").read() else set()
        return found | {os.path.basename(p)[: -len(".txt")] for p in paths if word in open(p, encoding="utf-8").read()}

    cache = render.RecordCache()
    assert pipeline.build(project, cache=cache).records == 4
    assert len(rendered) == 4
    saves = [
        ("nothing", lambda: None, set()),
        ("a record's text", record_text_edit, {synthetic}),
        ("a record's English", lambda: edit(os.path.join(content, "translations", f"{SEED_ID}.en.yml"),
                                            "An outline of the meeting", "The outline of the meeting"), {SEED_ID}),
        ("the timeline", lambda: edit(os.path.join(content, "timeline.yml"), "ボリショイ劇場で", "ボリショイ劇場にて"),
         {SEED_ID}),
        ("the glossary", lambda: edit(os.path.join(content, "glossary.yml"), '"Junichiro Koizumi"', '"KOIZUMI Junichiro"'),
         holding("小泉総理")),
        ("the readings", lambda: edit(os.path.join(content, "readings.yml"), '"一点": "いってん"', '"一点": "いちてん"'),
         holding("一点")),
        ("a template", lambda: edit(os.path.join(templates, "topic.html"), "</nav>\n</div>", "</nav>\n<!-- edited -->\n</div>"),
         "all"),
    ]
    everything = {SEED_ID} | {os.path.basename(p)[: -len(".txt")] for p in paths}
    for name, save, expected in saves:
        assert expected == "all" or len(expected) < len(everything), name  # the save must not touch everything
        rendered.clear()
        save()
        pipeline.build(project, cache=cache)
        assert set(rendered) == (everything if expected == "all" else expected), name
        fresh = os.path.join(str(tmp_path), "fresh")
        shutil.rmtree(fresh, ignore_errors=True)
        pipeline.build(project, out_dir=fresh)
        assert tree(os.path.join(project, "docs")) == tree(fresh), name
