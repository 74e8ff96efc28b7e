#include "ner/persons.h"

#include <algorithm>

#include "text/utf8.h"

namespace rasd::ner {

namespace {

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord || t.kind == TokenKind::kLatin; }

// The token is a noun of what a person is (الناشط، والصحفي، عقيد), read with at most a
// conjunction and the article.
bool IsPersonNoun(const std::unordered_set<std::string>& nouns, const std::vector<morph::Reading>& readings) {
  for (const auto& r : readings)
    if (!r.prep && nouns.count(r.stem)) return true;
  return false;
}

// The agent code of an agent noun of agents.tsv (الصحفي → MED, العقيد → MIL), or "".
std::string AgentOf(const entities::Gazetteer& g, const std::vector<morph::Reading>& readings) {
  for (const auto& r : readings) {
    if (r.prep) continue;
    const int32_t node = g.Child(0, r.stem);
    if (node < 0) continue;
    for (const auto& e : g.Entries(node))
      if (e.kind == entities::EntryKind::kAgent) return g.agents()[e.index];
  }
  return "";
}

// The entity holds a name the gazetteer knows (الحريري، الرئيس بوتين): whatever follows
// is someone else (الحريري وفريد شوقي), not the rest of this name.
bool NamesKnownPerson(const entities::Gazetteer& g, const Document& doc, const Entity& e) {
  for (int32_t k = e.first_token; k < e.end_token; ++k) {
    const int32_t node = g.Child(0, doc.tokens[k].norm);
    if (node < 0) continue;
    for (const auto& en : g.Entries(node))
      if (en.kind == entities::EntryKind::kPerson) return true;
    if (k + 1 < e.end_token) {  // the first word of a longer name (فلاديمير بوتين)
      const int32_t n2 = g.Child(node, doc.tokens[k + 1].norm);
      if (n2 >= 0)
        for (const auto& en : g.Entries(n2))
          if (en.kind == entities::EntryKind::kPerson) return true;
    }
  }
  return false;
}

// A given name takes neither the article nor a preposition (الرئيس X, not الرئيس في …);
// family names that do (الأسد) come after the given name. Three letters at least.
bool MayStartName(const std::vector<morph::Reading>& readings) {
  const morph::Reading& literal = readings.front();
  if (literal.stem.rfind("\xD8\xA7\xD9\x84", 0) == 0) return false;  // ال
  for (const auto& r : readings)
    if (r.article) return false;
  return text::CountCodePoints(literal.stem) >= 3;
}

// How a name after token k would be read.
enum class Slot : uint8_t {
  kNone,
  kJoin,   // the name joins the entity before it (a title, or person noun + nationality)
  kAlone,  // the name is a person of its own, with no actor (after a bare person noun, or
           // after a nationality or institution that may describe another noun)
};

}  // namespace

