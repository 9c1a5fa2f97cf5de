#include "clean/clean.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace precis {
namespace {

struct Fixture {
  Cluster cluster;
  AnalyzedCluster analyzed;
  CleanResult result;

  explicit Fixture(std::vector<std::string> texts, CleanOptions options = {}) {
    for (size_t i = 0; i < texts.size(); ++i) {
      std::string id = "d";
      id += std::to_string(i);
      cluster.docs.push_back({id, "", "", texts[i]});
    }
    auto stemmer = Stemmer::Create("en");
    analyzed = AnalyzeCluster(cluster, {}, StopwordSet::ForLanguage("en"), *stemmer);
    result = CleanSentences(cluster, analyzed, options);
  }

  std::string Text(const SpanRef& s) const {
    return cluster.docs[s.doc].text.substr(s.begin, s.end - s.begin);
  }
  const DroppedSpan* Find(std::string_view prefix) const {
    for (const auto& d : result.dropped) {
      if (Text(d.span).rfind(prefix, 0) == 0) return &d;
    }
    return nullptr;
  }
  // Each sentence starting with one of `prefixes` was dropped for `reason`.
  void ExpectDropped(std::initializer_list<const char*> prefixes, std::string_view reason) const {
    for (const char* prefix : prefixes) {
      const DroppedSpan* d = Find(prefix);
      ASSERT_NE(d, nullptr) << prefix << " was kept";
      EXPECT_EQ(DropReasonName(d->reason), reason) << prefix;
    }
  }
  // No sentence starting with one of `prefixes` was dropped.
  void ExpectKept(std::initializer_list<const char*> prefixes) const {
    for (const char* prefix : prefixes) EXPECT_EQ(Find(prefix), nullptr) << prefix;
  }
};

// Cleans documents a and b in both orders and checks each result: what
// cleaning finds must not hang on which outlet comes first.
template <typename Check>
void InBothOrders(const std::string& a, const std::string& b, Check check) {
  for (bool a_first : {true, false}) {
    SCOPED_TRACE(a_first ? "first document first" : "second document first");
    check(Fixture(a_first ? std::vector<std::string>{a, b} : std::vector<std::string>{b, a}));
  }
}

const char* kDocA =
    "Council backs new tram line\n\n"
    "Council backs new tram line\n\n"
    "The city council voted on Tuesday to build a tram line from the station to the harbour.\n\n"
    "The line will cost 40 million euros and open in 2029, the mayor said.\n\n"
    "Work on the tram depot starts next spring after a public consultation.\n\n"
    "Best running shoes reviewed\n";
const char* kDocB =
    "Tram plan wins council vote\n\n"
    "The city council voted on Tuesday to build a tram line from the station to the harbour.\n\n"
    "Opponents of the tram line said the 40 million euros should go to buses instead.\n\n"
    "The mayor said the tram line would open in 2029, at a cost of 40 million euros.\n";

TEST(Clean, HeadlineAndRepeatedTitle) {
  Fixture f({kDocA, kDocB});
  const DroppedSpan* first = f.Find("Council backs");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->reason, DropReason::kHeadline);
  EXPECT_EQ(first->span.begin, 0u);
  size_t repeated = 0;
  for (const auto& d : f.result.dropped) {
    if (d.reason == DropReason::kRepeatedTitle) {
      ++repeated;
      ASSERT_TRUE(d.of.has_value());
      EXPECT_EQ(d.of->begin, 0u);
      EXPECT_EQ(f.Text(d.span), "Council backs new tram line");
    }
  }
  EXPECT_EQ(repeated, 1u);
}

// A headline's copy goes whichever document comes first.
TEST(Clean, HeadlineCopyInAnEarlierDocument) {
  const std::string titled =
      "Harbour crane collapses in storm\n\n"
      "A crane at the container harbour collapsed on Sunday as winds reached 120 km/h.";
  const std::string copy =
      "Harbour crane collapses in storm.\n\n"
      "No one was hurt when the crane fell, the port authority said on Sunday evening.";
  InBothOrders(titled, copy, [](const Fixture& f) {
    const DroppedSpan* d = f.Find("Harbour crane collapses in storm.");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(DropReasonName(d->reason), "repeated-title");
  });
}

