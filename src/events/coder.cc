#include "events/coder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string_view>
#include <unordered_set>

#include "text/utf8.h"
#include "text/tsv.h"

namespace rasd::events {

namespace {

bool IsComma(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.norm == "\xD8\x8C" || t.norm == "," || t.norm == ";" || t.norm == "\xD8\x9B");
}
bool IsColon(const Token& t) { return t.kind == TokenKind::kPunct && t.norm == ":"; }

struct Side {
  int32_t entity = -1;
  bool second = false;  // the entity's second actor (الرئيسان)
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The word without a leading conjunction و or ف.
std::string_view WithoutConj(std::string_view n) {
  if (n.rfind("\xD9\x88", 0) == 0 || n.rfind("\xD9\x81", 0) == 0) n.remove_prefix(2);  // و ف
  return n;
}

// A word shaped as an adjective of an attack: a nisba (مدفعي، جوية، حدودي، صاروخيا) or
// one of the common intensities (مكثف، عنيف، كثيف، متواصل، واسع), masculine or feminine.
bool Adjective(std::string_view n) {
  if (n.rfind("\xD8\xA7\xD9\x84", 0) == 0) n.remove_prefix(4);  // ال
  if (EndsWith(n, "\xD9\x8A") || EndsWith(n, "\xD9\x8A\xD9\x87") || EndsWith(n, "\xD9\x8A\xD8\xA7")) return true;  // ي يه يا
  if (EndsWith(n, "\xD9\x87")) n.remove_suffix(2);  // ه (ة)
  if (EndsWith(n, "\xD8\xA7")) n.remove_suffix(2);  // ا (tanwin)
  for (std::string_view w : {"\xD9\x85\xD9\x83\xD8\xAB\xD9\x81", "\xD8\xB9\xD9\x86\xD9\x8A\xD9\x81",  // مكثف عنيف
                             "\xD9\x83\xD8\xAB\xD9\x8A\xD9\x81",                                        // كثيف
                             "\xD9\x85\xD8\xAA\xD9\x88\xD8\xA7\xD8\xB5\xD9\x84", "\xD9\x88\xD8\xA7\xD8\xB3\xD8\xB9"})  // متواصل واسع
    if (n == w) return true;
  return false;
}

struct Context {
  const Codebook& cb;
  Document& doc;
  const entities::TokenReadings& readings;
  const std::vector<int32_t>& ent_of;
  std::vector<Cue> cue;  // per token

  bool Usable(int32_t e) const {
    if (e < 0) return false;
    const Entity& en = doc.entities[e];
    // Unidentified gunmen (UAF) are a side without a country.
    if (!en.actor || (en.actor->country.empty() && en.actor->code != "UAF")) return false;
    // A named outlet reports, it is no party; a journalist (صحفي بريطاني: generic, no id) is.
    if (en.actor->agent == "MED" && en.actor->id != en.actor->country) return false;
    // A city, region, site or crossing stands for its country as a mention, but where
    // something happened is not who did it or to whom (معبر باب الهوى is no party).
    // "على غزة", "ضد كييف", "إلى غزة": what an act is against or sent to is a party even
    // when it is a place.
    if (en.type == EntityType::kLoc) {
      const std::string& before = en.first_token > 0 ? doc.tokens[en.first_token - 1].norm : std::string();
      return before == "\xD8\xB9\xD9\x84\xD9\x8A" || before == "\xD8\xB6\xD8\xAF" ||  // على ضد
             before == "\xD8\xA7\xD9\x84\xD9\x8A";                                    // الى
    }
    // "في سوريا", "بشأن سوريا": a place or a topic, not a participant.
    int32_t k = en.first_token - 1;
    while (k >= 0 && doc.tokens[k].kind == TokenKind::kPunct && !IsComma(doc.tokens[k])) --k;
    if (k >= 0 && cue[k] == Cue::kTopic) return false;
    // "في البقاع اللبناني": an adjective of a place noun after في.
    if (en.type == EntityType::kNorp && k >= 1 && ent_of[k] < 0 && cue[k - 1] == Cue::kTopic) return false;
    // "في عدة مدن باكستانية", "قرى لبنانية": a nationality describing a place.
    if (en.type == EntityType::kNorp && k >= 0 && ent_of[k] < 0 && cue[k] == Cue::kPlaceNoun) return false;
    // "مدينة سوروتش التركية", "مدينة كوباني السورية": a nationality after a place noun and
    // a place of its country (or a name we do not know) describes the place.
    if (en.type == EntityType::kNorp && k >= 0 && ent_of[k] >= 0 && doc.entities[ent_of[k]].place &&
        doc.entities[ent_of[k]].place->country == en.actor->country) {
      const int32_t before = doc.entities[ent_of[k]].first_token - 1;
      if (before >= 0 && cue[before] == Cue::kPlaceNoun) return false;
    }
    if (en.type == EntityType::kNorp && k >= 1 && ent_of[k] < 0 && ent_of[k - 1] < 0 && cue[k - 1] == Cue::kPlaceNoun)
      return false;
    return true;
  }
  // A quotation opens in [from, to) and is not closed there: what follows is a slogan or
  // a quote («رامسفيلد مجرم حرب»), not the clause's subject.
  bool InQuote(int32_t from, int32_t to) const {
    int open = 0;
    for (int32_t k = from; k < to; ++k) {
      const std::string& n = doc.tokens[k].norm;
      if (doc.tokens[k].kind != TokenKind::kPunct) continue;
      if (n == "\xC2\xAB" || n == "\xE2\x80\x9C") ++open;                   // « “
      else if ((n == "\xC2\xBB" || n == "\xE2\x80\x9D") && open > 0) --open;  // » ”
    }
    return open > 0;
  }
  // The doer named by a claim after an event (هجوم تبنته طالبان، عمليات نفذها قراصنة
  // صوماليون، نسب إلى المتمردين): the first actor within four words of the claim word,
  // which must come within `max_words` of `from`; -1 when none.
  int32_t ClaimedDoer(int32_t from, int32_t end, int32_t max_words, const std::optional<Side>& target) const {
    int32_t words = 0;
    for (int32_t k = from; k < end && words <= max_words; ++k) {
      words += doc.tokens[k].kind != TokenKind::kPunct;
      if (cue[k] != Cue::kClaim) continue;
      for (int32_t e : RightEntities(k + 1, end, 4))
        if (!target || Differ(*target, Side{e})) return e;
      return -1;
    }
    return -1;
  }
  // Some token of sentence s has cue q (a sports report, a quoted verse, a crowd).
  bool SentenceHas(const Sentence& s, Cue q) const {
    return std::find(cue.begin() + s.first_token, cue.begin() + s.end_token, q) != cue.begin() + s.end_token;
  }
  // Entity e comes right after a claim word (على يد مسلحين، نفذه مجهولون).
  bool AfterClaim(int32_t e) const {
    const int32_t k = doc.entities[e].first_token - 1;
    return k >= 0 && cue[k] == Cue::kClaim;
  }
  // Token k lies inside a time expression (أمس، مساء الخميس).
  bool InTime(int32_t k) const {
    const Span& sp = doc.tokens[k].span;
    for (const auto& te : doc.times)
      if (sp.start >= te.span.start && sp.end <= te.span.end) return true;
    return false;
  }
  const Actor& ActorOf(Side s) const {
    const Entity& e = doc.entities[s.entity];
    return s.second ? *e.second : *e.actor;
  }
  int32_t Words(int32_t a, int32_t b) const {
    int32_t n = 0;
    for (int32_t k = a; k < b; ++k) n += doc.tokens[k].kind != TokenKind::kPunct;
    return n;
  }
  // The clause start left of token t: after a complementizer, relative, subordinating
  // conjunction (عندما، بينما), colon, comma or speech verb.
  int32_t Boundary(int32_t t, int32_t first, const std::vector<TriggerMatch>& matches) const {
    for (int32_t k = t - 1; k >= first; --k) {
      if (cue[k] == Cue::kComplementizer || cue[k] == Cue::kRelative || cue[k] == Cue::kSubordinator || IsColon(doc.tokens[k]) ||
          IsComma(doc.tokens[k]))
        return k + 1;
      for (const auto& m : matches)
        if (m.trigger->say && k >= m.first && k < m.end) return k + 1;
    }
    return first;
  }
  // Preposition within 3 tokens before entity e, with no other entity between.
  // `owner`: also a name behind a fused ل/ب right after a noun (مواقع لحزب الله), which owns
  // a verb's object; not for a passive, whose subject it then owns (تعرضت مواقع لقوات …).
  bool Governed(int32_t e, bool owner = true) const {
    const Entity& en = doc.entities[e];
    // A preposition fused with the article: للجيش، بالقوات (names rarely start so).
    for (const auto& r : readings[en.first_token])
      if (r.prep && r.stem.rfind("\xD8\xA7\xD9\x84", 0) == 0)  // ال
        return true;
    // "مواقع لحزب الله": a name the recognizer found behind a fused ل/ب (the entity starts
    // after its token does).
    const Token& tok = doc.tokens[en.first_token];
    if (owner && en.span.start > tok.span.start) {
      std::string_view n = WithoutConj(tok.norm);
      if (n.rfind("\xD9\x84", 0) == 0 || n.rfind("\xD8\xA8", 0) == 0) return true;    // ل ب
    }
    for (int32_t k = en.first_token - 1; k >= 0 && k >= en.first_token - 3; --k) {
      if (cue[k] == Cue::kClaim) return false;  // على أيدي مسلحين: the doer
      if (cue[k] == Cue::kPreposition) return true;
      if (ent_of[k] >= 0 && ent_of[k] != e) return false;
    }
    return false;
  }
  // Who speaks before the complementizer at token `comp`: the subject of the last speech
  // verb before it, after it (أبلغت تركيا الأمم المتحدة أنها …: Turkey, not whom it told)
  // or before it (تركيا أبلغت …); without a speech verb, the nearest actor before.
  int32_t Speaker(int32_t first, int32_t comp, const std::vector<TriggerMatch>& matches) const {
    const TriggerMatch* say = nullptr;
    for (const auto& o : matches)
      if (o.trigger->say && o.first >= first && o.end <= comp && (!say || o.end > say->end)) say = &o;
    if (say) {
      // SVO: an actor right before the verb is its subject.
      if (say->first > first && ent_of[say->first - 1] >= 0 && Usable(ent_of[say->first - 1]))
        return ent_of[say->first - 1];
      int32_t k = say->end;
      while (k < comp && InTime(k)) ++k;
      if (k < comp && ent_of[k] >= 0 && doc.entities[ent_of[k]].first_token == k && Usable(ent_of[k]) && !Governed(ent_of[k]))
        return ent_of[k];
      if (const int32_t e = LeftEntity(first, say->first); e >= 0) return e;
    }
    return LeftEntity(first, comp);
  }
  // An armed side (army, rebels, gunmen, police, government) behind a fused ل at token
  // `from`, or after at most two adjectives (قصف مدفعي للحوثيين): its entity, else -1.
  int32_t ArmedAfterL(int32_t from, int32_t end) const {
    int32_t k = from;
    for (int adjectives = 0; k < end && adjectives < 2 && ent_of[k] < 0; ++adjectives) {
      if (doc.tokens[k].kind != TokenKind::kWord || cue[k] != Cue::kNone || InTime(k) || !Adjective(doc.tokens[k].norm)) return -1;
      ++k;
    }
    if (k >= end || ent_of[k] < 0 || doc.entities[ent_of[k]].first_token != k) return -1;
    bool behind_l = false;
    for (const auto& r : readings[k]) behind_l |= r.prep == 'l';
    const Entity& en = doc.entities[ent_of[k]];
    if (!behind_l || !en.actor || en.type == EntityType::kLoc || !Usable(ent_of[k])) return -1;
    const std::string& a = en.actor->agent;
    const bool armed = a == "MIL" || a == "REB" || a == "INS" || a == "GOV" || a == "COP" || a == "SPY" || en.actor->code == "UAF";
    return armed ? ent_of[k] : -1;
  }
  // A nationality right before the named person of its country (الرئيس السوري أحمد الشرع):
  // the person; else e itself.
  int32_t PersonAfterNationality(int32_t e) const {
    const auto n = static_cast<int32_t>(doc.entities.size());
    if (e < 0 || e + 1 >= n || doc.entities[e].type != EntityType::kNorp) return e;
    const Entity& next = doc.entities[e + 1];
    if (next.type != EntityType::kPer || !next.actor || !doc.entities[e].actor ||
        next.actor->country != doc.entities[e].actor->country || next.first_token - doc.entities[e].end_token > 1)
      return e;
    return e + 1;
  }
  // In front of or near a building (أمام مقر الحكومة، قرب السفارة): the place of a protest.
  bool InFrontOf(int32_t e) const {
    const int32_t first = doc.entities[e].first_token;
    for (int32_t k = first - 1; k >= 0 && k >= first - 2; --k) {
      std::string_view n = doc.tokens[k].norm;
      if (n.rfind("\xD9\x88", 0) == 0) n.remove_prefix(2);  // و
      if (n == "\xD8\xA7\xD9\x85\xD8\xA7\xD9\x85" || n == "\xD9\x82\xD8\xB1\xD8\xA8" ||  // امام قرب
          n == "\xD8\xA8\xD8\xA7\xD9\x84\xD9\x82\xD8\xB1\xD8\xA8" || n == "\xD8\xAE\xD8\xA7\xD8\xB1\xD8\xAC")  // بالقرب خارج
        return true;
      if (ent_of[k] >= 0) return false;
    }
    return false;
  }
  // Joined to what precedes by و: the entity's first token, or a word just before it (ونظيره الأمريكي).
  bool Coordinated(int32_t e) const {
    const Entity& en = doc.entities[e];
    for (int32_t k = en.first_token; k >= 0 && k >= en.first_token - 1; --k) {
      if (k < en.first_token && ent_of[k] >= 0) return false;
      for (const auto& r : readings[k])
        if (r.conj) return true;
    }
    return false;
  }
  bool StartsWithConj(int32_t e) const {
    const std::string& n = doc.tokens[doc.entities[e].first_token].norm;
    return n.rfind("\xD9\x88", 0) == 0;  // و
  }
  // Nearest usable entity ending in [from, to), scanning leftwards.
  int32_t LeftEntity(int32_t from, int32_t to) const {
    for (int32_t k = to - 1; k >= from; --k)
      if (ent_of[k] >= 0 && Usable(ent_of[k])) return ent_of[k];
    return -1;
  }
  // First usable entities after token `from` within `max_words` words (not crossing the sentence).
  std::vector<int32_t> RightEntities(int32_t from, int32_t end, int32_t max_words, bool stop_at_comma = false) const {
    std::vector<int32_t> out;
    int32_t words = 0;
    for (int32_t k = from; k < end && words <= max_words; ++k) {
      if (stop_at_comma && IsComma(doc.tokens[k])) break;
      if (doc.tokens[k].kind != TokenKind::kPunct) ++words;
      int32_t e = ent_of[k];
      if (e >= 0 && Usable(e) && (out.empty() || out.back() != e)) out.push_back(e);
    }
    return out;
  }
  bool Differ(Side a, Side b) const {
    const Actor& x = ActorOf(a);
    const Actor& y = ActorOf(b);
    // One country and no distinct roles (الروسي … بوتين, روسيا … موسكو) is one actor.
    if (x.country == y.country && (x.agent.empty() || y.agent.empty() || x.agent == y.agent)) return false;
    return x.code != y.code;
  }
  // The X و Y pair ending at entity e, if any.
  std::optional<std::pair<Side, Side>> PairEndingAt(int32_t e) const {
    const Entity& en = doc.entities[e];
    if (en.second) return std::make_pair(Side{e, false}, Side{e, true});
    if (e > 0 && StartsWithConj(e)) {
      const Entity& prev = doc.entities[e - 1];
      int32_t gap = en.first_token - prev.end_token;
      bool only_quotes = true;
      for (int32_t k = prev.end_token; k < en.first_token; ++k)
        only_quotes &= doc.tokens[k].kind == TokenKind::kPunct && !IsComma(doc.tokens[k]);
      if (Usable(e - 1) && (gap == 0 || only_quotes)) return std::make_pair(Side{e - 1, false}, Side{e, false});
    }
    return std::nullopt;
  }
};



// A verb marked plural (خطفوا، يطلقون): its subject stands before it, since a verb before
// its subject is singular in Arabic.
bool PluralVerb(std::string_view n) {
  if (EndsWith(n, "\xD9\x88\xD8\xA7")) return true;  // وا
  const bool imperfect = n.rfind("\xD9\x8A", 0) == 0 || n.rfind("\xD8\xAA", 0) == 0 ||
                         n.rfind("\xD9\x88\xD9\x8A", 0) == 0 || n.rfind("\xD9\x88\xD8\xAA", 0) == 0;  // ي ت وي وت
  return imperfect && EndsWith(n, "\xD9\x88\xD9\x86");  // ـون
}

// The day of an ISO date (YYYY-MM-DD...), or nullopt.
std::optional<std::chrono::sys_days> IsoDay(std::string_view iso) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (iso.size() < 10 || std::sscanf(std::string(iso.substr(0, 10)).c_str(), "%d-%u-%u", &y, &m, &d) != 3) return {};
  std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!ymd.ok()) return {};
  return std::chrono::sys_days(ymd);
}

