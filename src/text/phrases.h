// text/phrases.h: multi-word phrases (normalized words) indexed by their first word,
// matched against a document's tokens. Shared by the cue and time-word lexicons.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "rasd/document.h"

namespace rasd::text {

template <typename T>
class PhraseIndex {
 public:
  void Add(std::vector<std::string> words, T value) {
    by_first_[words[0]].push_back(static_cast<int32_t>(phrases_.size()));
    phrases_.emplace_back(std::move(words), std::move(value));
  }

  // The first phrase (in insertion order) whose first word is one of `first_keys` (the
  // token as read, e.g. with and without a conjunction) and whose other words equal the
  // norms of the following tokens. Returns its length in tokens, 0 when none.
  int32_t Match(const std::vector<Token>& tokens, int32_t i, int32_t end,
                std::initializer_list<std::string_view> first_keys, T* value) const {
    for (std::string_view key : first_keys) {
      if (key.empty()) continue;
      auto it = by_first_.find(std::string(key));
      if (it == by_first_.end()) continue;
      for (int32_t id : it->second) {
        const auto& [words, v] = phrases_[id];
        if (i + static_cast<int32_t>(words.size()) > end) continue;
        bool ok = true;
        for (size_t k = 1; k < words.size() && ok; ++k) ok = tokens[i + k].norm == words[k];
        if (ok) {
          *value = v;
          return static_cast<int32_t>(words.size());
        }
      }
    }
    return 0;
  }

 private:
  std::vector<std::pair<std::vector<std::string>, T>> phrases_;
  std::unordered_map<std::string, std::vector<int32_t>> by_first_;
};

}  // namespace rasd::text
