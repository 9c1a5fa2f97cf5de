// precis summarize --input jsonl as a batch runner: input order and identical
// bytes at any thread count, one output line per input line, --output,
// --resume after a run cut short, and many lines streamed through.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <cstdio>
#include <set>
#include <sys/stat.h>

#include "e2e/run_cli.h"

namespace precis::testing {
namespace {

const std::string kExample = PRECIS_SOURCE_DIR "/examples/ferry/";

// "c<i>", the id of cluster i.
std::string Id(int i) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "c%d", i);
  return buf;
}

// `n` clusters that differ from each other (a varying subset of the example
// articles plus a numbered sentence), so output order is visible; every
// `bad_every`-th line (when > 0) is broken in one of several ways.
std::string MakeInput(int n, int bad_every = 0) {
  const std::vector<std::string> texts = {ReadAll(kExample + "coastal-post.txt"),
                                          ReadAll(kExample + "island-radio.txt"),
                                          ReadAll(kExample + "national-wire.txt")};
  std::string out;
  for (int i = 0; i < n; ++i) {
    if (bad_every > 0 && i % bad_every == bad_every - 1) {
      switch (i / bad_every % 4) {
        case 0: out += "not json at all\n"; break;
        case 1: out += "{\"id\": \"" + Id(i) + "\", \"docs\": 5}\n"; break;
        case 2: out += "{\"id\": \"" + Id(i) + "\", \"docs\": [{\"text\": \" \"}]}\n"; break;
        default: out += "\n"; break;
      }
      continue;
    }
    nlohmann::json j;
    j["id"] = Id(i);
    j["docs"] = nlohmann::json::array();
    for (size_t d = 0; d < texts.size(); ++d) {
      if (((i + 1) >> d & 1) == 0 && d != static_cast<size_t>(i % 3)) continue;
      std::string text = texts[d];
      text.append("\nUpdate number ").append(std::to_string(i));
      text.append(" followed the ferry story.");
      j["docs"].push_back({{"id", std::string(1, char('0' + d))}, {"text", text}});
    }
    out += j.dump() + "\n";
  }
  return out;
}

TEST(Batch, SameBytesInInputOrderAtAnyThreadCount) {
  const std::string input = MakeInput(300, 37);
  const auto one = RunPrecis({"summarize", "--input", "jsonl", "--threads", "1"}, input);
  const auto two = RunPrecis({"summarize", "--input", "jsonl", "--threads", "2"}, input);
  const auto five = RunPrecis({"summarize", "--input", "jsonl", "--threads", "5"}, input);
  ASSERT_EQ(one.exit_code, 1) << "the input has bad lines: " << one.err;
  EXPECT_EQ(two.exit_code, 1);
  EXPECT_EQ(five.exit_code, 1);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, five.out);
  const auto lines = Lines(one.out);
  ASSERT_EQ(lines.size(), 300u);
  std::set<std::string> distinct;
  for (int i = 0; i < 300; ++i) {
    const auto j = nlohmann::json::parse(lines[i]);
    if (i % 37 == 36) {
      EXPECT_TRUE(j.contains("error")) << lines[i];
      if (j["id"].is_string()) {
        EXPECT_EQ(j["id"], Id(i));
      }
      continue;
    }
    EXPECT_EQ(j.at("id"), Id(i));
    ASSERT_FALSE(j.at("sentences").empty()) << lines[i];
    distinct.insert(j["sentences"].dump());
  }
  EXPECT_GT(distinct.size(), 3u) << "the clusters should not all summarize alike";
}

