#include "select/ilp_search.h"

#include <algorithm>
#include <cstdint>

#include "base/key_index.h"

namespace precis {
namespace {

class Search {
 public:
  Search(const IlpModel& p, const std::vector<double>& cost, double capacity, long max_nodes,
         const std::function<bool(int, int)>& redundant)
      : p_(p),
        cost_(cost),
        capacity_(capacity),
        max_nodes_(max_nodes),
        redundant_(redundant),
        cover_(p.weight.size(), 0),
        blocked_(p.candidates.size(), 0),
        open_(p.candidates.size() + 1) {}

  // Makes `chosen` the incumbent (it must be feasible).
  void Start(const std::vector<int>& chosen) {
    for (int j : chosen) Take(j);
    best_ = chosen_;
    best_value_ = Value();
    for (int j : chosen) Drop(j);
  }

  IlpSearch Run() {
    Node(0);
    IlpSearch out;
    out.done = nodes_ <= max_nodes_;
    out.chosen = best_;
    std::sort(out.chosen.begin(), out.chosen.end());
    out.value = best_value_;
    out.nodes = nodes_;
    return out;
  }

 private:
  double Gain(int j) const {
    double g = p_.own[j];
    for (int c : p_.columns[j]) g += cover_[c] ? 0 : p_.weight[c];
    return g;
  }
  double Value() const {
    double v = 0;
    for (int j : chosen_) v += p_.own[j];
    for (size_t c = 0; c < cover_.size(); ++c) v += cover_[c] ? p_.weight[c] : 0;
    return v;
  }
  // A candidate taken is blocked, so it is never open twice.
  void Take(int j) {
    chosen_.push_back(j);
    used_ += cost_[j];
    for (int c : p_.columns[j]) ++cover_[c];
    ++blocked_[j];
  }
  void Drop(int j) {
    chosen_.pop_back();
    used_ -= cost_[j];
    for (int c : p_.columns[j]) --cover_[c];
    --blocked_[j];
  }
  // Each pair is asked once: the same pairs come up in many nodes.
  bool RedundantWithChosen(int j) {
    for (int c : chosen_) {
      const uint32_t pair = asked_.Number(Pair(j, c));
      if (pair == answer_.size()) answer_.push_back(redundant_(j, c));
      if (answer_[pair]) return true;
    }
    return false;
  }
  static uint64_t Pair(int a, int b) {
    return a < b ? uint64_t(a) << 32 | uint32_t(b) : uint64_t(b) << 32 | uint32_t(a);
  }

  // Explores every selection that adds to chosen_ candidates not yet
  // excluded: takes the best-ranked open one and explores, then excludes it
  // (for the rest of this node) and bounds the rest, until the bound falls
  // short of the incumbent. Gains and ranks do not change within a node (a
  // child undoes what it takes), so the candidates are ranked once and the
  // excluded ones are the ranking's head. The recursion is as deep as a
  // selection is long.
  void Node(double value) {
    if (++nodes_ > max_nodes_) return;
    if (value > best_value_ + 1e-9) {
      best_value_ = value;
      best_ = chosen_;
    }
    // A better selection is worth at least one grain more (IlpModel::step).
    const double grain = p_.step > 0 ? p_.step - 1e-6 : 1e-9;
    const double room = capacity_ - used_;
    // Each depth keeps its buffer: no allocation per node once warm.
    std::vector<Open>& open = open_[chosen_.size()];
    open.clear();
    for (size_t j = 0; j < p_.candidates.size(); ++j) {
      if (blocked_[j] || cost_[j] > room) continue;
      const double g = Gain(int(j));
      if (g > 0) open.push_back({-g / std::max(cost_[j], 1e-9), int(j), g});
    }
    // The bound and the branching read the ranking's head only (a few
    // candidates fill the room): it is sorted as far as they read.
    size_t ranked = 0;
    auto rank = [&](size_t k) {  // open[0, k] in order
      if (k < ranked) return;
      const size_t to = std::min(open.size(), std::max(k + 1, 2 * ranked + 8));
      std::partial_sort(open.begin() + long(ranked), open.begin() + long(to), open.end());
      ranked = to;
    };
    size_t head = 0;
    for (; head < open.size(); ++head) {
      double bound = value, left = room;
      for (size_t k = head; k < open.size(); ++k) {
        rank(k);
        const Open& o = open[k];
        if (cost_[o.j] <= left) {
          bound += o.gain;
          left -= cost_[o.j];
        } else {
          bound += o.gain * left / cost_[o.j];
          break;
        }
      }
      if (bound < best_value_ + grain) break;
      const int j = open[head].j;
      if (RedundantWithChosen(j)) {  // for this node's subtree, like an exclusion
        ++blocked_[j];
        continue;
      }
      Take(j);
      Node(value + open[head].gain);
      Drop(j);
      ++blocked_[j];
      if (nodes_ > max_nodes_) {
        ++head;
        break;
      }
    }
    for (size_t k = 0; k < head; ++k) --blocked_[open[k].j];
  }

  struct Open {
    double rank;  // minus gain per cost: ascending is best first
    int j;
    double gain;
    bool operator<(const Open& o) const { return rank < o.rank || (rank == o.rank && j < o.j); }
  };

  const IlpModel& p_;
  const std::vector<double>& cost_;
  const double capacity_;
  const long max_nodes_;
  const std::function<bool(int, int)>& redundant_;
  KeyIndex asked_;              // pairs asked of redundant_
  std::vector<bool> answer_;    // by asked_ number
  std::vector<int> cover_;    // by column: how many taken hold it
  std::vector<int> blocked_;  // by candidate: taken, excluded, or redundant with one taken
  std::vector<int> chosen_, best_;
  std::vector<std::vector<Open>> open_;  // by depth (chosen_.size())
  double used_ = 0;
  double best_value_ = 0;
  long nodes_ = 0;
};

}  // namespace

IlpSearch SearchIlp(const IlpModel& p, const std::vector<double>& cost, double capacity,
                    const std::vector<int>& start, long max_nodes,
                    const std::function<bool(int, int)>& redundant) {
  Search search(p, cost, capacity, max_nodes, redundant);
  search.Start(start);
  return search.Run();
}

}  // namespace precis
