#include "entities/recognizer.h"

#include <algorithm>
#include <map>
#include <optional>

#include "text/arabic.h"
#include "text/utf8.h"

namespace rasd::entities {

namespace {
bool EndsWithView(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

TokenReadings ComputeReadings(const Document& doc) {
  TokenReadings out;
  out.reserve(doc.tokens.size());
  for (const auto& t : doc.tokens) {
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kLatin) out.push_back(morph::Readings(t.norm));
    else out.push_back({morph::Reading{t.norm}});
  }
  return out;
}

std::vector<int32_t> EntityOfToken(const Document& doc) {
  std::vector<int32_t> out(doc.tokens.size(), -1);
  for (size_t e = 0; e < doc.entities.size(); ++e)
    for (int32_t t = doc.entities[e].first_token; t < doc.entities[e].end_token; ++t) out[t] = static_cast<int32_t>(e);
  return out;
}

namespace {

bool IsOpenQuote(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.norm == "\xE2\x80\x9C" || t.norm == "\xC2\xAB" || t.norm == "\"" ||
                                         t.norm == "\xE2\x80\x9D" || t.norm == "'");
}
bool IsCloseQuote(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.norm == "\xE2\x80\x9D" || t.norm == "\xC2\xBB" || t.norm == "\"" ||
                                         t.norm == "'");
}

struct Match {
  int32_t len = 0;
  int32_t node = -1;
  const morph::Reading* reading = nullptr;
};

struct State {
  const Gazetteer& g;
  Document& doc;
  const TokenReadings& readings;
  const std::string& date;
  std::string last_role = "president";
  int32_t media_cue_until = -1;
  std::vector<Actor> persons, actors;  // mention history, for pair references
  const morph::Reading* first_reading = nullptr;  // how the current match's first token was read
  std::vector<std::pair<int32_t, int32_t>> ambiguous;  // (entity, place) read as a country for now
  std::vector<int> trims;  // per entity: proclitic letters (و ف ب ل ك) before the name itself
  // Bare agents (الشرطة، الجيش، المتظاهرون) waiting for a country from their context:
  // (entity, first token of the previous sentence).
  std::vector<std::pair<int32_t, int32_t>> bare;
  bool bare_agents = true;
  int32_t previous_sentence = 0, this_sentence = 0;

  // Longest gazetteer name starting at token i (within [i, end)).
  Match Longest(int32_t i, int32_t end) const {
    Match best;
    if (doc.tokens[i].kind != TokenKind::kWord && doc.tokens[i].kind != TokenKind::kLatin) return best;
    for (const auto& r : readings[i]) {
      if (r.future) continue;
      int32_t node = g.Child(0, r.stem);
      if (node < 0) continue;
      int32_t j = i + 1;
      int32_t last_node = g.Entries(node).empty() ? -1 : node, last_len = last_node >= 0 ? 1 : 0;
      while (j < end && node >= 0) {
        int32_t next = g.Child(node, doc.tokens[j].norm);
        if (next < 0) break;
        node = next;
        ++j;
        if (!g.Entries(node).empty()) last_node = node, last_len = j - i;
      }
      // Without its article a word only matches adjectives (الروسية → روسي): المالية is not
      // Malé and العالية is not Aley.
      if (last_node >= 0 && r.article) {
        bool adjective = false;
        for (const auto& e : g.Entries(last_node)) adjective |= e.kind == EntryKind::kNisba;
        if (!adjective) continue;
      }
      if (last_node >= 0 && last_len > best.len) best = Match{last_len, last_node, &r};
    }
    return best;
  }
  // Remembers how token i was read by the match that is about to be emitted from it.
  Match Note(int32_t i, Match m) {
    first_reading = m.reading;
    first_reading_token = i;
    return m;
  }

  const Entry* Find(const Match& m, EntryKind kind) const {
    if (m.node < 0) return nullptr;
    for (const auto& e : g.Entries(m.node))
      if (e.kind == kind) return &e;
    return nullptr;
  }

