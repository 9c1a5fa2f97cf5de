// Differential test: precis eval against ROUGE-1.5.5.pl on random peer and
// model sets, under the flag sets papers use and a few that reach the other
// code paths. Every line must be equal (averages and intervals alike).
// Each case prints its seed and size; rerun one by setting them in kCases.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "eval/lexicon.h"
#include "eval/porter.h"
#include "perl_rouge.h"

namespace precis::testing {
namespace {

namespace fs = std::filesystem;

// Words that reach the stemmer's rules and the exception list, stopwords,
// numbers, hyphens, punctuation, case, non-ASCII bytes.
const char* const kWords[] = {
    "the", "a", "of", "and", "to", "in", "is", "was", "were", "has", "been", "it",
    "running", "runs", "ran", "agreement", "agreed", "agreeing", "happiness", "happily",
    "studies", "studying", "studied", "better", "best", "geese", "children", "mice",
    "relational", "conditional", "rational", "valenci", "digitizer", "conformabli",
    "radicalli", "differentli", "vileli", "analogousli", "vietnamization", "predication",
    "operator", "feudalism", "decisiveness", "hopefulness", "callousness", "formaliti",
    "sensitiviti", "sensibiliti", "triplicate", "formative", "formalize", "electriciti",
    "electrical", "hopeful", "goodness", "revival", "allowance", "inference", "airliner",
    "gyroscopic", "adjustable", "defensible", "irritant", "replacement", "adjustment",
    "dependent", "adoption", "homologou", "communism", "activate", "angulariti",
    "homologous", "effective", "bowdlerize", "probate", "rate", "cease", "controll",
    "roll", "yelling", "yield", "syzygy", "sky", "skies", "dying", "lying", "caresses",
    "ponies", "ties", "cats", "feed", "bled", "motoring", "sing", "conflated", "troubled",
    "sized", "hopping", "tanned", "falling", "hissing", "fizzed", "failing", "filing",
    "happy", "police", "officials", "said", "on", "Tuesday", "government", "Minister",
    "U.S.", "PRESIDENT", "Clinton's", "state-of-the-art", "well-known", "-", "--", "1999",
    "3.5", "$40", "12,000", "%", "(AP)", "``quoted''", "\"hi\"", ",", ".", ";", "?", "!",
    "caf\xc3\xa9", "na\xc3\xafve", "\xe2\x80\x94", "e-mail", "x", "ab", "abc", "abcd",
    "news", "summary", "evaluation", "reference", "models", "peers", "bush", "texas",
    "meeting", "meetings", "announced", "announcement", "eyes", "axes", "was", "saw"};

struct Case {
  uint64_t seed;
  int evals;       // clusters
  int systems;     // peers per cluster
  int max_models;  // 1..max_models models per cluster
  int max_words;   // words per summary, up to
};

std::string RandomLine(std::mt19937_64& rng, int words) {
  std::string line;
  std::uniform_int_distribution<size_t> pick(0, std::size(kWords) - 1);
  std::uniform_int_distribution<int> coin(0, 99);
  if (coin(rng) < 8) line += coin(rng) < 50 ? " " : "\t";  // leading blank
  for (int w = 0; w < words; ++w) {
    std::string word = kWords[pick(rng)];
    const int c = coin(rng);
    if (c < 6) {
      for (char& ch : word) ch = char(std::toupper((unsigned char)ch));
    } else if (c < 14 && !word.empty()) {
      word[0] = char(std::toupper((unsigned char)word[0]));
    }
    if (w) line += coin(rng) < 4 ? "  " : " ";
    line += word;
  }
  if (coin(rng) < 5) line += " ";
  if (coin(rng) < 3) line += "\r";
  return line;
}

std::string RandomSummary(std::mt19937_64& rng, int max_words, bool allow_empty) {
  std::uniform_int_distribution<int> coin(0, 99);
  if (allow_empty && coin(rng) < 4) return "";
  const int total = coin(rng) < 20 ? coin(rng) % 4 + 1 : 1 + int(rng() % max_words);
  std::string out;
  for (int used = 0; used < total;) {
    const int n = std::min(total - used, 1 + int(rng() % 25));
    out += RandomLine(rng, n) + "\n";
    used += n;
    if (coin(rng) < 10) out += coin(rng) < 50 ? "\n" : "   \n";  // empty, blank lines
  }
  if (coin(rng) < 10 && !out.empty()) out.pop_back();  // no final newline
  return out;
}

// Writes a config of random SPL files under `dir`; returns its path.
std::string MakeSet(const fs::path& dir, const Case& c, bool allow_empty_models) {
  std::mt19937_64 rng(c.seed);
  const char* const kSystems[] = {"1", "11", "2", "A", "sys_b", "Z9"};
  std::string xml = "<ROUGE-EVAL version=\"1.0\">\n";
  for (int e = 0; e < c.evals; ++e) {
    // Mixed ids: the script sorts test ids as strings for the bootstrap and
    // by leading number for -d.
    std::string id = std::to_string(e * 7 % 13) + "x" + std::to_string(e);
    if (e % 3 != 0) id = std::string("D") += std::to_string(30000 + e * 37 % 101);
    xml += "<EVAL ID=\"" + id + "\">\n<PEER-ROOT>\n" + (dir / "peers").string() +
           "\n</PEER-ROOT>\n<MODEL-ROOT>" + (dir / "models").string() +
           "</MODEL-ROOT>\n<INPUT-FORMAT TYPE=\"SPL\"></INPUT-FORMAT>\n<PEERS>\n";
    for (int s = 0; s < c.systems; ++s) {
      if (c.evals > 2 && rng() % 17 == 0) continue;  // a system missing here
      const std::string f = id + "." + kSystems[s] + ".spl";
      WriteFile(dir / "peers" / f, RandomSummary(rng, c.max_words, true));
      xml += "<P ID=\"" + std::string(kSystems[s]) + "\">" + f + "</P>\n";
    }
    xml += "</PEERS>\n<MODELS>\n";
    const int models = 1 + int(rng() % c.max_models);
    for (int m = 0; m < models; ++m) {
      const std::string f = id + ".M" + std::to_string(m) + ".spl";
      WriteFile(dir / "models" / f, RandomSummary(rng, c.max_words, allow_empty_models));
      xml += "<M ID=\"" + std::string(1, char('A' + m)) + "\">" + f + "</M>\n";
    }
    xml += "</MODELS>\n</EVAL>\n";
  }
  xml += "</ROUGE-EVAL>\n";
  WriteFile(dir / "config.xml", xml);
  return (dir / "config.xml").string();
}

struct FlagSet {
  const char* name;
  const char* flags;
  bool allow_empty_models;  // ROUGE-W stops on an empty model, in both
};

const FlagSet kFlagSets[] = {
    {"duc2004_n4", "-n 4 -m -a -l 100 -x -c 95 -r 1000 -f A -p 0.5 -t 0", true},
    {"su4_l250", "-n 2 -2 4 -u -m -a -l 250 -c 95 -r 1000 -f A -p 0.5 -t 0", true},
    {"stop_b665_best_t1", "-n 2 -m -s -a -b 665 -f B -t 1", true},
    {"plain", "-n 2 -a", true},
    {"w_sstar_U_d_best", "-n 3 -w 1.2 -2 -1 -U -d -f B -p 0.3 -r 200 -a", false},
    {"t1_s2_l30", "-n 2 -t 1 -2 2 -m -l 30 -d -a", true},
    {"t2_b80_stop", "-n 1 -t 2 -d -s -b 80 -a -2 0 -U", true},
    {"c90_l12_best_w", "-n 2 -c 90 -r 300 -l 12 -f B -w 1.5 -m -a", false},
};

const Case kCases[] = {
    {1, 6, 3, 4, 60}, {2, 10, 2, 3, 140}, {3, 3, 4, 1, 8},
    {4, 8, 3, 4, 300}, {5, 1, 1, 2, 30}, {6, 12, 2, 4, 90},
    {7, 20, 2, 2, 40}, {8, 5, 5, 4, 200}, {9, 2, 2, 3, 3},
    {10, 15, 3, 1, 120}, {11, 9, 4, 4, 15}, {12, 4, 1, 4, 400},
};

void PrintTo(const FlagSet& f, std::ostream* os) { *os << f.flags; }

class RougeVsPerl : public ::testing::TestWithParam<FlagSet> {};

TEST_P(RougeVsPerl, RandomSets) {
  if (const std::string why = PerlRougeMissing(); !why.empty()) GTEST_SKIP() << why;
  const FlagSet& fs_ = GetParam();
  for (const Case& c : kCases) {
    char tmpl[] = "/tmp/precis-rouge-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    const fs::path dir = tmpl;
    const std::string config = MakeSet(dir, c, fs_.allow_empty_models);
    const RunResult perl = RunPerlRouge(fs_.flags, config);
    const RunResult ours = RunPrecisEval(fs_.flags, config);
    if (perl.status != 0) {
      // The script dies (ROUGE-W on a model without tokens): so must we,
      // with exit code 1.
      EXPECT_EQ(WEXITSTATUS(ours.status), 1) << "seed " << c.seed << " kept in " << dir;
      if (WEXITSTATUS(ours.status) == 1) fs::remove_all(dir);
      continue;
    }
    ASSERT_EQ(ours.status, 0) << "precis failed on seed " << c.seed << " kept in " << dir;
    int averages = 0, bad = 0;
    const std::string diff = CompareRougeOutputs(perl.out, ours.out, &averages, &bad);
    EXPECT_GT(averages + (perl.out.find("M_count") != std::string::npos), 0);
    EXPECT_EQ(bad, 0) << "Average lines differ; seed " << c.seed << " evals " << c.evals
                      << " systems " << c.systems << " kept in " << dir << "\n" << diff;
    EXPECT_EQ(diff, "") << "seed " << c.seed << " kept in " << dir;
    if (diff.empty()) fs::remove_all(dir);
  }
}

INSTANTIATE_TEST_SUITE_P(FlagSets, RougeVsPerl, ::testing::ValuesIn(kFlagSets),
                         [](const auto& info) { return std::string(info.param.name); });

// Folder mode against ../shared/tools/rouge155 (which runs the script), and
// JSON Lines against folder mode; plus the CLI's exit codes.
TEST(FolderAndJsonlModes, MatchWrapperAndEachOther) {
  if (const std::string why = PerlRougeMissing(); !why.empty()) GTEST_SKIP() << why;
  char tmpl[] = "/tmp/precis-rouge-dirs-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const fs::path dir = tmpl;
  std::mt19937_64 rng(77);
  nlohmann::json lines = nlohmann::json::array();
  std::string jsonl;
  for (int c = 0; c < 7; ++c) {
    const std::string cluster = "c" + std::to_string(c * 13 % 7) + "x" + std::to_string(c);
    nlohmann::json refs = nlohmann::json::array();
    for (int m = 0; m < 1 + c % 4; ++m) {
      std::string text = RandomSummary(rng, 80, false);
      if (text.find_first_not_of(" \t\r\n") == std::string::npos) text = "fallback words";
      WriteFile(dir / "models" / (cluster + ".M." + std::to_string(m) + ".txt"), text);
      refs.push_back(text);
    }
    const std::string a = RandomSummary(rng, 120, true), b = RandomSummary(rng, 40, true);
    WriteFile(dir / "peers" / "alpha" / (cluster + ".txt"), a);
    WriteFile(dir / "peers" / "beta" / (cluster + ".txt"), b);
    jsonl += nlohmann::json{{"id", cluster}, {"summary", a}, {"refs", refs}}.dump() + "\n";
  }
  WriteFile(dir / "in.jsonl", jsonl);
  const std::string flags = "-n 2 -2 4 -u -m -l 50 -c 95 -r 1000 -f A -p 0.5 -t 0 -d";
  const std::string dirs = " --peers " + (dir / "peers").string() + " --models " + (dir / "models").string();
  const RunResult wrapper = Capture(std::string(PRECIS_SHARED_DIR) + "/tools/rouge155 --raw --quiet " +
                                    (dir / "peers").string() + " " + (dir / "models").string() +
                                    " -- " + flags + " 2>/dev/null");
  const RunResult folders = Capture(std::string(PRECIS_BINARY) + " eval " + flags + dirs);
  ASSERT_EQ(wrapper.status, 0);
  ASSERT_EQ(folders.status, 0);
  int averages = 0, bad = 0;
  EXPECT_EQ(CompareRougeOutputs(wrapper.out, folders.out, &averages, &bad), "");
  EXPECT_GT(averages, 0);
  const RunResult json = Capture(std::string(PRECIS_BINARY) + " eval " + flags + " --threads 2 --system alpha --input " +
                                 (dir / "in.jsonl").string());
  ASSERT_EQ(json.status, 0);
  EXPECT_EQ(json.out, folders.out.substr(0, json.out.size()));  // alpha sorts first
  // Exit codes: bad input 1 (naming the file), usage 2.
  WriteFile(dir / "empty.jsonl", "{\"id\": \"z\", \"summary\": \"a\", \"refs\": [\" \"]}\n");
  EXPECT_EQ(WEXITSTATUS(std::system((std::string(PRECIS_BINARY) + " eval -n 1 --input " +
                                     (dir / "empty.jsonl").string() + " 2>/dev/null").c_str())), 1);
  EXPECT_EQ(WEXITSTATUS(std::system((std::string(PRECIS_BINARY) + " eval -n 1 -a " +
                                     (dir / "none.xml").string() + " 2>/dev/null").c_str())), 1);
  EXPECT_EQ(WEXITSTATUS(std::system((std::string(PRECIS_BINARY) + " eval -n 1 -Q x.xml 2>/dev/null").c_str())), 2);
  EXPECT_EQ(WEXITSTATUS(std::system((std::string(PRECIS_BINARY) + " eval --help >/dev/null").c_str())), 0);
  fs::remove_all(dir);
}

// Configs at the edges of XML that review found read otherwise than the
// script reads them: CDATA, a processing instruction splitting a file name,
// line breaks in an attribute, a non-breaking space after a name, a peer
// without a file; a NUL byte inside a summary; -z's format in lower case;
// and a weight whose inverse overflows (Inf, NaN).
TEST(EdgeConfigs, ReadAsTheScriptReadsThem) {
  if (const std::string why = PerlRougeMissing(); !why.empty()) GTEST_SKIP() << why;
  char tmpl[] = "/tmp/precis-rouge-edge-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const fs::path dir = tmpl;
  WriteFile(dir / "p" / "a&b", "the cat sat\nand then it ran away\n");
  WriteFile(dir / "p" / "b", "the cat sat on the mat\n");
  WriteFile(dir / "p" / "nul", std::string("the cat\0sat on the mat\n", 23));
  WriteFile(dir / "m" / "m1", "the cat sat on the mat today\n");
  WriteFile(dir / "m" / "m2", "a dog ran away from the cat\n");
  const std::string head = "<ROUGE-EVAL version=\"1.0\">\n<EVAL ID=\"e\t1\r\nx\">";
  const std::string roots = "<MODEL-ROOT>" + (dir / "m").string() +
                            "</MODEL-ROOT><INPUT-FORMAT TYPE=\"spl\"/>";
  const std::string models = "<MODELS><M ID=\"1\">m1</M><M ID=\"2\">m2</M></MODELS></EVAL>\n";
  const std::string configs[] = {
      head + "<PEER-ROOT><![CDATA[" + (dir / "p").string() + "]]></PEER-ROOT>" + roots +
          "<PEERS><P ID=\"S\"><![CDATA[a&b]]></P><P ID=\"T\"></P></PEERS>" + models +
          "</ROUGE-EVAL>\n",
      head + "<PEER-ROOT>" + (dir / "p").string() + "</PEER-ROOT>" + roots +
          "<PEERS><P ID=\"S\">a<?pi x?>b\xc2\xa0</P><P ID=\"N\">nul</P></PEERS>" + models +
          "</ROUGE-EVAL>\n",
  };
  int case_no = 0;
  for (const std::string& config : configs) {
    const fs::path path = dir / ("c" + std::to_string(case_no++) + ".xml");
    WriteFile(path, config);
    for (const std::string flags : {"-n 2 -a -d -x", "-n 2 -w 1.2 -a", "-n 0 -x -w 1e-300 -a"}) {
      const RunResult perl = RunPerlRouge(flags, path.string());
      const RunResult precis = RunPrecisEval(flags, path.string());
      EXPECT_EQ(precis.status, perl.status) << flags << " " << path;
      int averages = 0, bad = 0;
      EXPECT_EQ(CompareRougeOutputs(perl.out, precis.out, &averages, &bad), "")
          << flags << " " << path;
      EXPECT_GT(averages, 0) << flags << " " << path;
    }
  }
  WriteFile(dir / "list.txt", (dir / "p" / "b").string() + " " + (dir / "m" / "m1").string() +
                                  " " + (dir / "m" / "m2").string() + "\n");
  const RunResult perl = RunPerlRouge("-n 1 -z spl", (dir / "list.txt").string());
  const RunResult precis = RunPrecisEval("-n 1 -z spl", (dir / "list.txt").string());
  int averages = 0, bad = 0;
  EXPECT_EQ(CompareRougeOutputs(perl.out, precis.out, &averages, &bad), "");
  EXPECT_GT(averages, 0);
  fs::remove_all(dir);
}

// Every string over a small alphabet up to length 6, and roots times every
// suffix the rules know: the stemmer must agree with the script's own
// subroutine, which the test lifts out of the script at run time.
TEST(PorterVsPerl, ExhaustiveSmallWorld) {
  if (const std::string why = PerlRougeMissing(); !why.empty()) GTEST_SKIP() << why;
  std::vector<std::string> words;
  const std::string alphabet = "aeyistlcn";
  std::vector<std::string> level = {""};
  for (int len = 1; len <= 6; ++len) {
    std::vector<std::string> next;
    for (const std::string& w : level) {
      for (char c : alphabet) next.push_back(w + c);
    }
    words.insert(words.end(), next.begin(), next.end());
    level.swap(next);
  }
  const char* const roots[] = {"gener", "rel", "cond", "hop", "agre", "feud", "sensit", "y",
                               "bl", "tr", "oper", "yy", "sky", "cease", "controll", "abcde"};
  const char* const suffixes[] = {
      "ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli",
      "ization", "ation", "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti",
      "biliti", "logi", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "al", "ance",
      "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ou", "ism", "ate",
      "iti", "ous", "ive", "ize", "sion", "tion", "e", "ll", "sses", "ies", "s", "eed", "ed",
      "ing", "y", "ements", "ingly", "edly"};
  for (const char* r : roots) {
    for (const char* a : suffixes) {
      words.push_back(std::string(r) + a);
      for (const char* b : suffixes) words.push_back(std::string(r) + a + b);
    }
  }
  char tmpl[] = "/tmp/precis-porter-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const fs::path dir = tmpl;
  std::string list;
  for (const std::string& w : words) list += w + "\n";
  WriteFile(dir / "words.txt", list);
  const RunResult perl = Capture(
      "perl -e 'open(F, $ARGV[0]) or die; local $/; my $src = <F>; close F; "
      "my ($code) = $src =~ /(local %step2list;.*)\\z/s or die \"no stemmer\"; "
      "eval $code; die $@ if $@; initialise(); open(W, $ARGV[1]) or die; $/ = \"\\n\"; "
      "while (<W>) { chomp; print stem($_), \"\\n\" }' " +
      kRougeHome + "/ROUGE-1.5.5.pl " + (dir / "words.txt").string());
  ASSERT_EQ(perl.status, 0);
  const auto stems = Lines(perl.out);
  ASSERT_EQ(stems.size(), words.size());
  int bad = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (rouge::PorterStem(words[i]) != stems[i] && bad++ < 10) {
      ADD_FAILURE() << words[i] << ": perl " << stems[i] << ", precis " << rouge::PorterStem(words[i]);
    }
  }
  EXPECT_EQ(bad, 0) << "of " << words.size() << " words";
  fs::remove_all(dir);
}

// The shipped word lists are what the script loads: its stopword file and
// every key and value of its WordNet-2.0.exc.db (read with DB_File).
TEST(WordListsVsPerl, SameAsTheScriptLoads) {
  if (const std::string why = PerlRougeMissing(); !why.empty()) GTEST_SKIP() << why;
  auto lex = rouge::GetLexicon();
  ASSERT_TRUE(lex.ok());
  const RunResult db = Capture(
      "perl -MDB_File -e 'tie %h, \"DB_File\", $ARGV[0], O_RDONLY, 0440, $DB_HASH or die; "
      "print \"$_\\t$h{$_}\\n\" for sort keys %h' " + kRougeHome + "/data/WordNet-2.0.exc.db");
  ASSERT_EQ(db.status, 0);
  const auto lines = Lines(db.out);
  EXPECT_EQ(lines.size(), (*lex)->exceptions.size());
  for (const std::string& l : lines) {
    const size_t tab = l.find('\t');
    const auto it = (*lex)->exceptions.find(l.substr(0, tab));
    ASSERT_NE(it, (*lex)->exceptions.end()) << l;
    EXPECT_EQ(it->second, l.substr(tab + 1));
  }
  std::ifstream in(kRougeHome + "/data/smart_common_words.txt");
  std::set<std::string> words;  // the file repeats a few
  for (std::string w; std::getline(in, w);) {
    words.insert(w);
    EXPECT_TRUE((*lex)->stopwords.count(w)) << w;
  }
  EXPECT_EQ(words.size(), (*lex)->stopwords.size());
}

}  // namespace
}  // namespace precis::testing
