"""Safe YAML loading that remembers the source line of every mapping key and list entry."""
from __future__ import annotations

import json
import re

import yaml

from .errors import BuildError, Problem


class Mapping(dict):
    """A dict that knows the line of each key (``key_lines``) and its own ``line``."""

    line: int = 0
    key_lines: dict


class Sequence(list):
    """A list that knows the line of each entry (``item_lines``) and its own ``line``."""

    line: int = 0
    item_lines: list


# libyaml's parser when PyYAML has it (it parses several times faster); the constructors below,
# which keep line numbers, are the same either way.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


_STR = "tag:yaml.org,2002:str"


def _construct(loader: _Loader, node: yaml.Node):
    """``loader.construct_object(node, deep=True)``, with a plain string taken as it is: for a str
    node that is what the safe constructor returns, without its bookkeeping (most of the nodes of
    the glossary and the translations, read at every build)."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    return loader.construct_object(node, deep=True)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    out = Mapping()
    out.line = node.start_mark.line + 1
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = _construct(loader, key_node)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = _construct(loader, value_node)
        out.key_lines[key] = key_node.start_mark.line + 1
    return out


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    out = Sequence(_construct(loader, child) for child in node.value)
    out.line = node.start_mark.line + 1
    out.item_lines = [child.start_mark.line + 1 for child in node.value]
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
# Dates stay strings: '2003-01-10' must not become a datetime.date.
_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in _Loader.yaml_implicit_resolvers.items()
}


def load_yaml(path: str, display: str):
    """Load a YAML file; a syntax error becomes a BuildError naming ``display:LINE``."""
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except UnicodeDecodeError:
        raise BuildError([Problem(display, 1, "expected UTF-8 YAML, found bytes that are not UTF-8")]) from None
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        raise BuildError([Problem(display, line, f"expected valid YAML, found {err.problem}")]) from None


def line_of(container, key=None) -> int:
    """Best-known source line of ``container[key]`` (or of the container itself)."""
    if key is not None:
        if isinstance(container, Mapping) and key in container.key_lines:
            return container.key_lines[key]
        if isinstance(container, Sequence) and isinstance(key, int) and key < len(container.item_lines):
            return container.item_lines[key]
    return getattr(container, "line", 0)


# YAML's double-quoted scalars take JSON's strings, but JSON leaves these characters as they are while
# YAML folds its line breaks (U+0085, U+2028, U+2029) and rejects its non-printable characters.
_NOT_YAML_SAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def quoted(value: str) -> str:
    """``value`` as a YAML double-quoted scalar that reads back exactly (tested against the loader)."""
    return _NOT_YAML_SAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))
