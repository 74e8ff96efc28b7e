#include "read/html.h"

#include <gumbo.h>

#include <cstring>
#include <nlohmann/json.hpp>

namespace rasd::read {

namespace {

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_BR:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_TABLE: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_MAIN: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Elements never part of the article, and the removal reason they get.
const char* DroppedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_HEAD: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
      return "";  // code, not text: dropped silently
    case GUMBO_TAG_NAV: return "nav";
    case GUMBO_TAG_HEADER: return "nav";
    case GUMBO_TAG_FOOTER: return "footer";
    case GUMBO_TAG_ASIDE: return "related";
    case GUMBO_TAG_FORM: return "comment-form";
    case GUMBO_TAG_FIGCAPTION: return "caption";
    default: return nullptr;
  }
}

const char* ChromeClass(const GumboElement& el) {
  static const std::pair<const char*, const char*> kWords[] = {
      {"cookie", "cookie"}, {"consent", "cookie"}, {"gdpr", "cookie"}, {"share", "share"}, {"social", "share"},
      {"related", "related"}, {"comment", "comment-form"}, {"sidebar", "related"}, {"widget", "related"},
      {"menu", "nav"}, {"navbar", "nav"}, {"breadcrumb", "nav"}, {"footer", "footer"}, {"advert", "ad"},
      {"ads-", "ad"}, {"newsletter", "subscribe"}, {"subscribe", "subscribe"}, {"tags", "tags"}};
  for (const char* attr : {"class", "id"}) {
    const GumboAttribute* a = gumbo_get_attribute(&el.attributes, attr);
    if (!a) continue;
    std::string v = a->value;
    for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& [word, reason] : kWords)
      if (v.find(word) != std::string::npos) return reason;
  }
  return nullptr;
}

void CollapseInto(std::string& out, const char* s) {
  for (; *s; ++s) {
    char c = *s;
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\n')) continue;
    out += c;
  }
}

void EndLine(std::string& out) {
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (!out.empty() && out.back() != '\n') out += '\n';
}

struct Walker {
  HtmlPage* page;
  bool keep_header = false;  // inside an <article>, its <header> holds headline, byline and date
  void Text(const GumboNode* node, std::string& out) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      CollapseInto(out, node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    const char* reason = DroppedTag(el.tag);
    if (keep_header && el.tag == GUMBO_TAG_HEADER) reason = nullptr;
    if (!reason) reason = ChromeClass(el);
    if (reason) {
      if (*reason) {
        std::string chrome;
        Children(node, chrome);
        size_t start = 0;
        while (start < chrome.size()) {
          size_t nl = chrome.find('\n', start);
          if (nl == std::string::npos) nl = chrome.size();
          std::string line = chrome.substr(start, nl - start);
          if (line.find_first_not_of(' ') != std::string::npos) page->dropped.emplace_back(line, reason);
          start = nl + 1;
        }
      }
      return;
    }
    bool block = IsBlock(el.tag);
    if (block) EndLine(out);
    Children(node, out);
    if (block) EndLine(out);
  }
  void Children(const GumboNode* node, std::string& out) {
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) Text(static_cast<const GumboNode*>(kids.data[i]), out);
    EndLineIfBlockText(out);
  }
  void EndLineIfBlockText(std::string&) {}
};

bool ClassHas(const GumboElement& el, std::initializer_list<const char*> words) {
  for (const char* attr : {"class", "id", "itemprop"}) {
    const GumboAttribute* a = gumbo_get_attribute(&el.attributes, attr);
    if (!a) continue;
    std::string v = a->value;
    for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* w : words)
      if (v.find(w) != std::string::npos) return true;
  }
  return false;
}

// The element holding the story when the page has no <article>.
const GumboNode* FindStory(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboElement& el = node->v.element;
  if (DroppedTag(el.tag) || ChromeClass(el)) return nullptr;
  if ((el.tag == GUMBO_TAG_DIV || el.tag == GUMBO_TAG_SECTION) &&
      ClassHas(el, {"story", "post-body", "entry-content", "article-body", "articlebody", "post-content", "news-body",
                    "article-content", "post"}))
    return node;
  for (unsigned i = 0; i < el.children.length; ++i)
    if (auto* f = FindStory(static_cast<const GumboNode*>(el.children.data[i]))) return f;
  return nullptr;
}

