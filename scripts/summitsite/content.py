"""Content data in YAML (record metadata, English glosses, glossary, curated timeline), validated.

Every problem names the file and line (``content/glossary.yml:12: entry 'putin': …``) and all
problems of all files are reported together.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from .errors import BuildError, Problem
from .yamlfile import Mapping, Sequence, line_of, load_yaml

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2}(?:T\d{2}:\d{2})?)?)?$")
PRECISIONS = {"year": 4, "month": 7, "day": 10, "minute": 16}
GLOSSARY_KINDS = ("person", "place", "organisation", "agreement", "event", "term")
TIMELINE_KINDS = ("meeting", "mentioned", "context")


@dataclass
class RecordMeta:
    """Optional data kept in ``content/records/<id>.yml`` beside a record's text; ``title`` and ``date``
    stand in for a title or date line the page lacks."""

    source_url: str | None = None
    source_url_en: str | None = None  # MOFA's own English outline of the meeting, where there is one
    publisher: str | None = None
    publisher_en: str | None = None
    retrieved: str | None = None
    licence: str | None = None
    date: str | None = None
    title: str | None = None
    countries: list[str] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    topics: dict[int, str] = field(default_factory=dict)


@dataclass
class Gloss:
    """The English for one unit of a record, with the Japanese it was made from ('' when not yet made)."""

    key: str
    ja: str
    en: str
    line: int


@dataclass
class Translation:
    """All glosses of one record, from ``content/translations/<id>.en.yml``."""

    record: str
    path: str
    units: dict[str, Gloss]


@dataclass
class GlossaryEntry:
    """A glossary term: its surface forms with readings, English, kind, a one-line note in English and,
    optionally, a short explanation in Japanese (``note_ja``, shown in the term's popover).

    ``records``, when given, are the only records whose text the forms are marked in: for an entry
    whose forms mean it only in their own context (行動計画 is the Japan-Russia Action Plan in the
    2003 record, not in every record that mentions an action plan)."""

    id: str
    kind: str
    forms: dict[str, str]
    en: str
    note: str
    line: int
    records: tuple[str, ...] = ()
    note_ja: str | None = None

    def applies_to(self, record_id: str) -> bool:
        return not self.records or record_id in self.records


@dataclass
class TimelineEvent:
    """A curated event; ``refs`` are passage ids in ``record``."""

    id: str
    date: str
    end: str | None
    precision: str
    kind: str
    ja: str
    en: str
    record: str | None
    refs: list[str]
    source: str
    line: int


class _Checker:
    """Collects problems for one file while fields are read."""

    def __init__(self, display: str):
        self.display = display
        self.problems: list[Problem] = []

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.display, line, message))

    def string(self, data: Mapping, key: str, where: str, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None:
            if required:
                self.add(line_of(data), f"{where}expected '{key}', found nothing")
            return None
        if not isinstance(value, str) or (required and not value.strip()):
            self.add(line_of(data, key), f"{where}expected '{key}' to be a non-empty string, found {value!r}")
            return None
        return value

    def unknown(self, data: Mapping, allowed: tuple[str, ...], where: str) -> None:
        for key in data:
            if key not in allowed:
                self.add(line_of(data, key), f"{where}unknown key '{key}' (expected one of: {', '.join(allowed)})")


def _display(path: str, root: str) -> str:
    return os.path.relpath(path, root)


def _load_list(path: str, root: str, what: str) -> tuple[Sequence, _Checker]:
    """A YAML file holding a list (empty when the file is absent), and a checker naming it."""
    display = _display(path, root)
    if not os.path.exists(path):
        return Sequence(), _Checker(display)
    data = load_yaml(path, display) or Sequence()
    if not isinstance(data, list):
        raise BuildError([Problem(display, 1, f"expected a list of {what}, found {type(data).__name__}")])
    return data, _Checker(display)


def load_record_meta(path: str, root: str) -> RecordMeta:
    """Read a record's optional YAML; a missing file gives empty metadata."""
    if not os.path.exists(path):
        return RecordMeta()
    display = _display(path, root)
    data = load_yaml(path, display)
    check = _Checker(display)
    if data is None:
        return RecordMeta()
    if not isinstance(data, Mapping):
        raise BuildError([Problem(display, 1, "expected a mapping of record metadata, found "
                                              f"{type(data).__name__}")])
    allowed = ("source_url", "source_url_en", "publisher", "publisher_en", "retrieved", "licence", "date", "title",
               "countries", "leaders", "topics")
    check.unknown(data, allowed, "")
    meta = RecordMeta()
    for key in ("source_url", "source_url_en", "publisher", "publisher_en", "retrieved", "licence", "date", "title"):
        setattr(meta, key, check.string(data, key, "", required=False))
    if meta.date and not ISO.match(meta.date):
        check.add(line_of(data, "date"), f"expected 'date' as YYYY-MM-DD, found {meta.date!r}")
    for key in ("countries", "leaders"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            check.add(line_of(data, key), f"expected '{key}' to be a list of names, found {value!r}")
        else:
            setattr(meta, key, list(value))
    topics = data.get("topics", Mapping())
    if not isinstance(topics, Mapping):
        check.add(line_of(data, "topics"), f"expected 'topics' to map topic numbers to slugs, found {topics!r}")
    else:
        seen: dict[str, int] = {}
        for number, slug in topics.items():
            where = line_of(topics, number)
            if not isinstance(number, int) or number < 1:
                check.add(where, f"expected a topic number, found {number!r}")
            elif not isinstance(slug, str) or not SLUG.match(slug):
                check.add(where, f"topic {number}: expected a slug of lowercase letters, digits and hyphens, "
                                 f"found {slug!r}")
            elif slug in seen:
                check.add(where, f"topic {number}: slug '{slug}' is already used by topic {seen[slug]}")
            else:
                seen[slug] = number
                meta.topics[number] = slug
    if check.problems:
        raise BuildError(check.problems)
    return meta


def load_translation(path: str, root: str, record_id: str) -> Translation | None:
    """Read ``<id>.en.yml``; None when the record has no English yet."""
    if not os.path.exists(path):
        return None
    display = _display(path, root)
    data = load_yaml(path, display)
    check = _Checker(display)
    if not isinstance(data, Mapping):
        raise BuildError([Problem(display, 1, "expected a mapping with 'record' and 'units', found "
                                              f"{type(data).__name__}")])
    check.unknown(data, ("record", "units"), "")
    if data.get("record") != record_id:
        check.add(line_of(data, "record"), f"expected 'record: {record_id}', found {data.get('record')!r}")
    units = data.get("units")
    glosses: dict[str, Gloss] = {}
    if not isinstance(units, Mapping):
        check.add(line_of(data, "units"), "expected 'units' to map unit ids to {ja, en}, found "
                                          f"{type(units).__name__}")
    else:
        for key, unit in units.items():
            where = f"unit '{key}': "
            if not isinstance(unit, Mapping):
                check.add(line_of(units, key), f"{where}expected a mapping with 'ja' and 'en', found {unit!r}")
                continue
            check.unknown(unit, ("ja", "en"), where)
            # An empty 'en' is a unit not translated yet (build.py add writes every unit so).
            ja, en = check.string(unit, "ja", where), check.string(unit, "en", where, required=False) or ""
            if ja is not None and en is not None:
                glosses[str(key)] = Gloss(str(key), ja, en, line_of(units, key))
    if check.problems:
        raise BuildError(check.problems)
    return Translation(record_id, display, glosses)


def load_glossary(path: str, root: str) -> list[GlossaryEntry]:
    """Read the glossary; an absent file is an empty glossary."""
    data, check = _load_list(path, root, "entries")
    entries: list[GlossaryEntry] = []
    ids: set[str] = set()
    forms_seen: dict[str, list[tuple[str, list[str]]]] = {}  # form → [(entry, its records)]
    for index, raw in enumerate(data):
        line = line_of(data, index)
        if not isinstance(raw, Mapping):
            check.add(line, f"expected an entry mapping, found {raw!r}")
            continue
        name = raw.get("id", f"#{index + 1}")
        where = f"entry '{name}': "
        check.unknown(raw, ("id", "kind", "forms", "en", "note", "note_ja", "records"), where)
        values = {k: check.string(raw, k, where) for k in ("id", "kind", "en", "note")}
        note_ja = check.string(raw, "note_ja", where, required=False)
        if values["id"] and not SLUG.match(values["id"]):
            check.add(line, f"{where}expected an id of lowercase letters, digits and hyphens")
        if values["id"] in ids:
            check.add(line, f"{where}the id is used twice")
        ids.add(values["id"])
        if values["kind"] and values["kind"] not in GLOSSARY_KINDS:
            check.add(line_of(raw, "kind"), f"{where}expected kind to be one of {', '.join(GLOSSARY_KINDS)}, "
                                            f"found {values['kind']!r}")
        records = raw.get("records", [])
        if "records" in raw and (not isinstance(records, list) or not records
                                 or not all(isinstance(r, str) and SLUG.match(r) for r in records)):
            check.add(line_of(raw, "records"), f"{where}expected 'records' to be a list of record ids, "
                                               f"found {records!r}")
            records = []
        forms = raw.get("forms")
        if not isinstance(forms, Mapping) or not forms:
            check.add(line_of(raw, "forms"), f"{where}expected 'forms' mapping each Japanese form to its reading")
            continue
        for form, reading in forms.items():
            if not isinstance(form, str) or not form or not isinstance(reading, str):
                check.add(line_of(forms, form), f"{where}expected form: reading strings, found {form!r}: {reading!r}")
                continue
            # One form, one meaning per record: two entries may share a form only when each is limited
            # to records the other is not (行動計画 as two different plans in two records).
            clash = next((other for other, other_records in forms_seen.get(form, [])
                          if not records or not other_records or set(records) & set(other_records)), None)
            if clash is not None:
                check.add(line_of(forms, form), f"{where}form '{form}' is already a form of '{clash}'")
            else:
                forms_seen.setdefault(form, []).append((str(name), list(records)))
        if all(values.values()):
            entries.append(GlossaryEntry(values["id"], values["kind"], dict(forms), values["en"], values["note"],
                                         line, tuple(records), note_ja))
    if check.problems:
        raise BuildError(check.problems)
    return entries


def load_readings(path: str, root: str) -> tuple[dict[str, str], dict[str, int]]:
    """Read ``content/readings.yml`` (form → reading, for furigana where the dictionary is wrong) and the
    line of each form; an absent file is no readings."""
    display = _display(path, root)
    if not os.path.exists(path):
        return {}, {}
    data = load_yaml(path, display)
    check = _Checker(display)
    if data is None:
        return {}, {}
    if not isinstance(data, Mapping):
        raise BuildError([Problem(display, 1, f"expected a mapping of words to readings, found {type(data).__name__}")])
    readings: dict[str, str] = {}
    for form, reading in data.items():
        line = line_of(data, form)
        if not isinstance(form, str) or not form or not isinstance(reading, str) or not reading:
            check.add(line, f"expected a word and its reading, found {form!r}: {reading!r}")
        elif not re.fullmatch(r"[\u3041-\u309fー]+", reading):
            check.add(line, f"'{form}': expected its reading in hiragana, found '{reading}'")
        else:
            readings[form] = reading
    if check.problems:
        raise BuildError(check.problems)
    return readings, {form: line_of(data, form) for form in readings}


def load_timeline(path: str, root: str) -> list[TimelineEvent]:
    """Read the curated timeline; an absent file means no curated events."""
    data, check = _load_list(path, root, "events")
    events: list[TimelineEvent] = []
    ids: set[str] = set()
    for index, raw in enumerate(data):
        line = line_of(data, index)
        if not isinstance(raw, Mapping):
            check.add(line, f"expected an event mapping, found {raw!r}")
            continue
        where = f"event '{raw.get('id', f'#{index + 1}')}': "
        check.unknown(raw, ("id", "date", "end", "precision", "kind", "ja", "en", "record", "refs", "source"),
                      where)
        v = {k: check.string(raw, k, where) for k in ("id", "date", "precision", "kind", "ja", "en", "source")}
        end = check.string(raw, "end", where, required=False)
        record = check.string(raw, "record", where, required=False)
        if v["id"] in ids:
            check.add(line, f"{where}the id is used twice")
        ids.add(v["id"])
        if v["kind"] and v["kind"] not in TIMELINE_KINDS:
            check.add(line_of(raw, "kind"), f"{where}expected kind to be one of {', '.join(TIMELINE_KINDS)}, "
                                            f"found {v['kind']!r}")
        if v["precision"] and v["precision"] not in PRECISIONS:
            check.add(line_of(raw, "precision"), f"{where}expected precision year, month, day or minute, "
                                                 f"found {v['precision']!r}")
        for key, value in (("date", v["date"]), ("end", end)):
            if value and not (ISO.match(value) and len(value) == PRECISIONS.get(v["precision"], -1)):
                check.add(line_of(raw, key), f"{where}expected '{key}' in ISO form matching precision "
                                             f"'{v['precision']}', found {value!r}")
        if v["date"] and end and end < v["date"]:
            check.add(line_of(raw, "end"), f"{where}expected 'end' on or after {v['date']}, found {end}")
        refs = raw.get("refs", [])
        if not isinstance(refs, list) or not all(isinstance(r, str) for r in refs):
            check.add(line_of(raw, "refs"), f"{where}expected 'refs' to be a list of passage ids, found {refs!r}")
            refs = []
        if refs and not record:
            check.add(line_of(raw, "refs"), f"{where}expected 'record' naming the record that 'refs' point into")
        if all(v.values()):
            events.append(TimelineEvent(v["id"], v["date"], end, v["precision"], v["kind"], v["ja"], v["en"],
                                        record, list(refs), v["source"], line))
    if check.problems:
        raise BuildError(check.problems)
    return events
