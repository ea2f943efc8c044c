// HTML article reading over Gumbo's parse tree. Every walk is iterative
// (an explicit stack), so a deep page costs heap, not the call stack.
#include "extract/html.h"

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/date.h"

namespace newsgraph::extract {
namespace {

// Deepest element nesting a page may have (an estimate from a scan of its
// tags, before parsing). Real pages nest a few dozen levels; Gumbo frees
// its tree recursively, so a hostile page of a million open <div>s would
// exhaust the stack.
constexpr size_t kMaxNesting = 4096;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// Tags that never hold text and those whose end tag is often left out
// (they close themselves): neither deepens the nesting estimate.
bool IsVoidOrSelfClosing(const std::string& tag) {
  static const char* kTags[] = {"area", "base",  "br",    "col",   "embed", "hr",  "img",  "input",
                                "link", "meta",  "param", "source", "track", "wbr", "p",    "li",
                                "dt",   "dd",    "tr",    "td",    "th",    "option", "!doctype"};
  for (const char* t : kTags)
    if (tag == t) return true;
  return false;
}

// An upper estimate of the element nesting: start tags minus end tags,
// outside comments, script and style.
size_t NestingEstimate(const std::string& html) {
  size_t depth = 0, deepest = 0;
  size_t i = 0, n = html.size();
  while (i < n) {
    size_t lt = html.find('<', i);
    if (lt == std::string::npos || lt + 1 >= n) break;
    if (html.compare(lt, 4, "<!--") == 0) {
      size_t end = html.find("-->", lt + 4);
      if (end == std::string::npos) break;
      i = end + 3;
      continue;
    }
    bool closing = html[lt + 1] == '/';
    size_t b = lt + 1 + (closing ? 1 : 0), e = b;
    while (e < n && (std::isalnum(static_cast<unsigned char>(html[e])) || html[e] == '!')) ++e;
    if (e == b) {
      i = lt + 1;
      continue;
    }
    std::string tag = Lower(std::string_view(html).substr(b, e - b));
    size_t gt = html.find('>', e);
    if (gt == std::string::npos) break;
    bool self_closed = html[gt - 1] == '/';
    i = gt + 1;
    if (!closing && (tag == "script" || tag == "style")) {
      // Skip to its end tag, in any case, in one pass.
      size_t end = i;
      while ((end = html.find("</", end)) != std::string::npos &&
             Lower(std::string_view(html).substr(end + 2, tag.size())) != tag)
        end += 2;
      if (end == std::string::npos) break;
      i = end;
      continue;
    }
    if (IsVoidOrSelfClosing(tag) || self_closed) continue;
    if (closing) {
      if (depth > 0) --depth;
    } else {
      deepest = std::max(deepest, ++depth);
    }
  }
  return deepest;
}

std::string Attr(const GumboNode* node, const char* name) {
  if (node->type != GUMBO_NODE_ELEMENT) return "";
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : "";
}

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

// Calls fn(node) for every node under root, in document order; fn returns
// false to skip a node's children.
template <typename Fn>
void Walk(const GumboNode* root, Fn&& fn) {
  std::vector<const GumboNode*> stack = {root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (!fn(node)) continue;
    const GumboVector* children = nullptr;
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) children = &node->v.element.children;
    else if (node->type == GUMBO_NODE_DOCUMENT) children = &node->v.document.children;
    if (!children) continue;
    for (unsigned i = children->length; i-- > 0;) stack.push_back(static_cast<const GumboNode*>(children->data[i]));
  }
}

bool IsSkipped(const GumboNode* node) {
  if (node->type == GUMBO_NODE_COMMENT || node->type == GUMBO_NODE_TEMPLATE) return true;
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_MENU:
      return true;
    default:
      break;
  }
  if (node->v.element.tag == GUMBO_TAG_UNKNOWN) {
    // <math>, custom elements: their text is kept.
  }
  const GumboVector* attrs = &node->v.element.attributes;
  if (gumbo_get_attribute(attrs, "hidden")) return true;
  if (Lower(Attr(node, "aria-hidden")) == "true") return true;
  std::string style = Lower(Attr(node, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), IsSpace), style.end());
  return style.find("display:none") != std::string::npos;
}

