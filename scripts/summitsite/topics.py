"""The body of a record after its lead: numbered topics, their statements (1)(2)… and lettered items.

- Topics: '1.', '1．', '1 ' (a digit and a space, Reiwa), list-rendered '  1. ' with indented bodies.
  A numbered line that is itself running text ('1 冒頭,安倍総理大臣から,…') is a topic with no title
  holding that text; a list's counter before a statement marker ('  1. (1)…') is no topic.
- A topic's text before its first (1) is the topic's lead; a topic without (n) is one unnumbered
  statement.
- Items are lettered in iroha order (イ)(ロ)(ハ) or in gojūon order (ア)(イ)(ウ), whichever the first
  one starts; Latin (a)(b) are not items. Text after a statement's items that ends its sentence (after a
  list of items ending in '、', or starting '旨…': '(ロ)…、' / '旨伝えた。') is the statement's own (its tail).
- Text after the last topic that stands apart from the topics ('【参考】…', or flush left after
  list-rendered topics) is the record's closing text.
"""
from __future__ import annotations

import re

from .errors import shorten
from .lines import Lines
from .model import Item, Paragraph, Statement, Topic
from .normal import norm
from .speakers import find_speakers

IROHA = "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス"
GOJUON = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
TOPIC = re.compile(r"^(?P<indent>\s*)(?P<marker>(?P<num>\d{1,2})(?:\.(?!\d)|(?=\s)))(?P<sep>\s*)(?P<rest>.*?)\s*$")
STATEMENT = re.compile(r"^(?P<indent>\s*(?:\d{1,2}\.\s*)?)(?P<marker>\((?P<num>\d{1,2})\))(?P<sep>\s*)(?P<rest>.*?)\s*$")
ITEM = re.compile(rf"^(?P<indent>\s*)(?P<marker>\((?P<label>[{GOJUON}ヰヱ])\))(?P<sep>\s*)(?P<rest>.*?)\s*$")
SUBTITLE_MAX = 25
# A paragraph after a statement's items that finishes the statement's sentence rather than the item's.
ENDS_STATEMENT = re.compile(r"^(?:旨|との|と述べ|と発言|と伝え|と応じ|と表明|等を?述べ)")


def topic_match(text: str) -> re.Match | None:
    """A topic line (of an NFKC view with its indent), but not a list's counter before a statement
    marker ('  1. (1)…' and '2.(2)…' are statements)."""
    m = TOPIC.match(text)
    if m is None:
        return None
    counter = re.match(r"\((\d{1,2})\)", m["rest"])
    if counter and (m["indent"] or counter.group(1) == m["num"]):
        return None
    return m


def is_sentence(rest: str) -> bool:
    """A topic line's text that is running text rather than a title."""
    return rest.endswith(("。", "、", ",")) or len(rest) > 40 or (len(rest) > 20 and re.search(r"[、,。]", rest) is not None)


def is_subtitle(rest: str, following: str | None) -> bool:
    """'(1) 総論' followed by its paragraph: short, no sentence punctuation, text follows."""
    if following is None or len(rest) > SUBTITLE_MAX or re.search(r"[。、,]", rest):
        return False
    following = following.strip()
    return not (topic_match(following) or STATEMENT.match(following))


def starts_closing(lines: Lines, index: int, topic: Topic) -> bool:
    """Whether line ``index`` after ``topic`` begins the record's closing text."""
    text = lines.norm[index]
    if text.startswith("【"):
        return True
    # After list-rendered topics ('  1. …', bodies indented), a line at the left margin stands apart.
    return bool(topic.indent) and not lines.paragraph(index).indent and not ITEM.match(text) \
        and not STATEMENT.match(text)


def read_topics(lines: Lines, indices: list[int]) -> tuple[list[Topic], list[Paragraph]]:
    """The topics in lines ``indices`` (the first one a topic line), and the closing text after them."""
    blocks: list[tuple[int, re.Match, Topic, list[int]]] = []
    closing: list[Paragraph] = []
    for i in indices:
        m = topic_match(lines.view(i).text) if not closing else None
        if m:
            blocks.append((i, m, _head(lines, i, m), []))
        elif closing or (blocks and starts_closing(lines, i, blocks[-1][2])):
            closing.append(lines.paragraph(i))
        elif blocks:
            blocks[-1][3].append(i)
        else:
            lines.problem(i, f"expected a topic line such as '1.冒頭発言', found {shorten(lines.raw[i])}")
    topics = []
    for i, m, topic, body in blocks:
        expected = topics[-1].number + 1 if topics else 1
        if topic.number != expected:
            lines.problem(i, f"expected topic {expected}, found topic {topic.number} ({shorten(lines.raw[i])})")
        topics.append(_read_topic(lines, topic, m, body))
    return topics, closing


def _head(lines: Lines, index: int, m: re.Match) -> Topic:
    """A topic's number, marker and title as its line gives them (without its body)."""
    view = lines.view(index)
    rest = view.original_span(*m.span("rest"))
    return Topic(number=int(m["num"]), marker=view.original_span(*m.span("marker")),
                 sep=view.original_span(*m.span("sep")),
                 title=rest if rest and not is_sentence(norm(rest)) else None, statements=[], line=index + 1,
                 indent=view.original_span(*m.span("indent")))