TEST(Clean, ExactAndReorderedDuplicatesAcrossDocuments) {
  Fixture f({kDocA, kDocB});
  size_t exact = 0, reordered = 0;
  for (const auto& d : f.result.dropped) {
    if (d.reason != DropReason::kDuplicateOf) continue;
    ASSERT_TRUE(d.of.has_value());
    EXPECT_NE(d.of->doc, d.span.doc);
    if (f.Text(*d.of) == f.Text(d.span)) {
      ++exact;
    } else {
      // "The mayor said the tram line would open in 2029, at a cost of ..."
      // and "The line will cost ... and open in 2029, the mayor said.": one
      // copy goes, pointing at the other.
      EXPECT_NE(f.Text(d.span).find("2029"), std::string::npos);
      EXPECT_NE(f.Text(*d.of).find("2029"), std::string::npos);
      ++reordered;
    }
  }
  EXPECT_EQ(exact, 1u);
  EXPECT_EQ(reordered, 1u);
  // CleanResult::copy marks these two and nothing else (not the repeated
  // title, not the sidebar line).
  ASSERT_EQ(f.result.copy.size(), f.analyzed.sentences.size());
  for (size_t i = 0; i < f.analyzed.sentences.size(); ++i) {
    const Sentence& s = f.analyzed.sentences[i];
    bool duplicate = false;
    for (const auto& d : f.result.dropped) {
      duplicate |= d.reason == DropReason::kDuplicateOf && d.span.doc == s.doc &&
                   d.span.begin == s.span.begin;
    }
    EXPECT_EQ(f.result.copy[i], duplicate) << i;
  }
  EXPECT_EQ(std::count(f.result.copy.begin(), f.result.copy.end(), true), 2);
}

TEST(Clean, NearDuplicateWithSwappedWords) {
  Fixture f({"Storm hits coast.\n\nThe storm closed three ports on the northern coast "
             "and cut power to twenty thousand homes overnight.\n\nMore rain is due.",
             "Storm report.\n\nThe gale closed three ports on the northern coast and cut "
             "power to twenty thousand homes overnight.\n\nRoads are flooded."});
  size_t near = 0;
  for (const auto& d : f.result.dropped) {
    if (d.reason == DropReason::kDuplicateOf) {
      ++near;
      EXPECT_NE(f.Text(d.span), f.Text(*d.of));
    }
  }
  EXPECT_EQ(near, 1u);
}

TEST(Clean, OffTopicSidebarButNotOnTopicSubhead) {
  Fixture f({kDocA, kDocB});
  const DroppedSpan* sidebar = f.Find("Best running shoes");
  ASSERT_NE(sidebar, nullptr);
  EXPECT_EQ(sidebar->reason, DropReason::kOffTopic);
  // "Tram plan wins council vote" opens doc B: a headline, not off-topic.
  const DroppedSpan* title_b = f.Find("Tram plan");
  ASSERT_NE(title_b, nullptr);
  EXPECT_EQ(title_b->reason, DropReason::kHeadline);
}

TEST(Clean, FragmentsWithoutWords) {
  Fixture f({"A real sentence is here.\n\n* * *\n\nAnother real sentence follows."});
  const DroppedSpan* frag = f.Find("* * *");
  ASSERT_NE(frag, nullptr);
  EXPECT_EQ(frag->reason, DropReason::kFragment);
}

TEST(Clean, DisabledKeepsAllButFragments) {
  CleanOptions off;
  off.enabled = false;
  Fixture f({kDocA, kDocB}, off);
  EXPECT_TRUE(f.result.dropped.empty());
  for (bool k : f.result.keep) EXPECT_TRUE(k);
}

