// Starts `precis serve --port 0 ...` as a child process for end-to-end
// tests and reads the port it prints; the destructor stops it.
#ifndef PRECIS_TESTS_E2E_SERVE_PROCESS_H_
#define PRECIS_TESTS_E2E_SERVE_PROCESS_H_

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace precis::testing {

class ServeProcess {
 public:
  // Runs `precis serve --port 0 <args>`; port() is 0 if it did not start.
  explicit ServeProcess(const std::vector<std::string>& args = {}) {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDERR_FILENO);
      close(fds[0]);
      close(fds[1]);
      std::vector<std::string> argv_s = {PRECIS_BINARY, "serve", "--port", "0"};
      argv_s.insert(argv_s.end(), args.begin(), args.end());
      std::vector<char*> argv;
      for (auto& a : argv_s) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(PRECIS_BINARY, argv.data());
      _exit(127);
    }
    close(fds[1]);
    err_fd_ = fds[0];
    // The first line: "precis serve: listening on http://HOST:PORT/".
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < until) {
      ReadStderr(100);
      const size_t at = stderr_.find("listening on http://");
      const size_t eol = stderr_.find('\n', at == std::string::npos ? 0 : at);
      if (at != std::string::npos && eol != std::string::npos) {
        const std::string url = stderr_.substr(at, eol - at);
        port_ = std::stoi(url.substr(url.rfind(':') + 1));
        return;
      }
      if (Exited()) return;
    }
  }

  ~ServeProcess() {
    if (pid_ > 0 && exit_code_ == kRunning) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (err_fd_ >= 0) close(err_fd_);
  }

  int port() const { return port_; }
  pid_t pid() const { return pid_; }

  // Sends `sig` and waits up to `timeout` for the exit; returns the exit
  // code, or -1 when it did not exit in time or died of a signal.
  int StopWith(int sig, std::chrono::milliseconds timeout,
               std::chrono::milliseconds* took = nullptr) {
    const auto start = std::chrono::steady_clock::now();
    kill(pid_, sig);
    while (std::chrono::steady_clock::now() - start < timeout) {
      ReadStderr(10);
      if (Exited()) break;
    }
    if (took) {
      *took = std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - start);
    }
    ReadStderr(0);
    return exit_code_ == kRunning ? -1 : exit_code_;
  }

  // Everything the server wrote on stderr so far.
  const std::string& Stderr() {
    ReadStderr(0);
    return stderr_;
  }

 private:
  static constexpr int kRunning = -2;

  void ReadStderr(int timeout_ms) {
    if (err_fd_ < 0) return;
    pollfd p{err_fd_, POLLIN, 0};
    while (poll(&p, 1, timeout_ms) > 0) {
      char buf[4096];
      const ssize_t n = read(err_fd_, buf, sizeof buf);
      if (n <= 0) break;
      stderr_.append(buf, size_t(n));
      timeout_ms = 0;
    }
  }

  bool Exited() {
    if (exit_code_ != kRunning) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return true;
  }

  pid_t pid_ = -1;
  int err_fd_ = -1;
  int port_ = 0;
  int exit_code_ = kRunning;
  std::string stderr_;
};

}  // namespace precis::testing

#endif  // PRECIS_TESTS_E2E_SERVE_PROCESS_H_
