"""Which legacy encoding a file that is not UTF-8 is written in, and whether that is certain.

charset-normalizer (imported here only, and only for a file that is not
UTF-8: about 15 ms) proposes encodings and rates each reading by how messy
it looks and how well it matches a language. On its own it cannot tell
readings apart that differ only in a few letters (Spanish `ñ` as Windows-1252
or `ń` as Windows-1250 score alike) and, on a short text, a Windows code page
from a DOS or a Mac one. So every plausible reading, its candidates' and
those of the common legacy code pages (`RIVALS`), is compared, grouped by the
text it gives, and the detection is confident only when one text wins
clearly: no other is as clean (charset-normalizer's mess ratio), as coherent
(its language ratio) and as well spelled (see `_spelled`: its letters those
of one language's alphabet, and of the language of its ASCII words when the
text is long enough to tell it, each in a case and place that fit). A
transcoding is offered only then (see rules/invalid_utf8.py). A file that is
UTF-8 but for a few stray bytes is told apart first (`stray_bytes`).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from doclint import lazyre

# The common legacy code pages, tried beside charset-normalizer's own candidates: a short text gives it too little
# to rank a Windows code page against a DOS or a Mac one, and a reading it did not list may be as good as its best.
RIVALS = ("cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "koi8_r", "koi8_u",
          "mac_roman", "mac_cyrillic", "cp437", "cp850", "cp852", "cp866", "iso8859_2", "iso8859_5", "iso8859_7",
          "iso8859_8", "iso8859_15", "gb18030", "big5", "cp932", "euc_jp", "cp949", "euc_kr")
# Among codecs that read the bytes as the same text, the one named (the commonest first).
PREFERRED = ("cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "gb18030", "big5",
             "cp932", "cp949", "euc_kr", "euc_jp", "koi8_r", "koi8_u", "mac_roman", "mac_cyrillic", "iso8859_15",
             "iso8859_2", "iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8", "iso8859_9", "cp850", "cp437", "cp866")
NAMES = {"cp1252": "Windows-1252", "cp1250": "Windows-1250", "cp1251": "Windows-1251", "cp1253": "Windows-1253",
         "cp1254": "Windows-1254", "cp1255": "Windows-1255", "cp1256": "Windows-1256", "cp1257": "Windows-1257",
         "cp1258": "Windows-1258", "koi8_r": "KOI8-R", "koi8_u": "KOI8-U", "mac_roman": "Mac OS Roman",
         "mac_cyrillic": "Mac Cyrillic", "mac_greek": "Mac Greek", "mac_iceland": "Mac Icelandic",
         "mac_latin2": "Mac Central European", "cp437": "DOS code page 437", "cp850": "DOS code page 850",
         "cp852": "DOS code page 852", "cp866": "DOS code page 866", "cp1125": "DOS code page 1125",
         "gb18030": "GB18030", "gb2312": "GB2312", "gbk": "GBK", "big5": "Big5", "big5hkscs": "Big5-HKSCS",
         "cp932": "Shift_JIS (Windows-31J)", "shift_jis": "Shift_JIS", "shift_jis_2004": "Shift_JIS-2004",
         "euc_jp": "EUC-JP", "euc_jis_2004": "EUC-JIS-2004", "cp949": "Windows-949 (Unified Hangul)",
         "euc_kr": "EUC-KR", "johab": "Johab", "cp874": "Windows-874", "tis_620": "TIS-620",
         "latin_1": "Latin-1 (ISO-8859-1)", "utf_16": "UTF-16"}
# Readings whose mess ratios differ by no more than this are ties, told apart by language and spelling. From
# the benchmark's legacy files (benchmarks/encoding_repair.py): Western code pages reading a Western text differ
# by 0.000-0.004; a wrong family is 0.013 or more away (Mac Cyrillic against PTCP154 in a Russian text).
MESS_TIE = 0.01
# The messiest reading that may be called certain: charset-normalizer rates correct Shift_JIS and EUC-JP texts
# at 0.147 (Japanese has no language profile there); wrong readings of the benchmark's files are 0.17 and up,
# or tie with a right one.
MESS_MAX = 0.15
# A reading rivals the chosen one unless it spells more of its characters beyond ASCII wrong (see _spelled), or is
# less coherent by this much (charset-normalizer's language ratio), where spelling cannot tell (other scripts):
# Windows-1251 against KOI8-R on the benchmark's Russian texts differ by 0.2 or more.
COHERENCE_GAP = 0.1
# The least coherence for a reading in an alphabetic script (charset-normalizer's ratio; 0.29 and up on the
# benchmark's right readings, Japanese and Chinese aside, which it rates low and which are told by their codec).
COHERENCE_MIN = 0.2
# Multi-byte codecs of one family (a superset and its subset read most texts alike; where they differ, in rare
# characters, either reading is the family's): no rival to one another.
_FAMILY = {"euc_kr": "ko", "cp949": "ko", "johab": "ko", "gb2312": "zh", "gbk": "zh", "gb18030": "zh",
           "hz": "zh", "big5": "zh-tw", "big5hkscs": "zh-tw", "cp950": "zh-tw", "shift_jis": "ja", "cp932": "ja",
           "shift_jis_2004": "ja", "shift_jisx0213": "ja", "euc_jp": "ja-euc", "euc_jis_2004": "ja-euc",
           "euc_jisx0213": "ja-euc"}
_LANGUAGES = 3  # how many of the likeliest languages of a text's ASCII letters its accents are checked against
# How many ASCII letters a text needs for its language to be told from them: a sentence of English reads as
# German or Italian about as well (and then `ß` or `á` fits as well as the other), a page does not.
LANGUAGE_LETTERS = 500
SAMPLE = 16384  # bytes of a large file that the readings are rated on (the chosen one must decode it all)

# The letters beyond ASCII that languages written in the Latin script use (lower case), from their alphabets:
# a reading whose accented letters one language holds is better spelled than one mixing several languages'.
ALPHABETS = {
    "French": "àâæçéèêëîïôœùûüÿ", "Spanish": "áéíñóúü", "Portuguese": "áâãàçéêíóôõú", "Italian": "àèéìíîòóùú",
    "Catalan": "àçèéíïòóúü", "German": "äöüß", "Dutch": "éëïóöü", "Danish": "æøåé", "Norwegian": "æøåé",
    "Swedish": "åäöé", "Finnish": "åäöšž", "Icelandic": "áðéíóúýþæö", "Polish": "ąćęłńóśźż",
    "Czech": "áčďéěíňóřšťúůýž", "Slovak": "áäčďéíĺľňóôŕšťúýž", "Hungarian": "áéíóöőúüű", "Romanian": "ăâîșțşţ",
    "Croatian": "čćđšž", "Slovene": "čšž", "Turkish": "âçğıîöşü", "Estonian": "äõöüšž",
    "Latvian": "āčēģīķļņšūž", "Lithuanian": "ąčęėįšųūž", "Albanian": "çë", "Welsh": "âêîôûŵŷáéíóúàèìòùäëïöüÿ",
    "Irish": "áéíóú", "Esperanto": "ĉĝĥĵŝŭ", "Maltese": "ċġħż", "Vietnamese": "àáâãèéêìíòóôõùúýăđĩũơưạảấầẩẫậắằẳẵặ"
                                                                      "ẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
    # and the Cyrillic and Greek ones (a Russian text read as Mac Cyrillic holds a Serbian `ћ`)
    "Russian": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя", "Ukrainian": "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
    "Belarusian": "абвгдеёжзійклмнопрстуўфхцчшыьэюя", "Bulgarian": "абвгдежзийклмнопрстуфхцчшщъьюя",
    "Serbian": "абвгдђежзијклљмнњопрстћуфхцчџш", "Macedonian": "абвгдѓежзѕијклљмнњопрстќуфхцчџш",
    "Kazakh": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя", "Greek": "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς",
}
_ALPHABET_SETS = {language: frozenset(letters) for language, letters in ALPHABETS.items()}


@dataclass(frozen=True)
class Detection:
    encoding: str | None  # Python's codec name, or None when nothing reads the bytes plausibly
    language: str | None
    confident: bool
    text: str | None  # the whole file read with `encoding`
    rival: str | None = None  # a codec that reads it as other text about as well (when not confident)


_UTF8_SEQUENCE = lazyre.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH = lazyre.compile(rb"[\x80-\xff]")


def stray_bytes(body: bytes) -> int:
    """How many bytes are not UTF-8 in a file that is UTF-8 otherwise: its valid multi-byte sequences outnumber
    the bytes beyond ASCII that belong to none (a UTF-8 text where a line or a name was pasted in Latin-1); 0 for
    a file in a legacy encoding, whose bytes only now and then happen to form a valid sequence."""
    sequences = _UTF8_SEQUENCE.findall(body)
    if not sequences:
        return 0
    stray = len(_HIGH.findall(body)) - sum(map(len, sequences))
    return stray if len(sequences) > stray else 0


def mixed_text(body: bytes) -> str:
    """A file that is UTF-8 but for a few bytes, with those read as Windows-1252 (Latin-1 where it has none)."""
    import codecs

    def windows_1252(error: UnicodeDecodeError):
        chunk = error.object[error.start:error.end]
        return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in chunk), error.end

    try:
        codecs.lookup_error("doclint-cp1252")
    except LookupError:
        codecs.register_error("doclint-cp1252", windows_1252)
    return body.decode("utf-8", errors="doclint-cp1252")


def name(codec: str | None) -> str | None:
    return NAMES.get(codec, codec.replace("_", "-").upper() if codec else None) if codec else None


def detect(body: bytes) -> Detection:
    from charset_normalizer import from_bytes

    matches = from_bytes(body)
    best = matches.best()
    sample = body[:SAMPLE]
    if len(body) > SAMPLE:  # not in the middle of a multi-byte character: back to the last line break
        cut = sample.rfind(b"\n")
        sample = sample[:cut + 1] if cut > 0 else sample
    readings: dict[str, list[str]] = {}  # text read from the sample -> codecs that read it so
    # Not UTF-16 or UTF-32, which charset-normalizer proposes for a few bytes: without a byte-order mark such a
    # file is full of NUL bytes, and read as binary before this.
    for codec in [m.encoding for m in matches if not m.encoding.startswith("utf")] + list(RIVALS):
        try:
            text = sample.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        if codec not in readings.setdefault(text, []):
            readings[text].append(codec)
    if not readings:
        return Detection(None, None, False, None)
    from charset_normalizer import cd

    # The languages the text's ASCII letters read as, the same in every reading of a single-byte code page: the
    # accented letters of a reading in Latin script are checked against their alphabets (see _foreign).
    ascii_letters = "".join(c for c in sample.decode("latin-1") if c < "\x80")
    latin_languages = ()
    if sum(c.isalpha() for c in ascii_letters) >= LANGUAGE_LETTERS:
        latin_languages = tuple(lang.rstrip("—") for lang, _ in cd.coherence_ratio(ascii_letters)[:_LANGUAGES]
                                if _SCRIPTS.get(lang.rstrip("—"), "Latin") == "Latin")
    rated = [_rate(text, codecs, best, latin_languages) for text, codecs in readings.items()]
    rated.sort(key=lambda r: (r.mess, -r.coherence))
    ties = [r for r in rated if r.mess <= rated[0].mess + MESS_TIE]
    chosen = min(ties, key=lambda r: (r.faults, _foreign(r, r.languages), -r.coherence, not r.is_best))
    codec = chosen.codec
    try:
        whole = body.decode(codec)
    except UnicodeDecodeError:
        return Detection(codec, chosen.language, False, None)
    rival = next((r for r in ties if r is not chosen and not _clearly_worse(r, chosen)
                  and not _FAMILY.get(r.codec, 1) == _FAMILY.get(codec, 2)), None)
    coherent = chosen.coherence >= COHERENCE_MIN or chosen.multibyte
    # A reading that needs a private-use character (as GB18030 reads bytes of Big5 in a mail that mixes them) or
    # that holds U+FFFD (an earlier decoding's loss) is not the file's whole story.
    whole_story = not _UNMAPPED.search(whole)
    confident = chosen.mess <= MESS_MAX and coherent and rival is None and whole_story
    if not coherent and rival is None:
        rival = next((r for r in rated if r is not chosen), None)
    return Detection(codec, chosen.language, confident, whole, rival.codec if rival else None)


@dataclass
class _Reading:
    codec: str
    mess: float
    coherence: float
    language: str | None
    faults: int
    letters: frozenset
    languages: tuple  # the languages its letters are checked against
    multibyte: bool
    is_best: bool


def _rate(text: str, codecs: list[str], best, latin_languages: tuple) -> _Reading:
    from charset_normalizer import cd, md

    codec = min(codecs, key=lambda c: PREFERRED.index(c) if c in PREFERRED else len(PREFERRED))
    is_best = best is not None and best.encoding in codecs
    ratios = cd.coherence_ratio(text)
    coherence = ratios[0][1] if ratios else 0.0
    faults, letters = _spelled(text)
    if _script(text) == "Latin":
        # Checked against the languages of its ASCII letters (not its accents', which every reading explains)
        languages = latin_languages
        language = max(languages, key=lambda lang: len(letters & _ALPHABET_SETS.get(lang, frozenset()))
                       - languages.index(lang) / 100) if languages else None
    else:
        language = _language(text, ratios, best.language if is_best else None)
        languages = (language,) if language else ()
    multibyte = cd.is_multi_byte_encoding(codec)
    mess = md.mess_ratio(text, 1.0)
    if _CONTROLS.search(text):
        mess += 1.0  # a control character (a C1 control is a byte the code page leaves undefined): no text has one
    return _Reading(codec, mess, coherence, language, faults, letters, languages, multibyte, is_best)


_UNMAPPED = lazyre.compile("[\ue000-\uf8ff\ufffd]")
_CONTROLS = lazyre.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


# The script each language charset-normalizer knows is written in (Latin for the others).
_SCRIPTS = {"Greek": "Greek", "Russian": "Cyrillic", "Bulgarian": "Cyrillic", "Ukrainian": "Cyrillic",
            "Serbian": "Cyrillic", "Kazakh": "Cyrillic", "Arabic": "Arabic", "Farsi": "Arabic", "Hebrew": "Hebrew",
            "Chinese": "CJK", "Japanese": "CJK", "Korean": "CJK", "Thai": "Thai", "Hindi": "Devanagari",
            "Tamil": "Tamil"}


def _language(text: str, languages: list, proposed: str | None) -> str | None:
    """The language the reading is in: charset-normalizer's, if it is written in the reading's script (it names
    Greek for an English text read as a DOS code page); for Latin script, among its coherent languages, the one
    whose alphabet holds most of the reading's letters (Polish, not Hungarian, for `ą`, `ł`, `ż`)."""
    script = _script(text)
    candidates = ([proposed] if proposed and proposed != "Unknown" else []) + [lang for lang, _ in languages]
    fitting = [lang for lang in candidates if _SCRIPTS.get(lang.rstrip("—"), "Latin") == script]
    if not fitting:
        return None
    if script == "Latin":
        letters = {c.lower() for c in text if c > "\x7f" and c.isalpha()}
        return max(fitting, key=lambda lang: len(letters & _ALPHABET_SETS.get(lang, frozenset()))
                   - fitting.index(lang) / 100)
    return fitting[0].rstrip("—")


