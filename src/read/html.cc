#include "read/html.h"

#include <gumbo.h>

#include <cstring>

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
  void Text(const GumboNode* node, std::string& out) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      CollapseInto(out, node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    const char* reason = DroppedTag(el.tag);
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

const GumboNode* Find(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    if (auto* f = Find(static_cast<const GumboNode*>(kids.data[i]), tag)) return f;
  return nullptr;
}

void Meta(const GumboNode* node, HtmlPage& page) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& el = node->v.element;
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
    }
  }
  const GumboVector& kids = el.children;
  for (unsigned i = 0; i < kids.length; ++i) Meta(static_cast<const GumboNode*>(kids.data[i]), page);
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
  if (!root) root = Find(output->root, GUMBO_TAG_MAIN);
  if (!root) root = Find(output->root, GUMBO_TAG_BODY);
  if (!root) root = output->root;
  Walker walker{&page};
  walker.Text(root, page.text);
  // An <h1> inside the article is the best title.
  if (const GumboNode* h1 = Find(root, GUMBO_TAG_H1)) {
    std::string s;
    walker.Children(h1, s);
    if (!Trimmed(s).empty()) page.title = Trimmed(s);
  }
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return page;
}

}  // namespace rasd::read
