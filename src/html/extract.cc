// The article of a page: parse (parse.cc), score every element by the
// article-like text it holds, pick the best one, keep its blocks that read
// like article text. doc/extraction.md explains the method and its numbers.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "charset.h"
#include "metadata.h"
#include "parse.h"
#include "precis/html.h"

namespace precis {
namespace {

using html_internal::Block;
using html_internal::Node;
using html_internal::PageModel;
namespace hi = html_internal;

// Tuned on the dev set (doc/extraction.md).
struct Params {
  // A block is content when at most this share of its characters is link text
  // and it is long, or punctuated and not short.
  double content_max_link = 0.33;
  uint32_t content_min_chars = 80;
  uint32_t punct_min_chars = 30;
  // A block is boilerplate when link-dense or short without punctuation.
  double boiler_min_link = 0.5;
  uint32_t short_chars = 30;
  // Element score: content chars - alpha * boilerplate chars - gamma * chars
  // excluded by hints, times the hint factor.
  double alpha = 1.0;
  double gamma = 0.25;
  double pos_factor = 1.2;
  double article_factor = 1.3;
  double neg_factor = 0.5;
  // A negative class/id hint is ignored on an element holding more than this
  // share of the page's content (a wrapper such as <div class="has-sidebar">).
  double wrapper_share = 0.5;
  // Inside the chosen element, a weakly hinted element ("box", "list") is
  // kept when it holds more than this share of the chosen content.
  double inner_weak_share = 0.3;
  // Inside the chosen element, blocks with more link text than this go.
  double keep_max_link = 0.5;
};

constexpr uint32_t kExcludeFlags = hi::kBoilerTag | hi::kNegHint | hi::kHidden | hi::kCaption |
                                   hi::kStrongNeg | hi::kSkip;

enum class Kind { kContent, kNeutral, kBoiler };

Kind Classify(const Block& b, const Params& p) {
  const double ld = b.chars ? double(b.link_chars) / b.chars : 0;
  if (ld > p.boiler_min_link) return Kind::kBoiler;
  if (ld <= p.content_max_link &&
      (b.chars >= p.content_min_chars || (b.chars >= p.punct_min_chars && b.stops > 0))) {
    return Kind::kContent;
  }
  if (b.chars < p.short_chars && b.stops == 0) return Kind::kBoiler;
  return Kind::kNeutral;
}

struct Selection {
  std::vector<uint32_t> blocks;  // indexes into model.blocks, in order
};

// Which element flags exclude text. `hard`: an element's whole subtree, from
// choosing the article and from its content; `inner`: a block inside the
// chosen article, when an element between the two has one.
struct Trust {
  uint32_t hard;
  uint32_t inner;
};

// Drops a heading whose section went (a "Related" list, comments): the next
// kept block is another heading, or there is none. A heading that reads as
// content is a paragraph (some pages set their text in h3 and h4).
void DropEmptySections(const PageModel& m, const std::vector<Kind>& kind, Selection* sel) {
  auto heading = [&](uint32_t bi) {
    return (m.nodes[m.blocks[bi].node].flags & hi::kHeading) && kind[bi] != Kind::kContent;
  };
  std::vector<uint32_t>& kept = sel->blocks;
  size_t out = 0;
  for (size_t k = 0; k < kept.size(); ++k) {
    if (heading(kept[k]) && (k + 1 == kept.size() || heading(kept[k + 1]))) continue;
    kept[out++] = kept[k];
  }
  kept.resize(out);
}

Selection Select(const PageModel& m, const Params& p, const Trust& trust) {
  Selection sel;
  const size_t nb = m.blocks.size(), nn = m.nodes.size();
  if (nb == 0) return sel;
  std::vector<Kind> kind(nb);
  std::vector<double> content_prefix(nb + 1, 0), boiler_prefix(nb + 1, 0);
  for (size_t i = 0; i < nb; ++i) {
    kind[i] = Classify(m.blocks[i], p);
    content_prefix[i + 1] = content_prefix[i] + (kind[i] == Kind::kContent ? m.blocks[i].chars : 0);
    boiler_prefix[i + 1] = boiler_prefix[i] + (kind[i] == Kind::kBoiler ? m.blocks[i].chars : 0);
  }
  const double total_content = content_prefix[nb];
  auto share_of = [&](const Node& node, double total) {
    return total > 0 ? (content_prefix[node.block_end] - content_prefix[node.block_begin]) / total
                     : 0.0;
  };
  // Hard exclusions hold everywhere: hidden, script-like, and (unless the
  // element wraps most of the page's content) boilerplate tags and strong
  // class/id hints. Weak hints only lower an element's own score.
  std::vector<uint32_t> own(nn), eff(nn);
  for (size_t n = 0; n < nn; ++n) {
    const Node& node = m.nodes[n];
    uint32_t f = node.flags & kExcludeFlags;
    if ((f & (hi::kStrongNeg | hi::kBoilerTag | hi::kNegHint)) &&
        share_of(node, total_content) > p.wrapper_share) {
      f &= ~(hi::kNegHint | hi::kStrongNeg | hi::kBoilerTag);
    }
    own[n] = f;
    const uint32_t hard = f & trust.hard;
    eff[n] = hard | (node.parent >= 0 ? eff[node.parent] : 0);
  }
  // Content of blocks not excluded, per node, by prefix sums again.
  std::vector<double> good_prefix(nb + 1, 0), excl_prefix(nb + 1, 0);
  for (size_t i = 0; i < nb; ++i) {
    const Block& b = m.blocks[i];
    const bool excluded = eff[b.node] != 0;
    good_prefix[i + 1] = good_prefix[i] + (!excluded && kind[i] == Kind::kContent ? b.chars : 0);
    excl_prefix[i + 1] = excl_prefix[i] + (excluded ? b.chars : 0);
  }
  int32_t best = -1;
  double best_score = 0;
  for (size_t n = 0; n < nn; ++n) {
    const Node& node = m.nodes[n];
    if (!(node.flags & hi::kBlockTag) || node.block_end <= node.block_begin) continue;
    // The title names the article but is not it (the keep loop drops h1).
    if (eff[n] != 0 || (node.flags & hi::kTitle)) continue;
    const double good = good_prefix[node.block_end] - good_prefix[node.block_begin];
    if (good <= 0) continue;
    const double boiler = boiler_prefix[node.block_end] - boiler_prefix[node.block_begin];
    const double excl = excl_prefix[node.block_end] - excl_prefix[node.block_begin];
    double score = good - p.alpha * boiler - p.gamma * excl;
    if (node.flags & (hi::kArticleTag | hi::kMainTag | hi::kBodyProp)) score *= p.article_factor;
    else if (node.flags & hi::kPosHint) score *= p.pos_factor;
    if (node.flags & hi::kNegHint) score *= p.neg_factor;
    if (score > best_score) {
      best_score = score;
      best = static_cast<int32_t>(n);
    }
  }
#ifdef PRECIS_HTML_DEBUG  // tuning aid: -DPRECIS_HTML_DEBUG, then PRECIS_HTML_FIND=snippet
  if (std::getenv("PRECIS_HTML_DEBUG")) {
    for (size_t i = 0; i < nb; ++i) {
      const Block& b = m.blocks[i];
      std::fprintf(stderr, "B%zu node=%d kind=%d eff=%x chars=%u link=%u | %.60s\n", i, b.node,
                   int(kind[i]), eff[b.node], b.chars, b.link_chars, m.text.c_str() + b.text_begin);
    }
    std::fprintf(stderr, "best=%d score=%f\n", best, best_score);
    size_t longest = 0;
    for (size_t i = 0; i < nb; ++i) if (m.blocks[i].chars > m.blocks[longest].chars) longest = i;
    if (const char* f = std::getenv("PRECIS_HTML_FIND")) {
      for (size_t i = 0; i < nb; ++i) {
        if (std::string_view(m.text).substr(m.blocks[i].text_begin, m.blocks[i].text_end - m.blocks[i].text_begin).find(f) != std::string_view::npos) { longest = i; break; }
      }
    }
    std::fprintf(stderr, "block %zu kind=%d\n", longest, int(kind[longest]));
    if (best >= 0) std::fprintf(stderr, "best is %s\n", m.debug_names[best].c_str());
    for (int32_t n = m.blocks[longest].node; n >= 0; n = m.nodes[n].parent) {
      std::fprintf(stderr, "  chain node=%d flags=%x own=%x eff=%x share=%f %s\n", n, m.nodes[n].flags, own[n], eff[n], share_of(m.nodes[n], total_content), m.debug_names.size() > size_t(n) ? m.debug_names[n].c_str() : "");
    }
  }
#endif
  if (best < 0) return sel;
  // A paragraph can outscore its article when the article also holds link
  // lists: the article is the container, and the keep loop below drops its
  // boilerplate block by block.
  constexpr uint32_t kParagraphLevel =
      hi::kParagraph | hi::kHeading | hi::kTitle | hi::kQuote | hi::kListItem | hi::kPre;
  while ((m.nodes[best].flags & kParagraphLevel) && m.nodes[best].parent >= 0 &&
         eff[m.nodes[best].parent] == 0) {
    best = m.nodes[best].parent;
  }
  const Node& c = m.nodes[best];
  const double chosen_content = content_prefix[c.block_end] - content_prefix[c.block_begin];
  for (uint32_t i = c.block_begin; i < c.block_end; ++i) {
    const Block& b = m.blocks[i];
    // Flags between the block and the chosen element.
    uint32_t f = 0;
    for (int32_t n = b.node; n >= 0 && n != best; n = m.nodes[n].parent) {
      uint32_t o = (own[n] & trust.inner) | (m.nodes[n].flags & hi::kTitle);
      // A weak hint ("box", "list", "header") inside the article removes
      // link lists and short lines, not paragraphs.
      if ((o & hi::kNegHint) && !(o & hi::kStrongNeg) &&
          (kind[i] == Kind::kContent ||
           share_of(m.nodes[n], chosen_content) > p.inner_weak_share)) {
        o &= ~hi::kNegHint;
      }
      f |= o;
    }
    if (f != 0) continue;
    const double ld = b.chars ? double(b.link_chars) / b.chars : 0;
    if (ld > p.keep_max_link) continue;
    const uint32_t nf = m.nodes[b.node].flags;
    if ((nf & hi::kTitle)) continue;
    if (kind[i] == Kind::kBoiler && !(nf & (hi::kHeading | hi::kListItem | hi::kCell))) continue;
    sel.blocks.push_back(i);
  }
  DropEmptySections(m, kind, &sel);
  return sel;
}

}  // namespace

std::pair<size_t, size_t> HtmlOffsetMap::PageSpan(size_t begin, size_t end) const {
  if (pieces_.empty() || end <= begin) return {0, 0};
  auto find = [&](size_t t) {
    // The piece holding text byte t (the last one starting at or before it).
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), t,
                               [](size_t v, const Piece& p) { return v < p.text_begin; });
    return it == pieces_.begin() ? pieces_.begin() : it - 1;
  };
  const Piece& a = *find(begin);
  const Piece& z = *find(end - 1);
  size_t pb = a.linear && begin >= a.text_begin ? a.page_begin + (begin - a.text_begin) : a.page_begin;
  size_t pe = z.linear && end - 1 >= z.text_begin && end <= z.text_end
                  ? z.page_begin + (end - z.text_begin)
                  : z.page_end;
  pb = Convert(pb);
  pe = Convert(pe);
  if (pe < pb) pe = pb;
  return {pb, pe};
}

