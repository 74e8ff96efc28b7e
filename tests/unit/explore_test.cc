// The corpus side of the store and its front ends: duplicate links, happenings,
// stories, resuming an ingest killed midway, and the HTTP API (read-only by default).
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <random>
#include <thread>

#include "pipeline/json.h"
#include "store/store.h"
#include "test_util.h"

namespace rasd::store {
namespace {

// An article of ours: one coded event (Egypt and Qatar agree) and enough words for
// near-duplicate detection.
const char kEvent[] = "وأوضح الوسطاء أن القاهرة والدوحة توافقتا على تمديد الهدنة في غزة.";
const char kBody[] =
    "وجاء الإعلان بعد ثلاثة أيام من المحادثات المتواصلة التي شارك فيها ممثلون عن الطرفين في العاصمة المصرية، "
    "وتناولت ترتيبات إدخال الشاحنات المحملة بالمواد الغذائية والوقود إلى القطاع عبر المعابر الجنوبية.\n"
    "وقال مسؤول مطلع إن الجولة المقبلة ستبحث جدولا زمنيا لتبادل المحتجزين وآلية لمراقبة التزام الجانبين ببنود الاتفاق.\n"
    "ولم تصدر تعليقات رسمية من العواصم المعنية حتى مساء اليوم.";

Document Analyze(const std::string& text, const std::string& url, const std::string& title = "تمديد الهدنة") {
  read::RawArticle a;
  a.id = url;
  a.input = "test";
  a.body = text;
  a.url = url;
  a.title = title;
  a.date = "2021-07-10";
  return testing::TestPipeline().Analyze(a);
}

TEST(Explore, DuplicatesAreLinkedAndTheirEventsAreOneHappening) {
  auto dir = testing::TempDir("explore-dups");
  auto s = Store::Open((dir / "d.db").string());
  ASSERT_TRUE(s.ok()) << s.error().ToString();
  auto& db = *s.value();
  const std::string text = std::string(kEvent) + "\n" + kBody;
  Document original = Analyze(text, "https://a.example/1");
  Document copy = Analyze(text, "https://b.example/7", "عنوان آخر للخبر نفسه");
  Document edited = Analyze("القاهرة - خاص\n" + std::string(kEvent) + "\n" +
                                std::string(kBody).substr(0, std::string(kBody).rfind('\n')),
                            "https://c.example/3");
  Document other = Analyze("أعلنت وزارة الصحة افتتاح مستشفى جديد في المدينة بسعة مئتي سرير.", "https://d.example/1");
  IngestReport r1, r2, r3, r4;
  ASSERT_TRUE(db.Add(original, ToJsonLine(original), "t", {}, &r1).value());
  ASSERT_TRUE(db.Add(copy, ToJsonLine(copy), "t", {}, &r2).value());
  ASSERT_TRUE(db.Add(edited, ToJsonLine(edited), "t", {}, &r3).value());
  ASSERT_TRUE(db.Add(other, ToJsonLine(other), "t", {}, &r4).value());
  EXPECT_FALSE(db.Add(copy, ToJsonLine(copy), "t").value());  // the same input again
  EXPECT_EQ(r1.duplicate_of, 0);
  EXPECT_EQ(r2.duplicate_of, r1.id);
  EXPECT_EQ(r2.duplicate_kind, "exact");
  EXPECT_EQ(r3.duplicate_of, r1.id);
  EXPECT_EQ(r3.duplicate_kind, "near");
  EXPECT_EQ(r4.duplicate_of, 0);
  // Duplicates share their original's story; the unrelated article has its own.
  EXPECT_EQ(r2.story, r1.story);
  EXPECT_EQ(r3.story, r1.story);
  EXPECT_NE(r4.story, r1.story);
  // One happening, reported by three articles.
  auto rows = db.Events(EventFilter{"EGY", "AGREE"});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows.value().size(), 1u);
  EXPECT_EQ(rows.value()[0].reports, 3);
  EventFilter every{"EGY", "AGREE"};
  every.every_report = true;
  EXPECT_EQ(db.Events(every).value().size(), 3u);
  auto article = db.Article(r3.id);
  ASSERT_TRUE(article.ok() && article.value());
  ASSERT_TRUE(article.value()->duplicate_of);
  EXPECT_EQ(article.value()->duplicate_of->id, r1.id);
  EXPECT_EQ(db.Article(r1.id).value()->duplicates.size(), 2u);
  auto st = db.GetStats().value();
  EXPECT_EQ(st.exact_duplicates, 1);
  EXPECT_EQ(st.near_duplicates, 1);
  auto dyads = db.Dyads(DyadQuery{"EGY", "QAT", "month", "", "", true});
  ASSERT_TRUE(dyads.ok());
  ASSERT_EQ(dyads.value().size(), 1u);
  EXPECT_EQ(dyads.value()[0].period, "2021-07");
  // Counted once per happening: as many as the happenings between the two, either way.
  EventFilter eq, qe;
  eq.source = "EGY", eq.target = "QAT", qe.source = "QAT", qe.target = "EGY";
  EXPECT_EQ(dyads.value()[0].events,
            static_cast<int64_t>(db.Events(eq).value().size() + db.Events(qe).value().size()));
  EXPECT_GT(dyads.value()[0].cooperation, 0);
}

TEST(Explore, SearchFiltersAndHostileQueries) {
  auto dir = testing::TempDir("explore-search");
  auto s = Store::Open((dir / "s.db").string());
  ASSERT_TRUE(s.ok());
  auto& db = *s.value();
  Document d = Analyze(std::string(kEvent) + "\n" + kBody, "https://a.example/1");
  ASSERT_TRUE(db.Add(d, ToJsonLine(d), "t").value());
  SearchQuery q;
  q.text = "الهدنة";
  EXPECT_EQ(db.Search(q).value().total, 1);
  q.actor = "EGY";
  EXPECT_EQ(db.Search(q).value().total, 1);
  q.actor = "USA";
  EXPECT_EQ(db.Search(q).value().total, 0);
  q.actor.clear();
  q.type = "AGREE";
  EXPECT_EQ(db.Search(q).value().total, 1);
  q.type.clear();
  q.from = "2022-01-01";
  EXPECT_EQ(db.Search(q).value().total, 0);
  // FTS5 syntax and SQL in a query are words, not commands.
  for (const char* hostile : {"الهدنة OR NOT *", "x'; DROP TABLE articles; --", "\"الهدنة", "NEAR(a b)", "^الهدنة:"}) {
    SearchQuery h;
    h.text = hostile;
    auto r = db.Search(h);
    EXPECT_TRUE(r.ok()) << hostile << ": " << r.error().ToString();
  }
  // A query past its thread's deadline is interrupted, as the server bounds requests.
  Store::SetThreadDeadline(std::chrono::steady_clock::now() - std::chrono::seconds(1));
  SearchQuery slow;
  slow.text = "الهدنة";
  auto interrupted = db.Search(slow);
  Store::SetThreadDeadline(std::nullopt);
  EXPECT_FALSE(interrupted.ok());
  EXPECT_TRUE(db.Search(slow).ok());
  SearchQuery empty;
  empty.text = "  ،،  ";
  EXPECT_FALSE(db.Search(empty).ok());
  EXPECT_EQ(db.GetStats().value().articles, 1);
}

// Distinct articles made of random words from a small vocabulary (no two alike).
std::string RandomArticles(int n) {
  static const char* const kVocab[] = {"الحكومة", "قررت", "رفع", "أسعار", "الوقود", "المدن", "الكبرى", "اجتماع",
                                       "طارئ", "اللجنة", "الاقتصادية", "ناقشت", "العجز", "المالي", "الديون",
                                       "توقعات", "النمو", "المقبل", "تراجع", "الصادرات", "الموانئ", "الشحن",
                                       "المزارعين", "المحاصيل", "الأمطار", "السدود", "المياه", "الكهرباء",
                                       "المدارس", "الجامعات", "الطلاب", "المستشفيات", "الأطباء", "الدواء"};
  std::mt19937 rng(42);
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string text;
    for (int w = 0; w < 60; ++w) {
      text += kVocab[rng() % (sizeof kVocab / sizeof kVocab[0])];
      text += w % 12 == 11 ? ". " : " ";
    }
    out += "{\"id\":\"r" + std::to_string(i) + "\",\"date\":\"2021-07-10\",\"text\":\"" + text + "\"}\n";
  }
  return out;
}

