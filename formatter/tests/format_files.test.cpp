#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "retort/core/process.hpp"
#include "retort/formatter/formatter.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::format {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view unformatted_code = "int  main( ){return 0;}\n";
constexpr std::string_view formatted_code = "int main() { return 0; }\n";

FormatRequest request_for(const testing::TempTree& tree, std::vector<fs::path> files,
                          FormatMode mode) {
  FormatRequest request;
  request.files = std::move(files);
  request.mode = mode;
  request.display_root = tree.root();
  request.cache_root = tree.root() / ".retort/cache";
  return request;
}

std::vector<std::string> check_ids(const FormatRun& run) {
  std::vector<std::string> ids;
  for (const auto& d : run.diagnostics) ids.push_back(d.check_id);
  return ids;
}

TEST(FormatFiles, InPlaceRewritesUnformattedFilesKeepingModeBits) {
  testing::TempTree tree;
  auto file = tree.write("a.cpp", unformatted_code);
  fs::permissions(file, fs::perms(0640));
  auto run = format_files(request_for(tree, {file}, FormatMode::in_place));
  EXPECT_EQ(run.files[0].status, FileStatus::changed);
  EXPECT_EQ(tree.read("a.cpp"), formatted_code);
  EXPECT_EQ(fs::status(file).permissions(), fs::perms(0640));
  EXPECT_THAT(check_ids(run), ::testing::ElementsAre("format/reformatted"));
  EXPECT_FALSE(has_findings(run.diagnostics));
}

