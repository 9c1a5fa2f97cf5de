#include "charset.h"

#include <errno.h>
#include <iconv.h>

#include <algorithm>
#include <cctype>

#include "base/utf8.h"

namespace precis::html_internal {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool HasMultibyteUtf8(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Encodings in which bytes < 0x80 are always ASCII, so those bytes can be
// copied without asking iconv.
bool AsciiCompatible(std::string_view charset) {
  return charset.find("UTF-16") == std::string_view::npos &&
         charset.find("UTF-32") == std::string_view::npos &&
         charset.find("2022") == std::string_view::npos &&
         charset.find("UTF-7") == std::string_view::npos;
}

void AppendReplacement(DecodedPage& d, uint32_t page_offset) {
  d.owned += "\xEF\xBF\xBD";
  for (int k = 0; k < 3; ++k) d.page_of_utf8.push_back(page_offset);
}

// UTF-8 with invalid bytes and NULs replaced by U+FFFD; `skip` leading bytes
// (a BOM) are left out.
void RepairUtf8(std::string_view page, size_t skip, DecodedPage& d) {
  d.owned.reserve(page.size());
  d.page_of_utf8.reserve(page.size() + 1);
  size_t i = skip;
  while (i < page.size()) {
    size_t len = 1;
    const unsigned char c = static_cast<unsigned char>(page[i]);
    if (c != 0 && c < 0x80) {
      d.owned += page[i];
      d.page_of_utf8.push_back(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    const int32_t cp = DecodeUtf8(page, i, &len);
    if (c == 0 || (cp == 0xFFFD && !(len == 3 && page.substr(i, 3) == "\xEF\xBF\xBD"))) {
      AppendReplacement(d, static_cast<uint32_t>(i));
      i += std::max<size_t>(len, 1);
      continue;
    }
    for (size_t k = 0; k < len; ++k) {
      d.owned += page[i + k];
      d.page_of_utf8.push_back(static_cast<uint32_t>(i));
    }
    i += len;
  }
  d.page_of_utf8.push_back(static_cast<uint32_t>(page.size()));
}

// Converts character by character so that every output byte knows its
// source: iconv is given 1, 2, 3, 4 bytes until one character converts.
bool Convert(std::string_view page, size_t skip, const std::string& charset,
             DecodedPage& d) {
  iconv_t cd = iconv_open("UTF-8", charset.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  const bool ascii = AsciiCompatible(charset);
  d.owned.reserve(page.size() + page.size() / 4);
  d.page_of_utf8.reserve(page.size() + page.size() / 4 + 1);
  size_t i = skip;
  char out[32];
  while (i < page.size()) {
    const unsigned char c = static_cast<unsigned char>(page[i]);
    if (ascii && c < 0x80 && c != 0) {
      d.owned += page[i];
      d.page_of_utf8.push_back(static_cast<uint32_t>(i));
      ++i;
      continue;
    }
    bool done = false;
    for (size_t n = 1; n <= 4 && i + n <= page.size(); ++n) {
      char* in = const_cast<char*>(page.data() + i);
      size_t in_left = n;
      char* o = out;
      size_t out_left = sizeof(out);
      const size_t r = iconv(cd, &in, &in_left, &o, &out_left);
      if (r != static_cast<size_t>(-1) && in_left == 0) {
        const size_t produced = sizeof(out) - out_left;
        for (size_t k = 0; k < produced; ++k) {
          // NUL never reaches the parser; it reads as it does in UTF-8.
          if (out[k] == 0) {
            AppendReplacement(d, static_cast<uint32_t>(i));
            continue;
          }
          d.owned += out[k];
          d.page_of_utf8.push_back(static_cast<uint32_t>(i));
        }
        i += n;
        done = true;
        break;
      }
      if (errno != EINVAL) break;
    }
    if (!done) {
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
      AppendReplacement(d, static_cast<uint32_t>(i));
      ++i;
    }
  }
  d.page_of_utf8.push_back(static_cast<uint32_t>(page.size()));
  iconv_close(cd);
  return true;
}

}  // namespace

std::string NormalizeCharset(std::string_view label) {
  std::string l = Lower(label);
  if (l == "utf-8" || l == "utf8" || l == "unicode-1-1-utf-8" || l == "x-unicode20utf8" ||
      l == "utf-16" || l == "unicode") {
    // A meta tag can only be read if the page is ASCII-compatible: a
    // declared UTF-16 means UTF-8 (HTML standard, "prescan").
    return "UTF-8";
  }
  if (l == "iso-8859-1" || l == "iso8859-1" || l == "latin1" || l == "l1" ||
      l == "us-ascii" || l == "ascii" || l == "windows-1252" || l == "cp1252" ||
      l == "x-cp1252" || l == "iso_8859-1" || l == "cp819" || l == "ibm819") {
    return "WINDOWS-1252";
  }
  if (l == "gb2312" || l == "gbk" || l == "gb_2312-80" || l == "x-gbk" || l == "cp936" ||
      l == "chinese" || l == "csgb2312" || l == "gb18030") {
    return "GB18030";
  }
  if (l == "shift_jis" || l == "shift-jis" || l == "sjis" || l == "x-sjis" ||
      l == "ms_kanji" || l == "windows-31j" || l == "cp932" || l == "csshiftjis") {
    return "CP932";
  }
  if (l == "euc-kr" || l == "ks_c_5601-1987" || l == "cp949" || l == "windows-949") {
    return "CP949";
  }
  if (l == "iso-8859-9" || l == "latin5") return "WINDOWS-1254";
  if (l == "tis-620" || l == "iso-8859-11") return "CP874";
  std::string up = std::move(l);
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return up;
}

std::string SniffMetaCharset(std::string_view head) {
  const std::string h = Lower(head);
  size_t pos = 0;
  while ((pos = h.find("<meta", pos)) != std::string::npos) {
    const size_t close = h.find('>', pos);
    const std::string_view tag = std::string_view(h).substr(
        pos, close == std::string::npos ? std::string::npos : close - pos);
    pos += 5;
    const size_t cs = tag.find("charset");
    if (cs == std::string_view::npos) continue;
    size_t i = cs + 7;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    size_t j = i;
    while (j < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[j])) ||
                              tag[j] == '-' || tag[j] == '_' || tag[j] == ':' ||
                              tag[j] == '.')) {
      ++j;
    }
    if (j > i) return std::string(tag.substr(i, j - i));
  }
  return "";
}

DecodedPage DecodePage(std::string_view page, bool decoded) {
  DecodedPage d;
  size_t skip = 0;
  std::string charset;
  if (decoded || page.substr(0, 3) == "\xEF\xBB\xBF") {
    charset = "UTF-8";
    skip = page.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  } else if (page.substr(0, 2) == "\xFF\xFE") {
    charset = "UTF-16LE";
    skip = 2;
  } else if (page.substr(0, 2) == "\xFE\xFF") {
    charset = "UTF-16BE";
    skip = 2;
  } else {
    const std::string declared = SniffMetaCharset(page.substr(0, 8192));
    charset = declared.empty() ? "" : NormalizeCharset(declared);
  }
  const bool valid_utf8 = skip == 0 ? FindInvalidUtf8(page) == kValidUtf8
                                    : FindInvalidUtf8(page.substr(skip)) == kValidUtf8;
  if (charset.empty()) {
    charset = valid_utf8 ? "UTF-8" : "WINDOWS-1252";
  } else if (charset == "WINDOWS-1252" && valid_utf8 && HasMultibyteUtf8(page)) {
    charset = "UTF-8";
  }
  d.charset = charset;
  // libxml2 drops a form feed (it is no XML character), which joins the
  // words on either side; HTML5 reads it as whitespace. The copy parsed has
  // a space there instead, byte for byte, so every offset stays.
  const auto form_feeds_to_spaces = [&d] {
    std::replace(d.owned.begin(), d.owned.end(), '\f', ' ');
  };
  if (charset == "UTF-8") {
    if (skip == 0 && valid_utf8 && FindNul(page) == kValidUtf8 &&
        page.find('\f') == std::string_view::npos) {
      d.utf8 = page;
      return d;
    }
    RepairUtf8(page, skip, d);
    form_feeds_to_spaces();
    d.utf8 = d.owned;
    return d;
  }
  if (!Convert(page, skip, charset, d)) {
    d.warning = "unknown charset '" + charset + "', read as windows-1252";
    d.charset = "WINDOWS-1252";
    d.owned.clear();
    d.page_of_utf8.clear();
    Convert(page, skip, d.charset, d);
  }
  form_feeds_to_spaces();
  d.utf8 = d.owned;
  return d;
}

}  // namespace precis::html_internal
