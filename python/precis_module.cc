// The _precis extension module: a thin shim over the precis library for the
// pure-Python package in python/precis/, which is the documented API.
//
// What the shim adds: Python strings in, UTF-8 bytes to the library; byte
// offsets back as character (code point) offsets into the Python str; the
// GIL released while the library works; a Status turned into an exception
// once, here (see Raise).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "precis/io.h"
#include "precis/rouge.h"
#include "precis/segment.h"
#include "precis/summarizer.h"

namespace py = pybind11;

namespace precis::python {
namespace {

// Status -> exception, the one mapping of the Python edge (documented in
// precis/__init__.py): invalid-argument, invalid-input and limit-exceeded
// raise ValueError, not-found FileNotFoundError, io-error OSError, internal
// RuntimeError. The exception's `code` attribute holds the status name.
[[noreturn]] void Raise(const Status& status) {
  PyObject* type = PyExc_ValueError;
  switch (status.code()) {
    case StatusCode::kNotFound: type = PyExc_FileNotFoundError; break;
    case StatusCode::kIoError: type = PyExc_OSError; break;
    case StatusCode::kInternal: type = PyExc_RuntimeError; break;
    default: break;
  }
  py::object exc = py::reinterpret_borrow<py::object>(type)(status.message());
  exc.attr("code") = std::string(StatusCodeName(status.code()));
  PyErr_SetObject(type, exc.ptr());
  throw py::error_already_set();
}

// The UTF-8 of a str. A str that has no UTF-8 form (a lone surrogate)
// raises UnicodeEncodeError, a ValueError.
std::string Utf8(py::handle h, const std::string& what) {
  if (!PyUnicode_Check(h.ptr())) {
    throw py::type_error(what + " must be a str, not " +
                         std::string(Py_TYPE(h.ptr())->tp_name));
  }
  Py_ssize_t size = 0;
  const char* data = PyUnicode_AsUTF8AndSize(h.ptr(), &size);
  if (data == nullptr) throw py::error_already_set();
  return std::string(data, static_cast<size_t>(size));
}

// A JSON Lines line given as a str: its UTF-8, or, for a str holding lone
// surrogates (decoded with errors="surrogateescape"), the bytes they stand
// for, which precis then reports as not UTF-8 on that line's error line.
std::string LineBytes(py::handle h) {
  Py_ssize_t size = 0;
  if (const char* data = PyUnicode_AsUTF8AndSize(h.ptr(), &size)) {
    return std::string(data, static_cast<size_t>(size));
  }
  PyErr_Clear();
  for (const char* errors : {"surrogateescape", "surrogatepass"}) {
    if (PyObject* b = PyUnicode_AsEncodedString(h.ptr(), "utf-8", errors)) {
      std::string out(PyBytes_AS_STRING(b), static_cast<size_t>(PyBytes_GET_SIZE(b)));
      Py_DECREF(b);
      return out;
    }
    PyErr_Clear();
  }
  throw py::value_error("a line could not be encoded");
}

// A str or an int (as its decimal digits), as JSON Lines ids are.
std::string IdString(py::handle h, const std::string& what) {
  if (PyUnicode_Check(h.ptr())) return Utf8(h, what);
  if (PyLong_Check(h.ptr()) && !PyBool_Check(h.ptr())) return py::str(h);
  throw py::type_error(what + " must be a str or an int");
}

std::string OptionalString(const py::dict& d, const char* key, const std::string& what) {
  if (!d.contains(key) || d[key].is_none()) return {};
  return Utf8(d[key], what + "[\"" + key + "\"]");
}

// A dict, or any other collections.abc.Mapping as a dict; nullopt for the rest.
std::optional<py::dict> AsDict(py::handle h) {
  if (py::isinstance<py::dict>(h)) return py::reinterpret_borrow<py::dict>(h);
  // Looked up once and kept for the process (never released: the module
  // may outlive the interpreter's teardown order).
  static PyObject* const mapping =
      py::object(py::module_::import("collections.abc").attr("Mapping")).release().ptr();
  const int is = PyObject_IsInstance(h.ptr(), mapping);
  if (is < 0) throw py::error_already_set();
  if (is == 0) return std::nullopt;
  return py::dict(py::reinterpret_borrow<py::object>(h));
}

Document ToDocument(py::handle item, size_t index) {
  const std::string what = "docs[" + std::to_string(index) + "]";
  Document doc;
  doc.id = std::to_string(index);
  if (PyUnicode_Check(item.ptr())) {
    doc.text = Utf8(item, what);
    return doc;
  }
  const std::optional<py::dict> mapping = AsDict(item);
  if (!mapping) throw py::type_error(what + " must be a str or a dict with \"text\"");
  const py::dict& d = *mapping;
  if (!d.contains("text")) throw py::type_error(what + " needs a \"text\" str");
  doc.text = Utf8(d["text"], what + "[\"text\"]");
  if (d.contains("id") && !d["id"].is_none()) doc.id = IdString(d["id"], what + "[\"id\"]");
  doc.title = OptionalString(d, "title", what);
  doc.date = OptionalString(d, "date", what);
  return doc;
}

// A sequence of documents (str or dict); `wrong` is the error otherwise. A
// mapping is not one: {"docs": {"docs": ...}} must not recurse.
std::vector<Document> ToDocuments(py::handle input, const char* wrong) {
  if (PyUnicode_Check(input.ptr()) || PyBytes_Check(input.ptr()) ||
      PyByteArray_Check(input.ptr()) || !PySequence_Check(input.ptr()) || AsDict(input)) {
    throw py::type_error(wrong);
  }
  py::sequence seq = py::reinterpret_borrow<py::sequence>(input);
  std::vector<Document> docs;
  for (size_t i = 0; i < seq.size(); ++i) docs.push_back(ToDocument(seq[i], i));
  return docs;
}

// text_or_docs: a str (one document); a sequence of str or of dicts
// {"text", "id"?, "title"?, "date"?}; or a cluster dict {"id"?, "docs": [...]}
// (or {"id"?, "text"}) as one line of JSON Lines input holds. Any
// collections.abc.Mapping reads as a dict.
Cluster ToCluster(py::handle input) {
  Cluster cluster;
  if (PyUnicode_Check(input.ptr())) {
    cluster.docs.push_back(ToDocument(input, 0));
    return cluster;
  }
  if (const std::optional<py::dict> d = AsDict(input)) {
    if (d->contains("id") && !(*d)["id"].is_none()) cluster.id = IdString((*d)["id"], "id");
    if (d->contains("docs")) {
      // As JSON Lines and HTTP refuse it: one of the two would be lost.
      if (d->contains("text")) {
        throw py::value_error("a cluster dict takes either \"docs\" or \"text\", not both");
      }
      cluster.docs = ToDocuments((*d)["docs"], "\"docs\" must be a list of str or dict");
      return cluster;
    }
    if (d->contains("text")) {
      cluster.docs.push_back(ToDocument(*d, 0));
      if (!cluster.id.empty()) cluster.docs[0].id = cluster.id;
      return cluster;
    }
    throw py::type_error("a cluster dict needs \"docs\" (or \"text\")");
  }
  cluster.docs = ToDocuments(
      input, "text_or_docs must be a str, a sequence of str or dict, or a cluster dict");
  return cluster;
}

// Converts byte offsets into one UTF-8 text to code point offsets: collect
// every offset first, then one sweep over the text (so a long document with
// many sentences is still read once).
class CharOffsets {
 public:
  explicit CharOffsets(const Cluster& cluster)
      : cluster_(cluster), offsets_(cluster.docs.size()) {}

