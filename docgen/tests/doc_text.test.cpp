#include "retort/docgen/doc_text.hpp"

#include <gtest/gtest.h>

namespace retort::doc {
namespace {

TEST(DocText, ParameterIsMentionedInBackticksOrByParamCommand) {
  EXPECT_TRUE(mentions_parameter("Copies `source` to the end.", "source"));
  EXPECT_TRUE(mentions_parameter("@param source where from", "source"));
  EXPECT_TRUE(mentions_parameter("\\param[in] source where from", "source"));
  EXPECT_FALSE(mentions_parameter("Copies the source to the end.", "source"));
  EXPECT_FALSE(mentions_parameter("Copies `sources`.", "source"));
  EXPECT_TRUE(mentions_parameter("Removes the file at `release.path`.", "release"));
  EXPECT_TRUE(mentions_parameter("Follows `node->next`.", "node"));
  EXPECT_FALSE(mentions_parameter("Unclosed `node", "node"));
  EXPECT_FALSE(mentions_parameter("Code `node + 1`.", "node")) << "an expression, not the name";
  EXPECT_FALSE(mentions_parameter("@param sources all of them", "source"));
}

TEST(DocText, ResultIsDescribedByReturnsSentenceOrCommand) {
  EXPECT_TRUE(describes_result("Returns the size."));
  EXPECT_TRUE(describes_result("Parses it and returns false on error."));
  EXPECT_TRUE(describes_result("Parses it.\n@return the tree"));
  EXPECT_FALSE(describes_result("Parses it; the return type says nothing."));
  EXPECT_FALSE(describes_result("Parses it. @returnsomething"));
}

TEST(DocText, CodeExamplesAreFencedOrCodeBlocks) {
  EXPECT_EQ(count_code_examples("No example."), 0u);
  EXPECT_EQ(count_code_examples("One:\n```cpp\nf();\n```\n"), 1u);
  EXPECT_EQ(count_code_examples("```\na\n```\ntext\n~~~\nb\n~~~\n@code\nc\n@endcode\n"), 3u);
  // An unclosed fence is not an example yet.
  EXPECT_EQ(count_code_examples("```\nf();\n"), 0u);
}

TEST(DocText, PrivateMarkers) {
  EXPECT_TRUE(is_marked_private("Helper.\n@private"));
  EXPECT_TRUE(is_marked_private("\\internal used by the parser"));
  EXPECT_FALSE(is_marked_private("Keeps private data."));
  EXPECT_FALSE(is_marked_private("See @privateness."));
}

}  // namespace
}  // namespace retort::doc