TEST(Batch, BadLinesGiveOneErrorLineEachAndTheRunGoesOn) {
  const std::string input =
      "garbage\n"
      "{\"id\": 1, \"docs\": [{\"text\": \"Fine text here. Another sentence follows.\"}]}\n"
      "{\"id\": 2, \"docs\": [{\"text\": \"   \"}]}\n"
      "\n"
      "{\"id\": [1], \"text\": \"An id that is an array.\"}\n"
      "{\"id\": 3, \"text\": \"Last line without a newline. It still counts.\"}";
  for (const char* threads : {"1", "2"}) {
    const auto r = RunPrecis({"summarize", "--input", "jsonl", "--threads", threads}, input);
    EXPECT_EQ(r.exit_code, 1) << threads;
    const auto lines = Lines(r.out);
    ASSERT_EQ(lines.size(), 6u) << r.out;
    EXPECT_TRUE(nlohmann::json::parse(lines[0]).contains("error"));
    EXPECT_EQ(nlohmann::json::parse(lines[0])["error"]["message"].get<std::string>().rfind("line 1:", 0), 0u);
    EXPECT_FALSE(nlohmann::json::parse(lines[1]).contains("error")) << lines[1];
    EXPECT_TRUE(nlohmann::json::parse(lines[2]).contains("error"));
    EXPECT_EQ(nlohmann::json::parse(lines[2])["id"], 2);
    // The library's errors name the line too, as the parser's do.
    EXPECT_EQ(nlohmann::json::parse(lines[2])["error"]["message"].get<std::string>().rfind(
                  "line 3:", 0),
              0u)
        << lines[2];
    EXPECT_TRUE(nlohmann::json::parse(lines[3]).contains("error"));
    EXPECT_TRUE(nlohmann::json::parse(lines[4]).contains("error"));
    EXPECT_EQ(nlohmann::json::parse(lines[5])["id"], 3);
    EXPECT_FALSE(nlohmann::json::parse(lines[5]).contains("error"));
  }
  const auto good = RunPrecis({"summarize", "--input", "jsonl", "--threads", "2"},
                              input.substr(input.find('\n') + 1, input.find("{\"id\": 2") - input.find('\n') - 1));
  EXPECT_EQ(good.exit_code, 0) << good.err;
  EXPECT_EQ(Lines(good.out).size(), 1u);
  const auto empty = RunPrecis({"summarize", "--input", "jsonl", "--threads", "2"}, "");
  EXPECT_EQ(empty.exit_code, 0);
  EXPECT_EQ(empty.out, "");
}

TEST(Batch, OutputFileAndResume) {
  const std::string input = MakeInput(120, 29);
  const std::string in_path = TempDir() + "/resume-in.jsonl";
  WriteAll(in_path, input);
  const std::string full_path = TempDir() + "/resume-full.jsonl";
  const auto full = RunPrecis({"summarize", "--input", "jsonl", "--threads", "2",
                               "--output", full_path, in_path});
  EXPECT_EQ(full.exit_code, 1);
  EXPECT_EQ(full.out, "") << "--output leaves stdout empty";
  const std::string expected = ReadAll(full_path);
  ASSERT_EQ(Lines(expected).size(), 120u);

  // Cut short after some complete lines, and mid-line (a killed run).
  const size_t cut_line = expected.find('\n', expected.size() / 3) + 1;
  for (size_t cut : {size_t{0}, cut_line, cut_line + 3, cut_line + 17, expected.size() - 5,
                     expected.size()}) {
    const std::string out_path = TempDir() + "/resume-part.jsonl";
    WriteAll(out_path, expected.substr(0, cut));
    for (const char* threads : {"1", "2"}) {
      if (std::string(threads) == "2") WriteAll(out_path, expected.substr(0, cut));
      const auto r = RunPrecis({"summarize", "--input", "jsonl", "--resume", "--threads",
                                threads, "--output", out_path, in_path});
      EXPECT_EQ(ReadAll(out_path), expected) << "cut at byte " << cut << ", threads " << threads;
      EXPECT_EQ(r.out, "");
    }
  }
  // Resuming a finished run does nothing and succeeds.
  const auto again = RunPrecis({"summarize", "--input", "jsonl", "--resume", "--output",
                                full_path, in_path});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(ReadAll(full_path), expected);

  // A file that is not precis output is never appended to.
  const std::string foreign = TempDir() + "/foreign.txt";
  WriteAll(foreign, "hello\n");
  const auto refused = RunPrecis({"summarize", "--input", "jsonl", "--resume", "--output",
                                  foreign, in_path});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("not a precis result"), std::string::npos) << refused.err;
  EXPECT_EQ(ReadAll(foreign), "hello\n");
  // Nor cut: a file of one line without its newline (json.dump's) is not a
  // killed run's partial result.
  const std::string dumped = TempDir() + "/dumped.json";
  WriteAll(dumped, "{\"id\": \"x\", \"text\": \"A b.\"}");
  const auto dump_refused = RunPrecis({"summarize", "--input", "jsonl", "--resume",
                                       "--output", dumped, in_path});
  EXPECT_EQ(dump_refused.exit_code, 1);
  EXPECT_NE(dump_refused.err.find("not the start of a precis result"), std::string::npos)
      << dump_refused.err;
  EXPECT_EQ(ReadAll(dumped), "{\"id\": \"x\", \"text\": \"A b.\"}");
  // Nor is a copy of the input: its lines have ids but no results.
  const std::string copy = TempDir() + "/input-copy.jsonl";
  WriteAll(copy, input.substr(0, input.find('\n') + 1));
  const auto input_refused = RunPrecis({"summarize", "--input", "jsonl", "--resume",
                                        "--output", copy, in_path});
  EXPECT_EQ(input_refused.exit_code, 1);
  EXPECT_NE(input_refused.err.find("not a precis result"), std::string::npos)
      << input_refused.err;
  EXPECT_EQ(ReadAll(copy), input.substr(0, input.find('\n') + 1));
}