  void Add(size_t doc, size_t byte) { offsets_[doc].push_back({byte, 0}); }

  void Build() {
    for (size_t d = 0; d < offsets_.size(); ++d) {
      auto& v = offsets_[d];
      std::sort(v.begin(), v.end());
      v.erase(std::unique(v.begin(), v.end()), v.end());
      const std::string& text = cluster_.docs[d].text;
      size_t byte = 0, chars = 0;
      for (auto& [target, result] : v) {
        for (; byte < target && byte < text.size(); ++byte) {
          chars += (static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80;
        }
        result = chars;
      }
    }
  }

  size_t Get(size_t doc, size_t byte) const {
    const auto& v = offsets_[doc];
    auto it = std::lower_bound(v.begin(), v.end(), std::pair<size_t, size_t>{byte, 0});
    return it->second;
  }

 private:
  const Cluster& cluster_;
  std::vector<std::vector<std::pair<size_t, size_t>>> offsets_;
};

py::str Decode(std::string_view bytes) {
  PyObject* s = PyUnicode_DecodeUTF8(bytes.data(), static_cast<Py_ssize_t>(bytes.size()),
                                     "strict");
  if (s == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::str>(s);
}

struct Sentence {
  py::str text;
  size_t doc = 0;
  std::string doc_id;
  size_t begin = 0;  // code points into the document's str
  size_t end = 0;
  double score = 0;
  bool truncated = false;
};

struct Dropped {
  py::str text;
  size_t doc = 0;
  std::string doc_id;
  size_t begin = 0;
  size_t end = 0;
  std::string reason;
  std::optional<std::tuple<size_t, size_t, size_t>> of;  // (doc, begin, end)
};

struct Span {
  py::str text;
  size_t begin = 0;
  size_t end = 0;
};

struct RougeScore {
  std::string metric;
  double recall = 0, precision = 0, f = 0;
};

// Whether SummarizerOptions has `algorithm` (it arrives with the algorithms
// work); until then a requested algorithm is refused, not ignored.
template <typename O>
constexpr bool kHasAlgorithm = requires(O o, std::string s) { o.algorithm = s; };

template <typename O>
void SetAlgorithm(O& options, const std::optional<std::string>& algorithm) {
  if (!algorithm) return;
  if constexpr (kHasAlgorithm<O>) {
    options.algorithm = *algorithm;
  } else {
    Raise(Status::InvalidArgument(
        "algorithm=: this build of precis has a single algorithm; leave it None"));
  }
}

// One line of JSON Lines in, one line of JSON out (no newline), exactly as
// `precis summarize --input jsonl` writes it for line number `line_no`
// (apps/cli/batch.cc; tests/python compares the two byte for byte).
std::string SummarizeJsonLine(const Summarizer& summarizer, std::string_view line,
                              size_t line_no, const WriteOptions& w) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  JsonlRecord record = ParseJsonlLine(line);
  auto summary = SummarizeRecord(summarizer, record);
  if (!summary.ok()) {
    return FormatError(record.id_json,
                       Status(summary.status().code(), "line " + std::to_string(line_no) +
                                                           ": " + summary.status().message()));
  }
  return FormatSummary(*record.cluster, *summary, record.id_json, w);
}

class PySummarizer {
 public:
  PySummarizer(const std::string& lang, const std::optional<std::string>& budget_unit,
               double budget_value, bool truncate, bool clean, double max_similarity,
               int quote_ngram, bool pdf, const std::optional<std::string>& algorithm) {
    SummarizerOptions o;
    o.lang = lang;
    if (budget_unit) {
      BudgetUnit unit;
      if (*budget_unit == "sentences") unit = BudgetUnit::kSentences;
      else if (*budget_unit == "words") unit = BudgetUnit::kWords;
      else if (*budget_unit == "bytes") unit = BudgetUnit::kBytes;
      else if (*budget_unit == "ratio") unit = BudgetUnit::kRatio;
      else Raise(Status::InvalidArgument("unknown budget unit '" + *budget_unit + "'"));
      o.budget = {unit, budget_value};
    }
    o.truncate = truncate;
    o.clean = clean;
    o.max_similarity = max_similarity;
    o.quote_ngram = quote_ngram;
    o.pdf = pdf;
    SetAlgorithm(o, algorithm);
    auto s = Summarizer::Create(o);
    if (!s.ok()) Raise(s.status());
    summarizer_.emplace(std::move(*s));
  }