def _read_topic(lines: Lines, topic: Topic, m: re.Match, body: list[int]) -> Topic:
    index = topic.line - 1
    view = lines.view(index)
    rest = view.original_span(*m.span("rest"))
    numbered = any(STATEMENT.match(lines.view(i).text) for i in body)
    statement: Statement | None = None
    item: Item | None = None

    def unnumbered(line_index: int) -> Statement:
        st = Statement(id=f"s{topic.number}", number=None, marker="", sep="", title=None, paragraphs=[], items=[],
                       speakers=[], line=line_index + 1)
        if any(s.id == st.id for s in topic.statements):
            st.id += f"-{line_index + 1}"
        topic.statements.append(st)
        return st

    if rest and topic.title is None:  # the numbered line is running text
        own = Paragraph(rest, index + 1)
        if numbered:
            topic.lead.append(own)
        else:
            statement = unnumbered(index)
            statement.paragraphs.append(own)
    for k, i in enumerate(body):
        view = lines.view(i)
        text = view.text
        if sm := STATEMENT.match(text):
            statement, item = _statement(lines, topic, i, sm, body[k + 1] if k + 1 < len(body) else None), None
            continue
        if im := ITEM.match(text):
            if statement is None:
                if numbered:  # an item before the first (1): the topic's lead, as written
                    topic.lead.append(lines.paragraph(i))
                    continue
                statement = unnumbered(i)
            item = _item(lines, topic, statement, i, im)
            continue
        paragraph = lines.paragraph(i)
        if statement is None:
            if numbered:
                topic.lead.append(paragraph)
                continue
            statement = unnumbered(i)
        if item is not None and (statement.tail or ENDS_STATEMENT.match(norm(paragraph.text)) or _runs_on(item)):
            statement.tail.append(paragraph)
        elif item is not None:
            item.paragraphs.append(paragraph)
        else:
            statement.paragraphs.append(paragraph)
    _finish(lines, topic)
    return topic


def _runs_on(item: Item) -> bool:
    """An item that ends with a comma is one of a list inside its statement's sentence ('(ロ)…、'): what
    comes after the list finishes the statement's sentence ('が重要である旨述べた。')."""
    return bool(item.paragraphs) and norm(item.paragraphs[-1].text).endswith(("、", ","))


def _statement(lines: Lines, topic: Topic, index: int, m: re.Match, next_index: int | None) -> Statement:
    view = lines.view(index)
    number = int(m["num"])
    numbered = [s for s in topic.statements if s.number is not None]
    expected = numbered[-1].number + 1 if numbered else 1
    if number != expected:
        lines.problem(index, f"expected statement ({expected}) in topic {topic.number}, found ({number})")
    st = Statement(id=f"s{topic.number}-{number}", number=number, marker=view.original_span(*m.span("marker")),
                   sep=view.original_span(*m.span("sep")), title=None, paragraphs=[], items=[], speakers=[],
                   line=index + 1, indent=view.original_span(*m.span("indent")))
    if any(s.id == st.id for s in topic.statements):
        st.id += f"-dup{index + 1}"
    topic.statements.append(st)
    rest = view.original_span(*m.span("rest"))
    if rest:
        following = lines.view(next_index).text if next_index is not None else None
        if is_subtitle(norm(rest), following):
            st.title = rest
        else:
            st.paragraphs.append(Paragraph(rest, index + 1))
    return st


def _item(lines: Lines, topic: Topic, statement: Statement, index: int, m: re.Match) -> Item:
    view = lines.view(index)
    label = view.original_span(*m.span("label"))
    letters = GOJUON if statement.items and norm(statement.items[0].label) == "ア" or \
        not statement.items and norm(label) == "ア" else IROHA
    k = len(statement.items)
    expected = letters[k] if k < len(letters) else "?"
    if norm(label) != expected:
        where = f"{topic.number}.{statement.marker}" if statement.number is not None else f"topic {topic.number}"
        first = " or (ア)" if k == 0 else ""
        lines.problem(index, f"expected item ({expected}){first} in {where}, found ({label})")
    base = statement.id if statement.number is not None else f"s{topic.number}-0"
    it = Item(id=f"{base}-{k + 1}", label=label, marker=view.original_span(*m.span("marker")),
              sep=view.original_span(*m.span("sep")), paragraphs=[], speakers=[], line=index + 1,
              indent=view.original_span(*m.span("indent")))
    statement.items.append(it)
    rest = view.original_span(*m.span("rest"))
    if rest:
        it.paragraphs.append(Paragraph(rest, index + 1))
    return it


def _finish(lines: Lines, topic: Topic) -> None:
    """Speakers of every passage, and the problems of empty ones."""
    if not topic.statements and not topic.lead and topic.title is not None:
        lines.problem(topic.line - 1, f"expected statements under topic {topic.number}, found none")
    for st in topic.statements:
        for it in st.items:
            it.speakers = find_speakers([p.text for p in it.paragraphs])
            if not it.paragraphs:
                lines.problem(it.line - 1, f"expected text for item {it.marker}, found none")
        own = find_speakers(([st.title] if st.title else []) + [p.text for p in st.paragraphs])
        after = find_speakers([p.text for p in st.tail])
        st.speakers = list(dict.fromkeys(own + [s for it in st.items for s in it.speakers] + after))
        if not st.paragraphs and not st.items:
            lines.problem(st.line - 1, f"expected text for statement {st.marker}, found none")