// A title that ends in a full stop ("... in the U.S.") is still a title when
// the page repeats it at the top; a punctuated first line said once is the
// lead sentence and stays.
TEST(Clean, RepeatedPunctuatedFirstLineIsATitle) {
  const std::string body =
      "Relief gifts made in 2005 count for 2004 taxes in the U.S.\n\n"
      "Home | World | Business\n\n"
      "Relief gifts made in 2005 count for 2004 taxes in the U.S.\n\n"
      "Donors who give to tsunami relief this month may deduct the gifts on last year's "
      "returns under a bill passed on Friday.\n";
  Fixture f({body});
  const DroppedSpan* first = f.Find("Relief gifts");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->reason, DropReason::kHeadline);
  EXPECT_EQ(first->span.begin, 0u);
  size_t repeated = 0;
  for (const auto& d : f.result.dropped) repeated += d.reason == DropReason::kRepeatedTitle;
  EXPECT_EQ(repeated, 1u);
  EXPECT_EQ(f.Find("Donors who give"), nullptr);

  Fixture once({"Relief gifts made in 2005 count for 2004 taxes in the U.S.\n\n"
                "Donors who give to tsunami relief this month may deduct the gifts.\n"});
  EXPECT_EQ(once.Find("Relief gifts"), nullptr);
}

// A scraper's title made of the dateline-led lead's first words, repeated:
// the title and its copies go, the lead stays.
TEST(Clean, DatelineLedTitleRepeated) {
  Fixture f({"TRENTON, N.J. (AP) -- Scientists trying to fathom the\n\n"
             "Share this story on Facebook\n\n"
             "TRENTON, N.J. (AP) -- Scientists trying to fathom the\n\n"
             "TRENTON, N.J. (AP) -- Scientists trying to fathom the fever found a gene, "
             "the study said on Tuesday.\n\n"
             "The gene is common in the region, the researchers said.\n"});
  const DroppedSpan* first = f.Find("Scientists trying to fathom the");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->reason, DropReason::kHeadline);
  size_t repeated = 0;
  for (const auto& d : f.result.dropped) {
    if (d.reason != DropReason::kRepeatedTitle) continue;
    ++repeated;
    EXPECT_EQ(f.Text(d.span), "Scientists trying to fathom the");
  }
  EXPECT_EQ(repeated, 1u);
  for (const auto& d : f.result.dropped) EXPECT_EQ(f.Text(d.span).find("fever"), std::string::npos);
}

// When outlets repeat a quote, the copy kept is the one that carries the most:
// not a piece that sentence splitting cut off a longer sentence.
TEST(Clean, DuplicateKeepsTheFullerCopy) {
  const std::string a =
      "Rescue teams reached the flooded valley on Monday, officials said.\n\n"
      "The regional governor said the bridge at Orlen would reopen within a week, and "
      "that the army would send two field hospitals, forty trucks of drinking water and a "
      "team of engineers to the valley towns before the next storm arrives.\n";
  const std::string b =
      "Heavy rain fell again overnight across the region.\n\n"
      "The regional governor said the bridge at Orlen would reopen within a week.\n";
  Fixture f({a, b});
  const DroppedSpan* dup = f.Find("The regional governor");
  ASSERT_NE(dup, nullptr);
  EXPECT_EQ(dup->reason, DropReason::kDuplicateOf);
  ASSERT_TRUE(dup->of.has_value());
  EXPECT_EQ(dup->span.doc, 1u);
  EXPECT_EQ(dup->of->doc, 0u);
}

TEST(Clean, ManyIdenticalLinesStayLinear) {
  std::string doc;
  for (int i = 0; i < 200000; ++i) doc += "The same line again and again.\n";
  Fixture f({doc});
  EXPECT_EQ(f.result.dropped.size(), 199999u);
  size_t kept = 0;
  for (bool k : f.result.keep) kept += k;
  EXPECT_EQ(kept, 1u);
}