  // (sentences, warnings, dropped); `dropped` is empty unless `explain`.
  py::tuple Summarize(py::handle input, bool explain) const {
    const Cluster cluster = ToCluster(input);
    std::optional<Result<Summary>> result;
    {
      py::gil_scoped_release release;
      result.emplace(summarizer_->Summarize(cluster));
    }
    if (!result->ok()) Raise(result->status());
    const Summary& summary = **result;
    CharOffsets chars(cluster);
    for (const SummarySentence& s : summary.sentences) {
      chars.Add(s.doc, s.begin);
      chars.Add(s.doc, s.end);
    }
    if (explain) {
      for (const DroppedSpan& d : summary.dropped) {
        chars.Add(d.span.doc, d.span.begin);
        chars.Add(d.span.doc, d.span.end);
        if (d.of) {
          chars.Add(d.of->doc, d.of->begin);
          chars.Add(d.of->doc, d.of->end);
        }
      }
    }
    chars.Build();
    auto bytes = [&](size_t doc, size_t begin, size_t end) {
      return std::string_view(cluster.docs[doc].text).substr(begin, end - begin);
    };
    py::list sentences;
    for (const SummarySentence& s : summary.sentences) {
      sentences.append(Sentence{Decode(bytes(s.doc, s.begin, s.end)), s.doc,
                                cluster.docs[s.doc].id, chars.Get(s.doc, s.begin),
                                chars.Get(s.doc, s.end), s.score, s.truncated});
    }
    py::list dropped;
    if (explain) {
      for (const DroppedSpan& d : summary.dropped) {
        Dropped out{Decode(bytes(d.span.doc, d.span.begin, d.span.end)), d.span.doc,
                    cluster.docs[d.span.doc].id, chars.Get(d.span.doc, d.span.begin),
                    chars.Get(d.span.doc, d.span.end),
                    std::string(DropReasonName(d.reason)), std::nullopt};
        if (d.of) {
          out.of = std::make_tuple(d.of->doc, chars.Get(d.of->doc, d.of->begin),
                                   chars.Get(d.of->doc, d.of->end));
        }
        dropped.append(std::move(out));
      }
    }
    return py::make_tuple(sentences, py::cast(summary.warnings), dropped);
  }