// Lines without ids all share the id null: a resumed run skips as many of
// them as the old output holds and summarizes the rest (in parallel since
// the skipping is decided before the workers), errors naming the input's
// own line numbers.
TEST(Batch, ResumeWithoutIdsDoesTheRest) {
  std::string input;
  for (const std::string& line : Lines(MakeInput(30, 7))) {
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object()) j.erase("id");
    input += (j.is_discarded() || !j.is_object() ? line : j.dump()) + "\n";
  }
  const std::string in_path = TempDir() + "/idless.jsonl";
  WriteAll(in_path, input);
  const std::string full_path = TempDir() + "/idless-full.jsonl";
  RunPrecis({"summarize", "--input", "jsonl", "--output", full_path, in_path});
  const std::string expected = ReadAll(full_path);
  ASSERT_EQ(Lines(expected).size(), 30u);
  EXPECT_NE(expected.find("\"line 28: "), std::string::npos) << "a bad line past the cut";
  const size_t cut = expected.find('\n', expected.size() / 2) + 1;
  for (const char* threads : {"1", "2"}) {
    const std::string out_path = TempDir() + "/idless-part.jsonl";
    WriteAll(out_path, expected.substr(0, cut));
    RunPrecis({"summarize", "--input", "jsonl", "--resume", "--threads", threads, "--output",
               out_path, in_path});
    EXPECT_EQ(ReadAll(out_path), expected) << threads;
  }
}

TEST(Batch, OutputThatIsTheInputIsRefusedAndTheInputKept) {
  const std::string input = MakeInput(3);
  const std::string in_path = TempDir() + "/same.jsonl";
  const std::string link = TempDir() + "/same-link.jsonl";
  WriteAll(in_path, input);
  std::system(("ln -sf " + ShellQuote(in_path) + " " + ShellQuote(link)).c_str());
  for (const std::string& out : {in_path, link}) {
    const auto r = RunPrecis({"summarize", "--input", "jsonl", "--output", out, in_path});
    EXPECT_EQ(r.exit_code, 2) << out;
    EXPECT_NE(r.err.find("is the input file"), std::string::npos) << r.err;
    EXPECT_EQ(ReadAll(in_path), input) << out;
  }
  // Results appended to the input on stdout would be read back without end.
  const std::string append = std::string(PRECIS_BINARY) + " summarize --input jsonl " +
                             ShellQuote(in_path) + " >> " + ShellQuote(in_path) + " 2>/dev/null";
  const int appended = std::system(("timeout -s KILL 60 " + append).c_str());
  EXPECT_EQ(WIFEXITED(appended) ? WEXITSTATUS(appended) : -1, 2);
  EXPECT_EQ(ReadAll(in_path), input);
  // The same file on stdin.
  const std::string cmd = std::string(PRECIS_BINARY) + " summarize --input jsonl --output " +
                          ShellQuote(in_path) + " < " + ShellQuote(in_path) + " 2>/dev/null";
  const int status = std::system(cmd.c_str());
  EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 2);
  EXPECT_EQ(ReadAll(in_path), input);
}

TEST(Batch, FormatOtherThanJsonIsIgnoredWithAWarning) {
  const std::string line = "{\"text\": \"A b.\"}\n";
  const auto json = RunPrecis({"summarize", "--input", "jsonl", "--format", "json"}, line);
  EXPECT_EQ(json.exit_code, 0);
  EXPECT_EQ(json.err, "");
  const auto markdown = RunPrecis({"summarize", "--input", "jsonl", "--format", "markdown"}, line);
  EXPECT_EQ(markdown.exit_code, 0);
  EXPECT_EQ(markdown.out, json.out);
  EXPECT_NE(markdown.err.find("--format markdown is ignored"), std::string::npos) << markdown.err;
}

