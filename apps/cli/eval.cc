// precis eval: ROUGE as ROUGE-1.5.5.pl computes it. Three ways in: the
// script's own command line and XML config, two folders, or JSON Lines.
// The ROUGE flags are the script's single-letter ones (getopts style, "-n 4",
// "-n4", "-am"), which CLI11 cannot express, so this subcommand takes its
// arguments raw and parses them here.
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "cli_io.h"
#include "commands.h"
#include "precis/rouge.h"

namespace precis::cli {
namespace {

namespace fs = std::filesystem;
using rouge::Document;
using rouge::Evaluation;
using rouge::Options;

constexpr char kHelp[] =
    R"(precis eval: ROUGE, figure for figure as ROUGE-1.5.5.pl prints it.

Usage:
  precis eval [ROUGE-1.5.5 flags] CONFIG.xml [SYSTEM_ID]
  precis eval [ROUGE-1.5.5 flags] --peers DIR --models DIR [--format F]
  precis eval [ROUGE-1.5.5 flags] --input FILE.jsonl [--format F]

1. Drop-in for the script: its XML config (INPUT-FORMAT SPL, SEE or ISI),
   its flags, its stdout lines. -e DIR is accepted and not needed (the word
   lists are built in). -a scores every system; otherwise give SYSTEM_ID.
     precis eval -n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0 rouge.xml

2. Folders, no XML. Models: MODELS/<cluster>.<anything>, several per
   cluster (e.g. d30001.m.100.t.a.txt). Peers: PEERS/<system>/<cluster>[.*]
   (one folder per system), or flat PEERS/<cluster>.<system>[.txt], or flat
   PEERS/<cluster>.txt (one system, named by --system or the folder's name).
   The cluster id is the file name up to its first '.', case-insensitive.
   Every cluster with models is scored; a system missing one is an error
   unless --missing-empty. Files are UTF-8 text, one sentence per line;
   lines are stripped and blank lines dropped.
     precis eval -n 2 -m -a --peers out/ --models refs/ --format csv

3. JSON Lines, one evaluation per line, scored on all cores:
     {"id": "a1", "summary": "text ...", "refs": ["ref one ...", "ref two"]}
   (summary and each ref: a string, lines as sentences, or an array of
   sentences). The system is named by --system (default "precis").
     precis eval -n 2 -2 4 -u -m --input scored.jsonl --format json

ROUGE-1.5.5 flags (the script's meaning and defaults):
  -n N     ROUGE-1 .. ROUGE-N (N <= 100)  -x       no ROUGE-L
  -w W     ROUGE-W with weight W         -2 D     ROUGE-S, gap <= D (D<0: any)
  -u       ROUGE-SU instead of ROUGE-S   -U       ROUGE-S and ROUGE-SU
  -m       Porter stemming (+ WordNet exceptions), words longer than 3 bytes
  -s       remove the SMART stopwords    -l N / -b N  first N words / bytes
  -f A|B   average the models / best model      -p A  F's alpha (0.5)
  -t 0|1|2 average per evaluation / pool tokens / print raw counts
  -c C     C% confidence interval (95)   -r N     bootstrap samples (1000)
  -d       per-evaluation lines          -a       all systems
  -e DIR   ignored                       -v       ignored
  -z FMT   CONFIG is a list "peer model1 model2 ..." per line, in FMT
Not supported: -3 (Basic Elements), -M.

precis options:
  --peers DIR --models DIR   folder mode (see 2.)
  --input FILE               JSON Lines mode ('-': stdin) (see 3.)
  --format text|json|csv     for modes 2 and 3 (default text: the script's
                             lines; json and csv add nothing it lacks)
  --system NAME              system name (flat one-system folder, JSON Lines)
  --missing-empty            folder mode: a missing summary scores as empty
  --threads N                workers (default: all cores; 1 for CONFIG.xml)
  -h, --help                 this text

Exit codes: 0 ok, 1 bad input (missing or unreadable file, bad config,
empty model), 2 usage error.
)";

struct Args {
  Options options;
  bool all = false;
  bool per_eval = false;
  std::string list_format;  // -z
  std::vector<std::string> positional;
  std::string peers, models, input, format = "text", system;
  bool missing_empty = false;
  int threads = 0;
  bool help = false;
};

Status Usage(const std::string& m) {
  return Status::InvalidArgument(m + " (see precis eval --help)");
}

bool ParseInt(const std::string& s, int& out) {
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno != 0 || v < INT32_MIN || v > INT32_MAX) return false;
  out = int(v);
  return true;
}

bool ParseDouble(const std::string& s, double& out) {
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0') return false;
  out = v;
  return true;
}

Status ParseArgs(const std::vector<std::string>& argv, Args& a) {
  static const std::string kWithValue = "bcefln2prtwz3";
  static const std::string kFlags = "adhHmMsuUvx";
  Options& o = a.options;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg.rfind("--", 0) == 0 && arg.size() > 2) {
      std::string key = arg.substr(2), value;
      const size_t eq = key.find('=');
      const bool has_eq = eq != std::string::npos;
      if (has_eq) value = key.substr(eq + 1), key = key.substr(0, eq);
      auto take = [&]() -> bool {
        if (has_eq) return true;
        if (i + 1 >= argv.size()) return false;
        value = argv[++i];
        return true;
      };
      if (key == "help") {
        a.help = true;
      } else if (key == "missing-empty") {
        a.missing_empty = true;
      } else if (key == "peers" || key == "models" || key == "input" || key == "format" ||
                 key == "system" || key == "threads") {
        if (!take()) return Usage("--" + key + " needs a value");
        if (key == "peers") a.peers = value;
        if (key == "models") a.models = value;
        if (key == "input") a.input = value;
        if (key == "system") a.system = value;
        if (key == "format") {
          if (value != "text" && value != "json" && value != "csv") {
            return Usage("--format must be text, json or csv");
          }
          a.format = value;
        }
        if (key == "threads" && (!ParseInt(value, a.threads) || a.threads < 1)) {
          return Usage("--threads needs a number >= 1");
        }
      } else {
        return Usage("unknown option --" + key);
      }
      continue;
    }
    if (arg == "--") {
      a.positional.insert(a.positional.end(), argv.begin() + i + 1, argv.end());
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      a.positional.push_back(arg);
      continue;
    }
    // A cluster of single-letter flags; one taking a value ends the cluster.
    for (size_t k = 1; k < arg.size(); ++k) {
      const char f = arg[k];
      if (kFlags.find(f) != std::string::npos) {
        switch (f) {
          case 'a': a.all = true; break;
          case 'd': a.per_eval = true; break;
          case 'h': case 'H': a.help = true; break;
          case 'm': o.stem = true; break;
          case 's': o.remove_stopwords = true; break;
          case 'u': o.skip_unigrams = true; break;
          case 'U': o.skip_both = true; break;
          case 'x': o.lcs = false; break;
          case 'v': break;
          case 'M': return Usage("-M (stem only the models) is not supported");
        }
        continue;
      }
      if (kWithValue.find(f) == std::string::npos) {
        return Usage(std::string("unknown flag -") + f);
      }
      std::string v = arg.substr(k + 1);
      if (v.empty()) {
        if (i + 1 >= argv.size()) return Usage(std::string("-") + f + " needs a value");
        v = argv[++i];
      }
      bool ok = true;
      switch (f) {
        case 'b': ok = ParseInt(v, o.byte_limit); break;
        case 'l': ok = ParseInt(v, o.word_limit); break;
        case 'n': ok = ParseInt(v, o.max_ngram); break;
        case 'r': ok = ParseInt(v, o.resamples); break;
        case 'c': ok = ParseDouble(v, o.confidence); o.confidence_label = v; break;
        case 'p': ok = ParseDouble(v, o.alpha); break;
        case 'w':
          ok = ParseDouble(v, o.wlcs_weight) && o.wlcs_weight > 0;
          o.weight_label = v;
          break;
        case '2': {
          int d = 0;
          ok = ParseInt(v, d);
          o.skip_distance = d;
          o.skip_label = v;
          break;
        }
        case 'f':
          ok = v == "A" || v == "B";
          o.score_mode = v == "B" ? rouge::ScoreMode::kBest : rouge::ScoreMode::kAverage;
          break;
        case 't': {
          int t = 0;
          ok = ParseInt(v, t) && t >= 0 && t <= 2;
          o.counting = rouge::Counting(t);
          break;
        }
        case 'e': break;  // the word lists are compiled in
        case 'z': a.list_format = v; break;
        case '3': return Usage("-3 (Basic Elements) is not supported");
      }
      if (!ok) return Usage(std::string("bad value for -") + f + ": '" + v + "'");
      break;
    }
  }
  return rouge::Validate(a.options);
}

