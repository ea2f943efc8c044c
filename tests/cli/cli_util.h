// Running the newsgraph binary from tests: stdout, stderr and exit code.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace newsgraph::testing {

// The records of JSON Lines output, each line parsed (a line that is no
// JSON fails the test).
inline std::vector<rapidjson::Document> JsonLines(const std::string& text) {
  std::vector<rapidjson::Document> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document d;
    d.Parse(line.c_str());
    EXPECT_FALSE(d.HasParseError()) << line;
    if (!d.HasParseError()) out.push_back(std::move(d));
  }
  return out;
}

struct RunResult {
  int code = -1;
  std::string out, err;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Runs `newsgraph ARGS` through the shell (ARGS is shell text: quote paths
// yourself). stdin is /dev/null unless the command redirects it.
inline RunResult RunNewsgraph(const std::string& args, const std::string& tmp_dir) {
  std::string out = tmp_dir + "/stdout", err = tmp_dir + "/stderr";
  std::string cmd = std::string("'") + NEWSGRAPH_BINARY + "' " + args + " >'" + out + "' 2>'" + err + "'";
  if (cmd.find(" < ") == std::string::npos && cmd.find(" | ") == std::string::npos) cmd += " </dev/null";
  int status = std::system(cmd.c_str());
  RunResult r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(out);
  r.err = ReadFile(err);
  return r;
}

// A fresh temporary folder, removed when the object goes.
class TempDir {
 public:
  TempDir() {
    std::string templ = (std::filesystem::temp_directory_path() / "newsgraph-test-XXXXXX").string();
    path_ = mkdtemp(templ.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

inline std::string Fixture(const std::string& name) { return std::string(NEWSGRAPH_TEST_DATA) + "/" + name; }

inline std::string Quote(const std::string& s) { return "'" + s + "'"; }

}  // namespace newsgraph::testing
