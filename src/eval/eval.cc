#include "eval/eval.h"

#include <algorithm>
#include <fstream>

#include <nlohmann/json.hpp>

namespace rasd::eval {

namespace {

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = char(c - 'a' + 'A');
  return s;
}

// "TUN GOV" → "TUN"; "None None" or empty → "".
std::string GoldCountry(const std::string& code) {
  const std::string country = code.substr(0, code.find(' '));
  return country == "None" ? "" : country;
}

// "20080101" → "2008-01-01"; anything else → "".
std::string GoldDate(const std::string& d) {
  if (d.size() != 8 || !std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
}

std::string Fold(const std::string& type) {
  if (type == "PERS" || type == "PERSON") return "PER";
  if (type == "GPE" || type == "LOCATION") return "LOC";
  if (type == "ORGANIZATION") return "ORG";
  return type;
}

}  // namespace

Result<std::vector<GoldSentence>> ReadSentences(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::kNotFound, "cannot open the gold file", path, 0};
  std::vector<GoldSentence> out;
  std::string line;
  long n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object()) return Error{ErrorCode::kBadJson, "not a JSON object", path, n};
    auto str = [&](const char* key) {
      auto it = j.find(key);
      return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    GoldSentence g;
    g.id = str("id");
    g.text = str("text");
    g.date = GoldDate(str("date"));
    if (g.text.empty()) return Error{ErrorCode::kBadRecord, "no \"text\"", path, n};
    if (j.contains("label")) {
      g.detection = true;
      g.label = str("label");
      g.plover = str("event_type");
      if (g.plover.empty()) return Error{ErrorCode::kBadRecord, "a labelled sentence without \"event_type\"", path, n};
    } else {
      auto ev = j.find("events");
      if (ev == j.end() || !ev->is_array() || ev->empty() || !(*ev)[0].is_object())
        return Error{ErrorCode::kBadRecord, "neither \"label\" nor \"events\"", path, n};
      const auto& e = (*ev)[0];
      auto field = [&](const char* key) {
        auto it = e.find(key);
        return it != e.end() && it->is_string() ? it->get<std::string>() : std::string();
      };
      g.plover = field("plover");
      g.source = GoldCountry(field("sourcecode"));
      g.target = GoldCountry(field("targetcode"));
      if (g.plover.empty()) return Error{ErrorCode::kBadRecord, "a gold event without \"plover\"", path, n};
    }
    out.push_back(std::move(g));
  }
  return out;
}

std::string CountryOf(const Actor& a) {
  const std::string country = Upper(a.country), code = Upper(a.code);
  if (country == "IGO" || country == "UNO" || code.rfind("IGO", 0) == 0) return "IGO";
  return country;
}

bool Counted(const Event& e) {
  return !e.negated && (e.modality == Modality::kAsserted || e.modality == Modality::kReported);
}

DetectionScore ScoreDetection(const std::vector<GoldSentence>& gold, const std::vector<Document>& docs) {
  DetectionScore s;
  for (size_t i = 0; i < gold.size() && i < docs.size(); ++i) {
    const GoldSentence& g = gold[i];
    if (g.label == "ambiguous") {
      ++s.skipped;
      continue;
    }
    const bool found = std::any_of(docs[i].events.begin(), docs[i].events.end(),
                                   [&](const Event& e) { return e.plover == g.plover && Counted(e); });
    Prf& p = s.by_type[g.plover];
    const bool yes = g.label == "yes";
    if (yes && found) ++p.tp;
    else if (yes) ++p.fn;
    else if (found) ++p.fp;
  }
  return s;
}

