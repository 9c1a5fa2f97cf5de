"""precis: faithful extractive summaries of news articles and clusters.

Every summary sentence is a span of an input document::

    import precis
    for s in precis.summarize([article_a, article_b], words=100):
        assert [article_a, article_b][s.doc][s.begin:s.end] == s.text

``begin`` and ``end`` are *character* offsets into the Python ``str`` you
passed (the C++ library works in UTF-8 bytes; this module converts).

The same input and options give the same summary on any machine and thread.
Summarizing releases the GIL, so threads summarizing in parallel use several
cores (see also ``Summarizer.summarize_jsonl(..., threads=N)``).

Errors: the library's error codes become exceptions with its message and a
``code`` attribute holding the code's name:

=================================  ==========================
``invalid-argument`` (bad option)  ``ValueError``
``invalid-input`` (bad text/JSON)  ``ValueError``
``limit-exceeded``                 ``ValueError``
``not-found``                      ``FileNotFoundError``
``io-error``                       ``OSError``
``internal``                       ``RuntimeError``
=================================  ==========================

Input of the wrong Python type raises ``TypeError``; a ``str`` that has no
UTF-8 form (a lone surrogate) raises ``UnicodeEncodeError`` (a ValueError).
"""

from __future__ import annotations

import dataclasses
import functools
import numbers
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

try:
    from . import _precis  # installed: the extension sits in the package
except ImportError:  # build tree: PYTHONPATH=<build>/python:<source>/python
    import _precis  # type: ignore[no-redef]

__all__ = [
    "Dropped",
    "Options",
    "RougeScore",
    "Sentence",
    "Span",
    "Summarizer",
    "Summary",
    "rouge",
    "segment",
    "summarize",
]

Sentence = _precis.Sentence
Dropped = _precis.Dropped
Span = _precis.Span
RougeScore = _precis.RougeScore

TextOrDocs = Union[str, Sequence[Union[str, Mapping[str, Any]]], Mapping[str, Any]]


def _is_number(value: Any) -> bool:
    # bool is an int to Python, but True words is a mistake, not a budget.
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def _check_count(name: str, value: Any, least: int, most: int = 2**31 - 1) -> None:
    # The upper bound is the compiled core's: past it a TypeError would
    # list its overloads instead of naming the argument.
    if not (isinstance(value, numbers.Integral) and not isinstance(value, bool)
            and least <= value <= most):
        raise ValueError(f"{name} must be an int from {least} to {most}")


def _check_type(name: str, value: Any, kind: type) -> None:
    if not isinstance(value, kind):
        raise TypeError(f"{name} must be a {kind.__name__}, not {type(value).__name__}")


def _check_utf8(name: str, value: str) -> None:
    # A lone surrogate has no UTF-8 form: UnicodeEncodeError, as for text.
    value.encode("utf-8")


@dataclasses.dataclass(frozen=True)
class Options:
    """How to summarize; the fields of the C++ ``SummarizerOptions``.

    The budget is at most one of ``sentences``, ``words``, ``bytes`` (UTF-8
    bytes of the sentences joined by a space) or ``ratio`` (a fraction in
    (0, 1] of the input's words); none of them means 5 sentences, as for
    ``precis summarize``.
    """

    lang: str = "en"  #: ISO 639-1 code: stopwords, stemmer, segmentation
    sentences: Optional[int] = None
    words: Optional[int] = None
    bytes: Optional[int] = None
    ratio: Optional[float] = None
    #: fill a words or bytes budget exactly by cutting the last sentence
    truncate: bool = False
    #: drop web noise (repeated titles, sidebar lines, duplicates) first
    clean: bool = True
    #: two selected sentences never have a content-word cosine above this
    max_similarity: float = 0.5
    #: ... nor share a verbatim run of this many words
    quote_ngram: int = 5
    #: segment as text extracted from a PDF
    pdf: bool = False
    #: the summarization system; None is the library's default
    algorithm: Optional[str] = None

    def __post_init__(self) -> None:
        # Types checked here, so that a wrong one is a TypeError naming the
        # field rather than the compiled core's list of overloads.
        for name, kinds, optional in (("lang", str, False), ("truncate", bool, False),
                                      ("clean", bool, False), ("pdf", bool, False),
                                      ("algorithm", str, True)):
            value = getattr(self, name)
            if not (isinstance(value, kinds) or (optional and value is None)):
                raise TypeError(f"{name} must be a {kinds.__name__}"
                                + (" or None" if optional else "")
                                + f", not {type(value).__name__}")
            if isinstance(value, str):
                _check_utf8(name, value)
        for name in ("max_similarity", "quote_ngram"):
            value = getattr(self, name)
            if not _is_number(value):
                raise TypeError(f"{name} must be a number, not {type(value).__name__}")
        if (not isinstance(self.quote_ngram, numbers.Integral)
                or not -2**31 <= self.quote_ngram < 2**31):
            raise ValueError("quote_ngram must be a whole number of words")
        for unit in ("sentences", "words", "bytes", "ratio"):
            value = getattr(self, unit)
            if value is not None and not _is_number(value):
                raise TypeError(f"{unit} must be a number, not {type(value).__name__}")
        given = [k for k in ("sentences", "words", "bytes", "ratio")
                 if getattr(self, k) is not None]
        if len(given) > 1:
            raise ValueError("give at most one budget, not " + " and ".join(given))

    def _budget(self) -> tuple[Optional[str], float]:
        for unit in ("sentences", "words", "bytes", "ratio"):
            value = getattr(self, unit)
            if value is not None:  # a number: __post_init__ checked
                try:
                    return unit, float(value)
                except OverflowError:
                    raise ValueError(f"{unit} is too large") from None
        return None, 0.0


