#include "ner/clusters.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <numeric>
#include <sstream>

#include "corpus/terms.h"
#include "text/utf8.h"

namespace rasd::ner {

namespace {

constexpr uint32_t kBreak = 0xFFFFFFFF;

// x log x, from a table for the small counts that dominate the sums.
class XLogX {
 public:
  XLogX() : table_(kTable) {
    for (size_t i = 1; i < kTable; ++i) table_[i] = static_cast<double>(i) * std::log(static_cast<double>(i));
  }
  double operator()(int64_t x) const {
    if (x < static_cast<int64_t>(kTable)) return table_[static_cast<size_t>(x)];
    return static_cast<double>(x) * std::log(static_cast<double>(x));
  }

 private:
  static constexpr size_t kTable = size_t{1} << 20;
  std::vector<double> table_;
};

// The words' bigrams in compressed rows: for word w, its right neighbours (other than
// itself) with counts, its left neighbours likewise, and how often it follows itself.
struct Bigrams {
  std::vector<size_t> right_at, left_at;  // V + 1 offsets
  std::vector<std::pair<uint32_t, int64_t>> right, left;
  std::vector<int64_t> self;
};

Bigrams CountBigrams(const std::vector<uint32_t>& text, const std::vector<uint32_t>& keep, size_t V) {
  std::vector<uint64_t> pairs;
  pairs.reserve(text.size());
  for (size_t i = 1; i < text.size(); ++i) {
    const uint32_t a = text[i - 1], b = text[i];
    if (a == kBreak || b == kBreak) continue;
    const uint32_t u = keep[a], v = keep[b];
    if (u == kBreak || v == kBreak) continue;
    pairs.push_back((uint64_t{u} << 32) | v);
  }
  Bigrams g;
  g.self.assign(V, 0);
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<uint64_t, int64_t>> runs;  // (u, v) -> count
  for (size_t i = 0; i < pairs.size();) {
    size_t j = i;
    while (j < pairs.size() && pairs[j] == pairs[i]) ++j;
    runs.emplace_back(pairs[i], static_cast<int64_t>(j - i));
    i = j;
  }
  pairs = {};
  auto build = [&](bool by_left, std::vector<size_t>& at, std::vector<std::pair<uint32_t, int64_t>>& out) {
    at.assign(V + 1, 0);
    for (const auto& [k, c] : runs) {
      const uint32_t u = static_cast<uint32_t>(k >> 32), v = static_cast<uint32_t>(k);
      if (u != v) ++at[(by_left ? u : v) + 1];
    }
    std::partial_sum(at.begin(), at.end(), at.begin());
    out.resize(at[V]);
    std::vector<size_t> fill(at.begin(), at.end() - 1);
    for (const auto& [k, c] : runs) {
      const uint32_t u = static_cast<uint32_t>(k >> 32), v = static_cast<uint32_t>(k);
      if (u == v) continue;
      if (by_left) out[fill[u]++] = {v, c};
      else out[fill[v]++] = {u, c};
    }
  };
  build(true, g.right_at, g.right);
  build(false, g.left_at, g.left);
  for (const auto& [k, c] : runs)
    if ((k >> 32) == (k & 0xFFFFFFFF)) g.self[k >> 32] = c;
  return g;
}

// The exchange algorithm for K classes over words 0..V-1 (commonest first).
std::vector<uint16_t> Exchange(const Bigrams& g, const std::vector<int64_t>& count, int K, int iterations,
                               const std::function<void(int, size_t)>& progress) {
  const size_t V = count.size();
  static const XLogX F;
  std::vector<uint16_t> cls(V);
  for (size_t w = 0; w < V; ++w) cls[w] = static_cast<uint16_t>(w % K);
  // N[c * K + d]: bigrams from class c to class d; NT is its transpose; n[c] words.
  std::vector<int64_t> N(static_cast<size_t>(K) * K, 0), NT(N.size(), 0), n(K, 0);
  for (size_t w = 0; w < V; ++w) {
    n[cls[w]] += count[w];
    for (size_t k = g.right_at[w]; k < g.right_at[w + 1]; ++k) N[cls[w] * K + cls[g.right[k].first]] += g.right[k].second;
    N[cls[w] * K + cls[w]] += g.self[w];
  }
  for (int c = 0; c < K; ++c)
    for (int d = 0; d < K; ++d) NT[d * K + c] = N[c * K + d];
  std::vector<int64_t> r(K, 0), l(K, 0);
  std::vector<int> rs, ls;  // classes with r or l non-zero
  std::vector<double> gain(K);
  for (int it = 1; it <= iterations; ++it) {
    size_t moved = 0;
    for (size_t w = 0; w < V; ++w) {
      // w's bigrams by the class of the other word.
      for (size_t k = g.right_at[w]; k < g.right_at[w + 1]; ++k) {
        const int d = cls[g.right[k].first];
        if (!r[d]) rs.push_back(d);
        r[d] += g.right[k].second;
      }
      for (size_t k = g.left_at[w]; k < g.left_at[w + 1]; ++k) {
        const int c = cls[g.left[k].first];
        if (!l[c]) ls.push_back(c);
        l[c] += g.left[k].second;
      }
      const int64_t s = g.self[w], nw = count[w];
      // Take w out of its class.
      const int a = cls[w];
      auto move = [&](int b, int sign) {
        for (int d : rs) N[b * K + d] += sign * r[d], NT[d * K + b] += sign * r[d];
        for (int c : ls) N[c * K + b] += sign * l[c], NT[b * K + c] += sign * l[c];
        N[b * K + b] += sign * s, NT[b * K + b] += sign * s;
        n[b] += sign * nw;
      };
      move(a, -1);
      // The change of the log-likelihood, sum N(c,d) log N(c,d) - 2 sum n(c) log n(c),
      // if w joined class b; the cell (b, b) takes r(b), l(b) and s at once.
      int best = a;
      double top = -std::numeric_limits<double>::infinity();
      for (int b = 0; b < K; ++b) {
        const int64_t* row = &N[static_cast<size_t>(b) * K];
        const int64_t* col = &NT[static_cast<size_t>(b) * K];
        double x = 0;
        for (int d : rs) x += F(row[d] + r[d]) - F(row[d]);
        for (int c : ls) x += F(col[c] + l[c]) - F(col[c]);
        const int64_t bb = row[b];
        x += F(bb + r[b] + l[b] + s) - F(bb + r[b]) - F(bb + l[b]) + F(bb);
        x -= 2 * (F(n[b] + nw) - F(n[b]));
        gain[b] = x;
        if (x > top) top = x, best = b;
      }
      // Stay unless another class is clearly better (no drifting between equals).
      if (gain[a] >= top - 1e-9) best = a;
      if (best != a) ++moved;
      cls[w] = static_cast<uint16_t>(best);
      move(best, +1);
      for (int d : rs) r[d] = 0;
      for (int c : ls) l[c] = 0;
      rs.clear();
      ls.clear();
    }
    if (progress) progress(it, moved);
    if (moved == 0) break;
  }
  return cls;
}

}  // namespace

void WordClusters::Add(std::string_view text) {
  text_.push_back(kBreak);
  corpus::ForEachWord(text, [&](const std::string& norm, size_t, size_t) {
    auto [it, fresh] = ids_.emplace(norm, static_cast<uint32_t>(words_.size()));
    if (fresh) words_.push_back(norm);
    text_.push_back(it->second);
  });
}

void WordClusters::AddWords(const std::vector<std::string>& norms) {
  text_.push_back(kBreak);
  for (const auto& norm : norms) {
    auto [it, fresh] = ids_.emplace(norm, static_cast<uint32_t>(words_.size()));
    if (fresh) words_.push_back(norm);
    text_.push_back(it->second);
  }
}

void WordClusters::Compute(const ClusterOptions& options, const std::function<void(int, int, size_t)>& progress) {
  // The vocabulary: words seen at least min_count times, commonest first (ties by
  // spelling, so that the order does not depend on the hash table).
  std::vector<int64_t> all(words_.size(), 0);
  for (uint32_t id : text_)
    if (id != kBreak) ++all[id];
  std::vector<uint32_t> order;
  for (uint32_t id = 0; id < all.size(); ++id)
    if (all[id] >= options.min_count) order.push_back(id);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return all[a] != all[b] ? all[a] > all[b] : words_[a] < words_[b];
  });
  if (order.size() > options.max_words) order.resize(options.max_words);
  std::vector<uint32_t> keep(words_.size(), kBreak);
  std::vector<int64_t> count(order.size());
  for (size_t k = 0; k < order.size(); ++k) keep[order[k]] = static_cast<uint32_t>(k), count[k] = all[order[k]];
  const Bigrams g = CountBigrams(text_, keep, order.size());
  text_ = {};
  sizes_.clear();
  classes_.clear();
  for (size_t k = 0; k < order.size(); ++k) classes_[words_[order[k]]].reserve(options.sizes.size());
  for (size_t level = 0; level < options.sizes.size(); ++level) {
    const int K = std::clamp(options.sizes[level], 2, 65535);
    sizes_.push_back(K);
    auto cls = Exchange(g, count, K, options.iterations, [&](int it, size_t moved) {
      if (progress) progress(K, it, moved);
    });
    for (size_t k = 0; k < order.size(); ++k) classes_[words_[order[k]]].push_back(cls[k]);
  }
  ids_ = {};
  words_ = {};
}

