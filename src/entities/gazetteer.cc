#include "entities/gazetteer.h"

#include <algorithm>
#include <cstdlib>

#include "text/arabic.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace rasd::entities {

namespace {

// Name tokens: normalized, split at spaces and hyphens.
std::vector<std::string> Tokens(std::string_view name) {
  std::string key = text::NormalizeKey(name);
  for (auto& c : key)
    if (c == '-') c = ' ';
  return text::SplitWords(key);
}

// The shape a swap keeps: first letter, last letter, length.
uint64_t Shape(const std::u32string& s) {
  return (uint64_t{s.front()} << 40) ^ (uint64_t{s.back()} << 16) ^ s.size();
}

// b is a with two neighbouring letters swapped. (Substitutions, insertions and
// deletions were tried and matched common words: فقدان → Fidan, كورونا → Colonna.)
bool Swapped(const std::u32string& a, const std::u32string& b) {
  if (a.size() != b.size() || a == b) return false;
  size_t k = 0;
  while (k < a.size() && a[k] == b[k]) ++k;
  return k + 1 < a.size() && a[k] == b[k + 1] && a[k + 1] == b[k] && a.substr(k + 2) == b.substr(k + 2);
}

double ToDouble(const std::string& s) { return std::strtod(s.c_str(), nullptr); }


}  // namespace

int32_t Gazetteer::AddChild(int32_t node, const std::string& token) {
  if (node == 0) {
    auto it = root_.find(token);
    if (it != root_.end()) return it->second;
    int32_t id = static_cast<int32_t>(nodes_.size());
    nodes_.emplace_back();
    root_.emplace(token, id);
    return id;
  }
  std::string key(reinterpret_cast<const char*>(&node), sizeof node);
  key += token;
  auto it = edges_.find(key);
  if (it != edges_.end()) return it->second;
  int32_t id = static_cast<int32_t>(nodes_.size());
  nodes_.emplace_back();
  edges_.emplace(std::move(key), id);
  return id;
}

int32_t Gazetteer::Child(int32_t node, std::string_view token) const {
  if (node == 0) {
    auto it = root_.find(token);
    return it == root_.end() ? -1 : it->second;
  }
  thread_local std::string key;  // no allocation per lookup
  key.assign(reinterpret_cast<const char*>(&node), sizeof node);
  key.append(token);
  auto it = edges_.find(key);
  return it == edges_.end() ? -1 : it->second;
}

void Gazetteer::Add(std::string_view name, Entry entry) {
  auto toks = Tokens(name);
  if (toks.empty()) return;
  int32_t node = 0;
  for (const auto& t : toks) node = AddChild(node, t);
  auto& entries = nodes_[node];  // (toks is moved into names_list_ below)
  for (const auto& e : entries)
    if (e.kind == entry.kind && e.index == entry.index) return;
  entries.push_back(entry);
  names_list_.emplace_back(std::move(toks), entry);
  ++names_;
}