  // JSON Lines (str or bytes) in, JSON lines out (no newlines), in order; `threads`
  // workers with the GIL released. Line numbers in error messages start at
  // `first_line`.
  std::vector<std::string> SummarizeJsonl(py::iterable lines, bool explain,
                                          size_t first_line, int threads) const {
    std::vector<std::string> in;
    for (py::handle line : lines) {
      // bytes pass through as they are, so a line that is not UTF-8 gets the
      // CLI's error line rather than an exception.
      if (PyBytes_Check(line.ptr())) {
        in.emplace_back(PyBytes_AS_STRING(line.ptr()),
                        static_cast<size_t>(PyBytes_GET_SIZE(line.ptr())));
      } else if (PyUnicode_Check(line.ptr())) {
        in.push_back(LineBytes(line));
      } else {
        throw py::type_error("each line must be a str or bytes, not " +
                             std::string(Py_TYPE(line.ptr())->tp_name));
      }
    }
    std::vector<std::string> out(in.size());
    WriteOptions w;
    w.format = OutputFormat::kJson;
    w.explain = explain;
    {
      py::gil_scoped_release release;
      const size_t n = std::min<size_t>(std::max(threads, 1), std::max<size_t>(in.size(), 1));
      // Static striping: line i goes to worker i % n; the output slots are
      // distinct, so no locking, and the order is the input's.
      auto work = [&](size_t k) {
        for (size_t i = k; i < in.size(); i += n) {
          out[i] = SummarizeJsonLine(*summarizer_, in[i], first_line + i, w);
        }
      };
      std::vector<std::thread> pool;
      for (size_t k = 1; k < n; ++k) pool.emplace_back(work, k);
      work(0);
      for (std::thread& t : pool) t.join();
    }
    return out;
  }

