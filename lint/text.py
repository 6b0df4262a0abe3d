"""Text helpers shared by rules: normalisation for matching, words, shingles, stop words."""
from __future__ import annotations

import re
import zlib
from functools import lru_cache

from doclint import lazyre

_TABLE = {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
          "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
          "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2012": "-",
          "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2007": " "}
# Quotes and dashes made plain; invisible and control characters deleted (tab and newline stay).
_DELETED = [*range(0x200B, 0x2010), *range(0x2060, 0x2065), 0xFEFF, 0xAD, *range(0, 9), 11, 12, *range(14, 32),
            *range(0x7F, 0xA0), 0x034F, 0x115F, 0x1160, 0x2800, 0x3164, 0xFFA0]
_NORMALIZE = {**_TABLE, **{chr(c): "" for c in _DELETED}}
# One regex pass over the few characters that change: str.translate with a dict table takes CPython's slow
# per-character path on any non-ASCII text, and is about seven times slower on news articles.
_NORMALIZE_RE = lazyre.compile("[" + "".join(map(re.escape, _NORMALIZE)) + "]")
# Characters str.split() treats as whitespace but normalize() deletes: whoever splits a raw text into the words
# of its normalised text must delete them first.
DELETED_WHITESPACE_RE = lazyre.compile("[" + "".join(re.escape(c) for c, v in _NORMALIZE.items()
                                                      if c.isspace() and not v) + "]")
_QUOTES_RE = lazyre.compile("[" + "".join(map(re.escape, _TABLE)) + "]")
_ENTITY = lazyre.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
WORD = lazyre.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# The one definition of where a sentence ends: one of these characters, then closing quotation marks and brackets.
SENTENCE_ENDS = ".!?…"
CLOSERS = "\"'”’)]"
QUOTE_MARKS = "\"\u201c\u201d\u00ab\u00bb\u201e"  # double quotation marks: someone is being quoted
# The marks that open an item of a list in plain text (Markdown's own are -, * and +, see doclint.layout; a
# scraped feature list keeps `+ encryption methods choice — ...;`).
BULLETS = "-*+\u2022\u2023\u25e6\u2043\u00b7\u2013\u2014"
_ENDS = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}][{re.escape(CLOSERS)}]*\\s*$")
_ENDS_OR_INTRODUCES = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}:][{re.escape(CLOSERS)}]*\\s*$")
# A text that ends a sentence or introduces what follows (closing quotes and brackets aside).
ENDS_SENTENCE = _ENDS_OR_INTRODUCES
# Where a sentence ends and another starts inside a text (the next one opens with a capital or a digit).
# What opens a line before its text: indentation, and the mark of the block it opens where a corpus writes one
# (CleanEval's hand-cleaned pages open each paragraph, heading and list item with `<p>`, `<h>` or `<l>`).
BLOCK_MARK = r"<[phl]>"
MARK_LEAD = lazyre.compile(rf"\s*(?:{BLOCK_MARK}\s*)?")
# (not after a month's abbreviation, "first published Dec. 28, 2023.", nor after a title before a name: "I don't think
# it's unfair to ask Mr. Bayh why ..." said four times over is no sentence of nine words said four times)
_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
                  "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Rev")
# The look-behinds follow the mark they judge: put before it, they ran at every character of the text (22 times
# slower over the dev corpus).
_ABBREVIATION_DOT = "".join(f"(?<!\\b{m}\\.)" for m in _ABBREVIATIONS)
SENTENCE_BREAK = lazyre.compile(f"[{re.escape(SENTENCE_ENDS)}]{_ABBREVIATION_DOT}"
                                f"[{re.escape(CLOSERS)}]*(?=\\s+[\"'“‘(\\[]?[A-Z0-9])")


# What a line of program code or of a program's output looks like: a statement opening with a keyword, a call
# with arguments, an assignment, a line ending in an opening brace or a semicolon ("def closed(self):", "reactor.stop()",
# "Traceback (most recent call last):"). Bounded repeats: a megabyte-long line is searched in linear time.
_CODE = lazyre.compile(r"^\s*(?:Traceback\s+\(|File\s+\"|at\s+[\w.$]{1,80}\(|def\s|class\s|import\s|from\s+[\w.]{1,80}\s+import\s"
                   r"|return\b|raise\s|\$\s|>>>\s|#(?:include|define|ifn?def|endif)\b|[\w.\[\]]{1,40}\s*=\s*\S)"
                   r"|[\w\])]\((?:[^)\n]{0,80}[*=,][^)\n]{0,80})?\)|[{;]\s*$")
