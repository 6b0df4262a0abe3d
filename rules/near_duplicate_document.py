from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from doclint.diagnostics import Applicability, Diagnostic, Fix, record_name
from doclint.rule import CorpusRule, option


@dataclass(frozen=True)
class Options:
    threshold: float = option(0.8, "Report documents whose shingle Jaccard similarity is at least this (0-1).")
    shingle_size: int = option(5, "Words per shingle.")
    num_perm: int = option(128, "MinHash permutations (more is more precise and slower).")
    min_words: int = option(20, "Documents with fewer words are not compared.")

    def validate(self):
        if not 0 < self.threshold <= 1:
            return "threshold must be in (0, 1]"
        if self.shingle_size < 1 or self.num_perm < 8:
            return "shingle-size must be 1 or more and num-perm 8 or more"
        return None


@dataclass(slots=True)
class Signature:
    exact: int  # hash of the normalised text
    minhash: object  # numpy uint32 array, or its row in the rule's table once kept
    shingles: object  # sorted unique shingle hashes (numpy uint32), or where `keep` spilled them
    words: int
    end: int  # where the diagnostic's span ends (the end of the text, trailing space aside)


class NearDuplicateDocument(CorpusRule):
    """Document that duplicates or nearly duplicates another document of the run.

    ## What it does
    Compares every document checked in one run: exact duplicates by a hash of
    the normalised text, near-duplicates by MinHash over word shingles with
    LSH banding for candidates; every candidate pair is verified with the exact
    Jaccard similarity of the shingle sets before it is reported. The later
    document (in path order) is reported, naming the earlier one(s):
    `Near-duplicate of docs/0123.txt (Jaccard 0.93)`. In a cluster of copies
    each later copy names the cluster's first member, and lists every earlier
    copy it matches as a related location.

    ## Why is this bad?
    Duplicated documents skew search results and statistics, and models
    trained on them memorise the repeated text.

    ## Example
    `docs/0815.txt` is the same article as `docs/0014.txt` with a different
    headline and one paragraph fewer.

    ## Fix safety
    In a JSONL corpus, the fix drops the later record and keeps the earliest
    copy. It is unsafe: which copy to keep is a judgement (the later one may
    be the corrected version), so only `--fix --unsafe-fixes` applies it. A
    record whose earlier copies are all files, not records, has no fix (the
    corpus keeps its only copy). Files are never deleted: for them there is no
    fix.
    """

    code = "D201"
    name = "near-duplicate-document"
    category = "duplicate"
    severity = "warning"
    fixable = "unsafe"
    Options = Options
    _spill = None  # the SpillFile holding kept shingle sets (main process), closed after the corpus check
    _table = None  # the minhash.Table holding kept MinHash signatures

    def signature(self, document) -> Signature | None:
        from doclint import minhash

        words = minhash.word_hashes(document.text)
        if len(words) < self.options.min_words:
            return None
        hashes = minhash.shingle_hashes(words, self.options.shingle_size)
        return Signature(minhash.sequence_hash(words), minhash.signature(hashes, self.options.num_perm),
                         hashes, len(words), len(document.text.rstrip()))

    # A kept signature is one row of the rule's table: the MinHash values, then these fields as uint32.
    _FIELDS = ("exact_lo", "exact_hi", "words", "end", "offset_lo", "offset_hi", "count")

    def keep(self, signature: Signature) -> int:
        """A row number: the MinHash and the other fields go into one table, the shingle set to disk.

        A corpus run holds one kept signature per document until the corpus
        check; as a row it costs the table's bytes and no Python object.
        """
        import numpy as np

        from doclint import minhash

        if isinstance(signature, int):
            return signature  # already kept
        width = len(signature.minhash)
        if self._spill is None:
            self._spill, self._table = minhash.SpillFile(), minhash.Table(width + len(self._FIELDS))
        offset, count = self._spill.put(signature.shingles)
        row = np.empty(width + len(self._FIELDS), dtype=np.uint32)
        row[:width] = signature.minhash
        row[width:] = (signature.exact & 0xFFFFFFFF, signature.exact >> 32, signature.words, signature.end,
                       offset & 0xFFFFFFFF, offset >> 32, count)
        return self._table.add(row)

    def _full(self, signature) -> Signature:
        """The signature behind a kept row (the shingle set stays on disk until asked for)."""
        if not isinstance(signature, int):
            return signature
        row = self._table.row(signature)
        width = len(row) - len(self._FIELDS)
        e_lo, e_hi, n_words, end, o_lo, o_hi, count = (int(x) for x in row[width:])
        return Signature(e_lo | e_hi << 32, signature, (o_lo | o_hi << 32, count), n_words, end)

    def _bands(self) -> tuple[int, int]:
        # Candidates from a lower LSH threshold than the report threshold: recall first, verification after.
        return _optimal_bands(max(0.3, self.options.threshold - 0.2), self.options.num_perm)

    def group_keys(self, signature: Signature | None):
        """The LSH band keys: two documents are candidates exactly when they share one."""
        from doclint import minhash

        if signature is None:
            return []
        bands, rows = self._bands()
        return [(band, key) for band, key in enumerate(minhash.band_keys(self._minhash(signature), bands, rows))]

    def _shingles(self, signature: Signature):
        return self._spill.get(signature.shingles) if isinstance(signature.shingles, tuple) else signature.shingles

    def _minhash(self, signature: Signature):
        if isinstance(signature, int):
            signature = self._full(signature)
        if isinstance(signature.minhash, int):
            row = self._table.row(signature.minhash)
            return row[: len(row) - len(self._FIELDS)]
        return signature.minhash

    def check_corpus(self, items, context):
        items = [(d, s) for d, s in items if s is not None]
        if len(items) >= 2:
            yield from self._check(items)
        if self._spill is not None:
            self._spill.close()
            self._spill = self._table = None

    def _check(self, items):
        import numpy as np

        from doclint import minhash

        o = self.options
        bands, rows = self._bands()
        if self._table is not None and all(isinstance(s, int) for _, s in items):
            index = np.fromiter((s for _, s in items), dtype=np.int64, count=len(items))
            candidates = minhash.candidate_pairs(self._table, bands, rows, index=index)
        else:
            candidates = minhash.candidate_pairs([self._minhash(s) for _, s in items], bands, rows)
        matches: dict[int, list[tuple[int, float]]] = {}
        for i, j in sorted(candidates):
            a, b = self._full(items[i][1]), self._full(items[j][1])
            if a.exact == b.exact:
                sim = 1.0
            elif minhash.estimated_jaccard(self._minhash(a), self._minhash(b)) < o.threshold - 0.15:
                continue
            else:
                sim = minhash.exact_jaccard(self._shingles(a), self._shingles(b))
            if sim >= o.threshold:
                matches.setdefault(j, []).append((i, sim))
        # clusters: the first member of a later document's cluster is the earliest document it links to
        first: dict[int, int] = {}
        for j in sorted(matches):
            roots = [first.get(i, i) for i, _ in matches[j]]
            first[j] = min(roots)
        for j in sorted(matches):
            document = items[j][0]
            earlier = sorted(matches[j])
            root = first[j]
            root_sim = dict(earlier).get(root)
            best_i, best_sim = max(earlier, key=lambda x: x[1])
            exact = self._full(items[j][1]).exact == self._full(items[best_i][1]).exact
            head = items[root][0].path if root_sim is not None else items[best_i][0].path
            sim = root_sim if root_sim is not None else best_sim
            kind = "Exact duplicate" if exact and sim == 1.0 else "Near-duplicate"
            more = f" and {len(earlier) - 1} more" if len(earlier) > 1 else ""
            message = f"{kind} of {head} (Jaccard {sim:.2f}){more}"
            related = tuple(self.related_document(items[i][0], f"Jaccard {s:.2f}") for i, s in earlier[:10])
            fix = None
            # A record is dropped only for an earlier record: a corpus must not lose its only copy of a text
            # because a file elsewhere in the tree holds the same text.
            kept = [items[i][0] for i, _ in earlier if getattr(items[i][0], "record", None)]
            if getattr(document, "record", None) and kept:
                fix = Fix((), Applicability.UNSAFE, f"Drop this record (keep {record_name(kept[0].record)})",
                          drop_record=True)
            yield document, Diagnostic(0, self._full(items[j][1]).end, message, fix=fix, related=related)

    @staticmethod
    def related_document(document, message: str):
        from doclint.diagnostics import Related

        return Related(document.path, 1, 1, 1, 1, message)


@lru_cache(maxsize=8)
def _optimal_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    from doclint import minhash

    return minhash.optimal_bands(threshold, num_perm)