  // [i, end) lies inside quotation marks that also hold other words.
  bool InsideLongerQuote(int32_t i, int32_t end, int32_t sentence_end) const {
    int32_t open = -1, close = -1;
    for (int32_t k = i - 1; k >= 0 && k >= i - 4; --k) {
      if (IsCloseQuote(doc.tokens[k]) && !IsOpenQuote(doc.tokens[k])) break;
      if (IsOpenQuote(doc.tokens[k])) {
        open = k;
        break;
      }
    }
    if (open < 0) return false;
    for (int32_t k = end; k < sentence_end && k <= end + 4; ++k)
      if (IsCloseQuote(doc.tokens[k])) {
        close = k;
        break;
      }
    return close >= 0 && (open + 1 < i || close > end);
  }

  // مسلحون/مسلحين without the article (المسلحين refers back to armed men named before).
  static bool UnknownGunmen(std::string_view w) {
    return w == "\xD9\x85\xD8\xB3\xD9\x84\xD8\xAD\xD9\x88\xD9\x86" ||  // مسلحون
           w == "\xD9\x85\xD8\xB3\xD9\x84\xD8\xAD\xD9\x8A\xD9\x86";      // مسلحين
  }
  // مجهولون/مجهولين after the gunmen.
  static bool Unknown(std::string_view w) {
    return w == "\xD9\x85\xD8\xAC\xD9\x87\xD9\x88\xD9\x84\xD9\x88\xD9\x86" ||  // مجهولون
           w == "\xD9\x85\xD8\xAC\xD9\x87\xD9\x88\xD9\x84\xD9\x8A\xD9\x86";      // مجهولين
  }

  // Words that alone are mostly a concept or an adjective: الأمن "security" (زعزعة الأمن),
  // البحرية "marine" (الواجهة البحرية), المعارض "exhibitions", and aircraft, whose side a bare mention seldom tells
  // (قصفت الطائرات: the coalition's, not Yemen's). With a nationality, or in a longer name
  // (قوات الأمن، رجال الأمن), they are actors.
  static bool ConceptWord(std::string_view word) {
    // Past a conjunction and a preposition (والأمن، بالأمن، للأمن).
    if (word.rfind("\xD9\x88", 0) == 0 || word.rfind("\xD9\x81", 0) == 0) word.remove_prefix(2);  // و ف
    std::string with_article;
    if (word.rfind("\xD9\x84\xD9\x84", 0) == 0) {  // لل → ال
      with_article = "\xD8\xA7" + std::string(word.substr(2));
      word = with_article;
    } else if (word.rfind("\xD8\xA8\xD8\xA7\xD9\x84", 0) == 0 || word.rfind("\xD9\x83\xD8\xA7\xD9\x84", 0) == 0) {  // بال كال
      word.remove_prefix(2);
    }
    for (std::string_view w : {"\xD8\xA7\xD9\x84\xD8\xA7\xD9\x85\xD9\x86", "\xD8\xA7\xD9\x84\xD8\xA8\xD8\xAD\xD8\xB1\xD9\x8A\xD9\x87", "\xD8\xA7\xD9\x84\xD8\xB7\xD8\xA7\xD8\xA6\xD8\xB1\xD8\xA7\xD8\xAA",  // الامن البحريه الطائرات
                               "\xD8\xA7\xD9\x84\xD8\xB7\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x86", "\xD8\xA7\xD9\x84\xD9\x85\xD9\x82\xD8\xA7\xD8\xAA\xD9\x84\xD8\xA7\xD8\xAA", "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB1\xD9\x88\xD8\xAD\xD9\x8A\xD8\xA7\xD8\xAA"})  // الطيران المقاتلات المروحيات
      if (word == w) return true;
    if (word == "\xD8\xA7\xD9\x84\xD9\x85\xD8\xB9\xD8\xA7\xD8\xB1\xD8\xB6") return true;  // المعارض: "exhibitions" far more than "the opponent"
    return false;
  }

