#include "retort/core/xml.hpp"

#include <gtest/gtest.h>

namespace retort {
namespace {

TEST(XmlEscape, EscapesTheSpecialCharactersAndDropsControlCharacters) {
  EXPECT_EQ(xml_escape("a < b & \"c\" > 'd'"), "a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;");
  EXPECT_EQ(xml_escape("red\x1b[31m\ttab\n"), "red[31m\ttab\n");
}

TEST(XmlEscape, KeepsUtf8AndReplacesBytesThatAreNotUtf8) {
  EXPECT_EQ(xml_escape("caf\xC3\xA9 \xE2\x9C\x93"), "caf\xC3\xA9 \xE2\x9C\x93");
  EXPECT_EQ(xml_escape("raw \xFF\xFE byte"), "raw \xEF\xBF\xBD\xEF\xBF\xBD byte");
  EXPECT_EQ(xml_escape("cut \xC3"), "cut \xEF\xBF\xBD");  // a sequence the text ends inside
  EXPECT_EQ(xml_escape("\xEF\xBF\xBF"), "\xEF\xBF\xBD");  // U+FFFF: UTF-8, not XML
}

}  // namespace
}  // namespace retort
