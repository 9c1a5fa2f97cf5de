#include "eval/config.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <deque>
#include <filesystem>
#include <map>
#include <sstream>

#include "base/utf8.h"

namespace precis::rouge {
namespace {

struct XmlNode {
  enum Kind { kElement, kText, kOther } kind = kElement;
  std::string name;  // element name
  std::vector<std::pair<std::string, std::string>> attrs;
  std::string text;  // kText: decoded character data
  std::vector<XmlNode> children;

  const std::string* Attr(std::string_view key) const {
    for (const auto& [k, v] : attrs) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

class XmlReader {
 public:
  XmlReader(std::string_view s, const std::string& name) : s_(s), name_(name) {}

  Result<XmlNode> ReadDocument() {
    XmlNode doc;
    doc.kind = XmlNode::kOther;
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3;
    if (Status st = ReadContent(doc, ""); !st.ok()) return st;
    return doc;
  }

 private:
  Status Error(const std::string& what) const {
    size_t line = 1;
    for (size_t k = 0; k < i_ && k < s_.size(); ++k) line += s_[k] == '\n';
    return Status::InvalidInput(name_ + ":" + std::to_string(line) +
                                ": unreadable ROUGE config: " + what);
  }
  bool At(std::string_view lit) const { return s_.substr(i_, lit.size()) == lit; }
  bool Skip(std::string_view until) {  // past the next `until`
    const size_t end = s_.find(until, i_);
    if (end == std::string_view::npos) return false;
    i_ = end + until.size();
    return true;
  }
  static bool NameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.' || c == ':' || (unsigned char)c >= 0x80;
  }
  void SkipSpace() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }
  std::string Name() {
    const size_t start = i_;
    while (i_ < s_.size() && NameChar(s_[i_])) ++i_;
    return std::string(s_.substr(start, i_ - start));
  }

  Status Decode(std::string_view raw, std::string& out) {
    for (size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] != '&') {
        out += raw[k];
        continue;
      }
      const size_t semi = raw.find(';', k);
      if (semi == std::string_view::npos) return Error("'&' without ';'");
      const std::string_view ent = raw.substr(k + 1, semi - k - 1);
      if (ent == "lt") out += '<';
      else if (ent == "gt") out += '>';
      else if (ent == "amp") out += '&';
      else if (ent == "quot") out += '"';
      else if (ent == "apos") out += '\'';
      else if (!ent.empty() && ent[0] == '#') {
        const bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
        const std::string digits(ent.substr(hex ? 2 : 1));
        char* end = nullptr;
        const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
        if (digits.empty() || *end != '\0' || cp == 0 || cp > 0x10FFFF) {
          return Error("bad character reference &" + std::string(ent) + ";");
        }
        // UTF-8 encode.
        if (cp < 0x80) {
          out += char(cp);
        } else if (cp < 0x800) {
          out += char(0xC0 | cp >> 6);
          out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
          out += char(0xE0 | cp >> 12);
          out += char(0x80 | (cp >> 6 & 0x3F));
          out += char(0x80 | (cp & 0x3F));
        } else {
          out += char(0xF0 | cp >> 18);
          out += char(0x80 | (cp >> 12 & 0x3F));
          out += char(0x80 | (cp >> 6 & 0x3F));
          out += char(0x80 | (cp & 0x3F));
        }
      } else {
        return Error("unknown entity &" + std::string(ent) + ";");
      }
      k = semi;
    }
    return Status::Ok();
  }

  static void AddText(XmlNode& parent, std::string text) {
    if (!parent.children.empty() && parent.children.back().kind == XmlNode::kText) {
      parent.children.back().text += text;
    } else {
      XmlNode n;
      n.kind = XmlNode::kText;
      n.text = std::move(text);
      parent.children.push_back(std::move(n));
    }
  }

  // ROUGE configs nest four elements deep; the bound keeps a hostile file
  // from exhausting the stack (each level is a call).
  static constexpr int kMaxDepth = 256;