  // Agents that stand for a country's institution or people without a nationality; people
  // (CVL) only in the plural (المتظاهرين، النشطاء), as one person (الناشط) may be named next.
  static bool BareAgentKind(const std::string& agent, std::string_view last) {
    if (agent == "MIL" || agent == "COP" || agent == "OPP" || agent == "SPY") return true;
    // الحكومة، السلطات، النظام; not الوزير or الدولة, which name one person or the state.
    if (agent == "GOV")
      return last == "\xD8\xA7\xD9\x84\xD8\xAD\xD9\x83\xD9\x88\xD9\x85\xD9\x87" ||  // الحكومه
             last == "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xB7\xD8\xA7\xD8\xAA" ||  // السلطات
             last == "\xD8\xA7\xD9\x84\xD9\x86\xD8\xB8\xD8\xA7\xD9\x85";              // النظام
    if (agent != "CVL") return false;
    for (std::string_view plural : {"\xD9\x8A\xD9\x86", "\xD9\x88\xD9\x86", "\xD8\xA7\xD8\xA1", "\xD8\xA7\xD9\x86",
                                    "\xD8\xA7\xD9\x84\xD9\x8A"})  // ين ون اء ان الي
      if (last.size() >= plural.size() && last.substr(last.size() - plural.size()) == plural) return true;
    return false;
  }

  // A bare agent is of the one country named in its sentence and the one before (places,
  // nationalities, countries, actors; not international bodies); with none or several, it
  // is no entity.
  void ResolveBare() {
    if (bare.empty()) return;
    std::vector<char> drop(doc.entities.size(), 0);
    // The article's own country: one that has at least two thirds of its country mentions
    // (and two or more). A bare agent with no country near it takes that one.
    std::string article_country;
    {
      std::map<std::string, int> counts;
      int total = 0;
      std::vector<char> is_bare(doc.entities.size(), 0);
      for (const auto& b : bare) is_bare[b.first] = 1;
      for (size_t k = 0; k < doc.entities.size(); ++k) {
        const Entity& other = doc.entities[k];
        if (is_bare[k]) continue;
        std::string c = other.place ? other.place->country : other.actor ? other.actor->country : "";
        if (c.empty() || c == "IGO" || (other.actor && other.actor->code.rfind("IGO", 0) == 0)) continue;
        ++counts[c];
        ++total;
      }
      for (const auto& [c, n] : counts)
        if (n >= 2 && 3 * n >= 2 * total) article_country = c;
    }
    for (auto [e, from] : bare) {
      Entity& en = doc.entities[e];
      int32_t end = static_cast<int32_t>(doc.tokens.size());
      for (const auto& s : doc.sentences)
        if (s.first_token <= en.first_token && en.first_token < s.end_token) end = s.end_token;
      std::string country;
      bool several = false;
      for (const auto& other : doc.entities) {
        if (&other == &en || other.first_token < from || other.first_token >= end) continue;
        // "شن الجيش هجوما على أوكرانيا": what an act is against is the other side.
        if (other.first_token > en.first_token) {
          const std::string& before = doc.tokens[other.first_token - 1].norm;
          if (before == "\xD8\xB9\xD9\x84\xD9\x8A" || before == "\xD8\xB6\xD8\xAF") continue;  // على ضد
        }
        std::string c = other.place ? other.place->country : other.actor ? other.actor->country : "";
        if (c.empty() || c == "IGO" || (other.actor && !other.actor->country.empty() && other.actor->code.rfind("IGO", 0) == 0))
          continue;
        if (country.empty()) country = c;
        else if (c != country) several = true;
      }
      if (country.empty() && !several) country = article_country;
      // "غارات التحالف": a bare coalition in news of Yemen is the Saudi-led one; elsewhere
      // (Syria, Iraq, party alliances) whose it is goes untold.
      if (doc.tokens[en.end_token - 1].norm.size() >= 12 &&
          EndsWithView(doc.tokens[en.end_token - 1].norm, "\xD8\xAA\xD8\xAD\xD8\xA7\xD9\x84\xD9\x81")) {  // تحالف
        if (!several && (country == "YEM" || country == "SAU")) country = "SAU";
        else country.clear();
      }
      const Country* c = several || country.empty() ? nullptr : g.CountryByIso(country);
      // A bare النظام is the regime in news of Syria; elsewhere it is mostly "the system" or
      // "the regulations" (وفق النظام، النظام الإلكتروني، النظام المصرفي).
      if (c && c->iso3 != "SYR" && en.actor->agent == "GOV" &&
          doc.tokens[en.end_token - 1].norm == "\xD8\xA7\xD9\x84\xD9\x86\xD8\xB8\xD8\xA7\xD9\x85")  // النظام
        c = nullptr;
      if (!c) {
        drop[e] = 1;
        continue;
      }
      en.actor = g.CountryActor(*c, en.actor->agent);
    }
    std::vector<Entity> kept;
    std::vector<int> kept_trims;
    for (size_t k = 0; k < doc.entities.size(); ++k)
      if (!drop[k]) kept.push_back(std::move(doc.entities[k])), kept_trims.push_back(trims[k]);
    doc.entities = std::move(kept);
    trims = std::move(kept_trims);
  }

