#include "events/codebook.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_set>

#include "text/arabic.h"
#include "text/tsv.h"
#include "text/utf8.h"

namespace rasd::events {

namespace {

// The first three letters (UTF-8) of a stem.
std::string Prefix3(std::string_view s) {
  size_t i = 0;
  for (int k = 0; k < 3 && i < s.size(); ++k) text::DecodeNext(s, i);
  return std::string(s.substr(0, i));
}

Cue CueKind(const std::string& k) {
  static const std::pair<const char*, Cue> kKinds[] = {
      {"negation", Cue::kNegation}, {"negation-noun", Cue::kNegNoun}, {"deny", Cue::kDeny},
      {"intent", Cue::kIntent}, {"fear", Cue::kFear}, {"condition", Cue::kCondition},
      {"complementizer", Cue::kComplementizer}, {"attribution", Cue::kAttribPrep}, {"transmit", Cue::kTransmit},
      {"source-noun", Cue::kSourceNoun}, {"preposition", Cue::kPreposition}, {"between", Cue::kBetween},
      {"light-verb", Cue::kLightVerb}, {"stop", Cue::kStop}, {"relative", Cue::kRelative}, {"topic", Cue::kTopic}, {"background", Cue::kBackground}, {"reference", Cue::kReference}, {"disaster", Cue::kDisaster}, {"claim-before", Cue::kClaimBefore}, {"happening", Cue::kHappening}, {"aim", Cue::kAim}, {"figurative", Cue::kFigurative}, {"intent-verb", Cue::kIntentVerb}, {"control", Cue::kControl}, {"foil", Cue::kFoil}, {"sport", Cue::kSport}, {"scripture", Cue::kScripture}, {"cargo", Cue::kCargo}, {"institution", Cue::kInstitution}, {"subordinator", Cue::kSubordinator},
      {"possibility", Cue::kPossibility}, {"attributive", Cue::kAttributive},
      {"crowd", Cue::kCrowd}, {"quantity", Cue::kQuantity}, {"non-act", Cue::kNonAct},
      {"violent", Cue::kViolent}, {"claim", Cue::kClaim},
      {"casualty", Cue::kCasualty}, {"light-verb-b", Cue::kLightVerbB},
      {"place-noun", Cue::kPlaceNoun}};
  for (const auto& [name, cue] : kKinds)
    if (k == name) return cue;
  return Cue::kNone;
}

bool IsNegationWord(std::string_view stem) {
  return stem == "\xD9\x84\xD8\xA7" || stem == "\xD9\x84\xD9\x85" || stem == "\xD9\x84\xD9\x86" ||
         stem == "\xD8\xB9\xD8\xAF\xD9\x85";  // لا لم لن عدم
}

}  // namespace

Result<std::shared_ptr<const Codebook>> Codebook::Load(const std::string& dir) {
  auto cb = std::make_shared<Codebook>();
  auto cameo = text::ReadTsv(dir + "/codebook/cameo.tsv", {"cameo", "name", "goldstein", "quad", "plover", "plover_mode"});
  if (!cameo.ok()) return cameo.error();
  {
    const auto& t = cameo.value();
    cb->version_ = "cameo " + t.version;
    int c = t.Column("cameo"), n = t.Column("name"), g = t.Column("goldstein"), q = t.Column("quad"),
        p = t.Column("plover"), m = t.Column("plover_mode");
    for (const auto& row : t.rows) {
      const auto& f = row.fields;
      CameoCode code{f[c], f[n], f[p] == "-" ? "" : f[p], f[m] == "-" ? "" : f[m], std::strtod(f[g].c_str(), nullptr),
                     std::atoi(f[q].c_str())};
      cb->codes_.emplace(f[c], std::move(code));
    }
  }
  auto triggers = text::ReadTsv(dir + "/codebook/triggers.tsv", {"pattern", "cameo", "plover", "flags"});
  if (!triggers.ok()) return triggers.error();
  {
    const auto& t = triggers.value();
    cb->version_ += ", triggers " + t.version;
    int p = t.Column("pattern"), c = t.Column("cameo"), pl = t.Column("plover"), fl = t.Column("flags");
    for (const auto& row : t.rows) {
      const auto& f = row.fields;
      Trigger tr;
      tr.pattern = f[p];
      tr.cameo = f[c];
      const CameoCode* code = cb->Find(tr.cameo);
      if (!code) return Error{ErrorCode::kBadData, "unknown CAMEO code '" + tr.cameo + "'", t.path, row.line};
      tr.plover = f[pl] == "-" ? code->plover : f[pl];
      tr.mode = code->mode;
      tr.goldstein = code->goldstein;
      for (const auto& flag : text::SplitAlternatives(f[fl], ',')) {
        if (flag == "verb") tr.verb = true;
        else if (flag == "noun") tr.noun = true;
        else if (flag == "sym") tr.sym = true;
        else if (flag == "passive") tr.passive = true;
        else if (flag == "say") tr.say = true;
        else if (flag == "future") {}
        else return Error{ErrorCode::kBadData, "unknown flag '" + flag + "'", t.path, row.line};
      }
      if (!tr.say && tr.plover.empty()) continue;  // dropped by the PLOVER crosswalk and not overridden
      for (const auto& w : text::SplitWords(f[p])) {
        PatternToken pt;
        if (w == "~") {
          pt.gap = true;
        } else {
          std::string s = w;
          if (!s.empty() && s.back() == '*') {
            pt.star = true;
            s.pop_back();
          }
          pt.stem = text::NormalizeKey(s);
          if (pt.stem.empty()) continue;
        }
        tr.tokens.push_back(std::move(pt));
      }
      if (tr.tokens.empty() || tr.tokens[0].gap)
        return Error{ErrorCode::kBadData, "pattern must start with a word", t.path, row.line};
      tr.starts_negated = IsNegationWord(tr.tokens[0].stem);
      int32_t idx = static_cast<int32_t>(cb->triggers_.size());
      if (tr.tokens[0].star) cb->by_prefix_[Prefix3(tr.tokens[0].stem)].push_back(idx);
      else cb->by_first_[tr.tokens[0].stem].push_back(idx);
      cb->triggers_.push_back(std::move(tr));
    }
  }
  // Imperfect verbs: a first word in ي (يقصف), or in ت where the same verb is listed in ي
  // (تقصف beside يقصف; not تعرض، تظاهر, which are perfects).
  {
    static const std::string kYa = "\xD9\x8A", kTa = "\xD8\xAA";  // ي ت
    std::unordered_set<std::string> ya;
    for (const auto& tr : cb->triggers_)
      if (tr.verb && tr.tokens[0].stem.rfind(kYa, 0) == 0) ya.insert(tr.tokens[0].stem);
    for (auto& tr : cb->triggers_) {
      if (!tr.verb) continue;
      const std::string& first = tr.tokens[0].stem;
      tr.present = first.rfind(kYa, 0) == 0 || (first.rfind(kTa, 0) == 0 && ya.count(kYa + first.substr(kTa.size())));
    }
  }
  auto plover = text::ReadTsv(dir + "/codebook/plover.tsv", {"plover", "actors"});
  if (!plover.ok()) return plover.error();
  for (const auto& row : plover.value().rows) {
    const std::string& need = row.fields[plover.value().Column("actors")];
    if (need == "any") cb->partial_.emplace(row.fields[plover.value().Column("plover")], true);
    else if (need != "both")
      return Error{ErrorCode::kBadData, "actors must be 'both' or 'any', not '" + need + "'", plover.value().path, row.line};
  }
  auto cues = text::ReadTsv(dir + "/lexicon/cues.tsv", {"pattern", "kind"});
  if (!cues.ok()) return cues.error();
  {
    const auto& t = cues.value();
    int p = t.Column("pattern"), k = t.Column("kind");
    for (const auto& row : t.rows) {
      Cue cue = CueKind(row.fields[k]);
      if (cue == Cue::kNone) return Error{ErrorCode::kBadData, "unknown cue kind '" + row.fields[k] + "'", t.path, row.line};
      for (const auto& alt : text::SplitAlternatives(row.fields[p])) {
        auto words = text::SplitWords(text::NormalizeKey(alt));
        if (words.size() == 1) cb->cues_.emplace(words[0], cue);
        else if (!words.empty()) cb->multi_cues_.Add(std::move(words), cue);
      }
    }
  }
  for (auto [trigger, cameo] : {std::pair{&cb->crowd_, "141"}, std::pair{&cb->riot_, "145"}}) {
    const CameoCode* code = cb->Find(cameo);
    if (!code) return Error{ErrorCode::kBadData, std::string("CAMEO code ") + cameo + " missing", dir + "/codebook/cameo.tsv", 0};
    trigger->pattern = "(crowd)";
    trigger->cameo = code->code;
    trigger->plover = code->plover;
    trigger->mode = code->mode;
    trigger->goldstein = code->goldstein;
    trigger->verb = true;
  }
  return std::shared_ptr<const Codebook>(std::move(cb));
}

const CameoCode* Codebook::Find(std::string_view cameo) const {
  auto it = codes_.find(std::string(cameo));
  return it == codes_.end() ? nullptr : &it->second;
}

Cue Codebook::CueOf(const std::vector<morph::Reading>& readings) const {
  for (const auto& r : readings) {
    if (r.prep || r.article) continue;
    auto it = cues_.find(r.stem);
    if (it != cues_.end()) return it->second;
  }
  // ولم، ولن، فلا، ولو: the tokenizer keeps the conjunction on three-letter words.
  if (!readings.empty()) {
    const std::string& w = readings[0].stem;
    if (w.size() == 6 && (w.rfind("\xD9\x88", 0) == 0 || w.rfind("\xD9\x81", 0) == 0))
      if (auto it = cues_.find(w.substr(2)); it != cues_.end()) return it->second;
  }
  return Cue::kNone;
}

int32_t Codebook::MultiCue(const Document& doc, int32_t i, int32_t end, Cue* cue) const {
  std::string_view first = doc.tokens[i].norm;
  std::string_view without_waw = first.rfind("\xD9\x88", 0) == 0 && first.size() > 2 ? first.substr(2) : "";
  return multi_cues_.Match(doc.tokens, i, end, {first, without_waw}, cue);
}

static bool TokenMatches(const PatternToken& pt, const std::vector<morph::Reading>& readings, bool noun, bool first) {
  // A two-letter first word behind و/ف (وشن، وتم، ولا): the tokenizer strips the conjunction
  // only from words of four letters or more, so its readings keep it.
  if (first && !pt.star && pt.stem.size() == 4 && !readings.empty()) {
    const std::string& w = readings[0].stem;
    if (w.size() == 6 && (w.rfind("\xD9\x88", 0) == 0 || w.rfind("\xD9\x81", 0) == 0) && w.compare(2, 4, pt.stem) == 0)
      return true;
  }
  for (const auto& r : readings) {
    // Verbs take only the conjunction; nouns also prepositions and the article.
    if (!noun && (r.prep || r.article)) continue;
    if (!first && r.conj && !noun) continue;
    if (pt.star ? r.stem.compare(0, pt.stem.size(), pt.stem) == 0 : r.stem == pt.stem) return true;
  }
  return false;
}

bool Codebook::Matches(const Document& doc, const std::vector<std::vector<morph::Reading>>& readings,
                       const Trigger& t, int32_t i, int32_t end, const std::vector<int32_t>& name_end, int32_t first,
                       int32_t* match_end) const {
  int32_t j = i;
  for (size_t k = 0; k < t.tokens.size(); ++k) {
    const PatternToken& pt = t.tokens[k];
    if (pt.gap) {
      // Try the rest of the pattern after 0..3 skipped words, a name counting as one word
      // (بحث الرئيس السوري أحمد الشرع مع …), at most eight tokens; one more word when a
      // person's name is among them, for a title before it (وصل وزير الخارجية الروسي سيرغي
      // لافروف إلى).
      const PatternToken& next = t.tokens[k + 1 < t.tokens.size() ? k + 1 : k];
      if (k + 1 >= t.tokens.size()) return false;
      bool found = false, person = false;
      for (int32_t p = j, words = 0; words <= (person ? 4 : 3) && p < end && p - j <= 8; ++words) {
        if (doc.tokens[p].kind == TokenKind::kPunct && p > j && doc.tokens[p].norm != "\xE2\x80\x9C") break;
        if (TokenMatches(next, readings[p], true, false)) {
          j = p;
          found = true;
          break;
        }
        const int32_t name = p - first < static_cast<int32_t>(name_end.size()) ? name_end[p - first] : 0;
        person |= name < 0;  // a person's name starts here (negative: see Triggers)
        const int32_t name_stop = name < 0 ? -name : name;
        p = name_stop > p + 1 ? name_stop : p + 1;
      }
      if (!found) return false;
      continue;
    }
    if (j >= end) return false;
    if (!TokenMatches(pt, readings[j], t.noun || k > 0, k == 0)) return false;
    ++j;
  }
  *match_end = j;
  return true;
}

std::vector<TriggerMatch> Codebook::Triggers(const Document& doc,
                                             const std::vector<std::vector<morph::Reading>>& readings, int32_t first,
                                             int32_t end) const {
  std::vector<TriggerMatch> out;
  std::vector<int32_t> name_end(std::max<int32_t>(0, end - first), 0);
  // The end of the name each token is in; negated at the first token of a person's name.
  for (const auto& e : doc.entities)
    for (int32_t k = std::max(first, e.first_token); k < std::min(end, e.end_token); ++k)
      name_end[k - first] = k == e.first_token && e.type == EntityType::kPer ? -e.end_token : e.end_token;
  int32_t i = first;
  while (i < end) {
    if (doc.tokens[i].kind != TokenKind::kWord) {
      ++i;
      continue;
    }
    TriggerMatch best;
    // "وخطف مسلحون …", "كما قتل …": a word with no article or preposition opening a clause
    // is a verb (VSO) where a noun of the same letters (خطف، قتل) would also match.
    const std::string& before = i > first ? doc.tokens[i - 1].norm : std::string();
    const bool clause_start = i == first || doc.tokens[i - 1].kind == TokenKind::kPunct ||
                              before == "\xD9\x83\xD9\x85\xD8\xA7" ||          // كما
                              before == "\xD9\x82\xD8\xAF" ||                    // قد
                              before == "\xD9\x88\xD9\x82\xD8\xAF" ||          // وقد
                              before == "\xD9\x81\xD9\x82\xD8\xAF" ||          // فقد
                              before == "\xD9\x84\xD9\x82\xD8\xAF" ||          // لقد
                              before == "\xD8\xAB\xD9\x85";                      // ثم
    auto consider = [&](const std::vector<int32_t>& ids, bool plain) {
      for (int32_t id : ids) {
        const Trigger& t = triggers_[id];
        int32_t e = 0;
        if (!Matches(doc, readings, t, i, end, name_end, first, &e)) continue;
        const bool longer = e - i > best.end - best.first;
        const bool tie = e - i == best.end - best.first && best.trigger;
        if (longer || (tie && !t.tokens[0].star && best.trigger->tokens[0].star && !(clause_start && plain && best.trigger->verb && !t.verb)) ||
            (tie && clause_start && plain && t.verb && !best.trigger->verb && e - i == 1))
          best = TriggerMatch{i, e, &t};
      }
    };
    for (const auto& r : readings[i]) {
      const bool plain = !r.article && !r.prep;
      if (auto it = by_first_.find(r.stem); it != by_first_.end()) consider(it->second, plain);
      if (auto it = by_prefix_.find(Prefix3(r.stem)); it != by_prefix_.end()) consider(it->second, plain);
    }
    // وشن، وتم: a two-letter word behind و/ف (see TokenMatches).
    if (!readings[i].empty()) {
      const std::string& w = readings[i][0].stem;
      if (w.size() == 6 && (w.rfind("\xD9\x88", 0) == 0 || w.rfind("\xD9\x81", 0) == 0))
        if (auto it = by_first_.find(w.substr(2)); it != by_first_.end()) consider(it->second, true);
    }
    if (best.trigger) {
      out.push_back(best);
      i = best.end;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace rasd::events
