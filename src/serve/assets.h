// Not public: the web page's files (web/) and the bundled examples
// (examples/), compiled in by cmake/embed_data.cmake so that `precis serve`
// needs no files beside it.
#ifndef PRECIS_SERVE_ASSETS_H_
#define PRECIS_SERVE_ASSETS_H_

#include <cstddef>
#include <string_view>

#include "base/embedded_data.h"

namespace precis::serve {

extern const EmbeddedFile kWebFiles[];  // names relative to web/
extern const size_t kNumWebFiles;
extern const EmbeddedFile kExampleFiles[];  // names relative to examples/
extern const size_t kNumExampleFiles;

}  // namespace precis::serve

#endif  // PRECIS_SERVE_ASSETS_H_
