"""The encoding rules together: what a file is written as, and what is never rewritten."""
from __future__ import annotations

from conftest import run_cli


def test_a_file_whose_transcoding_is_not_offered_keeps_its_bytes(tmp_path):
    # Issue 29: E102 said "not fixed: the guess is uncertain", yet --fix rewrote the file as its Latin-1 reading
    # (the runner compared the text encoded as UTF-8 with the original bytes).
    data = b"caf\xe9 \x81 ok\x93\n"
    doc = tmp_path / "l.txt"
    doc.write_bytes(data)
    p = run_cli("check", "--isolated", "--no-cache", "--select", "encoding", "--fix", doc.name, cwd=tmp_path)
    assert "E102" in p.stdout.decode() and "not fixed" in p.stdout.decode(), p.stdout.decode()
    assert doc.read_bytes() == data


# -- the encoding rules as one pipeline ------------------------------------------------------------------------------

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from conftest import make_linter  # noqa: E402
from doclint.document import Document  # noqa: E402

ENCODING = make_linter(["encoding"])
WORDS = ["the plan", "café", "naïve", "São Paulo", "Zürich", "Wrocław", "zażółć", "привет", "Ελλάδα", "中文",
         "it’s", "“quoted”", "— ", "…", "½", "€5", "índice", "ß", "Ärger", "ı"]


def _sloppy(data: bytes, codec: str) -> str:
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in data)


def _damaged(word: str, how: str) -> str:
    data = word.encode("utf-8")
    if how == "twice":
        return _sloppy(_sloppy(data, "cp1252").encode("utf-8"), "cp1252")
    if how == "lost-a0":
        return _sloppy(data, "cp1252").replace("\u00a0", " ")
    if how == "lost-9d":
        return _sloppy(data, "cp1252").replace("\x9d", "")
    if how == "fffd":
        return _sloppy(data, "cp1252").replace("\x9d", "\ufffd").replace("\x81", "\ufffd")
    if how == "escaped":  # mojibake escaped for the web: `caf&#195;&#169;`
        return "".join(c if c.isascii() else f"&#{ord(c)};" for c in _sloppy(data, "cp1252"))
    return data.decode(how, errors="replace") if how != "cp1252" else _sloppy(data, "cp1252")


CLEAN = st.sampled_from(WORDS)
DAMAGED = st.builds(_damaged, st.sampled_from(WORDS + ["”", "“"]),
                    st.sampled_from(["cp1252", "latin-1", "mac_roman", "cp437", "cp1251", "cp1250", "twice", "lost-a0",
                                     "lost-9d", "fffd", "escaped"]))
NOISE = ["", "", "", "\u200b", "\ufffd", "&amp;", "&#8217;", "&eacute;", "&frac12;", "^M"]
C1 = ["\x92", "\x93", "\x94", "\x84", "\x85", "\x96", "\x81", "\x9d", "\x8a", "\u00ad"]
# Words as damage leaves them: each misread one way, with an invisible character or an entity glued to either end,
# and a clean word also with a C1 control (`It\x92s`, `\x93Yes\x94`), between spaces, punctuation and line breaks.
# Not generated: a C1 control or a soft hyphen (byte 0xAD as Latin-1) glued to a word misread as UTF-8 (`ÃŸ\x81`),
# which ftfy reads otherwise once it is deleted; where such a word stands on a line whose repair ftfy finds, the
# deletion waits for that repair (mojibake.settled).
TOKEN = st.one_of(st.builds(lambda a, w, b: a + w + b, st.sampled_from(NOISE + C1), CLEAN, st.sampled_from(NOISE + C1)),
                  st.builds(lambda a, w, b: a + w + b, st.sampled_from(NOISE), DAMAGED, st.sampled_from(NOISE)))