// Day `day` (YYYY-MM-DD) lies within the seven days up to `article` (YYYY-MM-DD...).
bool WithinAWeekBefore(std::string_view day, std::string_view article) {
  auto a = IsoDay(day), b = IsoDay(article);
  return a && b && *a <= *b && (*b - *a).count() <= 7;
}

// A reading's stem fits a pattern token (a starred token by its prefix).
bool StemFits(const PatternToken& pt, const std::string& stem) {
  return pt.star ? stem.compare(0, pt.stem.size(), pt.stem) == 0 : stem == pt.stem;
}

// Token k comes right after an event noun (ضربة جوية أميركية: the nationality is its doer).
bool AfterEventNoun(const std::vector<TriggerMatch>& matches, int32_t k) {
  return std::any_of(matches.begin(), matches.end(),
                     [&](const TriggerMatch& o) { return o.end == k && o.trigger->noun && !o.trigger->verb; });
}

// A token opening with a preposition fused to the article (بالغاز، للجيش، وبالقوات).
bool FusedPreposition(std::string_view n) {
  n = WithoutConj(n);
  return n.rfind("\xD8\xA8\xD8\xA7\xD9\x84", 0) == 0 || n.rfind("\xD9\x84\xD9\x84", 0) == 0;  // بال لل
}

// Killing, assassination, abduction: verbs whose counted victims are often their passive
// subject (قتل جنديان، خطف ثلاثة صحافيين).
bool KillsOrAbducts(const Trigger& t) { return t.cameo == "1823" || t.cameo == "181" || t.cameo == "186"; }

// "ثمانية أشخاص قتلوا جراء ضربة أمريكية": counted people before a kill or abduction verb
// are its victims (a passive), and an actor after it is the doer, not the target.
bool CountedVictimsBefore(const Context& c, int32_t from, int32_t to, const Trigger& t) {
  if (!KillsOrAbducts(t)) return false;
  for (int32_t k = from; k < to; ++k)
    if (c.cue[k] == Cue::kCasualty || c.cue[k] == Cue::kQuantity || c.doc.tokens[k].kind == TokenKind::kNumber) return true;
  return false;
}

// Acts of a crowd of protesters, which no trigger names: "وسار آلاف المتظاهرين", "أغلق
// المتظاهرون الطريق" (VSO: the verb before the crowd, the crowd in the nominative or
// counted), "المحتجون أحرقوا …" (SVO: a plural verb right after the crowd at the start of
// a clause). The verb must be no trigger (those code themselves), no speech, perception or
// request verb, and no function word (data/lexicon/cues.tsv kinds crowd, quantity, non-act).
std::vector<TriggerMatch> CrowdActs(const Context& c, const Sentence& s, const std::vector<TriggerMatch>& matches) {
  std::vector<TriggerMatch> out;
  const auto& tokens = c.doc.tokens;
  auto in_trigger = [&](int32_t k) {
    for (const auto& m : matches)
      if (k >= m.first && k < m.end) return true;
    return false;
  };
  auto counting = [&](int32_t k) {
    const std::string& n = tokens[k].norm;
    return c.cue[k] == Cue::kQuantity || tokens[k].kind == TokenKind::kNumber || n == "\xD9\x85\xD9\x86" ||  // من
           n == "\xD9\x86\xD8\xAD\xD9\x88";                                                                  // نحو
  };
  auto verb_like = [&](int32_t k) {
    if (k < s.first_token || tokens[k].kind != TokenKind::kWord) return false;
    // A violent verb may be a trigger of its own (أحرقوا: ASSAULT); done by a crowd it is a riot.
    if (in_trigger(k) && c.cue[k] != Cue::kViolent) return false;
    if (c.cue[k] != Cue::kNone && c.cue[k] != Cue::kViolent && c.cue[k] != Cue::kHappening) return false;  // استمر المتظاهرون
    const std::string& n = tokens[k].norm;
    if (text::CountCodePoints(n) < 3) return false;
    for (const auto& r : c.readings[k])
      if (r.article || r.prep) return false;  // الطلاب المتظاهرون, للمتظاهرين
    // حملها المتظاهرون "which the protesters carried": a relative clause about something else.
    return !EndsWith(n, "\xD9\x87\xD8\xA7") && !EndsWith(n, "\xD9\x87\xD9\x85");  // ها هم
  };
  for (int32_t i = s.first_token; i < s.end_token; ++i) {
    if (c.cue[i] != Cue::kCrowd) continue;
    const std::string& n = tokens[i].norm;
    // VSO.
    int32_t v = i - 1;
    while (v >= s.first_token && counting(v)) {
      // "آلاف من المتظاهرين" counts them; "جزءا من المتظاهرين", "أخرى من" do not.
      if (tokens[v].norm == "\xD9\x85\xD9\x86" && !(v - 1 >= s.first_token && counting(v - 1))) break;
      --v;
    }
    const bool nominative = EndsWith(n, "\xD9\x88\xD9\x86");  // ون
    if ((nominative || v < i - 1) && verb_like(v)) {
      out.push_back(TriggerMatch{v, v + 1, &c.cb.CrowdTrigger(c.cue[v] == Cue::kViolent), i});
      continue;
    }
    // SVO.
    int32_t w = c.ent_of[i] >= 0 ? std::max(i + 1, c.doc.entities[c.ent_of[i]].end_token) : i + 1;
    // "متظاهرون بمدينة العريش قد حطموا": a place and قد may stand between the crowd and its verb.
    for (int32_t skipped = 0; w < s.end_token && skipped < 4; ++skipped) {
      const std::string& n = tokens[w].norm;
      const int32_t e = c.ent_of[w];
      if (e >= 0 && c.doc.entities[e].place) {
        w = c.doc.entities[e].end_token;
      } else if (n == "\xD9\x82\xD8\xAF" || n == "\xD9\x81\xD9\x8A" ||  // قد في
                 (w + 1 < s.end_token && c.ent_of[w + 1] >= 0 && c.doc.entities[c.ent_of[w + 1]].place &&
                  (n.rfind("\xD8\xA8", 0) == 0 || n.rfind("\xD9\x81\xD9\x8A", 0) == 0))) {  // بمدينة X
        ++w;
      } else {
        break;
      }
    }
    if (w < s.end_token && verb_like(w) && EndsWith(tokens[w].norm, "\xD9\x88\xD8\xA7")) {  // وا
      int32_t p = i - 1;
      while (p >= s.first_token && counting(p)) --p;
      const bool clause_start = p < s.first_token || tokens[p].kind == TokenKind::kPunct ||
                                c.cue[p] == Cue::kComplementizer || c.cue[p] == Cue::kNonAct ||
                                c.cue[p] == Cue::kSubordinator;
      if (clause_start) out.push_back(TriggerMatch{w, w + 1, &c.cb.CrowdTrigger(c.cue[w] == Cue::kViolent), i});
    }
  }
  return out;
}

