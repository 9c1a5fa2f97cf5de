#include "metadata.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

namespace precis::html_internal {
namespace {

using nlohmann::json;

// Whether `type` (a @type: a string or an array of them) has a name that
// `is` accepts.
template <typename Pred>
bool HasType(const json& type, Pred is) {
  auto one = [&](const json& t) { return t.is_string() && is(t.get_ref<const std::string&>()); };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

bool IsArticleType(const json& type) {
  return HasType(type, [](const std::string& s) {
    return s.find("Article") != std::string::npos || s == "BlogPosting" || s == "Report" ||
           s == "LiveBlogPosting";
  });
}

bool IsWebPageType(const json& type) {
  return HasType(type, [](const std::string& s) { return s == "WebPage"; });
}

std::string StringOf(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end() && it->is_string()) return it->get<std::string>();
    it = v.find("@id");
    if (it != v.end() && it->is_string()) return it->get<std::string>();
  }
  if (v.is_array() && !v.empty()) return StringOf(v[0]);
  return "";
}

std::string Authors(const json& v) {
  std::string out;
  auto add = [&](const json& a) {
    std::string name = a.is_string() ? a.get<std::string>() : "";
    if (a.is_object()) {
      auto it = a.find("name");
      if (it != a.end() && it->is_string()) name = it->get<std::string>();
    }
    name = CollapseSpaces(DecodeReferences(name));
    if (name.empty() || name.find("://") != std::string::npos) return;
    if (!out.empty()) out += ", ";
    out += name;
  };
  if (v.is_array()) {
    for (const json& a : v) add(a);
  } else {
    add(v);
  }
  return out;
}

// The first object whose @type `is_type` accepts, depth-first, through
// @graph and arrays.
const json* FindTyped(const json& j, bool (*is_type)(const json&), int depth) {
  if (depth > 16) return nullptr;
  if (j.is_object()) {
    auto t = j.find("@type");
    if (t != j.end() && is_type(*t)) return &j;
    for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage"}) {
      auto it = j.find(key);
      if (it != j.end()) {
        if (const json* r = FindTyped(*it, is_type, depth + 1)) return r;
      }
    }
  } else if (j.is_array()) {
    for (const json& e : j) {
      if (const json* r = FindTyped(e, is_type, depth + 1)) return r;
    }
  }
  return nullptr;
}

// Raw control characters (a line break pasted into a headline) are invalid
// inside JSON strings and fail the strict parse; as spaces they are harmless
// inside strings and out.
json ParseJsonLd(std::string_view text) {
  auto control = [](char c) { return static_cast<unsigned char>(c) < 0x20; };
  if (std::none_of(text.begin(), text.end(), control)) {
    return json::parse(text, nullptr, /*allow_exceptions=*/false);
  }
  std::string clean(text);
  std::replace_if(clean.begin(), clean.end(), control, ' ');
  return json::parse(clean, nullptr, /*allow_exceptions=*/false);
}

int MaxNesting(std::string_view s) {
  int depth = 0, max_depth = 0;
  for (char c : s) {
    if (c == '[' || c == '{') max_depth = std::max(max_depth, ++depth);
    else if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  return max_depth;
}

const std::string* Meta(const RawMeta& raw, std::string_view key) {
  for (const auto& [k, v] : raw.metas) {
    if (k == key && !v.empty()) return &v;
  }
  return nullptr;
}

}  // namespace

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string NormalizeDate(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  s.remove_prefix(i);
  auto digits = [&](size_t at, size_t n) {
    if (at + n > s.size()) return -1;
    int v = 0;
    for (size_t k = at; k < at + n; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(s[k]))) return -1;
      v = v * 10 + (s[k] - '0');
    }
    return v;
  };
  int y = digits(0, 4), m = -1, d = -1;
  if (y < 0) return "";
  if (s.size() >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
    m = digits(5, 2);
    d = digits(8, 2);
  } else if (s.size() >= 8 && digits(4, 4) >= 0) {
    m = digits(4, 2);
    d = digits(6, 2);
  }
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return "";
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