// ---- folder mode -----------------------------------------------------------

std::string ClusterOf(const std::string& name) {
  std::string c = name.substr(0, name.find('.'));
  for (char& ch : c) ch = char(std::tolower((unsigned char)ch));
  return c;
}

std::vector<fs::directory_entry> SortedEntries(const fs::path& dir) {
  std::vector<fs::directory_entry> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().filename().string().rfind('.', 0) == 0) continue;
    out.push_back(e);
  }
  std::sort(out.begin(), out.end(), [](const auto& x, const auto& y) {
    return x.path().filename().string() < y.path().filename().string();
  });
  return out;
}

Result<std::vector<Evaluation>> LoadFolders(const Args& a, std::vector<std::string>& warnings) {
  std::error_code ec;
  for (const std::string& d : {a.peers, a.models}) {
    if (!fs::exists(d, ec)) return Status::NotFound(d + ": no such folder");
    if (!fs::is_directory(d, ec)) return Status::NotFound(d + ": not a folder");
  }
  // cluster -> model files
  std::map<std::string, std::vector<fs::path>> models;
  for (const auto& e : SortedEntries(a.models)) {
    if (e.is_regular_file()) models[ClusterOf(e.path().filename().string())].push_back(e.path());
  }
  if (models.empty()) return Status::InvalidInput(a.models + ": no reference files");
  // system -> cluster -> file
  std::map<std::string, std::map<std::string, fs::path>> peers;
  const auto entries = SortedEntries(a.peers);
  bool dirs = false, files = false;
  for (const auto& e : entries) (e.is_directory() ? dirs : files) = true;
  if (dirs && files) return Status::InvalidInput(a.peers + ": holds both files and folders; use one layout");
  for (const auto& e : entries) {
    const std::string name = e.path().filename().string();
    if (dirs) {
      for (const auto& f : SortedEntries(e.path())) {
        if (f.is_regular_file()) peers[name][ClusterOf(f.path().filename().string())] = f.path();
      }
    } else {
      std::string stem = name;
      if (stem.size() > 4 && stem.substr(stem.size() - 4) == ".txt") stem.resize(stem.size() - 4);
      const size_t dot = stem.find('.');
      std::string cluster = stem.substr(0, dot), system;
      if (dot != std::string::npos) {
        system = stem.substr(dot + 1);
      } else {
        system = a.system.empty() ? fs::path(a.peers).lexically_normal().filename().string() : a.system;
        if (system.empty()) system = fs::path(a.peers).lexically_normal().parent_path().filename().string();
      }
      for (char& ch : cluster) ch = char(std::tolower((unsigned char)ch));
      peers[system][cluster] = e.path();
    }
  }
  if (peers.empty()) return Status::InvalidInput(a.peers + ": no summaries");
  for (const auto& [system, by_cluster] : peers) {
    size_t missing = 0, extra = 0;
    std::string example;
    for (const auto& [c, files] : models) {
      if (!by_cluster.count(c)) ++missing, example = example.empty() ? c : example;
    }
    for (const auto& [c, f] : by_cluster) extra += !models.count(c);
    if (missing && !a.missing_empty) {
      return Status::InvalidInput(a.peers + ": system " + system + " has no summary for " +
                                  std::to_string(missing) + " of " + std::to_string(models.size()) +
                                  " clusters (e.g. " + example +
                                  "); pass --missing-empty to score those as 0");
    }
    if (extra) {
      warnings.push_back("precis: warning: " + system + ": " + std::to_string(extra) +
                         " summaries have no references, ignored");
    }
  }
  std::vector<Evaluation> out;
  for (const auto& [cluster, files] : models) {
    Evaluation ev;
    ev.id = cluster;
    for (const fs::path& f : files) {
      Result<std::string> bytes = rouge::ReadInputFile(f.string(), "reference", /*nul_ok=*/true);
      if (!bytes.ok()) return bytes.status();
      ev.models.push_back(rouge::PlainTextDocument(*bytes));
      if (ev.models.back().sentences.empty()) {
        return Status::InvalidInput(f.string() + ": empty reference summary");
      }
      ev.model_names.push_back(f.string());
    }
    for (const auto& [system, by_cluster] : peers) {
      const auto it = by_cluster.find(cluster);
      if (it == by_cluster.end()) {
        ev.peers.emplace_back(system, Document{});
        continue;
      }
      Result<std::string> bytes = rouge::ReadInputFile(it->second.string(), "summary", /*nul_ok=*/true);
      if (!bytes.ok()) return bytes.status();
      ev.peers.emplace_back(system, rouge::PlainTextDocument(*bytes));
    }
    out.push_back(std::move(ev));
  }
  return out;
}

