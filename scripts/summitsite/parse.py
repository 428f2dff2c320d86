"""Lines of a MOFA summit summary → Record. Pure Python: knows nothing of YAML or Markdown.

Patterns are matched on an NFKC view of each line (full-width digits and brackets, U+3000
indents); every text kept in the model is cut from the original line. Problems are collected
and raised together, each naming FILE:LINE.
"""
from __future__ import annotations

import re

from . import chrome, dates
from .errors import BuildError, Problem, shorten
from .model import Item, Paragraph, Record, Session, Statement, Topic, body_lines
from .normal import norm, normalise
from .speakers import NAME_CHAR, find_speakers

IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
TITLE_WORDS = ("会談", "会議", "会合", "概要", "首脳", "会見", "訪問")

TOPIC = re.compile(r"^(?P<indent>\s*)(?P<marker>(?P<num>\d{1,2})(?:\.|(?=\s)))(?P<sep>\s*)(?P<rest>.*?)\s*$")
STATEMENT = re.compile(r"^(?P<indent>\s*)(?P<marker>\((?P<num>\d{1,2})\))(?P<sep>\s*)(?P<rest>.*?)\s*$")
ITEM = re.compile(rf"^(?P<indent>\s*)(?P<marker>\((?P<label>[{IROHA}])\))(?P<sep>\s*)(?P<rest>.*?)\s*$")
CAPTION = re.compile(r"^\(写真.*\)$")
VISIT_HEADING = re.compile(r"の訪[露米中韓朝欧印英仏独]$|の(?:訪問|外遊)$")
SUBTITLE_MAX = 25

_S = dates.clock_pattern("s")
_E = dates.clock_pattern("e")
SESSION = re.compile(
    rf"{_S}\s*(?:-|~|〜|–|から|より)\s*同?{_E}(?:まで)?(?:は|に|の)?"
    rf"(?P<label>[\u4e00-\u9fff\u30a0-\u30ff・]{{0,12}}?(?:会合|会談|会議|ランチ|ディナー|セッション|朝食会|昼食会|夕食会|晩餐会))")
RANGE = re.compile(rf"{_S}\s*(?:-|~|〜|–|から|より)\s*同?{_E}(?:まで|にかけて)")
VENUE = re.compile(rf"(?P<venue>{NAME_CHAR}+)(?:において|にて)")
ATTENDEES = re.compile(r"\((?P<who>[^()]*同席[^()]*)\)")


def parse_record(lines: list[str], path: str, record_id: str, date_override: str | None = None) -> Record:
    """Parse a record's lines; raise BuildError listing every problem found."""
    parser = _Parser(lines, path, record_id, date_override)
    record = parser.parse()
    if not parser.problems:
        parser.check_fidelity(record)
    if parser.problems:
        raise BuildError(parser.problems)
    return record