// Every reason code on a noisy cluster written for this test
// (tests/data/noisy/): each line prefix and the reason it must get.
TEST(Clean, EveryReasonOnTheNoisyFixture) {
  std::vector<std::string> texts;
  for (const char* f : {"a.txt", "b.txt", "c.txt"}) {
    std::ifstream in(std::string(PRECIS_SOURCE_DIR "/tests/data/noisy/") + f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    texts.push_back(ss.str());
  }
  Fixture f(texts);
  const std::pair<const char*, DropReason> expected[] = {
      {"Dam repairs finish", DropReason::kHeadline},
      {"By Maria Keller", DropReason::kBoilerplate},
      {"Updated 14:05 GMT", DropReason::kBoilerplate},
      {"Photo: Orlen", DropReason::kBoilerplate},
      {"Share this article", DropReason::kBoilerplate},
      {"Read more:", DropReason::kBoilerplate},
      {"Orlen spillway rebuilt", DropReason::kHeadline},
      {"Home | News", DropReason::kBoilerplate},
      {"Repair crews finished", DropReason::kDuplicateOf},
      {"and then the crews", DropReason::kFragment},
      {"It held.", DropReason::kFragment},
      {"All rights reserved.", DropReason::kBoilerplate},
      {"Water board: dam ready", DropReason::kHeadline},
      {"Best budget phones", DropReason::kOffTopic},
  };
  for (const auto& [prefix, reason] : expected) {
    const DroppedSpan* d = f.Find(prefix);
    ASSERT_NE(d, nullptr) << prefix << " was kept";
    EXPECT_EQ(DropReasonName(d->reason), DropReasonName(reason)) << prefix;
  }
  // The second copy of the title, and one of the two wordings of the quote.
  size_t repeated_titles = 0, quote_copies = 0;
  for (const auto& d : f.result.dropped) {
    if (d.reason == DropReason::kRepeatedTitle) ++repeated_titles;
    if (d.reason == DropReason::kDuplicateOf &&
        f.Text(d.span).find("ready for whatever the river brings") != std::string::npos) {
      ++quote_copies;
      EXPECT_NE(f.Text(*d.of).find("ready for whatever the river brings"), std::string::npos);
    }
  }
  EXPECT_EQ(repeated_titles, 1u);
  EXPECT_EQ(quote_copies, 1u);
  // Prose survives.
  f.ExpectKept({"The board said the concrete", "The repairs cost 12 million",
                "Local farmers welcomed"});
}

TEST(Clean, ProseAboutSocialMediaIsNotBoilerplate) {
  Fixture f({"Markets slide on tech results\n\n"
             "Facebook shares fell 5 percent on Monday after the company reported weaker "
             "advertising sales.\n\n"
             "Analysts said photo and video features had not drawn new users.\n\n"
             "The company will share more details with investors next week."});
  for (const auto& d : f.result.dropped) {
    EXPECT_NE(d.reason, DropReason::kBoilerplate) << f.Text(d.span);
  }
}

// A short line with a URL or e-mail address and a contact or cue word, or a
// handle and a contact word, is a contact or promotion line, punctuated or
// not; a link alone, a quoted post, or a long sentence is news.
TEST(Clean, ContactLinesAreBoilerplate) {
  Fixture f({"The harbour ferry will run every ten minutes from June, the operator said.\n\n"
             "Its timetable address: www.example.org/ferry.\n\n"
             "Follow the Lakeside ferry on Twitter @LakesideFerry.\n\n"
             "Readers can reach the reporter at jroe@example.com.\n\n"
             "Visit http://example.org/tickets for fares\n\n"
             "The operator's site, www.example.org, sold 5,000 tickets in its first week.\n\n"
             "The mayor wrote on Twitter: \"@LakesideFerry is a great addition.\"\n\n"
             "Fares are listed at the dock, the operator's Twitter account said.\n\n"
             "Ticket sales on the site www.example.org and at the harbour office rose by a "
             "third in May, and the operator will add a second boat, it said.\n"});
  f.ExpectDropped({"Its timetable address", "Follow the Lakeside ferry", "Readers can reach",
                   "Visit http"},
                  "boilerplate");
  f.ExpectKept({"The harbour ferry", "The operator's site", "Ticket sales", "The mayor wrote",
                "Fares are listed"});
}

TEST(Clean, ParenthesizedLinesAreAsides) {
  Fixture f({"The harbour ferry will run every ten minutes from June, the operator said.\n\n"
             "(The Daily Courier in Lakeside is part of the Example Regional Newspaper "
             "Group, which owns eleven papers.)\n\n"
             "(Story can end here. Optional material follows.)\n\n"
             "  (Reporting by Jane Roe; Editing by John Doe)  \n\n"
             "(a) The first change is a later last ferry on Saturdays.\n\n"
             "The operator (a city company) expects more riders (about 2,000 a day).\n\n"
             "(The new timetable adds two boats) and a night service.\n"});
  f.ExpectDropped({"(The Daily Courier", "(Story can end here.", "Optional material follows.)",
                   "(Reporting by Jane Roe"},
                  "boilerplate");
  // A parenthesis that closes before the line ends does not make an aside.
  f.ExpectKept({"The harbour ferry", "(a) The first change", "The operator (a city",
                "(The new timetable"});
}

// What a page appends to a paragraph: a bracketed credit or stamp ending
// its line, a bare "Name/Agency" photo credit, an embedded post's
// signature. A bracketed sentence inside a paragraph and a slash in prose
// stay.
TEST(Clean, CreditsStampsAndEmbeddedPostsAreBoilerplate) {
  Fixture f({"The council approved the new river bridge on Tuesday after a long debate.\n\n"
             "The vote was seven to two, the clerk said. (Jane Roe/The Daily Courier)\n\n"
             "Jane Roe/The Daily Courier\n\n"
             "The new deck was designed in Lakeside. [Graphic: How the arch is built]\n\n"
             "We did it together, and it will last. \xE2\x80\x94 Ann Lee (@annlee) June 21, 2015\n\n"
             "Proud of this town! \xE2\x80\x94 Tom Bay (@tombay) 9 Jan 13\n\n"
             "Media playback is unsupported on your device Media caption The mayor thanks "
             "the crews\n\n"
             "Crowds cheered as the first tram crossed the new bridge. | Getty\n\n"
             "Fares on the line will cost 2 | 3 euros at peak hours, the operator said.\n\n"
             "The bridge will open in May. (The old one closes in April.) Traffic moves to "
             "Elm Street.\n\n"
             "Two firms bid for the work. (The losing firm declined to comment.)\n\n"
             "The cost is shared by the city/county partnership and a state grant.\n\n"
             "Readers wrote to @annlee (the mayor) about June 21, 2015 and the vote.\n"});
  f.ExpectDropped({"(Jane Roe/", "Jane Roe/", "[Graphic:", "We did it together", "Proud of this",
                   "Media playback", "Crowds cheered"},
                  "boilerplate");
  f.ExpectKept({"The vote was seven", "The new deck", "The bridge will open", "(The old one",
                "Traffic moves", "The cost is shared", "Readers wrote", "Fares on the line",
                "(The losing firm"});
}

// A sentence that ends with a colon introduces what follows and cannot stand
// without it; one that ends with a semicolon (a timeline's item) can.
TEST(Clean, LeadInsEndingWithAColonAreFragments) {
  Fixture f({"The council approved the new river bridge on Tuesday after a long debate. "
             "Here is what the council said about the new bridge and the debate:\n\n"
             "\"We will build it by spring, and it will carry trams.\"\n\n"
             "1998 -- The first plan for a bridge at the harbour was drawn up;\n"});
  f.ExpectDropped({"Here is what the council"}, "fragment");
  f.ExpectKept({"The council approved", "\"We will build", "1998 -- The first plan"});
}

TEST(Clean, AddedAttributionIsANearDuplicate) {
  Fixture f({"The bridge will reopen to cars and trucks on Friday after six weeks of "
             "repairs to its deck.",
             "The bridge will reopen to cars and trucks on Friday after six weeks of "
             "deck repairs, the city transport department said in a statement."});
  const DroppedSpan* d = f.Find("The bridge will reopen to cars and trucks on Friday after six weeks of deck");
  const DroppedSpan* e = f.Find("The bridge will reopen to cars and trucks on Friday after six weeks of repairs");
  ASSERT_TRUE(d != nullptr || e != nullptr) << "one copy must go";
  EXPECT_FALSE(d != nullptr && e != nullptr) << "one copy must stay";
}

TEST(Clean, NamesStartingLowerCaseAreNotFragments) {
  Fixture f({"iPhone sales rose sharply in the third quarter, the company said.\n\n"
             "eBay reported a rise in second-hand electronics listings this year.\n\n"
             "de Vries said the harbour board would meet again in March.\n\n"
             "al-Rashid, the port's director, said the cranes arrive in May.\n\n"
             "and the board said the cranes would arrive in May as planned."});
  f.ExpectDropped({"and the board said"}, "fragment");
  EXPECT_EQ(f.result.dropped.size(), 1u);
}

// Two outlets' copies of one report, the longer with an attribution added:
// one copy goes whichever document comes first (the shorter set's rare terms
// are all in the longer one, the longer set's rarest are its own).
TEST(Clean, AddedAttributionIsFoundInEitherOrder) {
  const std::string shorter =
      "Hundreds of fishermen left the harbour at dawn after the storm warning ended.";
  const std::string longer =
      "After the storm warning ended at dawn, hundreds of fishermen left the harbour, "
      "the coast guard said, quoting early counts from its regional stations.";
  InBothOrders(shorter, longer, [](const Fixture& f) {
    ASSERT_EQ(f.result.dropped.size(), 1u);
    EXPECT_EQ(f.result.dropped[0].reason, DropReason::kDuplicateOf);
  });
}

// A duplicate group keeps a whole sentence, not a copy that the fragment rule
// would drop next: the report must survive in one copy.
TEST(Clean, DuplicateGroupNeverKeepsAFragment) {
  Fixture f({"Ships waited outside the port for a second day on Tuesday.\n\n"
             "The harbour master resigned over the dredging contract.",
             "the harbour master resigned over the dredging contract, two board members "
             "told reporters on Tuesday."});
  f.ExpectDropped({"the harbour master resigned"}, "duplicate-of");
  f.ExpectKept({"The harbour master resigned", "Ships waited"});
}

// Signs of furniture inside news: a tax code's "(c)", a photo agency named
// as a company, subscribers, and a Catalan "l·l" are prose.
TEST(Clean, FurnitureWordsInsideNewsAreProse) {
  Fixture f({"The harbour fund, a 501(c) charity, raised 2 million euros.\n\n"
             "Getty Images bought the harbour photo archive on Monday.\n\n"
             "Subscribers to the ferry pass will pay two euros more.\n\n"
             "La col\xC2\xB7lecci\xC3\xB3 del port obre al public dilluns.\n\n"
             "(c) 2024 The Daily Courier\n\n"
             "Crews repaired the pier. (Jane Roe/Getty Images)\n\n"
             "Home \xC2\xB7 News \xC2\xB7 Harbour\n\n"
             "Subscribe to our newsletter"});
  f.ExpectKept({"The harbour fund", "Getty Images bought", "Subscribers to", "La col"});
  f.ExpectDropped({"(c) 2024", "(Jane Roe/", "Home \xC2\xB7", "Subscribe to our"}, "boilerplate");
}

TEST(Clean, KeepTurnsRulesOff) {
  CleanOptions o;
  o.boilerplate = false;
  o.fragments = false;
  Fixture f({"Short one.\n\nBy Jane Doe\n\nA long enough sentence about the council vote "
             "on the new budget.\n\nAnother full sentence about the same council vote today."},
            o);
  EXPECT_EQ(f.Find("Short one."), nullptr);
  const DroppedSpan* byline = f.Find("By Jane Doe");
  // Without the boilerplate rule a byline is just an unpunctuated line.
  if (byline) {
    EXPECT_NE(byline->reason, DropReason::kBoilerplate);
  }
}

}  // namespace
}  // namespace precis