  // Reads the ambiguous country/capital names again with the whole article known.
  void ResolveAmbiguous() {
    for (auto [e, place] : ambiguous) {
      const PlaceInfo& p = g.places()[place];
      const std::string& as_country = doc.entities[e].actor->country;
      int for_place = 0, for_country = 0;
      for (size_t k = 0; k < doc.entities.size(); ++k) {
        if (static_cast<int32_t>(k) == e || !doc.entities[k].actor) continue;
        for_place += doc.entities[k].actor->country == p.country;
        for_country += doc.entities[k].actor->country == as_country;
      }
      if (for_place <= for_country) continue;
      Entity& en = doc.entities[e];
      en.type = p.kind == "capital" ? EntityType::kGpe : EntityType::kLoc;
      en.place = Place{p.name_en, p.country, p.lat, p.lon};
      en.actor.reset();
      if (p.kind == "capital")
        if (const Country* c = g.CountryByIso(p.country)) en.actor = g.CountryActor(*c, "GOV");
    }
  }

  int32_t SkipQuotes(int32_t j, int32_t end) const {
    while (j < end && (IsOpenQuote(doc.tokens[j]) || IsCloseQuote(doc.tokens[j]))) ++j;
    return j;
  }

  bool Quoted(int32_t i, int32_t j) const {
    return i > 0 && IsOpenQuote(doc.tokens[i - 1]) && j < static_cast<int32_t>(doc.tokens.size()) &&
           IsCloseQuote(doc.tokens[j]);
  }

  // A country named at j by a nisba or a country name (or a capital).
  // True when token i carries the article (الرئيس, والرئيس, بالرئيس, للرئيس).
  bool Definite(int32_t i) const {
    for (const auto& r : readings[i])
      if (r.article || r.stem.rfind("\xD8\xA7\xD9\x84", 0) == 0) return true;  // ال
    return false;
  }

  // A country named at j by a nisba (agreeing in definiteness with its head: الرئيس الروسي,
  // not الأمير تركي, where Turki is a given name) or by a country name.
  std::optional<std::pair<const Country*, int32_t>> CountryAt(int32_t j, int32_t end, bool head_definite) const {
    if (j >= end) return std::nullopt;
    Match m = Longest(j, end);
    if (m.len == 0) return std::nullopt;
    const Entry* e = Find(m, EntryKind::kNisba);
    if (e && Definite(j) != head_definite) e = nullptr;
    if (!e) e = Find(m, EntryKind::kCountry);
    if (e) return std::make_pair(&g.countries()[e->index], m.len);
    return std::nullopt;
  }