  // Reads children into `parent`, `depth` elements deep, until `</close>`
  // (or the end, for "").
  Status ReadContent(XmlNode& parent, const std::string& close, int depth = 0) {
    if (depth > kMaxDepth) {
      return Error("elements nested more than " + std::to_string(kMaxDepth) + " deep");
    }
    while (i_ < s_.size()) {
      if (At("<!--")) {
        if (!Skip("-->")) return Error("unterminated comment");
        XmlNode n;
        n.kind = XmlNode::kOther;  // splits text nodes, as in a DOM
        parent.children.push_back(std::move(n));
      } else if (At("<![CDATA[")) {
        // The script's XML::DOM reads a CDATA section as text, joined to
        // the text around it: its bytes as they are, no entities.
        const size_t start = i_ + 9;
        if (!Skip("]]>")) return Error("unterminated CDATA section");
        AddText(parent, std::string(s_.substr(start, i_ - 3 - start)));
      } else if (At("<?")) {
        if (!Skip("?>")) return Error("unterminated processing instruction");
        XmlNode n;
        n.kind = XmlNode::kOther;  // a node of its own: splits text, as a comment does
        parent.children.push_back(std::move(n));
      } else if (At("<!")) {
        if (!Skip(">")) return Error("unterminated declaration");
      } else if (At("</")) {
        i_ += 2;
        const std::string name = Name();
        SkipSpace();
        if (!At(">")) return Error("malformed end tag </" + name);
        ++i_;
        if (name != close) {
          return Error("end tag </" + name + "> does not close <" +
                       (close.empty() ? std::string("(nothing)") : close) + ">");
        }
        return Status::Ok();
      } else if (At("<")) {
        ++i_;
        XmlNode el;
        el.name = Name();
        if (el.name.empty()) return Error("malformed tag");
        while (true) {
          SkipSpace();
          if (At("/>") || At(">")) break;
          std::string key = Name();
          if (key.empty()) return Error("malformed attribute in <" + el.name + ">");
          SkipSpace();
          if (!At("=")) return Error("attribute " + key + " without a value");
          ++i_;
          SkipSpace();
          if (i_ >= s_.size() || (s_[i_] != '"' && s_[i_] != '\'')) {
            return Error("unquoted value of attribute " + key);
          }
          const char q = s_[i_++];
          const size_t end = s_.find(q, i_);
          if (end == std::string_view::npos) return Error("unterminated attribute value");
          // XML normalizes a literal tab, CR or line feed in a value (a CR LF
          // pair too) to one space; a character reference to one stays.
          std::string raw(s_.substr(i_, end - i_));
          std::string spaced;
          for (size_t k = 0; k < raw.size(); ++k) {
            const char c = raw[k];
            if (c == '\r' && k + 1 < raw.size() && raw[k + 1] == '\n') continue;
            spaced += c == '\t' || c == '\n' || c == '\r' ? ' ' : c;
          }
          std::string value;
          if (Status st = Decode(spaced, value); !st.ok()) return st;
          i_ = end + 1;
          el.attrs.emplace_back(std::move(key), std::move(value));
        }
        if (At("/>")) {
          i_ += 2;
        } else {
          ++i_;
          if (Status st = ReadContent(el, el.name, depth + 1); !st.ok()) return st;
        }
        parent.children.push_back(std::move(el));
      } else {
        const size_t end = std::min(s_.find('<', i_), s_.size());
        std::string text;
        if (Status st = Decode(s_.substr(i_, end - i_), text); !st.ok()) return st;
        i_ = end;
        AddText(parent, std::move(text));
      }
    }
    if (!close.empty()) return Error("<" + close + "> is never closed");
    return Status::Ok();
  }

  std::string_view s_;
  const std::string& name_;
  size_t i_ = 0;
};

bool NameIs(const XmlNode& n, std::string_view want) {
  if (n.kind != XmlNode::kElement || n.name.size() != want.size()) return false;
  for (size_t k = 0; k < want.size(); ++k) {
    if (std::toupper((unsigned char)n.name[k]) != want[k]) return false;
  }
  return true;
}

