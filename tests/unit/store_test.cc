#include <gtest/gtest.h>
#include <sqlite3.h>

#include "pipeline/json.h"
#include "store/store.h"
#include "test_util.h"

namespace rasd::store {
namespace {

TEST(Store, MigratesAndIngestsIdempotently) {
  auto dir = testing::TempDir("store");
  const std::string path = (dir / "x.db").string();
  auto doc = testing::AnalyzeText("وأوضح الوسطاء أن القاهرة والدوحة توافقتا على تمديد الهدنة في غزة.", "2021-07-10",
                                  std::string("عنوان"));
  {
    auto s = Store::Open(path);
    ASSERT_TRUE(s.ok()) << s.error().ToString();
    auto added = s.value()->Add(doc, ToJsonLine(doc), "test");
    ASSERT_TRUE(added.ok());
    EXPECT_TRUE(added.value());
    auto again = s.value()->Add(doc, ToJsonLine(doc), "test");
    ASSERT_TRUE(again.ok());
    EXPECT_FALSE(again.value());
  }
  auto s = Store::Open(path);  // reopening does not migrate twice
  ASSERT_TRUE(s.ok());
  auto st = s.value()->GetStats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st.value().articles, 1);
  EXPECT_EQ(st.value().schema, Store::SchemaVersion());
  EXPECT_GE(st.value().events, 1);
  auto agree = s.value()->Events(EventFilter{"EGY", "AGREE", "2021-07-01", "2021-07-31"});
  ASSERT_TRUE(agree.ok());
  ASSERT_EQ(agree.value().size(), 1u);
  EXPECT_EQ(agree.value()[0].plover, "AGREE");
  auto none = s.value()->Events(EventFilter{"USA", "", "", ""});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value().empty());
  auto later = s.value()->Events(EventFilter{"", "", "2022-01-01", ""});
  EXPECT_TRUE(later.value().empty());
  // WAL and the schema version are set.
  sqlite3* db;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode;", -1, &q, nullptr);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "wal");
  sqlite3_finalize(q);
  sqlite3_prepare_v2(db, "PRAGMA user_version;", -1, &q, nullptr);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), Store::SchemaVersion());
  sqlite3_finalize(q);
  sqlite3_close(db);
}

TEST(Store, OnlyAssertedAndReportedEventsUnlessAll) {
  auto dir = testing::TempDir("store-modality");
  auto s = Store::Open((dir / "m.db").string());
  ASSERT_TRUE(s.ok());
  auto doc = testing::AnalyzeText("لم تهاجم القوات التركية مواقع لقوات سوريا الديمقراطية.", "2023-10-06");
  ASSERT_FALSE(doc.events.empty());
  ASSERT_TRUE(doc.events[0].negated);
  ASSERT_TRUE(s.value()->Add(doc, ToJsonLine(doc), "test").ok());
  EXPECT_TRUE(s.value()->Events(EventFilter{}).value().empty());
  EventFilter all;
  all.all = true;
  EXPECT_EQ(s.value()->Events(all).value().size(), doc.events.size());
}

TEST(Store, RefusesADatabaseFromTheFuture) {
  auto dir = testing::TempDir("store-future");
  const std::string path = (dir / "y.db").string();
  sqlite3* db;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "PRAGMA user_version=999;", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto s = Store::Open(path);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("newer"), std::string::npos);
}

TEST(Store, NotADatabaseIsAnError) {
  auto dir = testing::TempDir("store-bad");
  testing::WriteFile(dir / "z.db", std::string(4096, 'x'));
  auto s = Store::Open((dir / "z.db").string());
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace rasd::store