// One happening told several times in an article is one event with mentions: events of
// the same PLOVER type, source, target, negation, modality and date are merged into the
// first, whose confidence becomes the highest of them.
void LinkMentions(Document& doc) {
  auto code = [](const std::optional<Actor>& a) { return a ? a->code : std::string("-"); };
  // In one sentence, a side left unknown by one mention may be known by another.
  auto fits = [&](const std::optional<Actor>& a, const std::optional<Actor>& b, bool same_sentence) {
    return code(a) == code(b) || (same_sentence && (!a || !b));
  };
  std::vector<Event> linked;
  for (auto& ev : doc.events) {
    Event* same = nullptr;
    for (auto& e : linked) {
      const bool one_sentence = e.sentence == ev.sentence;
      if (e.plover == ev.plover && fits(e.source, ev.source, one_sentence) && fits(e.target, ev.target, one_sentence) &&
          e.negated == ev.negated && e.modality == ev.modality &&
          (!e.date || !ev.date || (e.date->start == ev.date->start && e.date->end == ev.date->end))) {
        same = &e;
        break;
      }
    }
    if (same) {
      if (!same->source && ev.source && code(ev.source) != code(same->target)) same->source = ev.source;
      if (!same->target && ev.target && code(ev.target) != code(same->source)) same->target = ev.target;
    }
    if (!same) {
      linked.push_back(std::move(ev));
      continue;
    }
    same->mentions.push_back(Event::Mention{ev.sentence, ev.trigger});
    same->confidence = std::max(same->confidence, ev.confidence);
    if (!same->date) same->date = ev.date;
    if (!same->place) same->place = ev.place;
  }
  doc.events = std::move(linked);
}

}  // namespace

Prepared Prepare(const Codebook& codebook, const Document& doc, const entities::TokenReadings& readings) {
  Prepared p;
  p.ent_of = entities::EntityOfToken(doc);
  p.triggers.reserve(doc.sentences.size());
  for (const auto& s : doc.sentences) p.triggers.push_back(codebook.Triggers(doc, readings, s.first_token, s.end_token));
  return p;
}