// The headline: an <h1> outside page chrome (<header>, <nav>…), else a heading whose
// class says title (post-title, entry-title).
const GumboNode* FindTitle(const GumboNode* node, bool by_class) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboElement& el = node->v.element;
  if (DroppedTag(el.tag) || ChromeClass(el)) return nullptr;
  if (!by_class && el.tag == GUMBO_TAG_H1) return node;
  if (by_class && (el.tag == GUMBO_TAG_H1 || el.tag == GUMBO_TAG_H2 || el.tag == GUMBO_TAG_H3) &&
      ClassHas(el, {"title", "headline"}))
    return node;
  for (unsigned i = 0; i < el.children.length; ++i)
    if (auto* f = FindTitle(static_cast<const GumboNode*>(el.children.data[i]), by_class)) return f;
  return nullptr;
}

const GumboNode* Find(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    if (auto* f = Find(static_cast<const GumboNode*>(kids.data[i]), tag)) return f;
  return nullptr;
}

// Whitespace-separated class tokens.
bool HasClassToken(const GumboElement& el, std::initializer_list<const char*> tokens) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, "class");
  if (!a) return false;
  std::string v = a->value;
  size_t start = 0;
  while (start < v.size()) {
    size_t end = v.find_first_of(" \t\n", start);
    if (end == std::string::npos) end = v.size();
    std::string tok = v.substr(start, end - start);
    for (const char* t : tokens)
      if (tok == t) return true;
    start = end + 1;
  }
  return false;
}

std::string TextOf(const GumboNode* node) {
  std::string out;
  if (node->type == GUMBO_NODE_TEXT) return node->v.text.text;
  if (node->type != GUMBO_NODE_ELEMENT) return out;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) out += TextOf(static_cast<const GumboNode*>(kids.data[i]));
  return out;
}

void Meta(const GumboNode* node, HtmlPage& page, bool in_chrome = false);

void Meta(const GumboNode* node, HtmlPage& page, bool in_chrome) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& el = node->v.element;
  if (!in_chrome && el.tag != GUMBO_TAG_HEAD && el.tag != GUMBO_TAG_SCRIPT && (ChromeClass(el) || el.tag == GUMBO_TAG_FORM))
    in_chrome = true;
  // Blog microformats: <abbr class="published" title="2024-01-17T…">, <span class="fn">name</span>.
  if (!in_chrome && !page.date && HasClassToken(el, {"published", "updated", "post-date", "entry-date"})) {
    for (const char* attr : {"title", "datetime", "content"})
      if (const GumboAttribute* a = gumbo_get_attribute(&el.attributes, attr); a && std::strlen(a->value) >= 10 &&
                                                                            a->value[4] == '-')
        page.date = std::string(a->value).substr(0, 10);
  }
  if (!in_chrome && !page.author && HasClassToken(el, {"fn", "author-name", "byline-name"})) {
    std::string name = TextOf(node);
    size_t a = name.find_first_not_of(" \n\t"), b = name.find_last_not_of(" \n\t");
    if (a != std::string::npos) page.author = name.substr(a, b - a + 1);
  }
  if (el.tag == GUMBO_TAG_META) {
    const GumboAttribute* key = gumbo_get_attribute(&el.attributes, "property");
    if (!key) key = gumbo_get_attribute(&el.attributes, "name");
    const GumboAttribute* content = gumbo_get_attribute(&el.attributes, "content");
    if (key && content && *content->value) {
      std::string k = key->value;
      if (k == "og:title" && !page.title) page.title = content->value;
      if ((k == "article:published_time" || k == "date" || k == "pubdate") && !page.date)
        page.date = std::string(content->value).substr(0, 10);
      if (k == "og:site_name" && !page.outlet) page.outlet = content->value;
      if (k == "og:url" && !page.url) page.url = content->value;
      if ((k == "author" || k == "article:author") && !page.author && std::strncmp(content->value, "http", 4) != 0)
        page.author = content->value;
    }
  }
  if (el.tag == GUMBO_TAG_TIME && !page.date) {
    if (const GumboAttribute* dt = gumbo_get_attribute(&el.attributes, "datetime"); dt && std::strlen(dt->value) >= 10)
      page.date = std::string(dt->value).substr(0, 10);
  }
  if (el.tag == GUMBO_TAG_SCRIPT) {
    const GumboAttribute* type = gumbo_get_attribute(&el.attributes, "type");
    if (type && std::string(type->value) == "application/ld+json" && el.children.length > 0) {
      const auto* text = static_cast<const GumboNode*>(el.children.data[0]);
      if (text->type == GUMBO_NODE_TEXT) {
        auto j = nlohmann::json::parse(text->v.text.text, nullptr, false);
        if (j.is_array() && !j.empty()) j = j[0];
        if (j.is_object()) {
          auto str = [&](const nlohmann::json& v) -> std::optional<std::string> {
            if (v.is_string()) return v.get<std::string>();
            if (v.is_object() && v.contains("name") && v["name"].is_string()) return v["name"].get<std::string>();
            if (v.is_array() && !v.empty()) {
              const auto& f = v[0];
              if (f.is_object() && f.contains("name") && f["name"].is_string()) return f["name"].get<std::string>();
            }
            return std::nullopt;
          };
          if (!page.title && j.contains("headline")) page.title = str(j["headline"]);
          if (!page.date && j.contains("datePublished"))
            if (auto d = str(j["datePublished"]); d && d->size() >= 10) page.date = d->substr(0, 10);
          if (!page.author && j.contains("author")) page.author = str(j["author"]);
          if (!page.outlet && j.contains("publisher")) page.outlet = str(j["publisher"]);
        }
      }
    }
  }
  const GumboVector& kids = el.children;
  for (unsigned i = 0; i < kids.length; ++i) Meta(static_cast<const GumboNode*>(kids.data[i]), page, in_chrome);
}