bool IsBlock(const GumboNode* node) {
  if (node->type != GUMBO_NODE_ELEMENT) return false;
  switch (node->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BR: case GUMBO_TAG_HR: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

// The visible text under root, one paragraph per block, blank lines
// between paragraphs, white space inside a paragraph collapsed.
std::string TextOf(const GumboNode* root) {
  std::string text, para;
  auto flush = [&] {
    while (!para.empty() && para.back() == ' ') para.pop_back();
    if (!para.empty()) {
      if (!text.empty()) text += "\n\n";
      text += para;
      para.clear();
    }
  };
  // Blocks end where their subtree ends: a marker node after the children.
  struct Item {
    const GumboNode* node;
    bool end;
  };
  std::vector<Item> stack = {{root, false}};
  while (!stack.empty()) {
    Item item = stack.back();
    stack.pop_back();
    const GumboNode* node = item.node;
    if (item.end) {
      flush();
      continue;
    }
    if (IsSkipped(node)) continue;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      for (const char* p = node->v.text.text; *p; ++p) {
        if (IsSpace(*p)) {
          if (!para.empty() && para.back() != ' ') para += ' ';
        } else {
          para += *p;
        }
      }
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    bool block = IsBlock(node);
    if (block) {
      flush();
      stack.push_back({node, true});
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
  }
  flush();
  return text;
}

std::string Trimmed(std::string s) {
  std::string out;
  for (char c : s) {
    if (IsSpace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct GumboDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

}  // namespace

bool ParseHtmlArticle(const std::string& html, HtmlArticle* out, std::string* error) {
  *out = HtmlArticle();
  if (size_t depth = NestingEstimate(html); depth > kMaxNesting) {
    *error = "HTML nested deeper than " + std::to_string(kMaxNesting) + " elements (about " +
             std::to_string(depth) + "): not read";
    return false;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // the parse errors are not used; do not collect them
  std::unique_ptr<GumboOutput, GumboDeleter> parsed(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!parsed) {
    *error = "HTML could not be parsed";
    return false;
  }
  const GumboNode* root = parsed->root;

  // Meta tags, the canonical link, <title>, and the containers of the text.
  static const char* kDateKeys[] = {"article:published_time", "og:published_time", "datepublished",
                                    "date", "pubdate", "publishdate", "dc.date.issued", "dc.date",
                                    "parsely-pub-date", "sailthru.date"};
  std::vector<std::pair<size_t, std::string>> dates;  // (rank in kDateKeys, value)
  std::string og_title, page_title, og_url, canonical;
  std::vector<const GumboNode*> articles, mains;
  const GumboNode* body = nullptr;
  Walk(root, [&](const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return true;
    switch (node->v.element.tag) {
      case GUMBO_TAG_META: {
        std::string key = Lower(Attr(node, "property"));
        if (key.empty()) key = Lower(Attr(node, "name"));
        if (key.empty()) key = Lower(Attr(node, "itemprop"));
        std::string content = Attr(node, "content");
        if (content.empty()) content = Attr(node, "datetime");
        if (key == "og:title" || (key == "twitter:title" && og_title.empty())) og_title = content;
        if (key == "og:url") og_url = content;
        for (size_t k = 0; k < std::size(kDateKeys); ++k)
          if (key == kDateKeys[k] && !content.empty()) dates.emplace_back(k, content);
        return false;
      }
      case GUMBO_TAG_LINK:
        if (Lower(Attr(node, "rel")) == "canonical") canonical = Attr(node, "href");
        return false;
      case GUMBO_TAG_TITLE:
        if (page_title.empty())
          for (unsigned i = 0; i < node->v.element.children.length; ++i)
            page_title += TextOf(static_cast<const GumboNode*>(node->v.element.children.data[i]));
        page_title = Trimmed(page_title);
        return false;
      case GUMBO_TAG_BODY:
        body = node;
        return true;
      case GUMBO_TAG_ARTICLE:
        articles.push_back(node);
        return true;
      case GUMBO_TAG_MAIN:
        mains.push_back(node);
        return true;
      default:
        if (Lower(Attr(node, "role")) == "main") mains.push_back(node);
        if (!Attr(node, "itemprop").empty() && Lower(Attr(node, "itemprop")) == "datepublished") {
          std::string v = Attr(node, "datetime");
          if (v.empty()) v = Attr(node, "content");
          if (!v.empty()) dates.emplace_back(2, v);
        }
        return true;
    }
  });

  // The text: the largest <article>, else <main>, else <body>.
  const GumboNode* container = nullptr;
  size_t best = 0;
  for (const GumboNode* a : articles) {
    // Only outermost articles: they are disjoint, so reading them all is
    // linear in the page.
    bool nested = false;
    for (const GumboNode* p = a->parent; p && !nested; p = p->parent) nested = IsElement(p, GUMBO_TAG_ARTICLE);
    if (nested) continue;
    std::string t = TextOf(a);
    if (t.size() > best) {
      best = t.size();
      container = a;
      out->text = std::move(t);
    }
  }
  if (!container && !mains.empty()) {
    container = mains.front();
    out->text = TextOf(container);
  }
  if (!container && body) {
    container = body;
    out->text = TextOf(body);
  }
  if (out->text.empty()) {
    *error = "no article text in the HTML page (nothing visible outside navigation, scripts and styles)";
    return false;
  }

  // <time datetime> in the article (or the page) after the meta tags.
  const GumboNode* time_scope = container && container != body ? container : root;
  Walk(time_scope, [&](const GumboNode* node) {
    if (IsElement(node, GUMBO_TAG_TIME)) {
      std::string v = Attr(node, "datetime");
      if (!v.empty()) dates.emplace_back(std::size(kDateKeys), v);
      return false;
    }
    return true;
  });
  if (time_scope != root && dates.empty()) {
    Walk(root, [&](const GumboNode* node) {
      if (IsElement(node, GUMBO_TAG_TIME) && !Attr(node, "datetime").empty()) {
        dates.emplace_back(std::size(kDateKeys), Attr(node, "datetime"));
        return false;
      }
      return true;
    });
  }
  std::stable_sort(dates.begin(), dates.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [rank, value] : dates)
    if (graph::ParseDate(value)) {
      out->date = value;
      break;
    }
  if (out->date.empty() && !dates.empty()) out->date = dates.front().second;

  // The title: og:title, else the article's first <h1>, else <title>.
  out->title = Trimmed(og_title);
  if (out->title.empty() && container) {
    Walk(container, [&](const GumboNode* node) {
      if (!out->title.empty()) return false;
      if (IsElement(node, GUMBO_TAG_H1)) {
        out->title = Trimmed(TextOf(node));
        return false;
      }
      return true;
    });
  }
  if (out->title.empty()) out->title = page_title;
  out->url = !canonical.empty() ? canonical : og_url;
  return true;
}

}  // namespace newsgraph::extract