class Summary(list):
    """The summary sentences (a list of ``Sentence``, in reading order).

    ``warnings`` says why a summary is short or empty; ``dropped`` lists what
    cleaning removed and why (filled when ``explain=True``).
    """

    warnings: list[str]
    dropped: list[Dropped]

    def __init__(self, sentences: Iterable[Sentence] = (),
                 warnings: Iterable[str] = (), dropped: Iterable[Dropped] = ()):
        super().__init__(sentences)
        self.warnings = list(warnings)
        self.dropped = list(dropped)


def _make_options(options: Union[Options, Mapping[str, Any], None],
                  kwargs: Mapping[str, Any]) -> Options:
    if options is None:
        base: dict[str, Any] = {}
    elif isinstance(options, Options):
        base = dataclasses.asdict(options)
    elif isinstance(options, Mapping):
        base = dict(options)
    else:
        raise TypeError("options must be a precis.Options or a mapping")
    base.update(kwargs)
    names = {f.name for f in dataclasses.fields(Options)}
    unknown = sorted(set(base) - names)
    if unknown:
        hint = ("; pass an Options first, without a name: Summarizer(precis.Options(...))"
                if "options" in unknown else "")
        raise TypeError("unknown option(s): " + ", ".join(unknown) + hint)
    # A budget given as a keyword replaces one given in `options`.
    budgets = [k for k in ("sentences", "words", "bytes", "ratio")
               if kwargs.get(k) is not None]
    if budgets:
        for k in ("sentences", "words", "bytes", "ratio"):
            if k not in budgets:
                base[k] = None
    return Options(**base)


class Summarizer:
    """A summarizer built once and reused: options checked and language
    resources loaded at construction. Immutable and thread-safe.

    ``Summarizer(precis.Options(words=100))``, ``Summarizer({"words": 100})``
    and ``Summarizer(words=100)`` are the same; keywords override
    ``options``. Bad options raise ``ValueError``.
    """

    def __init__(self, options: Union[Options, Mapping[str, Any], None] = None,
                 /, **kwargs: Any):
        self._options = _make_options(options, kwargs)
        o = self._options
        unit, value = o._budget()
        if o.algorithm is not None and not _precis.HAS_ALGORITHM:
            raise ValueError("algorithm=: this build of precis has a single "
                             "algorithm; leave it None")
        self._impl = _precis.Summarizer(
            lang=o.lang, budget_unit=unit, budget_value=value, truncate=o.truncate,
            clean=o.clean, max_similarity=o.max_similarity,
            quote_ngram=o.quote_ngram, pdf=o.pdf, algorithm=o.algorithm)

    @property
    def options(self) -> Options:
        return self._options

    def summarize(self, text_or_docs: TextOrDocs, *, explain: bool = False) -> Summary:
        """Summarizes one article or one cluster of articles.

        ``text_or_docs``: a ``str`` (one document); a sequence of ``str`` or
        of dicts ``{"text", "id"?, "title"?, "date"?}`` (one cluster); or a
        cluster dict ``{"id"?, "docs": [...]}`` as in JSON Lines input.
        Returns a ``Summary``: a list of ``Sentence`` in reading order, with
        ``.text .doc .doc_id .begin .end .score .truncated``; ``doc`` indexes
        the input's documents and ``begin``/``end`` are character offsets
        into that document's ``str``.
        """
        _check_type("explain", explain, bool)
        sentences, warnings, dropped = self._impl.summarize(text_or_docs, explain)
        return Summary(sentences, warnings, dropped)

    def summarize_jsonl(self, lines: Iterable[Union[str, bytes]], *, explain: bool = False,
                        first_line: int = 1, threads: int = 1) -> list[str]:
        """JSON Lines in, one JSON result line (without newline) per line out.

        Each output line is byte for byte what ``precis summarize --input
        jsonl`` prints for it (``first_line`` numbers the lines in error
        messages); a bad line gives ``{"id": ..., "error": {...}}`` and never
        raises. Lines may be ``bytes`` (read from a file as they are: a line
        that is not UTF-8 then gets its error line too); a trailing newline
        is ignored. ``threads`` workers share the lines; the output is the same
        at any count.
        """
        if lines is None or not hasattr(lines, "__iter__"):
            raise TypeError("lines must be an iterable of lines (str or bytes), not "
                            + type(lines).__name__)
        if isinstance(lines, (str, bytes, bytearray)):
            raise TypeError("lines: give an iterable of lines (a file opened in 'rb' "
                            "mode, a list, text.split('\\n')), not one "
                            + type(lines).__name__ + " (str.splitlines() would also "
                            "split at \\r and U+2028, which JSON allows in a line)")
        _check_type("explain", explain, bool)
        _check_count("threads", threads, 1, 1024)
        _check_count("first_line", first_line, 0, 2**63 - 1)
        return self._impl.summarize_jsonl(lines, explain, first_line, threads)

    def __repr__(self) -> str:
        return f"precis.Summarizer({self._options!r})"


