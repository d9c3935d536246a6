#include "retort/core/reporters.hpp"

#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>

namespace retort {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Diagnostic make(std::string check, std::string category, Severity severity, std::string message,
                std::string file, unsigned line) {
  Diagnostic d;
  d.tool = "format";
  d.check_id = std::move(check);
  d.category = std::move(category);
  d.severity = severity;
  d.message = std::move(message);
  d.range = {std::move(file), {line, 1}, {line, 4}};
  return d;
}

std::vector<Diagnostic> sample() {
  return {make("format/unformatted", "consistency", Severity::warning, "not formatted, 100%",
               "src/a.cpp", 3),
          make("lint/long", "readability", Severity::error, "too long:\nsplit it", "src/b.cpp", 7)};
}

ReportContext context() {
  ReportContext c;
  c.tool = "format";
  c.tool_version = "0.1.0";
  c.rules = {{"format/unformatted", "File differs from the house style.", "Run `retort format`."}};
  c.files_checked = 2;
  c.elapsed = std::chrono::milliseconds(1234);
  return c;
}

std::string render(ReportFormat format, const std::vector<Diagnostic>& diagnostics,
                   ReportContext c = context()) {
  std::ostringstream out;
  write_report(format, diagnostics, c, out);
  return out.str();
}

TEST(Reporters, TextGroupsByCategoryAndEndsWithOneSummaryLine) {
  std::string text = render(ReportFormat::text, sample());
  EXPECT_LT(text.find("Consistency"), text.find("Readability"));
  EXPECT_THAT(text, HasSubstr("[W] → not formatted, 100%"));
  EXPECT_THAT(text, HasSubstr("src/a.cpp:3:1 #(format/unformatted)"));
  EXPECT_TRUE(
      text.ends_with("format: 2 files checked in 1.23 s; 2 findings (1 error, 1 warning).\n"))
      << text;
}

TEST(Reporters, TextHasNoEscapeCodesUnlessColourIsOn) {
  EXPECT_THAT(render(ReportFormat::text, sample()), Not(HasSubstr("\033[")));
  ReportContext coloured = context();
  coloured.use_color = true;
  EXPECT_THAT(render(ReportFormat::text, sample(), coloured), HasSubstr("\033[33m"));
}

TEST(Reporters, TextSaysSoWhenThereIsNothing) {
  EXPECT_THAT(render(ReportFormat::text, {}), HasSubstr("no findings."));
}

TEST(Reporters, NoColorTurnsColourOff) {
  setenv("NO_COLOR", "1", 1);
  EXPECT_FALSE(stdout_supports_color());
  unsetenv("NO_COLOR");
}

TEST(Reporters, JsonCarriesEveryFieldAndASummary) {
  auto parsed = llvm::json::parse(render(ReportFormat::json, sample()));
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  auto* root = parsed->getAsObject();
  EXPECT_EQ(root->getInteger("schema"), 1);
  EXPECT_EQ(root->getObject("summary")->getInteger("errors"), 1);
  auto* first = root->getArray("diagnostics")->front().getAsObject();
  EXPECT_EQ(first->getString("check_id"), "format/unformatted");
  EXPECT_EQ(first->getString("severity"), "warning");
  EXPECT_EQ(first->getInteger("line"), 3);
  EXPECT_EQ(first->getInteger("end_column"), 4);
}

TEST(Reporters, SarifIsVersion210WithRulesRegionsAndFingerprints) {
  auto parsed = llvm::json::parse(render(ReportFormat::sarif, sample()));
  ASSERT_TRUE(static_cast<bool>(parsed));
  auto* root = parsed->getAsObject();
  EXPECT_EQ(root->getString("version"), "2.1.0");
  auto* run = root->getArray("runs")->front().getAsObject();
  auto* driver = run->getObject("tool")->getObject("driver");
  EXPECT_EQ(driver->getString("name"), "retort format");
  auto* rule = driver->getArray("rules")->front().getAsObject();
  EXPECT_EQ(rule->getString("id"), "format/unformatted");
  EXPECT_EQ(rule->getObject("help")->getString("text"), "Run `retort format`.");
  auto* result = run->getArray("results")->front().getAsObject();
  EXPECT_EQ(result->getString("level"), "warning");
  EXPECT_EQ(result->getInteger("ruleIndex"), 0);
  auto* region = result->getArray("locations")
                     ->front()
                     .getAsObject()
                     ->getObject("physicalLocation")
                     ->getObject("region");
  EXPECT_EQ(region->getInteger("startLine"), 3);
  EXPECT_EQ(result->getObject("partialFingerprints")->getString("retortFingerprint/v1")->size(),
            16u);
  auto* unknown_rule = run->getArray("results")->back().getAsObject();
  EXPECT_FALSE(unknown_rule->getInteger("ruleIndex").has_value());
}

TEST(Reporters, SarifFingerprintsSurviveLineShifts) {
  auto moved = sample();
  moved[0].range.begin.line = 30;
  auto fingerprint = [](const std::string& sarif) {
    auto parsed = llvm::json::parse(sarif);
    return parsed->getAsObject()
        ->getArray("runs")
        ->front()
        .getAsObject()
        ->getArray("results")
        ->front()
        .getAsObject()
        ->getObject("partialFingerprints")
        ->getString("retortFingerprint/v1")
        ->str();
  };
  EXPECT_EQ(fingerprint(render(ReportFormat::sarif, sample())),
            fingerprint(render(ReportFormat::sarif, moved)));
}

TEST(Reporters, GithubAnnotationsEscapeDataAndProperties) {
  std::string github = render(ReportFormat::github, sample());
  EXPECT_THAT(github, HasSubstr("::warning file=src/a.cpp,line=3,col=1,endLine=3,endColumn=4,"
                                "title=format/unformatted::not formatted, 100%25\n"));
  EXPECT_THAT(github, HasSubstr("::error file=src/b.cpp,line=7,"));
  EXPECT_THAT(github, HasSubstr("::too long:%0Asplit it\n"));
}

TEST(Reporters, JunitHasOneFailedCasePerFinding) {
  std::string junit = render(ReportFormat::junit, sample());
  EXPECT_THAT(junit, HasSubstr("<testsuite name=\"retort format\" tests=\"2\" failures=\"2\">"));
  EXPECT_THAT(junit, HasSubstr("message=\"too long:\nsplit it\""));
  EXPECT_THAT(render(ReportFormat::junit, {}), HasSubstr("failures=\"0\""));
}

// A coverage gate is about the whole project: it has no file, and no format invents one.
TEST(Reporters, AFindingWithoutAFileHasNoLocationInAnyFormat) {
  std::vector<Diagnostic> project_wide{
      make("cover/below-minimum", "coverage", Severity::error, "line coverage 70% < 80%", "", 1)};
  auto sarif = llvm::json::parse(render(ReportFormat::sarif, project_wide));
  ASSERT_TRUE(static_cast<bool>(sarif));
  auto* result = sarif->getAsObject()
                     ->getArray("runs")
                     ->front()
                     .getAsObject()
                     ->getArray("results")
                     ->front()
                     .getAsObject();
  EXPECT_TRUE(result->getArray("locations")->empty());
  EXPECT_EQ(render(ReportFormat::github, project_wide),
            "::error title=cover/below-minimum::line coverage 70%25 < 80%25\n");
  EXPECT_THAT(render(ReportFormat::text, project_wide), HasSubstr("      #(cover/below-minimum)"));
  EXPECT_THAT(render(ReportFormat::junit, project_wide),
              HasSubstr("cover/below-minimum at project"));
}

TEST(Reporters, FormatsAreParsedByName) {
  EXPECT_EQ(parse_report_format("sarif"), ReportFormat::sarif);
  EXPECT_FALSE(parse_report_format("xml").has_value());
  EXPECT_EQ(report_format_names(), "text, json, sarif, github, junit");
}

}  // namespace
}  // namespace retort
