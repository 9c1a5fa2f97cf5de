// Duplicates across (and within) documents: the same sentence from several
// outlets, exact or lightly edited. Three tests find pairs:
//   exact      the same words (case and punctuation aside);
//   near       content-term Jaccard >= t (swapped synonyms, reordered
//              clauses), or the shorter sentence's terms >= c contained in
//              the longer (an added attribution);
//   quote      a shared verbatim run of n words with >= 2 content words (one
//              quote reported in different sentences).
// Pairs join groups (union-find); each group keeps its best-formed member and
// reports the others as "duplicate-of" it. Scaling: exact copies collapse
// first through a hash; near pairs come from inverted indexes over each
// sentence's terms and its rarest ones (prefix filtering, Bayardo, Ma &
// Srikant 2007: two sets reaching Jaccard t share a term among the first
// |x| - ceil(t|x|) + 1 rarest of each, and a set contained to c in another
// shares one of its own first |x| - ceil(c|x|) + 1), with at most
// max_candidates checks per sentence, whichever document comes first;
// quotes through a hash of word runs.
#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

#include "base/id_lists.h"
#include "base/key_index.h"
#include "clean/clean_state.h"

namespace precis {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

size_t Common(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++n; ++i; ++j; }
  }
  return n;
}

}  // namespace

