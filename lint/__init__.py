"""doclint: a quality and deduplication linter for plain-text documents."""

__version__ = "0.1.0"