int NameUnknownPersons(const Tagger& tagger, const entities::Gazetteer& g,
                       const std::unordered_set<std::string>& person_nouns, const entities::TokenReadings& readings,
                       Document& doc) {
  std::vector<int32_t> ent_of = entities::EntityOfToken(doc);
  text::Utf8Index index(doc.text);
  int changed = 0;
  std::vector<Entity> added;
  for (const auto& s : doc.sentences) {
    // 1. Slots: tokens where a name may start, and how it would be read.
    std::vector<std::pair<int32_t, Slot>> slots;
    for (int32_t k = s.first_token; k + 1 < s.end_token; ++k) {
      const int32_t next = k + 1;
      if (!IsWord(doc.tokens[next]) || ent_of[next] >= 0 || !MayStartName(readings[next])) continue;
      const int32_t e = ent_of[k];
      if (e < 0) {
        if (IsPersonNoun(person_nouns, readings[k])) slots.emplace_back(next, Slot::kAlone);
        continue;
      }
      const Entity& en = doc.entities[e];
      if (en.end_token != next) continue;
      if (en.type == EntityType::kPer) {
        if (!NamesKnownPerson(g, doc, en)) slots.emplace_back(next, Slot::kJoin);
      } else if (en.type == EntityType::kNorp || en.type == EntityType::kOrg) {
        // A person noun starting the entity (الناشط المصري as one agent entity) or up to
        // two words before a nationality (الناشط الحقوقي المصري) says the name is of that
        // person; else the nationality or institution may describe another noun
        // (أفرجت السجون الإسرائيلية عن X، الشركة الإيطالية إيني).
        bool person = IsPersonNoun(person_nouns, readings[en.first_token]);
        for (int32_t h = en.first_token - 1; !person && en.type == EntityType::kNorp && h >= s.first_token &&
                                             h >= en.first_token - 2 && ent_of[h] < 0 && IsWord(doc.tokens[h]);
             --h)
          person = IsPersonNoun(person_nouns, readings[h]);
        slots.emplace_back(next, person ? Slot::kJoin : Slot::kAlone);
      }
    }
    if (slots.empty()) continue;
    // 2. Tag windows around the slots (four words before, six after: the model looks two
    // words each way), not the whole sentence.
    std::vector<std::string> tags(s.end_token - s.first_token, "O");
    for (size_t a = 0; a < slots.size();) {
      const int32_t from = std::max(s.first_token, slots[a].first - 4);
      int32_t to = std::min(s.end_token, slots[a].first + 6);
      size_t b = a + 1;
      while (b < slots.size() && slots[b].first - 4 <= to) to = std::min(s.end_token, slots[b++].first + 6);
      std::vector<std::string> words;
      for (int32_t k = from; k < to; ++k) words.emplace_back(index.Slice(doc.tokens[k].span));
      const std::vector<std::string> window = tagger.Tag(words);
      for (int32_t k = from; k < to; ++k) tags[k - s.first_token] = window[k - from];
      a = b;
    }
    // Person tags: PER, or PERS as ANERcorp writes it.
    auto person_tag = [&](int32_t k, char bio) {
      const std::string& t = tags[k - s.first_token];
      return t.size() >= 5 && t[0] == bio && t.compare(2, 3, "PER") == 0 && (t.size() == 5 || t.substr(5) == "S");
    };
    // 3. The names.
    for (const auto& [start, slot] : slots) {
      if (ent_of[start] != -1 || !person_tag(start, 'B')) continue;
      int32_t end = start + 1;
      while (end < s.end_token && ent_of[end] == -1 && person_tag(end, 'I')) ++end;
      if (slot == Slot::kAlone) {
        Entity name;
        name.type = EntityType::kPer;
        name.first_token = start;
        name.end_token = end;
        name.span = Span{doc.tokens[start].span.start, doc.tokens[end - 1].span.end};
        name.text = std::string(index.Slice(name.span));
        for (int32_t k = start; k < end; ++k) ent_of[k] = -2;  // taken; indices change when sorted below
        added.push_back(std::move(name));
        ++changed;
        continue;
      }
      const int32_t ei = ent_of[start - 1];
      Entity& e = doc.entities[ei];
      // A nationality after a person noun: the person starts at the noun, whose agent it takes.
      std::string agent = e.actor ? e.actor->agent : "";
      if (e.type == EntityType::kNorp) {
        // The earliest person noun of up to two before it (الناشط الحقوقي المصري).
        for (int32_t h = e.first_token - 1; h >= s.first_token && h >= e.first_token - 2 && ent_of[h] < 0; --h)
          if (IsPersonNoun(person_nouns, readings[h])) {
            e.first_token = h;
            e.span.start = doc.tokens[h].span.start;
            if (std::string a = AgentOf(g, readings[h]); !a.empty()) agent = a;
          }
      }
      e.end_token = end;
      e.span.end = doc.tokens[end - 1].span.end;
      e.text = std::string(index.Slice(e.span));
      // Someone the data knows, or a title's office holder, is not this unknown name:
      // keep only the country and agent.
      if (e.actor && !e.actor->country.empty() && e.actor->country != "IGO") {
        if (const entities::Country* c = g.CountryByIso(e.actor->country)) e.actor = g.CountryActor(*c, agent);
      } else if (e.actor && e.actor->country == "IGO" && e.actor->id != e.actor->code) {
        e.actor->id.clear();  // an IGO official (المبعوث الأممي): the organisation's code stands
        e.actor->name = e.actor->code;
      }
      e.type = EntityType::kPer;
      for (int32_t k = e.first_token; k < e.end_token; ++k) ent_of[k] = ei;
      ++changed;
    }
  }
  if (!added.empty()) {
    for (auto& e : added) doc.entities.push_back(std::move(e));
    std::stable_sort(doc.entities.begin(), doc.entities.end(),
                     [](const Entity& a, const Entity& b) { return a.first_token < b.first_token; });
  }
  return changed;
}

}  // namespace rasd::ner
