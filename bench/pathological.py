"""Time and peak memory of a whole check on inputs built to find super-linear paths.

    python -m bench.pathological [--scale 1.0] [--fix]

Each input is written to a temporary folder and checked once by the real
command (`doclint check --no-cache --no-progress`) in a process of its own,
which reports its peak resident memory. `--scale` multiplies every size. With
`--fix`, each input is then fixed too (`--fix --unsafe-fixes`, a copy), timed
apart.

- one line:       a 9 MB document of sentences with no line break at all;
- many paragraphs: 50,000 paragraphs of generated words (15 MB);
- shared sentences: 2,000 paragraphs of 30 sentences each, drawn from 3,000
                  sentences (every paragraph shares sentences with dozens of others);
- one paragraph:  the same paragraph 20,000 times;
- wrong codec:    a Russian text decoded as Windows-1252, 1.5 MB (110,000 findings,
                  mostly mojibake; linear: the mojibake rule alone took 13.1 s on
                  it before ftfy's verdict on each distinct sequence was cached,
                  9.6 s after, one run each).
- no spaces:      a paragraph of 800,000 Chinese characters (2.7 MB) among six English
                  ones: the embeddings backend summed a word's token vectors a token
                  position at a time, one numpy call per position of the longest word:
                  19.5 s, 2.4 s once long words were summed apart; 249 MB, 119 MB once a
                  long word was tokenised a thousand characters at a time.
- credits:        30,000 sentences each followed by a credit in brackets, on one line
                  (2.4 MB; 30,000 findings): source-tag compared each place with every
                  credit found before it (31 s), and fixing it took 89 s, choosing the
                  fixes that do not overlap by comparing each with every one taken;
                  1.9 s and 1.7 s once both bisect or keep the last.
- initials:       a one-line article, then 3,000 runs of initials (`A.B.C.D.`) with no
                  sentence end: a headline pattern whose initials could be grouped in many
                  ways ran for minutes on thirty runs before it read a full stop only after
                  a lone capital.
- credit chain:   3,000 credit clauses joined by semicolons on one line: the credit
                  pattern's lists of names are matched within 400 characters.
- name list:      3,000 names in a list that ends in no credit (`Jane Doe, ..., as well as journalists Ann Lee
                  and Bob Roe, said they contributed to this report.`): the credit pattern read each name as a
                  person's or an outlet's, two ways, and a list of 25 names ran for minutes; an outlet is read
                  only where no name stands now: 0.5 s.
- site prompts:   a 9 MB line of prompts to a site with no sentence's end, then 6,000
                  paragraphs each with a prompt spliced in: spliced-words read each prompt's
                  sentence by a lazy search back from every word (T102 alone took 174 s on
                  a quarter of the line when it was added) and counted each site's name over
                  the whole text (2.1 s for 1,500 names); prompts found first, their
                  sentences read around them and the words counted once: 0.5 s.
- escapes:        300,000 Unicode escapes glued into one line with no space (2.1 MB,
                  300,000 findings; unicode-escape looked back to the line's start for
                  each escape when it was added: 26.2 s alone, 8.4 s once bounded).

With the doclint of the commit that added this script, before its fixes,
at `--scale 0.25`: one line 31.7 s (the source-tag rule tried every sentence
end of the line as the start of a glued tag, copying the rest of the line
each time), many paragraphs 54.9 s and 17 GB (the off-topic rule's matrices,
paragraphs times distinct words), shared sentences 144 s (repeated-passage
aligned paragraphs that merely ended alike), one paragraph 1.6 s, wrong
codec 4.2 s; after: 1.1, 1.7, 1.9, 1.2 and 3.4 s, at most 69 MB. At full
scale after: 2.2, 6.0, 6.7, 3.3 and 8.8 s, at most 162 MB (the one-paragraph
input's 20,000 runs cost 25 s in repeated-passage alone before: it read the
blocks before each run again).
"""
from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("market council player season company minister report price court police water school film music "
         "energy budget union vote team match bank rate growth deal plan figure week city country year "
         "officials said expected would could after before during against between under while government "
         "hospital election striker festival album drought farmer tariff investor airline railway").split()

_RUN = ("import resource, sys\n"
        "from doclint.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n")


_RUSSIAN = "Привет, мир! Это тестовый текст на русском языке, который был неправильно декодирован. "


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 16))).capitalize() + "."