std::string Trimmed(std::string s) {
  size_t a = s.find_first_not_of(" \n");
  size_t b = s.find_last_not_of(" \n");
  return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

}  // namespace

HtmlPage ExtractHtml(std::string_view html) {
  HtmlPage page;
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  Meta(output->root, page);
  if (!page.title) {
    if (const GumboNode* t = Find(output->root, GUMBO_TAG_TITLE)) {
      std::string s;
      Walker{&page}.Children(t, s);
      if (!Trimmed(s).empty()) page.title = Trimmed(s);
    }
  }
  const GumboNode* root = Find(output->root, GUMBO_TAG_ARTICLE);
  if (!root) root = FindStory(output->root);
  if (!root) root = Find(output->root, GUMBO_TAG_MAIN);
  if (!root) root = Find(output->root, GUMBO_TAG_BODY);
  if (!root) root = output->root;
  Walker walker{&page};
  walker.keep_header = root->type == GUMBO_NODE_ELEMENT && root->v.element.tag == GUMBO_TAG_ARTICLE;
  walker.Text(root, page.text);
  // A headline inside the story is the best title. In a <header> of the article itself
  // (not the page's), it counts too.
  const GumboNode* h = FindTitle(root, /*by_class=*/true);
  if (!h) h = FindTitle(root, false);
  if (!h && root->type == GUMBO_NODE_ELEMENT && root->v.element.tag == GUMBO_TAG_ARTICLE) h = Find(root, GUMBO_TAG_H1);
  if (h) {
    HtmlPage scratch;
    std::string s;
    Walker{&scratch}.Children(h, s);
    if (!Trimmed(s).empty()) page.title = Trimmed(s);
  }
  if (!page.outlet) {
    // The site's name: the <h1> of the page header (blogs), else the part of <title> that
    // is not the headline ("SITE | HEADLINE").
    if (const GumboNode* header = Find(output->root, GUMBO_TAG_HEADER)) {
      if (const GumboNode* h1 = Find(header, GUMBO_TAG_H1)) {
        std::string name = Trimmed(TextOf(h1));
        if (!name.empty() && (!page.title || name != *page.title)) page.outlet = name;
      }
    }
    if (!page.outlet && page.title) {
      if (const GumboNode* t = Find(output->root, GUMBO_TAG_TITLE)) {
        std::string full = Trimmed(TextOf(t));
        for (const char* sep : {" | ", " - ", " – ", " :: "}) {
          size_t pos = full.find(sep);
          if (pos == std::string::npos) continue;
          std::string a = Trimmed(full.substr(0, pos)), b = Trimmed(full.substr(pos + std::strlen(sep)));
          if (b == *page.title && !a.empty()) page.outlet = a;
          else if (a == *page.title && !b.empty()) page.outlet = b;
          break;
        }
      }
    }
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  if (page.author && page.outlet && *page.author == *page.outlet) page.author.reset();  // the site, not a person
  return page;
}

}  // namespace rasd::read
