// The rasd binary as a user runs it: exit codes, stderr lines, ordered output.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <sqlite3.h>
#include <sys/wait.h>

#include "test_util.h"

namespace rasd {
namespace {

struct Ran {
  int status = -1;
  std::string out;
};

Ran Shell(const std::string& cmd) {
  Ran r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

int CountLines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

TEST(Cli, BadInputsAreReportedOneLineEachAndTheRestIsAnalysed) {
  auto dir = testing::TempDir("cli");
  testing::WriteFile(dir / "1.txt", "خبر أول عن سوريا.\n");
  testing::WriteFile(dir / "2.txt", "\xFF\xFE\xFD");
  testing::WriteFile(dir / "3.txt", "");
  testing::WriteFile(dir / "4.jsonl", "{\"id\":\"a\",\"text\":\"نص\"}\nnot json\n{\"id\":\"b\",\"text\":\"نص آخر\"}\n");
  testing::WriteFile(dir / "5.html", "<html><body><article><h1>عنوان</h1><p>فقرة.</p></article></body></html>");
  const std::string bin = RASD_BINARY;
  const std::string data = std::string(" --data ") + RASD_TEST_DATA_DIR;
  Ran out = Shell(bin + " analyze -q" + data + " " + dir.string() + " 2>/dev/null");
  EXPECT_EQ(out.status, 1);
  EXPECT_EQ(CountLines(out.out), 4);  // 1.txt, a, b, 5.html
  EXPECT_LT(out.out.find("\"id\":\"1\""), out.out.find("\"id\":\"a\""));
  EXPECT_LT(out.out.find("\"id\":\"b\""), out.out.find("\"id\":\"5\""));
  Ran err = Shell(bin + " analyze -q" + data + " " + dir.string() + " " + (dir / "nope").string() + " 2>&1 >/dev/null");
  EXPECT_EQ(err.status, 1);
  EXPECT_EQ(CountLines(err.out), 4) << err.out;  // 2.txt, 3.txt, 4.jsonl:2, nope
  EXPECT_NE(err.out.find("4.jsonl:2: "), std::string::npos) << err.out;
  EXPECT_NE(err.out.find("2.txt:1: invalid UTF-8"), std::string::npos) << err.out;
  // Many threads give the same output in the same order.
  Ran parallel = Shell(bin + " analyze -q -j 4" + data + " " + dir.string() + " 2>/dev/null");
  EXPECT_EQ(parallel.out, out.out);
  // A clean run exits 0.
  EXPECT_EQ(Shell(bin + " analyze -q" + data + " " + (dir / "1.txt").string() + " >/dev/null 2>&1").status, 0);
  // Usage errors exit 2.
  EXPECT_EQ(Shell(bin + " analyze --date 2021-13-45" + data + " " + (dir / "1.txt").string() + " >/dev/null 2>&1").status, 2);
}

TEST(Cli, NerTagsACoNLLFileWithTheShippedModel) {
  auto dir = testing::TempDir("cli-ner");
  // Other columns are ignored; a blank line ends a sentence.
  testing::WriteFile(dir / "in.conll", "وقال X O\nوزير X O\nالخارجية X O\nالمصري X O\nفي X O\nالقاهرة X O\n\nانتهى X O\n");
  const std::string bin = RASD_BINARY;
  const std::string data = std::string(" --data ") + RASD_TEST_DATA_DIR;
  Ran out = Shell(bin + " ner" + data + " --conll " + (dir / "in.conll").string() + " 2>&1");
  ASSERT_EQ(out.status, 0) << out.out;
  EXPECT_EQ(CountLines(out.out), 9);  // 7 tokens and a blank line after each of the 2 sentences
  EXPECT_NE(out.out.find("القاهرة B-LOC\n"), std::string::npos) << out.out;
  EXPECT_EQ(out.out.find("PERS"), std::string::npos);  // PER, LOC, ORG, MISC only
  EXPECT_EQ(Shell(bin + " ner" + data + " --conll " + (dir / "in.conll").string() + " --model " + (dir / "nope").string() +
                  " >/dev/null 2>&1")
                .status,
            2);
}

TEST(Cli, EvalScoresASentenceSetAndABadGoldFileIsAClearError) {
  auto dir = testing::TempDir("cli-eval");
  testing::WriteFile(dir / "gold.jsonl",
                     "{\"id\":\"1\",\"date\":\"20080501\",\"text\":\"وقتل ثلاثة مسلحين في غارة إسرائيلية على غزة.\","
                     "\"events\":[{\"plover\":\"ASSAULT\",\"sourcecode\":\"ISR MIL\",\"targetcode\":\"PSE REB\"}]}\n"
                     "{\"id\":\"2\",\"date\":\"20080501\",\"text\":\"تحدث التقرير عن الأوضاع في سوريا.\","
                     "\"events\":[{\"plover\":\"PROTEST\",\"sourcecode\":\"None None\",\"targetcode\":\"None None\"}]}\n");
  const std::string bin = RASD_BINARY;
  const std::string data = std::string(" --data ") + RASD_TEST_DATA_DIR;
  Ran out = Shell(bin + " eval sentences -q" + data + " " + (dir / "gold.jsonl").string());
  EXPECT_EQ(out.status, 0);
  EXPECT_NE(out.out.find("category recall 1/2 = 0.500"), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("source country  1/1 = 1.000"), std::string::npos) << out.out;
  EXPECT_NE(out.out.find("target country  1/1 = 1.000"), std::string::npos) << out.out;
  testing::WriteFile(dir / "bad.jsonl", "{\"id\":\"1\",\"text\":\"نص\"}\n");
  Ran bad = Shell(bin + " eval sentences -q" + data + " " + (dir / "bad.jsonl").string() + " 2>&1");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("bad.jsonl:1: "), std::string::npos) << bad.out;
}

TEST(Cli, IngestTwiceStoresOnceAndEventsQueries) {
  auto dir = testing::TempDir("cli-ingest");
  testing::WriteFile(dir / "a.txt", "وأوضح الوسطاء أن القاهرة والدوحة توافقتا على تمديد الهدنة في غزة.\n");
  const std::string bin = RASD_BINARY;
  const std::string data = std::string(" --data ") + RASD_TEST_DATA_DIR;
  const std::string db = (dir / "t.db").string();
  EXPECT_EQ(Shell(bin + " ingest -q" + data + " --date 2021-07-10 " + dir.string() + " --db " + db + " 2>&1").status, 0);
  Ran again = Shell(bin + " ingest" + data + " --date 2021-07-10 " + dir.string() + " --db " + db + " 2>&1");
  EXPECT_NE(again.out.find("0 stored, 1 already there"), std::string::npos) << again.out;
  Ran csv = Shell(bin + " events --db " + db + " --format csv --type AGREE");
  EXPECT_EQ(csv.status, 0);
  EXPECT_EQ(CountLines(csv.out), 2) << csv.out;
  EXPECT_EQ(csv.out.rfind("id,article,doc_id,date,cameo,plover", 0), 0u);
  Ran stats = Shell(bin + " stats --db " + db);
  EXPECT_NE(stats.out.find("articles   1"), std::string::npos) << stats.out;
  EXPECT_EQ(Shell(bin + " events --db " + (dir / "missing.db").string() + " 2>/dev/null").status, 2);
}

TEST(Cli, IngestLearnsAnOutletsRecurringLinesAndRecleans) {
  auto dir = testing::TempDir("cli-learn");
  std::string jsonl;
  const char* bodies[] = {"أعلنت وزارة الصحة افتتاح مستشفى جديد في المدينة.", "شهدت الأسواق ارتفاعا في أسعار الخضار.",
                          "أطلقت البلدية حملة لتنظيف الحدائق العامة.", "فاز الفريق المحلي بالمباراة النهائية.",
                          "افتتح المعرض الدولي للكتاب أبوابه أمس.", "بدأ العام الدراسي الجديد في المدارس اليوم."};
  int i = 0;
  for (const char* b : bodies) {
    const std::string n = std::to_string(i++);
    jsonl += "{\"id\":\"n" + n + "\",\"outlet\":\"صدى المدينة\",\"title\":\"خبر " + n + "\",\"text\":\"" + b +
             "\\nتابعوا قناتنا على يوتيوب لمشاهدة المزيد من التقارير\"}\n";
  }
  testing::WriteFile(dir / "a.jsonl", jsonl);
  const std::string bin = RASD_BINARY;
  const std::string data = std::string(" --data ") + RASD_TEST_DATA_DIR;
  const std::string db = (dir / "t.db").string();
  Ran first = Shell(bin + " ingest" + data + " " + (dir / "a.jsonl").string() + " --db " + db + " 2>&1");
  EXPECT_EQ(first.status, 0) << first.out;
  EXPECT_NE(first.out.find("1 lines learned as outlet chrome; 6 stored articles re-cleaned"), std::string::npos) << first.out;
  Ran again = Shell(bin + " ingest" + data + " " + (dir / "a.jsonl").string() + " --db " + db + " 2>&1");
  EXPECT_NE(again.out.find("0 stored, 6 already there"), std::string::npos) << again.out;
  // The stored texts no longer hold the line; with --no-learn nothing is learned.
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(h, "SELECT COUNT(*) FROM articles WHERE text LIKE '%يوتيوب%';", -1, &q, nullptr);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 0);
  sqlite3_finalize(q);
  sqlite3_close(h);
  Ran plain = Shell(bin + " ingest --no-learn" + data + " " + (dir / "a.jsonl").string() + " --db " +
                    (dir / "u.db").string() + " 2>&1");
  EXPECT_EQ(plain.out.find("learned"), std::string::npos) << plain.out;
}

}  // namespace
}  // namespace rasd
