from __future__ import annotations

import bisect
import collections
import re
from dataclasses import dataclass
from functools import lru_cache

from doclint import lazyre
from doclint.diagnostics import Diagnostic, Edit, Fix
from doclint.rule import Rule, option
from doclint.text import LOST_RIGHT_QUOTE


@dataclass(frozen=True)
class Options:
    repair_lost_bytes: bool = option(True, 'Repair "â€" whose third byte was lost, before a space, as "”" rather '
                                           'than ftfy\'s "†" (an unsafe fix).')


class Mojibake(Rule):
    """Mojibake: UTF-8 text that was decoded as Windows-1252, Latin-1 or another single-byte codec.

    ## What it does
    Runs ftfy's encoding repair (`fix_encoding_and_explain`) over each line
    that shows the byte patterns mojibake leaves behind, as `ftfy.fix_text`
    does, and reports each stretch it changes with ftfy's explanation:
    `Ã©` for `é`, `â€™` for `’`, text encoded twice (`ÃƒÂ©`), UTF-8 read as
    Mac OS Roman (`caf√©`), the DOS code page (`caf├⌐`), Windows Cyrillic
    (`РџСЂРёРІРµС‚`), Central European (`WrocĹ‚aw`), Greek, Turkish or Baltic,
    and the sequences whose bytes a later step lost (a non-breaking space
    read as a space: `voilÃ le travail`). C1 controls that are Windows-1252
    punctuation read as Latin-1 (`It\\x92s`) are left to `control-character`.

    doclint adds two repairs to ftfy's, both unsafe: `â€` whose third byte
    was lost (followed by a space, or by `�`) is most often `”`, where ftfy
    reads a dagger or a `�`; and in a document that ftfy showed was misread,
    a short word ftfy declines on its own (`siÄ™` for `się`, `–∏` for `и`)
    is repaired when the codec of the document's other repairs turns it back
    into valid UTF-8 of a script the document uses
    (`... should be "ę" (UTF-8 read as Windows-1252)`).

    A line is read as `ftfy.fix_text` reads it, with its HTML entities
    unescaped (unless it holds markup): mojibake escaped for the web
    (`Ã&copy;`) is repaired whole. The other encoding rules judge the text as
    this repair leaves it: a control character, soft hyphen, entity or `�`
    that is part of a stretch repaired here (`â€\\x9d`, `Ã\\xad`) is not theirs
    to delete or change. In Markdown, code is not reported: documentation
    shows mojibake in its examples (`// Prints: this is a tÃ©st`).

    ## Why is this bad?
    A reader sees garbage, search and deduplication see different words, and
    models trained on it learn to write it.

    ## Example
    ```
    Englandâ€™s captain said the Â£5m deal was done.
    ```
    Use instead: `England’s captain said the £5m deal was done.`

    ## Fix safety
    The fix replaces the stretch with what ftfy decodes. It is safe when ftfy,
    given that stretch alone, rates it as clearly bad and decodes it the same
    way without guessing a lost byte, and every other repair of its line is
    safe too (so that `--fix` then `--fix --unsafe-fixes` ends where
    `--fix --unsafe-fixes` alone does). Repairs that guess a lost byte
    (`restore_byte_a0`, `replace_lossy_sequences`, doclint's `”`) are unsafe,
    and so are doclint's repairs of what ftfy declines, and every repair of a
    document that has one of those. Curly quotes, dashes and ligatures the
    author wrote are never restyled.
    """

    code = "E101"
    name = "mojibake"
    category = "encoding"
    severity = "error"
    fixable = "sometimes"
    Options = Options

    def check(self, document, context):
        for r in repairs(document, self.options.repair_lost_bytes):
            if document.in_example_code(r.start):
                continue  # a documentation's example of mojibake (`// Prints: this is a tÃ©st`)
            fix = (Fix.safe if r.safe else Fix.unsafe)(Edit(r.start, r.end, r.replacement),
                                                     message=f'Replace with "{r.replacement}"')
            yield Diagnostic(r.start, r.end, f'Mojibake: "{r.bad}" should be "{r.replacement}" ({r.how})', fix=fix)


@dataclass(frozen=True)
class Repair:
    """One stretch of mojibake: where, what it becomes, whether that is certain, and how it was found."""

    start: int
    end: int
    bad: str
    replacement: str
    safe: bool
    how: str
    codec: str | None = None  # the codec of a plain round trip (Python's name), for the leftovers


def repairs(document, lost_bytes: bool = True) -> list[Repair]:
    """The document's mojibake repairs (computed once per document and shared: the other encoding rules leave
    the characters of these stretches alone, see `claimed`)."""
    return document.analysis(Repairs, lost_bytes)


