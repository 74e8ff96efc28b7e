#include "pipeline/pipeline.h"

#include <cstdio>
#include <cstdlib>

#include "clean/cleaner.h"
#include "entities/recognizer.h"
#include "events/coder.h"
#include "events/times.h"
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
  entities::Recognizer(*res_->gazetteer).Recognize(doc, readings, date);
  // 5. Time expressions, then events (which take their dates), quotes and attributions.
  events::FindTimes(*res_->times, date, doc);
  events::Coder(*res_->codebook).Code(doc, readings);
  events::FindQuotes(*res_->codebook, readings, doc);
  events::FindAttributions(*res_->codebook, readings, doc);
  return doc;
}

}  // namespace rasd
