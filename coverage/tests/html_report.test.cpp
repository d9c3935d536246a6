#include "retort/coverage/html_report.hpp"

#include <regex>

#include <gtest/gtest.h>

#include "retort/core/process.hpp"
#include "retort/testing/temp_tree.hpp"

namespace retort::coverage {
namespace {

// Loads `url` in headless Chromium (Debian's package) and returns the DOM after the
// page's scripts ran.
std::string rendered_dom(const std::string& url, const std::filesystem::path& profile) {
  auto result = run_process({"chromium", "--headless", "--no-sandbox", "--disable-gpu",
                             "--user-data-dir=" + profile.string(), "--dump-dom", url});
  if (!result) {
    ADD_FAILURE() << llvm::toString(result.takeError());
    return "";
  }
  EXPECT_EQ(result->exit_code, 0) << result->standard_error;
  return result->standard_output;
}

std::vector<std::string> row_order(const std::string& dom) {
  static const std::regex row(R"re(<tr class="\w+" data-file="([^"]+)")re");
  std::vector<std::string> files;
  for (std::sregex_iterator it(dom.begin(), dom.end(), row), end; it != end; ++it)
    files.push_back((*it)[1]);
  return files;
}

// Three files whose orders by name, coverage and missed lines all differ.
class HtmlReport : public ::testing::Test {
 protected:
  void SetUp() override {
    auto add = [&](const std::string& name, std::map<unsigned, std::uint64_t> lines) {
      std::string source;
      for (unsigned i = 1; i <= lines.rbegin()->first; ++i)
        source += "line_" + std::to_string(i) + "();\n";
      data_.files[tree_.write(name, source)].lines = std::move(lines);
    };
    add("src/a.cpp", {{1, 1}, {2, 0}});                  // 50%, 1 missed
    add("src/b <&>.cpp", {{1, 0}, {2, 0}, {3, 0}});      // 0%, 3 missed
    add("src/c.cpp", {{1, 5}, {2, 5}, {3, 5}, {4, 0}});  // 75%, 1 missed
    auto written = write_html_report(report_dir(), data_, tree_.root(), "Coverage of demo");
    ASSERT_FALSE(static_cast<bool>(written)) << llvm::toString(std::move(written));
  }

  std::filesystem::path report_dir() const { return tree_.root() / "report"; }
  std::string index_url(const std::string& hash) const {
    return "file://" + (report_dir() / "index.html").string() + hash;
  }

  retort::testing::TempTree tree_;
  CoverageData data_;
};

TEST_F(HtmlReport, ListsFilesByNameWithBarsAndPercentages) {
  auto dom = rendered_dom(index_url(""), tree_.root() / "profile");
  EXPECT_EQ(row_order(dom),
            (std::vector<std::string>{"src/a.cpp", "src/b &lt;&amp;&gt;.cpp", "src/c.cpp"}));
  EXPECT_NE(dom.find("<span style=\"width:75.0%\"></span></span>75.0%"), std::string::npos) << dom;
  EXPECT_NE(dom.find("Lines <b>44.4%</b> (4 of 9)"), std::string::npos);
  // These files have no branch data: the page says so rather than "100% (0 of 0)".
  EXPECT_NE(dom.find("Branches <b>not measured</b>"), std::string::npos) << dom;
}

TEST_F(HtmlReport, SortsByTheColumnNamedInTheAddressInTheBrowser) {
  auto profile = tree_.root() / "profile";
  auto by_missed = rendered_dom(index_url("#sort=missed-desc"), profile);
  EXPECT_EQ(row_order(by_missed),
            (std::vector<std::string>{"src/b &lt;&amp;&gt;.cpp", "src/a.cpp", "src/c.cpp"}));
  EXPECT_NE(by_missed.find("data-key=\"missed\" aria-sort=\"descending\""), std::string::npos);
  auto by_coverage = rendered_dom(index_url("#sort=cov-asc"), profile);
  EXPECT_EQ(row_order(by_coverage),
            (std::vector<std::string>{"src/b &lt;&amp;&gt;.cpp", "src/a.cpp", "src/c.cpp"}));
  auto by_coverage_down = rendered_dom(index_url("#sort=cov-desc"), profile);
  EXPECT_EQ(row_order(by_coverage_down),
            (std::vector<std::string>{"src/c.cpp", "src/a.cpp", "src/b &lt;&amp;&gt;.cpp"}));
}

TEST_F(HtmlReport, FilePageShowsTheSourceWithHitCountsAndMissedLines) {
  auto dom = rendered_dom("file://" + (report_dir() / "files" / "2-src_c.cpp.html").string(),
                          tree_.root() / "profile");
  EXPECT_NE(dom.find("<tr class=\"hit\" id=\"L1\"><td class=\"line\"><a href=\"#L1\">1</a></td>"
                     "<td class=\"count\">5</td><td class=\"code\">line_1();</td></tr>"),
            std::string::npos)
      << dom;
  EXPECT_NE(dom.find("<tr class=\"miss\" id=\"L4\">"), std::string::npos);
  EXPECT_NE(dom.find("<a href=\"../index.html\">Coverage of demo</a>"), std::string::npos);
}

}  // namespace
}  // namespace retort::coverage
