"""Legitimate attributions written into sentences: the linter must stay silent on every one."""
from __future__ import annotations

import pytest

from conftest import lint

CASES = [
    "Prices rose by 5% last year, according to Reuters, the highest rise in a decade.",
    "Figures from the Office for National Statistics (ONS) show that unemployment fell in March.",
    "The death toll rose sharply in the spring (source: WHO) before it fell again in the summer.",
    '"We will not give up," he said.',
    "The report, which was seen by the Associated Press, says the talks failed.",
    "A source close to the minister said the plan would be dropped within weeks.",
    "Sources at the bank said the deal would be signed on Friday after months of talks.",
    "The photo, taken by a passer-by, was shared thousands of times on social media.",
    "She told AFP that the company had been courting investors since the spring.",
    "The image copyright was held by the photographer until his death in 1998.",
    "Reporting by the BBC has shown the scale of the problem in the region.",
    "The newspaper was first published in 1821 and is now owned by a trust.",
    "Readers can read more about the case in the full judgment, the court said.",
    "Analysts at Morgan Stanley, cited by Bloomberg, expect rates to rise twice this year.",
    "The rules, via a loophole in the law, allowed firms to avoid the tax for years.",
    "He thanked the museum, courtesy of whose loan the painting could be shown at all.",
    "The team will follow up on Twitter's decision to suspend the account next week.",
    "Fans were urged to subscribe to the club's television channel before the season started.",
    "Users who click on the link are taken to a fake page that asks for their password.",
    "The film was produced by Jupiter Studios and directed by a first-time director.",
    "The study, published in the Lancet, found no link between the vaccine and autism.",
    "Credit card spending rose by 3% in December, the British Retail Consortium said.",
    "The minister shared the post on Facebook, where it drew hundreds of comments.",
    'The company said in a statement: "Our source code was never at risk."',
    "Officials from the World Health Organization (WHO) visited the hospital on Monday.",
    "The data, compiled by the Office for Budget Responsibility, shows borrowing fell.",
    "Copyright law protects the work for 70 years after the death of its author.",
    "Mr Smith, speaking to Sky News, said he would not resign over the affair.",
    "The website www.example.com was taken offline after the attack, the firm said.",
    "He posted on X, formerly Twitter, that the deal was off.",
    "Inputs from farmers and traders were gathered for the survey, the ministry said.",
    "Related costs, such as transport and storage, were not included in the figures.",
    "With inputs from local groups, the council drew up a plan for the new park.",
    "For more information, residents can call the council helpline on weekdays.",
    "Read the full report, she said, before judging the plan so quickly.",
    "Follow the money, the investigators were told, and the answers would come.",
    "Photographs of the scene were shared widely before the police asked people to stop.",
]


def test_there_are_at_least_thirty_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("sentence", CASES)
def test_in_sentence_attribution_is_not_flagged(sentence):
    text = f"A headline for the story\n\nThe first paragraph sets the scene for the story.\n\n{sentence}\n"
    assert [(d.code, d.message) for d in lint(text) if d.category == "source-tag"] == []


def test_a_credit_ends_at_its_own_full_stop_and_a_place_keeps_its_abbreviations():
    from doclint.rules.credit_sentence import _patterns

    credit, _ = _patterns()
    # (a full stop inside a place's words once let the credit run on through the next sentence's names, joined by
    # the comma that separates credit clauses: "... wrote in Beirut. KTV's Eva Berg, Tom Brown and ...")
    text = ("KTV's Ann Lee reported from Tyre and Sam Roe wrote in Beirut. KTV's Eva Berg, Tom Brown and Ann Poe "
            "contributed to this report.")
    assert credit.match(text).group() == "KTV's Ann Lee reported from Tyre and Sam Roe wrote in Beirut."
    assert credit.match("Ann Lee reported from St. Louis.").group() == "Ann Lee reported from St. Louis."
    assert credit.match("Ann Lee reported from Washington, D.C.").group() == "Ann Lee reported from Washington, D.C."
