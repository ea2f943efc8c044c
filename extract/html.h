// HTML articles: a saved news page in, its title, date, canonical URL and
// main text out. Parsed with Gumbo (an HTML5 parser, Debian's
// libgumbo-dev), so broken markup is read the way browsers read it.
#pragma once

#include <string>

namespace newsgraph::extract {

struct HtmlArticle {
  std::string title;  // og:title / twitter:title, else the article's <h1>, else <title>
  std::string date;   // as written in the page (see ParseHtmlArticle); "" if none
  std::string url;    // <link rel="canonical">, else og:url
  std::string text;   // the main text, one paragraph per block, blank lines between
};

// Reads an HTML page given as UTF-8.
//  - date: the first of the meta tags article:published_time,
//    og:published_time, datePublished (itemprop), date, pubdate,
//    publishdate, dc.date.issued, dc.date, parsely-pub-date, then the first
//    <time datetime=...> of the article (or page), that graph::ParseDate
//    reads; when none does, the first one found as written.
//  - text: the largest <article>, else <main> (or role="main"), else
//    <body>; script, style, noscript, template, nav, header, footer, aside,
//    form, button, figure, svg, iframe and hidden elements are left out.
//    Block elements (p, div, h1-h6, li, blockquote, br, ...) end paragraphs.
// Returns false with *error when the page holds no text or is nested
// deeper than the reader allows (a hostile page).
bool ParseHtmlArticle(const std::string& html, HtmlArticle* out, std::string* error);

}  // namespace newsgraph::extract