 private:
  std::optional<Summarizer> summarizer_;
};

py::list Segment(py::handle text, const std::string& lang, bool pdf) {
  const std::string bytes = Utf8(text, "text");
  // As precis segment and /v1/segment check.
  if (Status s = CheckText(bytes, "text"); !s.ok()) Raise(s);
  std::vector<precis::Span> spans;
  {
    py::gil_scoped_release release;
    spans = SegmentSentences(bytes, {lang, pdf});
  }
  Cluster one;
  one.docs.push_back({"", "", "", bytes});
  CharOffsets chars(one);
  for (const precis::Span& s : spans) {
    chars.Add(0, s.begin);
    chars.Add(0, s.end);
  }
  chars.Build();
  py::list out;
  for (const precis::Span& s : spans) {
    out.append(Span{Decode(std::string_view(bytes).substr(s.begin, s.size())),
                    chars.Get(0, s.begin), chars.Get(0, s.end)});
  }
  return out;
}

// A summary as the ROUGE script reads it: a str is split into lines (blank
// ones dropped), a sequence of str is taken as its sentences.
rouge::Document RougeDocument(py::handle h, const std::string& what) {
  if (PyUnicode_Check(h.ptr())) return rouge::PlainTextDocument(Utf8(h, what));
  rouge::Document doc;
  for (py::handle s : py::reinterpret_borrow<py::iterable>(h)) {
    doc.sentences.push_back(Utf8(s, what + " sentences"));
  }
  return doc;
}

std::vector<RougeScore> Rouge(py::handle summary, py::handle references, int n,
                              bool lcs, double w, std::optional<int> skip, bool su,
                              bool stem, bool stopwords, int words, int bytes, bool best,
                              double alpha) {
  rouge::Options o;
  o.max_ngram = n;
  o.lcs = lcs;
  o.wlcs_weight = w;
  o.skip_distance = skip;
  o.skip_unigrams = su;
  o.stem = stem;
  o.remove_stopwords = stopwords;
  o.word_limit = words;
  o.byte_limit = bytes;
  o.score_mode = best ? rouge::ScoreMode::kBest : rouge::ScoreMode::kAverage;
  o.alpha = alpha;
  if (Status s = rouge::Validate(o); !s.ok()) Raise(s);
  const rouge::Document peer = RougeDocument(summary, "summary");
  std::vector<rouge::Document> models;
  if (PyUnicode_Check(references.ptr())) {
    models.push_back(RougeDocument(references, "references"));
  } else {
    for (py::handle r : py::reinterpret_borrow<py::iterable>(references)) {
      models.push_back(RougeDocument(r, "each reference"));
    }
  }
  if (models.empty()) Raise(Status::InvalidArgument("references: give at least one"));
  // As precis eval and POST /v1/eval: a reference with no text scores nothing.
  for (size_t k = 0; k < models.size(); ++k) {
    if (models[k].sentences.empty()) {
      Raise(Status::InvalidArgument("references[" + std::to_string(k) + "]: empty reference"));
    }
  }
  std::optional<Result<std::vector<rouge::PairScore>>> scores;
  {
    py::gil_scoped_release release;
    scores.emplace(rouge::ScorePair(peer, models, o));
  }
  if (!scores->ok()) Raise(scores->status());
  const std::vector<std::string> names = rouge::MetricNames(o);
  std::vector<RougeScore> out;
  for (size_t i = 0; i < names.size() && i < (*scores)->size(); ++i) {
    const rouge::PairScore& p = (**scores)[i];
    out.push_back({names[i], p.recall, p.precision, p.f});
  }
  return out;
}

// Equal and picklable, so that results can be compared and sent between
// processes (multiprocessing, Dask): two values are equal when their pickled
// states are, so the two cannot disagree about which fields count.
template <class T, class State, class FromState>
void AddValueSemantics(py::class_<T>& cls, State state, FromState from_state) {
  cls.def("__eq__", [state](const T& a, const T& b) { return state(a).equal(state(b)); },
          py::is_operator());
  cls.def(py::pickle(state, from_state));
}

}  // namespace
}  // namespace precis::python

PYBIND11_MODULE(_precis, m) {
  using namespace precis::python;
  m.doc() = "The compiled core of the precis package; use `import precis`.";

  py::class_<Sentence> sentence(m, "Sentence", "A summary sentence: a span of an input document.");
  sentence.def_readonly("text", &Sentence::text, "The sentence, equal to docs[doc][begin:end].")
      .def_readonly("doc", &Sentence::doc, "Index of the document in the input.")
      .def_readonly("doc_id", &Sentence::doc_id, "The document's id (its index by default).")
      .def_readonly("begin", &Sentence::begin, "Start, in characters of the document's str.")
      .def_readonly("end", &Sentence::end, "End (exclusive), in characters.")
      .def_readonly("score", &Sentence::score, "The scorer's score; higher is more central.")
      .def_readonly("truncated", &Sentence::truncated, "Cut to fill the budget (truncate=True).")
      .def("__repr__", [](const Sentence& s) {
        return "Sentence(doc=" + std::to_string(s.doc) + ", begin=" + std::to_string(s.begin) +
               ", end=" + std::to_string(s.end) + ", score=" + std::to_string(s.score) +
               ", text=" + py::repr(s.text).cast<std::string>() + ")";
      });
  AddValueSemantics(
      sentence,
      [](const Sentence& s) {
        return py::make_tuple(s.text, s.doc, s.doc_id, s.begin, s.end, s.score, s.truncated);
      },
      [](const py::tuple& t) {
        if (t.size() != 7) throw std::runtime_error("bad Sentence state");
        return Sentence{t[0].cast<py::str>(), t[1].cast<size_t>(), t[2].cast<std::string>(),
                        t[3].cast<size_t>(), t[4].cast<size_t>(), t[5].cast<double>(),
                        t[6].cast<bool>()};
      });

  py::class_<Dropped> dropped(m, "Dropped", "A span the clean stage removed, and why.");
  dropped.def_readonly("text", &Dropped::text)
      .def_readonly("doc", &Dropped::doc)
      .def_readonly("doc_id", &Dropped::doc_id)
      .def_readonly("begin", &Dropped::begin)
      .def_readonly("end", &Dropped::end)
      .def_readonly("reason", &Dropped::reason,
                    "headline, repeated-title, duplicate-of, off-topic, fragment, ...")
      .def_readonly("of", &Dropped::of, "(doc, begin, end) of the kept copy, or None.")
      .def("__repr__", [](const Dropped& d) {
        return "Dropped(doc=" + std::to_string(d.doc) + ", begin=" + std::to_string(d.begin) +
               ", end=" + std::to_string(d.end) + ", reason='" + d.reason + "')";
      });
  AddValueSemantics(
      dropped,
      [](const Dropped& d) {
        return py::make_tuple(d.text, d.doc, d.doc_id, d.begin, d.end, d.reason, d.of);
      },
      [](const py::tuple& t) {
        if (t.size() != 7) throw std::runtime_error("bad Dropped state");
        return Dropped{t[0].cast<py::str>(), t[1].cast<size_t>(), t[2].cast<std::string>(),
                       t[3].cast<size_t>(), t[4].cast<size_t>(), t[5].cast<std::string>(),
                       t[6].cast<std::optional<std::tuple<size_t, size_t, size_t>>>()};
      });

  py::class_<Span> span(m, "Span", "A sentence of segmented text.");
  span.def_readonly("text", &Span::text)
      .def_readonly("begin", &Span::begin)
      .def_readonly("end", &Span::end)
      .def("__repr__", [](const Span& s) {
        return "Span(begin=" + std::to_string(s.begin) + ", end=" + std::to_string(s.end) +
               ", text=" + py::repr(s.text).cast<std::string>() + ")";
      });
  AddValueSemantics(
      span, [](const Span& s) { return py::make_tuple(s.text, s.begin, s.end); },
      [](const py::tuple& t) {
        if (t.size() != 3) throw std::runtime_error("bad Span state");
        return Span{t[0].cast<py::str>(), t[1].cast<size_t>(), t[2].cast<size_t>()};
      });

  py::class_<RougeScore>(m, "RougeScore")
      .def_readonly("metric", &RougeScore::metric)
      .def_readonly("recall", &RougeScore::recall)
      .def_readonly("precision", &RougeScore::precision)
      .def_readonly("f", &RougeScore::f)
      .def("__repr__", [](const RougeScore& r) {
        return "RougeScore(recall=" + std::to_string(r.recall) +
               ", precision=" + std::to_string(r.precision) + ", f=" + std::to_string(r.f) + ")";
      });

  py::class_<PySummarizer>(m, "Summarizer")
      .def(py::init<const std::string&, const std::optional<std::string>&, double, bool, bool,
                    double, int, bool, const std::optional<std::string>&>(),
           py::arg("lang"), py::arg("budget_unit"), py::arg("budget_value"),
           py::arg("truncate"), py::arg("clean"), py::arg("max_similarity"),
           py::arg("quote_ngram"), py::arg("pdf"), py::arg("algorithm"))
      .def("summarize", &PySummarizer::Summarize, py::arg("text_or_docs"),
           py::arg("explain"))
      .def("summarize_jsonl", &PySummarizer::SummarizeJsonl, py::arg("lines"),
           py::arg("explain"), py::arg("first_line"), py::arg("threads"));

  m.def("segment", &Segment, py::arg("text"), py::arg("lang"), py::arg("pdf"));
  m.def("rouge", &Rouge, py::arg("summary"), py::arg("references"), py::arg("n"),
        py::arg("lcs"), py::arg("w"), py::arg("skip"), py::arg("su"), py::arg("stem"),
        py::arg("stopwords"), py::arg("words"), py::arg("bytes"), py::arg("best"),
        py::arg("alpha"));
  m.attr("HAS_ALGORITHM") = kHasAlgorithm<precis::SummarizerOptions>;
}
