#include "text/analyzer.h"

#include <gtest/gtest.h>

#include "text/sentences.h"

namespace precis {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, text.size(), &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

TEST(Tokenize, WordsNumbersAndJoiners) {
  EXPECT_EQ(Words("Don't stop: the all-time low, 3.5% of 1,000 ships."),
            (std::vector<std::string>{"Don't", "stop", "the", "all", "time", "low",
                                      "3.5", "of", "1,000", "ships"}));
  EXPECT_EQ(Words("Russia\xe2\x80\x99s ally"),
            (std::vector<std::string>{"Russia\xe2\x80\x99s", "ally"}));
  EXPECT_EQ(Words("'quoted' words."), (std::vector<std::string>{"quoted", "words"}));
  EXPECT_EQ(Words("caf\xc3\xa9 na\xc3\xafve"),
            (std::vector<std::string>{"caf\xc3\xa9", "na\xc3\xafve"}));
  EXPECT_TRUE(Words(" -- ... !!! ").empty());
  EXPECT_TRUE(Words("").empty());
}

TEST(Tokenize, UnspacedScriptsGiveOneWordPerCharacter) {
  // Two ideographs, then a Latin word.
  EXPECT_EQ(Words("\xe4\xb8\xad\xe6\x96\x87 abc"),
            (std::vector<std::string>{"\xe4\xb8\xad", "\xe6\x96\x87", "abc"}));
}

// A combining mark belongs to the character before it (a Thai vowel sign
// to its consonant) and is never a word of its own (an emoji's variation
// selector); punctuation of an unspaced script is no word.
TEST(Tokenize, MarksAndUnspacedPunctuation) {
  EXPECT_EQ(Words("\xe0\xb8\x81\xe0\xb8\xb4\xe0\xb8\x99"),  // Thai: ko, sara i, no
            (std::vector<std::string>{"\xe0\xb8\x81\xe0\xb8\xb4", "\xe0\xb8\x99"}));
  EXPECT_EQ(Words("Go \xe2\x9d\xa4\xef\xb8\x8f team"), (std::vector<std::string>{"Go", "team"}));
  EXPECT_EQ(Words("\xe4\xb8\xad\xe3\x83\xbb\xe6\x96\x87"),  // middle dot between ideographs
            (std::vector<std::string>{"\xe4\xb8\xad", "\xe6\x96\x87"}));
}

// Invisible joiners inside a word keep it one word: a soft hyphen, a
// zero-width non-joiner.
TEST(Tokenize, InvisibleJoinersKeepOneWord) {
  EXPECT_EQ(Words("Bundes\xc2\xadregierung tagt"),
            (std::vector<std::string>{"Bundes\xc2\xadregierung", "tagt"}));
  EXPECT_EQ(Words("\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85"),
            (std::vector<std::string>{
                "\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85"}));
  EXPECT_EQ(FoldCase("Bundes\xc2\xadregierung"), "bundesregierung");
}

TEST(Tokenize, InvalidBytesSeparateWords) {
  EXPECT_EQ(Words("ab\xff" "cd"), (std::vector<std::string>{"ab", "cd"}));
}

TEST(FoldCase, AsciiAndUnicode) {
  EXPECT_EQ(FoldCase("NATO"), "nato");
  EXPECT_EQ(FoldCase("Stra\xc3\x9f" "e"), "strasse");
  EXPECT_EQ(FoldCase("\xc3\x89T\xc3\x89"), "\xc3\xa9t\xc3\xa9");
  EXPECT_EQ(FoldCase("don\xe2\x80\x99t"), "don't");
  EXPECT_EQ(FoldCase("\xef\xbc\xa1"), "a");  // fullwidth A, NFKC
}

TEST(CountWhitespaceWords, AsRougeCounts) {
  EXPECT_EQ(CountWhitespaceWords(""), 0u);
  EXPECT_EQ(CountWhitespaceWords("  one\ttwo\n three-four . "), 4u);
}

TEST(Stopwords, EnglishListLoads) {
  const StopwordSet& en = StopwordSet::ForLanguage("en");
  EXPECT_GT(en.size(), 100u);
  EXPECT_TRUE(en.Contains("the"));
  EXPECT_TRUE(en.Contains("said"));
  EXPECT_FALSE(en.Contains("russia"));
  EXPECT_FALSE(en.Contains("#"));
  EXPECT_EQ(StopwordSet::ForLanguage("yi").size(), 0u);
  EXPECT_GT(StopwordSet::ForLanguage("de").size(), 100u);
}

TEST(Stemmer, EveryShippedLanguage) {
  const auto langs = StemmerLanguages();
  EXPECT_GE(langs.size(), 25u);
  for (const auto& lang : langs) {
    auto s = Stemmer::Create(lang);
    ASSERT_TRUE(s.ok()) << lang;
    EXPECT_FALSE(s->Stem("test").empty()) << lang;
  }
  auto en = Stemmer::Create("en");
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en->Stem("relations"), "relat");
  EXPECT_EQ(en->Stem("russia's"), "russia");
  auto bad = Stemmer::Create("xx");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("en"), std::string::npos);
}