def inputs(scale: float, rng: random.Random) -> dict[str, str]:
    n = lambda k: max(1, int(k * scale))  # noqa: E731
    pool = [_sentence(rng) for _ in range(n(3000))]
    para = "The council met on Monday to discuss the budget for next year and the plans for the library."
    return {
        "one line": " ".join(_sentence(rng) for _ in range(n(110_000))) + "\n",
        "many paragraphs": "Headline\n\n" + "\n\n".join(
            " ".join(rng.choice(WORDS) + str(rng.randint(1, 9999)) * (rng.random() < 0.1) for _ in range(40))
            for _ in range(n(50_000))) + "\n",
        "shared sentences": "Headline\n\n" + "\n\n".join(
            " ".join(rng.choice(pool) for _ in range(30)) for _ in range(n(2000))) + "\n",
        "one paragraph": "Headline\n\n" + "\n\n".join([para] * n(20_000)) + "\n",
        "wrong codec": "Headline\n\n" + (_RUSSIAN * n(4800)).encode("utf-8").decode("cp1252", errors="replace") + "\n",
        "credits": "Headline\n\n" + "The council met on Monday. (Source: Reuters) It agreed a plan today. " * n(30_000) + "\n",
        "escapes": "Headline\n\n" + "a\\u2019" * n(300_000) + "\n",
        # initials that a headline pattern could split in exponentially many ways; reporters' credits chained
        # by semicolons (both once took minutes on a few hundred characters)
        "initials": " ".join(_sentence(rng) for _ in range(8)) + " Then " + "A.B.C.D. " * n(3000) + "went home\n",
        "credit chain": "Headline\n\nThe council met. " + "Example's Jane Roe reported from Moscow; " * n(3000) + "\n",
        "name list": "Headline\n\nThe list follows. " + ", ".join(
            f"Jane{chr(97 + k % 26)} Doe{chr(97 + k // 26 % 26)}" for k in range(n(3000)))
                     + ", as well as journalists Ann Lee and Bob Roe, said they contributed to this report.\n",
        "no spaces": "Headline\n\n" + "\n\n".join(
            [" ".join(pool[k:k + 4]) for k in (0, 4, 8)] + ["\u4e2d\u6587\u6bb5\u843d\u6ca1\u6709\u7a7a\u683c\u3002" * n(100_000)]
            + [" ".join(pool[k:k + 4]) for k in (12, 16, 20)]) + "\n",
        # prompts to a site with no sentence's end anywhere, then paragraphs with a prompt spliced in each
        "site prompts": "Headline\n\n" + "Visit the old Town and go to the Market where People visit example.com "
                        * n(100_000) + ".\n\n" + "\n\n".join(
            " ".join(pool[k % len(pool):k % len(pool) + 5]) + f" Then visit site{k}.com today. "
            + " ".join(pool[(k + 5) % len(pool):(k + 5) % len(pool) + 5]) for k in range(n(6000))) + "\n",
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--fix", action="store_true", help="also time --fix --unsafe-fixes on a copy of each input")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="doclint-patho-") as tmp:
        for name, text in inputs(a.scale, random.Random(7)).items():
            path = Path(tmp) / (name.replace(" ", "-") + ".txt")
            path.write_text(text, encoding="utf-8")
            t = time.perf_counter()
            # run from the temporary folder: from inside a project, the check would read the project's own
            # documents for the corpus rules too, and time them with the input
            p = subprocess.run([sys.executable, "-c", _RUN, "check", "--no-cache", "--no-progress", str(path)],
                               capture_output=True, text=True, cwd=tmp)
            wall = time.perf_counter() - t
            peak = int(p.stderr.strip().splitlines()[-1]) / 1024
            found = p.stdout.strip().splitlines()[-1] if p.stdout.strip() else ""
            print(f"{name:17} {len(text.encode()) / 1e6:5.1f} MB: {wall:6.1f} s, peak {peak:6.0f} MB  ({found})")
            if a.fix:
                t = time.perf_counter()
                p = subprocess.run([sys.executable, "-c", _RUN, "check", "--no-cache", "--no-progress", "--fix",
                                    "--unsafe-fixes", "--quiet", str(path)], capture_output=True, text=True, cwd=tmp)
                wall = time.perf_counter() - t
                peak = int(p.stderr.strip().splitlines()[-1]) / 1024
                print(f"{'':17} --fix: {wall:6.1f} s, peak {peak:6.0f} MB")


if __name__ == "__main__":
    main()
