#include "pipeline/json.h"

namespace rasd {

namespace {

Json Opt(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

Json PlaceJson(const std::optional<Place>& p) {
  if (!p) return nullptr;
  Json j;
  j["name"] = p->name;
  j["country"] = p->country.empty() ? Json(nullptr) : Json(p->country);
  j["lat"] = p->lat;
  j["lon"] = p->lon;
  return j;
}

Json RangeJson(const std::optional<DateRange>& r) {
  if (!r) return nullptr;
  Json j;
  j["start"] = r->start;
  j["end"] = r->end;
  return j;
}

}  // namespace

Json ActorJson(const std::optional<Actor>& a) {
  if (!a) return nullptr;
  Json j;
  j["id"] = a->id.empty() ? Json(nullptr) : Json(a->id);
  j["name"] = a->name;
  j["code"] = a->code;
  j["country"] = a->country.empty() ? Json(nullptr) : Json(a->country);
  j["agent"] = a->agent.empty() ? Json(nullptr) : Json(a->agent);
  return j;
}

Json DocumentJson(const Document& d) {
  Json j;
  j["id"] = d.id;
  j["input"] = d.input;
  j["url"] = Opt(d.url);
  j["outlet"] = Opt(d.outlet);
  j["author"] = Opt(d.author);
  j["date"] = Opt(d.date);
  j["title"] = Opt(d.title);
  j["subtitle"] = Opt(d.subtitle);
  j["lang"] = d.lang;
  j["text"] = d.text;
  j["removed"] = Json::array();
  for (const auto& r : d.removed) j["removed"].push_back(Json{{"text", r.text}, {"reason", r.reason}});
  j["repairs"] = Json::array();
  for (const auto& r : d.repairs) j["repairs"].push_back(Json{{"from", r.from}, {"to", r.to}});
  j["sentences"] = Json::array();
  for (const auto& s : d.sentences) j["sentences"].push_back(Json{{"start", s.span.start}, {"end", s.span.end}});
  j["entities"] = Json::array();
  for (const auto& e : d.entities) {
    Json x{{"start", e.span.start}, {"end", e.span.end}, {"text", e.text}, {"type", EntityTypeName(e.type)}};
    x["actor"] = ActorJson(e.actor);
    if (e.second) x["second"] = ActorJson(e.second);
    if (e.place) x["place"] = PlaceJson(e.place);
    j["entities"].push_back(std::move(x));
  }
  j["events"] = Json::array();
  for (const auto& e : d.events) {
    Json x;
    x["sentence"] = e.sentence;
    x["trigger"] = Json{{"start", e.trigger.start}, {"end", e.trigger.end}, {"text", e.trigger_text}};
    x["cameo"] = e.cameo;
    x["plover"] = e.plover;
    x["mode"] = e.mode.empty() ? Json(nullptr) : Json(e.mode);
    x["goldstein"] = e.goldstein;
    x["source"] = ActorJson(e.source);
    x["target"] = ActorJson(e.target);
    x["negated"] = e.negated;
    x["modality"] = ModalityName(e.modality);
    x["date"] = RangeJson(e.date);
    x["place"] = PlaceJson(e.place);
    x["confidence"] = e.confidence;
    x["mentions"] = Json::array();
    for (const auto& m : e.mentions)
      x["mentions"].push_back(Json{{"sentence", m.sentence}, {"start", m.trigger.start}, {"end", m.trigger.end}});
    j["events"].push_back(std::move(x));
  }
  j["quotes"] = Json::array();
  for (const auto& q : d.quotes) {
    Json x{{"start", q.span.start}, {"end", q.span.end}, {"text", q.text}};
    if (q.speaker) x["speaker"] = ActorJson(q.speaker);
    else if (!q.speaker_text.empty()) x["speaker"] = Json{{"text", q.speaker_text}};
    else x["speaker"] = nullptr;
    if (q.speaker && !q.speaker_text.empty()) x["speaker"]["text"] = q.speaker_text;
    j["quotes"].push_back(std::move(x));
  }
  j["attributions"] = Json::array();
  for (const auto& a : d.attributions) {
    j["attributions"].push_back(Json{{"sentence", a.sentence},
                                     {"outlet", a.outlet.empty() ? Json(nullptr) : Json(a.outlet)},
                                     {"via", a.via.empty() ? Json(nullptr) : Json(a.via)},
                                     {"anonymous", a.anonymous}});
  }
  j["times"] = Json::array();
  for (const auto& t : d.times)
    j["times"].push_back(Json{{"start", t.span.start}, {"end", t.span.end}, {"text", t.text}, {"resolved", RangeJson(t.resolved)}});
  return j;
}

std::string ToJsonLine(const Document& doc) {
  return DocumentJson(doc).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ToJsonPretty(const Document& doc) {
  return DocumentJson(doc).dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace rasd