def _script(text: str) -> str:
    counts: dict[str, int] = {}
    for c in text:
        if c > "\x7f" and c.isalpha():
            o = ord(c)
            script = ("Latin" if _latin(c) else "Greek" if 0x370 <= o < 0x400 else "Cyrillic" if 0x400 <= o < 0x530
                      else "Hebrew" if 0x590 <= o < 0x600 else "Arabic" if 0x600 <= o < 0x800 or 0xFB50 <= o < 0xFF00
                      and o < 0xFE70 or 0xFE70 <= o < 0xFF00 else "Thai" if 0xE00 <= o < 0xE80
                      else "Devanagari" if 0x900 <= o < 0x980 else "Tamil" if 0xB80 <= o < 0xC00 else "CJK")
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=counts.get) if counts else "Latin"


def _clearly_worse(other: _Reading, chosen: _Reading) -> bool:
    """Whether a reading of the tie is clearly worse than the chosen one: it spells more characters wrong, or it
    is much less coherent. Not whether its accents are those of the language the ASCII words seem to be in,
    which only orders the guesses: a page of English reads as German about as well, and `ß` then fits."""
    return other.faults > chosen.faults or other.coherence <= chosen.coherence - COHERENCE_GAP


def _spelled(text: str) -> tuple[int, frozenset]:
    """How many of the characters beyond ASCII that the reading holds (distinct, lower-cased) it spells wrong, and
    its letters of the scripts ALPHABETS covers (Latin, Cyrillic, Greek).

    A character is ill placed where its case does not fit (a capital between small letters: `JosŽ`, `cafÚ`);
    where it is no Latin letter inside a word of ASCII letters (`cafй`); where a sign or punctuation mark stands
    between two letters (`MOLI»RE`, `creaci–n`; apostrophes and dashes aside, but for an en dash between small
    letters); where a sign stands before a small letter (`½uvres`); and where it is half-width katakana (a text
    of another script read as Shift_JIS: Japanese today writes full-width). A letter is wrong where no one
    language's alphabet holds it with the others (`ń` among Spanish letters, `ƒ` anywhere)."""
    seen, misplaced = set(), set()
    for i, c in enumerate(text):
        if c < "\x80" or c.isspace():
            continue
        low = c.lower()
        seen.add(low)
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if not c.isalpha():
            category = unicodedata.category(c)
            inside = _spaced(before) and _spaced(after) and c not in _INSIDE_WORDS and category[0] != "M" \
                and not (category == "Pd" and not (c == "\u2013" and before.islower() and after.islower())) \
                and not (c == "\u00b7" and before.lower() == after.lower() == "l")  # Catalan l·l
            sign = category in _SIGNS and after.islower()  # `½uvres`, `©ur`; not `m²`, `°C`
            if inside or sign:
                misplaced.add(low)
        elif c.isupper() and before.islower() and after.islower():
            misplaced.add(low)
        elif not _latin(low) and ((before < "\x80" and before.isalpha()) or (after < "\x80" and after.isalpha())):
            misplaced.add(low)
        elif "\uff61" <= c <= "\uff9f":  # half-width katakana: what a Cyrillic or Latin text read as Shift_JIS is
            misplaced.add(low)
    letters = frozenset(c for c in seen if c.isalpha() and (_latin(c) or "\u0370" <= c < "\u0530"))
    held = max(len(letters & alphabet) for alphabet in _ALPHABET_SETS.values()) if letters else 0
    return len(misplaced) + len(letters) - held, letters


def _foreign(reading: "_Reading", languages: tuple) -> int:
    """How many of the reading's letters the alphabet of the likeliest of `languages` does not hold: `MOLIČRE` in
    French, `ћосква` in Russian; every accented letter in English. 0 when no language is known."""
    if not languages:
        return 0
    return min(len(reading.letters - _ALPHABET_SETS.get(lang, frozenset())) for lang in languages)


_INSIDE_WORDS = frozenset("\u2019\u2018\u2010\u2011\u00ad\u02bc")  # ’ ‘ ‐ and soft hyphens: inside words
_SIGNS = frozenset(("Sm", "Sc", "Sk", "So", "No"))  # symbols and numbers like ½ and ²


def _spaced(c: str) -> bool:
    """Whether the character is a letter of a script that separates its words with spaces, whose punctuation
    therefore does not stand between two letters (Latin, Cyrillic, Greek; not Chinese or Japanese)."""
    return c.isalpha() and (_latin(c.lower()) or "\u0370" <= c < "\u0530")


def _latin(c: str) -> bool:
    return c <= "\u024f" or "\u1e00" <= c <= "\u1eff"