TEST(FormatFiles, AnAlreadyFormattedFileIsNeverTouched) {
  testing::TempTree tree;
  auto file = tree.write("a.cpp", formatted_code);
  struct stat before {};
  stat(file.c_str(), &before);
  auto run = format_files(request_for(tree, {file}, FormatMode::in_place));
  struct stat after {};
  stat(file.c_str(), &after);
  EXPECT_EQ(run.files[0].status, FileStatus::formatted);
  EXPECT_EQ(before.st_ino, after.st_ino);
  EXPECT_EQ(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
}

TEST(FormatFiles, CrlfFilesStayCrlf) {
  testing::TempTree tree;
  auto file = tree.write("a.cpp", "int  a;\r\nint  b;\r\n");
  format_files(request_for(tree, {file}, FormatMode::in_place));
  EXPECT_EQ(tree.read("a.cpp"), "int a;\r\nint b;\r\n");
}

TEST(FormatFiles, CheckModeReportsTheFirstChangedLineAndWritesNothing) {
  testing::TempTree tree;
  auto file = tree.write("a.cpp", std::string(formatted_code) + "int  x;\n");
  auto run = format_files(request_for(tree, {file}, FormatMode::check));
  ASSERT_EQ(run.diagnostics.size(), 1u);
  EXPECT_EQ(run.diagnostics[0].check_id, "format/unformatted");
  EXPECT_EQ(run.diagnostics[0].range.file, "a.cpp");
  EXPECT_EQ(run.diagnostics[0].range.begin.line, 2u);
  EXPECT_THAT(run.diagnostics[0].message, HasSubstr("1 line would change, first at line 2"));
  EXPECT_EQ(tree.read("a.cpp"), std::string(formatted_code) + "int  x;\n");
}

TEST(FormatFiles, DiffModeKeepsBothVersionsAndWritesNothing) {
  testing::TempTree tree;
  auto file = tree.write("a.cpp", unformatted_code);
  auto run = format_files(request_for(tree, {file}, FormatMode::diff));
  EXPECT_EQ(run.files[0].original, unformatted_code);
  EXPECT_EQ(run.files[0].formatted, formatted_code);
  EXPECT_EQ(tree.read("a.cpp"), unformatted_code);
}

TEST(FormatFiles, AWarmRunAnswersFromTheCacheAndAStyleChangeMissesIt) {
  testing::TempTree tree;
  auto clean = tree.write("clean.cpp", formatted_code);
  auto dirty = tree.write("dirty.cpp", unformatted_code);
  auto request = request_for(tree, {clean, dirty}, FormatMode::check);
  auto cold = format_files(request);
  EXPECT_FALSE(cold.files[0].from_cache);
  auto warm = format_files(request);
  EXPECT_TRUE(warm.files[0].from_cache);
  EXPECT_TRUE(warm.files[1].from_cache);
  EXPECT_EQ(check_ids(warm), check_ids(cold));
  EXPECT_EQ(warm.diagnostics[0].message, cold.diagnostics[0].message);
  request.options.line_length = 80;
  EXPECT_FALSE(format_files(request).files[0].from_cache);
}

// A project's own .clang-format may ask libFormat to move qualifiers, which the guard
// refuses; that verdict is kept too, so a refused file is not formatted on every run.
TEST(FormatFiles, ARefusedFileIsNamedAndItsVerdictCached) {
  testing::TempTree tree;
  tree.write(".clang-format", "BasedOnStyle: Google\nQualifierAlignment: Right\n");
  auto refused = tree.write("a.cpp", "const int x = 1;\n");
  auto dirty = tree.write("b.cpp", unformatted_code);
  auto request = request_for(tree, {refused, dirty}, FormatMode::in_place);
  request.options.use_clang_format_file = true;
  auto cold = format_files(request);
  ASSERT_EQ(cold.files[0].status, FileStatus::meaning_changed);
  EXPECT_THAT(cold.diagnostics[0].message, HasSubstr("this file was left as it was"));
  EXPECT_EQ(tree.read("a.cpp"), "const int x = 1;\n");
  EXPECT_EQ(tree.read("b.cpp"), formatted_code);
  auto warm = format_files(request);
  EXPECT_TRUE(warm.files[0].from_cache);
  EXPECT_EQ(warm.files[0].status, FileStatus::meaning_changed);
  EXPECT_TRUE(warm.has_internal_error());
  EXPECT_EQ(warm.diagnostics[0].message, cold.diagnostics[0].message);
  EXPECT_EQ(warm.diagnostics[0].range.begin.line, cold.diagnostics[0].range.begin.line);
}

TEST(FormatFiles, ACachedVerdictIsNeverUsedForChangedContents) {
  testing::TempTree tree;
  auto file = tree.write("a.cpp", formatted_code);
  auto request = request_for(tree, {file}, FormatMode::check);
  format_files(request);
  tree.write("a.cpp", unformatted_code);
  auto run = format_files(request);
  EXPECT_EQ(run.files[0].status, FileStatus::changed);
  EXPECT_FALSE(run.files[0].from_cache);
}

TEST(FormatFiles, ReadOnlyAndUnreadableFilesAreReportedAndTheOthersStillFormatted) {
  testing::TempTree tree;
  auto read_only = tree.write("locked.cpp", unformatted_code);
  fs::permissions(read_only, fs::perms(0444));
  fs::create_symlink(tree.root() / "nowhere.cpp", tree.root() / "dangling.cpp");
  auto fine = tree.write("fine.cpp", unformatted_code);
  auto run = format_files(
      request_for(tree, {tree.root() / "dangling.cpp", fine, read_only}, FormatMode::in_place));
  EXPECT_EQ(run.files[0].status, FileStatus::failed);
  EXPECT_EQ(run.files[1].status, FileStatus::changed);
  EXPECT_EQ(run.files[2].status, FileStatus::failed);
  EXPECT_THAT(check_ids(run), ::testing::UnorderedElementsAre(
                                  "format/unreadable", "format/reformatted", "format/read-only"));
  EXPECT_EQ(tree.read("locked.cpp"), unformatted_code);
  EXPECT_EQ(tree.read("fine.cpp"), formatted_code);
  EXPECT_TRUE(has_findings(run.diagnostics));
}

TEST(FormatFiles, BinaryAndNonUtf8FilesAreSkippedWithANote) {
  testing::TempTree tree;
  auto binary = tree.write("blob.cpp", std::string("int a;\0\x01\x02", 9));
  auto latin1 = tree.write("latin1.cpp", "// caf\xe9\nint  a;\n");
  auto run = format_files(request_for(tree, {binary, latin1}, FormatMode::in_place));
  EXPECT_EQ(run.files[0].status, FileStatus::skipped);
  EXPECT_EQ(run.files[1].status, FileStatus::skipped);
  EXPECT_THAT(run.diagnostics[0].message, HasSubstr("binary file (NUL byte at offset 6)"));
  EXPECT_THAT(run.diagnostics[1].message,
              HasSubstr("not valid UTF-8 (first bad byte at offset 6)"));
  EXPECT_FALSE(has_findings(run.diagnostics));
  EXPECT_EQ(tree.read("latin1.cpp"), "// caf\xe9\nint  a;\n");
}

TEST(FormatFiles, EmptyFilesAreFormatted) {
  testing::TempTree tree;
  auto run = format_files(request_for(tree, {tree.write("empty.cpp", "")}, FormatMode::check));
  EXPECT_EQ(run.files[0].status, FileStatus::formatted);
  EXPECT_TRUE(run.diagnostics.empty());
}

TEST(FormatFiles, ATenMegabyteFileIsSkippedAsTooLargeAndLeftAlone) {
  testing::TempTree tree;
  std::string huge;
  while (huge.size() < 10 * 1024 * 1024)
    huge += "int  generated_" + std::to_string(huge.size()) + ";\n";
  auto file = tree.write("huge.cpp", huge);
  auto run = format_files(request_for(tree, {file}, FormatMode::in_place));
  EXPECT_EQ(run.files[0].status, FileStatus::skipped);
  EXPECT_THAT(run.diagnostics[0].message, HasSubstr("larger than format.max_file_kb (2048 KiB)"));
  EXPECT_EQ(fs::file_size(file), huge.size());
}

TEST(FormatFiles, CodeThatDoesNotParseIsFormattedAsFarAsPossibleWithoutCrashing) {
  testing::TempTree tree;
  auto file = tree.write("broken.cpp", "int  main( {\n  if (x {\n    return  0;\n}\n");
  auto run = format_files(request_for(tree, {file}, FormatMode::in_place));
  EXPECT_NE(run.files[0].status, FileStatus::meaning_changed);
  EXPECT_THAT(check_ids(run), ::testing::Contains("format/unparseable"));
  auto again = format_files(request_for(tree, {file}, FormatMode::check));
  EXPECT_EQ(again.files[0].status, FileStatus::formatted);
}

TEST(FormatFiles, ChangedLinesRestrictFormattingToThoseLines) {
  testing::TempTree tree;
  auto file = tree.write("a.cpp", "int  a;\nint  b;\nint  c;\n");
  auto request = request_for(tree, {file}, FormatMode::in_place);
  request.changed_lines = ChangedLines{{file, {LineRange{2, 2}}}};
  format_files(request);
  EXPECT_EQ(tree.read("a.cpp"), "int  a;\nint b;\nint  c;\n");
}

TEST(FormatFiles, FilesOutsideTheChangeAreLeftAlone) {
  testing::TempTree tree;
  auto file = tree.write("a.cpp", unformatted_code);
  auto request = request_for(tree, {file}, FormatMode::check);
  request.changed_lines = ChangedLines{};
  EXPECT_TRUE(format_files(request).diagnostics.empty());
}

TEST(FormatFiles, StyleFileHonoursTheNearestClangFormat) {
  testing::TempTree tree;
  tree.write("sub/.clang-format", "BasedOnStyle: LLVM\nIndentWidth: 8\n");
  auto file = tree.write("sub/a.cpp", "struct S {\nint x;\n};\n");
  auto request = request_for(tree, {file}, FormatMode::in_place);
  request.options.use_clang_format_file = true;
  format_files(request);
  EXPECT_EQ(tree.read("sub/a.cpp"), "struct S {\n        int x;\n};\n");
}

TEST(FormatFiles, AnInvalidClangFormatIsReportedAndNothingIsWritten) {
  testing::TempTree tree;
  tree.write(".clang-format", "IndentWidth: [\n");
  auto file = tree.write("a.cpp", unformatted_code);
  auto request = request_for(tree, {file}, FormatMode::in_place);
  request.options.use_clang_format_file = true;
  auto run = format_files(request);
  EXPECT_THAT(check_ids(run), ::testing::ElementsAre("format/invalid-style"));
  EXPECT_EQ(tree.read("a.cpp"), unformatted_code);
}

// A real style option that reorders tokens (`const int` -> `int const`) stands in for
// a formatter bug: the token guard must refuse to write.
TEST(FormatFiles, AFormattingThatChangesTokensWritesNothingAndIsAnInternalError) {
  testing::TempTree tree;
  tree.write(".clang-format", "BasedOnStyle: LLVM\nQualifierAlignment: Right\n");
  auto file = tree.write("a.cpp", "const int  x = 1;\n");
  auto request = request_for(tree, {file}, FormatMode::in_place);
  request.options.use_clang_format_file = true;
  auto run = format_files(request);
  EXPECT_EQ(run.files[0].status, FileStatus::meaning_changed);
  EXPECT_TRUE(run.has_internal_error());
  EXPECT_THAT(run.diagnostics[0].message, HasSubstr("'const' at line 1 became 'int' at line 1"));
  EXPECT_EQ(tree.read("a.cpp"), "const int  x = 1;\n");
}

TEST(FormatFiles, ManyFilesInParallelEachGetTheirOwnResult) {
  testing::TempTree tree;
  std::vector<fs::path> files;
  for (int i = 0; i < 40; ++i) {
    files.push_back(tree.write("f" + std::to_string(i) + ".cpp",
                               i % 2 == 0 ? unformatted_code : formatted_code));
  }
  auto request = request_for(tree, files, FormatMode::check);
  request.jobs = 4;
  auto run = format_files(request);
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(run.files[i].path, files[i]);
    EXPECT_EQ(run.files[i].status, i % 2 == 0 ? FileStatus::changed : FileStatus::formatted);
  }
}