// ---- JSON Lines mode -------------------------------------------------------

Result<Document> JsonText(const nlohmann::json& j, const std::string& where) {
  if (j.is_string()) return rouge::PlainTextDocument(j.get<std::string>());
  if (j.is_array()) {
    std::string joined;
    for (const auto& s : j) {
      if (!s.is_string()) return Status::InvalidInput(where + ": sentences must be strings");
      joined += s.get<std::string>();
      joined += '\n';
    }
    return rouge::PlainTextDocument(joined);
  }
  return Status::InvalidInput(where + ": must be a string or an array of strings");
}

Result<std::vector<Evaluation>> LoadJsonl(const Args& a) {
  std::string bytes;
  if (a.input == "-") {
    std::ostringstream buf;
    buf << std::cin.rdbuf();
    bytes = buf.str();
  } else {
    // A NUL is refused below, line by line, for stdin too.
    Result<std::string> r = rouge::ReadInputFile(a.input, "input", /*nul_ok=*/true);
    if (!r.ok()) return r.status();
    bytes = std::move(r).value();
  }
  const std::string name = a.input == "-" ? "<stdin>" : a.input;
  const std::string system = a.system.empty() ? "precis" : a.system;
  std::vector<Evaluation> out;
  std::set<std::string> seen;
  size_t line_no = 0;
  std::istringstream in(bytes);
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = name + ":" + std::to_string(line_no);
    // The parser would stop at a NUL and read the line as what precedes it.
    if (const size_t nul = line.find('\0'); nul != std::string::npos) {
      return Status::InvalidInput(where + ": NUL byte at byte " + std::to_string(nul) +
                                  " of the line (binary data, not JSON Lines?)");
    }
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {  // its account says what and where
      // (a parse error, or a number such as 1e999 that no double holds)
      return Status::InvalidInput(where + ": malformed JSON: " + e.what());
    }
    if (!j.is_object()) return Status::InvalidInput(where + ": not a JSON object");
    Evaluation ev;
    if (j.contains("id")) {
      ev.id = j["id"].is_string() ? j["id"].get<std::string>() : j["id"].dump();
    } else {
      ev.id = std::to_string(line_no);
    }
    if (!seen.insert(ev.id).second) return Status::InvalidInput(where + ": duplicate id " + ev.id);
    if (!j.contains("summary")) return Status::InvalidInput(where + ": no \"summary\"");
    Result<Document> peer = JsonText(j["summary"], where + ": summary");
    if (!peer.ok()) return peer.status();
    if (!j.contains("refs") || !j["refs"].is_array() || j["refs"].empty()) {
      return Status::InvalidInput(where + ": \"refs\" must be a non-empty array");
    }
    for (size_t k = 0; k < j["refs"].size(); ++k) {
      const std::string rw = where + ": refs[" + std::to_string(k) + "]";
      Result<Document> ref = JsonText(j["refs"][k], rw);
      if (!ref.ok()) return ref.status();
      if (ref->sentences.empty()) return Status::InvalidInput(rw + ": empty reference");
      ev.models.push_back(std::move(ref).value());
      ev.model_names.push_back(rw);
    }
    ev.peers.emplace_back(system, std::move(peer).value());
    out.push_back(std::move(ev));
  }
  if (out.empty()) return Status::InvalidInput(name + ": no evaluations");
  return out;
}

