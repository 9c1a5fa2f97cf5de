// Test helper: run ROUGE-1.5.5.pl (from ../shared/tools, never copied into
// the project) and `precis eval` on the same config and compare their lines.
#ifndef PRECIS_TESTS_E2E_PERL_ROUGE_H_
#define PRECIS_TESTS_E2E_PERL_ROUGE_H_

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace precis::testing {

inline const std::string kRougeHome = PRECIS_SHARED_DIR "/tools/rouge-1.5.5";

// Empty when the script and its Perl modules are usable, else why not.
inline std::string PerlRougeMissing() {
  if (!std::filesystem::exists(kRougeHome + "/ROUGE-1.5.5.pl")) {
    return "ROUGE-1.5.5.pl not found under " + kRougeHome;
  }
  if (std::system("perl -MXML::DOM -MDB_File -e 1 >/dev/null 2>&1") != 0) {
    return "perl with XML::DOM and DB_File not available (apt-get install libxml-dom-perl)";
  }
  return "";
}

struct RunResult {
  int status = -1;
  std::string out;
};

inline RunResult Capture(const std::string& cmd) {
  RunResult r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) r.out.append(buf, n);
  r.status = pclose(p);
  return r;
}

inline RunResult RunPerlRouge(const std::string& flags, const std::string& config) {
  return Capture("perl " + kRougeHome + "/ROUGE-1.5.5.pl -e " + kRougeHome + "/data " + flags +
                 " " + config + " 2>/dev/null");
}

inline RunResult RunPrecisEval(const std::string& flags, const std::string& config) {
  return Capture(std::string(PRECIS_BINARY) + " eval " + flags + " " + config + " 2>/dev/null");
}

inline std::vector<std::string> Lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

// Compares the two outputs. Returns "" when every line is equal, else a
// description of the first differences. `averages` counts the Average_R/P/F
// lines seen and `average_mismatches` those that differ.
inline std::string CompareRougeOutputs(const std::string& perl, const std::string& precis,
                                       int* averages, int* average_mismatches) {
  const auto a = Lines(perl), b = Lines(precis);
  std::string diff;
  int shown = 0;
  *averages = 0;
  *average_mismatches = 0;
  for (size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    const std::string x = i < a.size() ? a[i] : "<none>";
    const std::string y = i < b.size() ? b[i] : "<none>";
    const bool avg = x.find(" Average_") != std::string::npos;
    *averages += avg;
    if (x != y) {
      *average_mismatches += avg || y.find(" Average_") != std::string::npos;
      if (shown++ < 6) diff += "  perl:   " + x + "\n  precis: " + y + "\n";
    }
  }
  if (a.size() != b.size()) {
    diff += "  line counts: perl " + std::to_string(a.size()) + ", precis " +
            std::to_string(b.size()) + "\n";
  }
  return diff;
}

inline void WriteFile(const std::filesystem::path& p, const std::string& bytes) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace precis::testing

#endif  // PRECIS_TESTS_E2E_PERL_ROUGE_H_
