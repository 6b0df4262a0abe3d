"""An example third-party rule, not part of doclint: flags lines written in capitals."""
from doclint.rule import Diagnostic, Rule


class Shouting(Rule):
    """Line written entirely in capital letters.

    ## What it does
    Flags lines of four or more words that are all capitals.

    ## Why is this bad?
    Shouted lines are usually navigation or banner text.

    ## Example
    ```
    BREAKING NEWS FROM THE WIRE
    ```
    """

    code = "X001"
    name = "shouting"
    category = "source-tag"

    def check(self, document, context):
        for line in range(document.line_count):
            start, end = document.line_span(line)
            text = document.text[start:end]
            if len(text.split()) >= 4 and text.isupper():
                yield Diagnostic(start, end, "Line is all capitals")