TEXTS = st.lists(st.tuples(TOKEN, st.sampled_from([" ", " ", " ", "\n", "\n\n", ", ", ". ", ""])),
                 min_size=1, max_size=25).map(lambda parts: "".join(t + sep for t, sep in parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
# texts the generator found where it did not hold: a safe repair that made the document write a script another
# line's run then read as; a C1 control beside a possible lead byte; a mojibake repair's own safe part (a C1
# control read as Windows-1252) on a line where a soft hyphen splits a longer sequence; a pair of quotes whose
# first a zero-width space stands before (its repair waited for --unsafe-fixes, the second was repaired alone)
@example("the plan ä¸\xadæ–‡ ä¸\xadæ–‡ the plan\n&eacute;â€¦&#8217; ")
@example("the plan the plan \x92…&eacute; the plan\ncafÃ© caf√© ")
@example("the plan the plan café\x84 ß\x92 ")
@example("the plan ß\xad\x81ß\x92 ")
@example("the plan the plan the plan the plan the plan the plan the plan the plan \u200b‚Äúquoted‚Äù ")
def test_fix_then_unsafe_fixes_ends_where_unsafe_fixes_alone_does(text):
    # Issue 29: a safe fix of one encoding rule must not delete what another rule's unsafe repair needs (the
    # \x9d of "â€\x9d", the soft hyphen of "Ã\xad"), nor repair half of a line whose rest then reads otherwise.
    def fixed(document, unsafe):
        result = ENCODING.fix(document, unsafe=unsafe)
        assert result.converged
        return result.document

    start = Document.from_bytes("doc.txt", text.encode("utf-8"))
    alone = fixed(start, True).text
    assert fixed(fixed(start, False), True).text == alone


# -- legacy encodings -----------------------------------------------------------------------------------------------


def _fixed_bytes(tmp_path, data: bytes, *flags: str) -> tuple[bytes, str]:
    doc = tmp_path / "doc.txt"
    doc.write_bytes(data)
    p = run_cli("check", "--isolated", "--no-cache", "--select", "encoding", "--fix", *flags, doc.name, cwd=tmp_path)
    return doc.read_bytes(), p.stdout.decode()


def test_a_confidently_detected_legacy_file_is_written_as_utf8(tmp_path):
    text = "Kraków jest jednym z najstarszych miast w Polsce. Wiele osób przyjeżdża tu, żeby zobaczyć zamek.\n"
    after, out = _fixed_bytes(tmp_path, text.encode("cp1250"))
    assert after == text.encode("utf-8"), out


def test_an_uncertain_legacy_file_keeps_its_bytes_even_with_unsafe_fixes(tmp_path):
    # A DOS code page and a Windows one read these bytes as different letters, each well spelled.
    data = "I'm Tomás Ibáñez, from Bogotá.  \n".encode("cp1252")
    after, out = _fixed_bytes(tmp_path, data, "--unsafe-fixes")
    assert "not fixed" in out and after == data


def test_a_utf8_file_with_a_few_stray_bytes_is_reported_as_such_and_kept(tmp_path):
    data = "Café, naïve, São Paulo.\n".encode("utf-8") + b"Jos\xe9 said so.\n"
    after, out = _fixed_bytes(tmp_path, data, "--unsafe-fixes")
    assert "UTF-8 but for 1 byte" in out and after == data


def test_a_one_file_run_imports_ftfy_and_charset_normalizer_only_for_a_file_that_needs_them(tmp_path):
    import subprocess
    import sys

    def imported(data: bytes) -> set:
        (tmp_path / "doc.txt").write_bytes(data)
        p = subprocess.run([sys.executable, "-X", "importtime", "-m", "doclint", "check", "--isolated", "--no-cache",
                            "doc.txt"], cwd=tmp_path, capture_output=True, timeout=120)
        names = {line.rsplit("|", 1)[-1].strip() for line in p.stderr.decode().splitlines()}
        return names & {"ftfy", "charset_normalizer"}

    clean = "Café — “naïve” São Paulo, Zürich; Ελλάδα, Москва.\n\nThe council met on Monday.\n"
    assert imported(clean.encode("utf-8")) == set()
    assert imported("The cafÃ© opened.\n".encode("utf-8")) == {"ftfy"}
    assert imported("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.\n".encode("cp1253")) >= {"charset_normalizer"}