// One document, analyzed; the cluster stays beside it, since spans index its
// text.
struct OneDocument {
  Cluster cluster;
  AnalyzedCluster a;
  explicit OneDocument(const std::string& text) {
    cluster.docs.push_back({"d", "", "", text});
    auto stemmer = Stemmer::Create("en");
    a = AnalyzeCluster(cluster, {}, StopwordSet::ForLanguage("en"), *stemmer);
  }
  std::string Text(size_t i) const {
    const Span s = a.sentences.at(i).span;
    return cluster.docs[0].text.substr(s.begin, s.end - s.begin);
  }
};

// A wire dateline opening a document is not part of its first sentence; a
// dash inside ordinary prose is.
std::string FirstSentence(const std::string& text) { return OneDocument(text).Text(0); }

TEST(AnalyzeCluster, DropsAWireDatelineFromTheFirstSentence) {
  EXPECT_EQ(FirstSentence("WASHINGTON (AP) -- The Senate voted on Tuesday. More."),
            "The Senate voted on Tuesday.");
  EXPECT_EQ(FirstSentence("BEIJING, August 22 (Xinhua) -- Flooding eased. More."),
            "Flooding eased.");
  EXPECT_EQ(FirstSentence("HOUSTON _ The storm moved east. More."), "The storm moved east.");
  EXPECT_EQ(FirstSentence("(CNN) \xe2\x80\x94 Markets fell. More."), "Markets fell.");
  // Not datelines: prose with a dash, a lower-case word, a long run.
  EXPECT_EQ(FirstSentence("The ferry -- late again -- docked. More."),
            "The ferry -- late again -- docked.");
  EXPECT_EQ(FirstSentence("Officials said -- quietly -- no. More."),
            "Officials said -- quietly -- no.");
  EXPECT_EQ(FirstSentence("One Two Three Four Five Six Seven Eight Nine -- x. More."),
            "One Two Three Four Five Six Seven Eight Nine -- x.");
  // An acronym with an aside after it: a sentence starts after a dateline.
  EXPECT_EQ(FirstSentence("NASA \xe2\x80\x94 the space agency \xe2\x80\x94 delayed it. More."),
            "NASA \xe2\x80\x94 the space agency \xe2\x80\x94 delayed it.");
  // Only the first sentence of a document.
  const OneDocument mid("It rained. PARIS -- Second.");
  ASSERT_EQ(mid.a.sentences.size(), 2u);
  EXPECT_EQ(mid.a.sentences[1].span.begin, 11u);
}

// A line of its own may open with a dateline too (a scraped page repeats its
// dateline-led lead as a title): the dateline leaves the sentence, and the
// sentence still counts as the whole line.
TEST(AnalyzeCluster, DropsADatelineOpeningALine) {
  const OneDocument d(
      "TRENTON, N.J. (AP) -- Scientists seek the cause\n\n"
      "TRENTON, N.J. (AP) -- Scientists seek the cause of the fever.\n"
      "It spread. PARIS -- Mid-line stays.");
  const auto& a = d.a;
  ASSERT_EQ(a.sentences.size(), 4u);
  EXPECT_EQ(d.Text(0), "Scientists seek the cause");
  EXPECT_EQ(d.Text(1), "Scientists seek the cause of the fever.");
  EXPECT_EQ(d.Text(3), "PARIS -- Mid-line stays.");
  EXPECT_TRUE(a.sentences[0].whole_line);
  EXPECT_TRUE(a.sentences[1].whole_line);
  EXPECT_FALSE(a.sentences[3].whole_line);
  EXPECT_EQ(a.sentences[1].words, 7u);
}

