from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule, option
from doclint.text import LOST_RIGHT_QUOTE, MOJIBAKE_CONTINUATIONS, OTHER_MOJIBAKE, OTHER_MOJIBAKE_LEADS


@dataclass(frozen=True)
class Options:
    repair_lost_bytes: bool = option(True, 'Repair "â€" whose third byte was lost as "”" (an unsafe fix).')


class Mojibake(Rule):
    """Mojibake: UTF-8 text that was decoded as Windows-1252, Latin-1 or another single-byte codec.

    ## What it does
    Finds sequences such as `â€™` (for `’`), `Â£` (for `£`) and `Ã©` (for
    `é`), including text encoded twice (`ÃƒÂ©`), and names the character they
    should be. UTF-8 read as Mac OS Roman (`it‚Äôs`, `caf√©`), as the DOS
    code page (`caf├⌐`), as Windows Cyrillic (`РџСЂРёРІРµС‚` for `Привет`) or
    as Windows Central European (`WrocĹ‚aw` for `Wrocław`) is found too.
    Detection and repair use ftfy on the affected words only, after a fast
    screen for the byte patterns mojibake leaves behind. ftfy declines
    short words it cannot tell from rare text (`siÄ™` for `się`, `–∏` for
    `и`, `ΓÇö` for `—`); in a document where it repaired others, a run of
    non-ASCII characters that the codec of those repairs turns back into valid
    UTF-8, as a whole and into a script the document uses, is repaired too
    (`... should be "ę" (UTF-8 read as Windows-1252)`).

    ## Why is this bad?
    A reader sees garbage, search and deduplication see different words, and
    models trained on it learn to write it.

    ## Example
    ```
    Englandâ€™s captain said the Â£5m deal was done.
    ```
    Use instead: `England’s captain said the £5m deal was done.`

    ## Fix safety
    The fix replaces the sequence with what ftfy decodes; it is safe when ftfy
    rates the sequence as clearly bad. Repairs that guess a lost byte (`â€`
    followed by a space is most often `”`, and so is `â€�`) are unsafe, and so
    are the repairs of what ftfy declined. Curly quotes, dashes and ligatures
    the author wrote are never restyled.
    """

    code = "E101"
    name = "mojibake"
    category = "encoding"
    severity = "error"
    fixable = "sometimes"
    Options = Options

    def check(self, document, context):
        text = document.text
        if not document.suspects & _LEADS or not _HINT.search(text):
            return
        import ftfy

        repaired = []  # (start, end, codec, replacement) of ftfy's repairs
        for a, b in _windows(text):
            segment = text[a:b]
            guessed = LOST_RIGHT_QUOTE.sub("\u201d", segment) if self.options.repair_lost_bytes else segment
            fixed = ftfy.fix_encoding(guessed)
            if fixed == segment:
                continue
            for i1, i2, replacement in _changes(segment, fixed):
                i1, i2, replacement = _trimmed(segment, i1, i2, replacement)
                bad = segment[i1:i2]
                safe = _clearly_bad(bad, replacement)
                fix = (Fix.safe if safe else Fix.unsafe)(Edit(a + i1, a + i2, replacement),
                                                         message=f'Replace with "{replacement}"')
                repaired.append((a + i1, a + i2, _codec_of(bad, replacement), replacement))
                yield Diagnostic(a + i1, a + i2, f'Mojibake: "{bad}" should be "{replacement}"', fix=fix)
        if repaired:
            yield from _leftovers(text, repaired)


# The codecs a misread is undone with when ftfy declines (doclint.text.OTHER_MOJIBAKE's and Windows-1252), and what
# a message calls them.
_CODECS = {"cp1252": "Windows-1252", "mac_roman": "Mac OS Roman", "cp437": "the DOS code page",
           "cp1251": "Windows Cyrillic", "cp1250": "Windows Central European"}
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,200}")