MetadataResult ReadMetadata(const RawMeta& raw) {
  MetadataResult r;
  HtmlMetadata& m = r.meta;
  std::string ld_url;
  std::string page_date;  // a WebPage's, for when no article gives one
  for (const std::string& text : raw.json_ld) {
    if (MaxNesting(text) > 64) continue;
    const json j = ParseJsonLd(text);
    if (j.is_discarded()) continue;
    // Yoast's @graph often holds a WebPage and no article: its date is the
    // article's.
    if (const json* page = FindTyped(j, IsWebPageType, 0); page && page_date.empty()) {
      auto it = page->find("datePublished");
      if (it != page->end()) page_date = NormalizeDate(StringOf(*it));
    }
    const json* a = FindTyped(j, IsArticleType, 0);
    if (a == nullptr) continue;
    auto get = [&](const char* key) -> std::string {
      auto it = a->find(key);
      return it == a->end() ? "" : StringOf(*it);
    };
    if (m.title.empty()) m.title = CollapseSpaces(DecodeReferences(get("headline")));
    if (m.date.empty()) m.date = NormalizeDate(get("datePublished"));
    if (m.date.empty()) m.date = NormalizeDate(get("dateCreated"));
    if (m.byline.empty()) {
      auto it = a->find("author");
      if (it != a->end()) m.byline = Authors(*it);
    }
    if (m.lang.empty()) m.lang = get("inLanguage");
    if (ld_url.empty()) {
      std::string u = get("url");
      if (u.rfind("http", 0) == 0) ld_url = u;
    }
    if (m.site_name.empty()) {
      auto it = a->find("publisher");
      if (it != a->end()) m.site_name = CollapseSpaces(DecodeReferences(StringOf(*it)));
    }
    if (r.article_body.empty()) r.article_body = get("articleBody");
    break;
  }
  auto first = [&](std::initializer_list<const char*> keys) -> std::string {
    for (const char* k : keys) {
      if (const std::string* v = Meta(raw, k)) return *v;
    }
    return "";
  };
  if (m.title.empty()) m.title = CollapseSpaces(first({"og:title", "twitter:title", "dc.title"}));
  if (m.title.empty()) m.title = CollapseSpaces(raw.title);
  if (m.date.empty()) {
    for (const std::string& s :
         {first({"article:published_time", "og:article:published_time",
                 "article.published", "published_time", "publishdate", "publish-date",
                 "pubdate", "date", "dc.date", "dc.date.issued", "dcterms.date",
                 "dcterms.created", "citation_publication_date", "citation_date",
                 "sailthru.date", "parsely-pub-date", "originalpublicationdate",
                 "datepublished"}),
          page_date, raw.itemprop_date, raw.time_datetime}) {
      m.date = NormalizeDate(s);
      if (!m.date.empty()) break;
    }
  }
  if (m.byline.empty()) {
    std::string a = first({"author", "article:author", "parsely-author", "sailthru.author",
                           "dc.creator", "byl"});
    if (a.find("://") == std::string::npos) m.byline = CollapseSpaces(a);
  }
  if (m.lang.empty()) m.lang = CollapseSpaces(raw.html_lang);
  if (m.lang.empty()) {
    std::string l = first({"og:locale", "content-language", "language", "dc.language"});
    for (char& c : l) {
      if (c == '_') c = '-';
    }
    m.lang = CollapseSpaces(l);
  }
  if (m.url.empty()) m.url = CollapseSpaces(raw.canonical);
  if (m.url.empty()) m.url = CollapseSpaces(first({"og:url"}));
  if (m.url.empty()) m.url = ld_url;
  if (m.site_name.empty()) m.site_name = CollapseSpaces(first({"og:site_name", "application-name"}));
  return r;
}

}  // namespace precis::html_internal