// Perl's \s on the parser's character strings: ASCII blanks and Unicode's
// spaces (NEL, NBSP, U+1680, U+2000..U+200A, U+2028/9, U+202F, U+205F,
// U+3000), which the script trims off file names and roots.
bool PerlSpace(uint32_t cp) {
  return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0 ||
         cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Bytes that are not UTF-8 decode as U+FFFD: no space.
std::string Strip(std::string s) {
  size_t b = 0, e = s.size(), len = 0;
  while (b < e && PerlSpace(uint32_t(DecodeUtf8(s, b, &len)))) b += len;
  while (e > b) {  // the last code point starts at the last byte that is no continuation
    size_t start = e - 1;
    while (start > b && e - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80) --start;
    if (!PerlSpace(uint32_t(DecodeUtf8(s, start, &len))) || start + len != e) break;
    e = start;
  }
  return s.substr(b, e - b);
}

class Walker {
 public:
  explicit Walker(const std::string& name) : name_(name) {}
  std::deque<ConfigEval> evals;  // stable addresses while walking

  Status Walk(const XmlNode& node, ConfigEval* eval) {
    if (node.kind == XmlNode::kText) return Status::Ok();
    if (NameIs(node, "EVAL")) {
      const std::string* id = node.Attr("ID");
      if (id == nullptr) return Status::InvalidInput(name_ + ": <EVAL> without an ID");
      const auto it = index_.find(*id);
      size_t k;
      if (it == index_.end()) {
        k = evals.size();
        index_[*id] = k;
        evals.push_back({});
        evals.back().id = *id;
      } else {
        k = it->second;
      }
      for (const XmlNode& c : node.children) {
        if (Status s = Walk(c, &evals[k]); !s.ok()) return s;
      }
      return Status::Ok();
    }
    const bool in_eval_tag = NameIs(node, "INPUT-FORMAT") || NameIs(node, "PEER-ROOT") ||
                             NameIs(node, "MODEL-ROOT") || NameIs(node, "PEERS") ||
                             NameIs(node, "MODELS");
    if (in_eval_tag && eval == nullptr) {
      return Status::InvalidInput(name_ + ": <" + node.name + "> outside an <EVAL>");
    }
    if (NameIs(node, "INPUT-FORMAT")) {
      const std::string* type = node.Attr("TYPE");
      std::string t = type ? *type : "";
      for (char& c : t) c = char(std::toupper((unsigned char)c));
      if (t != "SEE" && t != "ISI" && t != "SPL" && t != "SIMPLE") {
        return Status::InvalidInput(name_ + ": unknown input type: " + (type ? *type : ""));
      }
      eval->format = t;
    } else if (NameIs(node, "PEER-ROOT") || NameIs(node, "MODEL-ROOT")) {
      for (const XmlNode& c : node.children) {
        if (c.kind != XmlNode::kText) continue;
        (NameIs(node, "PEER-ROOT") ? eval->peer_root : eval->model_root) = Strip(c.text);
      }
    } else if (NameIs(node, "PEERS") || NameIs(node, "MODELS")) {
      const bool peers = NameIs(node, "PEERS");
      for (const XmlNode& c : node.children) {
        if (!NameIs(c, peers ? "P" : "M")) continue;
        const std::string* id = c.Attr("ID");
        if (id == nullptr) {
          return Status::InvalidInput(name_ + ": <" + c.name + "> without an ID in eval " + eval->id);
        }
        if (!peers) eval->model_ids.push_back(*id);
        const bool has_text = std::any_of(c.children.begin(), c.children.end(),
                                          [](const XmlNode& g) { return g.kind == XmlNode::kText; });
        if (peers && !has_text) eval->fileless_peers.push_back(*id);
        for (const XmlNode& g : c.children) {
          if (g.kind != XmlNode::kText) continue;
          auto& list = peers ? eval->peers : eval->models;
          const std::string file = Strip(g.text);
          bool found = false;
          for (auto& [k, v] : list) {
            if (k == *id) v = file, found = true;
          }
          if (!found) list.emplace_back(*id, file);
        }
      }
    } else {
      for (const XmlNode& c : node.children) {
        if (Status s = Walk(c, eval); !s.ok()) return s;
      }
    }
    return Status::Ok();
  }

 private:
  const std::string& name_;
  std::map<std::string, size_t> index_;
};

}  // namespace