@functools.lru_cache(maxsize=16)
def _cached(options: Options) -> Summarizer:
    return Summarizer(options)


def summarize(text_or_docs: TextOrDocs, *, sentences: Optional[int] = None,
              words: Optional[int] = None, bytes: Optional[int] = None,
              ratio: Optional[float] = None, truncate: bool = False,
              algorithm: Optional[str] = None, explain: bool = False,
              lang: str = "en", clean: bool = True) -> Summary:
    """Summarizes one article or one cluster (see ``Summarizer.summarize``).

    Budget: at most one of ``sentences``, ``words``, ``bytes``, ``ratio``;
    none gives 5 sentences. ``truncate`` fills a words or bytes budget
    exactly by cutting the last sentence (marked ``truncated``).
    ``explain`` fills ``Summary.dropped``. Summarizers are cached per options.
    """
    options = Options(lang=lang, sentences=sentences, words=words, bytes=bytes,
                      ratio=ratio, truncate=truncate, clean=clean, algorithm=algorithm)
    return _cached(options).summarize(text_or_docs, explain=explain)


def segment(text: str, *, lang: str = "en", pdf: bool = False) -> list[Span]:
    """Splits text into sentences: ``Span`` objects with ``.text .begin
    .end`` (character offsets; ``text[s.begin:s.end] == s.text``)."""
    _check_type("lang", lang, str)
    _check_utf8("lang", lang)
    _check_type("pdf", pdf, bool)
    return _precis.segment(text, lang, pdf)


def rouge(summary: Union[str, Sequence[str]],
          references: Union[str, Sequence[Union[str, Sequence[str]]]], *,
          n: int = 2, lcs: bool = True, w: Optional[float] = None,
          skip: Optional[int] = None, su: bool = False, stem: bool = False,
          stopwords: bool = False, words: Optional[int] = None,
          bytes: Optional[int] = None, best: bool = False,
          alpha: float = 0.5) -> dict[str, RougeScore]:
    """ROUGE of one summary against its references, as ROUGE-1.5.5.pl
    computes it for one evaluation (``precis eval``).

    A summary or reference given as a ``str`` is split into sentences at
    line breaks (blank lines dropped); a sequence of ``str`` is taken as the
    sentences. ``references`` is one reference (a ``str``) or a sequence
    of references (each a ``str`` or a sequence of sentences).
    Options follow the script: ``n`` (-n), ``lcs`` (ROUGE-L, -x off), ``w``
    (-w, ROUGE-W), ``skip`` (-2, ROUGE-S; -1 for any gap), ``su`` (-u),
    ``stem`` (-m), ``stopwords`` (-s: remove them), ``words`` (-l),
    ``bytes`` (-b), ``best`` (-f B), ``alpha`` (-p).

    Returns ``{"ROUGE-1": RougeScore(recall, precision, f), ...}``.
    """
    _check_count("n", n, 0, 100)
    for name, value in (("words", words), ("bytes", bytes)):
        if value is not None:
            _check_count(name, value, 0)
    if skip is not None:
        _check_count("skip", skip, -1)
    for name, value in (("w", w), ("alpha", alpha)):
        if value is not None and not _is_number(value):
            raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    for name, value in (("lcs", lcs), ("su", su), ("stem", stem), ("stopwords", stopwords),
                        ("best", best)):
        _check_type(name, value, bool)
    refs = [references] if isinstance(references, str) else list(references)
    scores = _precis.rouge(summary, refs, n, lcs, w or 0.0, skip, su, stem, stopwords,
                           words or 0, bytes or 0, best, alpha)
    return {s.metric: s for s in scores}
