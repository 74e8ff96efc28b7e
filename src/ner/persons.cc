#include "ner/persons.h"

#include <algorithm>

#include "text/utf8.h"

namespace rasd::ner {

namespace {


// The agent code when the token is an agent noun of agents.tsv (الصحفي، الناشط، العقيد),
// read with at most a conjunction and the article; else "".
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

// An entity a name may follow: a title or person (PER), a nationality (NORP), or a
// generic agent with its country (الناشط المصري; the tagger decides whether a name
// follows, which it does not after القوات الروسية).
bool IsSlot(const Entity& e) {
  if (e.type == EntityType::kPer || e.type == EntityType::kNorp) return true;
  return e.type == EntityType::kOrg && e.actor && !e.actor->agent.empty() && e.actor->id == e.actor->country;
}

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord || t.kind == TokenKind::kLatin; }

}  // namespace

int NameUnknownPersons(const Tagger& tagger, const entities::Gazetteer& g, const entities::TokenReadings& readings,
                       Document& doc) {
  std::vector<int32_t> ent_of = entities::EntityOfToken(doc);
  text::Utf8Index index(doc.text);
  int changed = 0;
  std::vector<Entity> added;
  for (const auto& s : doc.sentences) {
    // Slots: the token after which a name may start.
    std::vector<int32_t> after_entity, after_agent;  // token indices where a name would start
    for (int32_t k = s.first_token; k + 1 < s.end_token; ++k) {
      const int32_t next = k + 1;
      if (!IsWord(doc.tokens[next]) || ent_of[next] >= 0) continue;
      const int32_t e = ent_of[k];
      if (e >= 0 && doc.entities[e].end_token == next && IsSlot(doc.entities[e])) after_entity.push_back(next);
      else if (e < 0 && !AgentOf(g, readings[k]).empty()) after_agent.push_back(next);
    }
    if (after_entity.empty() && after_agent.empty()) continue;
    std::vector<std::string> words;
    words.reserve(s.end_token - s.first_token);
    for (int32_t k = s.first_token; k < s.end_token; ++k) words.emplace_back(index.Slice(doc.tokens[k].span));
    const std::vector<std::string> tags = tagger.Tag(words);
    // Person tags: PER, or PERS as ANERcorp writes it.
    auto person = [&](int32_t k, char bio) {
      const std::string& t = tags[k - s.first_token];
      return t.size() >= 5 && t[0] == bio && t.compare(2, 3, "PER") == 0 && (t.size() == 5 || t.substr(5) == "S");
    };
    // The PER span starting at token `start` (B-PER, then I-PER), stopping at an entity.
    auto span_end = [&](int32_t start) {
      if (!person(start, 'B')) return start;
      int32_t end = start + 1;
      while (end < s.end_token && ent_of[end] < 0 && person(end, 'I')) ++end;
      return end;
    };
    for (int32_t start : after_entity) {
      const int32_t end = span_end(start);
      if (end == start) continue;
      const int32_t ei = ent_of[start - 1];
      Entity& e = doc.entities[ei];
      e.end_token = end;
      e.span.end = doc.tokens[end - 1].span.end;
      e.text = std::string(index.Slice(e.span));
      // An agent noun up to two words before a nationality names the person's agent
      // (الناشط الحقوقي المصري): the person starts there.
      std::string agent = e.actor ? e.actor->agent : "";
      if (e.type == EntityType::kNorp) {
        for (int32_t head = e.first_token - 1; head >= s.first_token && head >= e.first_token - 2; --head) {
          if (ent_of[head] >= 0 || !IsWord(doc.tokens[head])) break;
          if (std::string a = AgentOf(g, readings[head]); !a.empty()) {
            agent = a;
            e.first_token = head;
            e.span.start = doc.tokens[head].span.start;
            e.text = std::string(index.Slice(e.span));
            break;
          }
        }
      }
      // Someone the data knows, or a title's office holder, is not this unknown name:
      // keep only the country and agent.
      if (e.actor && !e.actor->country.empty() && e.actor->country != "IGO") {
        if (const entities::Country* c = g.CountryByIso(e.actor->country)) e.actor = g.CountryActor(*c, agent);
      } else if (e.actor && e.actor->country == "IGO" && !e.actor->id.empty() && e.actor->id != e.actor->code) {
        // An IGO official (المبعوث الأممي): the organisation's code stands.
        e.actor->id.clear();
        e.actor->name = e.actor->code;
      }
      e.type = EntityType::kPer;
      for (int32_t k = e.first_token; k < e.end_token; ++k) ent_of[k] = ei;
      ++changed;
    }
    for (int32_t start : after_agent) {
      if (ent_of[start] >= 0) continue;
      const int32_t end = span_end(start);
      if (end == start) continue;
      Entity e;
      e.type = EntityType::kPer;
      e.first_token = start - 1;
      e.end_token = end;
      e.span = Span{doc.tokens[start - 1].span.start, doc.tokens[end - 1].span.end};
      e.text = std::string(index.Slice(e.span));
      added.push_back(std::move(e));
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
