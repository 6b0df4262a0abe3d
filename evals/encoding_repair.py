"""How well `doclint check --fix` repairs encoding damage, against ftfy, on public test data.

    python -m evals.encoding_repair DATA [--cmd doclint] [--show 5]

DATA is a folder prepared as docs/encoding.md says (nothing of it is in this
repository):

    DATA/ftfy/*.json                 python-ftfy's tests/test-cases (in-the-wild, synthetic,
                                     language-names, negative, known-failures)
    DATA/charset_normalizer/*.txt    charset_normalizer's data/ samples
    DATA/cpython-cjk/*.txt           CPython's Lib/test/cjkencodings (legacy CJK files and
                                     their UTF-8 text)

Suites, each run through `doclint check --isolated --no-cache --select
encoding` as users run it (one file per text), with `--fix`, then on fresh
copies with `--fix --unsafe-fixes`:

- ftfy's cases: a damaged text is restored when the result equals ftfy's
  expected text; both are compared after ftfy's presentation-only steps (curly
  quotes made straight, ligatures and full-width letters made plain, NFC), so
  that doclint keeping an author's curly quote does not count against it.
  `ftfy.fix_text` is scored the same way. A case whose original already equals
  its expected text is a correct text: it must come back unchanged.
- synthetic mojibake: lines of the multilingual UTF-8 samples, damaged as it
  happens (UTF-8 read with another code page; two layers; a lost byte: a
  non-breaking space that became a space, Windows-1252's undefined bytes
  dropped or read back as U+FFFD); the clean lines themselves are correct
  texts.
- legacy files: the charset_normalizer samples that are not UTF-8, with the
  encoding its own tests give them, CPython's legacy CJK files, and UTF-8
  samples written in the legacy encodings of their language (whole, and their
  first few lines). After a fix mode a file is right (its UTF-8 text is the
  original's), garbled (rewritten as other text) or untouched.

Prints per suite the texts restored by each fix mode and by ftfy (`inv`: the
texts `--fix --unsafe-fixes` misses only by invisible characters that
invisible-character deletes by design and ftfy keeps), the correct texts
changed, and for legacy files right / garbled / untouched per mode.
`--show N` lists N failures of each kind.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shlex
import subprocess
import tempfile
import unicodedata
from pathlib import Path

# charset_normalizer's legacy samples and their encodings (its tests/test_full_detection.py).
REAL_LEGACY = {"sample-arabic-1.txt": "cp1256", "sample-french-1.txt": "cp1252", "sample-chinese.txt": "big5",
               "sample-greek.txt": "cp1253", "sample-greek-2.txt": "cp1253", "sample-hebrew-2.txt": "cp1255",
               "sample-hebrew-3.txt": "cp1255", "sample-korean.txt": "cp949", "sample-turkish.txt": "cp1254",
               "sample-russian.txt": "mac_cyrillic"}
# UTF-8 texts (charset_normalizer's, CPython's, and the legacy samples decoded) and the legacy encodings their
# language was written in.
TRANSCODE = {"sample-arabic.txt": ["cp1256", "iso8859_6"],
             "sample-bulgarian.txt": ["cp1251", "iso8859_5"],
             "sample-russian-2.txt": ["cp1251", "koi8_r", "cp866", "mac_cyrillic"],
             "sample-russian-3.txt": ["cp1251", "koi8_r", "iso8859_5"],
             "sample-french.txt": ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"],
             "sample-spanish.txt": ["cp1252", "mac_roman", "cp850"],
             "sample-polish.txt": ["cp1250", "iso8859_2"],
             "sample-greek.txt": ["iso8859_7"], "sample-hebrew-2.txt": ["iso8859_8"],
             "sample-turkish.txt": ["iso8859_9"],
             "shift_jis-utf8.txt": ["cp932", "euc_jp"], "gb18030-utf8.txt": ["gb18030"], "gbk-utf8.txt": ["gbk"],
             "big5-utf8.txt": ["big5"], "cp949-utf8.txt": ["euc_kr"]}
CJK_LEGACY = {"big5.txt": "big5", "cp949.txt": "cp949", "euc_jp.txt": "euc_jp", "euc_kr.txt": "euc_kr",
              "gb18030.txt": "gb18030", "gb2312.txt": "gb2312", "gbk.txt": "gbk", "shift_jis.txt": "shift_jis"}
# How mojibake is made: the UTF-8 bytes read with another codec, once or twice, or with a byte lost.
DAMAGE = ["sloppy-windows-1252", "latin-1", "mac_roman", "cp437", "cp1250", "cp1251", "iso8859_2",
          "twice-windows-1252", "lost-a0", "lost-undefined", "fffd-undefined"]
UNDEFINED_1252 = (0x81, 0x8D, 0x8F, 0x90, 0x9D)


def presentation(text: str) -> str:
    """ftfy's presentation-only steps: what the comparison ignores."""
    import ftfy

    return ftfy.fix_text(text, unescape_html=False, remove_terminal_escapes=False, fix_encoding=False,
                         restore_byte_a0=False, replace_lossy_sequences=False, decode_inconsistent_utf8=False,
                         fix_c1_controls=False, fix_latin_ligatures=True, fix_character_width=True,
                         uncurl_quotes=True, fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
                         normalization="NFC")


