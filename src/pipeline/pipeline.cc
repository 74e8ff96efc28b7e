#include "pipeline/pipeline.h"

#include <cstdio>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <unordered_map>

#include "clean/cleaner.h"
#include "entities/recognizer.h"
#include "events/coder.h"
#include "events/times.h"
#include "ner/persons.h"
#include "morph/tokenizer.h"
#include "read/html.h"

namespace rasd {

std::optional<std::string> NormalizeDate(const std::string& s) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(s.c_str(), "%d-%d-%d", &y, &m, &d) == 3 || std::sscanf(s.c_str(), "%d/%d/%d", &y, &m, &d) == 3) {
    if (y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31) return events::FormatDate(y, m, d);
  }
  return std::nullopt;
}

// The date a removed dateline states ("الأربعاء 12 يوليو 2023", "2023/07/12"), if it
// names day, month and year.
std::optional<std::string> Pipeline::DatelineDate(const Document& doc) const {
  for (const auto& r : doc.removed) {
    if (r.reason != "dateline") continue;
    Document line;
    line.text = r.text;
    morph::Tokenize(line);
    for (const auto& t : line.tokens)
      if (t.kind == TokenKind::kNumber)
        if (auto d = NormalizeDate(t.norm)) return d;
    events::FindTimes(*res_->times, "2000-01-01", line);
    for (const auto& t : line.times)
      if (t.resolved && t.resolved->start == t.resolved->end && t.resolved->start.substr(0, 4) != "2000" &&
          t.resolved->start.substr(0, 4) != "1999")
        return t.resolved->start;
  }
  return std::nullopt;
}

// Without an article date, the date at which most of the people named held office (the
// latest such day): an undated article naming Obama and Putin is read as of 2016, not of
// today. Empty when no named person has dated roles.
static std::string InferRoleDate(const Document& doc, const entities::Gazetteer& g) {
  std::unordered_map<std::string, const entities::Person*> by_id;
  for (const auto& p : g.people()) by_id.emplace(p.id, &p);
  std::vector<const entities::Person*> named;
  for (const auto& e : doc.entities) {
    if (e.type != EntityType::kPer || !e.actor) continue;
    auto it = by_id.find(e.actor->id);
    if (it != by_id.end() && std::find(named.begin(), named.end(), it->second) == named.end()) named.push_back(it->second);
  }
  // Former-office periods (…ELI) say nothing about when an article was written.
  auto counts = [](const entities::RoleSpan& r) { return r.code.size() < 3 || r.code.substr(r.code.size() - 3) != "ELI"; };
  std::vector<std::string> candidates;
  for (const auto* p : named)
    for (const auto& r : p->roles) {
      if (!counts(r)) continue;
      candidates.push_back(r.from);
      int y, m, d;
      if (!r.to.empty() && events::ParseDate(r.to, &y, &m, &d)) {
        auto prev = std::chrono::sys_days(std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                                                      std::chrono::day(d))) - std::chrono::days(1);
        std::chrono::year_month_day ymd(prev);
        candidates.push_back(events::FormatDate(int(ymd.year()), unsigned(ymd.month()), unsigned(ymd.day())));
      }
    }
  std::string best;
  int best_count = 0;
  for (const auto& c : candidates) {
    int count = 0;
    for (const auto* p : named)
      for (const auto& r : p->roles)
        if (counts(r) && r.from <= c && (r.to.empty() || c < r.to)) {
          ++count;
          break;
        }
    if (count > best_count || (count == best_count && c > best)) best = c, best_count = count;
  }
  return best;
}

Document Pipeline::Analyze(const read::RawArticle& in, const AnalyzeOptions& options) const {
  Document doc;
  doc.id = in.id;
  doc.input = in.input;
  doc.url = in.url;
  if (in.date) doc.date = NormalizeDate(*in.date);
  if (in.outlet && !in.outlet->empty()) doc.outlet = in.outlet;

  // 1. Read: HTML to lines and metadata.
  clean::CleanInput input;
  read::HtmlPage page;
  if (in.is_html) {
    page = read::ExtractHtml(in.body);
    input.text = page.text;
    if (!doc.url) doc.url = page.url;
    if (!doc.date && page.date) doc.date = NormalizeDate(*page.date);
    if (!doc.outlet) doc.outlet = page.outlet;
    if (page.author) doc.author = page.author;
    input.title = in.title ? in.title : page.title;
    for (auto& [text, reason] : page.dropped) input.pre_removed.push_back(Removed{text, reason});
  } else {
    input.text = in.body;
    input.title = in.title;
  }
  if (options.learned) {
    const std::string outlet = in.outlet ? *in.outlet : options.outlet;
    if (auto it = options.learned->find(outlet); it != options.learned->end()) input.learned = &it->second;
  }
  // 2. Clean: chrome out, headline found, split words rejoined.
  clean::Cleaner(*res_->chrome).Clean(input, doc);
  if (!doc.outlet && !options.outlet.empty()) doc.outlet = options.outlet;
  if (!doc.date) doc.date = DatelineDate(doc);
  if (!doc.date && !options.date.empty()) doc.date = NormalizeDate(options.date);
  const std::string date = doc.date.value_or("");
  // 3. Sentences and tokens (normalized keys, clitic readings).
  morph::Tokenize(doc);
  const auto readings = entities::ComputeReadings(doc);
  // 4. Entities linked to actors at the article's date.
  entities::Recognizer recognizer(*res_->gazetteer);
  recognizer.Recognize(doc, readings, date);
  if (date.empty()) {
    // No date: read titles and roles as of when the people named held office.
    const std::string as_of = InferRoleDate(doc, *res_->gazetteer);
    if (!as_of.empty()) recognizer.Recognize(doc, readings, as_of);
  }
  // Names the gazetteer does not know, after titles and agent nouns (statistical model).
  if (res_->ner) ner::NameUnknownPersons(*res_->ner, *res_->gazetteer, *res_->person_nouns, readings, doc);
  // 5. Time expressions, then events (which take their dates), quotes and attributions.
  events::FindTimes(*res_->times, date, doc);
  const events::Prepared prepared = events::Prepare(*res_->codebook, doc, readings);
  events::Coder(*res_->codebook).Code(doc, readings, prepared);
  events::FindQuotes(prepared, doc);
  events::FindAttributions(*res_->codebook, readings, prepared, doc);
  return doc;
}

}  // namespace rasd
