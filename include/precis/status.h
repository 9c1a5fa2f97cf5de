// Errors as values. Nothing in precis' public API throws: every fallible call
// returns a Status or a Result<T>, and each front end (CLI exit code, HTTP
// status, Python exception) translates it once, at its edge.
#ifndef PRECIS_STATUS_H_
#define PRECIS_STATUS_H_

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace precis {

// The closed set of error codes. Their names (StatusCodeName) appear in JSON
// output as "code" and are part of the output contract.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad option or budget: a usage error (CLI exit 2)
  kInvalidInput,     // the input itself is unusable: bad UTF-8, bad JSON, empty
  kNotFound,         // a file or resource that does not exist
  kIoError,          // a read or write that failed
  kLimitExceeded,    // input larger than a documented limit
  kInternal,         // a bug in precis
};

// "ok", "invalid-argument", "invalid-input", "not-found", "io-error",
// "limit-exceeded", "internal".
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status InvalidInput(std::string m) {
    return {StatusCode::kInvalidInput, std::move(m)};
  }
  static Status NotFound(std::string m) {
    return {StatusCode::kNotFound, std::move(m)};
  }
  static Status IoError(std::string m) {
    return {StatusCode::kIoError, std::move(m)};
  }
  static Status LimitExceeded(std::string m) {
    return {StatusCode::kLimitExceeded, std::move(m)};
  }
  static Status Internal(std::string m) {
    return {StatusCode::kInternal, std::move(m)};
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid-input: a.txt: invalid UTF-8 at byte 12"
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}                  // NOLINT
  // A Result holds a value or an error: an OK status with no value is a
  // caller's bug, kept as one so that ok() and status().ok() agree.
  Result(Status status)  // NOLINT
      : v_(status.ok() ? Status::Internal("a Result was made from an OK Status")
                       : std::move(status)) {}

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<Status>(v_);
  }
  // Precondition: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace precis

#endif  // PRECIS_STATUS_H_
