"""Where does a teaser headline glued to a paragraph's start end? Exact fixes against the paragraph openings news uses.

    python -m evals.source_tag_teaser_extents

A short article written for doclint (its last paragraph names the people the
others quote, as news does: `Mr Brown`, `Mr Letwin`) has its third paragraph
replaced by one of ten openings that news paragraphs use (a title and a name,
`Chancellor Gordon Brown said ...`; a party and a role, `Labour MP Jane Smith
said ...`; an organisation, `The Treasury said ...`; a one-sentence paragraph,
`Shares in building firms rose after the announcement.`), with another story's
headline glued before it after a teaser cue (`Read more: Oil prices hit record
high Chancellor Gordon Brown said ...`). Each document is fixed in-process
with the source-tag scanner's rules alone (S101: S111-S114) and unsafe fixes on; prints, per opening, how many of
the twelve fixes (six headlines, two cues) give back the article exactly.
Every teaser is found; the question is only where its headline ends.
"""
from __future__ import annotations

from doclint.config import Config
from doclint.document import Document
from doclint.engine import Linter

HEADLINE = "Spending boost for schools"
BEFORE = ["The government will raise spending on schools and hospitals by four billion pounds next year, the Treasury "
          "said on Wednesday.",
          "The increase is larger than expected and comes as ministers prepare for an election in the spring."]
AFTER = ("Mr Brown and Mr Blair will present the plan to Parliament next week, and Mr Letwin, Mr Reid and Ms Smith "
         "are expected to speak in the debate.")
OPENINGS = ["Chancellor Gordon Brown said the money would come from higher than expected tax receipts.",
            "Prime Minister Tony Blair has promised that every school will benefit from the plan.",
            "Mr Brown said the money would come from higher than expected tax receipts.",
            "Labour MP Jane Smith said the plan would help families in her constituency.",
            "Shadow chancellor Oliver Letwin said the figures did not add up.",
            "The Treasury said the money would come from higher than expected tax receipts.",
            "Analysts said the plan would add to pressure on interest rates.",
            "Shares in building firms rose after the announcement.",
            "Teachers' unions welcomed the news but said more was needed.",
            "Health Secretary John Reid said hospitals would get the largest share."]
TEASERS = ["Markets fall on war fears", "Oil prices hit record high", "Police name victim of Leeds crash",
           "Why the pound keeps falling", "Man United sign Brazilian winger", "Storm knocks out power"]
CUES = ["Read more: ", "Also read: "]


def main() -> None:
    linter = Linter.from_config(Config(), select=["S101"])
    total = 0
    for opening in OPENINGS:
        clean = HEADLINE + "\n\n" + "\n\n".join(BEFORE + [opening, AFTER]) + "\n"
        exact = 0
        for teaser in TEASERS:
            for cue in CUES:
                text = HEADLINE + "\n\n" + "\n\n".join(BEFORE + [cue + teaser + " " + opening, AFTER]) + "\n"
                exact += linter.fix(Document("x.txt", text), unsafe=True).document.text == clean
        total += exact
        print(f"  {opening[:45]:47} exact {exact}/{len(TEASERS) * len(CUES)}")
    print(f"teasers before news openings: {total}/{len(OPENINGS) * len(TEASERS) * len(CUES)} fixed exactly")


if __name__ == "__main__":
    main()