_ENTITY_IN_CODE = lazyre.compile(r"&#?\w{1,31};")  # an entity's ";" closes no statement of code
CODE_LINE_CHARS = 200  # a longer line is prose, never a line of code (and is not searched)


def looks_like_code(line: str) -> bool:
    """Whether a line reads as program code or a program's output (see _CODE)."""
    return len(line) <= CODE_LINE_CHARS and _CODE.search(_ENTITY_IN_CODE.sub("", line)) is not None


# A line a program logged: syslog's and journald's `Dec 31 16:01:32 host process[286]: ...`, the kernel's
# `[    8.180486] UBIFS error ...`, an ISO time stamp and a level (`2024-01-30 04:12:07,123 ERROR ...`), a build
# tool's level in brackets (Maven's `[INFO] Compiling 85 source files`, log4j's padded `[INFO ] ...`).
_LOG = lazyre.compile(r"^\s*(?:[A-Z][a-z]{2}\s+\d{1,2}\s+\d\d:\d\d:\d\d\s+\S+\s+[\w./@-]+(?:\[\d+\])?:"
                      r"|\[\s*\d+\.\d+\]\s"
                      r"|\[(?:INFO|WARN|WARNING|ERROR|DEBUG|FATAL|TRACE) ?\]\s"  # a build tool's level: `[INFO] Building jar`,
                      # padded by log4j's layout to one width: `[INFO ] Created service: ...`
                      r"|\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d\S*\s+(?:\[?[A-Z]{4,8}\]?|<\d>)\s)")


def looks_like_log(line: str) -> bool:
    """Whether a line reads as a program's log output (see _LOG)."""
    return _LOG.match(line) is not None


ADDRESS_SHARE = 0.5  # of a text's characters, in web addresses: a link line ("Full paper https://..."), no prose
# A web address, or a file's path of three parts or more (a traceback's frame:
# "/usr/lib/python2.4/site-packages/twisted/enterprise/adbapi.py:64:rollback", "C:\Program Files\App\app.exe").
_ADDRESS = lazyre.compile(r"https?://\S+|www\.\S+")
_ADDRESS_OR_PATH = lazyre.compile(r"https?://\S+|www\.\S+|(?<!\S)[^\s/\\]*[/\\][^\s/\\]*[/\\]\S*")  # 2 separators


# A Markdown link's or image's address: `[label](https://example.com/a_(b))`, the words a reader never sees.
LINK_ADDRESS = lazyre.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*\)")


def without_link_addresses(text: str) -> str:
    """The text as a reader sees it, its Markdown links' addresses left out (`[By Jane Doe](https://...)` reads
    `[By Jane Doe]`)."""
    return LINK_ADDRESS.sub("]", text) if "](" in text else text


def mostly_addresses(text: str) -> bool:
    """Whether over ADDRESS_SHARE of the text's characters are web addresses or files' paths (a line that is a
    link, a traceback's frame); a path has a letter (not a date, 12/05/2020). Paths are looked for only in a text
    with a separator in it (most sentences have none)."""
    pattern = _ADDRESS_OR_PATH if "/" in text or "\\" in text else _ADDRESS
    found = sum(len(a) for a in pattern.findall(text) if any(c.isalpha() for c in a))
    return found > ADDRESS_SHARE * len(text.strip())


def ends_sentence(text: str, introduces: bool = False) -> bool:
    """Whether a text ends a sentence (`introduces`: or a colon announces what follows), closing quotation marks,
    brackets and spaces aside."""
    return (_ENDS_OR_INTRODUCES if introduces else _ENDS).search(text) is not None
# What bytes 0x80-0xBF (UTF-8 continuation bytes) become when read as Windows-1252 or Latin-1.
MOJIBAKE_CONTINUATIONS = "".join(sorted(set(bytes(range(0x80, 0xC0)).decode("cp1252", errors="ignore"))
                                        | set(map(chr, range(0x80, 0xC0)))))
