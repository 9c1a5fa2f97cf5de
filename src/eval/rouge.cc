// The public ROUGE API: per-pair scoring, evaluation over many pairs and the
// script's report.
#include "precis/rouge.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "eval/bootstrap.h"
#include "eval/lexicon.h"
#include "eval/metrics.h"
#include "eval/prepare.h"

namespace precis::rouge {
namespace {

// A summary with the sorted n-grams and skip-grams the metrics compare.
struct Side {
  Prepared text;
  std::vector<std::vector<uint64_t>> grams;  // [n-1]
  std::vector<uint64_t> skip[2];             // [unigrams]
};

class EvalScorer {
 public:
  EvalScorer(const Lexicon& lexicon, const Options& options)
      : options_(options),
        metrics_(SelectMetrics(options)),
        vocab_(lexicon, options.stem, options.remove_stopwords) {}

  Side Build(const Document& doc) {
    Side side;
    side.text = Prepare(doc, options_, vocab_);
    if (options_.max_ngram > 0) side.grams = grams_.NGrams(side.text.flat, options_.max_ngram);
    for (const Metric& m : metrics_) {
      if (m.kind == Metric::kSkip) {
        side.skip[m.unigrams] =
            SkipGrams(side.text.flat, *options_.skip_distance, m.unigrams);
      }
    }
    return side;
  }

  // The script's per-evaluation figures for `peer` against `models`.
  Result<std::vector<PairScore>> Score(const Side& peer,
                                       const std::vector<Side>& models,
                                       const std::vector<std::string>& model_names) {
    std::vector<PairScore> out;
    const double w = options_.wlcs_weight;
    for (const Metric& metric : metrics_) {
      double hit = 0, model_count = 0, peer_count = 0;
      double best = -1;
      for (size_t k = 0; k < models.size(); ++k) {
        const Side& model = models[k];
        double h = 0, mc = 0, pc = 0, score = 0;
        switch (metric.kind) {
          case Metric::kNgram:
          case Metric::kSkip: {
            const auto& a = metric.kind == Metric::kNgram ? model.grams[metric.n - 1]
                                                          : model.skip[metric.unigrams];
            const auto& b = metric.kind == Metric::kNgram ? peer.grams[metric.n - 1]
                                                          : peer.skip[metric.unigrams];
            h = ClippedHits(a, b);
            mc = double(a.size());
            pc = double(b.size());
            score = mc != 0 ? Round5(h / mc) : 0;
            break;
          }
          case Metric::kLcs: {
            const LcsResult r = UnionLcs(model.text, peer.text, vocab_.size(), 0);
            h = r.hit;
            mc = r.base;
            pc = double(peer.text.flat.size());
            score = r.base > 0 ? r.hit / r.base : 0;
            break;
          }
          case Metric::kWlcs: {
            const LcsResult r = UnionLcs(model.text, peer.text, vocab_.size(), w);
            if (r.base == 0) {
              const std::string name =
                  k < model_names.size() ? model_names[k] : "model " + std::to_string(k + 1);
              return Status::InvalidInput(
                  name + ": no tokens in this model, and ROUGE-W divides by its "
                         "length (ROUGE-1.5.5 stops here too)");
            }
            h = r.hit;
            mc = std::pow(r.base, w);
            pc = std::pow(double(peer.text.flat.size()), w);
            score = std::pow(r.hit / r.base, 1 / w);
            break;
          }
        }
        if (options_.score_mode == ScoreMode::kBest) {
          if (score > best) {
            best = score;
            hit = h;
            model_count = mc;
            peer_count = pc;
          }
        } else {
          hit += h;
          model_count += mc;
          peer_count += pc;
        }
      }
      PairScore s;
      s.hit = hit;
      s.model_count = model_count;
      s.peer_count = peer_count;
      auto ratio = [&](double count) {
        if (count == 0) return 0.0;
        return Round5(metric.kind == Metric::kWlcs ? std::pow(hit / count, 1 / w)
                                                   : hit / count);
      };
      s.recall = ratio(model_count);
      s.precision = ratio(peer_count);
      const double a = options_.alpha;
      const double denom = (1 - a) * s.precision + a * s.recall;
      s.f = denom > 0 ? Round5((s.precision * s.recall) / denom) : 0;
      out.push_back(s);
    }
    return out;
  }