def _round_trip(run: str, codec: str) -> str | None:
    """The run encoded with the codec and decoded as strict UTF-8, or None when either step fails."""
    try:
        return run.encode(codec).decode("utf-8")
    except UnicodeError:
        return None


def _codec_of(bad: str, replacement: str) -> str | None:
    """Which codec's misreading ftfy undid (None: another, or a repair that is no plain round trip)."""
    return next((codec for codec in _CODECS if _round_trip(bad, codec) == replacement), None)


def _leftovers(text: str, repaired: list):
    """What ftfy left of the misread in a document it repaired: it declines short words (`–∏` for `и`, `¬´`
    for `«`, `ΓÇö` for `—`), which it cannot tell from rare text alone. Here the document has shown it was
    misread, and with which codec: a run of non-ASCII characters holding a lead and a continuation byte as that
    codec shows them, which the codec turns back into strict UTF-8 as a whole, is repaired too, with an unsafe
    fix. Only the codecs of the document's own repairs are tried (all four when none is known), and the whole
    run must decode, so legitimate Cyrillic or Greek text, whose runs are no UTF-8, is left alone."""
    seen = {codec for _, _, codec, _ in repaired if codec} or set(_CODECS)
    allowed = set()  # filled at the first candidate: the blocks of the text and of ftfy's repairs
    spans = sorted((a, b) for a, b, _, _ in repaired)
    for m in _NON_ASCII_RUN.finditer(text):
        a, b = m.span()
        n = bisect.bisect_left(spans, (b, b))
        if n and spans[n - 1][1] > a:
            continue  # ftfy repaired (part of) it
        run = m.group()
        for codec in _CODECS:
            if codec not in seen or not _pair(codec).search(run):
                continue
            out = _round_trip(run, codec)
            if out and not allowed:
                allowed = _scripts(set(text)).union(*(_scripts(r) for _, _, _, r in repaired))
            if out and out != run and out.isprintable() and _plausible(out, allowed):
                yield Diagnostic(a, b, f'Mojibake: "{run}" should be "{out}" (UTF-8 read as {_CODECS[codec]})',
                                 fix=Fix.unsafe(Edit(a, b, out), message=f'Replace with "{out}"'))
                break


def _scripts(text) -> set:
    """The blocks of 128 code points that the text's (or a set of characters') non-ASCII characters fall in, and
    "CJK" when it writes Chinese, Japanese or Korean (whose characters spread over hundreds of blocks)."""
    blocks = {ord(c) >> 7 for c in text if ord(c) >= 0x80}
    return blocks | {"CJK"} if any(0x3000 >> 7 <= b < 0xA000 >> 7 or 0xAC00 >> 7 <= b < 0xD800 >> 7 for b in blocks) \
        else blocks


def _plausible(out: str, allowed: set) -> bool:
    """Whether the decoded run's characters are Latin letters or punctuation (U+00A0 to U+036F), general
    punctuation and symbols (U+2000 to U+2BFF: quotes, dashes, currency), or of a block the document already
    writes in, or that ftfy's repairs produced: a legitimate pair such as `Úž` also decodes, to an Arabic letter
    (`ڞ`), in a Czech text with no Arabic in it, and a Czech `éšť` to a Chinese one (`隝`)."""
    for c in out:
        o = ord(c)
        if o < 0x80 or 0xA0 <= o <= 0x36F or 0x2000 <= o < 0x2C00 or o >> 7 in allowed:
            continue
        if "CJK" in allowed and (0x3000 <= o < 0xA000 or 0xAC00 <= o < 0xD800):
            continue
        return False
    return True


@lru_cache(maxsize=None)
def _pair(codec: str):
    """A UTF-8 lead byte then a continuation byte, as the codec shows them."""
    leads = bytes(range(0xC2, 0xF5)).decode(codec, errors="ignore")
    continuations = bytes(range(0x80, 0xC0)).decode(codec, errors="ignore")
    return re.compile(f"[{re.escape(leads)}][{re.escape(continuations)}]")


