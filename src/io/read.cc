#include <cerrno>
#include <cstdio>
#include <cstring>

#include "base/utf8.h"
#include "precis/io.h"

namespace precis {

Result<std::string> ReadFileBytes(const std::string& path) {
  const bool is_stdin = path == "-";
  FILE* f = is_stdin ? stdin : std::fopen(path.c_str(), "rb");
  const std::string name = is_stdin ? "<stdin>" : "'" + path + "'";
  if (f == nullptr) {
    const int err = errno;
    std::string msg = "cannot open " + name + ": " + std::strerror(err);
    return err == ENOENT ? Status::NotFound(msg) : Status::IoError(msg);
  }
  std::string bytes;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) bytes.append(buf, n);
  const bool failed = std::ferror(f);
  const int err = errno;
  if (!is_stdin) std::fclose(f);
  if (failed) {
    return Status::IoError("cannot read " + name + ": " +
                           (err == EISDIR ? "it is a directory" : std::strerror(err)));
  }
  return bytes;
}

Status CheckText(std::string_view bytes, std::string_view name) {
  std::string problem = DescribeInvalidText(bytes);
  if (problem.empty()) return Status::Ok();
  return Status::InvalidInput(std::string(name) + ": " + problem);
}

}  // namespace precis
