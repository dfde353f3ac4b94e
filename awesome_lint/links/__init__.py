"""Link checking: arXiv ids through the arXiv API, other links over HTTP, a SQLite cache between runs."""