  void Emit(int32_t first, int32_t end, EntityType type, std::optional<Actor> actor, std::optional<Place> place = {},
            std::optional<Actor> second = {}) {
    Entity e;
    e.first_token = first;
    e.end_token = end;
    e.span = Span{doc.tokens[first].span.start, doc.tokens[end - 1].span.end};
    e.type = type;
    e.actor = std::move(actor);
    e.place = std::move(place);
    e.second = std::move(second);
    // Adjectives (الملف السوري) and places (a city stands for its country, but "the two
    // sides" are never a city) are not mentions that later words refer back to.
    if (e.actor && !e.actor->country.empty() && type != EntityType::kNorp && type != EntityType::kLoc) {
      actors.push_back(*e.actor);
      if (type == EntityType::kPer) persons.push_back(*e.actor);
    }
    if (e.second && !e.second->country.empty() && type != EntityType::kNorp) {
      actors.push_back(*e.second);
      if (type == EntityType::kPer) persons.push_back(*e.second);
    }
    int trim = 0;
    if (first_reading && first_reading_token == first) {
      int letters = text::CountCodePoints(doc.tokens[first].norm) - text::CountCodePoints(first_reading->stem);
      trim = std::max(0, letters - (first_reading->article ? 2 : 0));
    }
    trims.push_back(trim);
    doc.entities.push_back(std::move(e));
  }
  int32_t first_reading_token = -1;

  // The last two actors of different countries in a history.
  std::optional<std::pair<Actor, Actor>> LastPair(const std::vector<Actor>& h) const {
    for (size_t a = h.size(); a-- > 0;) {
      for (size_t b = a; b-- > 0;) {
        if (h[b].country != h[a].country) return std::make_pair(h[b], h[a]);
      }
      break;
    }
    return std::nullopt;
  }

  Actor OfficeActor(const std::string& role, const std::string& agent, const Country& c) const {
    // Without a date nobody knows who held the office: the office itself is the actor.
    if (!date.empty())
      if (const Person* p = g.RoleHolder(role, c.iso3, date)) return g.PersonActor(*p, date);
    Actor a = g.CountryActor(c, agent.empty() ? "GOV" : agent);
    a.id.clear();
    std::string r = role;
    std::replace(r.begin(), r.end(), '_', ' ');
    a.name = r + " of " + c.name_en;
    return a;
  }

  // title (or counterpart) at i..i+len: nisba/country, then maybe a name.
  int32_t Office(int32_t i, int32_t len, int32_t end, const std::string& role, const std::string& agent, bool dual,
                 bool head_definite) {
    int32_t j = i + len;
    auto country = CountryAt(j, end, head_definite);
    const Country* c = nullptr;
    int32_t after = j;
    if (country) {
      c = country->first;
      after = j + country->second;
    }
    // A name may follow, possibly in quotes.
    int32_t k = SkipQuotes(after, end);
    Match pm = k < end ? Longest(k, end) : Match{};
    const Entry* person = Find(pm, EntryKind::kPerson);
    if (person) {
      const int32_t title_token = first_reading_token;
      if (c) Emit(j, after, EntityType::kNorp, g.CountryActor(*c));
      Note(k, pm);
      Emit(k, k + pm.len, EntityType::kPer, g.PersonActor(g.people()[person->index], date));
      first_reading_token = title_token;
      last_role = role;
      return k + pm.len;
    }
    if (c) {
      last_role = role;
      std::optional<Actor> second;
      // الرئيسين الروسي والأمريكي: a second nisba joined by و.
      if (dual && after < end) {
        const auto& rs = readings[after];
        for (const auto& r : rs) {
          if (!r.conj) continue;
          int32_t node = g.Child(0, r.stem);
          if (node < 0) continue;
          for (const auto& e : g.Entries(node))
            if (e.kind == EntryKind::kNisba) {
              second = OfficeActor(role, agent, g.countries()[e.index]);
              break;
            }
          if (second) break;
        }
      }
      Emit(i, second ? after + 1 : after, EntityType::kPer, OfficeActor(role, agent, *c), {}, second);
      return second ? after + 1 : after;
    }
    // "الأمير تركي": an indefinite nisba after a definite title is a given name; skip it.
    if (head_definite && j < end && !Definite(j)) {
      Match nm = Longest(j, end);
      if (Find(nm, EntryKind::kNisba) && !Find(nm, EntryKind::kCountry)) return j + nm.len;
    }
    if (dual) {
      if (auto pair = LastPair(persons)) {
        Emit(i, i + len, EntityType::kPer, pair->first, {}, pair->second);
        return i + len;
      }
    }
    return i + len;
  }

