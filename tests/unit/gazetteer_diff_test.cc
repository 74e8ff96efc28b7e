// Differential test: the trie walk finds exactly the longest names a naive linear scan
// over every name finds, on random token strings built from name tokens and noise.
#include <gtest/gtest.h>

#include <random>
#include <set>

#include "test_util.h"

namespace rasd::entities {
namespace {

using Tokens = std::vector<std::string>;

// Longest name starting at `at`, by scanning every name; returns its length and entries.
std::pair<size_t, std::set<std::pair<int, int32_t>>> Naive(const Gazetteer& g, const Tokens& text, size_t at) {
  size_t best = 0;
  std::set<std::pair<int, int32_t>> entries;
  for (const auto& [name, entry] : g.names_list()) {
    if (name.size() < best || at + name.size() > text.size()) continue;
    if (!std::equal(name.begin(), name.end(), text.begin() + static_cast<long>(at))) continue;
    if (name.size() > best) best = name.size(), entries.clear();
    entries.emplace(static_cast<int>(entry.kind), entry.index);
  }
  return {best, entries};
}

std::pair<size_t, std::set<std::pair<int, int32_t>>> Trie(const Gazetteer& g, const Tokens& text, size_t at) {
  size_t best = 0;
  int32_t best_node = -1, node = 0;
  for (size_t k = at; k < text.size(); ++k) {
    node = g.Child(node, text[k]);
    if (node < 0) break;
    if (!g.Entries(node).empty()) best = k - at + 1, best_node = node;
  }
  std::set<std::pair<int, int32_t>> entries;
  if (best_node >= 0)
    for (const auto& e : g.Entries(best_node)) entries.emplace(static_cast<int>(e.kind), e.index);
  return {best, entries};
}

TEST(GazetteerDiff, TrieAgreesWithLinearScan) {
  const Gazetteer& g = *testing::TestResources()->gazetteer;
  std::vector<std::string> vocab;
  for (const auto& [name, entry] : g.names_list())
    for (const auto& t : name) vocab.push_back(t);
  for (const char* noise : {"في", "و", "من", "الى", "قال", "xyz", "2021"}) vocab.push_back(noise);
  ASSERT_GT(vocab.size(), 1000u);
  std::mt19937 rng(7);
  std::uniform_int_distribution<size_t> pick(0, vocab.size() - 1);
  std::uniform_int_distribution<size_t> name_pick(0, g.names_list().size() - 1);
  std::bernoulli_distribution whole_name(0.3);
  int compared = 0, found = 0;
  for (int round = 0; round < 60; ++round) {
    Tokens text;
    while (text.size() < 40) {
      if (whole_name(rng)) {
        const auto& name = g.names_list()[name_pick(rng)].first;
        text.insert(text.end(), name.begin(), name.end());
      } else {
        text.push_back(vocab[pick(rng)]);
      }
    }
    for (size_t at = 0; at < text.size(); ++at) {
      auto naive = Naive(g, text, at);
      auto trie = Trie(g, text, at);
      ASSERT_EQ(naive.first, trie.first) << "at token " << at << ": " << text[at];
      ASSERT_EQ(naive.second, trie.second) << "at token " << at << ": " << text[at];
      ++compared;
      found += naive.first > 0;
    }
  }
  EXPECT_GT(found, compared / 10);  // the strings really contain names
}

}  // namespace
}  // namespace rasd::entities