class Repairs:
    """The document's mojibake repairs (see repairs)."""

    @staticmethod
    def compute(document, lost_bytes: bool) -> list[Repair]:
        text = document.text
        found = [_unsafe(r) if r.safe and _split_by_invisible(text, r.start, r.end) else r
                 for r in _repairs(text, lost_bytes)]
        # a line is repaired by --fix whole or not at all: a repair beside a zero-width space that --fix deletes
        # waits for --unsafe-fixes, and so does the rest of its line (`\u200b‚Äúquoted‚Äù`: its pair `‚Äù` repaired
        # alone, `‚Äúquoted”` no longer reads as mojibake)
        waiting = {_line_of(text, r.start) for r in found if not r.safe}
        return [_unsafe(r) if r.safe and _line_of(text, r.start) in waiting else r for r in found]


class _UnsafeLines:
    """The (start, end) of the lines whose mojibake repair is unsafe, and of those where a character that may be
    a UTF-8 lead byte stands next to a C1 control that ftfy leaves (`café\x84 ß\x92` reads as Windows-1252
    punctuation, `café ß\x92` as a letter misread as Latin-1; `\x92…é` as nothing, `…é` as Mac OS Roman):
    deleting or putting back one control changes how ftfy reads the rest, so such a line too is left whole to
    --unsafe-fixes. In order."""

    @staticmethod
    def compute(document) -> list:
        text = document.text
        lines = {_line_of(text, r.start) for r in repairs(document) if not r.safe}
        if not _C1.isdisjoint(document.suspects):
            lines |= {_line_of(text, m.start()) for m in _LEAD_BY_C1.finditer(text)}
        return sorted(lines)


def claimed(document):
    """A function telling whether a text offset lies in a stretch of mojibake (a repair, safe or not): the other
    encoding rules do not delete or change what the repair needs."""
    spans = [(r.start, r.end) for r in repairs(document)]
    if not spans:
        return lambda offset: False
    starts = [a for a, _ in spans]

    def inside(offset: int) -> bool:
        n = bisect.bisect_right(starts, offset) - 1
        return n >= 0 and spans[n][0] <= offset < spans[n][1]
    return inside


# Characters invisible-character deletes that may stand inside a run of mojibake (a soft hyphen among the bytes of a
# misread letter: `ß\xad\x81ß\x92`). Deleted by --fix --unsafe-fixes, they join the run, which ftfy then reads
# whole (as NKo letters there); a safe repair of part of the run (`\x92` read as `’`) would end elsewhere.
_SPLITTERS = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")


def _split_by_invisible(text: str, start: int, end: int) -> bool:
    """Whether the run of characters beyond ASCII that holds text[start:end] holds one of _SPLITTERS outside it (one
    inside is a byte of the mojibake itself: 0xAD read as Latin-1 is a soft hyphen, `ä¸\xadæ–‡`)."""
    a, b = start, end
    while a > 0 and ord(text[a - 1]) > 0x7F and not text[a - 1].isspace():
        a -= 1
    while b < len(text) and ord(text[b]) > 0x7F and not text[b].isspace():
        b += 1
    return not _SPLITTERS.isdisjoint(text[a:start] + text[end:b])


def settled(document, at: int, fix: Fix) -> Fix:
    """Another encoding rule's fix, made unsafe when it stands on a line whose mojibake repair is unsafe: ftfy
    reads a line whole, and a control deleted or an entity unescaped by --fix changes how it reads the rest, so
    that --fix then --fix --unsafe-fixes would end elsewhere than --fix --unsafe-fixes alone. Such a line is
    left whole to --unsafe-fixes."""
    if not fix.is_safe:
        return fix
    lines = document.analysis(_UnsafeLines)
    n = bisect.bisect_right(lines, (at, len(document.text) + 1)) - 1
    if n >= 0 and lines[n][0] <= at <= lines[n][1]:
        return Fix.unsafe(*fix.edits, message=fix.message)
    return fix


# The codecs ftfy undoes (its CHARMAP_ENCODINGS, as Python names them; ftfy's sloppy variants also pass the bytes
# a codec leaves undefined through as C1 controls) and what a message calls them.
_CODECS = {"cp1252": "Windows-1252", "latin-1": "Latin-1", "mac_roman": "Mac OS Roman", "cp437": "the DOS code page",
           "cp1251": "Windows Cyrillic", "cp1250": "Windows Central European", "cp1253": "Windows Greek",
           "cp1254": "Windows Turkish", "cp1257": "Windows Baltic", "iso8859_2": "ISO-8859-2"}