// ---- -z: a list of "peer model1 model2 ..." lines ----------------------------

Result<std::vector<Evaluation>> LoadFileList(const Args& a, const std::string& system) {
  rouge::InputFormat format;
  std::string name = a.list_format;  // any case, as the script reads it
  for (char& c : name) c = char(std::toupper((unsigned char)c));
  if (name == "SPL") format = rouge::InputFormat::kSpl;
  else if (name == "SEE") format = rouge::InputFormat::kSee;
  else if (name == "ISI") format = rouge::InputFormat::kIsi;
  else return Status::InvalidArgument("-z: input format must be SPL, SEE or ISI");
  Result<std::string> list = rouge::ReadInputFile(a.positional[0], "file list");
  if (!list.ok()) return list.status();
  std::vector<Evaluation> out;
  std::istringstream in(*list);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::vector<std::string> files;
    for (std::string w; words >> w;) files.push_back(w);
    if (files.empty() || line[0] == '#') continue;
    if (files.size() < 2) {
      return Status::InvalidInput(a.positional[0] + ": a line needs a peer and at least one model");
    }
    Evaluation ev;
    ev.id = std::to_string(out.size() + 1);
    for (size_t k = 0; k < files.size(); ++k) {
      Result<std::string> bytes = rouge::ReadInputFile(files[k], k == 0 ? "peer summary" : "model summary",
                                                     /*nul_ok=*/true);
      if (!bytes.ok()) return bytes.status();
      Document doc = rouge::ParseDocument(*bytes, format);
      if (k == 0) {
        ev.peers.emplace_back(system, std::move(doc));
      } else {
        ev.models.push_back(std::move(doc));
        ev.model_names.push_back(files[k]);
      }
    }
    out.push_back(std::move(ev));
  }
  return out;
}