Result<std::vector<ConfigEval>> ParseConfig(std::string_view xml, const std::string& name) {
  XmlReader reader(xml, name);
  Result<XmlNode> doc = reader.ReadDocument();
  if (!doc.ok()) return doc.status();
  Walker walker(name);
  if (Status s = walker.Walk(*doc, nullptr); !s.ok()) return s;
  return std::vector<ConfigEval>(walker.evals.begin(), walker.evals.end());
}

Result<std::string> ReadInputFile(const std::string& path, const char* what, bool nul_ok) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidInput(path + ": is a folder, not the " + std::string(what) + " file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::NotFound(path + ": cannot open " + what + " (" + std::strerror(errno) + ")");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Status::IoError(path + ": cannot read " + what);
  std::string bytes = buf.str();
  // Text in any encoding is read as bytes, but a NUL means binary data: say
  // so rather than quote it.
  if (const size_t nul = bytes.find('\0'); !nul_ok && nul != std::string::npos) {
    return Status::InvalidInput(path + ": NUL byte at byte " + std::to_string(nul) +
                                " (binary data, not a text " + std::string(what) + "?)");
  }
  return bytes;
}

Result<std::vector<Evaluation>> ReadConfigFile(const std::string& path, std::string_view peer_id,
                                               std::vector<std::string>* warnings) {
  Result<std::string> xml = ReadInputFile(path, "ROUGE config");
  if (!xml.ok()) return xml.status();
  Result<std::vector<ConfigEval>> config = ParseConfig(*xml, path);
  if (!config.ok()) return config.status();
  std::vector<Evaluation> out;
  for (const ConfigEval& ce : *config) {
    Evaluation ev;
    ev.id = ce.id;
    InputFormat format = InputFormat::kSpl;
    bool format_ok = true;
    if (ce.format == "SPL") format = InputFormat::kSpl;
    else if (ce.format == "SEE") format = InputFormat::kSee;
    else if (ce.format == "ISI") format = InputFormat::kIsi;
    else format_ok = false;
    for (const auto& [id, file] : ce.peers) {
      if (!peer_id.empty() && id != peer_id) continue;
      if (!format_ok) {
        return Status::InvalidInput(path + ": eval " + ce.id + ": input format '" + ce.format +
                                    "' is not supported for ROUGE (SPL, SEE, ISI)");
      }
      const std::string p = ce.peer_root + "/" + file;
      Result<std::string> bytes = ReadInputFile(p, "peer summary", /*nul_ok=*/true);
      if (!bytes.ok()) return bytes.status();
      ev.peers.emplace_back(id, ParseDocument(*bytes, format));
      if (warnings && ev.peers.back().second.sentences.empty()) {
        warnings->push_back("readText: " + p + " -> empty text");
      }
    }
    for (const std::string& id : ce.fileless_peers) {
      if (peer_id.empty() || id == peer_id) ev.fileless_peers.push_back(id);
    }
    if (!ev.peers.empty()) {
      for (const std::string& mid : ce.model_ids) {
        std::string file;
        for (const auto& [k, v] : ce.models) {
          if (k == mid) file = v;
        }
        const std::string p = ce.model_root + "/" + file;
        Result<std::string> bytes = ReadInputFile(p, "model summary", /*nul_ok=*/true);
        if (!bytes.ok()) return bytes.status();
        ev.models.push_back(ParseDocument(*bytes, format));
        ev.model_names.push_back(p);
        if (warnings && ev.models.back().sentences.empty()) {
          warnings->push_back("readText: " + p + " -> empty text");
        }
      }
    }
    out.push_back(std::move(ev));
  }
  return out;
}

}  // namespace precis::rouge
