// bench/throughput: rasd analyze over the SaudiNewsNet corpus (../shared/corpora/news/
// saudinewsnet/*.zip, one JSON array of articles per day). Prints articles/s and MB/s
// on one thread and on all threads, and the peak RSS. Skips when the corpus is absent.
//
//   build/bench/throughput [--limit N] [--threads N] [--clean-only] [CORPUS_DIR]
//
// Articles are read one zip (one day) at a time, so memory stays that of the engine
// plus one day of text; reading and unzipping are not timed, JSON output is.
#include <sys/resource.h>
#include <zip.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "clean/cleaner.h"
#include "pipeline/json.h"
#include "pipeline/pipeline.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

static std::vector<rasd::read::RawArticle> ReadZip(const std::string& path) {
  std::vector<rasd::read::RawArticle> out;
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (!z) return out;
  for (zip_int64_t i = 0; i < zip_get_num_entries(z, 0); ++i) {
    zip_stat_t st;
    if (zip_stat_index(z, i, 0, &st) != 0) continue;
    std::string buf(st.size, '\0');
    zip_file_t* f = zip_fopen_index(z, i, 0);
    if (!f) continue;
    zip_fread(f, buf.data(), st.size);
    zip_fclose(f);
    auto j = nlohmann::json::parse(buf, nullptr, false);
    if (!j.is_array()) continue;
    int k = 0;
    for (const auto& a : j) {
      if (!a.is_object() || !a.contains("content") || !a["content"].is_string()) continue;
      rasd::read::RawArticle r;
      r.id = fs::path(path).stem().string() + "-" + std::to_string(k++);
      r.input = path;
      r.body = a["content"].get<std::string>();
      if (a.contains("title") && a["title"].is_string()) r.title = a["title"].get<std::string>();
      if (a.contains("date_extracted") && a["date_extracted"].is_string())
        r.date = a["date_extracted"].get<std::string>().substr(0, 10);
      if (a.contains("source") && a["source"].is_string()) r.outlet = a["source"].get<std::string>();
      out.push_back(std::move(r));
    }
  }
  zip_close(z);
  return out;
}

struct Figures {
  size_t articles = 0;
  double bytes = 0, seconds = 0;
  size_t events = 0, entities = 0, tokens = 0, sentences = 0;
};

static Figures Pass(const rasd::Pipeline& pipeline, const std::vector<std::string>& zips, int threads, size_t limit) {
  Figures fig;
  for (const auto& zpath : zips) {
    if (fig.articles >= limit) break;
    auto articles = ReadZip(zpath);
    if (articles.size() > limit - fig.articles) articles.resize(limit - fig.articles);
    std::atomic<size_t> next{0}, events{0}, entities{0}, bytes{0}, tokens{0}, sentences{0};
    auto work = [&] {
      std::string json;
      for (size_t i; (i = next.fetch_add(1)) < articles.size();) {
        rasd::Document d = pipeline.Analyze(articles[i]);
        json = rasd::ToJsonLine(d);  // output is part of analyze's cost
        events += d.events.size();
        entities += d.entities.size();
        tokens += d.tokens.size();
        sentences += d.sentences.size();
        bytes += articles[i].body.size();
      }
    };
    auto t0 = Clock::now();
    if (threads == 1) {
      work();
    } else {
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t) pool.emplace_back(work);
      for (auto& t : pool) t.join();
    }
    fig.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    fig.articles += articles.size();
    fig.bytes += bytes;
    fig.events += events;
    fig.entities += entities;
    fig.tokens += tokens;
    fig.sentences += sentences;
  }
  return fig;
}

// The cleaning stage alone (read → clean), one thread.
static Figures CleanPass(const rasd::Pipeline& pipeline, const std::vector<std::string>& zips, size_t limit) {
  Figures fig;
  rasd::clean::Cleaner cleaner(*pipeline.resources().chrome);
  for (const auto& zpath : zips) {
    if (fig.articles >= limit) break;
    auto articles = ReadZip(zpath);
    if (articles.size() > limit - fig.articles) articles.resize(limit - fig.articles);
    auto t0 = Clock::now();
    for (const auto& a : articles) {
      rasd::Document d;
      cleaner.Clean(rasd::clean::CleanInput{a.body, a.title, {}}, d);
      fig.bytes += a.body.size();
    }
    fig.seconds += std::chrono::duration<double>(Clock::now() - t0).count();
    fig.articles += articles.size();
  }
  return fig;
}

int main(int argc, char** argv) {
  size_t limit = SIZE_MAX;
  bool clean_only = false;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string dir = std::string(RASD_SHARED_DIR) + "/corpora/news/saudinewsnet";
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--limit") && i + 1 < argc) limit = std::strtoull(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--threads") && i + 1 < argc) threads = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--clean-only")) clean_only = true;
    else dir = argv[i];
  }
  std::vector<std::string> zips;
  std::error_code ec;
  if (fs::is_directory(dir, ec))
    for (const auto& f : fs::directory_iterator(dir))
      if (f.path().extension() == ".zip") zips.push_back(f.path().string());
  if (zips.empty()) {
    std::printf("SKIP: no SaudiNewsNet zips in %s (the corpus lives in ../shared/corpora/news/)\n", dir.c_str());
    return 0;
  }
  std::sort(zips.begin(), zips.end());
  auto res = rasd::Resources::Load();
  if (!res.ok()) {
    std::fprintf(stderr, "cannot load data: %s\n", res.error().ToString().c_str());
    return 2;
  }
  rasd::Pipeline pipeline(res.value());
  std::printf("corpus: %zu zips in %s\n", zips.size(), dir.c_str());
  for (int t : {1, threads}) {
    if (clean_only) break;
    Figures f = Pass(pipeline, zips, t, limit);
    std::printf("threads %-2d  articles %zu  %.1f MB  %.2f s  %.0f articles/s  %.2f MB/s  (%zu entities, %zu events)\n", t,
                f.articles, f.bytes / 1048576.0, f.seconds, f.articles / f.seconds, f.bytes / 1048576.0 / f.seconds,
                f.entities, f.events);
    std::printf("            whole pipeline: %.0f tokens/s, %.0f sentences/s\n", f.tokens / f.seconds,
                f.sentences / f.seconds);
    if (threads == 1) break;
  }
  Figures c = CleanPass(pipeline, zips, limit);
  std::printf("clean only, 1 thread: %.1f MB in %.2f s = %.1f MB/s\n", c.bytes / 1048576.0, c.seconds,
              c.bytes / 1048576.0 / c.seconds);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("peak RSS %.1f MB\n", ru.ru_maxrss / 1024.0);
  return 0;
}
