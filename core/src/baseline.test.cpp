#include "retort/core/baseline.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/testing/temp_tree.hpp"

namespace retort {
namespace {

Diagnostic finding(std::string check_id, std::string file, unsigned line, std::string message) {
  Diagnostic d;
  d.tool = "lint";
  d.check_id = std::move(check_id);
  d.range.file = std::move(file);
  d.range.begin = {line, 1};
  d.message = std::move(message);
  return d;
}

TEST(Baseline, HidesRecordedFindingsEvenAfterTheyMoveAndKeepsNewOnes) {
  testing::TempTree tree;
  auto path = tree.root() / "lint-baseline.json";
  auto cast = finding("warning/c-style-cast", "a.cpp", 3, "C-style cast to 'int'");
  if (auto error = Baseline::write(path, "lint", {cast}, tree.root()))
    FAIL() << llvm::toString(std::move(error));
  auto baseline = Baseline::read(path);
  ASSERT_TRUE(static_cast<bool>(baseline)) << llvm::toString(baseline.takeError());
  EXPECT_EQ(baseline->size(), 1u);
  auto moved = cast;
  moved.range.begin.line = 40;  // lines were added above it
  auto second = moved;          // a second, new, identical cast in the same file
  auto other = finding("design/todo-tags", "a.cpp", 9, "TODO left in code");
  auto remaining = baseline->new_findings({moved, second, other}, tree.root());
  ASSERT_EQ(remaining.size(), 2u);
  EXPECT_EQ(remaining[0].check_id, "warning/c-style-cast");
  EXPECT_EQ(remaining[1].check_id, "design/todo-tags");
}

// Messages name positions ("repeats lines 791-800"); inserting lines above must not
// make recorded findings new, while a finding on other code is new.
TEST(Baseline, FingerprintsSurviveLineShiftsInTheirMessagesAndCode) {
  testing::TempTree tree;
  tree.write("a.cpp", "int x = 1;\nint y = (int)2.0;\n");
  auto path = tree.root() / "lint-baseline.json";
  auto repeat = finding("design/duplicated-block", "a.cpp", 2, "repeats lines 791-800");
  auto cast = finding("warning/c-style-cast", "a.cpp", 2, "C-style cast to 'int'");
  ASSERT_FALSE(static_cast<bool>(Baseline::write(path, "lint", {repeat, cast}, tree.root())));
  tree.write("a.cpp", "// new\n// lines\n// above\nint x = 1;\nint  y = (int)2.0;\n");
  auto baseline = Baseline::read(path);
  ASSERT_TRUE(static_cast<bool>(baseline)) << llvm::toString(baseline.takeError());
  auto shifted_repeat = finding("design/duplicated-block", "a.cpp", 5, "repeats lines 794-803");
  auto shifted_cast = finding("warning/c-style-cast", "a.cpp", 5, "C-style cast to 'int'");
  auto elsewhere = finding("warning/c-style-cast", "a.cpp", 4, "C-style cast to 'int'");
  auto remaining = baseline->new_findings({shifted_repeat, shifted_cast, elsewhere}, tree.root());
  ASSERT_EQ(remaining.size(), 1u);
  EXPECT_EQ(remaining[0].range.begin.line, 4u);
}

// One run compared with another in memory: the earlier run's files read as they
// were (a replaced text), the later's from disk.
TEST(Baseline, ABaselineOfAnotherRunMatchesItsFindingsReadAsTheyWere) {
  testing::TempTree tree;
  tree.write("a.cpp", "// added\nint y = (int)2.0;\nint z = (int)3.0;\n");
  SourceTexts before{{tree.root() / "a.cpp", "int y = (int)2.0;\n"}};
  auto earlier = finding("warning/c-style-cast", "a.cpp", 1, "C-style cast to 'int'");
  Baseline baseline = Baseline::of({earlier}, tree.root(), &before);
  EXPECT_EQ(baseline.size(), 1u);
  auto moved = finding("warning/c-style-cast", "a.cpp", 2, "C-style cast to 'int'");
  auto added = finding("warning/c-style-cast", "a.cpp", 3, "C-style cast to 'int'");
  auto remaining = baseline.new_findings({moved, added}, tree.root());
  ASSERT_EQ(remaining.size(), 1u);
  EXPECT_EQ(remaining[0].range.begin.line, 3u);
}

TEST(Baseline, AMalformedFileIsAUsageErrorNamingIt) {
  testing::TempTree tree;
  auto bad_json = tree.write("broken.json", "{\"schema\": 1,\n \"findings\": [\n");
  auto result = Baseline::read(bad_json);
  ASSERT_FALSE(static_cast<bool>(result));
  EXPECT_THAT(llvm::toString(result.takeError()),
              ::testing::HasSubstr("broken.json: not a retort baseline file"));
  auto wrong_shape = tree.write("shape.json", "{\"schema\": 1, \"findings\": [{\"file\": \"a\"}]}");
  auto shape_result = Baseline::read(wrong_shape);
  ASSERT_FALSE(static_cast<bool>(shape_result));
  EXPECT_THAT(llvm::toString(shape_result.takeError()),
              ::testing::HasSubstr("finding 1 needs \"check_id\""));
  auto missing = Baseline::read(tree.root() / "nope.json");
  ASSERT_FALSE(static_cast<bool>(missing));
  EXPECT_THAT(llvm::toString(missing.takeError()), ::testing::HasSubstr("nope.json"));
}

}  // namespace
}  // namespace retort