_FTFY_CODECS = {"sloppy-windows-1252": "cp1252", "latin-1": "latin-1", "macroman": "mac_roman", "cp437": "cp437",
                "sloppy-windows-1251": "cp1251", "sloppy-windows-1250": "cp1250", "sloppy-windows-1253": "cp1253",
                "sloppy-windows-1254": "cp1254", "sloppy-windows-1257": "cp1257", "iso-8859-2": "iso8859_2"}
# The steps of ftfy's plans that guess a byte a later step lost: a repair that needs one is unsafe.
_GUESSES = ("restore_byte_a0", "replace_lossy_sequences")


def _shown(byte_range: range) -> str:
    """The bytes as every codec ftfy undoes shows them, and as C1 controls (the sloppy codecs' undefined bytes)."""
    chars = {chr(b) for b in byte_range if 0x80 <= b < 0xA0}
    for codec in _CODECS:
        chars |= set(bytes(byte_range).decode(codec, errors="ignore"))
    return "".join(sorted(chars))


_LEAD_CHARS = _shown(range(0xC2, 0xF5))
_CONTINUATION_CHARS = _shown(range(0x80, 0xC0))
# The screen for a line worth giving to ftfy: a UTF-8 lead byte followed by a continuation byte, as any of those
# codecs shows them (one scan of the line: an alternation of pairs per codec scans several times slower); a lead
# followed by a space (a lost 0xA0: `voilÃ le`, ftfy's restore_byte_a0) or by `�` or `?` (a lost byte: ftfy's
# replace_lossy_sequences); a C1 control (a Windows-1252 text read as Latin-1, mixed with mojibake).
# One class to look for first, then what must follow it: a regex engine scans for a single class fast, and an
# alternation of four patterns nine times slower (clean accented text: 0.30 s for 10 MB against 0.035 s).
_HINT = lazyre.compile(f"[{re.escape(_LEAD_CHARS)}\x80-\x9f](?:(?<=[{re.escape(_LEAD_CHARS)}])"
                       f"(?:[{re.escape(_CONTINUATION_CHARS)}\ufffd]|(?<=[\u00c2\u00c3\u00c5\u00ce\u00d0\u00d9]) "
                       "|(?<=[\u00c2\u00c3])\\?)|(?<=[\x80-\x9f]))")
_C1 = frozenset(map(chr, range(0x80, 0xA0)))
_LEAD_BY_C1 = lazyre.compile(f"[{re.escape(_LEAD_CHARS)}][\x80-\x9f]|[\x80-\x9f][{re.escape(_LEAD_CHARS)}]")


def _repairs(text: str, lost_bytes: bool, settled_check: bool = True) -> list[Repair]:
    found = _document_repairs(text, lost_bytes)
    if settled_check and any(r.safe for r in found) and _unsettled(text, found, lost_bytes):
        found = [_unsafe(r) for r in found]
    return found


def _unsettled(text: str, found: list[Repair], lost_bytes: bool) -> bool:
    """Whether the text as --fix leaves it (its safe repairs made) reads as mojibake other than the unsafe repairs
    still waiting for --unsafe-fixes: a repair that made the document write a script lets another line's run read as that script (`ä¸\xadæ–‡`
    repaired to `中文`, then `é…’` is `酒`), or no longer reads an unsafe repair that waits (its pair repaired
    alone). Then --fix would lead --fix --unsafe-fixes elsewhere than it goes alone, and no repair of the document
    is certain enough for --fix."""
    pos, out = 0, []
    for r in sorted(found, key=lambda r: r.start):
        if r.safe:
            out += [text[pos:r.start], r.replacement]
            pos = r.end
    out.append(text[pos:])
    after = "".join(out)
    waiting = {(text.count("\n", 0, r.start), r.bad, r.replacement) for r in found if not r.safe}
    # (and every repair still waiting must still be read: `‚Äú` before a zero-width space is read with its pair
    # `‚Äù`, and no longer once --fix has repaired the pair alone)
    return {(after.count("\n", 0, r.start), r.bad, r.replacement)
            for r in _repairs(after, lost_bytes, settled_check=False)} != waiting


