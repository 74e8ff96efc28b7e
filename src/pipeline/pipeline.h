// pipeline/pipeline.h: one article through every stage, on one screen:
//   read (html) → clean → tokenize → entities/actors → times → events → quotes, attributions.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <string>

#include "pipeline/resources.h"
#include "rasd/document.h"
#include "read/reader.h"

namespace rasd {

// Outlet → line keys learned as that outlet's chrome (store/store.h LearnedChrome).
using LearnedChrome = std::unordered_map<std::string, std::unordered_set<std::string>>;

struct AnalyzeOptions {
  std::string date;    // default article date (YYYY-MM-DD) when the input has none
  std::string outlet;  // default outlet when the input has none
  std::shared_ptr<const LearnedChrome> learned;  // optional, applied by the input's outlet
};

class Pipeline {
 public:
  explicit Pipeline(std::shared_ptr<const Resources> resources) : res_(std::move(resources)) {}
  Document Analyze(const read::RawArticle& article, const AnalyzeOptions& options = {}) const;
  const Resources& resources() const { return *res_; }

 private:
  std::optional<std::string> DatelineDate(const Document& doc) const;
  std::shared_ptr<const Resources> res_;
};

// Normalizes a date given by a user or feed ("2021-06-22T10:00:00Z", "2021/6/22") to
// YYYY-MM-DD; nullopt when it is not a date.
std::optional<std::string> NormalizeDate(const std::string& s);

}  // namespace rasd
