// pipeline/runner.h: runs the pipeline over an ArticleSource on N threads and
// hands results back in input order (errors in their place), in bounded memory.
#pragma once

#include <functional>

#include "pipeline/pipeline.h"
#include "read/reader.h"

namespace rasd {

struct RunOptions {
  int threads = 1;
  size_t batch = 0;  // articles per batch; 0 = 64 per thread
  AnalyzeOptions analyze;
};

struct RunTotals {
  size_t articles = 0, errors = 0;
  uint64_t bytes = 0;  // input bytes of the analysed articles
};

// Calls on_doc / on_error in input order, from the calling thread. `on_batch` (if set)
// is called after each batch, for progress reports.
RunTotals Run(read::ArticleSource& source, const Pipeline& pipeline, const RunOptions& options,
              const std::function<void(Document&&, const read::RawArticle&)>& on_doc,
              const std::function<void(const Error&)>& on_error,
              const std::function<void(const RunTotals&)>& on_batch = {});

}  // namespace rasd