# Characters invisible-character deletes by design and ftfy keeps (zero-width characters, soft hyphens, braille
# blanks used as fillers): the `inv` column counts the texts that differ from ftfy's only by them.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u2800\u3164\uffa0"))


def sloppy_1252(data: bytes) -> str:
    """Bytes read as Windows-1252, its five undefined bytes as Latin-1 (as browsers and ftfy do)."""
    return "".join(chr(b) if b in UNDEFINED_1252 else bytes([b]).decode("cp1252") for b in data)


def damage(text: str, kind: str) -> str | None:
    data = text.encode("utf-8")
    try:
        if kind == "sloppy-windows-1252":
            return sloppy_1252(data)
        if kind == "twice-windows-1252":
            return sloppy_1252(sloppy_1252(data).encode("utf-8"))
        if kind == "lost-a0":
            return sloppy_1252(data).replace("\u00a0", " ") if b"\xa0" in data else None
        if kind in ("lost-undefined", "fffd-undefined"):
            if not any(b in UNDEFINED_1252 for b in data):
                return None
            out = sloppy_1252(data)
            lost = "" if kind == "lost-undefined" else "\ufffd"
            return "".join(lost if ord(c) in UNDEFINED_1252 else c for c in out)
        return data.decode(kind)
    except UnicodeDecodeError:
        return None