Status WordClusters::Save(const std::string& path) const {
  std::ofstream o(path);
  if (!o) return Error{ErrorCode::kIo, "cannot write", path, 0};
  o << "rasd-clusters 1";
  for (int k : sizes_) o << ' ' << k;
  o << '\n';
  std::vector<const std::pair<const std::string, std::vector<uint16_t>>*> rows;
  for (const auto& row : classes_) rows.push_back(&row);
  std::sort(rows.begin(), rows.end(), [](const auto* a, const auto* b) { return a->first < b->first; });
  for (const auto* row : rows) {
    o << row->first;
    for (uint16_t c : row->second) o << '\t' << c;
    o << '\n';
  }
  if (!o) return Error{ErrorCode::kIo, "cannot write", path, 0};
  return {};
}

Result<WordClusters> WordClusters::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::kNotFound, "cannot open", path, 0};
  WordClusters out;
  std::string line;
  std::getline(in, line);
  {
    std::istringstream head(line);
    std::string magic;
    int version = 0, k;
    head >> magic >> version;
    if (magic != "rasd-clusters" || version != 1) return Error{ErrorCode::kBadData, "not a rasd clusters file", path, 1};
    while (head >> k) {
      if (k < 2 || k > 65535) return Error{ErrorCode::kBadData, "bad number of classes", path, 1};
      out.sizes_.push_back(k);
    }
  }
  long number = 1;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    if (text::FindInvalidUtf8(line)) return Error{ErrorCode::kBadData, "invalid UTF-8", path, number};
    size_t tab = line.find('\t');
    if (tab == 0 || tab == std::string::npos) return Error{ErrorCode::kBadData, "expected word<TAB>classes", path, number};
    std::vector<uint16_t> cls;
    size_t i = tab;
    while (i < line.size()) {
      ++i;  // the tab
      size_t j = i;
      long v = 0;
      while (j < line.size() && line[j] >= '0' && line[j] <= '9' && v < 65536) v = v * 10 + (line[j++] - '0');
      if (j == i || (j < line.size() && line[j] != '\t') || cls.size() >= out.sizes_.size() ||
          v >= out.sizes_[cls.size()])
        return Error{ErrorCode::kBadData, "bad class", path, number};
      cls.push_back(static_cast<uint16_t>(v));
      i = j;
    }
    if (cls.size() != out.sizes_.size()) return Error{ErrorCode::kBadData, "wrong number of classes", path, number};
    out.classes_[line.substr(0, tab)] = std::move(cls);
  }
  return out;
}

}  // namespace rasd::ner