 private:
  const Options& options_;
  const std::vector<Metric> metrics_;
  Vocabulary vocab_;
  GramTable grams_;
};

// The script orders -d lines by the leading number of the test ids when
// both have one, else as strings; a stable merge sort, as Perl's sort is,
// so the mixed comparison cannot upset the algorithm.
bool EvalIdLess(const std::string& a, const std::string& b) {
  auto lead = [](const std::string& s, double& v) {
    size_t i = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == 0) return false;
    v = std::strtod(s.substr(0, i).c_str(), nullptr);
    return true;
  };
  double x, y;
  if (lead(a, x) && lead(b, y)) return x < y;
  return a < b;
}

template <typename T, typename Less>
void MergeSort(std::vector<T>& v, Less less) {
  if (v.size() < 2) return;
  std::vector<T> right(v.begin() + v.size() / 2, v.end());
  std::vector<T> left(v.begin(), v.begin() + v.size() / 2);
  MergeSort(left, less);
  MergeSort(right, less);
  size_t i = 0, j = 0, k = 0;
  while (i < left.size() && j < right.size()) {
    v[k++] = less(right[j], left[i]) ? std::move(right[j++]) : std::move(left[i++]);
  }
  while (i < left.size()) v[k++] = std::move(left[i++]);
  while (j < right.size()) v[k++] = std::move(right[j++]);
}

std::string Fixed5(double v) {
  char buf[64];
  if (std::isnan(v)) {  // Perl spells these its own way, signless NaN
    std::snprintf(buf, sizeof buf, "%7s", "NaN");
  } else if (std::isinf(v)) {
    std::snprintf(buf, sizeof buf, "%7s", v > 0 ? "Inf" : "-Inf");
  } else {
    std::snprintf(buf, sizeof buf, "%7.5f", v);
  }
  return buf;
}

std::string PerlNumber(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

bool IsPerlSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Parses `<lit>` then digits: helpers for the SEE / ISI line patterns.
struct Cursor {
  std::string_view s;
  size_t i = 0;
  bool Lit(std::string_view lit) {
    if (s.substr(i, lit.size()) != lit) return false;
    i += lit.size();
    return true;
  }
  bool Digits() {
    const size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  }
  bool Class(std::string_view extra) {  // [0-9a-z<extra>]+
    const size_t start = i;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'z') ||
                            extra.find(s[i]) != std::string_view::npos)) {
      ++i;
    }
    return i > start;
  }
  // [^<]+ : the sentence text.
  std::string_view Text() {
    const size_t start = i;
    while (i < s.size() && s[i] != '<') ++i;
    return s.substr(start, i - start);
  }
};

// <a size="N" name="N">[N]</a>\s+<a href="#N" id=N>TEXT  (size optional)
bool MatchSee(std::string_view line, std::string_view& text) {
  Cursor c{line};
  if (!c.Lit("<a ")) return false;
  if (c.Lit("size=\"")) {
    if (!c.Digits() || !c.Lit("\" ")) return false;
  }
  if (!c.Lit("name=\"") || !c.Digits() || !c.Lit("\">[") || !c.Digits() ||
      !c.Lit("]</a>")) {
    return false;
  }
  const size_t before = c.i;
  while (c.i < line.size() && IsPerlSpace(line[c.i])) ++c.i;
  if (c.i == before) return false;
  if (!c.Lit("<a href=\"#") || !c.Digits() || !c.Lit("\" id=") || !c.Digits() ||
      !c.Lit(">")) {
    return false;
  }
  text = c.Text();
  return !text.empty();
}

// <S SNTNO="[0-9a-z,]+">TEXT</S>
bool MatchIsi(std::string_view line, std::string_view& text) {
  Cursor c{line};
  if (!c.Lit("<S SNTNO=\"") || !c.Class(",") || !c.Lit("\">")) return false;
  text = c.Text();
  return !text.empty() && c.Lit("</S>");
}

}  // namespace

Status Validate(const Options& o) {
  // Each order is a line of output and a pass over the texts: a huge -n
  // (the server takes any JSON number) would run for hours, not fail.
  if (o.max_ngram < 0 || o.max_ngram > kMaxNgram) {
    return Status::InvalidArgument("-n must be from 0 to " + std::to_string(kMaxNgram));
  }
  if (!(o.wlcs_weight >= 0)) {  // NaN too
    return Status::InvalidArgument("ROUGE-W weight factor must greater than 0 (-w)");
  }
  if (o.word_limit < 0 || o.byte_limit < 0) {
    return Status::InvalidArgument("length limits (-l, -b) must be >= 0");
  }
  if (o.word_limit > 0 && o.byte_limit > 0) {
    return Status::InvalidArgument("specify the length limit in words (-l) or bytes (-b), not both");
  }
  if (!(o.alpha >= 0 && o.alpha <= 1)) return Status::InvalidArgument("-p alpha must be in [0, 1]");
  if (!(o.confidence >= 0 && o.confidence <= 100)) {
    return Status::InvalidArgument("-c confidence must be in [0, 100]");
  }
  if (o.resamples < 1) return Status::InvalidArgument("-r resamples must be >= 1");
  return Status::Ok();
}

