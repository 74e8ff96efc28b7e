// read/html.h: HTML page → article lines and metadata, through gumbo.
//
// Keeps the text of block elements as lines; drops script, style, nav, header,
// footer, aside, form and elements whose class or id names site chrome (menu,
// sidebar, cookie, share, related, comments, widget, breadcrumb). When the page
// has an <article>, only its content is kept. Metadata comes from og:title,
// <title>, article:published_time and og:site_name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasd::read {

struct HtmlPage {
  std::string text;  // one block per line
  std::optional<std::string> title, date, outlet, url;
  std::vector<std::pair<std::string, std::string>> dropped;  // (text, reason) of chrome blocks left out
};

HtmlPage ExtractHtml(std::string_view html);

}  // namespace rasd::read
