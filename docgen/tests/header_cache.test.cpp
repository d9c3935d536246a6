#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/docgen/extract.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::doc {
namespace {

using retort::testing::TempTree;

void write_headers(const TempTree& tree, std::string_view a, std::string_view b,
                   std::string_view c) {
  tree.write("include/a.hpp", a);
  tree.write("include/b.hpp", b);
  tree.write("include/c.hpp", c);
}

ExtractRequest cached_request(const TempTree& tree) {
  ExtractRequest request;
  request.project_root = request.display_root = tree.root();
  for (const char* name : {"a.hpp", "b.hpp", "c.hpp"})
    request.headers.push_back(tree.root() / "include" / name);
  request.fallback_arguments = {"-std=c++20", "-I" + (tree.root() / "include").string()};
  request.cache_root = tree.root() / ".retort" / "cache";
  return request;
}

std::vector<std::string> names_and_docs(const Extraction& extraction) {
  std::vector<std::string> described;
  for (const auto& symbol : extraction.symbols) described.push_back(symbol.name + ":" + symbol.doc);
  return described;
}

TEST(HeaderCache, UnchangedHeadersAreReplayedAndAnEditReparsesItsIncluders) {
  TempTree tree;
  write_headers(tree, "#pragma once\n#include \"b.hpp\"\n/// A.\nint a();\n",
                "#pragma once\nint b();\n", "#pragma once\n/// C.\nint c();\n");
  ExtractRequest request = cached_request(tree);

  Extraction cold = extract_api(request);
  EXPECT_EQ(cold.headers_parsed, 3u);
  EXPECT_EQ(cold.headers_cached, 0u);
  EXPECT_THAT(names_and_docs(cold), ::testing::ElementsAre("a:A.", "b:", "c:C."));

  Extraction warm = extract_api(request);
  EXPECT_EQ(warm.headers_parsed, 0u);
  EXPECT_EQ(warm.headers_cached, 3u);
  EXPECT_EQ(names_and_docs(warm), names_and_docs(cold));

  // b.hpp changes: it and a.hpp, which includes it, are parsed again; c.hpp is not.
  tree.write("include/b.hpp", "#pragma once\n/// B.\nint b();\n");
  Extraction edited = extract_api(request);
  EXPECT_EQ(edited.headers_parsed, 2u);
  EXPECT_EQ(edited.headers_cached, 1u);
  EXPECT_THAT(names_and_docs(edited), ::testing::ElementsAre("a:A.", "b:B.", "c:C."));
}

TEST(HeaderCache, AHeaderThatDoesNotCompileIsNotCachedAndTheOthersAre) {
  TempTree tree;
  write_headers(tree, "int a(;\n", "int b();\n", "int c();\n");
  ExtractRequest request = cached_request(tree);
  EXPECT_FALSE(extract_api(request).parse_errors.empty());
  Extraction again = extract_api(request);
  EXPECT_FALSE(again.parse_errors.empty()) << "the error is reported on every run";
  EXPECT_EQ(again.headers_parsed, 1u);
  EXPECT_EQ(again.headers_cached, 2u) << "b.hpp and c.hpp compile on their own";
}

}  // namespace
}  // namespace retort::doc