Document ParseDocument(std::string_view bytes, InputFormat format) {
  Document doc;
  while (!bytes.empty()) {
    const size_t nl = bytes.find('\n');
    // Perl's <FH> line: up to and including "\n".
    const std::string_view line = bytes.substr(0, nl == std::string_view::npos ? bytes.size() : nl + 1);
    bytes.remove_prefix(line.size());
    std::string_view text;
    switch (format) {
      case InputFormat::kSpl: {
        std::string_view l = line;
        if (!l.empty() && l.back() == '\n') l.remove_suffix(1);  // chomp
        if (!l.empty()) doc.sentences.emplace_back(l);
        break;
      }
      case InputFormat::kSee:
        if (MatchSee(line, text)) doc.sentences.emplace_back(text);
        break;
      case InputFormat::kIsi:
        if (MatchIsi(line, text)) doc.sentences.emplace_back(text);
        break;
    }
  }
  return doc;
}

Document PlainTextDocument(std::string_view text) {
  Document doc;
  size_t i = 0;
  while (i <= text.size()) {
    size_t end = text.find_first_of("\r\n", i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(i, end - i);
    while (!line.empty() && IsPerlSpace(line.front())) line.remove_prefix(1);
    while (!line.empty() && IsPerlSpace(line.back())) line.remove_suffix(1);
    if (!line.empty()) doc.sentences.emplace_back(line);
    i = end + 1;
  }
  return doc;
}

std::vector<std::string> MetricNames(const Options& options) {
  std::vector<std::string> out;
  for (const Metric& m : SelectMetrics(options)) out.push_back(m.name);
  return out;
}

Result<std::vector<PairScore>> ScorePair(const Document& peer,
                                         std::span<const Document> models,
                                         const Options& options) {
  if (Status s = Validate(options); !s.ok()) return s;
  const Result<const Lexicon*> lexicon = GetLexicon();
  if (!lexicon.ok()) return lexicon.status();
  EvalScorer scorer(**lexicon, options);
  std::vector<Side> sides;
  sides.reserve(models.size());
  for (const Document& m : models) sides.push_back(scorer.Build(m));
  return scorer.Score(scorer.Build(peer), sides, {});
}

Result<Report> Evaluate(std::span<const Evaluation> evals, const Options& options,
                        const EvaluateOptions& eo) {
  if (Status s = Validate(options); !s.ok()) return s;
  const Result<const Lexicon*> lexicon = GetLexicon();
  if (!lexicon.ok()) return lexicon.status();
  const std::vector<Metric> metrics = SelectMetrics(options);

  // Which peers: one, or all those named anywhere (sorted, as with -a).
  std::vector<std::string> peer_ids;
  if (!eo.peer_id.empty()) {
    peer_ids.push_back(eo.peer_id);
  } else {
    std::set<std::string> all;
    for (const Evaluation& e : evals) {
      for (const auto& p : e.peers) all.insert(p.first);
      all.insert(e.fileless_peers.begin(), e.fileless_peers.end());
    }
    peer_ids.assign(all.begin(), all.end());
  }
  std::map<std::string, size_t> peer_index;
  for (size_t i = 0; i < peer_ids.size(); ++i) peer_index[peer_ids[i]] = i;

  // scores[e][p]: the figures of peer p on evaluation e, if it answered it.
  std::vector<std::vector<std::optional<std::vector<PairScore>>>> scores(
      evals.size(), std::vector<std::optional<std::vector<PairScore>>>(peer_ids.size()));
  std::vector<Status> errors(evals.size());

  auto score_eval = [&](size_t e) {
    const Evaluation& ev = evals[e];
    EvalScorer scorer(**lexicon, options);
    std::vector<Side> models;
    bool built = false;
    for (const auto& [id, doc] : ev.peers) {
      const auto it = peer_index.find(id);
      if (it == peer_index.end()) continue;
      if (!built) {
        for (const Document& m : ev.models) models.push_back(scorer.Build(m));
        built = true;
      }
      Result<std::vector<PairScore>> r = scorer.Score(scorer.Build(doc), models, ev.model_names);
      if (!r.ok()) {
        errors[e] = Status(r.status().code(), "eval " + ev.id + ": " + r.status().message());
        return;
      }
      scores[e][it->second] = std::move(r).value();
    }
  };

  const size_t threads = std::max<size_t>(1, std::min<size_t>(eo.threads > 0 ? eo.threads : 1, evals.size()));
  std::atomic<size_t> next{0}, done{0};
  std::mutex mu;
  std::condition_variable cv;
  auto work = [&] {
    for (size_t e; (e = next.fetch_add(1)) < evals.size();) {
      score_eval(e);
      done.fetch_add(1);
      cv.notify_one();
    }
  };
  if (threads == 1 && !eo.progress) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(work);
    // Draws on every change, the last count included: the loop ends only
    // after drawing what it read.
    std::unique_lock<std::mutex> lock(mu);
    for (size_t shown = SIZE_MAX;;) {
      const size_t now = done.load();
      if (eo.progress && now != shown) eo.progress(now, evals.size());
      shown = now;
      if (now >= evals.size()) break;
      cv.wait_for(lock, std::chrono::milliseconds(100));
    }
    lock.unlock();
    for (auto& t : pool) t.join();
  }
  for (const Status& s : errors) {
    if (!s.ok()) return s;
  }

  Report report;
  for (size_t p = 0; p < peer_ids.size(); ++p) {
    PeerReport pr;
    pr.peer_id = peer_ids[p];
    // The script's instances: "<eval>.<peer>" test ids sorted as strings.
    std::vector<std::pair<std::string, size_t>> instances;
    for (size_t e = 0; e < evals.size(); ++e) {
      if (scores[e][p]) {
        instances.emplace_back(evals[e].id + "." + peer_ids[p], e);
      } else {
        report.warnings.push_back("*ROUGE Warning: test instance for peer " + peer_ids[p] +
                                  " does not exist for evaluation " + evals[e].id);
      }
    }
    std::sort(instances.begin(), instances.end());
    // Equal test ids share one entry in the script, which keeps the first.
    std::vector<std::pair<std::string, size_t>> unique;
    for (const auto& in : instances) {
      if (unique.empty() || unique.back().first != in.first) unique.push_back(in);
    }
    instances.swap(unique);

    std::vector<std::vector<double>> values;
    for (const auto& [test_id, e] : instances) {
      std::vector<double> row;
      for (const PairScore& s : *scores[e][p]) {
        if (options.counting == Counting::kSentence) {
          row.insert(row.end(), {s.recall, s.precision, s.f});
        } else {
          row.insert(row.end(), {s.model_count, s.peer_count, s.hit});
        }
      }
      values.push_back(std::move(row));
    }
    std::vector<std::array<Interval, 3>> intervals(metrics.size());
    if (options.counting != Counting::kRawCounts) {
      Bootstrap(values, metrics.size(), options, intervals);
    }
    for (size_t m = 0; m < metrics.size(); ++m) {
      MetricReport mr;
      mr.name = metrics[m].name;
      mr.recall = intervals[m][0];
      mr.precision = intervals[m][1];
      mr.f = intervals[m][2];
      for (size_t i = 0; i < instances.size(); ++i) {
        const double* v = &values[i][m * 3];
        mr.model_count += v[0];
        mr.peer_count += v[1];
        mr.hit += v[2];
        mr.rows.push_back({instances[i].first, v[0], v[1], v[2]});
      }
      MergeSort(mr.rows, [](const MetricReport::Row& a, const MetricReport::Row& b) {
        return EvalIdLess(a.test_id, b.test_id);
      });
      pr.metrics.push_back(std::move(mr));
    }
    report.peers.push_back(std::move(pr));
  }
  return report;
}

