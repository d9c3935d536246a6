// retort gates itself (scripts/test runs `retort ensure-consistency` on retort), with a
// lint baseline of the findings older than the gate: it may shrink, never grow.

#include <gtest/gtest.h>
#include <llvm/Support/JSON.h>
#include <yaml-cpp/yaml.h>

#include "retort/core/file_io.hpp"

namespace retort {
namespace {

const std::filesystem::path source_dir = RETORT_SOURCE_DIR;

// The count committed with the baseline; lower it when a change fixes old findings.
constexpr std::size_t committed_baseline_findings = 413;

TEST(SelfGate, TheLintBaselineNeverGrowsPastItsCommittedCount) {
  auto config = YAML::LoadFile((source_dir / ".retort.yaml").string());
  ASSERT_EQ(config["lint"]["baseline"].as<std::string>(), "lint-baseline.json");
  auto steps = config["ensure_consistency"]["steps"].as<std::vector<std::string>>();
  EXPECT_EQ(steps, (std::vector<std::string>{"format", "lint", "typecheck", "doc-grade"}));
  auto text = read_file(source_dir / "lint-baseline.json");
  ASSERT_TRUE(static_cast<bool>(text)) << llvm::toString(text.takeError());
  auto baseline = llvm::json::parse(*text);
  ASSERT_TRUE(static_cast<bool>(baseline)) << llvm::toString(baseline.takeError());
  const auto* findings = baseline->getAsObject()->getArray("findings");
  ASSERT_NE(findings, nullptr);
  EXPECT_LE(findings->size(), committed_baseline_findings)
      << "new lint findings went into the baseline; fix them instead";
}

}  // namespace
}  // namespace retort
