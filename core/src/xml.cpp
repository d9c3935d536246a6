#include "retort/core/xml.hpp"

#include <algorithm>

#include <llvm/Support/ConvertUTF.h>

namespace retort {
namespace {

bool is_allowed_in_xml(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte >= 0x20 || c == '\t' || c == '\n' || c == '\r';
}

// The length of the well-formed UTF-8 sequence at `at`, or 0 when it is not one (a
// test printing raw bytes): XML must be UTF-8, so such a byte becomes U+FFFD.
std::size_t utf8_length(std::string_view text, std::size_t at) {
  const auto* begin = reinterpret_cast<const llvm::UTF8*>(text.data() + at);
  unsigned length = llvm::getNumBytesForUTF8(*begin);
  if (at + length > text.size()) return 0;
  return llvm::isLegalUTF8Sequence(begin, begin + length) ? length : 0;
}

// U+FFFE and U+FFFF are UTF-8 but not characters XML may hold.
bool is_xml_non_character(std::string_view sequence) {
  return sequence == "\xEF\xBF\xBE" || sequence == "\xEF\xBF\xBF";
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t at = 0; at < text.size(); ++at) {
    char c = text[at];
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x80) {
          std::size_t length = utf8_length(text, at);
          if (length == 0 || is_xml_non_character(text.substr(at, length))) {
            escaped += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
          } else {
            escaped.append(text.substr(at, length));
          }
          at += std::max<std::size_t>(length, 1) - 1;
        } else if (is_allowed_in_xml(c)) {
          escaped += c;
        }
    }
  }
  return escaped;
}

}  // namespace retort