// ---- output ------------------------------------------------------------------

std::string EvalIdOf(const std::string& test_id, const std::string& peer) {
  const std::string suffix = "." + peer;
  if (test_id.size() > suffix.size() &&
      test_id.compare(test_id.size() - suffix.size(), suffix.size(), suffix) == 0) {
    return test_id.substr(0, test_id.size() - suffix.size());
  }
  return test_id;
}

std::string Num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.5f", v);
  return buf;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string Format(const rouge::Report& report, const Args& a) {
  const bool counts = a.options.counting == rouge::Counting::kRawCounts;
  if (a.format == "json") {
    nlohmann::ordered_json j;
    j["systems"] = nlohmann::ordered_json::object();
    for (const auto& peer : report.peers) {
      nlohmann::ordered_json sys = nlohmann::ordered_json::object();
      for (const auto& m : peer.metrics) {
        nlohmann::ordered_json mj;
        if (counts) {
          mj["model_count"] = m.model_count;
          mj["peer_count"] = m.peer_count;
          mj["hit"] = m.hit;
        } else {
          for (const auto& [k, iv] : {std::pair{"R", &m.recall}, {"P", &m.precision}, {"F", &m.f}}) {
            mj[k] = {{"mean", std::stod(Num(iv->mean))},
                     {"low", std::stod(Num(iv->low))},
                     {"high", std::stod(Num(iv->high))}};
          }
        }
        if (a.per_eval) {
          mj["evals"] = nlohmann::ordered_json::array();
          for (const auto& row : m.rows) {
            mj["evals"].push_back({{"id", EvalIdOf(row.test_id, peer.peer_id)},
                                   {counts ? "model_count" : "R", row.r},
                                   {counts ? "peer_count" : "P", row.p},
                                   {counts ? "hit" : "F", row.f}});
          }
        }
        sys[m.name] = std::move(mj);
      }
      j["systems"][peer.peer_id] = std::move(sys);
    }
    return j.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
  }
  if (a.format == "csv") {
    std::string out;
    if (a.per_eval) {
      out = counts ? "system,metric,eval,model_count,peer_count,hit\n" : "system,metric,eval,R,P,F\n";
      for (const auto& peer : report.peers) {
        for (const auto& m : peer.metrics) {
          for (const auto& row : m.rows) {
            char buf[128];
            std::snprintf(buf, sizeof buf, counts ? ",%.15g,%.15g,%.15g\n" : ",%.5f,%.5f,%.5f\n",
                          row.r, row.p, row.f);
            out += CsvField(peer.peer_id) + "," + m.name + "," +
                   CsvField(EvalIdOf(row.test_id, peer.peer_id)) + buf;
          }
        }
      }
      return out;
    }
    out = counts ? "system,metric,model_count,peer_count,hit\n"
                 : "system,metric,R,R_low,R_high,P,P_low,P_high,F,F_low,F_high\n";
    for (const auto& peer : report.peers) {
      for (const auto& m : peer.metrics) {
        out += CsvField(peer.peer_id) + "," + m.name;
        if (counts) {
          char buf[128];
          std::snprintf(buf, sizeof buf, ",%.0f,%.0f,%.0f\n", m.model_count, m.peer_count, m.hit);
          out += buf;
        } else {
          for (const rouge::Interval* iv : {&m.recall, &m.precision, &m.f}) {
            out += "," + Num(iv->mean) + "," + Num(iv->low) + "," + Num(iv->high);
          }
          out += "\n";
        }
      }
    }
    return out;
  }
  return rouge::FormatScriptOutput(report, a.options, a.per_eval);
}

