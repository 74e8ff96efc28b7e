// pipeline/json.h: the public analysis contract (docs/contract.md) as JSON.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "rasd/document.h"

namespace rasd {

using Json = nlohmann::ordered_json;

Json ActorJson(const std::optional<Actor>& actor);
Json DocumentJson(const Document& doc);
// One line (JSONL) or indented.
std::string ToJsonLine(const Document& doc);
std::string ToJsonPretty(const Document& doc);

}  // namespace rasd
