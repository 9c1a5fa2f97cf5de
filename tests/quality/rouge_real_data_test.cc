// precis eval against ROUGE-1.5.5.pl on the real evaluation sets in
// ../shared/data, with each set's standard settings: references scored
// against the other references of their cluster (several models), and a
// lead baseline built from clusters.jsonl. Every line must be equal.
// Skips when the data or the script is absent.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "../e2e/perl_rouge.h"

namespace precis::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream b;
  b << in.rdbuf();
  return b.str();
}

// One sentence per line, stripped, blank lines dropped (as rouge155 does).
std::string Spl(const std::string& text, size_t max_words) {
  std::string out, line;
  size_t words = 0;
  std::istringstream in(text);
  while (std::getline(in, line) && words < max_words) {
    const size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos) continue;
    line = line.substr(b, line.find_last_not_of(" \t\r") - b + 1);
    out += line + "\n";
    std::istringstream w(line);
    for (std::string t; w >> t;) ++words;
  }
  return out;
}

struct Set {
  std::string name;
  std::string flags;
  bool refs_as_peers;  // needs >= 2 refs per cluster
};

// Writes the config for `set` under `dir`; returns the number of evals.
int MakeConfig(const Set& set, const fs::path& dir) {
  const fs::path data = fs::path(PRECIS_SHARED_DIR) / "data" / set.name;
  std::map<std::string, std::vector<fs::path>> refs;
  for (const auto& e : fs::directory_iterator(data / "refs")) {
    const std::string f = e.path().filename().string();
    refs[f.substr(0, f.find('.'))].push_back(e.path());
  }
  for (auto& [c, v] : refs) std::sort(v.begin(), v.end());
  std::map<std::string, std::string> lead;
  std::ifstream jl(data / "clusters.jsonl");
  for (std::string line; std::getline(jl, line);) {
    const auto j = nlohmann::json::parse(line);
    lead[j["id"].get<std::string>()] = Spl(j["docs"][0]["text"].get<std::string>(), 300);
  }
  std::string xml = "<ROUGE-EVAL version=\"1.0\">\n";
  int evals = 0;
  auto eval = [&](const std::string& id, const std::vector<std::pair<std::string, std::string>>& peers,
                  const std::vector<fs::path>& models) {
    xml += "<EVAL ID=\"" + id + "\">\n<PEER-ROOT>" + (dir / "p").string() + "</PEER-ROOT>\n<MODEL-ROOT>" +
           (dir / "m").string() + "</MODEL-ROOT>\n<INPUT-FORMAT TYPE=\"SPL\"></INPUT-FORMAT>\n<PEERS>\n";
    for (const auto& [sys, text] : peers) {
      WriteFile(dir / "p" / (id + "." + sys), text);
      xml += "<P ID=\"" + sys + "\">" + id + "." + sys + "</P>\n";
    }
    xml += "</PEERS>\n<MODELS>\n";
    for (const fs::path& m : models) {
      const std::string f = m.filename().string();
      if (!fs::exists(dir / "m" / f)) WriteFile(dir / "m" / f, Spl(ReadText(m), 1u << 30));
      xml += "<M ID=\"" + f + "\">" + f + "</M>\n";
    }
    xml += "</MODELS>\n</EVAL>\n";
    ++evals;
  };
  for (const auto& [cluster, files] : refs) {
    if (!lead.count(cluster)) continue;
    if (set.refs_as_peers && files.size() >= 2) {
      for (size_t k = 0; k < files.size(); ++k) {
        std::vector<fs::path> others = files;
        others.erase(others.begin() + long(k));
        eval(cluster + "." + std::to_string(k),
             {{"lead", lead[cluster]}, {"ref", Spl(ReadText(files[k]), 1u << 30)}}, others);
      }
    } else {
      eval(cluster, {{"lead", lead[cluster]}}, files);
    }
  }
  xml += "</ROUGE-EVAL>\n";
  WriteFile(dir / "config.xml", xml);
  return evals;
}

void PrintTo(const Set& s, std::ostream* os) { *os << s.name << " " << s.flags; }

class RougeRealData : public ::testing::TestWithParam<Set> {};

TEST_P(RougeRealData, SameLinesAsPerl) {
  if (const std::string why = PerlRougeMissing(); !why.empty()) GTEST_SKIP() << why;
  const Set& set = GetParam();
  if (!fs::exists(fs::path(PRECIS_SHARED_DIR) / "data" / set.name / "refs")) {
    GTEST_SKIP() << "no ../shared/data/" << set.name;
  }
  char tmpl[] = "/tmp/precis-rouge-real-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const fs::path dir = tmpl;
  const int evals = MakeConfig(set, dir);
  ASSERT_GT(evals, 0);
  const std::string config = (dir / "config.xml").string();
  const RunResult perl = RunPerlRouge(set.flags, config);
  const RunResult ours = RunPrecisEval(set.flags, config);
  ASSERT_EQ(perl.status, 0);
  ASSERT_EQ(ours.status, 0);
  int averages = 0, bad = 0;
  const std::string diff = CompareRougeOutputs(perl.out, ours.out, &averages, &bad);
  EXPECT_GT(averages, 0);
  EXPECT_EQ(bad, 0) << set.name << " " << evals << " evals; kept in " << dir << "\n" << diff;
  EXPECT_EQ(diff, "");
  if (diff.empty()) fs::remove_all(dir);
}

const Set kSets[] = {
    {"duc2003-t3", "-n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0", true},
    {"duc2003-t3", "-n 2 -2 4 -u -m -a -l 250 -c 95 -r 1000 -f A -p 0.5 -t 0", true},
    {"duc2003-t3", "-n 2 -m -s -a -b 665 -f B -t 1", true},
    {"duc2003-t3", "-n 2 -a", true},
    {"multiling2011-en", "-n 2 -2 4 -u -m -a -x -l 250 -c 95 -r 1000 -f A -p 0.5 -t 0", true},
    {"multinews-val", "-n 2 -2 4 -u -m -a -x -l 264 -c 95 -r 1000 -f A -p 0.5 -t 0", false},
    {"bbc-news-300", "-n 2 -m -a -c 95 -r 1000 -f A -p 0.5 -t 0", false},
};

INSTANTIATE_TEST_SUITE_P(Sets, RougeRealData, ::testing::ValuesIn(kSets), [](const auto& info) {
  std::string n = info.param.name + "_" + std::to_string(info.index);
  for (char& c : n) c = std::isalnum((unsigned char)c) ? c : '_';
  return n;
});

}  // namespace
}  // namespace precis::testing