def _document_repairs(text: str, lost_bytes: bool) -> list[Repair]:
    found: list[Repair] = []
    scripts: dict = {}  # the blocks the text writes in, computed when first needed (see _line)
    lines = _suspect_lines(text)
    for start, end in lines:
        found += _line(text, start, end, lost_bytes, scripts)
    seen = {r.codec for r in found if r.codec}
    if seen:
        # Short words ftfy left as they were, which the codec of the document's repairs decodes, on any line
        # (`Sch√§uble` on a line of its own, where other lines show Mac OS Roman): repaired on the document's
        # evidence, and then every repair of the document is unsafe, so that --fix does not repair the evidence
        # away before --fix --unsafe-fixes reads it.
        spans = sorted((r.start, r.end) for r in found)
        # the blocks the text writes in or its safe repairs produce: an unsafe repair into a script nothing else
        # writes (`ß\x92` read as UTF-8 is an NKo letter) is a guess, and no evidence for another
        allowed = scripts.setdefault("text", _scripts(set(text))) | _scripts("".join(r.replacement for r in found
                                                                                     if r.safe))
        extra = []
        for a, b in lines:
            view, offsets = _view(text[a:b])
            for i1, i2, out, codec in _leftovers(view, seen, allowed):
                if offsets is not None:
                    i1, i2 = offsets[i1], offsets[i2]
                if not _overlaps(spans, a + i1, a + i2):
                    extra.append(Repair(a + i1, a + i2, text[a + i1:a + i2], out, False,
                                        f"UTF-8 read as {_CODECS[codec]}", codec))
        if extra:
            found = sorted([_unsafe(r) for r in found] + extra, key=lambda r: r.start)
        else:
            found = _joined(text, lines, found, seen, allowed)
    return found


def _joined(text: str, lines: list, found: list[Repair], seen: set, allowed: set) -> list[Repair]:
    """The repairs, with those of a line made unsafe where the line as --fix leaves it (its safe repairs made,
    its entities read) holds a run that the document's codecs read as UTF-8 across a repaired stretch: `â\x80¦`
    repaired to `…` between `&eacute;` and `&#8217;` leaves `é…’`, which Windows-1252 reads as `酒`. Repaired
    safely, the line would be read otherwise by --fix --unsafe-fixes than it is before --fix."""
    out = list(found)
    for a, b in lines:
        mine = [n for n, r in enumerate(out) if a <= r.start < b and r.safe]
        if not mine:
            continue
        pieces, spans, pos = [], [], a
        for n in mine:
            r = out[n]
            pieces.append(text[pos:r.start])
            at = sum(map(len, pieces))
            pieces.append(r.replacement)
            spans.append((at, at + len(r.replacement)))
            pos = r.end
        pieces.append(text[pos:b])
        view, offsets = _view("".join(pieces))
        for i1, i2, _, _ in _leftovers(view, seen, allowed):
            if offsets is not None:
                i1, i2 = offsets[i1], offsets[i2]
            if any(i1 < s2 and s1 < i2 for s1, s2 in spans):
                for n in mine:
                    out[n] = _unsafe(out[n])
                break
    return out


