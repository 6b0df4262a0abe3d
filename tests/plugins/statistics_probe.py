"""A test rule, not part of doclint: says whether the corpus statistics reached it, in its fix."""
from doclint.diagnostics import Edit, Fix
from doclint.rule import CorpusStatistics, Diagnostic, Rule


class StatisticsProbe(Rule):
    """Marker that records whether corpus statistics were counted.

    ## What it does
    Flags the word `MARK`; its message and its fix (`MARK-with` or
    `MARK-without`) say whether the rule had corpus statistics.

    ## Why is this bad?
    It is not: it is a probe for tests.

    ## Example
    ```
    MARK
    ```
    """

    code = "X002"
    name = "statistics-probe"
    category = "source-tag"
    fixable = "unsafe"
    requires = frozenset({CorpusStatistics})

    def check(self, document, context):
        at = document.text.find("MARK\n")
        if at >= 0:
            said = "with" if getattr(context, "corpus", None) is not None else "without"
            yield Diagnostic(at, at + 4, f"A marker ({said} statistics)", fix=Fix.unsafe(Edit(at + 4, at + 4, f"-{said}")))
