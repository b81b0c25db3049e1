"""The one error type of ingest: its message names the file (and the line where there is one)."""


class CorpusError(ValueError):
    pass
