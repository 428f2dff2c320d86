"""Fidelity: every character of a record's body is in the model, once, in order, unaltered."""
from __future__ import annotations

import glob
import os

import pytest

from conftest import ROOT, make_record
from summitsite.decode import decode_record
from summitsite.model import body_lines
from summitsite.parse import _Parser, parse_record

import test_parse


def source_body(lines: list[str], path: str) -> list[tuple[int, str]]:
    parser = _Parser(lines, path, "x", None)
    start = parser.header_end()
    end = parser.footer_start(start)
    return [(i + 1, lines[i].rstrip()) for i in range(start, end) if lines[i].strip()]


def rebuilt(record, lines):
    return [(n, text if text is not None else lines[n - 1].rstrip()) for n, text in body_lines(record)]


@pytest.mark.parametrize("path", sorted(glob.glob(os.path.join(ROOT, "content", "records", "*.txt"))))
def test_committed_records_round_trip(path):
    lines = decode_record(open(path, "rb").read(), path)
    record = parse_record(lines, path, "x")
    assert rebuilt(record, lines) == source_body(lines, path)


SYNTHETIC = [v for k, v in vars(test_parse).items() if k.isupper() and isinstance(v, str) and "\n1" in v
             or k in ("FULLWIDTH", "REIWA_TOPICS", "TWO_LINE_TITLE", "LEAD_VARIANTS")]


@pytest.mark.parametrize("body", SYNTHETIC)
def test_synthetic_records_round_trip(body):
    text = make_record(body)
    lines = decode_record(text.encode(), "t.txt")
    record = parse_record(lines, "t.txt", "x")
    assert rebuilt(record, lines) == source_body(lines, "t.txt")


def test_seed_is_stored_byte_identical():
    seed = os.path.join(os.path.dirname(ROOT), "shared", "seed", "000_cf755a8ecfe4b51b.txt")
    if not os.path.exists(seed):
        pytest.skip("shared/seed is not beside this checkout")
    ours = os.path.join(ROOT, "content", "records", "2003-01-10-japan-russia.txt")
    assert open(ours, "rb").read() == open(seed, "rb").read()


def test_the_seed_keeps_its_own_characters(seed_record):
    text = "\n".join(t for _, t in body_lines(seed_record) if t)
    assert "日ロ関係発展の重要性" in text and "我が方の提案 を伝えたい" in text
    assert "(12:06-13:47は少人数会合、13:51-14:57は全体会合)" in text
