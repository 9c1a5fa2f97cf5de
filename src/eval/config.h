// Not public: use include/precis/rouge.h. ROUGE-1.5.5's XML evaluation
// configuration, parsed by a small XML reader that covers what such files
// use: elements, attributes, text, comments, CDATA, the five predefined
// entities and character references, a prolog and a DOCTYPE without an
// internal subset.
#ifndef PRECIS_EVAL_CONFIG_H_
#define PRECIS_EVAL_CONFIG_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "precis/rouge.h"

namespace precis::rouge {

struct ConfigEval {
  std::string id;
  std::string peer_root, model_root;
  std::string format;  // as written: SPL, SEE, ISI, SIMPLE (any case)
  std::vector<std::pair<std::string, std::string>> peers;  // id, file
  std::vector<std::string> fileless_peers;  // <P ID> with no text: listed, never scored
  std::vector<std::string> model_ids;  // in order; an id may repeat
  std::vector<std::pair<std::string, std::string>> models;  // id, file (last wins)
};

// `name` is used in messages only.
Result<std::vector<ConfigEval>> ParseConfig(std::string_view xml, const std::string& name);

}  // namespace precis::rouge

#endif  // PRECIS_EVAL_CONFIG_H_
