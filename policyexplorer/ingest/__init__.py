"""Ingest: a report folder -> a parsed Report.

    decode.py     bytes -> text (UTF-8, BOM, UTF-16, GBK); which file of a folder is the report
    formats/      a PDF, .docx or saved web page -> text (and normalise.py for any text)
    add.py        `add FILE...`: a file as received -> a report folder (text, original, meta.yml)
    infer.py      meta.yml's fields read from the text
    meta.py       meta.yml checked field by field (errors name file:line)
    frame.py      the page's head and tail around the report, by shape and position
    furniture.py  page furniture recognised wherever it stands
    clean.py      source lines -> clean lines (+ the cleaning log)
    layout.py     clean lines -> blocks, whatever the layout (blank lines, one per line, wrapped)
    numbering.py  numbering styles and their ranks
    headings.py   which blocks are headings: numbered, or short unnumbered lines between paragraphs
    orient.py     whether a section (or paragraph) looks back on a year or plans one
    structure.py  blocks -> the outline (parts, sections, paragraphs, anchors)
    damage.py     paragraphs that lost words (meta.yml notes and damage, general detectors)
    places.py     the place hierarchy (data/places.yml)
    corpus.py     every folder under data/reports
"""
from .corpus import load_corpus, parse_report
from .decode import decode_source
from .errors import CorpusError

__all__ = ["load_corpus", "parse_report", "decode_source", "CorpusError"]