int64_t CountRows(const std::string& db, const char* sql) {
  sqlite3* h = nullptr;
  int64_t n = -1;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(h, 2000);
    sqlite3_stmt* q = nullptr;
    if (sqlite3_prepare_v2(h, sql, -1, &q, nullptr) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
      n = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
  }
  sqlite3_close(h);
  return n;
}

TEST(Explore, IngestKilledMidwayResumesWithEveryArticleOnce) {
  auto dir = testing::TempDir("explore-kill");
  const int n = 6000;
  testing::WriteFile(dir / "many.jsonl", RandomArticles(n));
  const std::string db = (dir / "k.db").string();
  const std::string input = (dir / "many.jsonl").string();
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    freopen("/dev/null", "w", stderr);
    execl(RASD_BINARY, RASD_BINARY, "ingest", "-q", "--data", RASD_TEST_DATA_DIR, input.c_str(), "--db", db.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it as soon as some articles are committed.
  int64_t before = 0;
  for (int i = 0; i < 3000 && before <= 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    before = std::filesystem::exists(db) ? CountRows(db, "SELECT COUNT(*) FROM articles;") : 0;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "ingest finished before it could be killed";
  const int64_t at_kill = CountRows(db, "SELECT COUNT(*) FROM articles;");
  EXPECT_GT(at_kill, 0);
  EXPECT_LT(at_kill, n);
  const std::string cmd = std::string(RASD_BINARY) + " ingest -q --data " + RASD_TEST_DATA_DIR + " " + input +
                          " --db " + db + " 2>/dev/null";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM articles;"), n);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(DISTINCT doc_id) FROM articles;"), n);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM articles WHERE story_id IS NULL OR body_hash IS NULL;"), 0);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM articles_fts_docsize;"), n);  // every article indexed once
  EXPECT_EQ(CountRows(db, "SELECT SUM(articles) FROM stories;"), n);
  // A third run adds nothing.
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM articles;"), n);
}