TEST(FormatFiles, TheHouseStyleIsPrintableAsClangFormatYaml) {
  std::string yaml = house_style_yaml(90);
  EXPECT_THAT(yaml, HasSubstr("BasedOnStyle: Google"));
  EXPECT_THAT(yaml, HasSubstr("ColumnLimit:     90"));
  EXPECT_THAT(yaml, HasSubstr("DerivePointerAlignment: false"));
  EXPECT_THAT(yaml, Not(HasSubstr("InsertNewlineAtEOF")));  // clang-format 16 only
}

// Debian 12's own clang-format is version 14: the printed style must be one it reads,
// and it must format as retort does.
TEST(FormatFiles, ThePrintedStyleIsAcceptedByClangFormat14) {
  testing::TempTree tree;
  tree.write(".clang-format", house_style_yaml(100));
  auto file = tree.write("a.cpp", "int  f(int *p){return *p;}\n");
  ProcessOptions options;
  options.working_directory = tree.root();
  auto result = run_process({"clang-format-14", "a.cpp"}, options);
  ASSERT_TRUE(static_cast<bool>(result)) << llvm::toString(result.takeError());
  EXPECT_EQ(result->exit_code, 0) << result->standard_error;
  EXPECT_EQ(result->standard_output, "int f(int* p) { return *p; }\n");
}

TEST(FormatFiles, EveryReportedCheckIdHasARule) {
  std::vector<std::string> ids;
  for (const auto& rule : format_rules()) {
    EXPECT_FALSE(rule.help_text.empty()) << rule.id;
    ids.push_back(rule.id);
  }
  for (const char* id :
       {"format/unformatted", "format/reformatted", "format/unparseable", "format/meaning-changed",
        "format/unstable", "format/unreadable", "format/read-only", "format/write-failed",
        "format/invalid-style", "format/skipped"}) {
    EXPECT_THAT(ids, ::testing::Contains(id));
  }
}

}  // namespace
}  // namespace retort::format
