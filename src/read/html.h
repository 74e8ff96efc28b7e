// read/html.h: HTML page → article lines and metadata, through gumbo.
//
// Keeps the text of block elements as lines; drops script, style, nav, header,
// footer, aside, form and elements whose class or id names site chrome (menu,
// sidebar, cookie, share, related, comments, widget, breadcrumb). The content root
// is the <article>, else an element whose class or id names the story (story,
// post-body, entry-content, article-body…), else <main>, else <body>. The title is
// the root's <h1> (not one in a page <header>), else a heading whose class says
// title; metadata comes from og:/article: meta tags, <meta name="author">, <time
// datetime> and JSON-LD (headline, datePublished, author, publisher).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasd::read {

struct HtmlPage {
  std::string text;  // one block per line
  std::optional<std::string> title, date, outlet, url, author;
  std::vector<std::pair<std::string, std::string>> dropped;  // (text, reason) of chrome blocks left out
};

HtmlPage ExtractHtml(std::string_view html);

}  // namespace rasd::read