std::string FormatScriptOutput(const Report& report, const Options& options, bool per_eval) {
  const std::string c = options.confidence_label.empty() ? PerlNumber(options.confidence)
                                                         : options.confidence_label;
  std::string out;
  for (const PeerReport& peer : report.peers) {
    for (const MetricReport& m : peer.metrics) {
      const std::string head = peer.peer_id + " " + m.name;
      out += "---------------------------------------------\n";
      if (options.counting != Counting::kRawCounts) {
        const std::pair<const char*, const Interval*> rows[] = {
            {"R", &m.recall}, {"P", &m.precision}, {"F", &m.f}};
        for (const auto& [which, iv] : rows) {
          out += head + " Average_" + which + ": " + Fixed5(iv->mean) + " (" + c +
                 "%-conf.int. " + Fixed5(iv->low) + " - " + Fixed5(iv->high) + ")\n";
        }
      } else {
        char buf[160];
        std::snprintf(buf, sizeof buf, " M_count: %.0f P_count: %.0f H_count: %.0f\n",
                      std::trunc(m.model_count), std::trunc(m.peer_count), std::trunc(m.hit));
        out += head + buf;
      }
      if (per_eval) {
        out += ".............................................\n";
        for (const MetricReport::Row& row : m.rows) {
          auto num = [&](double v) {
            return options.counting == Counting::kSentence ? Fixed5(v) : PerlNumber(v);
          };
          out += head + " Eval " + row.test_id + " R:" + num(row.r) + " P:" + num(row.p) +
                 " F:" + num(row.f) + "\n";
        }
      }
    }
  }
  return out;
}

}  // namespace precis::rouge
