"""A web page saved from a browser -> its main text, by trafilatura (made for exactly this:
navigation, share buttons, related links and footers left out), paragraphs a line each with a
blank line between. Tables are kept (a report's appendix may be one); comments are not."""
from __future__ import annotations

from pathlib import Path

from ..errors import CorpusError


def html_to_text(path: Path) -> str:
    import trafilatura

    data = path.read_bytes()
    # favor_recall: a report is long and plain; precision mode drops whole sections that look
    # like lists. The page's own charset (or trafilatura's detection) decodes the bytes.
    text = trafilatura.extract(data, favor_recall=True, include_tables=True, include_comments=False,
                               include_links=False, include_images=False, deduplicate=False,
                               output_format="txt", with_metadata=False)
    if not text or not text.strip():
        raise CorpusError(f"{path}: no main text found in the page")
    return "\n\n".join(line for line in text.splitlines() if line.strip()) + "\n"
