#include "pipeline/runner.h"

#include <atomic>
#include <optional>
#include <thread>
#include <variant>
#include <vector>

namespace rasd {

RunTotals Run(read::ArticleSource& source, const Pipeline& pipeline, const RunOptions& options,
              const std::function<void(Document&&, const read::RawArticle&)>& on_doc,
              const std::function<void(const Error&)>& on_error,
              const std::function<void(const RunTotals&)>& on_batch) {
  const int threads = std::max(1, options.threads);
  const size_t batch = options.batch ? options.batch : 64u * threads;
  RunTotals totals;
  bool done = false;
  while (!done) {
    std::vector<std::variant<read::RawArticle, Error>> items;
    while (items.size() < batch) {
      auto next = source.Next();
      if (!next.ok()) {
        items.emplace_back(next.error());
        continue;
      }
      if (!next.value()) {
        done = true;
        break;
      }
      items.emplace_back(std::move(*next.value()));
    }
    std::vector<std::optional<Document>> docs(items.size());
    std::atomic<size_t> cursor{0};
    auto work = [&] {
      for (size_t i; (i = cursor.fetch_add(1)) < items.size();) {
        if (auto* a = std::get_if<read::RawArticle>(&items[i])) docs[i] = pipeline.Analyze(*a, options.analyze);
      }
    };
    if (threads == 1 || items.size() < 2) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t) pool.emplace_back(work);
      for (auto& t : pool) t.join();
    }
    for (size_t i = 0; i < items.size(); ++i) {
      if (auto* e = std::get_if<Error>(&items[i])) {
        ++totals.errors;
        on_error(*e);
      } else {
        ++totals.articles;
        const auto& raw = std::get<read::RawArticle>(items[i]);
        totals.bytes += raw.body.size();
        on_doc(std::move(*docs[i]), raw);
      }
    }
    if (on_batch) on_batch(totals);
  }
  return totals;
}

}  // namespace rasd
