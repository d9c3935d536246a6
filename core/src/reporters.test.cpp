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

// The gate's report: two tools' findings in one document of each format.
std::vector<ToolFindings> two_tools() {
  auto lint = context();
  lint.tool = "lint";
  lint.rules = {{"lint/long", "Lines are too long.", "Split them."}};
  auto lint_findings = sample();
  lint_findings.erase(lint_findings.begin());
  lint_findings.front().tool = "lint";
  return {{context(), {sample().front()}}, {lint, lint_findings}};
}

std::string render_combined(ReportFormat format) {
  std::ostringstream out;
  write_combined_report(format, two_tools(), "0.1.0", out);
  return out.str();
}

TEST(Reporters, ACombinedSarifLogHasOneRunPerToolWithItsOwnRules) {
  auto parsed = llvm::json::parse(render_combined(ReportFormat::sarif));
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  const auto* runs = parsed->getAsObject()->getArray("runs");
  ASSERT_NE(runs, nullptr);
  ASSERT_EQ(runs->size(), 2u);
  std::vector<std::string> drivers, first_results;
  for (const auto& run : *runs) {
    const auto* driver = run.getAsObject()->getObject("tool")->getObject("driver");
    drivers.push_back(driver->getString("name")->str());
    const auto* results = run.getAsObject()->getArray("results");
    ASSERT_EQ(results->size(), 1u);
    first_results.push_back((*results)[0].getAsObject()->getString("ruleId")->str());
    EXPECT_EQ(driver->getArray("rules")->size(), 1u);
  }
  EXPECT_EQ(drivers, (std::vector<std::string>{"retort format", "retort lint"}));
  EXPECT_EQ(first_results, (std::vector<std::string>{"format/unformatted", "lint/long"}));
}

TEST(Reporters, ACombinedJsonReportHasEveryDiagnosticAndASummaryPerTool) {
  auto parsed = llvm::json::parse(render_combined(ReportFormat::json));
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  const auto* root = parsed->getAsObject();
  EXPECT_EQ(root->getString("tool"), "ensure-consistency");
  EXPECT_EQ(root->getObject("summary")->getInteger("findings"), 2);
  ASSERT_EQ(root->getArray("tools")->size(), 2u);
  EXPECT_EQ((*root->getArray("tools"))[1].getAsObject()->getString("tool"), "lint");
  const auto& second = *(*root->getArray("diagnostics"))[1].getAsObject();
  EXPECT_EQ(second.getString("tool"), "lint");
}

TEST(Reporters, ACombinedJunitDocumentHasOneSuitePerToolAndTheirTotals) {
  std::string xml = render_combined(ReportFormat::junit);
  EXPECT_THAT(xml, HasSubstr("<testsuites tests=\"2\" failures=\"2\">"));
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"retort format\""));
  EXPECT_THAT(xml, HasSubstr("<testsuite name=\"retort lint\""));
  EXPECT_EQ(xml.find("<?xml"), xml.rfind("<?xml"));
}

TEST(Reporters, FormatsAreParsedByName) {
  EXPECT_EQ(parse_report_format("sarif"), ReportFormat::sarif);
  EXPECT_FALSE(parse_report_format("xml").has_value());
  EXPECT_EQ(report_format_names(), "text, json, sarif, github, junit");
}

}  // namespace
}  // namespace retort
