// entities/gazetteer.h: countries, places, people with roles in time,
// organisations, titles and agent nouns, loaded once from data/ and shared
// read-only. Names are indexed in a token trie over normalized tokens.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rasd/document.h"
#include "rasd/result.h"

namespace rasd::entities {

struct Country {
  std::string iso3, cameo, name_en;
  double lat = 0, lon = 0;
};

struct PlaceInfo {
  std::string name_en, kind, country;  // kind: capital, city, region, crossing, site, body
  double lat = 0, lon = 0;
};

struct RoleSpan {
  std::string code;  // CAMEO actor code held in that role ("RUSGOV")
  std::string role;  // "president"
  std::string from, to;  // ISO dates; `to` empty while in office
};

struct Person {
  std::string id, name_en;
  std::vector<RoleSpan> roles;
};

struct Organization {
  std::string id, name_en, type, code, country, agent;
  bool needs_cue = false;  // ambiguous bare name: accepted only quoted or after صحيفة/قناة/وكالة…
};

struct Title {
  std::string role, agent;
  bool dual = false;  // الرئيسين, الرئيسان
};

enum class EntryKind : uint8_t {
  kCountry,      // index into countries
  kNisba,        // index into countries (adjective: الروسي, الروسية, الروس)
  kPlace,        // index into places
  kPerson,       // index into people
  kOrg,          // index into organizations
  kTitle,        // index into titles
  kAgent,        // index into agents (agent code)
  kCounterpart,  // نظيره: same role as the last title, other country
  kPair,         // الجانبان, البلدين: the last two actors
  kMediaCue,     // صحيفة, قناة, وكالة: the next name is an outlet
};

struct Entry {
  EntryKind kind;
  int32_t index;
};

class Gazetteer {
 public:
  // Reads data_dir/gazetteer/*.tsv, data_dir/actors/*.tsv and data_dir/lexicon/coref.tsv.
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::string& data_dir);

  // Trie walk: the child of `node` by normalized token, or -1. Node 0 is the root.
  int32_t Child(int32_t node, std::string_view token) const;
  const std::vector<Entry>& Entries(int32_t node) const { return nodes_[node]; }

  const std::vector<Country>& countries() const { return countries_; }
  const std::vector<PlaceInfo>& places() const { return places_; }
  const std::vector<Person>& people() const { return people_; }
  const std::vector<Organization>& organizations() const { return orgs_; }
  const std::vector<Title>& titles() const { return titles_; }
  const std::vector<std::string>& agents() const { return agents_; }
  const Country* CountryByIso(std::string_view iso3) const;

  // The actor a person is on `date` (YYYY-MM-DD; empty = today): the role held then,
  // else the latest earlier role as an elite (ELI), else the country alone.
  Actor PersonActor(const Person& person, std::string_view date) const;
  // Who held `role` for `country` (ISO3) on `date`, if the data knows.
  const Person* RoleHolder(std::string_view role, std::string_view country, std::string_view date) const;
  // A person whose one-word name (five letters or more, no article) is `token` with two
  // neighbouring letters swapped, first and last letters kept, when exactly one such
  // person exists (بويتن → Putin).
  const Person* FuzzyPerson(std::string_view token) const;
  Actor CountryActor(const Country& c, std::string_view agent = "") const;
  Actor OrgActor(const Organization& o) const;
  // Every indexed name as normalized tokens, with its entry (for tests and tools).
  const std::vector<std::pair<std::vector<std::string>, Entry>>& names_list() const { return names_list_; }
  std::string version() const { return version_; }
  size_t names() const { return names_; }

 private:
  void Add(std::string_view name, Entry entry);
  int32_t AddChild(int32_t node, const std::string& token);

  std::vector<std::vector<Entry>> nodes_{1};
  // Children of the root (first tokens: most lookups) with string_view lookup, and the
  // deeper edges keyed by 4 bytes of parent id + token.
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, int32_t, ViewHash, std::equal_to<>> root_;
  std::unordered_map<std::string, int32_t> edges_;
  std::vector<Country> countries_;
  std::vector<PlaceInfo> places_;
  std::vector<Person> people_;
  std::vector<Organization> orgs_;
  std::vector<Title> titles_;
  std::vector<std::string> agents_;
  std::unordered_map<std::string, int32_t> by_iso_;
  std::unordered_map<std::string, std::vector<int32_t>> role_index_;
  // One-word person names by (first letter, last letter, length) → (person, name), for FuzzyPerson.
  std::unordered_map<uint64_t, std::vector<std::pair<int32_t, std::u32string>>> fuzzy_;  // "role|ISO3" → people
  std::vector<std::pair<std::vector<std::string>, Entry>> names_list_;
  std::string version_;
  size_t names_ = 0;
};

}  // namespace rasd::entities