// Lines may end in CR alone (old Mac files), VT, FF, NEL or U+2028: each
// line is whole, and a line's marker and dateline leave it as after LF.
TEST(AnalyzeCluster, EveryLineBreakStartsALine) {
  for (const std::string br : {"\r", "\v", "\f", "\xC2\x85", "\xE2\x80\xA8"}) {
    const OneDocument d("Ferry halted" + br + "- Crews wait for the wind to drop." + br +
                        "OSLO -- The ferry stayed in port." + br);
    ASSERT_EQ(d.a.sentences.size(), 3u);
    EXPECT_TRUE(d.a.sentences[0].whole_line);
    EXPECT_EQ(d.Text(1), "Crews wait for the wind to drop.");
    EXPECT_EQ(d.Text(2), "The ferry stayed in port.");
  }
}

// Every terminator the segmenter ends sentences at makes a sentence
// punctuated (Khmer, Ethiopic, Mongolian, Greek question mark, doubled marks).
TEST(AnalyzeCluster, PunctuatedKnowsTheSegmentersTerminators) {
  for (const std::string end : {".", "\xE1\x9F\x94", "\xE1\x8D\xA7", "\xE1\xA0\x83",
                                "\xCD\xBE", "\xE2\x80\xBC", "\xE2\x81\x89",
                                "\xEF\xBD\xA1", "\xE0\xA5\xA5"}) {
    EXPECT_TRUE(OneDocument("Word word" + end).a.sentences.at(0).punctuated) << end;
  }
  EXPECT_FALSE(OneDocument("Word word").a.sentences.at(0).punctuated);
}

// A list item's marker opening a line leaves its sentence; a dash that is a
// sign, one inside a line, or a rule of markers stays.
TEST(AnalyzeCluster, DropsAListMarkerOpeningALine) {
  const OneDocument d(
      "Buyers can protect themselves.\n"
      "_ Use an escrow service.\n"
      "- Pay by credit card.\n"
      "\xe2\x80\xa2 Check the seller's ratings.\n"
      "*   Keep every receipt.\n"
      "-5 degrees is the low.\n"
      "Prices rose - sharply.\n"
      "* * *\n"
      "\xe2\x80\x94 \xe2\x80\x94\n");
  const auto& a = d.a;
  ASSERT_EQ(a.sentences.size(), 9u);
  EXPECT_EQ(d.Text(1), "Use an escrow service.");
  EXPECT_EQ(d.Text(2), "Pay by credit card.");
  EXPECT_EQ(d.Text(3), "Check the seller's ratings.");
  EXPECT_EQ(d.Text(4), "Keep every receipt.");
  EXPECT_EQ(d.Text(5), "-5 degrees is the low.");
  EXPECT_EQ(d.Text(6), "Prices rose - sharply.");
  EXPECT_EQ(d.Text(7), "* * *");  // rules, not list items
  EXPECT_EQ(d.Text(8), "\xe2\x80\x94 \xe2\x80\x94");
  EXPECT_EQ(a.sentences[1].words, 4u);
  EXPECT_TRUE(a.sentences[1].whole_line);
}

// A sentence that opens with a connective leans on the one before it; a word
// that only starts like one does not, and a language without a list marks
// nothing.
TEST(AnalyzeCluster, MarksSentencesOpeningWithAConnective) {
  const OneDocument d(
      "The board met on Monday. But the vote was put off. "
      "\"However, we will try again,\" she said. Butter prices rose. "
      "Nevertheless the plan stands. The mayor agreed. Consequently, the fund shrank. "
      "Thence came the rain.");
  std::vector<bool> marked;
  for (const Sentence& s : d.a.sentences) marked.push_back(s.opens_with_connective);
  EXPECT_EQ(marked, (std::vector<bool>{false, true, true, false, true, false, true, false}));

  EXPECT_TRUE(StopwordSet::Connectives("en").Contains("however"));
  EXPECT_FALSE(StopwordSet::Connectives("en").Contains("#"));
  EXPECT_EQ(StopwordSet::Connectives("yi").size(), 0u);
  Cluster german;
  german.docs.push_back({"d", "", "", "Der Rat tagte. But nobody came."});
  SegmentOptions de;
  de.lang = "de";
  auto stemmer = Stemmer::Create("de");
  const AnalyzedCluster g =
      AnalyzeCluster(german, de, StopwordSet::ForLanguage("de"), *stemmer);
  ASSERT_EQ(g.sentences.size(), 2u);
  EXPECT_FALSE(g.sentences[1].opens_with_connective);
}

}  // namespace
}  // namespace precis