  void Sentence(int32_t a, int32_t b) {
    previous_sentence = this_sentence;
    this_sentence = a;
    int32_t i = a;
    while (i < b) {
      Match m = Note(i, Longest(i, b));
      if (m.len == 0) {
        // A misspelt name (بويتن): one edit from a unique known one-word name.
        if (doc.tokens[i].kind == TokenKind::kWord && doc.tokens[i].norm.size() >= 10) {
          for (const auto& r : readings[i]) {
            if (r.article || r.future) continue;
            if (const Person* p = g.FuzzyPerson(r.stem)) {
              first_reading = &r;
              first_reading_token = i;
              Emit(i, i + 1, EntityType::kPer, g.PersonActor(*p, date));
              break;
            }
          }
        }
        ++i;
        continue;
      }
      int32_t end = i + m.len;
      bool done = false;
      for (const auto& e : g.Entries(m.node)) {
        if (e.kind == EntryKind::kPerson) {
          Emit(i, end, EntityType::kPer, g.PersonActor(g.people()[e.index], date));
          i = end, done = true;
          break;
        }
      }
      if (done) continue;
      for (const auto& e : g.Entries(m.node)) {
        if (e.kind != EntryKind::kOrg) continue;
        const Organization& o = g.organizations()[e.index];
        if (o.needs_cue && !(i <= media_cue_until || Quoted(i, end))) continue;
        Emit(i, end, EntityType::kOrg, g.OrgActor(o));
        i = end, done = true;
        break;
      }
      if (done) continue;
      // Priority among the remaining kinds.
      const Entry* title = Find(m, EntryKind::kTitle);
      if (title) {
        const Title& t = g.titles()[title->index];
        i = Office(i, m.len, b, t.role, t.agent, t.dual, Definite(i + m.len - 1));
        continue;
      }
      if (Find(m, EntryKind::kCounterpart)) {
        i = Office(i, m.len, b, last_role, "GOV", false, /*head_definite=*/true);  // نظيره: definite by its pronoun
        continue;
      }
      if (const Entry* ag = Find(m, EntryKind::kAgent)) {
        auto country = CountryAt(end, b, Definite(end - 1));
        if (country) {
          Emit(i, end + country->second, EntityType::kOrg, g.CountryActor(*country->first, g.agents()[ag->index]));
          i = end + country->second;
        } else {
          // "وفرقت الشرطة المتظاهرين": a definite agent with no nationality takes the
          // country of its context, decided after the pass.
          if (bare_agents && Definite(end - 1) && BareAgentKind(g.agents()[ag->index], doc.tokens[end - 1].norm) &&
              !(end - i == 1 && ConceptWord(doc.tokens[i].norm))) {
            Actor a;
            a.agent = g.agents()[ag->index];
            bare.emplace_back(static_cast<int32_t>(doc.entities.size()), previous_sentence);
            Emit(i, end, EntityType::kOrg, a);
          } else if (UnknownGunmen(doc.tokens[end - 1].norm)) {
            // "اقتحم مسلحون مجهولون": armed men of no named group or country are CAMEO's
            // unidentified armed force, a side with no country.
            int32_t stop = end;
            if (stop < b && Unknown(doc.tokens[stop].norm)) ++stop;
            Actor a;
            a.name = "unidentified armed men";
            a.code = a.agent = "UAF";
            Emit(i, stop, EntityType::kOrg, a);
            end = stop;
          }
          i = end;
        }
        continue;
      }
      if (Find(m, EntryKind::kPair)) {
        if (auto pair = LastPair(actors)) Emit(i, end, EntityType::kMisc, pair->first, {}, pair->second);
        i = end;
        continue;
      }
      if (Find(m, EntryKind::kMediaCue)) {
        media_cue_until = SkipQuotes(end, b);
        i = end;
        continue;
      }
      // A place word inside a longer quoted name (ناقلة “مارلين لواندا”) is part of that name.
      if (InsideLongerQuote(i, end, b)) {
        i = end;
        continue;
      }
      const Entry* country = Find(m, EntryKind::kCountry);
      const Entry* nisba = Find(m, EntryKind::kNisba);
      const Entry* place_entry = Find(m, EntryKind::kPlace);
      if (country && nisba && m.reading && m.reading->article) country = nullptr;  // السورية: adjective
      if (country) {
        const Country& c = g.countries()[country->index];
        // عمان: Oman, or Amman when the article is about Jordan (decided after the pass).
        if (place_entry && g.places()[place_entry->index].country != c.iso3)
          ambiguous.emplace_back(static_cast<int32_t>(doc.entities.size()), place_entry->index);
        Emit(i, end, EntityType::kGpe, g.CountryActor(c), Place{c.name_en, c.iso3, c.lat, c.lon});
        i = end;
        continue;
      }
      if (const Entry* place = Find(m, EntryKind::kPlace)) {
        const PlaceInfo& p = g.places()[place->index];
        std::optional<Actor> actor;
        // A capital stands for its government (موسكو → RUSGOV); a city, region, site or
        // crossing for its country (كركوك → IRQ), as CAMEO dictionaries code place names.
        // Seas and rivers stand for no one.
        if (p.kind != "body")
          if (const Country* c = g.CountryByIso(p.country)) actor = g.CountryActor(*c, p.kind == "capital" ? "GOV" : "");
        Emit(i, end, p.kind == "capital" ? EntityType::kGpe : EntityType::kLoc, actor,
             Place{p.name_en, p.country, p.lat, p.lon});
        i = end;
        continue;
      }
      if (nisba) {
        Emit(i, end, EntityType::kNorp, g.CountryActor(g.countries()[nisba->index]));
        i = end;
        continue;
      }
      ++i;
    }
  }
};

}  // namespace

