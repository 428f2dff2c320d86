#!/usr/bin/env python3
"""Build the site's Markdown sources in docs/ from the records and data in content/.

    python scripts/build.py              regenerate docs/ (writes only what changed)
    python scripts/build.py --check      exit 1 if docs/ is not what the build makes
    python scripts/build.py --ja-only    a Japanese-only site (no English glosses)
    python scripts/build.py parse PATH   print one record's parsed structure as JSON (with the
                                         YAML beside it, PATH's name with .yml, when there is one)
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
    try:
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
        print(f"build failed: {len(err.problems)} problem(s); docs/ was left unchanged", file=sys.stderr)
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


def _coverage(coverage) -> str:
    """English coverage per record; past a handful of records, only the glossed ones are named."""
    if len(coverage) <= 5:
        return ", ".join(f"{c.record} {c.glossed}/{c.total}" for c in coverage)
    glossed = [c for c in coverage if c.glossed]
    named = ", ".join(f"{c.record} {c.glossed}/{c.total}" for c in glossed)
    return (f"{len(glossed)} of {len(coverage)} records glossed" + (f" ({named})" if named else "")
            + f", {len(coverage) - len(glossed)} Japanese-only")


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if docs/ is out of date; write nothing")
    parser.add_argument("--ja-only", action="store_true", help="build a Japanese-only site")
    parser.add_argument("--content", help="content directory (default: content/)")
    parser.add_argument("--out", help="output directory (default: docs/)")
    sub = parser.add_subparsers(dest="command")
    parse = sub.add_parser("parse", help="print a record's structure as JSON")
    parse.add_argument("path")
    return parser.parse_args(argv)


if __name__ == "__main__":
    code = main()
    # End here without the interpreter's teardown, which frees the build's objects one by one only for
    # the system to drop the whole heap anyway (0.03 s at 100 records). Output first.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