void DropDuplicates(CleanState& state) {
  const CleanOptions& o = state.options();
  const size_t n = state.size();
  UnionFind groups(n);

  // Exact copies: hash the word sequence, confirm on equal hashes. The first
  // earlier sentence with the same words is the first of that wording.
  KeyIndex hashes(n);
  std::vector<uint32_t> hash_number(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!state.kept(i)) continue;
    const auto& terms = state.sentence(i).terms;
    hash_number[i] = hashes.Number(HashTerms(terms.data(), terms.size()));
  }
  const IdLists same_hash(hashes.size(), [&](auto add) {
    for (size_t i = 0; i < n; ++i) {
      if (state.kept(i)) add(hash_number[i], uint32_t(i));
    }
  });
  std::vector<size_t> reps;  // one sentence per distinct wording
  for (size_t i = 0; i < n; ++i) {
    if (!state.kept(i)) continue;
    bool copy = false;
    for (uint32_t j : same_hash[hash_number[i]]) {
      if (j >= i) break;
      if (state.sentence(j).terms == state.sentence(i).terms) {
        groups.Union(j, i);
        copy = true;
        break;
      }
    }
    if (!copy) reps.push_back(i);
  }

  // Content sets and document frequencies over the distinct wordings.
  std::vector<uint32_t> df(state.vocab().size(), 0);
  for (size_t i : reps) {
    for (uint32_t t : state.Content(i)) ++df[t];
  }
  auto sets = [&state](size_t i) -> const std::vector<uint32_t>& { return state.Content(i); };

  // Near copies, via the rarest-terms index.
  const double t = o.near_duplicate_jaccard;
  // Each set's prefix: its rarest terms, as many as both tests need (Jaccard
  // t, and containment c of this set in a larger one). Two sets that pass a
  // test share a term of the smaller one's prefix.
  const double bound = std::min(t, o.near_duplicate_containment);
  std::vector<std::vector<uint32_t>> rarest(n);
  for (size_t i : reps) {
    const auto& set = sets(i);
    if (set.size() < 3) continue;
    std::vector<uint32_t>& order = rarest[i];
    order.assign(set.begin(), set.end());
    std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
      return std::pair(df[x], x) < std::pair(df[y], y);
    });
    order.resize(order.size() - size_t(std::ceil(bound * order.size())) + 1);
  }
  // By term, the distinct wordings of 3 terms or more that hold it
  // (`holders`), or hold it in their prefix (`prefixes`), ascending. A
  // sentence asks only of those before it, as if each were indexed after its
  // own turn: its prefix of the holders (a pair where it is the smaller, or
  // the same size), and every term of it of the prefixes (a pair where the
  // earlier sentence is the smaller, so the match hides in that one's prefix).
  const IdLists holders(state.vocab().size(), [&](auto add) {
    for (size_t i : reps) {
      if (!rarest[i].empty()) for (uint32_t term : sets(i)) add(term, uint32_t(i));
    }
  });
  const IdLists prefixes(state.vocab().size(), [&](auto add) {
    for (size_t i : reps) {
      for (uint32_t term : rarest[i]) add(term, uint32_t(i));
    }
  });
  std::vector<uint32_t> seen(n, UINT32_MAX);
  for (size_t i : reps) {
    if (rarest[i].empty()) continue;
    const auto& set = sets(i);
    int checks = 0;
    auto ask = [&](std::span<const uint32_t> earlier) {
      for (uint32_t j : earlier) {
        if (j >= i || checks >= o.max_candidates) return;
        if (seen[j] == i) continue;
        seen[j] = uint32_t(i);
        ++checks;
        const auto& other = sets(j);
        const size_t common = Common(set, other);
        const size_t small = std::min(set.size(), other.size());
        const double jaccard = double(common) / double(set.size() + other.size() - common);
        const bool contained = small >= size_t(o.min_containment_terms) &&
                               double(common) >= o.near_duplicate_containment * double(small);
        if (jaccard >= t || contained) groups.Union(i, j);
      }
    };
    for (uint32_t term : rarest[i]) ask(holders[term]);
    for (uint32_t term : set) ask(prefixes[term]);
  }

  // The same quote: a shared run of words. Number each run's hash and join
  // every later holder to its first: no per-run allocation, no sort.
  const size_t run = size_t(std::max(2, o.shared_phrase_words));
  size_t most_runs = 0;
  for (size_t i : reps) {
    const size_t words = state.sentence(i).terms.size();
    if (words >= run) most_runs += words - run + 1;
  }
  KeyIndex runs(most_runs);
  std::vector<uint32_t> first_holder;  // by run number
  for (size_t i : reps) {
    const auto& terms = state.sentence(i).terms;
    if (terms.size() < run) continue;
    int content = 0;
    for (size_t m = 0; m < run; ++m) content += !state.vocab().IsStop(terms[m]);
    for (size_t k = 0;; ++k) {
      if (content >= 2) {
        const uint32_t number = runs.Number(HashTerms(terms.data() + k, run));
        if (number == first_holder.size()) {
          first_holder.push_back(uint32_t(i));
        } else if (first_holder[number] != i) {
          groups.Union(first_holder[number], i);
        }
      }
      if (k + run >= terms.size()) break;
      content += !state.vocab().IsStop(terms[k + run]) - !state.vocab().IsStop(terms[k]);
    }
  }

  // Keep the best-formed member of each group: never a fragment where another
  // member is whole (DropFragments would take the kept copy away and the
  // news with it), a complete sentence (capital
  // or quote first, final punctuation), neither a stub nor a run-on, holding
  // most of what the group says (a piece split off by segmentation shares a
  // quote with the whole sentence but loses its other words), in the
  // cluster's usual words (a spun copy swaps common words for rare ones), and
  // a document's opening where there is one; ties go to the earliest.
  const std::vector<uint32_t> position = KeptPositions(state.analyzed(), state.keep());
  std::vector<uint32_t> group_size(n, 0);
  std::vector<size_t> group_terms(n, 0);  // the most content terms of a member
  for (size_t i = 0; i < n; ++i) {
    if (!state.kept(i)) continue;
    const size_t root = groups.Find(i);
    ++group_size[root];
    group_terms[root] = std::max(group_terms[root], state.Content(i).size());
  }
  auto form = [&](size_t i, size_t root) {
    const Sentence& s = state.sentence(i);
    std::string_view text = state.Text(i);
    double f = s.punctuated ? 2.0 : 0.0;
    const unsigned char c = text.empty() ? 0 : static_cast<unsigned char>(text[0]);
    if ((c >= 'A' && c <= 'Z') || c == '"' || c >= 0x80 || (c >= '0' && c <= '9')) f += 1;
    f -= std::max(0.0, 10.0 - s.words) / 10.0 + std::max(0.0, s.words - 60.0) / 60.0;
    const auto& set = state.Content(i);
    f += 1.5 * double(set.size()) / double(std::max<size_t>(1, group_terms[root]));
    double usual = 0;
    for (uint32_t term : set) usual += std::log1p(df[term]);
    if (!set.empty()) f += usual / double(set.size());
    if (position[i] == 0) f += 0.5;
    if (IsFragment(state, i)) f -= 100;
    return f;
  };
  constexpr size_t kNone = SIZE_MAX;
  std::vector<size_t> best(n, kNone);  // by group root: its best member
  std::vector<double> score(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!state.kept(i)) continue;
    const size_t root = groups.Find(i);
    if (group_size[root] < 2) continue;
    score[i] = form(i, root);
    if (best[root] == kNone || score[i] > score[best[root]]) best[root] = i;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!state.kept(i)) continue;
    const size_t b = best[groups.Find(i)];
    if (b != kNone && b != i) state.Drop(i, DropReason::kDuplicateOf, b);
  }
}

}  // namespace precis