void Recognizer::Recognize(Document& doc, const TokenReadings& readings, const std::string& date) const {
  doc.entities.clear();
  State state{g_, doc, readings, date};
  state.bare_agents = bare_agents_;
  for (const auto& s : doc.sentences) state.Sentence(s.first_token, s.end_token);
  state.ResolveAmbiguous();
  state.ResolveBare();
  text::Utf8Index index(doc.text);
  for (size_t k = 0; k < doc.entities.size(); ++k) {
    auto& e = doc.entities[k];
    // "وحركة حماس" → "حركة حماس": step over proclitic letters (and their marks).
    for (int trim = state.trims[k]; trim > 0 && e.span.start < e.span.end;) {
      size_t at = index.Byte(e.span.start);
      char32_t c = text::DecodeNext(doc.text, at);
      ++e.span.start;
      if (text::IsArabicLetter(c)) --trim;
    }
    while (e.span.start < e.span.end) {  // marks that belonged to the clitic
      size_t at = index.Byte(e.span.start);
      char32_t c = text::DecodeNext(doc.text, at);
      if (!text::IsArabicDiacritic(c) && !text::IsTatweel(c)) break;
      ++e.span.start;
    }
    e.text = std::string(index.Slice(e.span));
  }
}

}  // namespace rasd::entities