# A UTF-8 lead byte read as Latin-1 (Â..ô) followed by a continuation byte: the fingerprint of mojibake.
MOJIBAKE_HINT = lazyre.compile(f"[\u00c2-\u00f4][{re.escape(MOJIBAKE_CONTINUATIONS)}]")
# UTF-8 read with other single-byte codecs (rules/mojibake.py): Mac OS Roman (`‚Äô`, `√©`, `¬£`), the DOS code
# page (`ΓÇÖ`, `├⌐`) and Windows Cyrillic (`РџСЂРёРІРµС‚`). Their screen is a lead byte, as the codec shows it, then
# a continuation byte. Leads: smart punctuation's (E2), and two-byte characters' where the codec shows them as
# something rare in text: Mac OS Roman's C2-C6 and CB-CF (accented Latin and Greek; not C7-CA nor D0-DF, shown as
# guillemets, dashes and curly quotes), the DOS box-drawing ones (C2-DF), Windows Cyrillic's D0 and D1 (Cyrillic),
# and Windows Central European's C3-C5 (`Ă©` for `é`, `Ĺ‚` for `ł`: Latin-1's letters and Latin Extended-A's).
OTHER_MOJIBAKE = {codec: (leads.decode(codec), bytes(range(0x80, 0xC0)).decode(codec, errors="ignore"))
                  for codec, leads in {"mac_roman": bytes([*range(0xC2, 0xC7), *range(0xCB, 0xD0), 0xE2]),
                                       "cp437": bytes([*range(0xC2, 0xE0), 0xE2]),
                                       "cp1251": b"\xd0\xd1\xe2",
                                       "cp1250": b"\xc3\xc4\xc5\xe2"}.items()}
OTHER_MOJIBAKE_LEADS = "".join(sorted(set("".join(leads for leads, _ in OTHER_MOJIBAKE.values()))))
# "”" is E2 80 9D; 0x9D is undefined in Windows-1252, so it is often lost, leaving "â€" alone, or read back as
# U+FFFD by a later decode ("â€�", the web's commonest mojibake).
LOST_RIGHT_QUOTE = lazyre.compile(f"\u00e2\u20ac[\u009d\ufffd]?(?![{re.escape(MOJIBAKE_CONTINUATIONS)}])")


