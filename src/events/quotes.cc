#include <algorithm>
#include <optional>

#include "events/coder.h"
#include "text/utf8.h"

namespace rasd::events {

namespace {

bool IsQuoteMark(const Token& t) {
  if (t.kind != TokenKind::kPunct) return false;
  const std::string& n = t.norm;
  return n == "\xE2\x80\x9C" || n == "\xE2\x80\x9D" || n == "\xC2\xAB" || n == "\xC2\xBB" || n == "\"" ||
         n == "\xE2\x80\x9E";
}
bool IsOpening(const Token& t) {
  const std::string& n = t.norm;
  return n == "\xE2\x80\x9C" || n == "\xC2\xAB" || n == "\xE2\x80\x9E" || n == "\"" || n == "\xE2\x80\x9D";
}
bool IsClosing(const Token& t) {
  const std::string& n = t.norm;
  return n == "\xE2\x80\x9D" || n == "\xC2\xBB" || n == "\"" || n == "\xE2\x80\x9C";
}

}  // namespace

void FindQuotes(const Prepared& prepared, Document& doc) {
  doc.quotes.clear();
  const auto& ent_of = prepared.ent_of;
  text::Utf8Index index(doc.text);
  const int32_t n = static_cast<int32_t>(doc.tokens.size());
  // Speech verbs by token.
  std::vector<char> say(doc.tokens.size(), 0);
  for (const auto& sentence : prepared.triggers)
    for (const auto& m : sentence)
      if (m.trigger->say)
        for (int32_t k = m.first; k < m.end; ++k) say[k] = 1;
  int32_t i = 0;
  while (i < n) {
    if (!IsQuoteMark(doc.tokens[i]) || !IsOpening(doc.tokens[i])) {
      ++i;
      continue;
    }
    const int32_t open = i;
    // Find the closing mark in the same paragraph; a nested “…” inside counts as a pair.
    int32_t close = -1, depth = 0, words = 0;
    for (int32_t k = open + 1; k < n && doc.tokens[k].paragraph == doc.tokens[open].paragraph; ++k) {
      const Token& t = doc.tokens[k];
      if (t.kind != TokenKind::kPunct) ++words;
      if (!IsQuoteMark(t)) continue;
      if (t.norm == "\xE2\x80\x9C" || t.norm == "\xC2\xAB") {
        // An opening mark right before a word while open: a nested quote.
        if (k + 1 < n && doc.tokens[k + 1].kind != TokenKind::kPunct && words > 0 && t.norm != "\xE2\x80\x9D") {
          ++depth;
          continue;
        }
      }
      if (IsClosing(t)) {
        if (depth > 0) {
          --depth;
          continue;
        }
        close = k;
        break;
      }
    }
    int32_t end_tok = close;
    if (close < 0) {
      // Unclosed: runs to the paragraph's end.
      end_tok = open + 1;
      while (end_tok < n && doc.tokens[end_tok].paragraph == doc.tokens[open].paragraph) ++end_tok;
    }
    // Introduced by a colon or a speech verb shortly before?
    bool introduced = false;
    for (int32_t k = open - 1; k >= 0 && k >= open - 6; --k) {
      if (doc.tokens[k].norm == ":" || say[k]) introduced = true;
      if (doc.tokens[k].sentence != doc.tokens[open].sentence && doc.tokens[k].paragraph != doc.tokens[open].paragraph)
        break;
    }
    // A quote after "بالقول" / "قائلا" style words.
    if (words >= 4 && introduced && (close >= 0 || words >= 6)) {
      int32_t last = end_tok - 1;
      while (last > open && doc.tokens[last].kind == TokenKind::kPunct && !IsQuoteMark(doc.tokens[last])) --last;
      Quote q;
      q.span = Span{doc.tokens[open + 1].span.start, doc.tokens[last].span.end};
      q.text = std::string(index.Slice(q.span));
      // Speaker: a named person before the quote in its sentence, else any person, else any actor.
      const int32_t sentence_start = doc.sentences[doc.tokens[open].sentence].first_token;
      int32_t named = -1, person = -1, actor = -1;
      for (int32_t k = sentence_start; k < open; ++k) {
        int32_t e = ent_of[k];
        if (e < 0) continue;
        const Entity& en = doc.entities[e];
        if (en.type == EntityType::kPer && en.actor && !en.actor->id.empty() && named < 0 &&
            en.actor->id.size() > 3)
          named = e;
        if (en.type == EntityType::kPer && person < 0) person = e;
        if (en.actor && actor < 0 && en.type != EntityType::kLoc) actor = e;
      }
      int32_t sp = named >= 0 ? named : person >= 0 ? person : actor;
      if (sp < 0) {
        // "وتابع: …" / "وقال خلال مؤتمر صحافي: …": the speaker carries over from the last
        // sentence with a speech verb and a person (its subject after the verb, else before),
        // else the person last named.
        const int32_t first_sentence = std::max(0, doc.tokens[open].sentence - 3);
        for (int32_t si = doc.tokens[open].sentence - 1; si >= first_sentence && sp < 0; --si) {
          const Sentence& prev = doc.sentences[si];
          for (int32_t k = prev.first_token; k < prev.end_token && sp < 0; ++k) {
            if (!say[k]) continue;
            for (int32_t x = k + 1; x < prev.end_token && x <= k + 4 && sp < 0; ++x)
              if (ent_of[x] >= 0 && doc.entities[ent_of[x]].type == EntityType::kPer && doc.entities[ent_of[x]].actor)
                sp = ent_of[x];
            for (int32_t x = k - 1; x >= prev.first_token && x >= k - 4 && sp < 0; --x)
              if (ent_of[x] >= 0 && doc.entities[ent_of[x]].type == EntityType::kPer && doc.entities[ent_of[x]].actor)
                sp = ent_of[x];
          }
        }
        const int32_t limit = doc.sentences[first_sentence].first_token;
        for (int32_t k = sentence_start - 1; k >= limit && sp < 0; --k) {
          int32_t e = ent_of[k];
          if (e >= 0 && doc.entities[e].type == EntityType::kPer && doc.entities[e].actor) sp = e;
        }
      }
      if (sp >= 0) {
        const Entity& en = doc.entities[sp];
        q.speaker = en.actor;
        q.speaker_text = en.text;
      } else {
        // Unknown speaker: the words after the first speech verb, up to the colon.
        for (int32_t k = sentence_start; k < open; ++k) {
          if (!say[k]) continue;
          int32_t a = k + 1, b = a;
          while (b < open && doc.tokens[b].kind != TokenKind::kPunct && b < a + 5) ++b;
          if (b > a) q.speaker_text = std::string(index.Slice(Span{doc.tokens[a].span.start, doc.tokens[b - 1].span.end}));
          break;
        }
      }
      doc.quotes.push_back(std::move(q));
      i = close >= 0 ? close + 1 : end_tok;
      continue;
    }
    // Not a quotation (a quoted name or term): skip past its closing mark.
    i = close >= 0 ? close + 1 : open + 1;
  }
}

void FindAttributions(const Codebook& cb, const entities::TokenReadings& readings, const Prepared& prepared,
                      Document& doc) {
  doc.attributions.clear();
  const auto& ent_of = prepared.ent_of;
  text::Utf8Index index(doc.text);
  std::string last_outlet;
  auto cue_at = [&](int32_t k) {
    return doc.tokens[k].kind == TokenKind::kWord ? cb.CueOf(readings[k]) : Cue::kNone;
  };
  // A source noun, also behind a preposition (وفقا للمصادر الدبلوماسية، بحسب مصدر).
  auto source_noun_at = [&](int32_t k) {
    if (doc.tokens[k].kind != TokenKind::kWord) return false;
    for (const auto& r : readings[k]) {
      morph::Reading bare = r;
      bare.prep = 0;
      if (cb.CueOf({bare}) == Cue::kSourceNoun) return true;
    }
    return false;
  };
  auto media_text = [&](int32_t e) -> std::string {
    const Entity& en = doc.entities[e];
    if (en.actor && en.actor->agent == "MED") return en.text;
    return "";
  };
  // The source phrase from token a: up to a stop word, complementizer, punctuation or 8 words.
  auto phrase = [&](int32_t a, int32_t end) -> std::pair<int32_t, int32_t> {
    int32_t b = a;
    while (b < end && b < a + 8) {
      const Token& t = doc.tokens[b];
      if (t.kind == TokenKind::kPunct && t.norm != "\xE2\x80\x9C" && t.norm != "\xE2\x80\x9D") break;
      Cue c = cue_at(b);
      if (b > a && (c == Cue::kStop || c == Cue::kComplementizer || c == Cue::kPreposition)) break;
      ++b;
    }
    while (b > a && doc.tokens[b - 1].kind == TokenKind::kPunct) --b;
    return {a, b};
  };
  for (int32_t si = 0; si < static_cast<int32_t>(doc.sentences.size()); ++si) {
    const Sentence& s = doc.sentences[si];
    for (int32_t k = s.first_token; k < s.end_token; ++k) {
      if (int32_t e = ent_of[k]; e >= 0 && !media_text(e).empty()) last_outlet = media_text(e);
    }
    for (int32_t k = s.first_token; k < s.end_token; ++k) {
      Cue c = cue_at(k);
      if (c != Cue::kTransmit && c != Cue::kAttribPrep) continue;
      Attribution at;
      at.sentence = si;
      int32_t via_start = -1;
      if (c == Cue::kTransmit) {
        // نقلت صحيفة X عن مصادر …: the outlet is between the verb and عن.
        int32_t j = k + 1;
        for (; j < s.end_token && j < k + 8; ++j) {
          if (ent_of[j] >= 0 && !media_text(ent_of[j]).empty()) at.outlet = media_text(ent_of[j]);
          if (doc.tokens[j].norm == "\xD8\xB9\xD9\x86") break;  // عن
        }
        if (j < s.end_token && doc.tokens[j].norm == "\xD8\xB9\xD9\x86") via_start = j + 1;
        else continue;
        if (at.outlet.empty()) {
          // "الصحيفة" / "الوكالة": the outlet named before.
          for (int32_t x = k + 1; x < j; ++x)
            if (cue_at(x) == Cue::kNone && doc.tokens[x].kind == TokenKind::kWord && !last_outlet.empty()) {
              at.outlet = last_outlet;
              break;
            }
        }
      } else {
        via_start = k + 1;
        if (via_start < s.end_token && doc.tokens[via_start].norm == "\xD8\xB9\xD9\x86") ++via_start;  // نقلا عن
        // "ذكرت صحيفة «واشنطن بوست» نقلا عن مصادر": the outlet is the reporting verb's
        // subject, just before.
        for (int32_t x = k - 1; x >= s.first_token && x >= k - 8 && at.outlet.empty(); --x)
          if (ent_of[x] >= 0) at.outlet = media_text(ent_of[x]);
      }
      auto [a, b] = phrase(via_start, s.end_token);
      if (b <= a) continue;
      at.via = std::string(index.Slice(Span{doc.tokens[a].span.start, doc.tokens[b - 1].span.end}));
      bool named = false;
      for (int32_t x = a; x < b; ++x) {
        int32_t e = ent_of[x];
        if (e < 0) continue;
        if (doc.entities[e].type == EntityType::kPer) named = true;
        if (!media_text(e).empty() && at.outlet.empty()) at.outlet = media_text(e);
      }
      at.anonymous = source_noun_at(a) && !named;
      // "وفق رؤية مشتركة" is not a source: a source names someone or is a source noun.
      bool someone = source_noun_at(a) || !at.outlet.empty();
      for (int32_t x = a; x < b && !someone; ++x) someone = ent_of[x] >= 0 || cue_at(x) == Cue::kSourceNoun;
      if (!someone) continue;
      doc.attributions.push_back(std::move(at));
      k = b - 1;
    }
    // A speech verb whose subject is an unnamed source: كشف مصدر دبلوماسي مطلع.
    for (const auto& m : prepared.triggers[si]) {
      if (!m.trigger->say || m.end >= s.end_token || cue_at(m.end) != Cue::kSourceNoun) continue;
      auto [a, b] = phrase(m.end, s.end_token);
      if (b <= a) continue;
      Attribution at;
      at.sentence = si;
      at.via = std::string(index.Slice(Span{doc.tokens[a].span.start, doc.tokens[b - 1].span.end}));
      bool named = false;
      for (int32_t x = a; x < b; ++x)
        if (ent_of[x] >= 0 && doc.entities[ent_of[x]].type == EntityType::kPer) named = true;
      at.anonymous = !named;
      doc.attributions.push_back(std::move(at));
    }
  }
}

}  // namespace rasd::events
