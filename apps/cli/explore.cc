// rasd search / rasd stories / rasd dyads: explore a database.
#include <cstdio>
#include <string>
#include <unistd.h>

#include "commands.h"
#include "views.h"

namespace rasd::cli {

namespace {

int Fail(const Error& e) {
  std::fprintf(stderr, "rasd: %s\n", e.ToString().c_str());
  return 2;
}

std::string SnippetText(const std::vector<store::Segment>& segments, bool terminal) {
  std::string out;
  for (const auto& s : segments) {
    std::string t = s.text;
    for (char& c : t)
      if (c == '\n') c = ' ';
    if (s.hit) out += terminal ? "\033[1m" + t + "\033[0m" : "[" + t + "]";
    else out += t;
  }
  return out;
}

}  // namespace

int Search(const SearchArgs& a) {
  auto db = OpenExisting(a.db, true);
  if (!db) return 2;
  store::SearchQuery q;
  q.text = a.query;
  q.outlet = a.outlet;
  q.from = a.from;
  q.to = a.to;
  q.actor = a.actor;
  q.type = a.type;
  q.limit = a.limit;
  q.offset = a.offset;
  auto r = db->Search(q);
  if (!r.ok()) return Fail(r.error());
  if (a.format == "jsonl") {
    for (const auto& h : r.value().hits) std::printf("%s\n", Dump(SearchHitJson(h)).c_str());
    return 0;
  }
  const bool terminal = isatty(fileno(stdout));
  for (const auto& h : r.value().hits) {
    std::printf("%6lld  %5.2f  %s  %s  %s%s\n", static_cast<long long>(h.id), h.score, Pad(h.date.substr(0, 10), 10).c_str(),
                Pad(h.outlet, 14).c_str(), h.title.c_str(),
                h.duplicate_of ? (" (duplicate of " + std::to_string(h.duplicate_of) + ")").c_str() : "");
    std::printf("        %s\n", SnippetText(h.snippet, terminal).c_str());
  }
  std::printf("(%zu of %lld articles)\n", r.value().hits.size(), static_cast<long long>(r.value().total));
  return 0;
}

int Stories(const StoriesArgs& a) {
  auto db = OpenExisting(a.db, true);
  if (!db) return 2;
  if (a.story) {
    auto members = db->StoryMembers(a.story);
    if (!members.ok()) return Fail(members.error());
    for (const auto& m : members.value()) {
      if (a.format == "jsonl") {
        std::printf("%s\n", Dump(Json{{"id", m.id}, {"doc_id", m.doc_id}, {"title", m.title}, {"outlet", m.outlet},
                                      {"date", m.date}})
                                .c_str());
      } else {
        std::printf("%6lld  %s  %s  %s%s\n", static_cast<long long>(m.id), Pad(m.date.substr(0, 10), 10).c_str(),
                    Pad(m.outlet, 14).c_str(), m.title.c_str(),
                    m.duplicate_of ? (" (" + m.duplicate_of->kind + " duplicate)").c_str() : "");
      }
    }
    return 0;
  }
  int64_t total = 0;
  auto rows = db->Stories(a.limit, a.offset, a.min_articles, &total);
  if (!rows.ok()) return Fail(rows.error());
  if (a.format == "jsonl") {
    for (const auto& s : rows.value()) std::printf("%s\n", Dump(StoryJson(s)).c_str());
    return 0;
  }
  std::printf("%6s %8s %-10s %-10s %-28s %s\n", "story", "articles", "first", "last", "actors", "title");
  for (const auto& s : rows.value()) {
    std::string actors;
    for (const auto& c : s.actors) actors += (actors.empty() ? "" : " ") + c;
    std::printf("%6lld %8lld %s %s %s %s\n", static_cast<long long>(s.id), static_cast<long long>(s.articles),
                Pad(s.first_date, 10).c_str(), Pad(s.last_date, 10).c_str(), Pad(actors, 28).c_str(), s.title.c_str());
  }
  std::printf("(%zu of %lld stories with at least %ld articles; rasd stories --story ID lists one)\n",
              rows.value().size(), static_cast<long long>(total), a.min_articles);
  return 0;
}

int Dyads(const DyadsArgs& a) {
  auto db = OpenExisting(a.db, true);
  if (!db) return 2;
  if (a.source.empty() && a.target.empty()) {
    auto pairs = db->Pairs(a.limit);
    if (!pairs.ok()) return Fail(pairs.error());
    if (a.format == "tsv") std::printf("source\ttarget\tevents\tgoldstein\n");
    for (const auto& p : pairs.value()) {
      if (a.format == "jsonl") std::printf("%s\n", Dump(PairJson(p)).c_str());
      else if (a.format == "tsv")
        std::printf("%s\t%s\t%lld\t%.2f\n", p.source.c_str(), p.target.c_str(), static_cast<long long>(p.events),
                    p.goldstein);
      else
        std::printf("%-10s -> %-10s %6lld events  mean Goldstein %+5.2f\n", p.source.c_str(), p.target.c_str(),
                    static_cast<long long>(p.events), p.goldstein);
    }
    return 0;
  }
  store::DyadQuery q{a.source, a.target, a.period, a.from, a.to, a.both};
  auto points = db->Dyads(q);
  if (!points.ok()) return Fail(points.error());
  if (a.format == "tsv") std::printf("period\tevents\tcooperation\tconflict\tgoldstein\n");
  else if (a.format == "table")
    std::printf("%-10s %7s %12s %9s %10s\n", a.period.c_str(), "events", "cooperation", "conflict", "goldstein");
  for (const auto& p : points.value()) {
    if (a.format == "jsonl") std::printf("%s\n", Dump(DyadJson(p)).c_str());
    else if (a.format == "tsv")
      std::printf("%s\t%lld\t%lld\t%lld\t%.2f\n", p.period.c_str(), static_cast<long long>(p.events),
                  static_cast<long long>(p.cooperation), static_cast<long long>(p.conflict), p.goldstein);
    else
      std::printf("%-10s %7lld %12lld %9lld %+10.2f\n", p.period.c_str(), static_cast<long long>(p.events),
                  static_cast<long long>(p.cooperation), static_cast<long long>(p.conflict), p.goldstein);
  }
  return 0;
}

}  // namespace rasd::cli