void DrawProgress(size_t done, size_t total) {
  constexpr int kWidth = 40;
  const int filled = total ? int(kWidth * done / total) : kWidth;
  std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(filled, '=').c_str(),
               std::string(kWidth - filled, ' ').c_str(), done, total);
  if (done == total) std::fputc('\n', stderr);
  std::fflush(stderr);
}

int RunEval(const std::vector<std::string>& argv) {
  Args a;
  if (Status s = ParseArgs(argv, a); !s.ok()) return ReportError(s);
  if (a.help) {
    WriteStdout(kHelp);
    return kExitOk;
  }
  const bool folders = !a.peers.empty() || !a.models.empty();
  const bool jsonl = !a.input.empty();
  if (folders && (a.peers.empty() || a.models.empty())) {
    return ReportError(Usage("--peers and --models go together"));
  }
  if (int(folders) + int(jsonl) + int(!a.positional.empty()) != 1) {
    return ReportError(Usage(a.positional.empty() && !folders && !jsonl
                                 ? "give CONFIG.xml, --peers/--models or --input"
                                 : "give one of CONFIG.xml, --peers/--models, --input"));
  }
  if (a.format != "text" && !folders && !jsonl) {
    return ReportError(Usage("--format is for --peers/--models and --input; CONFIG.xml prints the script's lines"));
  }

  std::vector<std::string> warnings;
  Result<std::vector<Evaluation>> evals = Status::Internal("unset");
  rouge::EvaluateOptions eo;
  eo.threads = a.threads > 0 ? a.threads : 1;
  if (folders || jsonl) {
    evals = folders ? LoadFolders(a, warnings) : LoadJsonl(a);
    if (a.threads == 0) eo.threads = int(std::max(1u, std::thread::hardware_concurrency()));
    if (isatty(STDERR_FILENO)) eo.progress = DrawProgress;
  } else {
    if (a.positional.size() > 2) return ReportError(Usage("too many arguments"));
    if (!a.list_format.empty()) {
      const std::string system = a.positional.size() == 2 ? a.positional[1] : "X";
      evals = LoadFileList(a, system);
      eo.peer_id = system;
    } else {
      if (!a.all && a.positional.size() < 2) {
        return ReportError(Usage("give a SYSTEM_ID to evaluate, or -a to evaluate all systems"));
      }
      if (!a.all) eo.peer_id = a.positional[1];
      evals = rouge::ReadConfigFile(a.positional[0], eo.peer_id, &warnings);
    }
  }
  if (!evals.ok()) return ReportError(evals.status());
  Result<rouge::Report> report = rouge::Evaluate(*evals, a.options, eo);
  if (!report.ok()) return ReportError(report.status());
  for (const std::string& w : warnings) std::fprintf(stderr, "%s\n", w.c_str());
  for (const std::string& w : report->warnings) std::fprintf(stderr, "%s\n", w.c_str());
  WriteStdout(Format(*report, a));
  return kExitOk;
}

}  // namespace

void AddEvalCommand(CLI::App& root, int& exit_code) {
  CLI::App* sub = root.add_subcommand(
      "eval",
      "ROUGE as ROUGE-1.5.5.pl computes it: its flags and XML config, or\n"
      "--peers/--models folders, or --input JSON Lines (precis eval --help)");
  // The script's flags are parsed by RunEval, not CLI11.
  sub->set_help_flag();
  sub->prefix_command();
  sub->allow_extras();
  sub->callback([sub, &exit_code] { exit_code = RunEval(sub->remaining()); });
}

}  // namespace precis::cli
