#include "retort/docgen/extract.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fixture_api.hpp"
#include "retort/core/compile_commands.hpp"
#include "retort/testing/temp_tree.hpp"
#include "unit_plan.hpp"

namespace retort::doc {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using namespace retort::doc::testing;

TEST(Extract, TheFixtureParsesWithoutErrors) {
  EXPECT_THAT(fixture_extraction().parse_errors, IsEmpty());
  EXPECT_EQ(fixture_extraction().headers_parsed, 7u);
}

TEST(Extract, KindsPlacesAndDocComments) {
  const Symbol& copy = fixture_symbol("scoring::complete");
  EXPECT_EQ(copy.kind, SymbolKind::function);
  EXPECT_EQ(copy.file, "include/fixture/scoring.hpp");
  EXPECT_EQ(copy.line, 12u);
  EXPECT_EQ(copy.doc, "Copies `count` items of `size` bytes. Returns how many were copied.");
  EXPECT_THAT(copy.parameters, ElementsAre("count", "size"));
  EXPECT_TRUE(copy.returns_value);
  EXPECT_TRUE(copy.is_top_level);
  EXPECT_EQ(fixture_symbol("scoring::Documented").kind, SymbolKind::class_);
  EXPECT_EQ(fixture_symbol("scoring::Documented::Documented").kind, SymbolKind::constructor);
  EXPECT_FALSE(fixture_symbol("scoring::Documented::Documented").returns_value);
  EXPECT_EQ(fixture_symbol("scoring::Colour").kind, SymbolKind::enum_);
  EXPECT_EQ(fixture_symbol("scoring::Colour").member_count, 3u);
  EXPECT_EQ(fixture_symbol("scoring::Bytes").kind, SymbolKind::alias);
  EXPECT_EQ(fixture_symbol("scoring::largest").kind, SymbolKind::variable);
  EXPECT_EQ(fixture_symbol("scoring::undocumented_variable").doc, "");
  EXPECT_EQ(fixture_symbol("scoring").kind, SymbolKind::namespace_);
}

TEST(Extract, OverloadsAreKeptApartBySignature) {
  const Symbol& documented = fixture_symbol("overloads::parse", "(const std::string &)");
  const Symbol& undocumented = fixture_symbol("overloads::parse", "(const char *, int)");
  EXPECT_EQ(documented.doc, "Parses `text`. Returns the number.");
  EXPECT_EQ(undocumented.doc, "");
  EXPECT_THAT(undocumented.parameters, ElementsAre("text", "base"));
  EXPECT_EQ(fixture_symbol("overloads").doc, "Parsing, in two shapes.");
}

TEST(Extract, TemplatesAreGradedByTheirPrimaryDeclaration) {
  EXPECT_EQ(fixture_symbol("templates::larger").doc, "Returns the larger of `a` and `b`.");
  EXPECT_EQ(fixture_symbol("templates::Buffer").kind, SymbolKind::class_);
  EXPECT_EQ(fixture_symbol("templates::Buffer::push").doc, "Stores `value` at the end.");
  EXPECT_EQ(fixture_symbol("templates::Buffer8").kind, SymbolKind::alias);
  EXPECT_EQ(fixture_symbol("templates::bits").kind, SymbolKind::variable);
  const auto& symbols = fixture_extraction().symbols;
  EXPECT_EQ(std::count_if(symbols.begin(), symbols.end(),
                          [](const Symbol& s) { return s.name == "templates::Buffer"; }),
            1)
      << "the specialisation Buffer<bool, 1> is not graded";
}

TEST(Extract, MacrosAroundDeclarations) {
  EXPECT_EQ(fixture_symbol("macros::exported").doc,
            "Exported with an attribute macro in front; `value` is named.");
  EXPECT_EQ(fixture_symbol("macros::exported").line, 11u);
  // Declared by a macro: the doc before the macro's use documents it.
  EXPECT_EQ(fixture_symbol("macros::generated").doc, "Declared by a macro.");
  EXPECT_EQ(fixture_symbol("macros::generated").line, 14u);
}

TEST(Extract, CommentsThatBelongToNothingDocumentNothing) {
  EXPECT_EQ(fixture_symbol("orphans::after_macro").doc, "");
  EXPECT_EQ(fixture_symbol("orphans").doc, "");
}

TEST(Extract, OnlyPublicApiCounts) {
  EXPECT_TRUE(has_symbol("visibility::Members::open"));
  EXPECT_TRUE(has_symbol("visibility::Members::for_subclasses")) << "protected is API";
  EXPECT_FALSE(has_symbol("visibility::Members::hidden")) << "private";
  EXPECT_FALSE(has_symbol("visibility::detail::helper")) << "detail namespace";
  EXPECT_FALSE(has_symbol("visibility::detail"));
  EXPECT_FALSE(has_symbol("visibility::anonymous")) << "anonymous namespace";
  EXPECT_FALSE(has_symbol("visibility::private_by_doc")) << "@private";
  EXPECT_FALSE(has_symbol("visibility::no_doc_wanted")) << "retort: nodoc above its doc";
  EXPECT_FALSE(has_symbol("visibility::trailing_opt_out")) << "retort: nodoc after it";
  EXPECT_FALSE(has_symbol("visibility::OptedOutClass"));
  EXPECT_FALSE(has_symbol("visibility::OptedOutClass::inside_opted_out"));
}

TEST(Extract, InternalNamespacesAreConfigurable) {
  ExtractRequest request = fixture_request();
  request.internal_namespaces = {"impl"};
  Extraction extraction = extract_api(request);
  auto named = [&](const std::string& name) {
    return std::any_of(extraction.symbols.begin(), extraction.symbols.end(),
                       [&](const Symbol& s) { return s.name == name; });
  };
  EXPECT_TRUE(named("visibility::detail::helper"));
  EXPECT_FALSE(named("visibility::impl::plumbing"));
}

TEST(Extract, TrailingDocComments) {
  EXPECT_EQ(fixture_symbol("visibility::with_trailing_doc").doc,
            "Documented after the declaration.");
  EXPECT_EQ(fixture_symbol("visibility::trailing_variable").doc, "Documented after the variable.");
}

TEST(Extract, AnOverrideInheritsTheOverriddenDoc) {
  EXPECT_EQ(fixture_symbol("visibility::Derived::handle").doc, "Handles `event`.");
  EXPECT_EQ(fixture_symbol("visibility::TemplateDerived::grow").doc, "Grows to `size`.");
  EXPECT_FALSE(has_symbol("visibility::Base::~Base")) << "destructors are not graded";
}

TEST(Extract, ShapesThatSetThePriority) {
  EXPECT_TRUE(fixture_symbol("visibility::Members::count").is_trivial_accessor) << "inline return";
  EXPECT_TRUE(fixture_symbol("visibility::Members::total").is_trivial_accessor) << "declared";
  EXPECT_FALSE(fixture_symbol("visibility::Members::open").is_trivial_accessor);
  EXPECT_FALSE(fixture_symbol("visibility::Members::open").is_top_level);
  EXPECT_TRUE(fixture_symbol("visibility::impl::plumbing").looks_internal);
  EXPECT_FALSE(fixture_symbol("visibility::many").looks_internal);
  EXPECT_EQ(fixture_symbol("visibility::Members").member_count, 4u)
      << "open, count, total and for_subclasses; hidden and count_ are private";
}

TEST(Extract, ActorsAndTheirProtocols) {
  const Symbol& names = fixture_symbol("actor::Names");
  EXPECT_EQ(names.kind, SymbolKind::actor);
  ASSERT_EQ(names.messages.size(), 3u);
  EXPECT_EQ(names.messages[0].kind, "call");
  EXPECT_EQ(names.messages[0].message, "Allocate");
  EXPECT_EQ(names.messages[0].reply, "std::string");
  EXPECT_TRUE(names.messages[0].is_documented) << "Allocate has a doc";
  EXPECT_EQ(names.messages[1].kind, "cast");
  EXPECT_EQ(names.messages[1].message, "Release");
  EXPECT_FALSE(names.messages[1].is_documented) << "neither Release nor handle_cast has one";
  EXPECT_EQ(names.messages[2].kind, "info");
  EXPECT_EQ(names.messages[2].message, "retort::Down");
  EXPECT_TRUE(names.messages[2].is_documented) << "its handler has a doc";
  EXPECT_FALSE(has_symbol("actor::Names::Protocol")) << "graded as the messages";
}

TEST(Extract, AHeaderThatDoesNotCompileGivesErrorsAndWhatParsed) {
  retort::testing::TempTree tree;
  tree.write("include/broken.hpp", "/// Fine.\nint ok();\nint broken(;\n");
  ExtractRequest request;
  request.project_root = request.display_root = tree.root();
  request.headers = {tree.root() / "include" / "broken.hpp"};
  request.fallback_arguments = {"-std=c++20"};
  Extraction extraction = extract_api(request);
  ASSERT_FALSE(extraction.parse_errors.empty());
  EXPECT_THAT(extraction.parse_errors.front().location, HasSubstr("include/broken.hpp:3:"));
  ASSERT_FALSE(extraction.symbols.empty());
  EXPECT_EQ(extraction.symbols.front().name, "ok");
  EXPECT_EQ(extraction.symbols.front().doc, "Fine.");
}

Extraction extract_from(const retort::testing::TempTree& tree,
                        const std::vector<std::string>& headers) {
  ExtractRequest request;
  request.project_root = request.display_root = tree.root();
  for (const auto& header : headers) request.headers.push_back(tree.root() / header);
  request.fallback_arguments = {"-std=c++20", "-I" + (tree.root() / "include").string()};
  return extract_api(request);
}

std::vector<std::string> names_of(const Extraction& extraction) {
  std::vector<std::string> names;
  for (const auto& symbol : extraction.symbols) names.push_back(symbol.name);
  return names;
}

// As abseil and glog do: `foo-inl.h` holds definitions that need `foo.h` first.
TEST(Extract, AnImplementationHeaderIsReadThroughTheHeaderThatIncludesIt) {
  retort::testing::TempTree tree;
  tree.write("include/foo.h",
             "#pragma once\nstruct Foo { int twice() const; };\n#include \"foo-inl.h\"\n");
  tree.write("include/foo-inl.h",
             "#pragma once\n/// Twice.\ninline int Foo::twice() const { "
             "return 2; }\n/// Helper.\ninline int helper(Foo) { return 1; }\n");
  Extraction extraction = extract_from(tree, {"include/foo-inl.h", "include/foo.h"});
  EXPECT_THAT(extraction.parse_errors, IsEmpty());
  EXPECT_THAT(names_of(extraction), ::testing::UnorderedElementsAre("Foo", "Foo::twice", "helper"));
}

TEST(Extract, AHeaderWithoutAGuardIsNotReadTwice) {
  retort::testing::TempTree tree;
  tree.write("include/config.h", "/// The limit.\nconstexpr int limit = 3;\n");  // no guard
  tree.write("include/a.h", "#pragma once\n#include \"config.h\"\n/// A.\nint a();\n");
  tree.write("include/b.h",
             "#ifndef B_H\n#define B_H\n#include <config.h>\n/// B.\nint b();\n#endif\n");
  Extraction extraction = extract_from(tree, {"include/a.h", "include/b.h", "include/config.h"});
  EXPECT_THAT(extraction.parse_errors, IsEmpty());
  EXPECT_THAT(names_of(extraction), ElementsAre("a", "b", "limit"));
}

TEST(Extract, AHeaderForAnotherPlatformIsSkippedAndTheOthersGraded) {
  retort::testing::TempTree tree;
  tree.write("include/port.h", "#pragma once\n#include <windows.h>\nint port();\n");
  tree.write("include/api.h", "#pragma once\n/// Runs.\nint run();\n");
  Extraction extraction = extract_from(tree, {"include/api.h", "include/port.h"});
  EXPECT_THAT(extraction.parse_errors, IsEmpty());
  ASSERT_EQ(extraction.skipped_headers.size(), 1u);
  EXPECT_EQ(extraction.skipped_headers[0].header, "include/port.h");
  EXPECT_THAT(extraction.skipped_headers[0].reason, HasSubstr("it needs <windows.h>"));
  EXPECT_THAT(names_of(extraction), ElementsAre("run"));
}

// gflags' mutex.h compiles only after config.h, as its sources include it; a header
// nothing in the build includes and that does not compile alone is not the build's.
TEST(Extract, AHeaderIsReadAsTheSourceThatIncludesItReadsIt) {
  retort::testing::TempTree tree;
  tree.write("src/settings.h", "#pragma once\n#define HAVE_THREADS 1\n");
  tree.write("src/mutex.h",
             "#pragma once\n#ifndef HAVE_THREADS\n#error configure first\n#endif\n"
             "/// A lock.\nstruct Mutex {};\n");
  tree.write("src/orphan.h", "#pragma once\nstruct Orphan { Unknown field; };\n");
  // As jsoncpp's sources do, inside a conditional block.
  tree.write("src/lib.cpp",
             "#if !defined(ONE_FILE)\n#include \"settings.h\"\n#define MULTI \\\n  1\n"
             "#include \"mutex.h\"\n#endif\nint f() { return 0; }\n");
  tree.write(
      "build/compile_commands.json",
      "[{\"directory\": \"" + tree.root().string() +
          "\", \"command\": \"clang++ -std=c++20 -c src/lib.cpp\", \"file\": \"src/lib.cpp\"}]");
  auto commands = CompileCommands::discover(tree.root(), tree.root() / "build");
  ASSERT_TRUE(static_cast<bool>(commands)) << llvm::toString(commands.takeError());
  ExtractRequest request;
  request.project_root = request.display_root = tree.root();
  for (const char* header : {"src/mutex.h", "src/orphan.h", "src/settings.h"})
    request.headers.push_back(tree.root() / header);
  request.commands = &*commands;
  Extraction extraction = extract_api(request);
  EXPECT_THAT(extraction.parse_errors, IsEmpty());
  EXPECT_THAT(names_of(extraction), ElementsAre("Mutex"));
  ASSERT_EQ(extraction.skipped_headers.size(), 1u);
  EXPECT_EQ(extraction.skipped_headers[0].header, "src/orphan.h");
  EXPECT_THAT(extraction.skipped_headers[0].reason,
              HasSubstr("no source of the build includes it"));
}

TEST(Extract, HasIncludeGuardKnowsPragmaOnceAndGuardMacros) {
  EXPECT_TRUE(has_include_guard("// c\n#pragma once\nint x;\n"));
  EXPECT_TRUE(has_include_guard("/* licence */\n#ifndef A_H\n#define A_H\n#endif\n"));
  EXPECT_TRUE(has_include_guard("#if !defined(A_H)\n#define A_H\n#endif\n"));
  EXPECT_FALSE(has_include_guard("#include <a.h>\n#pragma once\n"));
  EXPECT_FALSE(has_include_guard("#ifndef A_H\n#define B_H\n#endif\n"));
  EXPECT_FALSE(has_include_guard("X(a)\nX(b)\n"));
}

}  // namespace
}  // namespace retort::doc
