"""Build a bilingual MkDocs site from MOFA summit-summary records.

Stages, one module each, passing plain dataclasses:
``decode`` (bytes → lines) → ``parse`` (lines → Record) → ``content`` (YAML data, validated)
→ ``check`` (cross references) → ``render`` (Jinja2 → {path: text}) → ``write`` (the only
module that touches ``docs/``).
"""