@lru_cache(maxsize=4096)
def _clearly_bad(bad: str, replacement: str) -> bool:
    """Whether ftfy rates the sequence as clearly bad and decodes it alone to `replacement` (a safe fix). Cached:
    a document decoded with the wrong codec repeats the same few sequences thousands of times."""
    import ftfy
    from ftfy.badness import is_bad

    return is_bad(bad) and not LOST_RIGHT_QUOTE.search(bad) and ftfy.fix_encoding(bad) == replacement


def _trimmed(segment: str, i1: int, i2: int, replacement: str) -> tuple[int, int, str]:
    """The change without the characters at its ends that it keeps as they are (`Ã©’` -> `é’` is `Ã©` -> `é`
    before a curly apostrophe the author wrote), as long as ftfy still decodes the rest to the rest."""
    import ftfy

    while i2 - i1 > 1 and replacement and segment[i2 - 1] == replacement[-1] \
            and ftfy.fix_encoding(segment[i1:i2 - 1]) == replacement[:-1]:
        i2, replacement = i2 - 1, replacement[:-1]
    while i2 - i1 > 1 and replacement and segment[i1] == replacement[0] \
            and ftfy.fix_encoding(segment[i1 + 1:i2]) == replacement[1:]:
        i1, replacement = i1 + 1, replacement[1:]
    return i1, i2, replacement


def _windows(text: str):
    """Spans of whole words around each mojibake hint, merged."""
    spans = []
    for m in _HINT.finditer(text):
        a = max(m.start() - 40, 0)
        b = min(m.end() + 40, len(text))
        left = max(text.rfind(" ", a, m.start()), text.rfind("\n", a, m.start()))
        a = left + 1 if left != -1 else a
        rights = [i for i in (text.find(" ", m.end(), b), text.find("\n", m.end(), b)) if i != -1]
        b = min(rights) if rights else b
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return spans


# Windows-1252's screen and the other codecs' (doclint.text.OTHER_MOJIBAKE) as one pair of classes: one scan of
# the text (an alternation of pairs scans three times slower), at the price of a few pairs no codec makes, which
# ftfy then leaves alone.
_LEADS = frozenset(map(chr, range(0xC2, 0xF5))).union(OTHER_MOJIBAKE_LEADS)
_CONTINUATIONS = frozenset(MOJIBAKE_CONTINUATIONS).union(*(conts for _, conts in OTHER_MOJIBAKE.values()))
_HINT = re.compile(f"[{re.escape(''.join(sorted(_LEADS)))}][{re.escape(''.join(sorted(_CONTINUATIONS)))}]")
_MOJI_CHARS = _LEADS | _CONTINUATIONS


def _changes(before: str, after: str):
    """(start, end, replacement) for each changed stretch, offsets into `before`.

    A character-level diff can split a sequence (`Â£` -> `£` is "delete Â"), so
    each change grows over the neighbouring characters that mojibake is made of.
    """
    from difflib import SequenceMatcher

    changes = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        lo = changes[-1][1] if changes else 0
        while i1 > lo and before[i1 - 1] in _MOJI_CHARS and after[j1 - 1:j1] == before[i1 - 1]:
            i1, j1 = i1 - 1, j1 - 1
        if changes and i1 <= changes[-1][1]:
            i1, _, j1, _ = changes.pop()
        changes.append([i1, i2, j1, j2])
    out = []
    for n, (i1, i2, j1, j2) in enumerate(changes):
        hi = changes[n + 1][0] if n + 1 < len(changes) else len(before)
        while i2 < hi and before[i2] in _MOJI_CHARS and after[j2:j2 + 1] == before[i2]:
            i2, j2 = i2 + 1, j2 + 1
        if out and i1 <= out[-1][1]:
            p1, _, pj1, _ = out.pop()
            i1, j1 = p1, pj1
        out.append((i1, i2, j1, j2))
    for i1, i2, j1, j2 in out:
        yield i1, i2, after[j1:j2]
