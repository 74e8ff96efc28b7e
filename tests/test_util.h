// tests/test_util.h: shared fixtures. The data files are loaded once per process.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "pipeline/pipeline.h"
#include "pipeline/resources.h"

namespace rasd::testing {

inline const std::shared_ptr<const Resources>& TestResources() {
  static std::shared_ptr<const Resources> res = [] {
    ::unsetenv("RASD_NER_MODEL");  // the tests see the data directory's model, whatever the shell says
    auto r = Resources::Load(RASD_TEST_DATA_DIR);
    if (!r.ok()) {
      std::fprintf(stderr, "cannot load data: %s\n", r.error().ToString().c_str());
      std::abort();
    }
    return r.value();
  }();
  return res;
}

inline const Pipeline& TestPipeline() {
  static Pipeline p(TestResources());
  return p;
}

inline Document AnalyzeText(const std::string& text, const std::string& date = "2021-07-10",
                            std::optional<std::string> title = std::nullopt) {
  read::RawArticle a;
  a.id = "t";
  a.input = "test";
  a.body = text;
  a.title = title;
  AnalyzeOptions o;
  o.date = date;
  return TestPipeline().Analyze(a, o);
}

// The first element of `items` that `pred` accepts, or nullptr.
template <typename T, typename Pred>
const T* FindIf(const std::vector<T>& items, Pred pred) {
  for (const auto& x : items)
    if (pred(x)) return &x;
  return nullptr;
}

// ../shared, or $RASD_SHARED; empty when absent.
inline std::string SharedDir() {
  if (const char* env = std::getenv("RASD_SHARED"); env && *env) return env;
  std::error_code ec;
  if (std::filesystem::is_directory(std::string(RASD_SHARED_DIR) + "/seeds", ec)) return RASD_SHARED_DIR;
  return "";
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh temporary directory for one test.
inline std::filesystem::path TempDir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("rasd-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void WriteFile(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out << bytes;
}

}  // namespace rasd::testing