# Scripts other than Latin, by their letters' Unicode blocks: the off-topic rule and spliced-words tell a passage
# or a word in another script by them.
SCRIPTS = {"Greek": "\u0370-\u03ff\u1f00-\u1fff", "Cyrillic": "\u0400-\u052f", "Hebrew": "\u0590-\u05ff",
            "Armenian": "\u0530-\u058f", "Arabic": "\u0600-\u06ff\u0750-\u077f", "Indic": "\u0900-\u0dff",
            "Thai": "\u0e00-\u0e7f", "Georgian": "\u10a0-\u10ff",
            "Chinese, Japanese or Korean": "\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                                           "\uf900-\ufaff"}

def normalize(text: str) -> str:
    """Lower case, straight quotes, no invisible characters or entities, single spaces."""
    if "&" in text:
        import html

        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return " ".join(_NORMALIZE_RE.sub(lambda m: _NORMALIZE[m.group()], text).split()).lower()


@lru_cache(maxsize=1)
def _damage_patterns():
    """(any damage, a run of mojibake, an invisible character): compiled on first use, not by every run's import.
    A run of mojibake is lead and continuation characters (the same few runs, `â€™` and `Ã©`, recur)."""
    invisible = "[" + "".join(re.escape(chr(c)) for c in _DELETED) + "]"
    return (lazyre.compiled_now(f"{MOJIBAKE_HINT.pattern}|{_ENTITY.pattern}|{invisible}"),
            lazyre.compiled_now(f"(?:[\u00c2-\u00f4][{re.escape(MOJIBAKE_CONTINUATIONS)}]+)+"),
            lazyre.compiled_now(invisible))


@lru_cache(maxsize=4096)
def _decoded(run: str) -> str:
    import ftfy

    return ftfy.fix_encoding(run)


# The characters damaged() looks for first: the letters mojibake starts with (Latin-1's and the other code pages'
# leads), "&" (entities) and the invisible characters normalize() deletes.
DAMAGE_SCREEN = frozenset(map(chr, range(0xC2, 0xF5))) | frozenset(OTHER_MOJIBAKE_LEADS) | {"&"} | frozenset(
    map(chr, _DELETED))


def damaged(text: str) -> bool:
    """Whether readable(text) can differ from the text (one scan)."""
    return _damage_patterns()[0].search(text) is not None


def readable(text: str) -> str:
    """The text as its author wrote it, for rules that read its words: mojibake decoded (`Britainâ€™s` ->
    `Britain’s`), entities unescaped, invisible characters deleted, so that damage does not split or disguise
    words. Offsets change: for reading, never for locating."""
    _, mojibake_run, invisible = _damage_patterns()
    if MOJIBAKE_HINT.search(text):
        text = mojibake_run.sub(lambda m: _decoded(m.group()), LOST_RIGHT_QUOTE.sub("\u201d", text))
    if "&" in text:
        import html

        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    return invisible.sub("", text)


def words(text: str) -> list[str]:
    """Lower-cased words of a (normalised or raw) text."""
    return WORD.findall(_QUOTES_RE.sub(lambda m: _TABLE[m.group()], text.lower()))


def has_words(norm: str, n: int) -> bool:
    """Whether a normalised text has at least n words (len(words(norm)) >= n), reading no further than the n-th."""
    found = 0
    for _ in WORD.finditer(norm):
        found += 1
        if found >= n:
            return True
    return n <= 0


def stable_hash(text: str) -> int:
    """A hash that is the same in every process (Python's hash() is salted)."""
    return zlib.crc32(text.encode("utf-8")) | (len(text) << 32)


# A compact English stop-word list: function words that say nothing about a text's topic.
STOP_WORDS = frozenset("""
a about above after again against all almost also although always am among an and another any anyone
anything are aren't around as at away back be became because become been before being below between both
but by can can't cannot could couldn't did didn't do does doesn't doing don't done down during each either
else enough even ever every few for from further get gets getting give given go goes going gone got had
hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how
how's however i i'd i'll i'm i've if in into is isn't it it's its itself just last least less let let's
like made make many may me might more most much must mustn't my myself need neither never new next no
nor not now of off often on once one only onto or other others otherwise ought our ours ourselves out over
own part per perhaps put quite rather really said same say says see seem seemed seems several shall shan't
she she'd she'll she's should shouldn't since so some something still such take than that that's the
their theirs them themselves then there there's these they they'd they'll they're they've this those
though through thus to told too took toward towards under until up upon us use used very via was wasn't
way we we'd we'll we're we've well went were weren't what what's whatever when when's where where's
whether which while who who's whoever whole whom whose why why's will with within without won't would
wouldn't yes yet you you'd you'll you're you've your yours yourself yourselves mr mrs ms dr st
also said says told added according including include includes included around among year years
time times week weeks day days month months today yesterday tomorrow first second third two three four
five six seven eight nine ten hundred thousand million billion people
""".split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stemmer for matching, not for display: Korea/Korean, election/elections, play/played."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 4:
        return w
    for suffix in ("ations", "ation", "ingly", "ings", "ing", "ness", "ments", "ment", "ies", "ied", "ers", "er",
                   "ed", "es", "ly", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    if w.endswith("an") and len(w) >= 6:  # Korean -> Korea, Russian -> Russia, American -> America
        w = w[:-1]
    while len(w) > 4 and w[-1] in "aeiouy":  # Korea/Korean/Koreas -> kor..., Europe/European -> europ
        w = w[:-1]
    return w


# The set phrases of licences and similar legal texts ("Redistribution and use", "WITHOUT WARRANTY", ...).
_LEGAL = (r"permission is hereby granted|without (?:any )?warrant(?:y|ies)|redistribution and use"
          r"|licensed under the"
          r"|[`'\"“]{1,2}as is['\"”’]{1,2}|this (?:program|library|software|file) is free software"
          r"|gnu (?:lesser |library |affero |free documentation )?(?:general public )?licen[sc]e"
          r"|terms and conditions|subject to the (?:following )?conditions|merchantability"
          r"|fitness for a particular purpose|mozilla public license|apache license|creative commons")


_LEGAL_PHRASE = lazyre.compile(_LEGAL, re.IGNORECASE)  # compiled on first use (2 ms), not by every run's import


# A file whose name says it holds a project's legal or authorship text (LICENSE, COPYING, NOTICE, ...): its notices,
# credits and the licences it bundles, each repeated for a part of the project, are its content.
_LEGAL_FILE = lazyre.compile(r"(?:^|[-_.])(?:LICEN[CS]E|COPYING|NOTICE|COPYRIGHT|AUTHORS|PATENTS|CREDITS)(?:[-_.]|$)")


def is_legal_file(path: str) -> bool:
    """Whether a file's name says it holds legal or authorship text (`LICENSE`, `COPYING.txt`, `NOTICE`)."""
    return bool(_LEGAL_FILE.search(path.replace("\\", "/").rsplit("/", 1)[-1].upper()))


def legal_phrases(text: str) -> int:
    """How many distinct set phrases of licences the text holds: two or more, and it is (or quotes) a licence."""
    return len({m.group().lower() for m in _LEGAL_PHRASE.finditer(text)})