def _suspect_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line worth ftfy's look: one with a hint, as written or as ftfy.fix_text reads it, its
    HTML entities read (`Ã&copy;`, mojibake escaped for the web) and zero-width characters dropped (see _view)."""
    lines = set()
    if not text.isascii():
        m = _HINT.search(text)
        while m:
            start, end = _line_of(text, m.start())
            lines.add((start, end))
            m = _HINT.search(text, end)
    if "&" in text or any(c in text for c in _ZERO_WIDTH):
        for m in _ENTITY_OR_GONE.finditer(text):
            line = _line_of(text, m.start())
            if line not in lines and _HINT.search(_view(text[line[0]:line[1]])[0]):
                lines.add(line)
    return sorted(lines)


def _line_of(text: str, at: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return start, len(text) if end == -1 else end


# An HTML character reference, as ftfy's unescape_html reads them (named or numeric, with its semicolon).
_ENTITY = lazyre.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _view(segment: str) -> tuple[str, list[int] | None]:
    """The line as ftfy.fix_text reads it, its HTML entities unescaped (unless it holds markup, `<`), and without
    the zero-width characters invisible-character deletes wherever they are (a zero-width space glued to a word
    stops ftfy from reading the word: were --fix to delete it first, --fix --unsafe-fixes would read the word
    otherwise); and for each character of that view, and one past the end, the offset in the line it comes from
    (None when the view is the line)."""
    pattern = _ENTITY_OR_GONE if "&" in segment and "<" not in segment else _GONE
    if not pattern.search(segment):
        return segment, None
    import html

    out, offsets, pos = [], [], 0
    for m in pattern.finditer(segment):
        char = "" if m.group() in _ZERO_WIDTH else html.unescape(m.group())
        if char == m.group():
            continue
        out.append(segment[pos:m.start()])
        offsets += range(pos, m.start())
        out.append(char)
        offsets += [m.start()] * len(char)
        pos = m.end()
    out.append(segment[pos:])
    offsets += range(pos, len(segment) + 1)
    return "".join(out), offsets


_ZERO_WIDTH = "\u200b\u2060\ufeff"
_GONE = lazyre.compile(f"[{_ZERO_WIDTH}]")
_ENTITY_OR_GONE = lazyre.compile(f"{_ENTITY.pattern}|[{_ZERO_WIDTH}]")


def _overlaps(spans: list, a: int, b: int) -> bool:
    n = bisect.bisect_left(spans, (b, b))
    return n > 0 and spans[n - 1][1] > a


def _unsafe(r: Repair) -> Repair:
    return Repair(r.start, r.end, r.bad, r.replacement, False, r.how, r.codec)


def _line(text: str, a: int, b: int, lost_bytes: bool, scripts: dict) -> list[Repair]:
    """ftfy's repair of the line text[a:b], as one Repair per changed stretch.

    ftfy decodes a whole line at once when it can, and so also decodes words of the line that are no mojibake
    but happen to be valid UTF-8 as the same codec shows them: a Czech `déšť` beside `cafĂ©` becomes a Chinese
    `隝`. A stretch of letters that ftfy, given it alone, does not rate as bad, and that decodes to a script that
    neither the text nor the line's other repairs write in, is left as it is (doclint's own judgement, see
    `_plausible`).

    Where the line holds `â€` whose third byte was lost, ftfy leaves it, or before a space guesses a lost 0xA0
    and reads a dagger (`†`); the lost byte is far more often 0x9D, Windows-1252's undefined byte, and the
    character `”`: that reading is taken when it leaves fewer daggers, no more `�` than ftfy's, and nothing ftfy
    still rates as bad (`â€�` stays ftfy's `�`: which byte a later decode replaced is not known).

    A line whose repair leaves mojibake that a second look repairs (ftfy's repair of the whole line failed on one
    stretch, and the stretches repaired one by one leave it) is repaired again, up to _ROUNDS times, and
    reported as the difference between the line and its last repair: --fix --unsafe-fixes then ends in one pass
    where a --fix that deleted what stood in the way of the whole-line repair would have led it.
    """
    segment, offsets = _view(text[a:b])
    state, plans, leftovers = _repaired(text, segment, lost_bytes, scripts)
    if state == segment:
        return []
    return _reported(text, a, (segment, offsets), (state, plans, leftovers), lost_bytes, scripts)


def _repaired(text: str, segment: str, lost_bytes: bool, scripts: dict):
    """(the segment repaired, ftfy's plans, the replacements of doclint's second look with their codecs)."""
    import ftfy

    state, plans, seen = segment, [], set()
    for _ in range(_ROUNDS):
        fixed, plan = _with_guess(state, ftfy.fix_encoding_and_explain, lost_bytes)
        changes = [_trimmed(state, *change) for change in _changes(state, fixed)] if fixed != state else []
        changes += _in_windows(state, changes, lost_bytes)
        kept = [c for c in changes if _kept(text, state, c, changes, scripts)]
        if not kept:
            break
        plans.append(plan)
        seen |= {_codec_of(state[i1:i2], r) for i1, i2, r in kept} - {None}
        state = "".join(_pieces(state, sorted(kept)))
    leftovers = {}
    if seen:
        if "text" not in scripts:
            scripts["text"] = _scripts(set(text))
        extra = list(_leftovers(state, seen, scripts["text"] | _scripts(state)))
        leftovers = {replacement: codec for _, _, replacement, codec in extra}
        state = "".join(_pieces(state, [change[:3] for change in extra]))
    return state, plans, leftovers


def _reported(text, a, view, repaired, lost_bytes, scripts) -> list[Repair]:  # long: a Repair's evidence
    """One Repair per stretch that differs between the line as ftfy reads it (`view`: the segment and its
    offsets, see _view) and its repair (`repaired`: see _repaired), with how and whether safely."""
    (segment, offsets), (state, plans, leftovers) = view, repaired
    out = []
    changes = [_trimmed(segment, *change) for change in _changes(segment, state)]
    # a repair into a script that neither the text outside the stretch nor another repair writes (`ß\x92` read as
    # UTF-8 is an NKo letter) is a guess, never safe
    if "counts" not in scripts:
        scripts["counts"] = collections.Counter(ord(c) >> 7 for c in text if ord(c) >= 0x80)
    # the scripts each repair writes, counted once (each repair is judged by the others': not a pass over all of
    # them per repair, which took minutes on a line of thousands of repairs)
    written = [_scripts(replacement) for _, _, replacement in changes]
    totals = collections.Counter(block for blocks in written for block in blocks)
    for k, (i1, i2, replacement) in enumerate(changes):
        bad = segment[i1:i2]  # as ftfy read it: with its entities unescaped
        alone = _explained(bad)
        if replacement in leftovers and alone[0] != replacement:
            how, safe = f"UTF-8 read as {_CODECS[leftovers[replacement]]}", False
        elif alone[0] == replacement:
            how, safe = _describe(alone[1]), _clearly_bad(bad) and not any(s[1] in _GUESSES for s in alone[1])
        elif lost_bytes and LOST_RIGHT_QUOTE.search(bad):
            how, safe = 'a lost third byte of "”" guessed', False
        else:
            how, safe = _describe(plans[0]), False
        safe = safe and "\ufffd" not in replacement and not _capital_before_space(segment, i1, bad)
        others = {block for block, n in totals.items() if n > (block in written[k])}
        if offsets is not None:  # back to the line's own offsets, entities whole
            i1, i2 = offsets[i1], offsets[i2]
        safe = safe and _plausible(replacement, _outside(scripts["counts"], text[a + i1:a + i2]) | others)
        out.append(Repair(a + i1, a + i2, text[a + i1:a + i2], replacement, safe, how, _codec_of(bad, replacement)))
    if not all(r.safe for r in out):
        out = [_unsafe(r) for r in out]  # a line is repaired by --fix whole or not at all (see the docstring)
    return out


def _capital_before_space(segment: str, at: int, bad: str) -> bool:
    """Whether the stretch is a capital letter and a non-breaking space ending a word in capitals, before another
    word in capitals or none (`SUPERÂ\xa0FRESH`): `Â` is a letter of such a word as often as it is the lead byte
    of U+00A0 read as Latin-1, so the repair is a judgement (unsafe)."""
    after = segment[at + 2:at + 3]
    return (len(bad) == 2 and bad[1] == "\u00a0" and bad[0].isupper() and at > 0 and segment[at - 1].isupper()
            and (after.isupper() or not after.isalpha()))


_ROUNDS = 4  # repairs of one line, each on the last one's result (a text encoded three times takes three)


def _kept(text: str, state: str, change, changes: list, scripts: dict) -> bool:
    """Whether a change ftfy proposes for the line is kept: not when it is Windows-1252 punctuation read as
    Latin-1 (control-character's to judge, where each character fits), nor a stretch of letters that ftfy alone
    does not rate as bad and that decodes to a script the text does not write (see `_line`)."""
    i1, i2, replacement = change
    bad = state[i1:i2]
    if set(bad) <= _C1 and _cp1252(bad) == replacement:
        return False
    if bad.isalpha() and not _clearly_bad(bad):
        if "text" not in scripts:
            scripts["text"] = _scripts(set(text))
        others = set().union(*(_scripts(r) for j1, j2, r in changes if (j1, j2) != (i1, i2)
                               and _clearly_bad(state[j1:j2])))
        return _plausible(replacement, scripts["text"] | others)
    return True


def _pieces(state: str, changes: list):
    pos = 0
    for i1, i2, replacement in changes:
        yield state[pos:i1]
        yield replacement
        pos = i2
    yield state[pos:]


def _with_guess(segment: str, explain, lost_bytes: bool):
    """ftfy's repair and plan (`explain`), or the repair with doclint's guess of `”` for `â€` whose third byte
    was lost, where ftfy left that `â€` as it was or read a dagger, and the guess leaves no more `�` and nothing
    that ftfy still rates as bad (see `_line`)."""
    fixed, plan = explain(segment)
    if lost_bytes and LOST_RIGHT_QUOTE.search(segment) and (
            LOST_RIGHT_QUOTE.search(fixed) or "\u2020" in fixed):
        guess, guess_plan = explain(LOST_RIGHT_QUOTE.sub("\u201d", segment))
        if (LOST_RIGHT_QUOTE.search(fixed) or fixed.count("\u2020") > guess.count("\u2020")) \
                and fixed.count("\ufffd") >= guess.count("\ufffd") and not _clearly_bad(guess):
            return guess, guess_plan
    return fixed, plan


def _in_windows(segment: str, done: list, lost_bytes: bool) -> list:
    """ftfy's repairs of the words around each hint that its repair of the whole line left: ftfy declines a line
    it cannot encode whole with one codec, as when it mixes a script with mojibake of another (`Он сказал
    –∫–≤–∞—Ä—Ç–∏—Ä–∞`, Cyrillic read as Mac OS Roman beside Cyrillic), and then repairs only the stretches that look
    like Windows-1252 misreadings. Kept: the stretches ftfy rates as clearly bad on their own."""
    spans = sorted((i1, i2) for i1, i2, _ in done)
    out = []
    for wa, wb in _windows(segment):
        n = bisect.bisect_right(spans, (wa, len(segment))) - 1
        if n >= 0 and spans[n][1] >= wb:
            continue  # inside a stretch the whole-line repair changed (they do not overlap one another)
        window = segment[wa:wb]
        fixed = _with_guess(window, _explained, lost_bytes)[0]
        if fixed == window:
            continue
        for i1, i2, replacement in _changes(window, fixed):
            i1, i2, replacement = _trimmed(window, i1, i2, replacement)
            if _clearly_bad(window[i1:i2]) and not _overlaps(spans, wa + i1, wa + i2):
                out.append((wa + i1, wa + i2, replacement))
    return out


def _windows(text: str):
    """Spans of whole words around each mojibake hint, merged."""
    spans = []
    for m in _HINT.finditer(text):
        a = max(m.start() - 40, 0)
        b = min(m.end() + 40, len(text))
        left = text.rfind(" ", a, m.start())
        a = left + 1 if left != -1 else a
        right = text.find(" ", m.end(), b)
        b = right if right != -1 else b
        if spans and a <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    return spans


def _cp1252(s: str) -> str | None:
    try:
        return s.encode("latin-1").decode("cp1252")
    except UnicodeError:
        return None


@lru_cache(maxsize=4096)
def _explained(bad: str) -> tuple[str, tuple]:
    """ftfy's encoding repair of a stretch alone, and its plan. Cached: a document decoded with the wrong codec
    repeats the same few sequences thousands of times."""
    import ftfy

    fixed, plan = ftfy.fix_encoding_and_explain(bad)
    return fixed, tuple(plan or ())


@lru_cache(maxsize=4096)
def _clearly_bad(bad: str) -> bool:
    from ftfy.badness import is_bad

    return is_bad(bad)


def _describe(plan) -> str:
    """ftfy's explanation, after what it means in words: `UTF-8 read as Windows-1252; ftfy: encode
    sloppy-windows-1252, decode utf-8`."""
    steps = [(kind, what) for kind, what in plan]
    words = ", ".join(f"{kind} {what}" if kind in ("encode", "decode") else what for kind, what in steps)
    codec = next((_FTFY_CODECS.get(what) for kind, what in steps if kind == "encode"), None)
    if codec and (("decode", "utf-8") in steps or ("decode", "utf-8-variants") in steps):
        return f"UTF-8 read as {_CODECS.get(codec, codec)}; ftfy: {words}"
    return f"ftfy: {words}" if words else "ftfy"


def _round_trip(run: str, codec: str) -> str | None:
    """The run encoded with the codec and decoded as strict UTF-8, or None when either step fails."""
    try:
        return run.encode(codec).decode("utf-8")
    except UnicodeError:
        return None


def _codec_of(bad: str, replacement: str) -> str | None:
    """Which codec's misreading ftfy undid (None: another, or a repair that is no plain round trip)."""
    return next((codec for codec in _LEFTOVER_CODECS if _round_trip(bad, codec) == replacement), None)


# The codecs a misread is undone with when ftfy declines a short word, and what a message calls them.
_LEFTOVER_CODECS = ("cp1252", "mac_roman", "cp437", "cp1251", "cp1250")
_NON_ASCII_RUN = lazyre.compile(r"[^\x00-\x7f]{2,200}")


def _leftovers(state: str, seen: set, allowed: set):
    """What ftfy left of the misread in a line it repaired, as (start, end, replacement, codec): it declines short
    words (`–∏` for `и`, `¬´` for `«`, `ΓÇö` for `—`), which it cannot tell from rare text alone. Here the line
    has shown it was misread, and with which codec: a run of non-ASCII characters holding a lead and a
    continuation byte as that codec shows them, which the codec turns back into strict UTF-8 as a whole, is
    repaired too (an unsafe repair). Only the codecs of the line's own plain repairs are tried, and the whole run
    must decode into the blocks the text or its repairs write (`allowed`), so legitimate Cyrillic or Greek text,
    whose runs are no UTF-8, is left alone. Line by line: a repair standing on another line's evidence would be
    found or not depending on whether that line was repaired first."""
    for m in _NON_ASCII_RUN.finditer(state):
        run = m.group()
        for codec in _LEFTOVER_CODECS:
            if codec not in seen or not _pair(codec).search(run):
                continue
            out = _round_trip(run, codec)
            if out and out != run and out.isprintable() and _plausible(out, allowed):
                yield m.start(), m.end(), out, codec
                break


def _scripts(text) -> set:
    """The blocks of 128 code points that the text's (or a set of characters') non-ASCII characters fall in, and
    "CJK" when it writes Chinese, Japanese or Korean (whose characters spread over hundreds of blocks)."""
    blocks = {ord(c) >> 7 for c in text if ord(c) >= 0x80}
    return blocks | {"CJK"} if any(0x3000 >> 7 <= b < 0xA000 >> 7 or 0xAC00 >> 7 <= b < 0xD800 >> 7 for b in blocks) \
        else blocks


def _outside(counts: collections.Counter, stretch: str) -> set:
    """The blocks (as _scripts) that the text writes outside the stretch, from the counts of its characters'
    blocks."""
    inside = collections.Counter(ord(c) >> 7 for c in stretch if ord(c) >= 0x80)
    return _scripts("".join(chr(block << 7) for block, n in counts.items() if n > inside[block]))


def _plausible(out: str, allowed: set) -> bool:
    """Whether the decoded run's characters are Latin letters or punctuation (U+00A0 to U+036F), general
    punctuation and symbols (U+2000 to U+2BFF: quotes, dashes, currency), characters beyond U+FFFF (emoji: four
    bytes that only a misread UTF-8 text shows as `ðŸ˜‚`), or of a block the document already
    writes in, or that ftfy's repairs produced: a legitimate pair such as `Úž` also decodes, to an Arabic letter
    (`ڞ`), in a Czech text with no Arabic in it, and a Czech `éšť` to a Chinese one (`隝`)."""
    for c in out:
        o = ord(c)
        if o < 0x80 or 0xA0 <= o <= 0x36F or 0x2000 <= o < 0x2C00 or o >= 0x10000 or o >> 7 in allowed:
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
    return lazyre.compiled_now(f"[{re.escape(leads)}][{re.escape(continuations)}]")


def _trimmed(segment: str, i1: int, i2: int, replacement: str) -> tuple[int, int, str]:
    """The change without the characters at its ends that it keeps as they are (`Ã©’` -> `é’` is `Ã©` -> `é`
    before a curly apostrophe the author wrote), as long as ftfy still decodes the rest to the rest."""
    while i2 - i1 > 1 and replacement and segment[i2 - 1] == replacement[-1] \
            and _explained(segment[i1:i2 - 1])[0] == replacement[:-1]:
        i2, replacement = i2 - 1, replacement[:-1]
    while i2 - i1 > 1 and replacement and segment[i1] == replacement[0] \
            and _explained(segment[i1 + 1:i2])[0] == replacement[1:]:
        i1, replacement = i1 + 1, replacement[1:]
    return i1, i2, replacement


_MOJI_CHARS = frozenset(_LEAD_CHARS + _CONTINUATION_CHARS + "\ufffd")


def _changes(before: str, after: str):
    """(start, end, replacement) for each changed stretch, offsets into `before`.

    ftfy's repairs keep every ASCII character but a space (a lost 0xA0 guessed) and `?` (a lost byte), and
    write none: those characters anchor the two texts to one another, and only the stretches between two anchors
    that differ are compared character by character (a diff of a whole line of 150,000 characters, all of them
    misread, did not end in five minutes).
    """
    for anchors in (_ANCHOR, _ANCHOR_NO_SPACE):
        a_before, a_after = anchors.findall(before), anchors.findall(after)
        if a_before != a_after:
            continue  # a space became part of a character: anchor on the other characters
        i = j = 0
        for m, n in zip(anchors.finditer(before), anchors.finditer(after)):
            if before[i:m.start()] != after[j:n.start()]:
                for i1, i2, replacement in _diff(before[i:m.start()], after[j:n.start()]):
                    yield i + i1, i + i2, replacement
            i, j = m.end(), n.end()
        if before[i:] != after[j:]:
            for i1, i2, replacement in _diff(before[i:], after[j:]):
                yield i + i1, i + i2, replacement
        return
    yield from _diff(before, after)


# ASCII characters that ftfy's repairs keep: all but `?`, and but spaces where a space was taken for a lost 0xA0.
_ANCHOR = lazyre.compile(r"[\x00->@-\x7f]+")
_ANCHOR_NO_SPACE = lazyre.compile(r"[\x00-\x1f!->@-\x7f]+")


def _diff(before: str, after: str):
    """(start, end, replacement) for each changed stretch of a short text, offsets into `before`.

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
