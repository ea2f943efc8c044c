// All-or-nothing file output. An AtomicFile writes to a temporary file in the
// destination's directory and renames it over the destination only on
// Commit(), after flushing and fsync; until then (and forever, if Commit is
// never reached) a file already at the destination stays as it was. Every
// exported file goes through here.
#pragma once

#include <functional>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>

namespace newsgraph::io {

// A failed file operation. what() names the file and the system's reason:
// "out/graph.graphml: No space left on device".
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Temporary files removed when the process is stopped by a signal.
// AtomicFile and the Graphviz renderer register theirs: a SIGINT, SIGTERM,
// SIGHUP or SIGQUIT that arrives while they exist unlinks them (and stops
// a registered child process, such as Graphviz's dot), then ends the
// process by the same signal. The handler is installed for a signal only
// while its disposition is the default one, so a command that catches
// signals itself (build rolls back on SIGINT) keeps its own handling and
// AtomicFile's destructor still cleans up. Up to 64 paths at once; more
// are simply not removed on a signal.
class TempFileGuard {
 public:
  explicit TempFileGuard(const std::string& path);
  ~TempFileGuard();  // forgets the path (does not remove the file)
  TempFileGuard(const TempFileGuard&) = delete;
  TempFileGuard& operator=(const TempFileGuard&) = delete;

 private:
  int slot_ = -1;
};

// A child process to stop (SIGKILL) if this one is stopped by a signal
// while the guard lives: Graphviz must not run on as an orphan.
class ChildProcessGuard {
 public:
  explicit ChildProcessGuard(int pid);
  ~ChildProcessGuard();
  ChildProcessGuard(const ChildProcessGuard&) = delete;
  ChildProcessGuard& operator=(const ChildProcessGuard&) = delete;
};

class AtomicFile {
 public:
  // Creates the temporary file "<dir>/.<name>.tmpXXXXXX" beside path.
  // Throws IoError naming path when the directory does not exist, is not a
  // directory or is not writable, or when path exists and is not a regular
  // file: a symbolic link, a device, a FIFO or a socket is never replaced.
  explicit AtomicFile(std::string path);
  // Without a successful Commit(), removes the temporary file.
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Where to write. Write errors (a full disk, a file size limit) are
  // remembered and reported by Commit(); the stream itself does not throw.
  std::ostream& stream();

  // Flushes, fsyncs, closes and renames the temporary file to path, then
  // fsyncs the directory. Throws IoError naming path (with errno text) on the
  // first write, flush, fsync or rename error, in which case the destination
  // is untouched and the temporary file is removed by the destructor.
  void Commit();

  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  class FdBuf;
  [[noreturn]] void Fail(const std::string& what, int err);

  std::string path_, temp_path_;
  int fd_ = -1;
  bool committed_ = false;
  std::unique_ptr<FdBuf> buf_;
  std::unique_ptr<std::ostream> out_;
  std::unique_ptr<TempFileGuard> guard_;
};

// Writes path atomically: write(stream) then Commit(). Exceptions from write
// propagate and leave any earlier file at path intact.
void WriteFileAtomically(const std::string& path,
                         const std::function<void(std::ostream&)>& write);

}  // namespace newsgraph::io
