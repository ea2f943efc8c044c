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
};

// Writes path atomically: write(stream) then Commit(). Exceptions from write
// propagate and leave any earlier file at path intact.
void WriteFileAtomically(const std::string& path,
                         const std::function<void(std::ostream&)>& write);

}  // namespace newsgraph::io
