"""``build.py add``: a MOFA page as saved or pasted → a new record of the collection, in one step.

The page is read (text as pasted or saved, UTF-8 or Shift_JIS; or a page saved from a browser as .html,
whose visible text is taken) and parsed with the build's own rules, so a page the build would refuse is
refused here, with the same messages. Then three files are written, none over an existing one:
``content/records/<id>.txt`` (a text file byte for byte as given), ``<id>.yml`` (source, publisher,
retrieval date, licence, topic slugs, and the title or date the page lacks) and
``content/translations/<id>.en.yml`` (every unit with its Japanese and an empty English, in reading
order). The id comes from the date and the countries: ``2010-10-04-japan-france``.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from .content import GlossaryEntry
from .countries import countries_in
from .decode import decode_record
from .errors import BuildError, Problem
from .htmltext import html_to_text
from .model import Record
from .parse import parse_record
from .pipeline import RECORD_ID
from .terms import TermMatcher
from .units import record_units
from .yamlfile import quoted

PUBLISHER = ("外務省", "Ministry of Foreign Affairs of Japan")
LICENCE = ("Published by the Ministry of Foreign Affairs of Japan; reproduced under MOFA's website terms of use "
           "(Government of Japan Standard Terms of Use, compatible with CC BY 4.0). English glosses, glossary "
           "and timeline are this site's own work.")
HTML = (".html", ".htm", ".shtml", ".xhtml")


@dataclass
class NewRecord:
    """A parsed page and the three files that add it to the collection ({path: bytes})."""

    record: Record
    files: dict[str, bytes]
    slugs: dict[int, str]
    units: int


def on_the_command_line(key: str) -> str:
    return f"give it with --{key} {'YYYY-MM-DD' if key == 'date' else 'TITLE'}"


def prepare(path: str, content_dir: str, root: str, glossary: list[GlossaryEntry], *, record_id: str | None = None,
            source_url: str | None = None, title: str | None = None, date: str | None = None,
            today: dt.date | None = None) -> NewRecord:
    """Read and parse the page at ``path`` and make the files of the new record (nothing is written)."""
    display = os.path.relpath(path, root)
    with open(path, "rb") as handle:
        data = handle.read()
    if path.lower().endswith(HTML):
        try:
            text, canonical = html_to_text(data)
        except UnicodeDecodeError:
            raise BuildError([Problem(display, 1, "expected an HTML page in UTF-8 or Shift_JIS, found bytes that "
                                                  "are neither")]) from None
        data, source_url = text.encode("utf-8"), source_url or canonical
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", date):
        raise BuildError([Problem(display, 0, f"expected --date as YYYY-MM-DD, found '{date}'")])
    record = parse_record(decode_record(data, display), display, "new", date, title, supply=on_the_command_line)
    record.id = record_id or free_id(content_dir, default_id(record))
    if not re.match(RECORD_ID, record.id):
        raise BuildError([Problem(display, 0, "expected --id of lowercase letters, digits and hyphens (it becomes "
                                              f"the URL), found '{record.id}'")])
    slugs = topic_slugs(record, glossary)
    for topic in record.topics:
        topic.slug = slugs.get(topic.number, f"topic-{topic.number}")
    units = record_units(record)
    meta = _meta_yaml(record, slugs, source_url, title, date, today or dt.date.today())
    english = _translation_yaml(record, units)
    folder = os.path.join(content_dir, "records")
    files = {os.path.join(folder, f"{record.id}.txt"): data, os.path.join(folder, f"{record.id}.yml"): meta.encode(),
             os.path.join(content_dir, "translations", f"{record.id}.en.yml"): english.encode()}
    taken = [p for p in files if os.path.exists(p)]
    if taken:
        raise BuildError([Problem(os.path.relpath(taken[0], root), 0, f"expected a new record, found record "
                                  f"'{record.id}' already in the collection (nothing was written; choose "
                                  "another with --id)")])
    return NewRecord(record, files, slugs, len(units))


def default_id(record: Record) -> str:
    """'<date>-japan-<country>…', from the record's date and the countries its title (or lead) names."""
    countries = [c.slug for c in countries_in(record.title, record.lead[0].text if record.lead else "")]
    return f"{record.date}-" + ("-".join(countries) if len(countries) > 1 else "summit")


def free_id(content_dir: str, wanted: str) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… when a record of the collection has it."""
    folder = os.path.join(content_dir, "records")
    candidate, k = wanted, 1
    while os.path.exists(os.path.join(folder, f"{candidate}.txt")):
        k += 1
        candidate = f"{wanted}-{k}"
    return candidate


def topic_slugs(record: Record, glossary: list[GlossaryEntry]) -> dict[int, str]:
    """A slug for each titled topic, made of the English the glossary gives the words of its title
    (北朝鮮 → north-korea) when they make up most of it; the others keep 'topic-N'."""
    matcher = TermMatcher([e for e in glossary if e.applies_to(record.id)])
    slugs: dict[int, str] = {}
    for topic in record.topics:
        if not topic.title:
            continue
        words, covered = [], 0
        for m in matcher.finditer(topic.title):
            entry, _reading = matcher.by_form[m.group()]
            words += _ascii_words(entry.en)
            covered += len(m.group())
        letters = len(re.sub(r"[\W_のと及びおけるにつ]", "", topic.title))
        slug = "-".join(dict.fromkeys(words))[:60].strip("-")
        if slug and covered * 2 >= letters and slug not in slugs.values():
            slugs[topic.number] = slug
    return slugs


def _ascii_words(english: str) -> list[str]:
    """'four northern islands (Northern Territories)' → ['four', 'northern', 'islands']."""
    head = re.split(r"\s*[(;,—]", english)[0]
    return re.findall(r"[a-z0-9]+", head.lower().replace("'", ""))


def _meta_yaml(record: Record, slugs: dict[int, str], source_url: str | None, title: str | None, date: str | None,
               today: dt.date) -> str:
    lines = [f"# Data for content/records/{record.id}.txt (written by build.py add; edit freely).",
             f"source_url: {quoted(source_url or '')}" + ("" if source_url else "  # the MOFA page's address"),
             f"publisher: {quoted(PUBLISHER[0])}", f"publisher_en: {quoted(PUBLISHER[1])}",
             f"retrieved: {quoted(today.isoformat())}", f"licence: {quoted(LICENCE)}"]
    if title:
        lines.append(f"title: {quoted(title)}  # the page as copied has no title line")
    if date:
        lines.append(f"date: {quoted(date)}  # the page as copied has no date line")
    if slugs:
        lines.append("topics:  # each topic's URL; the others are topic-1, topic-2…")
        lines += [f"  {number}: {slug}" for number, slug in sorted(slugs.items())]
    return "\n".join(lines) + "\n"


def _translation_yaml(record: Record, units) -> str:
    lines = [f"# English for content/records/{record.id}.txt: write each en. ja is the Japanese it translates,",
             "# which the build checks against the record; a unit left empty shows its Japanese alone.",
             f"record: {record.id}", "units:"]
    for unit in units:
        lines += [f"  {unit.key}:", f"    ja: {quoted(unit.ja)}", '    en: ""']
    return "\n".join(lines) + "\n"


def write(new: NewRecord) -> list[str]:
    """Write the new record's files, each only if it does not exist; all or none."""
    written: list[str] = []
    try:
        for path, data in new.files.items():
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "xb") as handle:
                handle.write(data)
            written.append(path)
    except OSError:
        for path in written:
            os.remove(path)
        raise
    return written