ValidationScore ScoreValidation(const std::vector<GoldSentence>& gold, const std::vector<Document>& docs) {
  ValidationScore s;
  for (size_t i = 0; i < gold.size() && i < docs.size(); ++i) {
    const GoldSentence& g = gold[i];
    std::vector<const Event*> events;
    for (const auto& e : docs[i].events)
      if (Counted(e) && e.plover == g.plover) events.push_back(&e);
    auto& [found, total] = s.category[g.plover];
    ++total, ++s.total;
    if (!events.empty()) ++found, ++s.found;
    auto has = [&](const std::string& country, bool source) {
      return std::any_of(events.begin(), events.end(), [&](const Event* e) {
        const auto& a = source ? e->source : e->target;
        return a && CountryOf(*a) == country;
      });
    };
    if (!g.source.empty()) ++s.source_total, s.source += has(g.source, true);
    if (!g.target.empty()) ++s.target_total, s.target += has(g.target, false);
  }
  return s;
}

Result<ConllGold> ReadConllGold(const std::string& path, std::vector<Error>* warnings) {
  std::ifstream in(path);
  if (!in) return Error{ErrorCode::kNotFound, "cannot open the gold file", path, 0};
  ConllGold out;
  std::vector<std::string> words, tags;
  auto flush = [&] {
    if (words.empty()) return;
    out.words.push_back(std::move(words));
    out.tags.push_back(std::move(tags));
    words.clear();
    tags.clear();
  };
  std::string line;
  long n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::vector<std::string> cols;
    for (size_t i = 0; i < line.size();) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != '\r') ++j;
      if (j > i) cols.push_back(line.substr(i, j - i));
      i = j;
    }
    if (cols.empty()) {
      flush();
      continue;
    }
    std::string tag = cols.size() > 1 ? cols.back() : "O";
    const bool ok = tag == "O" || (tag.size() > 2 && tag[1] == '-' && std::string("BIES").find(tag[0]) != std::string::npos);
    if (!ok) {
      if (warnings) warnings->push_back(Error{ErrorCode::kBadRecord, "tag '" + tag + "' is not O, B-X or I-X; read as O", path, n});
      tag = "O";
    }
    words.push_back(cols.front());
    tags.push_back(tag);
  }
  flush();
  return out;
}

std::set<std::tuple<size_t, size_t, std::string>> BioSpans(const std::vector<std::string>& tags) {
  std::set<std::tuple<size_t, size_t, std::string>> out;
  size_t start = 0;
  std::string type;
  bool open = false;
  for (size_t i = 0; i <= tags.size(); ++i) {
    const std::string t = i < tags.size() ? tags[i] : "O";
    const char p = t.empty() ? 'O' : t[0];
    const std::string ty = Fold(t.size() > 2 ? t.substr(2) : "");
    const bool inside = p == 'I' || p == 'E';  // E-X (BIOES) continues like I-X; S-X opens like B-X
    if (open && (!inside || ty != type)) {
      out.emplace(start, i, type);
      open = false;
    }
    if (p == 'B' || p == 'S' || (inside && !open)) start = i, type = ty, open = true;
  }
  return out;
}

ConllScore ScoreConll(const std::vector<std::vector<std::string>>& gold,
                      const std::vector<std::vector<std::string>>& predicted, const std::set<std::string>& types) {
  ConllScore s;
  auto wanted = [&](const std::string& t) { return types.empty() || types.count(t) > 0; };
  for (size_t k = 0; k < gold.size() && k < predicted.size(); ++k) {
    const auto g = BioSpans(gold[k]), p = BioSpans(predicted[k]);
    for (const auto& e : g) {
      if (!wanted(std::get<2>(e))) continue;
      (p.count(e) ? s.by_type[std::get<2>(e)].tp : s.by_type[std::get<2>(e)].fn) += 1;
    }
    for (const auto& e : p)
      if (wanted(std::get<2>(e)) && !g.count(e)) ++s.by_type[std::get<2>(e)].fp;
  }
  for (const auto& [type, prf] : s.by_type) {
    s.micro.tp += prf.tp;
    s.micro.fp += prf.fp;
    s.micro.fn += prf.fn;
  }
  return s;
}

}  // namespace rasd::eval
