#include "parse.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "base/utf8.h"

namespace precis::html_internal {
namespace {

struct TagInfo {
  const char* name;
  uint32_t flags;
};

// Sorted by name for binary search.
constexpr TagInfo kTags[] = {
    {"a", 0},
    {"address", kBlockTag},
    {"area", kSkip},
    {"article", kBlockTag | kArticleTag},
    {"aside", kBlockTag | kBoilerTag},
    {"audio", kSkip},
    {"blockquote", kBlockTag | kQuote},
    {"body", kBlockTag},
    {"br", 0},
    {"button", kSkip},
    {"canvas", kSkip},
    {"caption", kBlockTag | kCaption},
    {"center", kBlockTag},
    {"dd", kBlockTag | kListItem},
    {"details", kBlockTag},
    {"dialog", kSkip},
    {"dir", kBlockTag},
    {"div", kBlockTag},
    {"dl", kBlockTag},
    {"dt", kBlockTag | kListItem},
    {"embed", kSkip},
    {"fieldset", kBlockTag},
    {"figcaption", kBlockTag | kCaption},
    {"figure", kBlockTag | kCaption},
    {"footer", kBlockTag | kBoilerTag},
    {"form", kBlockTag},
    {"frameset", kSkip},
    {"h1", kBlockTag | kTitle},
    {"h2", kBlockTag | kHeading},
    {"h3", kBlockTag | kHeading},
    {"h4", kBlockTag | kHeading},
    {"h5", kBlockTag | kHeading},
    {"h6", kBlockTag | kHeading},
    {"head", kSkip},
    {"header", kBlockTag | kNegHint},
    {"hgroup", kBlockTag},
    {"hr", kBlockTag},
    {"html", kBlockTag},
    {"iframe", kSkip},
    {"img", kSkip},
    {"input", kSkip},
    {"label", kSkip},
    {"legend", kBlockTag},
    {"li", kBlockTag | kListItem},
    {"main", kBlockTag | kMainTag},
    {"map", kSkip},
    {"math", kSkip},
    {"menu", kBlockTag | kBoilerTag},
    {"nav", kBlockTag | kBoilerTag},
    {"noscript", kSkip},
    {"object", kSkip},
    {"ol", kBlockTag},
    {"option", kSkip},
    {"p", kBlockTag | kParagraph},
    {"picture", kSkip},
    {"pre", kBlockTag | kPre},
    {"script", kSkip},
    {"section", kBlockTag},
    {"select", kSkip},
    {"style", kSkip},
    {"summary", kBlockTag},
    {"svg", kSkip},
    {"table", kBlockTag},
    {"tbody", kBlockTag},
    {"td", kBlockTag | kCell},
    {"template", kSkip},
    {"textarea", kSkip},
    {"tfoot", kBlockTag},
    {"th", kBlockTag | kCell},
    {"thead", kBlockTag},
    {"title", kSkip},
    {"tr", kBlockTag},
    {"ul", kBlockTag},
    {"video", kSkip},
};

uint32_t TagFlags(const char* name) {
  const TagInfo* end = kTags + sizeof(kTags) / sizeof(kTags[0]);
  const TagInfo* it = std::lower_bound(
      kTags, end, name, [](const TagInfo& t, const char* n) { return std::strcmp(t.name, n) < 0; });
  if (it != end && std::strcmp(it->name, name) == 0) return it->flags;
  return 0;
}

// Words in class and id values. Negative: boilerplate containers; strong:
// never article text even inside the article (comments, share bars).
// A word matches a hint when equal to it, or (hints of 4+ letters) when it
// starts with it: "comments" matches "comment"; strong hints match more
// narrowly (StrongHintMatches).
constexpr const char* kStrongNegHints[] = {
    "comment", "share", "sharing", "social", "cookie", "consent", "newsletter",
    "subscribe", "related", "recommend", "outbrain", "taboola", "disqus",
    "breadcrumb", "byline", "caption", "credit", "copyright", "sr",
    "popup", "modal", "rating", "tags", "tag", "tagged",
    "keywords", "author", "dateline", "timestamp", "published", "updated",
    "date", "meta", "infobox", "banner", "advert", "ad", "ads",
    "adsense", "sponsor", "promo", "signup", "login", "toolbar", "tools",
    "pagination", "pager", "visually", "screenreader", "skip",
    "shariff", "addthis", "follow", "feedback", "reactions", "jump",
};
constexpr const char* kNegHints[] = {
    "nav", "navbar", "navigation", "menu", "sidebar", "sidebox", "side",
    "footer", "foot", "header", "masthead", "topbar", "aside", "rail",
    "more", "also", "trending", "popular", "latest", "most", "links",
    "widget", "sitemap", "services", "legal", "contact", "search", "extra",
    "community", "teaser", "list", "box", "card", "slider", "carousel",
    "gallery", "video", "player", "marginal",
};
constexpr const char* kPosHints[] = {
    "article", "content", "entry", "post", "story", "text", "body", "main",
    "blog", "artikel", "beitrag", "inhalt", "fliesstext", "richtext",
    "copy", "prose", "hentry", "news", "single", "detail",
};

// Generated class names (CSS-in-JS, page builders: "style_1tcxgp3",
// "element-73c1fb0b") carry a token mixing letters and digits; their words
// are accidents ("tagStyle") and say nothing.
bool GeneratedName(const char* p) {
  int run = 0;
  bool digit = false, alpha = false;
  for (; *p && *p != ' ' && *p != '\t' && *p != '\n'; ++p) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (std::isalnum(c)) {
      ++run;
      digit |= std::isdigit(c) != 0;
      alpha |= std::isalpha(c) != 0;
      if (run >= 5 && digit && alpha) return true;
    } else {
      run = 0;
      digit = alpha = false;
    }
  }
  return false;
}

bool HintMatches(std::string_view word, const char* hint) {
  const size_t n = std::strlen(hint);
  if (word.size() == n) return word == hint;
  return n >= 4 && word.size() > n && word.substr(0, n) == hint;
}

template <size_t N>
bool AnyHint(std::string_view word, const char* const (&hints)[N]) {
  for (const char* h : hints) {
    if (HintMatches(word, h)) return true;
  }
  return false;
}

// A strong hint excludes a whole subtree, so it matches more narrowly: the
// word itself, its plural, the hint joined to a container word ("sharebar",
// "metadata"), or for hints of 6+ letters any word it starts ("recommended",
// "sponsored"). Shorter hints start other words: Drupal's "node--promoted",
// "jumplage".
bool StrongHintMatches(std::string_view word, std::string_view hint) {
  static constexpr std::string_view kContainers[] = {
      "s",    "es",   "bar",     "box",       "block", "data",   "link",    "links",   "list",
      "area", "wrap", "wrapper", "container", "panel", "button", "buttons", "icons",   "form",
      "info", "widget"};
  if (word.substr(0, hint.size()) != hint) return false;
  const std::string_view rest = word.substr(hint.size());
  return rest.empty() || hint.size() >= 6 ||
         std::find(std::begin(kContainers), std::end(kContainers), rest) != std::end(kContainers);
}

bool AnyStrongHint(std::string_view word) {
  for (const char* h : kStrongNegHints) {
    if (StrongHintMatches(word, h)) return true;
  }
  return false;
}

// Splits a class/id value into lowercase words at anything not a letter or
// digit, and at lowercase-to-uppercase steps ("articleBody" -> article body).
uint32_t HintFlags(const char* value) {
  uint32_t flags = 0;
  std::string word;
  bool negated = false;  // "no-print", "no-comments": the hint is off
  // After "--" in a class name: a BEM modifier ("teaser--ads",
  // "node--promoted") names a variant of the block, not what it holds, and
  // gives no negative hint.
  bool modifier = false;
  auto finish = [&] {
    if (word.empty()) return;
    if (negated || word.rfind("commentar", 0) == 0) {
      negated = false;
      word.clear();
      return;
    }
    if (word == "no" || word == "not" || word == "without" || word == "has" ||
        word == "with") {
      negated = true;
      word.clear();
      return;
    }
    if (modifier) {
      // No negative hint.
    } else if (AnyStrongHint(word)) {
      flags |= kStrongNeg | kNegHint;
    } else if (AnyHint(word, kNegHints)) {
      flags |= kNegHint;
    }
    if (AnyHint(word, kPosHints)) flags |= kPosHint;
    if (word == "articlebody" || word == "storybody") flags |= kBodyProp;
    word.clear();
  };
  char prev = 0;
  bool skip_name = false;  // inside a taxonomy class name such as "tag-foo"
  for (const char* p = value; *p; ++p) {
    const char c = *p;
    if (p == value || p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') {
      // WordPress and CMS post classes name the post's tags and categories:
      // "tag-sport", "category-news" say nothing about the element.
      skip_name = GeneratedName(p);
      for (const char* tax : {"tag-", "tags-", "category-", "cat-", "term-", "format-",
                              "status-", "type-", "postid-", "topic-"}) {
        if (std::strncmp(p, tax, std::strlen(tax)) == 0) skip_name = true;
      }
    }
    if (skip_name) {
      if (c == ' ' || c == '\t' || c == '\n') skip_name = modifier = false;
      finish();
      prev = c;
      continue;
    }
    if (std::isalnum(static_cast<unsigned char>(c))) {
      if (std::isupper(static_cast<unsigned char>(c)) &&
          std::islower(static_cast<unsigned char>(prev))) {
        finish();
      }
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      finish();
      if (c == '-' && p[1] == '-') modifier = true;
      if (c == ' ' || c == '\t' || c == '\n') modifier = false;
    }
    prev = c;
  }
  finish();
  // Both: "article-sidebar" is a sidebar, "post-share" a share bar; but
  // "main-content-footer" keeps its negative too. Negative wins.
  return flags;
}

// A class that shows an element from some screen size on: Bootstrap's
// "d-md-block", Tailwind's "lg:flex" (and "md:not-sr-only").
bool ResponsiveDisplay(std::string_view cls) {
  static constexpr std::string_view kSizes[] = {"sm", "md", "lg", "xl", "xxl", "2xl"};
  static constexpr std::string_view kDisplays[] = {
      "block", "flex", "inline", "inline-block", "inline-flex", "grid", "inline-grid",
      "table", "table-cell", "table-row", "contents", "not-sr-only"};
  std::string_view size, display;
  if (cls.substr(0, 2) == "d-") {
    cls.remove_prefix(2);
    const size_t dash = cls.find('-');
    if (dash == std::string_view::npos) return false;
    size = cls.substr(0, dash);
    display = cls.substr(dash + 1);
  } else {
    const size_t colon = cls.find(':');
    if (colon == std::string_view::npos) return false;
    size = cls.substr(0, colon);
    display = cls.substr(colon + 1);
  }
  return std::find(std::begin(kSizes), std::end(kSizes), size) != std::end(kSizes) &&
         std::find(std::begin(kDisplays), std::end(kDisplays), display) != std::end(kDisplays);
}

// Class names that hide an element at every screen size: not responsive
// ones such as "hidden-xs", nor "d-none d-md-block" or Tailwind's "hidden
// lg:flex", which show it on larger screens.
bool HiddenClass(const char* value) {
  // Bootstrap's and Tailwind's: a responsive display class undoes them.
  static constexpr std::string_view kUndoable[] = {"hidden", "d-none", "sr-only"};
  static constexpr std::string_view kHiddenClasses[] = {
      "is-hidden", "visually-hidden", "visuallyhidden", "screen-reader-text", "invisible",
      "hide", "u-hidden", "element-invisible", "offscreen", "show-for-sr", "a11y-hidden"};
  bool hidden = false, undoable = false, shown = false;
  const char* p = value;
  while (*p) {
    while (*p == ' ' || *p == '\t' || *p == '\n') ++p;
    const char* q = p;
    while (*q && *q != ' ' && *q != '\t' && *q != '\n') ++q;
    const std::string_view cls(p, static_cast<size_t>(q - p));
    hidden |= std::find(std::begin(kHiddenClasses), std::end(kHiddenClasses), cls) !=
              std::end(kHiddenClasses);
    undoable |=
        std::find(std::begin(kUndoable), std::end(kUndoable), cls) != std::end(kUndoable);
    shown |= ResponsiveDisplay(cls);
    p = q;
  }
  return hidden || (undoable && !shown);
}

bool Whitespace(int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0x0B ||
         cp == 0xA0 || cp == 0x85 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Invisible characters dropped from the text: soft hyphen, zero-width
// space and joiners, BOM.
bool Invisible(int32_t cp) {
  return cp == 0xAD || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0xFEFF ||
         cp == 0x2060;
}

bool Stop(int32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xFF01 ||
         cp == 0xFF1F || cp == 0x2026;
}

bool Comma(int32_t cp) {
  return cp == ',' || cp == ';' || cp == ':' || cp == 0xFF0C || cp == 0x3001;
}

// HTML5 reads a numeric reference to a C1 control as windows-1252 has that
// byte ("&#150;" is an en dash: what pages written in that charset meant);
// nullptr where windows-1252 has no character either.
const char* Windows1252C1(int32_t cp) {
  static constexpr const char* kC1[32] = {
      "\u20AC", nullptr,  "\u201A", "\u0192", "\u201E", "\u2026", "\u2020", "\u2021",
      "\u02C6", "\u2030", "\u0160", "\u2039", "\u0152", nullptr,  "\u017D", nullptr,
      nullptr,  "\u2018", "\u2019", "\u201C", "\u201D", "\u2022", "\u2013", "\u2014",
      "\u02DC", "\u2122", "\u0161", "\u203A", "\u0153", nullptr,  "\u017E", "\u0178"};
  return cp >= 0x80 && cp <= 0x9F ? kC1[cp - 0x80] : nullptr;
}

// The value of the numeric character reference ("&#150;", "&#x2014", ';'
// optional as HTML5 has it) that `s` starts with, capped at 0x110000, and its
// length in *len; -1 when `s` starts with none.
int64_t NumericReference(std::string_view s, size_t* len) {
  if (s.size() < 3 || s[0] != '&' || s[1] != '#') return -1;
  const bool hex = s[2] == 'x' || s[2] == 'X';
  size_t k = hex ? 3 : 2;
  const size_t first = k;
  int64_t v = 0;
  for (; k < s.size(); ++k) {
    const unsigned char c = static_cast<unsigned char>(s[k]);
    int digit;
    if (std::isdigit(c)) digit = c - '0';
    else if (hex && std::isxdigit(c)) digit = std::tolower(c) - 'a' + 10;
    else break;
    v = std::min<int64_t>(v * (hex ? 16 : 10) + digit, 0x110000);
  }
  if (k == first) return -1;
  if (k < s.size() && s[k] == ';') ++k;
  *len = k;
  return v;
}

// The code point a numeric reference of value `v` reads as (HTML5).
// A numeric reference HTML5 reads as U+FFFD: NUL, a surrogate, or past
// Unicode (libxml2 drops these).
bool ReadsAsReplacement(int64_t v) {
  return v == 0 || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF;
}

int32_t ReferencedCodePoint(int64_t v) {
  return ReadsAsReplacement(v) ? 0xFFFD : static_cast<int32_t>(v);
}

void AppendUtf8(int32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
    return;
  }
  char buf[4];
  int n = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  for (int k = n - 1; k > 0; --k, cp >>= 6) buf[k] = static_cast<char>(0x80 | (cp & 0x3F));
  buf[0] = static_cast<char>((n == 2 ? 0xC0 : n == 3 ? 0xE0 : 0xF0) | cp);
  out->append(buf, static_cast<size_t>(n));
}

bool StyleHides(const char* style) {
  std::string s;
  for (const char* p = style; *p; ++p) {
    if (*p != ' ' && *p != '\t' && *p != '\n') {
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(*p)));
    }
  }
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

