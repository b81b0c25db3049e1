"""First check of the editorial data files beside the reports, before anything is built.

data/s2t_overrides.yml, links.yml, indicators.yml, agencies.yml, areas.yml, places.yml and
glossary.yml are read by different stages (convert.py, commitments/, site/), each of which checks its own
entries. What those stages take for granted is checked here, so that a broken file stops the
build with a message naming the file and line instead of a traceback: the file is UTF-8, valid
YAML, a mapping, and its list (`links:`, `indicators:`, ...) is a list of mappings. Every file is
optional, as it is for the stages that read it.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from .ingest import CorpusError
from .yamlfile import compose, safe_load

# file name -> the key holding its list of entries (None: a mapping of phrases, maybe nested)
FILES = {
    "s2t_overrides.yml": None,
    "hant_glyphs.yml": None,
    "hant_zhun.yml": None,
    "changes_words.yml": None,
    "ui.yml": None,
    "links.yml": "links",
    "indicators.yml": "indicators",
    "agencies.yml": "agencies",
    "areas.yml": "areas",
    "places.yml": "places",
    "glossary.yml": "terms",
}


class DataFileError(CorpusError):
    """An editorial data file is broken; the message names the file and the line."""


def _read(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DataFileError(f"{path}:{line}: not UTF-8 ({exc.reason} at byte {exc.start})") from None


def _line(node) -> int:
    return node.start_mark.line + 1


def check_file(path: Path, list_key: str | None) -> None:
    text = _read(path)
    try:
        root = compose(text)
        safe_load(text)          # tags and values compose() does not resolve
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DataFileError(f"{where}: not valid YAML: {problem}") from None
    if root is None:
        return
    if not isinstance(root, yaml.MappingNode):
        raise DataFileError(f"{path}:{_line(root)}: expected a mapping"
                            + (f" with '{list_key}:'" if list_key else " of 'simplified: traditional' phrases"))
    if list_key is None:
        return
    entries = next((v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == list_key), None)
    if entries is None or (isinstance(entries, yaml.ScalarNode) and entries.tag == "tag:yaml.org,2002:null"):
        return
    if not isinstance(entries, yaml.SequenceNode):
        raise DataFileError(f"{path}:{_line(entries)}: '{list_key}' must be a list")
    for i, entry in enumerate(entries.value):
        if not isinstance(entry, yaml.MappingNode):
            raise DataFileError(f"{path}:{_line(entry)}: {list_key}[{i}] must be a mapping of fields")


def check_data_files(data_dir: Path) -> None:
    for name, list_key in FILES.items():
        path = Path(data_dir) / name
        if path.exists():
            check_file(path, list_key)