TEST(Batch, ResumeSkipsDuplicateIdsOnlyAsOftenAsTheyAppear) {
  const std::string line =
      "{\"id\": \"same\", \"text\": \"One sentence about the ferry. Another about the port.\"}\n";
  const std::string out_path = TempDir() + "/dup.jsonl";
  const auto first = RunPrecis({"summarize", "--input", "jsonl", "--output", out_path}, line);
  ASSERT_EQ(first.exit_code, 0);
  const auto r = RunPrecis({"summarize", "--input", "jsonl", "--threads", "2", "--resume",
                            "--output", out_path}, line + line + line);
  EXPECT_EQ(r.exit_code, 0);
  const auto lines = Lines(ReadAll(out_path));
  ASSERT_EQ(lines.size(), 3u) << "one line per input line, across both runs";
  EXPECT_EQ(lines[0], lines[2]);
}

TEST(Batch, UsageErrors) {
  EXPECT_EQ(RunPrecis({"summarize", "--input", "jsonl", "--resume"}, "").exit_code, 2)
      << "--resume needs --output";
  EXPECT_EQ(RunPrecis({"summarize", "--input", "jsonl", "--threads", "0"}, "").exit_code, 2);
  EXPECT_EQ(RunPrecis({"summarize", "--threads", "2"}, "Some text. More text.").exit_code, 2)
      << "--threads goes with --input jsonl";
  const auto unwritable = RunPrecis({"summarize", "--input", "jsonl", "--output",
                                     "/nonexistent/dir/out.jsonl"}, "{\"text\": \"A b.\"}\n");
  EXPECT_EQ(unwritable.exit_code, 1);
  EXPECT_NE(unwritable.err.find("/nonexistent/dir/out.jsonl"), std::string::npos);
  EXPECT_NE(unwritable.err.find("No such file"), std::string::npos) << unwritable.err;
  const auto directory = RunPrecis({"summarize", "--input", "jsonl", TempDir()});
  EXPECT_EQ(directory.exit_code, 1);
  EXPECT_NE(directory.err.find("is a directory"), std::string::npos) << directory.err;
}

TEST(Batch, AFullDiskIsReportedOnceWithItsReason) {
  struct stat st;
  if (stat("/dev/full", &st) != 0) GTEST_SKIP() << "no /dev/full on this machine";
  const std::string in_path = TempDir() + "/full.jsonl";
  WriteAll(in_path, MakeInput(40));
  const std::string err_path = TempDir() + "/full.err";
  for (const std::string& out : {std::string(" > /dev/full"), std::string(" --output /dev/full")}) {
    const std::string cmd = std::string(PRECIS_BINARY) + " summarize --input jsonl " +
                            ShellQuote(in_path) + out + " 2>" + ShellQuote(err_path);
    const int status = std::system(cmd.c_str());
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 1) << cmd;
    const std::string err = ReadAll(err_path);
    EXPECT_EQ(Lines(err).size(), 1u) << err;
    EXPECT_NE(err.find("No space left on device"), std::string::npos) << err;
  }
}

TEST(Batch, ManyLinesStreamThroughInOrder) {
  constexpr int kLines = 20000;
  std::string input;
  for (int i = 0; i < kLines; ++i) {
    input += "{\"id\": " + std::to_string(i) + ", \"text\": \"Item " + std::to_string(i) +
             " was shipped on time.\"}\n";
  }
  const auto r = RunPrecis({"summarize", "--input", "jsonl", "--threads", "2",
                            "--sentences", "1"}, input, 300);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "") << "no progress bar when stderr is not a terminal";
  const auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), static_cast<size_t>(kLines));
  for (int i = 0; i < kLines; i += 997) {
    const auto j = nlohmann::json::parse(lines[i]);
    EXPECT_EQ(j.at("id"), i);
    EXPECT_NE(j.at("sentences").at(0).at("text").get<std::string>().find(std::to_string(i)),
              std::string::npos);
  }
}

}  // namespace
}  // namespace precis::testing
