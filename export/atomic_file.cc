// AtomicFile: temporary file, fsync, rename. The stream writes through a
// small streambuf over the file descriptor so that the errno of a failed
// write (ENOSPC, EFBIG, EIO) reaches the error message.
#include "export/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <streambuf>
#include <vector>

namespace newsgraph::io {

class AtomicFile::FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd), buffer_(1 << 16) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  // errno of the first failed write, 0 if none.
  int error() const { return error_; }
  bool Flush() { return FlushBuffer(); }

 protected:
  int_type overflow(int_type ch) override {
    if (!FlushBuffer()) return traits_type::eof();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(ch);
      pbump(1);
    }
    return traits_type::not_eof(ch);
  }
  int sync() override { return FlushBuffer() ? 0 : -1; }

 private:
  bool FlushBuffer() {
    if (error_) return false;
    const char* p = pbase();
    size_t left = static_cast<size_t>(pptr() - pbase());
    while (left > 0) {
      ssize_t n = ::write(fd_, p, left);
      if (n < 0) {
        if (errno == EINTR) continue;
        error_ = errno;
        return false;
      }
      p += n;
      left -= static_cast<size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return true;
  }

  int fd_;
  int error_ = 0;
  std::vector<char> buffer_;
};

namespace {

// ---- cleanup on signals --------------------------------------------------
// Fixed slots that the handler reads with async-signal-safe calls only:
// state 0 free, 1 being written, 2 holds a path to unlink.
constexpr int kSlots = 64;
struct Slot {
  std::atomic<int> state{0};
  char path[4096];
};
Slot g_slots[kSlots];
std::atomic<int> g_child{0};
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
std::atomic<bool> g_installed[4];

void OnFatalSignal(int sig) {
  int child = g_child.load();
  if (child > 0) ::kill(child, SIGKILL);
  for (auto& slot : g_slots)
    if (slot.state.load() == 2) ::unlink(slot.path);
  // End the process by the same signal, as if it had not been caught.
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

// Installs OnFatalSignal for each signal still at its default action.
void InstallHandlers() {
  for (int i = 0; i < 4; ++i) {
    if (g_installed[i].exchange(true)) continue;
    struct sigaction old {};
    if (::sigaction(kSignals[i], nullptr, &old) != 0 || old.sa_handler != SIG_DFL ||
        (old.sa_flags & SA_SIGINFO))
      continue;
    struct sigaction sa {};
    sa.sa_handler = OnFatalSignal;
    sigemptyset(&sa.sa_mask);
    for (int s : kSignals) sigaddset(&sa.sa_mask, s);
    ::sigaction(kSignals[i], &sa, nullptr);
  }
}

}  // namespace

TempFileGuard::TempFileGuard(const std::string& path) {
  if (path.empty() || path.size() >= sizeof(g_slots[0].path)) return;
  InstallHandlers();
  for (int i = 0; i < kSlots; ++i) {
    int expected = 0;
    if (!g_slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
    g_slots[i].state.store(2);
    slot_ = i;
    return;
  }
}

TempFileGuard::~TempFileGuard() {
  if (slot_ >= 0) g_slots[slot_].state.store(0);
}

ChildProcessGuard::ChildProcessGuard(int pid) {
  InstallHandlers();
  g_child.store(pid);
}

ChildProcessGuard::~ChildProcessGuard() { g_child.store(0); }

namespace {

std::string DirName(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
  if (path_.empty() || path_.back() == '/') {
    throw IoError((path_.empty() ? std::string("(empty path)") : path_) +
                  ": not a file name");
  }
  // Only a regular file is ever replaced. The rename would put a regular
  // file in place of a symbolic link (not writing where it points), a
  // device such as /dev/null, a FIFO or a socket.
  struct stat st;
  if (::lstat(path_.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode))
      throw IoError(path_ + ": is a symbolic link; newsgraph does not replace links (give the path of the "
                            "file it points to, or remove the link)");
    if (S_ISDIR(st.st_mode)) throw IoError(path_ + ": is a directory");
    if (!S_ISREG(st.st_mode))
      throw IoError(path_ + ": is not a regular file (" +
                    (S_ISFIFO(st.st_mode)  ? "a FIFO"
                     : S_ISCHR(st.st_mode) ? "a character device"
                     : S_ISBLK(st.st_mode) ? "a block device"
                     : S_ISSOCK(st.st_mode) ? "a socket"
                                            : "a special file") +
                    "); newsgraph writes output only to regular files, or to standard output with -o -");
  }
  std::string dir = DirName(path_);
  std::string templ = dir + "/." + BaseName(path_) + ".tmpXXXXXX";
  std::vector<char> name(templ.begin(), templ.end());
  name.push_back('\0');
  fd_ = ::mkstemp(name.data());
  if (fd_ < 0) Fail("cannot create a file in " + dir, errno);
  temp_path_ = name.data();
  guard_ = std::make_unique<TempFileGuard>(temp_path_);
  // mkstemp makes 0600 files; exports are meant to be shared like any file
  // the user writes, so take the mode of the file being replaced or 0644.
  mode_t mode = 0644;
  if (::stat(path_.c_str(), &st) == 0) mode = st.st_mode & 07777;
  ::fchmod(fd_, mode);
  buf_ = std::make_unique<FdBuf>(fd_);
  out_ = std::make_unique<std::ostream>(buf_.get());
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.reset();
  buf_.reset();
  if (fd_ >= 0) ::close(fd_);
  if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  guard_.reset();
}

std::ostream& AtomicFile::stream() { return *out_; }

void AtomicFile::Fail(const std::string& what, int err) {
  std::string msg = path_ + ": " + what;
  if (err) msg += std::string(what.empty() ? "" : ": ") + std::strerror(err);
  throw IoError(msg);
}

void AtomicFile::Commit() {
  if (committed_) return;
  out_->flush();
  if (!buf_->Flush() || buf_->error()) Fail("write failed", buf_->error());
  if (out_->bad()) Fail("write failed", EIO);
  if (::fsync(fd_) != 0) Fail("fsync failed", errno);
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) Fail("close failed", errno);
  if (::rename(temp_path_.c_str(), path_.c_str()) != 0) Fail("rename failed", errno);
  committed_ = true;
  guard_.reset();
  // The rename is durable only once the directory is on disk too. Some file
  // systems refuse fsync on directories; the file itself is already safe.
  int dfd = ::open(DirName(path_).c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void WriteFileAtomically(const std::string& path,
                         const std::function<void(std::ostream&)>& write) {
  AtomicFile file(path);
  write(file.stream());
  file.Commit();
}

}  // namespace newsgraph::io
