#!/usr/bin/env python3
"""Build the site's Markdown sources in docs/ from the records and data in content/.

    python scripts/build.py              regenerate docs/ (writes only what changed)
    python scripts/build.py --check      exit 1 if docs/ is not what the build makes
    python scripts/build.py --ja-only    a Japanese-only site (no English glosses)
    python scripts/build.py parse PATH   print one record's parsed structure as JSON (with the
                                         YAML beside it, PATH's name with .yml, when there is one)
    python scripts/build.py add PATH [--id ID] [--source-url URL] [--title T] [--date YYYY-MM-DD]
                                         add a MOFA page (text, or .html saved from a browser) to the
                                         collection: the record, its YAML and an English skeleton
    python scripts/build.py status       per record: units, translated, stale, missing; and the glossary
                                         terms that occur in no record
"""
from __future__ import annotations

import gc

gc.disable()  # a short-lived process that frees by reference counting (see pipeline.cycle_collection_paused)

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from summitsite.content import load_record_meta  # noqa: E402
from summitsite.errors import BuildError  # noqa: E402
from summitsite.pipeline import build, read_record  # noqa: E402
from summitsite.render import record_to_json  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    content_dir = os.path.abspath(args.content) if args.content else os.path.join(ROOT, "content")
    try:
        if args.command == "add":
            return _add(args, content_dir)
        if args.command == "status":
            from summitsite.status import collection_status, report
            print("\n".join(report(collection_status(content_dir, os.getcwd()))))
            return 0
        if args.command == "parse":
            path = os.path.abspath(args.path)
            meta = load_record_meta(os.path.splitext(path)[0] + ".yml", os.getcwd())
            record = read_record(path, os.getcwd(), meta, check_id=False)
            for topic in record.topics:
                topic.slug = f"topic-{topic.number}"
            print(json.dumps(record_to_json(record), ensure_ascii=False, indent=2))
            return 0
        result = build(ROOT, args.content, args.out, english=not args.ja_only, dry_run=args.check,
                       display_root=os.getcwd() if (args.content or args.out) else ROOT)
    except BuildError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        done = {"add": "nothing was written", "parse": "not parsed"}.get(args.command, "docs/ was left unchanged")
        print(f"{args.command or 'build'} failed: {len(err.problems)} problem(s); {done}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"{err.filename or ''}: {err.strerror}", file=sys.stderr)
        return 1
    s = result.summary
    if args.check:
        if s.written or s.removed:
            for path in s.written:
                print(f"docs/{path}: out of date", file=sys.stderr)
            for path in s.removed:
                print(f"docs/{path}: not produced by the build", file=sys.stderr)
            print("docs/ is stale: run 'python scripts/build.py'", file=sys.stderr)
            return 1
        print(f"docs/ is up to date ({s.unchanged} files)")
        return 0
    coverage = _coverage(result.coverage)
    print(f"built {result.records} record(s): {len(s.written)} written, {len(s.removed)} removed, "
          f"{s.unchanged} unchanged; English units {coverage}; {result.seconds:.2f} s")
    return 0


def _add(args, content_dir: str) -> int:
    """``add``: make the new record's files, write them (none over an existing file), say what is next."""
    from summitsite import addrecord
    from summitsite.content import load_glossary

    glossary = load_glossary(os.path.join(content_dir, "glossary.yml"), os.getcwd())
    new = addrecord.prepare(os.path.abspath(args.path), content_dir, os.getcwd(), glossary, record_id=args.id,
                            source_url=args.source_url, title=args.title, date=args.date)
    paths = addrecord.write(new)
    record = new.record
    titled = sum(1 for t in record.topics if t.title)
    notes = ["the page as given" + (" (its visible text)" if args.path.lower().endswith(addrecord.HTML) else
                                    ", byte for byte"),
             f"source, publisher, licence, {len(new.slugs)} of {titled} topic slugs from the glossary"
             + (", the title" if args.title else "") + (", the date" if args.date else ""),
             f"{new.units} units with their Japanese, to translate"]
    print(f"added {record.id}: {record.title} ({record.era_date or record.date}), {len(record.topics)} topic(s)")
    for path, note in zip(paths, notes):
        print(f"  {os.path.relpath(path)}  ({note})")
    print(f"next: make serve, and read it at http://127.0.0.1:8000/{record.id}/ ; write its English in "
          f"{os.path.relpath(paths[2])} ; python scripts/build.py status shows how far it has come")
    return 0


def _coverage(coverage) -> str:
    """English coverage per record; past a handful of records, only those with English are named."""
    if len(coverage) <= 5:
        return ", ".join(f"{c.record} {c.translated}/{c.total}" for c in coverage)
    some = [c for c in coverage if c.translated]
    named = ", ".join(f"{c.record} {c.translated}/{c.total}" for c in some)
    return (f"{len(some)} of {len(coverage)} records with English" + (f" ({named})" if named else "")
            + f", {len(coverage) - len(some)} Japanese-only")


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if docs/ is out of date; write nothing")
    parser.add_argument("--ja-only", action="store_true", help="build a Japanese-only site")
    parser.add_argument("--content", help="content directory (default: content/)")
    parser.add_argument("--out", help="output directory (default: docs/)")
    sub = parser.add_subparsers(dest="command")
    parse = sub.add_parser("parse", help="print a record's structure as JSON")
    parse.add_argument("path")
    add = sub.add_parser("add", help="add a MOFA page to the collection")
    add.add_argument("path", help="the page's text (UTF-8 or Shift_JIS) or the page saved as .html")
    add.add_argument("--id", help="the record's id (default: its date and countries, 2010-10-04-japan-france)")
    add.add_argument("--source-url", help="the MOFA page's address")
    add.add_argument("--title", help="the title, for a page whose copy has no title line")
    add.add_argument("--date", help="the date (YYYY-MM-DD), for a page whose copy has no date line")
    sub.add_parser("status", help="English coverage per record, and glossary terms in no record")
    return parser.parse_args(argv)


if __name__ == "__main__":
    code = main()
    # End here without the interpreter's teardown, which frees the build's objects one by one only for
    # the system to drop the whole heap anyway (0.03 s at 100 records). Output first.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