void HtmlOffsetMap::Append(const Piece& piece) { pieces_.push_back(piece); }

void HtmlOffsetMap::SetConversion(std::vector<uint32_t> page_of_utf8) {
  page_of_utf8_ = std::move(page_of_utf8);
}

size_t HtmlOffsetMap::Convert(size_t utf8_offset) const {
  if (page_of_utf8_.empty()) return utf8_offset;
  if (utf8_offset >= page_of_utf8_.size()) return page_of_utf8_.back();
  return page_of_utf8_[utf8_offset];
}

// A file signature (gzip, ZIP, PDF, PNG, JPEG, GIF), or in the first 64 KiB
// more than 1% NUL bytes (and more than 16) or 5% C0 controls (not UTF-16,
// which has a BOM and NULs by design). A few stray NULs, as a CMS or a
// botched upload leaves them, do not make a page binary, even a short one:
// the decoder turns them into U+FFFD.
bool LooksBinary(std::string_view page) {
  if (page.substr(0, 2) == "\xFF\xFE" || page.substr(0, 2) == "\xFE\xFF") return false;
  static constexpr std::string_view kMagic[] = {"\x1F\x8B", "PK\x03\x04", "%PDF",
                                                "\x89PNG", "\xFF\xD8\xFF", "GIF8"};
  for (std::string_view magic : kMagic) {
    if (page.substr(0, magic.size()) == magic) return true;
  }
  const std::string_view head = page.substr(0, 65536);
  size_t nuls = 0, controls = 0;
  for (char ch : head) {
    const unsigned char c = static_cast<unsigned char>(ch);
    nuls += c == 0;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return (nuls > 16 && nuls * 100 > head.size()) || controls * 20 > head.size();
}

namespace {

// The first 8 KiB characters of `bytes` (as far as the charset sniffer
// looks; PHP notices before a dev page's doctype took 4.9 KiB), lowercase,
// after any BOM. UTF-16 (by its BOM, which the decoder honours) is read as
// ASCII, anything past ASCII as a letter: markup is all we look for.
std::string AsciiHead(std::string_view bytes) {
  std::string head;
  constexpr size_t kHead = 8192;
  const bool le = bytes.substr(0, 2) == "\xFF\xFE", be = bytes.substr(0, 2) == "\xFE\xFF";
  if (le || be) {
    for (size_t i = 2; i + 1 < bytes.size() && head.size() < kHead; i += 2) {
      const unsigned char high = bytes[be ? i : i + 1], low = bytes[be ? i + 1 : i];
      head += high == 0 && low < 0x80 ? static_cast<char>(std::tolower(low)) : 'x';
    }
    return head;
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  bytes = bytes.substr(0, kHead);
  head.reserve(bytes.size());
  for (char c : bytes) head += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head;
}

bool Blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// `name` ("<html") at h[at] as a whole tag name, not "<header" for "<head".
bool TagAt(std::string_view h, size_t at, std::string_view name) {
  if (h.substr(at, name.size()) != name) return false;
  const size_t after = at + name.size();
  return after == h.size() || h[after] == '>' || h[after] == '/' || Blank(h[after]);
}

// `name` somewhere in h where markup stands: at a line's start or right
// after a tag, blanks aside. Prose that mentions "<html>" has words before it.
bool TagAsMarkup(std::string_view h, std::string_view name) {
  for (size_t at = h.find(name); at != std::string_view::npos; at = h.find(name, at + 1)) {
    if (!TagAt(h, at, name)) continue;
    size_t k = at;
    while (k > 0 && (h[k - 1] == ' ' || h[k - 1] == '\t')) --k;
    if (k == 0 || h[k - 1] == '\n' || h[k - 1] == '\r' || h[k - 1] == '>') return true;
  }
  return false;
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  const std::string head = AsciiHead(bytes);
  std::string_view h = head;
  while (!h.empty() && Blank(h[0])) h.remove_prefix(1);
  if (h.substr(0, 4) == "<!--") return true;
  if (TagAt(h, 0, "<?xml")) return h.find("<html") != std::string_view::npos;
  for (const char* tag : {"<!doctype html", "<html", "<head", "<body", "<meta", "<script",
                          "<style"}) {
    if (TagAt(h, 0, tag)) return true;
  }
  // Pages behind a PHP warning, a script or a style element: a doctype, or
  // two of <html>, <head> and <body>, where markup stands.
  if (TagAsMarkup(h, "<!doctype html")) return true;
  int markers = 0;
  for (const char* tag : {"<html", "<head", "<body"}) markers += TagAsMarkup(h, tag);
  if (markers >= 2) return true;
  int tags = 0;
  for (const char* tag : {"<p>", "<p ", "<div", "<br", "<a href", "</p>", "<span", "<title>"}) {
    if (h.find(tag) != std::string_view::npos) ++tags;
  }
  return tags >= 3;
}

Result<ExtractedPage> ExtractHtml(std::string_view page, const HtmlOptions& options) {
  if (page.size() > options.max_page_bytes) {
    return Status::LimitExceeded("page of " + std::to_string(page.size()) +
                                 " bytes is larger than the limit of " +
                                 std::to_string(options.max_page_bytes));
  }
  if (page.size() >= UINT32_MAX) return Status::LimitExceeded("page larger than 4 GiB");
  ExtractedPage out;
  if (LooksBinary(page)) {
    out.charset = "UTF-8";
    out.warnings.push_back("binary data, not an HTML page");
    return out;
  }
  hi::DecodedPage decoded = hi::DecodePage(page, options.decoded);
  out.charset = decoded.charset;
  if (!decoded.warning.empty()) out.warnings.push_back(decoded.warning);
  PageModel model;
  hi::ParsePage(decoded.utf8, &model);
  if (model.too_deep) out.warnings.push_back("elements nested too deep: page read up to there");
  hi::MetadataResult meta = hi::ReadMetadata(model.meta);
  out.meta = std::move(meta.meta);

  const Params params;
  constexpr uint32_t kSure = hi::kHidden | hi::kSkip;
  Selection sel =
      Select(model, params, {kSure | hi::kStrongNeg | hi::kBoilerTag, kExcludeFlags});
  // When the hints leave nothing, they were wrong about this page: try again
  // trusting only what hides text for sure, for the article and inside it.
  if (sel.blocks.empty()) sel = Select(model, params, {kSure, kSure});
  for (uint32_t bi : sel.blocks) {
    const Block& b = model.blocks[bi];
    const uint32_t nf = model.nodes[b.node].flags;
    if (!options.keep_headings && (nf & hi::kHeading)) continue;
    if (!options.keep_tables && (nf & hi::kCell)) continue;
    if (!out.text.empty()) {
      const uint32_t t = static_cast<uint32_t>(out.text.size());
      const uint32_t p = model.pieces[b.piece_begin].page_begin;
      out.text += "\n\n";
      out.offsets.Append({t, t + 2, p, p, false});
    }
    const uint32_t shift = static_cast<uint32_t>(out.text.size()) - b.text_begin;
    out.text.append(model.text, b.text_begin, b.text_end - b.text_begin);
    for (uint32_t k = b.piece_begin; k < b.piece_end; ++k) {
      HtmlOffsetMap::Piece piece = model.pieces[k];
      piece.text_begin += shift;
      piece.text_end += shift;
      out.offsets.Append(piece);
    }
  }
  if (!decoded.page_of_utf8.empty()) out.offsets.SetConversion(std::move(decoded.page_of_utf8));
  if (out.text.empty()) {
    out.warnings.push_back(model.blocks.empty() ? "no text found in the page"
                                                : "no article text found in the page");
  }
  return out;
}

Result<Document> DocumentFromHtml(std::string id, std::string page,
                                  std::vector<std::string>* warnings,
                                  const HtmlOptions& options) {
  auto extracted = ExtractHtml(page, options);
  if (!extracted.ok()) {
    return Status(extracted.status().code(), id + ": " + extracted.status().message());
  }
  if (warnings != nullptr) {
    for (const std::string& w : extracted->warnings) warnings->push_back(id + ": " + w);
  }
  Document doc;
  doc.id = std::move(id);
  doc.title = extracted->meta.title;
  doc.date = extracted->meta.date;
  doc.text = std::move(extracted->text);
  auto source = std::make_shared<HtmlSource>();
  source->page = std::move(page);
  source->offsets = std::move(extracted->offsets);
  doc.html = std::move(source);
  return doc;
}

}  // namespace precis
