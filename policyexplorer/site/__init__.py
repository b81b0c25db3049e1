"""The site stage: parsed reports and the tracker -> Markdown pages for MkDocs (pages, tracker),
the navigation that stays constant as the corpus grows (nav), the per-script MkDocs configuration
(variants), interface strings (ui) and the data exports (exports)."""