class _Parser:
    def __init__(self, lines, path, record_id, date_override):
        self.lines = lines
        self.norm = [norm(line) for line in lines]
        self.path = path
        self.record_id = record_id
        self.date_override = date_override
        self.problems: list[Problem] = []

    def problem(self, index: int, message: str) -> None:
        self.problems.append(Problem(self.path, index + 1, message))

    def fatal(self, index: int, message: str) -> BuildError:
        self.problem(index, message)
        return BuildError(self.problems)

    # --- the site's chrome ---------------------------------------------------------------
    def header_end(self) -> int:
        """Index of the first line after the site's menus, breadcrumb and section line."""
        i = 0
        while i < len(self.norm) and (not self.norm[i] or chrome.is_header(self.norm[i])):
            i += 1
        return i

    def footer_start(self, start: int) -> int:
        """Index where the page's closing run of footer lines begins (len(lines) when there is none)."""
        i = len(self.norm)
        while i > start and (not self.norm[i - 1] or chrome.is_footer(self.norm[i - 1])):
            i -= 1
        return i

    def check_fidelity(self, record: Record) -> None:
        """The model must give back every body line exactly; anything else is a parser bug."""
        start = self.header_end()
        end = self.footer_start(start)
        source = [(i + 1, self.lines[i].rstrip()) for i in range(start, end) if self.norm[i]]
        rebuilt = [(n, t if t is not None else self.lines[n - 1].rstrip()) for n, t in body_lines(record)]
        for (line, expected), got in zip(source, rebuilt + [(0, None)] * len(source), strict=False):
            if got != (line, expected):
                self.problem(line - 1, f"expected the parsed record to reproduce this line exactly, found "
                                       f"{shorten(got[1] or '')} (a parser bug: please report it with this record)")
                return

    # --- the record ----------------------------------------------------------------------
    def parse(self) -> Record:
        start = self.header_end()
        end = self.footer_start(start)
        body = [i for i in range(start, end) if self.norm[i]]
        if not body:
            raise self.fatal(max(start, 0), "expected a MOFA summit record (title, date, lead, topics), "
                                            "found only site navigation")
        pos = 0
        # Title block: consecutive non-blank lines up to a blank line or the date line.
        block = [body[0]]
        while (len(block) < 3 and len(body) > len(block) and body[len(block)] == block[-1] + 1
               and not dates.looks_like_date(self.norm[body[len(block)]])):
            block.append(body[len(block)])
        pos = len(block)
        visit = None
        if VISIT_HEADING.search(self.norm[block[0]]) and "会談" not in self.norm[block[0]]:
            if len(block) > 1:
                visit, block = block[0], block[1:]
            elif pos < len(body) and "会談" in self.norm[body[pos]]:
                visit, block, pos = block[0], [body[pos]], pos + 1
        title_lines = [self.paragraph(i) for i in block]
        title = "".join(p.text for p in title_lines)
        if not any(w in norm(title) for w in TITLE_WORDS):
            raise self.fatal(block[0], "expected the title of a summit summary (such as '日露首脳会談(概要)'), "
                                       f"found {shorten(self.lines[block[0]])}")
        era_date = iso = date_line = None
        if pos < len(body) and dates.looks_like_date(self.norm[body[pos]]):
            date_line = body[pos]
            era_date = self.lines[date_line].strip()
            try:
                iso = dates.parse_date_line(self.norm[date_line])
            except dates.DateError as err:
                self.problem(date_line, f"expected a real date, found {shorten(era_date)} ({err})")
            pos += 1
        elif self.date_override:
            iso = self.date_override
        else:
            found = body[pos] if pos < len(body) else body[-1]
            raise self.fatal(found, "expected a date line such as '平成15年1月10日' after the title, found "
                                    f"{shorten(self.lines[found]) if pos < len(body) else 'the end of the record'}"
                                    " (if the page has none, set 'date:' in the record's YAML)")
        captions = []
        while pos < len(body) and CAPTION.match(self.norm[body[pos]]):
            captions.append(self.paragraph(body[pos]))
            pos += 1
        first_topic = next((k for k in range(pos, len(body)) if TOPIC.match(self.norm_line(body[k]))), None)
        if first_topic is None:
            at = body[pos] if pos < len(body) else body[-1]
            raise self.fatal(at, "expected numbered topics such as '1.冒頭発言', found none")
        lead = [self.paragraph(i) for i in body[pos:first_topic]]
        sessions, meeting_time = self.sessions(lead)
        topics = self.topics(body[first_topic:])
        record = Record(
            id=self.record_id, path=self.path, title=title, title_lines=title_lines,
            visit_heading=self.paragraph(visit) if visit is not None else None,
            era_date=era_date, date=iso, date_line=date_line + 1 if date_line is not None else None,
            captions=captions, lead=lead, sessions=sessions, meeting_time=meeting_time,
            venue=_venue(lead), attendees=_attendees(lead), topics=topics)
        return record

    def norm_line(self, index: int) -> str:
        """The NFKC view of a line, leading whitespace kept (markers are matched at its start)."""
        return normalise(self.lines[index]).text

    def paragraph(self, index: int) -> Paragraph:
        raw = self.lines[index].rstrip()
        text = raw.lstrip(" \t\u3000")
        return Paragraph(text=text, line=index + 1, indent=raw[: len(raw) - len(text)])

    # --- lead ------------------------------------------------------------------------------
    def sessions(self, lead: list[Paragraph]):
        sessions: list[Session] = []
        meeting_time = None
        for p in lead:
            view = normalise(p.text)
            for m in SESSION.finditer(view.text):
                start, end = self.clock_range(m, p)
                if start:
                    sessions.append(Session(start=start, end=end, label=view.original_span(*m.span("label")),
                                            source=view.original_span(*m.span()), line=p.line))
            if meeting_time is None:
                for m in RANGE.finditer(view.text):
                    if not any(s.source == view.original_span(*m.span())[: len(s.source)] for s in sessions):
                        start, end = self.clock_range(m, p)
                        if start:
                            meeting_time = (start, end)
                            break
        return sessions, meeting_time

    def clock_range(self, m: re.Match, p: Paragraph):
        try:
            start = dates.to_24h(m, "s")
            end = dates.to_24h(m, "e", m["sampm"] if not m["eampm"] else None)
            if end < start and not m["eampm"] and int(m["eh"]) < 12:
                end = f"{int(end[:2]) + 12:02d}{end[2:]}"
        except dates.DateError as err:
            self.problems.append(Problem(self.path, p.line, f"expected a time of day, found {err}"))
            return None, None
        return start, end

    # --- topics ----------------------------------------------------------------------------
    def topics(self, indices: list[int]) -> list[Topic]:
        topics: list[Topic] = []
        statement: Statement | None = None
        item: Item | None = None
        for k, i in enumerate(indices):
            view = normalise(self.lines[i])
            text = view.text.rstrip()
            if m := TOPIC.match(text):
                number = int(m["num"])
                expected = topics[-1].number + 1 if topics else 1
                if number != expected:
                    self.problem(i, f"expected topic {expected}, found topic {number} "
                                    f"({shorten(self.lines[i])})")
                rest = view.original_span(*m.span("rest"))
                topic = Topic(number=number, marker=view.original_span(*m.span("marker")),
                              sep=view.original_span(*m.span("sep")), title=rest, statements=[], line=i + 1,
                              indent=view.original_span(*m.span("indent")))
                topics.append(topic)
                statement = item = None
                if rest and _is_sentence(norm(rest)):
                    topic.title = ""
                    statement = self.unnumbered(topic, i)
                    statement.paragraphs.append(Paragraph(rest, i + 1))
                continue
            if not topics:
                self.problem(i, f"expected a topic line such as '1.冒頭発言', found {shorten(self.lines[i])}")
                continue
            topic = topics[-1]
            if m := STATEMENT.match(text):
                number = int(m["num"])
                numbered = [s for s in topic.statements if s.number is not None]
                expected = numbered[-1].number + 1 if numbered else 1
                if number != expected:
                    self.problem(i, f"expected statement ({expected}) in topic {topic.number}, "
                                    f"found ({number})")
                rest = view.original_span(*m.span("rest"))
                statement = Statement(
                    id=f"s{topic.number}-{number}", number=number,
                    marker=view.original_span(*m.span("marker")), sep=view.original_span(*m.span("sep")),
                    title=None, paragraphs=[], items=[], speakers=[], line=i + 1,
                    indent=view.original_span(*m.span("indent")))
                if any(s.id == statement.id for s in topic.statements):
                    statement.id += f"-dup{i + 1}"
                topic.statements.append(statement)
                item = None
                if rest:
                    following = self.norm_line(indices[k + 1]) if k + 1 < len(indices) else None
                    if _is_subtitle(norm(rest), following):
                        statement.title = rest
                    else:
                        statement.paragraphs.append(Paragraph(rest, i + 1))
                continue
            if m := ITEM.match(text):
                if statement is None:
                    statement = self.unnumbered(topic, i)
                label = view.original_span(*m.span("label"))
                expected = IROHA[len(statement.items)] if len(statement.items) < len(IROHA) else "?"
                if norm(label) != expected:
                    self.problem(i, f"expected item ({expected}) in {_where(topic, statement)}, found ({label})")
                item = Item(id=f"{_item_base(topic, statement)}-{len(statement.items) + 1}", label=label,
                            marker=view.original_span(*m.span("marker")), sep=view.original_span(*m.span("sep")),
                            paragraphs=[], speakers=[], line=i + 1, indent=view.original_span(*m.span("indent")))
                statement.items.append(item)
                rest = view.original_span(*m.span("rest"))
                if rest:
                    item.paragraphs.append(Paragraph(rest, i + 1))
                continue
            # Continuation text belongs to the item or statement above it.
            if statement is None:
                statement = self.unnumbered(topic, i)
            (item or statement).paragraphs.append(self.paragraph(i))
        for topic in topics:
            if not topic.statements:
                self.problem(topic.line - 1, f"expected statements under topic {topic.number}, found none")
            for st in topic.statements:
                for it in st.items:
                    it.speakers = find_speakers([p.text for p in it.paragraphs])
                    if not it.paragraphs:
                        self.problem(it.line - 1, f"expected text for item {it.marker}, found none")
                own = find_speakers(([st.title] if st.title else []) + [p.text for p in st.paragraphs])
                st.speakers = own + [s for it in st.items for s in it.speakers if s not in own]
                st.speakers = list(dict.fromkeys(st.speakers))
                if not st.paragraphs and not st.items:
                    self.problem(st.line - 1, f"expected text for statement {st.marker}, found none")
        return topics

    def unnumbered(self, topic: Topic, index: int) -> Statement:
        statement = Statement(id=f"s{topic.number}", number=None, marker="", sep="", title=None, paragraphs=[],
                              items=[], speakers=[], line=index + 1)
        if any(s.id == statement.id for s in topic.statements):
            statement.id += f"-{index + 1}"
        topic.statements.append(statement)
        return statement