std::string Lower(const char* s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

constexpr size_t kMaxDepth = 1000;

class Builder {
 public:
  Builder(std::string_view input, PageModel* model) : in_(input), m_(model) {}

  void set_ctxt(htmlParserCtxtPtr ctxt) { ctxt_ = ctxt; }

  void Start(const char* name, const char** atts) {
    const size_t pos = Pos();
    if (stack_.size() >= kMaxDepth) {
      // libxml2 walks its element stack on every tag: past this depth the
      // parse would turn quadratic. Real pages stay far below it.
      m_->too_deep = true;
      xmlStopParser(ctxt_);
      return;
    }
    EmitDroppedReferences(last_pos_, pos);
    FlushIf(TagFlags(name) & kBlockTag);
    ElementAt(pos);
    uint32_t flags = TagFlags(name);
    const bool is_html_or_body = !std::strcmp(name, "html") || !std::strcmp(name, "body");
    const char* type = nullptr;
    const char* href = nullptr;
    const char* rel = nullptr;
    const char* content = nullptr;
    const char* key = nullptr;  // meta name / property / itemprop
    const char* itemprop = nullptr;
    const char* datetime = nullptr;
    const char* lang = nullptr;
    for (const char** a = atts; a != nullptr && a[0] != nullptr; a += 2) {
      const char* k = a[0];
      const char* v = a[1] != nullptr ? a[1] : "";
      if (!std::strcmp(k, "class") || !std::strcmp(k, "id")) {
        if (!is_html_or_body) flags |= HintFlags(v);
        if (!std::strcmp(k, "class") && HiddenClass(v)) flags |= kHidden;
      } else if (!std::strcmp(k, "style")) {
        if (StyleHides(v)) flags |= kHidden;
      } else if (!std::strcmp(k, "hidden")) {
        flags |= kHidden;
      } else if (!std::strcmp(k, "aria-hidden")) {
        if (!std::strcmp(v, "true")) flags |= kHidden;
      } else if (!std::strcmp(k, "role")) {
        const std::string r = Lower(v);
        if (r == "navigation" || r == "banner" || r == "contentinfo" ||
            r == "complementary" || r == "menu" || r == "menubar" || r == "search" ||
            r == "dialog" || r == "alert") {
          flags |= kBoilerTag;
        } else if (r == "main") {
          flags |= kMainTag;
        } else if (r == "article") {
          flags |= kArticleTag;
        }
      } else if (!std::strcmp(k, "itemprop")) {
        itemprop = v;
        key = v;
        if (!std::strcmp(v, "articleBody") || !std::strcmp(v, "text")) flags |= kBodyProp;
      } else if (!std::strcmp(k, "itemtype")) {
        if (std::strstr(v, "Article") != nullptr || std::strstr(v, "BlogPosting") != nullptr) {
          flags |= kArticleTag;
        }
      } else if (!std::strcmp(k, "type")) {
        type = v;
      } else if (!std::strcmp(k, "href")) {
        href = v;
      } else if (!std::strcmp(k, "rel")) {
        rel = v;
      } else if (!std::strcmp(k, "content")) {
        content = v;
      } else if (!std::strcmp(k, "name") || !std::strcmp(k, "property") ||
                 !std::strcmp(k, "http-equiv")) {
        key = v;
      } else if (!std::strcmp(k, "datetime")) {
        datetime = v;
      } else if (!std::strcmp(k, "lang")) {
        lang = v;
      }
    }
    // The page says this is the article's text: no class name overrules it.
    if (itemprop != nullptr && !std::strcmp(itemprop, "articleBody")) {
      flags &= ~(kStrongNeg | kNegHint);
    }
    // Metadata.
    if (!std::strcmp(name, "meta")) {
      if (key != nullptr && content != nullptr && m_->meta.metas.size() < 512) {
        m_->meta.metas.emplace_back(Lower(key), content);
      }
    } else if (!std::strcmp(name, "link")) {
      if (rel != nullptr && href != nullptr && Lower(rel) == "canonical" &&
          m_->meta.canonical.empty()) {
        m_->meta.canonical = href;
      }
    } else if (!std::strcmp(name, "html")) {
      if (lang != nullptr && m_->meta.html_lang.empty()) m_->meta.html_lang = lang;
    } else if (!std::strcmp(name, "time")) {
      if (datetime != nullptr && m_->meta.time_datetime.empty()) {
        m_->meta.time_datetime = datetime;
      }
    } else if (!std::strcmp(name, "title")) {
      in_title_ = m_->meta.title.empty() && svg_depth_ == 0;
    } else if (!std::strcmp(name, "script")) {
      in_json_ld_ = type != nullptr && Lower(type) == "application/ld+json";
      if (in_json_ld_ && m_->meta.json_ld.size() < 32) m_->meta.json_ld.emplace_back();
    } else if (!std::strcmp(name, "svg")) {
      ++svg_depth_;
    }
    if (itemprop != nullptr) {
      if (!std::strcmp(itemprop, "datePublished") && m_->meta.itemprop_date.empty()) {
        if (datetime != nullptr) m_->meta.itemprop_date = datetime;
        else if (content != nullptr) m_->meta.itemprop_date = content;
      }
    }
    if (!std::strcmp(name, "a") && href != nullptr) flags |= kLink;
    if (!std::strcmp(name, "br")) {
      if (skip_ == 0) pending_ = std::max(pending_, 2);
      pending_pos_ = pos;
    }

#ifdef PRECIS_HTML_DEBUG
    if (debug_) {
      std::string d = name;
      for (const char** a = atts; a != nullptr && a[0] != nullptr; a += 2) {
        if (a[1] && (!std::strcmp(a[0], "class") || !std::strcmp(a[0], "id"))) {
          d += std::string(" ") + a[0] + "=" + a[1];
        }
      }
      m_->debug_names.push_back(d);
    }
#endif
    Node node;
    node.parent = stack_.empty() ? -1 : stack_.back();
    node.flags = flags;
    node.depth = static_cast<uint32_t>(stack_.size());
    node.block_begin = static_cast<uint32_t>(m_->blocks.size());
    stack_.push_back(static_cast<int32_t>(m_->nodes.size()));
    m_->nodes.push_back(node);
    if (flags & kBlockTag) block_stack_.push_back(stack_.back());
    // Hidden elements lose their text right here; hinted ones are judged by
    // the extractor as a whole.
    if (flags & (kSkip | kHidden)) ++skip_;
    if (flags & kLink) ++link_;
    if (!(flags & kBlockTag)) inline_flags_ |= flags & (kStrongNeg | kNegHint | kCaption);
  }

  void End(const char* name) {
    const size_t pos = Pos();
    if (stack_.empty() || m_->too_deep) return;
    const int32_t idx = stack_.back();
    Node& node = m_->nodes[idx];
    EmitDroppedReferences(last_pos_, pos);
    FlushIf(node.flags & kBlockTag);
    ElementAt(pos);
    node.block_end = static_cast<uint32_t>(m_->blocks.size());
    if (node.flags & (kSkip | kHidden)) --skip_;
    if (node.flags & kLink) --link_;
    if (node.flags & kBlockTag) block_stack_.pop_back();
    stack_.pop_back();
    if (!std::strcmp(name, "title")) in_title_ = false;
    if (!std::strcmp(name, "script")) in_json_ld_ = false;
    if (!std::strcmp(name, "svg") && svg_depth_ > 0) --svg_depth_;
  }

  void Characters(const char* ch, size_t len) {
    const size_t end = Pos();
    // Text that libxml2 read before the elements just reported, all at the
    // text's end: the elements were implied by the text (see ElementAt).
    const size_t begin = element_run_ && end == last_pos_ ? run_from_ : last_pos_;
    element_run_ = false;
    last_pos_ = end;
    if (in_title_) {
      if (m_->meta.title.size() < 4096) m_->meta.title.append(ch, len);
      return;
    }
    if (in_json_ld_) {
      if (!m_->meta.json_ld.empty() && m_->meta.json_ld.back().size() < (1u << 20)) {
        m_->meta.json_ld.back().append(ch, len);
      }
      return;
    }
    if (skip_ > 0 || block_stack_.empty()) return;
    AppendText(std::string_view(ch, len), EmitDroppedReferences(begin, end), end);
  }

  // A comment, doctype or processing instruction: text starts after it.
  void Other() {
    element_run_ = false;
    last_pos_ = Pos();
  }

  void Finish() {
    Flush();
    const uint32_t n = static_cast<uint32_t>(m_->blocks.size());
    for (int32_t idx : stack_) m_->nodes[idx].block_end = n;
    stack_.clear();
  }

 private:
  // Where the parser is in the input. At a start tag's callback it still
  // stands on the tag's '>': text starts after it.
  size_t Pos() const {
    const long p = xmlByteConsumed(ctxt_);
    if (p < 0) return last_pos_;
    size_t pos = std::min(static_cast<size_t>(p), in_.size());
    if (pos < in_.size() && in_[pos] == '>') ++pos;
    return pos;
  }

  // An element starts or ends at input position `pos`. Elements the parser
  // implies for text outside any element (html, body and p around bare
  // text, the end of head for text in it) are reported only once the parser
  // has read the text (or its first 1000 bytes), all at the text's end, and
  // the text follows at that same position: a run of element events at one
  // position keeps where it began, for such text (Characters).
  void ElementAt(size_t pos) {
    if (!element_run_ || pos != last_pos_) run_from_ = last_pos_;
    element_run_ = true;
    last_pos_ = pos;
  }

  // libxml2 drops a numeric reference to NUL, to a surrogate or past U+10FFFF
  // with no event; HTML5 reads each as U+FFFD, which keeps the text's words
  // apart. Emits those at input `from` (where the last event left off), up to
  // `to`, and returns where they end.
  size_t EmitDroppedReferences(size_t from, size_t to) {
    if (skip_ > 0 || block_stack_.empty()) return from;
    while (from < to) {
      size_t len = 0;
      const int64_t v = NumericReference(in_.substr(from, to - from), &len);
      if (v < 0 || !ReadsAsReplacement(v)) break;
      Emit(0xFFFD, "\xEF\xBF\xBD", from, from + len, false);
      from += len;
    }
    return from;
  }

  // Appends decoded text that the parser read from input [begin, end).
  // Plain runs are the input's bytes exactly (libxml2 hands character
  // references over one by one); anything else is walked alongside the
  // input.
  void AppendText(std::string_view d, size_t begin, size_t end) {
    if (end < begin) end = begin;
    if (end - begin >= d.size() && in_.substr(end - d.size(), d.size()) == d) {
      Walk(d, end - d.size(), end);
      return;
    }
    // After a failed reference ("&copyrrr" is no entity; "<&ht"), libxml2
    // reports the letters it looked ahead at as a chunk too short for them,
    // at or up to a few bytes past where they end: they are the plain run
    // just before, the nearest one.
    for (size_t early = 0; end - begin < d.size() && early <= 8 && early <= end; ++early) {
      const size_t e = end - early;
      if (e >= d.size() && in_.substr(e - d.size(), d.size()) == d) {
        Walk(d, e - d.size(), e);
        return;
      }
    }
    // libxml2's reported end of a chunk of text can fall a few bytes short
    // (seen: 1 byte on a German page, 3 on a Bengali one): look for the
    // plain run just past it before walking (a long run only: "<" decoded
    // from "&lt;" must not match the "<" of the next tag).
    for (size_t late = 1; d.size() >= 16 && late <= 8 && end + late <= in_.size(); ++late) {
      const size_t e = end + late;
      if (e - begin >= d.size() && in_.substr(e - d.size(), d.size()) == d) {
        Walk(d, e - d.size(), e);
        return;
      }
    }
    Walk(d, begin, end);
  }

  // Emits `d` code point by code point, matching it to input [i, end).
  void Walk(std::string_view d, size_t i, size_t end) {
    size_t j = 0;
    const bool exact = end - i == d.size() && in_.substr(i, d.size()) == d;
    if (!exact) {
      // Skip whitespace the parser dropped (blanks before the first text of
      // the page, after a doctype or comment: text outside any element).
      while (i < end && !d.empty() && !Whitespace(static_cast<unsigned char>(d[0])) &&
             (in_[i] == ' ' || in_[i] == '\t' || in_[i] == '\n' || in_[i] == '\r' ||
              in_[i] == '\f')) {
        ++i;
      }
      // Skip markup left before the text (the end of a tag). Unless the
      // text already starts here, it starts where its first plain bytes do,
      // the last place they occur with room for the rest after them (an
      // attribute before may hold the same words); failing that, at its
      // first byte if that is within 8.
      size_t k = 0;
      while (k < d.size() && k < 12 && d[k] != '&' && d[k] != '<' &&
             static_cast<unsigned char>(d[k]) >= 0x20) {
        ++k;
      }
      size_t at = std::string_view::npos;
      if (k >= 4 && end - i >= d.size() && in_.compare(i, k, d.substr(0, k)) != 0) {
        at = in_.substr(i, end - d.size() + k - i).rfind(d.substr(0, k));
      }
      if (at == std::string_view::npos) {
        at = in_.substr(i, end - i).find(d.substr(0, 1));
        if (at >= 8) at = std::string_view::npos;
      }
      if (at != std::string_view::npos) i += at;
    }
    while (j < d.size()) {
      size_t len = 1;
      const int32_t cp = DecodeUtf8(d, j, &len);
      // The parser drops C0 controls from text; so does the map.
      while (i < end && static_cast<unsigned char>(in_[i]) < 0x20 && in_[i] != '\t' &&
             in_[i] != '\n' && in_[i] != '\r' && in_[i] != '\f' &&
             static_cast<unsigned char>(d[j]) != static_cast<unsigned char>(in_[i])) {
        ++i;
      }
      size_t raw_begin = i, raw_end = i;
      size_t ref_end = i;  // a character reference "&...;" at i
      if (i < end && in_[i] == '&') {
        size_t k = i + 1;
        while (k < end && k - i < 40 &&
               (std::isalnum(static_cast<unsigned char>(in_[k])) || in_[k] == '#')) {
          ++k;
        }
        if (k > i + 1 && k < end && in_[k] == ';') ref_end = k + 1;
      }
      if (ref_end > i) {
        raw_end = ref_end;
      } else if (i < end && in_.substr(i, len) == d.substr(j, len)) {
        raw_end = i + len;
      } else if (i < end && in_[i] == '\r') {
        raw_end = i + 1;
        if (raw_end < end && in_[raw_end] == '\n') ++raw_end;
      } else if (i < end) {
        // A character reference or a repaired byte: take the input up to
        // where the text continues.
        raw_end = i + 1;
        if (in_[i] == '&') {
          size_t k = i + 1;
          while (k < end && k - i < 40 && (std::isalnum(static_cast<unsigned char>(in_[k])) || in_[k] == '#')) ++k;
          if (k < end && in_[k] == ';') ++k;
          raw_end = k;
        }
      }
      const bool linear =
          raw_end - raw_begin == len && in_.substr(raw_begin, len) == d.substr(j, len);
      const char* c1 = Windows1252C1(cp);
      if (c1 != nullptr && raw_end - raw_begin > 2 && in_.substr(raw_begin, 2) == "&#") {
        size_t c1_len = 0;
        Emit(DecodeUtf8(c1, 0, &c1_len), c1, raw_begin, raw_end, false);
      } else {
        Emit(cp, d.substr(j, len), raw_begin, raw_end, linear);
      }
      j += len;
      i = raw_end;
    }
  }

  void Emit(int32_t cp, std::string_view bytes, size_t raw_begin, size_t raw_end, bool linear) {
    if (Invisible(cp)) return;
    if (Whitespace(cp)) {
      if (pending_ == 0) pending_pos_ = raw_begin;
      pending_ = std::max(pending_, 1);
      return;
    }
    if (!open_) {
      open_ = true;
      owner_ = block_stack_.back();
      cur_ = Block();
      cur_.node = owner_;
      cur_.text_begin = static_cast<uint32_t>(m_->text.size());
      cur_.piece_begin = static_cast<uint32_t>(m_->pieces.size());
      inline_flags_ = 0;
      pending_ = 0;
      word_open_ = false;
    }
    if (pending_ > 0 && m_->text.size() > cur_.text_begin) {
      const uint32_t t = static_cast<uint32_t>(m_->text.size());
      m_->text += pending_ == 2 ? '\n' : ' ';
      const uint32_t p = static_cast<uint32_t>(std::min(pending_pos_, raw_begin));
      m_->pieces.push_back({t, t + 1, p, p, false});
      word_open_ = false;
    }
    pending_ = 0;
    const uint32_t t = static_cast<uint32_t>(m_->text.size());
    m_->text.append(bytes);
    const uint32_t pb = static_cast<uint32_t>(raw_begin), pe = static_cast<uint32_t>(raw_end);
    HtmlOffsetMap::Piece* last = m_->pieces.size() > cur_.piece_begin ? &m_->pieces.back() : nullptr;
    if (linear && last != nullptr && last->linear && last->text_end == t && last->page_end == pb) {
      last->text_end = t + static_cast<uint32_t>(bytes.size());
      last->page_end = pe;
    } else {
      m_->pieces.push_back({t, t + static_cast<uint32_t>(bytes.size()), pb, pe, linear});
    }
    // A CJK character carries about what two Latin letters do: weigh it so
    // that length thresholds mean the same in Chinese, Japanese and Korean.
    const uint32_t weight = (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
                                    (cp >= 0xF900 && cp <= 0xFAFF)
                                ? 2
                                : 1;
    cur_.chars += weight;
    if (link_ > 0) cur_.link_chars += weight;
    if (Stop(cp)) ++cur_.stops;
    if (Comma(cp)) ++cur_.commas;
    if (!word_open_) {
      ++cur_.words;
      word_open_ = true;
    }
  }

  void FlushIf(bool block) {
    if (block) Flush();
  }

  void Flush() {
    pending_ = 0;
    if (!open_) return;
    open_ = false;
    cur_.text_end = static_cast<uint32_t>(m_->text.size());
    cur_.piece_end = static_cast<uint32_t>(m_->pieces.size());
    cur_.inline_flags = inline_flags_;
    if (cur_.chars == 0) {
      m_->text.resize(cur_.text_begin);
      m_->pieces.resize(cur_.piece_begin);
      return;
    }
    m_->blocks.push_back(cur_);
  }

  std::string_view in_;
  PageModel* m_;
  htmlParserCtxtPtr ctxt_ = nullptr;
  std::vector<int32_t> stack_;
  std::vector<int32_t> block_stack_;
  size_t last_pos_ = 0;
  // The last events were elements reported at last_pos_, and where the
  // input stood before the first of them.
  bool element_run_ = false;
  size_t run_from_ = 0;
  int skip_ = 0;
  int link_ = 0;
  int svg_depth_ = 0;
  bool in_title_ = false;
  bool in_json_ld_ = false;
  // The block being built.
  bool open_ = false;
  int32_t owner_ = -1;
  Block cur_;
  uint32_t inline_flags_ = 0;
  int pending_ = 0;  // 1: a space is due before the next character; 2: a newline
  size_t pending_pos_ = 0;
  bool word_open_ = false;
#ifdef PRECIS_HTML_DEBUG
  bool debug_ = std::getenv("PRECIS_HTML_DEBUG") != nullptr;
#endif
};

Builder* B(void* ctx) {
  return static_cast<Builder*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

void OnStart(void* ctx, const xmlChar* name, const xmlChar** atts) {
  B(ctx)->Start(reinterpret_cast<const char*>(name), reinterpret_cast<const char**>(atts));
}
void OnEnd(void* ctx, const xmlChar* name) { B(ctx)->End(reinterpret_cast<const char*>(name)); }
void OnChars(void* ctx, const xmlChar* ch, int len) {
  if (len > 0) B(ctx)->Characters(reinterpret_cast<const char*>(ch), static_cast<size_t>(len));
}
void OnOther(void* ctx, const xmlChar*) { B(ctx)->Other(); }
void OnDoctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) { B(ctx)->Other(); }
void OnPi(void* ctx, const xmlChar*, const xmlChar*) { B(ctx)->Other(); }
void OnSilent(void*, const char*, ...) {}

}  // namespace

std::string DecodeReferences(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t len = 0;
    if (s[i] != '&') {
      out += s[i++];
    } else if (const int64_t v = NumericReference(s.substr(i), &len); v >= 0) {
      const int32_t cp = ReferencedCodePoint(v);
      if (const char* c1 = Windows1252C1(cp)) out += c1;
      else AppendUtf8(cp, &out);
      i += len;
    } else {
      // A named reference, its ';' required: "AT&T" stays as it is.
      size_t k = i + 1;
      while (k < s.size() && k - i <= 32 && std::isalnum(static_cast<unsigned char>(s[k]))) ++k;
      const htmlEntityDesc* e =
          k < s.size() && s[k] == ';' && k > i + 1
              ? htmlEntityLookup(reinterpret_cast<const xmlChar*>(
                    std::string(s.substr(i + 1, k - i - 1)).c_str()))
              : nullptr;
      if (e != nullptr) {
        AppendUtf8(static_cast<int32_t>(e->value), &out);
        i = k + 1;
      } else {
        out += s[i++];
      }
    }
  }
  return out;
}

void ParsePage(std::string_view utf8, PageModel* model) {
  model->nodes.reserve(utf8.size() / 64);
  model->text.reserve(utf8.size() / 8);
  Builder builder(utf8, model);
  if (utf8.size() > static_cast<size_t>(INT32_MAX)) return;
  htmlParserCtxtPtr ctxt =
      htmlCreateMemoryParserCtxt(utf8.data(), static_cast<int>(utf8.size()));
  if (ctxt == nullptr) return;
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof(sax));
  sax.startElement = OnStart;
  sax.endElement = OnEnd;
  sax.characters = OnChars;
  sax.ignorableWhitespace = OnChars;
  sax.cdataBlock = OnChars;
  sax.comment = OnOther;
  // Reported only so that text after them does not start before them.
  sax.internalSubset = OnDoctype;
  sax.processingInstruction = OnPi;
  sax.warning = OnSilent;
  sax.error = OnSilent;
  std::memcpy(ctxt->sax, &sax, sizeof(sax));
  ctxt->userData = ctxt;
  ctxt->_private = &builder;
  builder.set_ctxt(ctxt);
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                               HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  builder.Finish();
  htmlFreeParserCtxt(ctxt);
}

}  // namespace precis::html_internal