def run_doclint(cmd: list[str], folder: Path, *extra: str) -> None:
    subprocess.run([*cmd, "check", "--isolated", "--no-cache", "--quiet", "--exit-zero", "--select", "encoding",
                    *extra, str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def fixed_texts(cmd: list[str], texts: list[bytes]) -> dict[str, list[bytes]]:
    """Each input after `--fix` and after `--fix --unsafe-fixes` (bytes as written)."""
    out = {}
    for mode, extra in (("fix", ["--fix"]), ("unsafe", ["--fix", "--unsafe-fixes"])):
        with tempfile.TemporaryDirectory(prefix="doclint-enc-") as tmp:
            paths = []
            for n, data in enumerate(texts):
                p = Path(tmp) / f"{n:05d}.txt"
                p.write_bytes(data)
                paths.append(p)
            run_doclint(cmd, Path(tmp), *extra)
            out[mode] = [p.read_bytes() for p in paths]
    return out


def text_cases(data: Path) -> dict[str, list[tuple[str, str, str]]]:
    """Suites of (label, original, expected) texts."""
    suites: dict[str, list] = {}
    for name in ("in-the-wild", "synthetic", "language-names", "negative", "known-failures"):
        path = data / "ftfy" / f"{name}.json"
        if path.exists():
            suites[f"ftfy {name}"] = [(c["label"], c["original"], c["fixed"]) for c in json.loads(path.read_text())]
    lines = []
    for path in _utf8_sources(data):
        text = path.read_bytes().decode("utf-8-sig")
        picked = [ln.strip() for ln in text.splitlines() if len(ln.strip()) >= 30 and not ln.isascii()][:4]
        lines += [(path.name, ln[:400]) for ln in picked]
    synthetic = []
    for kind in DAMAGE:
        for name, line in lines:
            bad = damage(line, kind)
            if bad is not None and bad != line:
                synthetic.append((f"{kind} {name}", bad, line))
    synthetic += [(f"clean {name}", line, line) for name, line in lines]
    suites["synthetic mojibake"] = synthetic
    return suites


def _utf8_sources(data: Path) -> list[Path]:
    """The UTF-8 texts: charset_normalizer's UTF-8 samples and CPython's UTF-8 versions of its CJK files."""
    found = []
    for path in sorted((data / "charset_normalizer").glob("*.txt")) + sorted((data / "cpython-cjk").glob("*-utf8.txt")):
        try:
            path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        if path.name in ("big5hkscs-utf8.txt", "hz-utf8.txt"):
            continue  # a few characters only
        found.append(path)
    return found


def legacy_cases(data: Path) -> list[tuple[str, bytes, str]]:
    """(label, bytes, expected text) of every legacy-encoded file: real ones and transcoded UTF-8 samples,
    whole and cut to their first lines; files that happen to be valid UTF-8 are left out."""
    sources: dict[str, str] = {}  # name -> UTF-8 text
    cases = []
    seen = set()

    def add(label: str, raw: bytes, text: str) -> None:
        digest = hashlib.sha1(raw).hexdigest()
        if digest in seen:
            return
        try:
            raw.decode("utf-8")
            return  # ASCII or UTF-8: nothing to detect
        except UnicodeDecodeError:
            pass
        seen.add(digest)
        cases.append((label, raw, text))

    cn = data / "charset_normalizer"
    for name, encoding in REAL_LEGACY.items():
        if (cn / name).exists():
            raw = (cn / name).read_bytes()
            sources[name] = raw.decode(encoding)
            add(f"{name} ({encoding})", raw, raw.decode(encoding))
    for name, encoding in CJK_LEGACY.items():
        path = data / "cpython-cjk" / name
        if path.exists():
            raw = path.read_bytes()
            add(f"cpython {name} ({encoding})", raw, raw.decode(encoding))
    for path in _utf8_sources(data):
        sources.setdefault(path.name, path.read_bytes().decode("utf-8-sig"))
    for name, encodings in TRANSCODE.items():
        if name not in sources:
            continue
        lines = sources[name].replace("\r\n", "\n").splitlines(keepends=True)
        for encoding in encodings:
            kept = [line for line in lines if _encodable(line, encoding)]  # a quotation in another script aside
            for part, piece in (("whole", "".join(kept)), ("first lines", "".join(kept[:4]))):
                add(f"{name} as {encoding}, {part}", piece.encode(encoding), piece)
    for n, (text, encoding) in enumerate(SHORT):
        add(f"short text {n} as {encoding}", text.encode(encoding), text)
    return cases


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


# Short texts of our own, in the code pages their languages were written in: a sentence or two, the hardest case
# for a detector (a Windows code page against a DOS or a Mac one differ in a handful of bytes).
SHORT = [
    ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της χώρας. Οι κάτοικοί της μιλούν ελληνικά.\n",
     "cp1253"),
    ("Москва - столица России и крупнейший город страны. В городе живут более двенадцати миллионов человек.\n",
     "koi8_r"),
    ("Москва — столица России и крупнейший город страны. В городе живут более двенадцати миллионов человек.\n",
     "cp1251"),
    ("İstanbul, Türkiye'nin en kalabalık şehridir. Şehirde yaşayan insanların çoğu boğazın iki yakasında çalışıyor.\n",
     "cp1254"),
    ("Kraków jest jednym z najstarszych miast w Polsce. Wiele osób przyjeżdża tu, żeby zobaczyć zamek na Wawelu.\n",
     "iso8859_2"),
    ("Kraków jest jednym z najstarszych miast w Polsce. Wiele osób przyjeżdża tu, żeby zobaczyć zamek na Wawelu.\n",
     "cp1250"),
    ("The café opened in 1998, said José Müller; its crème brûlée — “the best in town” — costs €5.\n", "cp1252"),
    ("The café opened in 1998, said José Müller; its crème brûlée costs 5 francs.\n", "mac_roman"),
    ("The café opened in 1998, said José Müller; its crème brûlée costs 5 francs.\n", "cp850"),
    ("The café opened in 1998.\n", "cp1252"),
    ("Le château de Versailles est à l’ouest de Paris ; on y voit la galerie des Glaces, où fut signé le traité.\n",
     "cp1252"),
    ("Le château de Versailles est à l’ouest de Paris ; on y voit la galerie des Glaces, où fut signé le traité.\n",
     "mac_roman"),
    ("Le château de Versailles est à l'ouest de Paris ; on y voit la galerie des Glaces, où fut signé le traité.\n",
     "cp850"),
    ("שלום, קוראים לי דוד ואני גר בירושלים. אני עובד בבית ספר ומלמד היסטוריה.\n", "cp1255"),
    ("القاهرة هي عاصمة مصر وأكبر مدنها، ويعيش فيها ملايين الناس الذين يعملون في التجارة والصناعة.\n", "cp1256"),
    ("東京は日本の首都であり、世界でも有数の大都市です。毎日多くの人が電車で通勤しています。\n", "cp932"),
    ("北京是中国的首都，也是一座历史悠久的城市。每年都有很多游客来这里参观故宫和长城。\n", "gb18030"),
    ("서울은 대한민국의 수도이며 가장 큰 도시입니다. 많은 사람들이 지하철을 타고 출근합니다.\n", "cp949"),
    ("I'm Tomás Ibáñez, from Bogotá; I joined the list last week.\n", "latin_1"),
]


def _right(after: bytes, text: str) -> bool:
    """Whether the file as written is the original text in UTF-8."""
    try:
        return unicodedata.normalize("NFC", after.decode("utf-8")) == unicodedata.normalize("NFC", text)
    except UnicodeDecodeError:
        return False


def _show(title: str, items: list, n: int) -> None:
    for label, before, after in items[:n]:
        print(f"    {title}: {label}: {before[:90]!r}\n{'':8}-> {after[:90]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", type=Path)
    ap.add_argument("--cmd", default="doclint", help="how to run doclint (default: doclint on PATH)")
    ap.add_argument("--show", type=int, default=0)
    a = ap.parse_args()
    import ftfy

    cmd = shlex.split(a.cmd)
    print(f"{'suite':26} {'damaged':>7} {'--fix':>6} {'unsafe':>6} {'inv':>4} {'ftfy':>6}   {'correct':>7} "
          f"{'changed by --fix':>16} {'unsafe':>6} {'ftfy':>5}")
    for suite, cases in text_cases(a.data).items():
        out = fixed_texts(cmd, [original.encode("utf-8") for _, original, _ in cases])
        counts = {k: 0 for k in ("damaged", "fix", "unsafe", "inv", "ftfy", "correct", "cfix", "cunsafe", "cftfy")}
        misses: list = []
        changed: list = []
        for n, (label, original, expected) in enumerate(cases):
            want = presentation(expected)
            results = {"fix": out["fix"][n].decode("utf-8", "replace"),
                       "unsafe": out["unsafe"][n].decode("utf-8", "replace"), "ftfy": ftfy.fix_text(original)}
            if presentation(original) == want:
                counts["correct"] += 1
                for mode, result in results.items():
                    if presentation(result) != want:
                        counts["c" + mode] += 1
                        if mode != "ftfy":
                            changed.append((f"{mode} {label}", original, result))
                continue
            counts["damaged"] += 1
            for mode, result in results.items():
                if presentation(result) == want:
                    counts[mode] += 1
                elif mode == "unsafe":
                    if presentation(result).translate(INVISIBLE) == want.translate(INVISIBLE):
                        counts["inv"] += 1
                    misses.append((label, original, result))
        c = counts
        print(f"{suite:26} {c['damaged']:7} {c['fix']:6} {c['unsafe']:6} {c['inv']:4} {c['ftfy']:6}   {c['correct']:7} "
              f"{c['cfix']:16} {c['cunsafe']:6} {c['cftfy']:5}")
        _show("not restored", misses, a.show)
        _show("changed", changed, a.show)
    cases = legacy_cases(a.data)
    out = fixed_texts(cmd, [raw for _, raw, _ in cases])
    print(f"\nlegacy-encoded files: {len(cases)}")
    for mode in ("fix", "unsafe"):
        right = garbled = untouched = 0
        wrong = []
        for n, (label, raw, text) in enumerate(cases):
            after = out[mode][n]
            if after == raw:
                untouched += 1
                wrong.append((f"untouched {label}", text, ""))
                continue
            if _right(after, text):
                right += 1
            else:
                garbled += 1
                wrong.append((f"GARBLED {label}", text, after.decode("utf-8", "replace")))
        name = "--fix" if mode == "fix" else "--fix --unsafe-fixes"
        short = [n for n, (label, _, _) in enumerate(cases) if "first lines" in label or label.startswith("short")]
        right_short = sum(out[mode][n] != cases[n][1] and _right(out[mode][n], cases[n][2]) for n in short)
        print(f"  after {name:22} right {right:3} ({right / len(cases):.0%})  garbled {garbled:3}  "
              f"untouched {untouched:3}   (of them {len(cases) - len(short)} whole files: "
              f"{right - right_short} right; {len(short)} short texts: {right_short} right)")
        _show("", sorted(wrong, key=lambda w: not w[0].startswith("GARBLED")), a.show)


if __name__ == "__main__":
    main()