void Coder::Code(Document& doc, const entities::TokenReadings& readings, const Prepared& prepared) const {
  doc.events.clear();
  Context c{cb_, doc, readings, prepared.ent_of, {}};
  c.cue.resize(doc.tokens.size(), Cue::kNone);
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    Cue multi;
    if (int32_t len = cb_.MultiCue(doc, static_cast<int32_t>(t), static_cast<int32_t>(doc.tokens.size()), &multi)) {
      for (int32_t k = 0; k < len; ++k) c.cue[t + k] = multi;
      t += len - 1;
      continue;
    }
    if (doc.tokens[t].kind == TokenKind::kWord) c.cue[t] = cb_.CueOf(readings[t]);
  }
  // "أفرجت السلطات عن صحفي": a preposition a trigger pattern holds is the verb's own, it
  // introduces its object, not a topic (عن = about elsewhere).
  for (const auto& list : prepared.triggers)
    for (const auto& m : list)
      for (int32_t k = m.first + 1; k < m.end; ++k)
        if (c.cue[k] == Cue::kTopic) c.cue[k] = Cue::kNone;
  text::Utf8Index index(doc.text);
  for (int32_t si = 0; si < static_cast<int32_t>(doc.sentences.size()); ++si) {
    const Sentence& s = doc.sentences[si];
    const std::vector<TriggerMatch>* list = &prepared.triggers[si];
    std::vector<TriggerMatch> with_crowds;
    if (auto crowds = CrowdActs(c, s, *list); !crowds.empty()) {
      with_crowds = *list;
      with_crowds.insert(with_crowds.end(), crowds.begin(), crowds.end());
      list = &with_crowds;
    }
    const auto& matches = *list;
    for (const auto& m : matches) {
      const Trigger& t = *m.trigger;
      if (t.say) continue;
      // A trigger verb done by a crowd was recoded as its act (a riot), above.
      if (m.subject < 0 && list == &with_crowds &&
          std::any_of(matches.begin(), matches.end(), [&](const TriggerMatch& o) { return o.subject >= 0 && o.first == m.first; }))
        continue;
      std::optional<Side> source, target;
      const int32_t boundary = c.Boundary(m.first, s.first_token, matches);
      // "إطلاق صواريخ من جنوب لبنان على حيفا": where rockets, shells or fire came from is
      // who fired them; the target is then the actor after.
      int32_t origin = -1;
      if (t.cameo == "194" || t.cameo == "195" || t.cameo == "193") {
        for (int32_t k = m.end; k + 1 < s.end_token && k < m.end + 4; ++k) {
          if (doc.tokens[k].norm != "\xD9\x85\xD9\x86") continue;  // من
          int32_t j = k + 1;
          if (c.cue[j] == Cue::kTopic && j + 1 < s.end_token) ++j;  // من جنوب لبنان
          const int32_t e = c.ent_of[j];
          if (e >= 0 && doc.entities[e].actor && !doc.entities[e].actor->country.empty()) origin = e;
          break;
        }
      }
      if (origin >= 0) {
        source = Side{origin};
        for (int32_t e : c.RightEntities(doc.entities[origin].end_token, s.end_token, 12))
          if (c.Differ(*source, Side{e})) {
            target = Side{e};
            break;
          }
      } else if (m.subject >= 0) {
        // A crowd act: the crowd is the source when it names its people (المتظاهرون
        // الأتراك); else the country where it happened, below.
        int32_t e = c.ent_of[m.subject];
        if (e >= 0 && c.Usable(e)) source = Side{e};
      } else if (t.noun && !t.verb) {
        // 1. Nisba right after the noun: القمة الروسية الأمريكية, طلب روسي.
        int32_t e0 = m.end < s.end_token ? c.ent_of[m.end] : -1;
        // Also after في (في غارة إسرائيلية): the nationality describes the event, not a place.
        auto nisba = [&](int32_t e) {
          if (e < 0 || doc.entities[e].type != EntityType::kNorp) return false;
          const auto& a = doc.entities[e].actor;
          return c.Usable(e) || (a && !a->country.empty() && a->agent != "MED" && m.first > s.first_token &&
                                 doc.tokens[m.first - 1].norm == "\xD9\x81\xD9\x8A");  // في
        };
        if (nisba(e0)) {
          source = Side{e0};
          if (doc.entities[e0].second) target = Side{e0, true};
          int32_t after = doc.entities[e0].end_token;
          if (!target && after < s.end_token) {
            int32_t e1 = c.ent_of[after];
            if (e1 >= 0 && doc.entities[e1].type == EntityType::kNorp && c.Usable(e1)) target = Side{e1};
          }
          if (!target) {
            for (int32_t e : c.RightEntities(after, s.end_token, 18))
              if (c.Differ(*source, Side{e})) {
                target = Side{e};
                break;
              }
          }
          // "تعرضت مواقع لقوات سوريا الديمقراطية لقصف تركي": the patient stands before, when
          // the noun takes ل (not أدانت مصر الهجوم الإسرائيلي: مصر condemns, it was not struck).
          const std::string& noun = doc.tokens[m.first].norm;
          if (!target && noun.rfind("\xD9\x84", 0) == 0 && noun.rfind("\xD9\x84\xD8\xA7\xD9\x84", 0) != 0) {  // ل, not لال
            int32_t left = c.LeftEntity(boundary, m.first);
            if (left >= 0 && c.Differ(*source, Side{left})) target = Side{left};
          }
        }
        // 1a. Nouns of acts done to someone (مقتل، اغتيال، اختطاف، اعتقال، تعذيب): the
        // actor right after them is the victim (اغتيال رئيس الوزراء اللبناني).
        const bool patient = t.cameo == "1823" || t.cameo == "186" || t.cameo == "185" || t.cameo == "181" ||
                             t.cameo == "1821" || t.cameo == "1822" || t.cameo == "173";
        if (patient && !source && !target) {
          auto right = c.RightEntities(m.end, s.end_token, 6, true);
          if (!right.empty()) target = Side{right[0]};
        }
        // 1b. A genitive right after the noun is its agent: عدم اعتراف واشنطن ب…
        if (!patient && !source && e0 >= 0 && doc.entities[e0].type != EntityType::kNorp && c.Usable(e0)) {
          source = Side{e0};
          for (int32_t e : c.RightEntities(doc.entities[e0].end_token, s.end_token, 8, true))
            if (c.Differ(*source, Side{e})) {
              target = Side{e};
              break;
            }
          if (!target) source.reset();
        }
        // 1c. The doer named after the noun: هجوم انتحاري تبنته طالبان، نسب إلى المتمردين.
        if (!source) {
          if (int32_t e = c.ClaimedDoer(m.end, s.end_token, 10, target); e >= 0) source = Side{e};
        }
        // 1d. "قصف مدفعي للحوثيين", "غارات لقوات التحالف": behind ل right after an attack
        // noun (an adjective may stand between), an armed side is who attacks; a place
        // (قصف لغزة) or a site (قصف لمخيمات) is what was struck, as below.
        if (!source && !target && (t.cameo == "190" || t.cameo == "193" || t.cameo == "194" || t.cameo == "195")) {
          if (const int32_t e = c.ArmedAfterL(m.end, s.end_token); e >= 0) {
            source = Side{e};
            for (int32_t r : c.RightEntities(doc.entities[e].end_token, s.end_token, 8))
              if (c.Differ(*source, Side{r}) && c.Governed(r)) {
                target = Side{r};
                break;
              }
          }
        }
        // 2. بين X و Y.
        if (!source) {
          for (int32_t k = m.end; k < s.end_token && k < m.end + 4; ++k) {
            if (c.cue[k] != Cue::kBetween) continue;
            auto right = c.RightEntities(k + 1, s.end_token, 6);
            if (!right.empty()) {
              auto pair = c.PairEndingAt(right.size() > 1 ? right[1] : right[0]);
              if (pair) source = pair->first, target = pair->second;
            }
            break;
          }
        }
        // 3. Subject of a light verb before: أجرى X مباحثات مع Y.
        if (!source) {
          int32_t light = -1;
          bool with_b = false;  // قام بتفجير
          for (const auto& r : readings[m.first]) with_b |= r.prep == 'b';
          for (int32_t k = boundary; k < m.first; ++k)
            // Verbs of intention and decision govern a verbal noun as light verbs do (يعتزم
            // الرئيس زيارة الصين، قررت تركيا قطع العلاقات).
            if (c.cue[k] == Cue::kLightVerb || (c.cue[k] == Cue::kLightVerbB && with_b) || c.cue[k] == Cue::kIntentVerb ||
                c.cue[k] == Cue::kControl)
              light = k;
          // The subject right after the light verb (قامت امرأة بلجيكية متزوجة من مغربي
          // بتفجير …), else the one before it (الجيش الباكستاني نفذ ضربة).
          // The noun must be the light verb's object: at most five words between them
          // besides its subject and a time, and no preposition right before the noun (not
          // بحث إجراءات ضد طهران خلال الاجتماع).
          if (light >= 0) {
            int32_t words = 0;
            for (int32_t k = light + 1; k < m.first; ++k)
              words += doc.tokens[k].kind != TokenKind::kPunct && c.ent_of[k] < 0 && !c.InTime(k);
            const Cue before = c.cue[m.first - 1];
            const std::string& prev = doc.tokens[m.first - 1].norm;
            if (words > 5 || before == Cue::kPreposition || before == Cue::kTopic || before == Cue::kBackground ||
                before == Cue::kReference ||
                prev == "\xD8\xAE\xD9\x84\xD8\xA7\xD9\x84" || prev == "\xD8\xA7\xD8\xAB\xD9\x86\xD8\xA7\xD8\xA1")  // خلال أثناء
              light = -1;
          }
          int32_t left = -1;
          if (light >= 0) {
            for (int32_t k = light + 1; k < m.first; ++k) {
              const int32_t e = c.ent_of[k];
              if (e < 0 || !c.Usable(e) || c.Governed(e)) continue;
              // A nationality before the named person (الرئيس المصري عبد الفتاح السيسي): the person.
              if (left >= 0 && !(doc.entities[left].type == EntityType::kNorp && doc.entities[e].type != EntityType::kNorp &&
                                 doc.entities[e].actor->country == doc.entities[left].actor->country))
                break;
              left = e;
              k = doc.entities[e].end_token - 1;
            }
            if (left < 0) left = c.LeftEntity(boundary, light);
          }
          if (left >= 0) {
            source = Side{left};
            for (int32_t e : c.RightEntities(m.end, s.end_token, 8))
              if (c.Differ(*source, Side{e})) {
                target = Side{e};
                break;
              }
          }
        }
        // 3b. X … بالتنسيق مع Y: the clause subject with the complement of مع.
        if (!source && m.end < s.end_token && doc.tokens[m.end].norm == "\xD9\x85\xD8\xB9") {  // مع
          int32_t left = c.LeftEntity(boundary, m.first);
          int32_t e = m.end + 1 < s.end_token ? c.ent_of[m.end + 1] : -1;
          if (left >= 0 && e >= 0 && c.Usable(e) && c.Differ(Side{left}, Side{e})) {
            source = Side{left};
            target = Side{e};
          }
        }
        // 3c. A verbal noun of purpose (أطلقت الشرطة الغاز لتفريق المتظاهرين): its doer is
        // the subject of the clause before it.
        if (!source && !target) {
          bool purpose = false;
          // A verbal noun of a derived verb (تفريق، اعتقال), not a plural (لهجمات: the object
          // of التخطيط).
          for (const auto& r : readings[m.first])
            purpose |= r.prep == 'l' && !r.article &&
                       (r.stem.rfind("\xD8\xAA", 0) == 0 || r.stem.rfind("\xD8\xA7", 0) == 0) &&  // ت ا
                       !EndsWith(r.stem, "\xD8\xA7\xD8\xAA");                                     // ات
          const int32_t left = purpose ? c.LeftEntity(boundary, m.first) : -1;
          if (left >= 0) {
            source = Side{left};
            for (int32_t e : c.RightEntities(m.end, s.end_token, 8))
              if (c.Differ(*source, Side{e})) {
                target = Side{e};
                break;
              }
          }
        }
        // 4. Two coordinated actors after the noun: القمة التي جمعت X ونظيره Y.
        if (!source && !patient) {
          auto right = c.RightEntities(m.end, s.end_token, 8, true);
          // "وقفة احتجاجية أمام مقر الحكومة": where a protest stands is whom it addresses.
          if (!right.empty() && t.plover == "PROTEST" && c.InFrontOf(right[0])) {
            target = Side{right[0]};
            right.clear();
          }
          // "سيارة مفخخة استهدفت دورية للجيش الأمريكي": behind a preposition, the first actor
          // after a material event is what it struck, not its doer.
          // "سلسلة غارات استهدفت مواقع تتبع الحوثيين": after an attack verb told of the
          // noun, the actor is what was struck.
          const bool struck = !right.empty() && t.plover == "ASSAULT" &&
                              std::any_of(matches.begin(), matches.end(), [&](const TriggerMatch& o) {
                                return o.trigger->verb && o.trigger->plover == "ASSAULT" && o.first >= m.end &&
                                       o.end <= doc.entities[right[0]].first_token;
                              });
          if (!right.empty() && ((cb_.PartialAllowed(t.plover) && c.Governed(right[0])) || struck)) {
            target = Side{right[0]};
          } else if (!right.empty()) {
            source = Side{right[0]};
            if (doc.entities[right[0]].second) target = Side{right[0], true};
            for (size_t k = 1; k < right.size() && !target; ++k)
              if (c.Differ(*source, Side{right[k]}) && c.Coordinated(right[k])) target = Side{right[k]};
          }
        }
      } else {
        // Verbs: SVO subject in the clause before, else VSO subject after.
        int32_t left = c.LeftEntity(boundary, m.first);
        int32_t from = m.end;
        // "وقالت طهران إنها ستهاجم …": the pronoun on إنها/أنه is the subject named before.
        if (left < 0 && boundary > s.first_token && c.cue[boundary - 1] == Cue::kComplementizer &&
            text::CountCodePoints(doc.tokens[boundary - 1].norm) > 2 &&
            doc.tokens[boundary - 1].norm.find("\xD8\xA8") != 0) {  // إنها, أنه (not بأن)
          left = c.Speaker(s.first_token, boundary - 1, matches);
        }
        // "قال الجيش التركي إن طائراته قصفت …": a subject owned by a pronoun (طائراته،
        // قواتها، عناصرهم) right after the complementizer belongs to the speaker.
        if (left < 0 && boundary > s.first_token && c.cue[boundary - 1] == Cue::kComplementizer &&
            m.first == boundary + 1 && c.ent_of[boundary] < 0) {
          const std::string& owned = doc.tokens[boundary].norm;
          if (EndsWith(owned, "\xD9\x87\xD8\xA7") || EndsWith(owned, "\xD9\x87\xD9\x85") ||
              EndsWith(owned, "\xD8\xA7\xD8\xAA\xD9\x87") ||                    // ها هم اته
              owned == "\xD8\xA8\xD9\x84\xD8\xA7\xD8\xAF\xD9\x87" ||        // بلاده
              owned == "\xD8\xAC\xD9\x8A\xD8\xB4\xD9\x87" ||                  // جيشه
              owned == "\xD8\xAD\xD9\x83\xD9\x88\xD9\x85\xD8\xAA\xD9\x87")  // حكومته
            left = c.Speaker(s.first_token, boundary - 1, matches);
        }
        // "أصيب سفير بولندا عندما تعرضت قافلته لهجوم": a passive whose subject is owned by a
        // pronoun (قافلته) after عندما/بينما: its owner, named before, is the target.
        if (left < 0 && t.passive && boundary > s.first_token && c.cue[boundary - 1] == Cue::kSubordinator &&
            m.first + 1 < s.end_token) {
          const std::string& owned = doc.tokens[m.first + 1].norm;
          if (EndsWith(owned, "\xD9\x87") || EndsWith(owned, "\xD9\x87\xD8\xA7") || EndsWith(owned, "\xD9\x87\xD9\x85"))  // ه ها هم
            left = c.LeftEntity(s.first_token, boundary - 1);
        }
        // "خمسة من 13 إثيوبياً خطفوا على أيدي مسلحين": counted victims before the verb, the
        // doer after the claim.
        const int32_t claimed = left >= 0 && CountedVictimsBefore(c, boundary, m.first, t)
                                    ? c.ClaimedDoer(m.end, s.end_token, 3, std::nullopt)
                                    : -1;
        if (claimed >= 0 && c.Differ(Side{claimed}, Side{left})) {
          source = Side{claimed};
          target = Side{left};
        } else if (left >= 0) {
          if (auto pair = c.PairEndingAt(left)) {
            source = pair->first;
            target = pair->second;
          } else {
            source = Side{left};
          }
        } else if (std::any_of(matches.begin(), matches.end(),
                               [&](const TriggerMatch& o) {
                                 // Not behind a fused preposition: فرقت الشرطة المتظاهرين بالغاز.
                                 return o.first == m.end && o.trigger->noun && !o.trigger->verb && !o.trigger->say &&
                                        !FusedPreposition(doc.tokens[o.first].norm);
                               }) ||
                   // "سلسلة غارات عنيفة استهدفت مواقع …": the event noun just before is the subject.
                   (t.plover == "ASSAULT" &&
                    std::any_of(matches.begin(), matches.end(),
                                [&](const TriggerMatch& o) {
                                  return o.trigger->noun && !o.trigger->verb && o.trigger->plover == "ASSAULT" && o.first >= boundary &&
                                         o.end <= m.first && m.first - o.end <= 1 && !FusedPreposition(doc.tokens[o.first].norm);
                                })) ||
                   (PluralVerb(doc.tokens[m.first].norm) && !CountedVictimsBefore(c, s.first_token, m.first, t))) {
          // "استهدف هجوم انتحاري … موكبا لسفارة الولايات المتحدة": an event is the subject
          // (no one is named as doing it); "مجهولين خطفوا مصورا فرنسيا": a plural verb agrees
          // with a subject before it (VSO verbs are singular). The actor after is the target.
          for (int32_t e : c.RightEntities(m.end, s.end_token, 12)) {
            if (c.InQuote(m.end, doc.entities[e].first_token)) continue;
            // "اختطفا على يد مسلحين": the doer, taken by the claim below.
            if (c.AfterClaim(e)) continue;
            // "استهدفت الغارات الإسرائيلية مواقع لحزب الله": the nationality of the event
            // subject is its doer; the target comes after.
            if (!source && !target && doc.entities[e].type == EntityType::kNorp &&
                AfterEventNoun(matches, doc.entities[e].first_token)) {
              source = Side{e};
              continue;
            }
            if (source && !c.Differ(*source, Side{e})) continue;
            target = Side{e};
            break;
          }
        } else {
          // From the word after the verb: a gapped pattern (فرضت الولايات المتحدة عقوبات)
          // holds its subject inside.
          // "أدان البيان القرارات الإسرائيلية": a definite noun right after the verb that names
          // no actor is the subject; a nationality further on describes the object.
          // So is a name we know with no country (أدان مجلس الوزراء استمرار الانتهاكات الإسرائيلية).
          const int32_t w = m.end;
          // Or a construct of two nouns (مجلس الوزراء، وزير الخارجية) naming no actor.
          const int32_t named = w < s.end_token ? c.ent_of[w] : -1;
          const bool no_country = named >= 0 && doc.entities[named].first_token == w && !c.Usable(named) &&
                                  doc.entities[named].type != EntityType::kNorp && doc.entities[named].type != EntityType::kLoc;
          const bool construct = named < 0 && w + 1 < s.end_token && c.ent_of[w + 1] < 0 && c.cue[w + 1] == Cue::kNone &&
                                 doc.tokens[w + 1].kind == TokenKind::kWord &&
                                 doc.tokens[w].norm.rfind("\xD8\xA7\xD9\x84", 0) != 0 &&   // no ال
                                 doc.tokens[w + 1].norm.rfind("\xD8\xA7\xD9\x84", 0) == 0 &&  // ال
                                 !EndsWith(doc.tokens[w + 1].norm, "\xD9\x8A") && !EndsWith(doc.tokens[w + 1].norm, "\xD9\x8A\xD9\x87");  // not an adjective
          const bool unnamed_subject = w < s.end_token && (c.ent_of[w] < 0 || no_country) &&
                                       (c.cue[w] == Cue::kNone || c.cue[w] == Cue::kInstitution) && !c.InTime(w) &&
                                       doc.tokens[w].kind == TokenKind::kWord &&
                                       (no_country || construct || doc.tokens[w].norm.rfind("\xD8\xA7\xD9\x84", 0) == 0) &&  // ال
                                       !std::any_of(matches.begin(), matches.end(),
                                                    [&](const TriggerMatch& o) { return o.first <= w && w < o.end; });
          const int32_t subject_end = no_country ? doc.entities[named].end_token : construct ? w + 2 : w + 1;
          for (int32_t e : c.RightEntities(m.first + 1, s.end_token, 6, /*stop_at_comma=*/true)) {
            if (c.Governed(e, !t.passive) || c.InQuote(m.end, doc.entities[e].first_token) || c.AfterClaim(e)) continue;
            if (auto pair = c.PairEndingAt(e); pair && pair->first.entity != e) continue;
            // Words between that end like adjectives (الأمنية، العسكرية، الشعبي) still describe
            // the subject (القوات الأمنية العراقية); another noun (القرارات) is the object.
            bool object_between = false;
            for (int32_t k = subject_end; unnamed_subject && k < doc.entities[e].first_token; ++k) {
              const std::string& n = doc.tokens[k].norm;
              object_between |= doc.tokens[k].kind == TokenKind::kWord && !EndsWith(n, "\xD9\x8A") &&
                                !EndsWith(n, "\xD9\x8A\xD9\x87");  // ي، يه
            }
            // For a material act, any name after the object owns it (قصف التحالف مواقع داعش: the
            // sites are the group's); a verbal one needs both sides, so only a nationality.
            if (unnamed_subject && object_between && !t.passive &&
                (doc.entities[e].type == EntityType::kNorp || cb_.PartialAllowed(t.plover))) {
              e = c.PersonAfterNationality(e);
              target = Side{e};
              from = doc.entities[e].end_token;
              break;
            }
            e = c.PersonAfterNationality(e);
            source = Side{e};
            // X و Y after the verb: تحادث بوتين وبايدن.
            if (doc.entities[e].second) target = Side{e, true};
            else if (e + 1 < static_cast<int32_t>(doc.entities.size()) && c.Usable(e + 1)) {
              if (auto pair = c.PairEndingAt(e + 1); pair && pair->first.entity == e && t.sym) target = pair->second;
            }
            from = doc.entities[e].end_token;
            break;
          }
        }
        // No subject named (انفجرت عبوة بدورية للجيش): an actor after a preposition is the target.
        if (!source && !target) {
          for (int32_t e : c.RightEntities(from, s.end_token, 12))
            if (c.Governed(e)) {
              target = Side{e};
              break;
            }
        }
        if (source && !target) {
          for (int32_t e : c.RightEntities(from, s.end_token, 20)) {
            // "فرضت الولايات المتحدة والاتحاد الأوروبي عقوبات على إيران": a second subject
            // joined by و acts with the first.
            if (auto pair = c.PairEndingAt(e); !t.sym && pair && pair->first.entity == source->entity) continue;
            if (c.Differ(*source, Side{e})) {
              target = Side{c.PersonAfterNationality(e)};
              break;
            }
          }
        }
        if (t.passive && source) {
          // "القوات الأمريكية تعرضت لهجوم": the subject of a passive is the target, also
          // when the doer is not named.
          std::swap(source, target);
        }
        // "قتل جنديان أمريكيان", "خطف 3 صحافيين": a kill or abduction verb followed by
        // counted people is a passive (قُتل); they are its victims, the doer is unnamed.
        if (!t.passive && left < 0 && KillsOrAbducts(t)) {
          bool victims = false;
          int32_t count_at = -1;
          int32_t seen = 0;  // words looked at, not counting a time expression (قتل أمس …)
          for (int32_t k = m.end; k < s.end_token && seen < 3 && c.ent_of[k] < 0; ++k) {
            const Cue q = c.cue[k];
            if (c.InTime(k)) continue;
            ++seen;
            if (q == Cue::kCasualty || q == Cue::kQuantity || doc.tokens[k].kind == TokenKind::kNumber) {
              victims = true;
              count_at = k;
              break;
            }
          }
          // "قتل أربعة مسلحين من حركة الشباب 67 شخصا": a second count names the victims; the
          // first, with the group it comes from, is the doer.
          int32_t doer = -1;
          bool second = false;
          for (int32_t k = count_at + 2; victims && k < s.end_token && k < count_at + 9; ++k) {
            if (doc.tokens[k].kind == TokenKind::kPunct) break;
            if (c.ent_of[k] >= 0) {
              if (doer < 0 && c.Usable(c.ent_of[k])) doer = c.ent_of[k];
              k = doc.entities[c.ent_of[k]].end_token - 1;
              continue;
            }
            if (doc.tokens[k].kind == TokenKind::kNumber || c.cue[k] == Cue::kQuantity) {
              second = true;
              break;
            }
          }
          if (second && doer >= 0) {
            source = Side{doer};
            target.reset();
          } else if (victims) {
            target.reset();
            for (int32_t e : c.RightEntities(m.end, s.end_token, 6)) {
              // "قتل ثلاثة مسلحين في ضربة جوية أميركية": the nationality of the strike is its
              // doer, not the victims'; "على أيدي مسلحين" names the doer (the claim below).
              if (!AfterEventNoun(matches, doc.entities[e].first_token) && !c.AfterClaim(e)) target = Side{e};
              break;
            }
            source.reset();
          }
        }
      }
      // Whom a protest is against: the first actor named after it in the sentence (ضد
      // الحكومة، السفارة الإسرائيلية، "الموت لأمريكا"), before falling back on the country
      // where it happened.
      if (!target && t.plover == "PROTEST") {
        for (int32_t e : c.RightEntities(m.end, s.end_token, 40))
          if (!source || c.Differ(*source, Side{e})) {
            target = Side{e};
            break;
          }
      }
      // A doer claimed after a verb's clause too (تعرضت للهجوم … في عمليات نفذها قراصنة صوماليون);
      // for violence, a claim anywhere in the sentence names the doer of all of it (الهجوم
      // الذي نفذته طالبان أسفر عن ثمانية قتلى).
      if (!source && t.verb) {
        if (int32_t e = c.ClaimedDoer(m.end, s.end_token, 14, target); e >= 0) source = Side{e};
      }
      if (!source && t.plover == "ASSAULT") {
        if (int32_t e = c.ClaimedDoer(s.first_token, s.end_token, 1000, target); e >= 0) source = Side{e};
      }
      // "أعلنت طالبان مسؤوليتها عن الهجوم": the claimant, at most four tokens before the claim.
      if (!source && t.plover == "ASSAULT") {
        for (int32_t k = s.first_token; k < m.first; ++k) {
          if (c.cue[k] != Cue::kClaimBefore) continue;
          const int32_t e = c.LeftEntity(std::max(s.first_token, k - 4), k);
          if (e >= 0 && (!target || c.Differ(*target, Side{e}))) source = Side{e};
          break;
        }
      }
      if (source && target && !c.Differ(*source, *target)) target.reset();
      // Partial events from verbs and indefinite nouns (انفجار هز …); definite nouns
      // (الهجوم، الاغتيال) mostly refer to events told elsewhere.
      // Definite when the noun matched only through the article: not إلقاء (القاء), whose
      // plain reading fits the pattern too.
      bool definite = false;
      if (!t.tokens.empty() && !t.tokens[0].gap) {
        const PatternToken& pt = t.tokens[0];
        bool plain = false;
        for (const auto& r : readings[m.first]) {
          if (!StemFits(pt, r.stem)) continue;
          (r.article ? definite : plain) = true;
        }
        if (plain) definite = false;
      } else {
        for (const auto& r : readings[m.first]) definite |= r.article;
      }
      // "التفجيرات وقعت في سوق مكتظ", "الهجوم الذي أوقع عشرة قتلى", "وتواصلت الاحتجاجات": a
      // definite noun whose happening the clause tells is news, not a reference.
      if (definite) {
        for (int32_t k = m.end, words = 0; k < s.end_token && words < 6; ++k) {
          if (doc.tokens[k].kind == TokenKind::kPunct) break;
          ++words;
          if (c.cue[k] == Cue::kHappening) {
            definite = false;
            break;
          }
          if (c.cue[k] != Cue::kRelative && c.ent_of[k] < 0 && !c.InTime(k) && words > 2) break;
        }
        // "وتواصلت الاحتجاجات", "اندلعت المظاهرات": the verb right before tells it happening;
        // so does a light verb (نفذوا عملية الخطف).
        if (definite && m.first > s.first_token && c.cue[m.first - 1] == Cue::kHappening) definite = false;
        for (int32_t k = std::max(s.first_token, m.first - 3); definite && k < m.first; ++k)
          if (c.cue[k] == Cue::kLightVerb) definite = false;
      }
      // "منذ اغتيال …", "بعد الهجوم": a noun that names an event told elsewhere.
      // "قضية اغتيال الحريري", "المتهمين في تفجير …", "منذ الهجوم": a noun named as known
      // background, not reported as news.
      bool referenced = false;
      if (!t.verb && m.first > s.first_token) {
        int32_t g = m.first - 1;
        const std::string& prev = doc.tokens[g].norm;
        if (g > s.first_token && (prev == "\xD9\x81\xD9\x8A" || prev == "\xD8\xB9\xD9\x86")) --g;  // في عن
        referenced = c.cue[g] == Cue::kReference;
        // "الذكرى السبعين لأول عملية قصف نووية": an anniversary a few words before.
        for (int32_t k = std::max(s.first_token, m.first - 5); k < m.first && !referenced; ++k) {
          std::string_view n = doc.tokens[k].norm;
          if (n.rfind("\xD9\x88", 0) == 0 || n.rfind("\xD8\xA8", 0) == 0 || n.rfind("\xD9\x84", 0) == 0) n.remove_prefix(2);  // و ب ل
          referenced = n == "\xD8\xB0\xD9\x83\xD8\xB1\xD9\x8A" || n == "\xD8\xA7\xD9\x84\xD8\xB0\xD9\x83\xD8\xB1\xD9\x8A";  // ذكري الذكري
        }
        // "اتهامات بارتكاب اعتداء جنسي", "بتهمة تنفيذ هجوم": through a noun of doing.
        if (!referenced && g == m.first - 1 && g > s.first_token && c.cue[g - 1] == Cue::kReference) {
          std::string_view n = prev;
          if (n.rfind("\xD8\xA8", 0) == 0 || n.rfind("\xD9\x84", 0) == 0) n.remove_prefix(2);  // ب ل
          if (n.rfind("\xD8\xA7\xD9\x84", 0) == 0) n.remove_prefix(4);                          // ال
          referenced = n == "\xD8\xA7\xD8\xB1\xD8\xAA\xD9\x83\xD8\xA7\xD8\xA8" || n == "\xD8\xAA\xD9\x86\xD9\x81\xD9\x8A\xD8\xB0" || n == "\xD8\xAA\xD8\xAF\xD8\xA8\xD9\x8A\xD8\xB1";  // ارتكاب تنفيذ تدبير
        }
      }
      // "الزرقاوي الذي قتل العام الماضي": an attack told in a relative clause describes a
      // person or thing, it is not the news; unless the clause describes an event noun (الهجوم
      // الذي استهدف القافلة), which it then tells.
      // حيث ("where") opens no description of a person; an attack of the past week told in
      // a relative clause is news (الجاني الذي قتل ظهر الخميس أربعة جنود), decided below.
      bool relative_clause = false;
      if (t.verb && t.plover == "ASSAULT" && m.first - 1 > s.first_token && c.cue[m.first - 1] == Cue::kRelative &&
          doc.tokens[m.first - 1].norm != "\xD8\xAD\xD9\x8A\xD8\xAB") {  // حيث
        bool event_head = false;
        for (const auto& other : matches)
          if (!other.trigger->verb && other.end == m.first - 1) event_head = true;
        referenced = relative_clause = !event_head;
      }
      // "اتهمت الحكومة قائدا قبليا باغتيال بوتو": the act an accusation names is its
      // background; the accusation is the news (CAMEO 112, its own event).
      if (!t.verb && !doc.tokens[m.first].norm.empty() && doc.tokens[m.first].norm.rfind("\xD8\xA8", 0) == 0)  // ب
        for (const auto& other : matches)
          if (other.trigger->cameo == "112" && other.end <= m.first && m.first - other.end <= 6) referenced = true;
      // "اغتيال الحريري", "مذبحة سربرنيتشا", "عمليات تطهير عرقي": an assassination, massacre
      // or ethnic cleansing named by its noun, with no time in the sentence, is a known case
      // the article refers to or a charge, not news of one.
      if (!t.verb && (t.cameo == "186" || t.cameo == "202" || t.cameo == "203") && !referenced) {
        bool timed = false;
        for (int32_t k = s.first_token; k < s.end_token && !timed; ++k) timed = c.InTime(k);
        if (!timed) referenced = true;
      }
      const bool background =
          !t.verb && m.first > s.first_token && (c.cue[m.first - 1] == Cue::kBackground || referenced);
      // A referenced noun is kept, one side missing or not: it is not counted as news.
      const bool partial = cb_.PartialAllowed(t.plover) && (t.verb || !definite || referenced) && (!background || referenced);
      if ((!source || !target) && !partial) continue;
      // "اعتصمت بالصمت": to hold fast to something, no sit-in (اعتصموا بالقرب من … is one).
      if (t.cameo == "141" && t.verb && m.end == m.first + 1 && m.end < s.end_token &&
          doc.tokens[m.first].norm.find("\xD8\xB9\xD8\xAA\xD8\xB5\xD9\x85") != std::string::npos &&  // عتصم
          FusedPreposition(doc.tokens[m.end].norm) &&
          doc.tokens[m.end].norm.find("\xD9\x82\xD8\xB1\xD8\xA8") == std::string::npos)  // قرب
        continue;
      // "الذين يتظاهرون أنهم في خدمة البلد": تظاهر with a clause is to pretend.
      if (t.cameo.rfind("14", 0) == 0 && t.verb && m.end == m.first + 1 && m.end < s.end_token &&
          doc.tokens[m.first].norm.find("\xD8\xAA\xD8\xB8\xD8\xA7\xD9\x87\xD8\xB1") != std::string::npos &&  // تظاهر
          c.cue[m.end] == Cue::kComplementizer)
        continue;
      // "تظاهرنا بالمثالية": to pretend to be, no demonstration (تظاهروا بالآلاف، بالقرب من are).
      if (t.cameo.rfind("14", 0) == 0 && t.verb && m.end == m.first + 1 && m.end < s.end_token &&
          doc.tokens[m.first].norm.find("\xD8\xAA\xD8\xB8\xD8\xA7\xD9\x87\xD8\xB1") != std::string::npos &&  // تظاهر
          (FusedPreposition(doc.tokens[m.end].norm) ||
           // "يتظاهر بمظهر الضحية": ب without the article, not a place (بمدينة، ببغداد).
           (WithoutConj(doc.tokens[m.end].norm).rfind("\xD8\xA8", 0) == 0 && c.ent_of[m.end] < 0 &&
            c.cue[m.end] != Cue::kPlaceNoun && !std::any_of(readings[m.end].begin(), readings[m.end].end(), [&](const morph::Reading& r) {
              return r.prep == 'b' && cb_.CueOf({morph::Reading{r.stem}}) == Cue::kPlaceNoun;
            })))) {
        const std::string& n = doc.tokens[m.end].norm;
        bool count_or_place = false;
        for (const char* w : {"\xD9\x82\xD8\xB1\xD8\xA8", "\xD8\xA7\xD9\x84\xD8\xA7\xD9\x81",  // قرب الاف
                              "\xD9\x85\xD8\xA6\xD8\xA7\xD8\xAA", "\xD8\xB9\xD8\xB4\xD8\xB1\xD8\xA7\xD8\xAA",  // مئات عشرات
                              "\xD9\x85\xD9\x84\xD8\xA7\xD9\x8A\xD9\x8A\xD9\x86",  // ملايين
                              // the manner of it: بكثافة، بأعداد كبيرة، بشكل سلمي، بصورة، بهدوء، بحشود
                              "\xD9\x83\xD8\xAB\xD8\xA7\xD9\x81\xD9\x87", "\xD8\xA7\xD8\xB9\xD8\xAF\xD8\xA7\xD8\xAF", "\xD8\xB4\xD9\x83\xD9\x84", "\xD8\xB5\xD9\x88\xD8\xB1\xD9\x87", "\xD9\x87\xD8\xAF\xD9\x88\xD8\xA1", "\xD8\xAD\xD8\xB4\xD9\x88\xD8\xAF"})
          count_or_place |= n.find(w) != std::string::npos;
        if (!count_or_place) continue;
      }
      // "قطع الطريق على تقارب إيراني روسي": to forestall, no road blocked.
      if (t.cameo == "144" && m.end < s.end_token && doc.tokens[m.end].norm == "\xD8\xB9\xD9\x84\xD9\x8A") continue;  // على
      // "احتشدت قوات من الجيش": troops massing is no protest.
      if (t.cameo == "141" && t.verb) {
        bool troops = false;
        for (int32_t e : c.RightEntities(m.end, s.end_token, 3)) {
          const Entity& en = doc.entities[e];
          if (en.actor && (en.actor->agent == "MIL" || en.actor->agent == "REB")) troops = true;
          break;
        }
        if (troops) continue;
      }
      // "الحضور الذي احتشدوا لمشاهدتها", "احتشد المئات للاحتفال": a crowd gathered to watch
      // or to celebrate.
      if (t.cameo == "141" && t.verb) {
        bool festive = false;
        for (int32_t k = m.end; k < s.end_token && k < m.end + 4 && !festive; ++k) {
          const std::string_view n = WithoutConj(doc.tokens[k].norm);
          for (std::string_view w : {"\xD9\x84\xD9\x85\xD8\xB4\xD8\xA7\xD9\x87\xD8\xAF", "\xD9\x84\xD9\x85\xD8\xAA\xD8\xA7\xD8\xA8\xD8\xB9", "\xD9\x84\xD9\x84\xD8\xA7\xD8\xAD\xD8\xAA\xD9\x81\xD8\xA7\xD9\x84", "\xD9\x84\xD8\xA7\xD8\xB3\xD8\xAA\xD9\x82\xD8\xA8\xD8\xA7\xD9\x84", "\xD9\x84\xD8\xAD\xD8\xB6\xD9\x88\xD8\xB1"})  // لمشاهد لمتابع للاحتفال لاستقبال لحضور
            festive |= n.rfind(w, 0) == 0;
        }
        if (festive) continue;
      }
      // "لتنظيم تظاهرات سلمية": a protest to be organized.
      const bool to_organize = t.plover == "PROTEST" && !t.verb && m.first > s.first_token &&
                               WithoutConj(doc.tokens[m.first - 1].norm) == "\xD9\x84\xD8\xAA\xD9\x86\xD8\xB8\xD9\x8A\xD9\x85";  // لتنظيم
      // "استدعت المملكة سفيرها احتجاجا على …", "اشتباكات … احتجاجا على": the protest is the
      // purpose of another act told before it, which is the event.
      // Not where protesters are named (المتظاهرين … احتجاجا): theirs is a protest.
      if (t.plover == "PROTEST" && EndsWith(doc.tokens[m.first].norm, "\xD8\xA7\xD8\xAC\xD8\xA7") &&  // …اجا (احتجاجا)
          std::any_of(matches.begin(), matches.end(),
                      [&](const TriggerMatch& o) {
                        return o.end <= m.first && m.first - o.end <= 10 && o.trigger->plover != "PROTEST" &&
                               !o.trigger->say;
                      }) &&
          !c.SentenceHas(s, Cue::kCrowd))
        continue;
      // "مما دعا جماعة …": "which led a group to", no call.
      if (t.cameo.rfind("02", 0) == 0 && t.verb && m.first > s.first_token &&
          (doc.tokens[m.first - 1].norm == "\xD9\x85\xD9\x85\xD8\xA7" || doc.tokens[m.first - 1].norm == "\xD9\x85\xD8\xA7"))  // مما ما
        continue;
      // "يستهدف المشروع تعزيز التعاون", "جوائز تستهدف الشعراء": a goal or an audience is
      // aimed at, not attacked.
      // So is an audience received (استقبلت ماليزيا 113 ألف سائح سعودي): no meeting.
      if ((t.cameo == "190" || t.cameo == "043") && t.verb) {
        bool aim = false;
        for (int32_t k = m.end, words = 0; k < s.end_token && words < 3 && !aim; ++k) {
          if (doc.tokens[k].kind == TokenKind::kPunct) break;
          aim = c.cue[k] == Cue::kAim || (t.cameo == "043" && c.cue[k] == Cue::kCasualty);  // counted people
          if (doc.tokens[k].kind == TokenKind::kNumber || c.cue[k] == Cue::kQuantity) continue;  // أكثر من 113 ألف سائح
          if (c.ent_of[k] < 0 || c.doc.entities[c.ent_of[k]].type != EntityType::kPer) ++words;  // its subject may stand between
        }
        if (aim) continue;
      }
      // "وصل الوفد إلى القاهرة" is a visit; "وصلت المفاوضات إلى طريق مسدود" and "وصل 80
      // مصابا إلى عمان" (counted people, for treatment) are not: the place must follow إلى
      // and no one be counted in between.
      if (t.cameo == "042" && t.verb && m.end - m.first >= 2 && m.end <= s.end_token &&
          doc.tokens[m.end - 1].norm == "\xD8\xA7\xD9\x84\xD9\x8A") {  // الى
        bool counted = false;
        for (int32_t k = m.first + 1; k < m.end - 1 && !counted; ++k)
          counted = c.cue[k] == Cue::kCasualty || c.cue[k] == Cue::kQuantity || doc.tokens[k].kind == TokenKind::kNumber ||
                    c.cue[k] == Cue::kCargo;
        // "أكبر سفينة إغاثية سعودية تصل إلى اليمن", "تعزيزات للمقاومة … وصلت إلى": cargo arrives.
        for (int32_t k = std::max(s.first_token, m.first - 8); k < m.first && !counted; ++k) counted = c.cue[k] == Cue::kCargo;
        const bool place = m.end < s.end_token && (c.ent_of[m.end] >= 0 || c.cue[m.end] == Cue::kPlaceNoun);
        if (counted || !place) continue;
        // "قبل أن يصل لافروف إلى موسكو عائدا من الدوحة": arriving home is no visit.
        if (source && c.ent_of[m.end] >= 0) {
          const Entity& where = doc.entities[c.ent_of[m.end]];
          const std::string home = where.place ? where.place->country : where.actor ? where.actor->country : "";
          if (!home.empty() && home == c.ActorOf(*source).country) continue;
        }
      }
      // "انفجرت أسعار النفط", "خطف الفريق اللقب", "اقتحم مجال الصناعة", "هجوم على
      // التفكير": what an attack or storming cannot strike makes it a figure of speech. A verb's
      // subject or object comes right after it (an actor may stand between); an event noun's
      // doer or target after it, or after على/ضد. Verbal nouns (خطف) read as either.
      // "تظاهرة اجتماعية واحتفالية": a festive or cultural "demonstration" is an event, no protest.
      if (t.plover == "PROTEST" && !t.verb && m.end < s.end_token && c.cue[m.end] == Cue::kFigurative) continue;
      if (t.plover == "ASSAULT" || t.cameo == "170") {
        bool figurative = false;
        for (int32_t k = m.first + 1; k < m.end && !figurative; ++k) figurative = c.cue[k] == Cue::kFigurative;  // in a gap
        for (int32_t k = m.end, words = 0; k < s.end_token && words < 3 && !figurative; ++k) {
          if (doc.tokens[k].kind == TokenKind::kPunct) break;
          figurative = c.cue[k] == Cue::kFigurative;
          if (c.ent_of[k] >= 0) continue;
          if (!t.verb && c.cue[k] == Cue::kPreposition) continue;
          ++words;
        }
        if (figurative) continue;
      }
      // "منتدى التعاون الاستراتيجي", "لجنة التنسيق": an event noun naming an institution.
      if (!t.verb && m.first > s.first_token && c.cue[m.first - 1] == Cue::kInstitution) continue;
      // "بمصادره الشرعية" (its sources) is no "مصادرة" (confiscation): a trigger written with
      // ta marbuta does not match a word that ends in ha.
      {
        const std::string_view first = std::string_view(t.pattern).substr(0, t.pattern.find(' '));
        const std::string_view surface = index.Slice(doc.tokens[m.first].span);
        if (EndsWith(first, "\xD8\xA9") && EndsWith(surface, "\xD9\x87")) continue;  // ة، ه
      }
      // "استشهد الكاتب بإحصائيات": استشهد with what is cited is to quote, not to be martyred.
      if (t.verb && m.end < s.end_token && doc.tokens[m.first].norm.find("\xD8\xA7\xD8\xB3\xD8\xAA\xD8\xB4\xD9\x87\xD8\xAF") != std::string::npos) {
        // The first word in ب within four after the verb (its subject may stand between).
        int32_t b = m.end;
        while (b < s.end_token && b < m.end + 4 && doc.tokens[b].norm.rfind("\xD8\xA8", 0) != 0) ++b;
        std::string_view n = b < s.end_token ? std::string_view(doc.tokens[b].norm) : std::string_view();
        bool cited = false;
        if (n.rfind("\xD8\xA8", 0) == 0) {  // ب
          n.remove_prefix(2);
          if (n.rfind("\xD8\xA7\xD9\x84", 0) == 0) n.remove_prefix(4);  // ال
          for (std::string_view w : {"\xD8\xA7\xD8\xAD\xD8\xB5\xD8\xA7\xD8\xA1\xD9\x8A", "\xD9\x82\xD9\x88\xD9\x84", "\xD9\x85\xD9\x82\xD9\x88\xD9\x84", "\xD8\xAD\xD8\xAF\xD9\x8A\xD8\xAB", "\xD9\x85\xD8\xAB\xD8\xA7\xD9\x84", "\xD9\x83\xD9\x84\xD8\xA7\xD9\x85", "\xD8\xA7\xD9\x82\xD9\x88\xD8\xA7\xD9\x84", "\xD8\xAA\xD9\x82\xD8\xB1\xD9\x8A\xD8\xB1", "\xD8\xAF\xD8\xB1\xD8\xA7\xD8\xB3", "\xD8\xA7\xD8\xB1\xD9\x82\xD8\xA7\xD9\x85"})
            cited |= n.rfind(w, 0) == 0;  // احصاءي قول مقول حديث مثال كلام اقوال تقرير دراس ارقام
          cited |= n == "\xD9\x85\xD8\xA7" || n == "\xD8\xA7\xD9\x8A\xD9\x87";  // ما ايه
        }
        if (cited) continue;
      }
      // "داهمته السيول": floods overtake, they do not raid.
      if (t.cameo == "170" && t.verb &&
          ((m.end < s.end_token && c.cue[m.end] == Cue::kDisaster) ||
           (m.first - 1 >= s.first_token && c.cue[m.first - 1] == Cue::kDisaster) ||
           (m.first - 2 >= s.first_token && c.cue[m.first - 2] == Cue::kDisaster)))
        continue;
      // "قال تعالى: «من قتل نفسا …»": a verse quoted tells no news.
      if (t.plover == "ASSAULT" && c.SentenceHas(s, Cue::kScripture)) continue;
      // "وَلَئِن قُتِلْتُمْ": a fully vocalized word is a verse, a saying or a poem; news marks
      // a vowel or two at most (قُتل).
      if (t.plover == "ASSAULT") {
        const std::string_view surface = index.Slice(doc.tokens[m.first].span);
        int marks = 0;
        for (size_t b = 0; b + 1 < surface.size(); ++b)
          if (static_cast<unsigned char>(surface[b]) == 0xD9 && static_cast<unsigned char>(surface[b + 1]) >= 0x8B &&
              static_cast<unsigned char>(surface[b + 1]) <= 0x92)  // U+064B..U+0652
            ++marks;
        if (marks >= 3) continue;
      }
      // "ودعت الخارجية الله أن يتقبل …": a prayer, no request.
      if (t.cameo.rfind("02", 0) == 0 && t.verb) {
        bool prayer = false;
        for (int32_t k = m.end; k < s.end_token && k < m.end + 4 && !prayer; ++k)
          prayer = doc.tokens[k].norm == "\xD8\xA7\xD9\x84\xD9\x84\xD9\x87";  // الله
        if (prayer) continue;
      }
      // "ريال مدريد يستهدف رويس", "خطف الفريق الفوز في المباراة": in a sports report an
      // attack, a storming or a snatching is the game's. Killing never is.
      if ((t.cameo == "190" || t.cameo == "170" || t.cameo == "181") && c.SentenceHas(s, Cue::kSport)) continue;
      // "يلتقيان غدا في مباراة كأس السوبر", "رفض اللاعب العرض", "طلب المدرب": teams meet,
      // players refuse and coaches ask in a sports report; no diplomacy.
      if (((t.plover != "ASSAULT" && t.plover != "PROTEST" && t.plover != "COERCE" && t.plover != "MOBILIZE") ||
           t.cameo == "174") &&  // ترحيل العقوبة إلى المباراة المقبلة: a penalty carried over
          c.SentenceHas(s, Cue::kSport))
        continue;
      // "قتل 16 ألف شخص في كارثة تسونامي", "مقتل خمسة في حادث سير": deaths in a disaster or
      // an accident are no assault.
      // So are destruction and explosions in them (الحريق دمر جزءا من الطريق).
      // So are people held up by one (احتجاز آلاف السياح after an eruption), named before it.
      if (t.cameo == "1823" || t.cameo == "1712" || t.cameo == "183" || t.cameo == "173") {
        bool disaster = false;
        for (int32_t k = m.end; t.cameo != "173" && k < s.end_token && k < m.end + 10 && !disaster; ++k)
          disaster = c.cue[k] == Cue::kDisaster;
        // "وأحرقت النيران نحو 62 ألف فدان": fire as the subject of the verb (not أطلق النار, an act).
        if (t.verb && t.cameo != "173" && m.end < s.end_token) {
          const std::string& n = doc.tokens[m.end].norm;
          disaster |= n == "\xD8\xA7\xD9\x84\xD9\x86\xD9\x8A\xD8\xB1\xD8\xA7\xD9\x86" ||  // النيران
                      n == "\xD8\xA7\xD9\x84\xD9\x86\xD8\xA7\xD8\xB1" ||                  // النار
                      n == "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x86\xD9\x87";                     // السنه (ألسنة اللهب)
        }
        // "دمر زلزال بقوة 7.7 درجة … وأدى إلى مقتل 370 شخصا": a disaster named before in the
        // sentence, with no attack word between, caused the deaths.
        for (int32_t k = std::max(s.first_token, m.first - 4); k < m.first && !disaster; ++k) disaster = c.cue[k] == Cue::kDisaster;
        for (int32_t k = m.first - 5; k >= s.first_token && k >= m.first - 20 && !disaster; --k) {
          if (c.cue[k] == Cue::kViolent) break;
          bool attack = false;
          for (const auto& o : matches) attack |= &o != &m && o.first <= k && k < o.end && o.trigger->plover == "ASSAULT" &&
                                                  o.trigger->cameo != "1712" && o.trigger->cameo != "1823";
          if (attack) break;
          disaster = c.cue[k] == Cue::kDisaster;
        }
        if (disaster) continue;
      }

      Event ev;
      ev.sentence = si;
      ev.trigger = Span{doc.tokens[m.first].span.start, doc.tokens[m.end - 1].span.end};
      ev.trigger_text = std::string(index.Slice(ev.trigger));
      ev.cameo = t.cameo;
      ev.plover = t.plover;
      ev.mode = t.mode;
      ev.goldstein = t.goldstein;
      if (source) ev.source = c.ActorOf(*source);
      if (target) ev.target = c.ActorOf(*target);
      // "هاجم نتنياهو المعارضة", "شن بايدن هجوما على ترامب": a named person attacks with
      // words; the news seldom tells one striking with arms (but عاد نظام الأسد يقصف). Criticism (CAMEO 111). A noun's
      // doer must follow it (هجوم الكاتب على …), not lead others (هجوم شنه متمردو ديبي).
      const bool attack_word = t.pattern.find("\xD9\x87\xD8\xAC\xD9\x88\xD9\x85") != std::string::npos ||  // هجوم
                               t.pattern.find("\xD9\x87\xD8\xA7\xD8\xAC\xD9\x85") != std::string::npos;   // هاجم
      // So is a named person attacked by a verb whose doer is no armed side (هاجموا أورين
      // علنا لانحيازه); gunmen, soldiers and rebels do strike people.
      const auto armed = [&](const std::optional<Side>& side) {
        if (!side) return false;
        const Actor& a = c.ActorOf(*side);
        return a.agent == "MIL" || a.agent == "REB" || a.agent == "INS" || a.agent == "COP" || a.agent == "SPY" || a.code == "UAF";
      };
      if (t.cameo == "190" && attack_word &&
          ((source && !source->second && c.doc.entities[source->entity].type == EntityType::kPer &&
            (t.verb || (c.doc.entities[source->entity].first_token >= m.end &&
                        c.doc.entities[source->entity].first_token <= m.end + 2))) ||
           (t.verb && !t.passive && t.pattern.find("\xD9\x87\xD8\xA7\xD8\xAC\xD9\x85") != std::string::npos &&  // هاجم
            target && !target->second && c.doc.entities[target->entity].type == EntityType::kPer && !armed(source))))
        if (const CameoCode* criticize = cb_.Find("111")) {
          ev.cameo = criticize->code;
          ev.plover = criticize->plover;
          ev.mode = criticize->mode;
          ev.goldstein = criticize->goldstein;
        }
      // Negation right before the trigger, or a denial governing it.
      if (!t.starts_negated) {
        // "لم يحصل تبادل إطلاق نار": through a verb of happening, one word further.
        int32_t reach = 2;
        for (int32_t k = m.first - 1; k >= s.first_token && k >= m.first - 2; --k)
          if (c.cue[k] == Cue::kHappening) reach = m.first - k + 1;
        for (int32_t k = m.first - 1; k >= s.first_token && k >= m.first - reach; --k) {
          if (c.cue[k] == Cue::kNegation || c.cue[k] == Cue::kNegNoun) ev.negated = true;
          if (c.ent_of[k] >= 0) break;
        }
      }
      for (const auto& other : matches)
        if (other.first < m.first && other.trigger->say && c.cue[other.first] == Cue::kDeny) ev.negated = true;
      for (int32_t k = s.first_token; k < m.first; ++k)
        if (c.cue[k] == Cue::kDeny) ev.negated = true;
      // Modality.
      // The future prefix: only when the verb matched through it (سيعتصمون → يعتصم*), not
      // when the word itself matched (سارت، سيارة مفخخة).
      bool future = false;
      if (t.verb && !t.tokens.empty() && !t.tokens[0].gap) {
        const PatternToken& pt = t.tokens[0];
        bool plain = false, through_future = false;
        for (const auto& r : readings[m.first]) (r.future ? through_future : plain) |= StemFits(pt, r.stem);
        future = through_future && !plain;
      }
      // "سيشن الجيش المزيد من الغارات": a light verb in the future makes its noun intended.
      if (!t.verb)
        for (int32_t k = std::max(s.first_token, m.first - 4); k < m.first && !future; ++k) {
          if (c.cue[k] != Cue::kLightVerb && c.cue[k] != Cue::kLightVerbB) continue;
          std::vector<morph::Reading> plain;
          for (const auto& r : readings[k])
            if (!r.future) plain.push_back(r);
          future = cb_.CueOf(plain) != c.cue[k];
        }
      bool reported = false, intended = future || to_organize, hypothetical = false;
      // "هدد ليبرمان باغتيال هنية": what a threat names is intended, not done (the threat
      // is its own event, CAMEO 13).
      // So is what a call or demand names (دعت النقابة إلى إضراب شامل): asked for, not done.
      for (const auto& other : matches)
        if ((!t.verb || (m.first > s.first_token && doc.tokens[m.first - 1].norm == "\xD8\xA7\xD9\x84\xD9\x8A")) &&  // إلى رفض
            other.end <= m.first &&
            (m.first - other.end <= 3 ||
             (m.first - other.end <= 12 && m.first > s.first_token &&
              doc.tokens[m.first - 1].norm == "\xD8\xA7\xD9\x84\xD9\x8A")) &&  // الى: دعت النقابات … إلى تظاهرات
            (other.trigger->cameo.rfind("13", 0) == 0 || other.trigger->cameo.rfind("02", 0) == 0 ||
             other.trigger->cameo.rfind("10", 0) == 0))
          intended = true;
      // "لمنع المتمردين من إحكام سيطرتهم", "لمنع هجمات": what is to be prevented has not happened.
      for (int32_t k = std::max(s.first_token, m.first - 6); k < m.first && !intended; ++k) {
        std::string_view n = doc.tokens[k].norm;
        if (n.rfind("\xD9\x88", 0) == 0) n.remove_prefix(2);  // و
        if (n.rfind("\xD9\x84", 0) == 0) n.remove_prefix(2);  // ل
        intended = n == "\xD9\x85\xD9\x86\xD8\xB9" || n == "\xD9\x8A\xD9\x85\xD9\x86\xD8\xB9" ||  // منع يمنع
                   n == "\xD8\xAA\xD9\x85\xD9\x86\xD8\xB9";                                      // تمنع
      }
      // "شدد على التعاون الكامل مع …", "أكد على الحوار": a noun a speaker insists on is urged,
      // not done.
      if (!t.verb && m.first >= s.first_token + 2 && doc.tokens[m.first - 1].norm == "\xD8\xB9\xD9\x84\xD9\x8A")  // على
        for (const auto& other : matches)
          if (other.trigger->say && other.end == m.first - 1) intended = true;
      // A fear or a condition reaches back to the sentence start, but not across a clause
      // told as fact (وتوقع التقرير زيادة الهجمات … عندما فجر انتحاري نفسه).
      int32_t floor = s.first_token;
      for (int32_t k = m.first - 1; k >= s.first_token; --k)
        if (c.cue[k] == Cue::kSubordinator) {
          floor = k + 1;
          break;
        }
      for (int32_t k = s.first_token; k < m.first; ++k) {
        if ((c.cue[k] == Cue::kCondition || c.cue[k] == Cue::kFear) && k >= floor) hypothetical = true;
        if (c.cue[k] == Cue::kPossibility && k >= m.first - 3) hypothetical = true;
        if ((c.cue[k] == Cue::kIntent || c.cue[k] == Cue::kIntentVerb) && k >= m.first - 4) intended = true;
        if (c.cue[k] == Cue::kAttribPrep || c.cue[k] == Cue::kTransmit) reported = true;
      }
      // "تعرضهم لأي اعتداء": a possibility inside a gapped pattern.
      for (int32_t k = m.first + 1; k < m.end; ++k)
        if (c.cue[k] == Cue::kPossibility) hypothetical = true;
      for (int32_t k = s.first_token; k < s.end_token; ++k)
        if (c.cue[k] == Cue::kAttribPrep) reported = true;
      // "أحبطت الشرطة هجوما", "إحباط … الهجمات التي كانت تستهدف مساجد": a foiled attack was
      // not carried out. A verb only after كان (a plot told), not the acts of those who foiled.
      if (t.plover == "ASSAULT") {
        bool after_kana = false;
        for (int32_t k = std::max(s.first_token, m.first - 2); k < m.first; ++k)
          after_kana |= doc.tokens[k].norm.rfind("\xD9\x83\xD8\xA7\xD9\x86", 0) == 0 ||  // كان…
                        doc.tokens[k].norm.rfind("\xD9\x88\xD9\x83\xD8\xA7\xD9\x86", 0) == 0;
        if (!t.verb || after_kana)
          for (int32_t k = s.first_token; k < m.first; ++k)
            if (c.cue[k] == Cue::kFoil) intended = true;
      }
      for (const auto& other : matches)
        if (other.first < m.first && other.trigger->say) reported = true;
      // "ستهاجم إسرائيل إذا …": an attack promised on a condition is a threat (CAMEO 138).
      if ((intended || t.plover == "ASSAULT") && !hypothetical && (t.plover == "ASSAULT" || t.plover == "COERCE")) {
        bool conditional = false;
        for (int32_t k = m.end; k < s.end_token; ++k) conditional |= c.cue[k] == Cue::kCondition;
        if (conditional && intended) {
          if (const CameoCode* threat = cb_.Find("138")) {
            ev.cameo = threat->code;
            ev.plover = "THREATEN";
            ev.mode = threat->mode;
            ev.goldstein = threat->goldstein;
            intended = false;
          }
        }
      }
      ev.modality = hypothetical ? Modality::kHypothetical
                    : intended   ? Modality::kIntended
                    : referenced ? Modality::kReferenced
                    : reported   ? Modality::kReported
                                 : Modality::kAsserted;
      // Date and place from the sentence. A time right after an attributive participle
      // ("الاتفاقية الموقعة بين البلدين عام 2001") dates the noun it describes, not the event.
      for (const auto& te : doc.times) {
        if (te.span.start < s.span.start || te.span.end > s.span.end || !te.resolved) continue;
        bool attributive = false;
        for (int32_t k = s.first_token; k < s.end_token && doc.tokens[k].span.start < te.span.start; ++k)
          if (c.cue[k] == Cue::kAttributive) {
            int32_t words = 0;  // within four words of the time expression
            for (int32_t j = k + 1; j < s.end_token && doc.tokens[j].span.start < te.span.start; ++j)
              words += doc.tokens[j].kind != TokenKind::kPunct;
            attributive |= words <= 4;
          }
        if (attributive) continue;
        if (!ev.date) ev.date = te.resolved;
        // A time in the trigger's own comma-delimited part of the sentence dates it before
        // the sentence's first (… اجتماعا الخميس، هو الأول منذ قطع العلاقات عام 2016).
        int32_t from = m.first, to = m.end;
        while (from > s.first_token && !IsComma(doc.tokens[from - 1])) --from;
        while (to < s.end_token && !IsComma(doc.tokens[to])) ++to;
        if (te.span.start >= doc.tokens[from].span.start && te.span.end <= doc.tokens[to - 1].span.end) {
          ev.date = te.resolved;
          break;
        }
      }
      if (relative_clause && ev.modality == Modality::kReferenced && ev.date && doc.date &&
          WithinAWeekBefore(ev.date->end, *doc.date))
        ev.modality = reported ? Modality::kReported : Modality::kAsserted;
      // "الحركة تستهدف أعداءها", "برامج تستهدف الطلاب", "الأعمال التي تستهدف المدنيين": an
      // attack or storming verb in the present tense with no time in its sentence tells a
      // habit, a purpose or a description, not one happening (on SaudiNewsNet one such
      // event in fifteen was news). A headline in the present (التحالف يقصف …) is told
      // again in its article's body, in the past.
      // Not after a verb of aspect or a particle that makes it past or future (عاد نظام الأسد
      // يقصف، كانت تستهدف، لم تقصف، لن تهاجم).
      static const std::unordered_set<std::string_view> kAspect = {
          // كان كانت كانوا عاد عادت عادوا بدأ بدأت بدأوا أخذ أخذت أخذوا راح راحت راحوا أصبح أصبحت
          // صار صارت لم لن (not لا يزال، ظل: what goes on is told as a description)
          "\xD9\x83\xD8\xA7\xD9\x86", "\xD9\x83\xD8\xA7\xD9\x86\xD8\xAA", "\xD9\x83\xD8\xA7\xD9\x86\xD9\x88\xD8\xA7", "\xD8\xB9\xD8\xA7\xD8\xAF", "\xD8\xB9\xD8\xA7\xD8\xAF\xD8\xAA", "\xD8\xB9\xD8\xA7\xD8\xAF\xD9\x88\xD8\xA7", "\xD8\xA8\xD8\xAF\xD8\xA7", "\xD8\xA8\xD8\xAF\xD8\xA7\xD8\xAA", "\xD8\xA8\xD8\xAF\xD8\xA7\xD9\x88\xD8\xA7", "\xD8\xA7\xD8\xAE\xD8\xB0", "\xD8\xA7\xD8\xAE\xD8\xB0\xD8\xAA", "\xD8\xA7\xD8\xAE\xD8\xB0\xD9\x88\xD8\xA7", "\xD8\xB1\xD8\xA7\xD8\xAD", "\xD8\xB1\xD8\xA7\xD8\xAD\xD8\xAA", "\xD8\xB1\xD8\xA7\xD8\xAD\xD9\x88\xD8\xA7", "\xD8\xA7\xD8\xB5\xD8\xA8\xD8\xAD", "\xD8\xA7\xD8\xB5\xD8\xA8\xD8\xAD\xD8\xAA", "\xD8\xB5\xD8\xA7\xD8\xB1", "\xD8\xB5\xD8\xA7\xD8\xB1\xD8\xAA", "\xD9\x84\xD9\x85", "\xD9\x84\xD9\x86"};
      // Nor after a witness's verb (شاهد مسلحين من القبائل يطلقون النار: what was seen).
      static const std::unordered_set<std::string_view> kWitness = {
          // شاهد شاهدت شاهدوا رأى رأت رأوا رأيت رأينا سمع سمعت سمعوا شهد شهدت
          "\xD8\xB4\xD8\xA7\xD9\x87\xD8\xAF", "\xD8\xB4\xD8\xA7\xD9\x87\xD8\xAF\xD8\xAA", "\xD8\xB4\xD8\xA7\xD9\x87\xD8\xAF\xD9\x88\xD8\xA7", "\xD8\xB1\xD8\xA7\xD9\x8A", "\xD8\xB1\xD8\xA7\xD8\xAA", "\xD8\xB1\xD8\xA7\xD9\x88\xD8\xA7", "\xD8\xB1\xD8\xA7\xD9\x8A\xD8\xAA", "\xD8\xB1\xD8\xA7\xD9\x8A\xD9\x86\xD8\xA7", "\xD8\xB3\xD9\x85\xD8\xB9", "\xD8\xB3\xD9\x85\xD8\xB9\xD8\xAA", "\xD8\xB3\xD9\x85\xD8\xB9\xD9\x88\xD8\xA7", "\xD8\xB4\xD9\x87\xD8\xAF", "\xD8\xB4\xD9\x87\xD8\xAF\xD8\xAA"};
      // Only an asserted or reported attack or storming can become generic: the scans below
      // run for those alone.
      const bool may_be_generic = (t.plover == "ASSAULT" || t.cameo == "170") && !future && !ev.negated &&
                                  (ev.modality == Modality::kAsserted || ev.modality == Modality::kReported);
      bool aspect = false;
      for (int32_t k = std::max(s.first_token, m.first - 6); may_be_generic && k < m.first; ++k) {
        std::string_view n = WithoutConj(doc.tokens[k].norm);
        aspect |= (k >= m.first - 3 && kAspect.count(n) > 0) || kWitness.count(n) > 0;
        // "قبل أن يترجل ويطلق عليه النار", "بعد أن يقتحم": a narrative's sequence.
        if (k > s.first_token && n == "\xD8\xA7\xD9\x86" &&  // ان
            (doc.tokens[k - 1].norm == "\xD9\x82\xD8\xA8\xD9\x84" || doc.tokens[k - 1].norm == "\xD8\xA8\xD8\xB9\xD8\xAF"))  // قبل بعد
          aspect = true;
      }
      // So is an attack noun carried by a light verb in the present (طالبان التي تشن هجمات ضد
      // القوات الأفغانية).
      // (with their clitics: يشنها، ينفذون).
      static const std::string_view kPresentLight[] = {
          // يشن تشن ينفذ تنفذ يرتكب ترتكب
          "\xD9\x8A\xD8\xB4\xD9\x86", "\xD8\xAA\xD8\xB4\xD9\x86", "\xD9\x8A\xD9\x86\xD9\x81\xD8\xB0", "\xD8\xAA\xD9\x86\xD9\x81\xD8\xB0", "\xD9\x8A\xD8\xB1\xD8\xAA\xD9\x83\xD8\xA8", "\xD8\xAA\xD8\xB1\xD8\xAA\xD9\x83\xD8\xA8"};
      bool present_light = false;
      // Before the noun, or right after it with its pronoun (هجمات يشنها متشددون).
      for (int32_t k = std::max(s.first_token, m.first - 3); may_be_generic && !t.verb && k < std::min(s.end_token, m.end + 1); ++k) {
        if (k >= m.first && k < m.end) continue;
        std::string_view n = WithoutConj(doc.tokens[k].norm);
        for (std::string_view w : kPresentLight) present_light |= n.rfind(w, 0) == 0;
      }
      if (may_be_generic && ((t.verb && t.present) || present_light) && !aspect) {
        bool timed = false;
        for (int32_t k = s.first_token; k < s.end_token && !timed; ++k) timed = c.InTime(k);
        if (!timed) ev.modality = Modality::kGeneric;
      }
      for (int32_t k = s.first_token; k < s.end_token; ++k) {
        int32_t e = c.ent_of[k];
        if (e < 0 || !doc.entities[e].place) continue;
        const Entity& en = doc.entities[e];
        // في X, or في شمال X (a compass word between).
        auto fi = [&](int32_t j) { return j >= s.first_token && doc.tokens[j].norm == "\xD9\x81\xD9\x8A"; };  // في
        bool in = fi(k - 1) || (k >= 2 && c.cue[k - 1] == Cue::kTopic && fi(k - 2));
        if (en.type == EntityType::kLoc || in) {
          ev.place = en.place;
          if (en.type == EntityType::kLoc) break;
        }
        k = en.end_token - 1;
      }
      // A material event with a missing side: the country where it happened (the event's
      // place, else any place or nationality named in the sentence).
      std::string where = ev.place ? ev.place->country : "";
      for (int32_t k = s.first_token; k < s.end_token && where.empty() && partial; ++k) {
        int32_t e = c.ent_of[k];
        if (e < 0) continue;
        const Entity& en = doc.entities[e];
        if (en.place && !en.place->country.empty()) where = en.place->country;
        else if (en.type == EntityType::kNorp && en.actor) {
          // "ضربة جوية أميركية": a nationality right after an event noun names its doer,
          // not where it happened.
          if (!AfterEventNoun(matches, en.first_token)) where = en.actor->country;
        }
      }
      if (partial && !where.empty() && (!ev.source || !ev.target)) {
        Actor local;
        local.id = where;
        local.country = where;
        local.code = where;
        local.name = where;
        for (const auto& en : doc.entities)  // the country's English name, when it is named
          if (en.actor && en.actor->country == where && en.actor->agent.empty() && en.actor->id == where) {
            local.name = en.actor->name;
            break;
          }
        // Protested or attacked in that country: its government or people are the target
        // (the convention of the Arabic validation set, also when the protesters are local).
        if (!ev.target) ev.target = local;
        // Protesters with no named organiser are people of the country they protest in
        // (متظاهرون in Bangkok are Thai), unless a nationality names them (متظاهرون أفغان).
        if (!ev.source && ev.plover == "PROTEST") {
          ev.source = local;
          for (int32_t k = s.first_token; k < s.end_token; ++k) {
            int32_t e = c.ent_of[k];
            if (e >= 0 && doc.entities[e].type == EntityType::kNorp && doc.entities[e].actor) {
              ev.source = *doc.entities[e].actor;
              break;
            }
          }
        }
      }
      double conf = 0.5;
      if (!ev.source || !ev.target) conf -= 0.15;
      if (t.verb) conf += 0.15;
      if (t.tokens.size() > 1) conf += 0.1;
      if (ev.negated || ev.modality == Modality::kHypothetical) conf -= 0.1;
      ev.confidence = std::min(0.95, conf);
      doc.events.push_back(std::move(ev));
    }
  }
  LinkMentions(doc);
}

}  // namespace rasd::events
