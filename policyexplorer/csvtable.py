"""The CSV exports (data/corpus.csv, data/commitments.csv) as spreadsheets open them.

- UTF-8 with a BOM: Excel (and WPS) read a CSV without one in the machine's ANSI code page, and
  the Chinese text turns to mojibake.
- One header row, each cell the column's English key and its Chinese name: "report（报告）".
  The contract fixes the JSON exports' keys, not the CSV header; a second, Chinese header row
  would be read as data by every CSV reader, so both names share the one row. The English key
  stays the first word of each cell: a script reads it as `cell.split("（")[0]` (README).
"""
from __future__ import annotations

BOM = "\ufeff"

LABELS = {
    # data/corpus.csv
    "report": "报告", "section": "章节", "section_number": "章节编号", "section_title": "章节标题",
    "paragraph": "段落", "kind": "类别", "url": "链接", "text": "文字",
    # data/commitments.csv
    "id": "编号", "year": "年份", "value": "数值", "unit": "单位", "qualifier": "限定词", "indicator": "指标",
    "lead": "牵头单位", "support": "责任单位", "status": "状态", "outcome_paragraph": "执行情况段落",
    "outcome_text": "执行情况", "outcome_status": "执行情况状态", "outcome_by": "判定方式",
    # data/scorecards.csv
    "place": "地区", "level": "层级", "parent": "上级地区", "target": "目标", "commitment": "承诺编号",
    "outcome": "实际", "outcome_report": "实际数出处报告", "outcome_url": "实际数链接",
}


def header(fields: list[str]) -> list[str]:
    """The header row: "key（中文）" (the key alone for a column not labelled yet)."""
    return [f"{f}（{LABELS[f]}）" if f in LABELS else f for f in fields]


def key(cell: str) -> str:
    """The English key of a header cell (what a script reading the CSV by column name wants)."""
    return cell.lstrip(BOM).split("（", 1)[0]