def _item_base(topic: Topic, statement: Statement) -> str:
    return statement.id if statement.number is not None else f"s{topic.number}-0"


def _where(topic: Topic, statement: Statement) -> str:
    return f"{topic.number}.{statement.marker}" if statement.number is not None else f"topic {topic.number}"


def _is_sentence(rest: str) -> bool:
    """A topic line whose rest is running text rather than a title."""
    return rest.endswith(("。", "、")) or len(rest) > 40


def _is_subtitle(rest: str, following: str | None) -> bool:
    """'(1) 総論' followed by its paragraph: short, no sentence punctuation, text follows."""
    if following is None or len(rest) > SUBTITLE_MAX or re.search(r"[。、,]", rest):
        return False
    following = following.strip()
    return not (TOPIC.match(following) or STATEMENT.match(following))


def _venue(lead: list[Paragraph]) -> str | None:
    for p in lead:
        view = normalise(p.text)
        m = VENUE.search(view.text)
        if m:
            return view.original_span(*m.span("venue"))
    return None


def _attendees(lead: list[Paragraph]) -> list[str]:
    found: list[str] = []
    in_block = False
    for p in lead:
        view = normalise(p.text)
        text = view.text.strip()
        if text.startswith("【"):
            in_block = text.startswith("【同席者】")
            rest = text[len("【同席者】"):].strip() if in_block else ""
            if rest:
                found.append(p.text[p.text.index("】") + 1:].strip())
            continue
        if in_block:
            found.append(p.text)
            continue
        found.extend(view.original_span(*m.span("who")) for m in ATTENDEES.finditer(view.text))
    return found
