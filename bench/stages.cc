// bench/stages: Google Benchmark timings of single stages on the bundled examples.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "morph/tokenizer.h"
#include "pipeline/json.h"
#include "pipeline/pipeline.h"
#include "text/arabic.h"

namespace {

std::vector<rasd::read::RawArticle> Examples() {
  std::vector<rasd::read::RawArticle> out;
  for (const auto& f : std::filesystem::directory_iterator(std::string(RASD_SOURCE_DIR) + "/examples/articles")) {
    std::ifstream in(f.path());
    std::stringstream ss;
    ss << in.rdbuf();
    rasd::read::RawArticle a;
    a.id = f.path().stem().string();
    a.body = ss.str();
    out.push_back(std::move(a));
  }
  return out;
}

const rasd::Pipeline& GetPipeline() {
  static rasd::Pipeline p(rasd::Resources::Load().value());
  return p;
}

void BM_NormalizeKey(benchmark::State& state) {
  auto ex = Examples();
  size_t bytes = 0;
  for (auto _ : state)
    for (const auto& a : ex) {
      benchmark::DoNotOptimize(rasd::text::NormalizeKey(a.body));
      bytes += a.body.size();
    }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_NormalizeKey);

void BM_Analyze(benchmark::State& state) {
  auto ex = Examples();
  const auto& p = GetPipeline();
  size_t n = 0;
  for (auto _ : state)
    for (const auto& a : ex) {
      benchmark::DoNotOptimize(rasd::ToJsonLine(p.Analyze(a, rasd::AnalyzeOptions{"2024-03-15", "", nullptr})));
      ++n;
    }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_Analyze);

}  // namespace

BENCHMARK_MAIN();