// Starts `rasd serve` on a free port; returns its pid and port.
std::pair<pid_t, int> StartServer(const std::string& db, const std::filesystem::path& log,
                                  const std::string& token = "") {
  pid_t pid = fork();
  if (pid == 0) {
    freopen(log.c_str(), "w", stderr);
    if (token.empty())
      execl(RASD_BINARY, RASD_BINARY, "serve", "--db", db.c_str(), "--port", "0", static_cast<char*>(nullptr));
    else
      execl(RASD_BINARY, RASD_BINARY, "serve", "--db", db.c_str(), "--port", "0", "--data", RASD_TEST_DATA_DIR,
            "--ingest-token", token.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  for (int i = 0; i < 400; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
    std::string out = testing::ReadFile(log.string());
    auto at = out.find("http://127.0.0.1:");
    if (at != std::string::npos && out.find('/', at + 17) != std::string::npos)
      return {pid, std::atoi(out.c_str() + at + 17)};
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return {pid, 0};
}

void StopServer(pid_t pid) {
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
}

TEST(Explore, ServerAnswersTheApiAndIsReadOnlyWithoutAToken) {
  auto dir = testing::TempDir("explore-serve");
  const std::string db = (dir / "w.db").string();
  {
    auto s = Store::Open(db);
    ASSERT_TRUE(s.ok());
    Document d = Analyze(std::string(kEvent) + "\n" + kBody + "\n<script>alert(1)</script>", "https://a.example/1");
    ASSERT_TRUE(s.value()->Add(d, ToJsonLine(d), "t").value());
  }
  auto [pid, port] = StartServer(db, dir / "serve.log");
  ASSERT_GT(port, 0) << testing::ReadFile((dir / "serve.log").string());
  httplib::Client c("127.0.0.1", port);
  auto stats = c.Get("/api/stats");
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->status, 200);
  EXPECT_NE(stats->body.find("\"articles\":1"), std::string::npos) << stats->body;
  EXPECT_NE(stats->body.find("\"read_only\":true"), std::string::npos);
  EXPECT_NE(stats->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
  auto search = c.Get("/api/search?q=%D8%A7%D9%84%D9%87%D8%AF%D9%86%D8%A9");  // الهدنة
  ASSERT_TRUE(search);
  EXPECT_NE(search->body.find("\"total\":1"), std::string::npos) << search->body;
  EXPECT_NE(search->body.find("\"hit\":true"), std::string::npos);
  auto article = c.Get("/api/articles/1");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->status, 200);
  EXPECT_EQ(article->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_NE(article->body.find("<script>alert(1)</script>"), std::string::npos);  // a JSON string, shown as text
  EXPECT_EQ(c.Get("/api/articles/999")->status, 404);
  EXPECT_EQ(c.Get("/api/search")->status, 400);
  EXPECT_EQ(c.Get("/api/events?limit=abc")->status, 400);
  EXPECT_EQ(c.Get("/api/events?from=2021-7-1")->status, 400);
  auto csv = c.Get("/api/events?format=csv&type=AGREE");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->body.rfind("id,article,doc_id,date,cameo", 0), 0u);
  auto ingest = c.Post("/api/ingest", "{\"text\":\"نص\"}\n", "application/x-ndjson");
  ASSERT_TRUE(ingest);
  EXPECT_EQ(ingest->status, 403);
  StopServer(pid);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM articles;"), 1);

  auto [wpid, wport] = StartServer(db, dir / "serve2.log", "s3cret");
  ASSERT_GT(wport, 0) << testing::ReadFile((dir / "serve2.log").string());
  httplib::Client w("127.0.0.1", wport);
  const std::string body = "{\"id\":\"n1\",\"date\":\"2021-07-11\",\"text\":\"" + std::string(kEvent) + "\"}\n{oops\n";
  EXPECT_EQ(w.Post("/api/ingest", {{"Authorization", "Bearer wrong"}}, body, "application/x-ndjson")->status, 401);
  auto ok = w.Post("/api/ingest", {{"Authorization", "Bearer s3cret"}}, body, "application/x-ndjson");
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->status, 200);
  EXPECT_NE(ok->body.find("\"added\":1"), std::string::npos) << ok->body;
  EXPECT_NE(ok->body.find("\"failed\":1"), std::string::npos) << ok->body;  // the bad line, reported
  StopServer(wpid);
  EXPECT_EQ(CountRows(db, "SELECT COUNT(*) FROM articles;"), 2);
}

}  // namespace
}  // namespace rasd::store