const Country* Gazetteer::CountryByIso(std::string_view iso3) const {
  auto it = by_iso_.find(std::string(iso3));
  return it == by_iso_.end() ? nullptr : &countries_[it->second];
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& dir) {
  auto g = std::make_shared<Gazetteer>();
  // Countries and their adjectives.
  auto countries = text::ReadTsv(dir + "/gazetteer/countries.tsv",
                                 {"iso3", "cameo", "name_en", "names_ar", "nisba_ar", "plural_ar", "lat", "lon"});
  if (!countries.ok()) return countries.error();
  {
    const auto& t = countries.value();
    g->version_ = "countries " + t.version;
    int iso = t.Column("iso3"), cameo = t.Column("cameo"), en = t.Column("name_en"), ar = t.Column("names_ar"),
        nisba = t.Column("nisba_ar"), plural = t.Column("plural_ar"), lat = t.Column("lat"), lon = t.Column("lon");
    for (const auto& row : t.rows) {
      const auto& f = row.fields;
      int32_t idx = static_cast<int32_t>(g->countries_.size());
      g->countries_.push_back(Country{f[iso], f[cameo], f[en], ToDouble(f[lat]), ToDouble(f[lon])});
      g->by_iso_.emplace(f[iso], idx);
      for (const auto& name : text::SplitAlternatives(f[ar])) g->Add(name, {EntryKind::kCountry, idx});
      for (const auto& base : text::SplitAlternatives(f[nisba])) {
        std::string b = text::NormalizeKey(base);
        for (const char* suffix : {"", "\xD9\x87", "\xD9\x88\xD9\x86", "\xD9\x8A\xD9\x86", "\xD8\xA7\xD9\x86",
                                   "\xD8\xAA\xD8\xA7\xD9\x86", "\xD8\xAA\xD9\x8A\xD9\x86", "\xD8\xA7\xD8\xAA", "\xD8\xA7"})
          g->Add(b + suffix, {EntryKind::kNisba, idx});  // ـي ـية ـيون ـيين ـيان ـيتان ـيتين ـيات ـيًا
      }
      for (const auto& p : text::SplitAlternatives(f[plural])) g->Add(p, {EntryKind::kNisba, idx});
    }
  }
  auto places = text::ReadTsv(dir + "/gazetteer/places.tsv", {"name_en", "kind", "country", "lat", "lon", "names_ar"});
  if (!places.ok()) return places.error();
  {
    const auto& t = places.value();
    int en = t.Column("name_en"), kind = t.Column("kind"), cc = t.Column("country"), lat = t.Column("lat"),
        lon = t.Column("lon"), ar = t.Column("names_ar");
    for (const auto& row : t.rows) {
      const auto& f = row.fields;
      int32_t idx = static_cast<int32_t>(g->places_.size());
      g->places_.push_back(PlaceInfo{f[en], f[kind], f[cc] == "-" ? "" : f[cc], ToDouble(f[lat]), ToDouble(f[lon])});
      for (const auto& name : text::SplitAlternatives(f[ar])) g->Add(name, {EntryKind::kPlace, idx});
    }
  }
  auto people = text::ReadTsv(dir + "/actors/people.tsv", {"id", "name_en", "names_ar", "roles"});
  if (!people.ok()) return people.error();
  {
    const auto& t = people.value();
    int id = t.Column("id"), en = t.Column("name_en"), ar = t.Column("names_ar"), roles = t.Column("roles");
    for (const auto& row : t.rows) {
      const auto& f = row.fields;
      Person p{f[id], f[en], {}};
      for (const auto& r : text::SplitAlternatives(f[roles], ';')) {
        // CODE:role:FROM..TO
        auto c1 = r.find(':'), c2 = r.find(':', c1 + 1), dots = r.find("..");
        if (c1 == std::string::npos || c2 == std::string::npos || dots == std::string::npos)
          return Error{ErrorCode::kBadData, "role '" + r + "' is not CODE:role:FROM..TO", t.path, row.line};
        p.roles.push_back(RoleSpan{r.substr(0, c1), r.substr(c1 + 1, c2 - c1 - 1), r.substr(c2 + 1, dots - c2 - 1),
                                   r.substr(dots + 2)});
      }
      int32_t idx = static_cast<int32_t>(g->people_.size());
      for (const auto& r : p.roles) {
        std::string key = r.role + "|" + r.code.substr(0, 3);
        auto& v = g->role_index_[key];
        if (v.empty() || v.back() != idx) v.push_back(idx);
      }
      g->people_.push_back(std::move(p));
      for (const auto& name : text::SplitAlternatives(f[ar])) {
        g->Add(name, {EntryKind::kPerson, idx});
        auto toks = Tokens(name);
        if (toks.size() != 1) continue;
        std::u32string u = text::ToU32(toks[0]);
        // Surnames with the article (الأسد, الشرع) look like ordinary words: never fuzzy.
        // Names ending in ه/ة look like nouns (رجاحة): never fuzzy either.
        if (u.size() < 5 || toks[0].rfind("\xD8\xA7\xD9\x84", 0) == 0 || u.back() == 0x0647) continue;
        auto& v = g->fuzzy_[Shape(u)];
        if (v.empty() || v.back().first != idx || v.back().second != u) v.emplace_back(idx, u);
      }
    }
  }
  auto orgs = text::ReadTsv(dir + "/actors/organizations.tsv",
                            {"id", "name_en", "type", "code", "country", "agent", "names_ar", "cue"});
  if (!orgs.ok()) return orgs.error();
  {
    const auto& t = orgs.value();
    int id = t.Column("id"), en = t.Column("name_en"), type = t.Column("type"), code = t.Column("code"),
        cc = t.Column("country"), agent = t.Column("agent"), ar = t.Column("names_ar"), cue = t.Column("cue");
    for (const auto& row : t.rows) {
      const auto& f = row.fields;
      int32_t idx = static_cast<int32_t>(g->orgs_.size());
      auto dash = [](const std::string& s) { return s == "-" ? std::string() : s; };
      g->orgs_.push_back(Organization{f[id], f[en], f[type], dash(f[code]), dash(f[cc]), dash(f[agent]),
                                      f[cue] == "quoted"});
      for (const auto& name : text::SplitAlternatives(f[ar])) g->Add(name, {EntryKind::kOrg, idx});
    }
  }
  auto titles = text::ReadTsv(dir + "/actors/titles.tsv", {"title_ar", "role", "agent"});
  if (!titles.ok()) return titles.error();
  {
    const auto& t = titles.value();
    int ar = t.Column("title_ar"), role = t.Column("role"), agent = t.Column("agent");
    for (const auto& row : t.rows) {
      const auto& f = row.fields;
      std::string ag = f[agent] == "-" ? "" : f[agent];
      int32_t idx = static_cast<int32_t>(g->titles_.size());
      g->titles_.push_back(Title{f[role], ag, false});
      int32_t dual = static_cast<int32_t>(g->titles_.size());
      g->titles_.push_back(Title{f[role], ag, true});
      for (const auto& name : text::SplitAlternatives(f[ar])) {
        g->Add(name, {EntryKind::kTitle, idx});
        auto toks = Tokens(name);
        if (toks.size() == 1) {  // الرئيس → الرئيسين, الرئيسان
          g->Add(toks[0] + "\xD9\x8A\xD9\x86", {EntryKind::kTitle, dual});
          g->Add(toks[0] + "\xD8\xA7\xD9\x86", {EntryKind::kTitle, dual});
        }
      }
    }
  }
  auto agents = text::ReadTsv(dir + "/actors/agents.tsv", {"head_ar", "agent"});
  if (!agents.ok()) return agents.error();
  {
    const auto& t = agents.value();
    int ar = t.Column("head_ar"), agent = t.Column("agent");
    for (const auto& row : t.rows) {
      int32_t idx = static_cast<int32_t>(g->agents_.size());
      g->agents_.push_back(row.fields[agent]);
      for (const auto& name : text::SplitAlternatives(row.fields[ar])) g->Add(name, {EntryKind::kAgent, idx});
    }
  }
  auto coref = text::ReadTsv(dir + "/lexicon/coref.tsv", {"pattern", "kind"});
  if (!coref.ok()) return coref.error();
  {
    const auto& t = coref.value();
    int p = t.Column("pattern"), kind = t.Column("kind");
    for (const auto& row : t.rows) {
      const std::string& k = row.fields[kind];
      EntryKind ek;
      if (k == "counterpart") ek = EntryKind::kCounterpart;
      else if (k == "pair") ek = EntryKind::kPair;
      else if (k == "media-cue") ek = EntryKind::kMediaCue;
      else return Error{ErrorCode::kBadData, "unknown kind '" + k + "'", t.path, row.line};
      for (const auto& name : text::SplitAlternatives(row.fields[p])) g->Add(name, {ek, 0});
    }
  }
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

const Person* Gazetteer::FuzzyPerson(std::string_view token) const {
  std::u32string t = text::ToU32(token);
  if (t.size() < 5) return nullptr;
  int32_t found = -1;
  auto it = fuzzy_.find(Shape(t));
  if (it == fuzzy_.end()) return nullptr;
  for (const auto& [idx, name] : it->second) {
    if (!Swapped(name, t)) continue;
    if (found >= 0 && found != idx) return nullptr;  // ambiguous
    found = idx;
  }
  return found >= 0 ? &people_[found] : nullptr;
}

Actor Gazetteer::CountryActor(const Country& c, std::string_view agent) const {
  Actor a;
  a.id = c.iso3;
  a.name = c.name_en;
  a.country = c.iso3;
  a.agent = std::string(agent);
  a.code = c.cameo + a.agent;
  return a;
}

Actor Gazetteer::OrgActor(const Organization& o) const {
  return Actor{o.id, o.name_en, o.code, o.country, o.agent};
}

static bool Covers(const RoleSpan& r, std::string_view date) {
  if (date.empty()) return r.to.empty();
  return r.from <= date && (r.to.empty() || date < r.to);
}

Actor Gazetteer::PersonActor(const Person& p, std::string_view date) const {
  Actor a{p.id, p.name_en, "", "", ""};
  const RoleSpan* best = nullptr;
  for (const auto& r : p.roles)
    if (Covers(r, date)) {
      best = &r;
      break;
    }
  bool elite = false;
  if (!best) {
    for (const auto& r : p.roles)
      if (!r.to.empty() && (date.empty() || r.to <= date) && (!best || r.to > best->to)) best = &r;
    elite = best != nullptr;
  }
  if (!best && !p.roles.empty()) best = &p.roles.front();
  if (!best) return a;
  std::string country = best->code.substr(0, 3);
  if (best->code.rfind("IGO", 0) == 0) {
    a.country = "IGO";
    a.code = best->code;
    a.agent = "IGO";
    return a;
  }
  a.country = country;
  a.agent = elite ? "ELI" : best->code.substr(3);
  a.code = country + a.agent;
  return a;
}

const Person* Gazetteer::RoleHolder(std::string_view role, std::string_view country, std::string_view date) const {
  auto it = role_index_.find(std::string(role) + "|" + std::string(country));
  if (it == role_index_.end()) return nullptr;
  for (int32_t idx : it->second)
    for (const auto& r : people_[idx].roles)
      if (r.role == role && r.code.compare(0, 3, country) == 0 && Covers(r, date)) return &people_[idx];
  return nullptr;
}

}  // namespace rasd::entities
