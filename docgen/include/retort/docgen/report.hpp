#pragma once

/// @file
/// `retort doc-grade`'s reports: suggestions and the grade distribution like
/// `mix inch`, a symbol's score explained, JSON, and documentation coverage as an lcov
/// tracefile.

#include <array>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "retort/docgen/grading.hpp"

namespace retort::doc {

/// A symbol with its assessment.
struct GradedSymbol {
  /// The symbol.
  Symbol symbol;
  /// What the grader made of it.
  Assessment assessment;
};

/// Grades every symbol of `symbols` (reopened namespaces merged first).
std::vector<GradedSymbol> grade_all(std::vector<Symbol> symbols);

/// How many symbols got each grade.
struct GradeSummary {
  /// Symbols per grade, indexed by `Grade` (A, B, C, U).
  std::array<std::size_t, 4> counts{};
  /// All graded symbols.
  std::size_t total = 0;

  /// Returns the percentage of symbols graded B or better (100 when there are none).
  double percent_b_or_better() const;
};

/// Returns how many of `graded` got each grade.
GradeSummary summarize(const std::vector<GradedSymbol>& graded);

/// How `print_suggestions` chooses and shows symbols.
struct SuggestionOptions {
  /// Every symbol, every grade and priority (`--all`); else the most important
  /// below grade A with priority → or higher, at most `limit`.
  bool is_all = false;
  /// How many suggestions without `is_all`.
  std::size_t limit = 10;
  /// Colour grades (a terminal without NO_COLOR).
  bool use_color = false;
};

/// Prints suggestions grouped by grade, the files to look at, the grade distribution
/// bar and the closing summary line, like `mix inch`.
void print_suggestions(std::ostream& out, const std::vector<GradedSymbol>& graded,
                       const SuggestionOptions& options);

/// Returns the distribution bar: one block per grade (undocumented, C, B, A), its
/// height proportional to the count, e.g. `▁ ▄ ▄ █`.
std::string distribution_bar(const GradeSummary& summary);

/// Prints `graded`'s score as a table of the points each criterion earned or missed,
/// with its grade and why its priority is what it is.
void print_explanation(std::ostream& out, const GradedSymbol& graded);

/// Returns the symbols whose name (or name with signature) is `query`, or ends with
/// `::query`; all overloads of a function.
std::vector<const GradedSymbol*> find_symbols(const std::vector<GradedSymbol>& graded,
                                              std::string_view query);

/// Returns every graded symbol and the summary as JSON.
std::string grades_to_json(const std::vector<GradedSymbol>& graded);

/// Returns documentation coverage as an lcov tracefile: each symbol's line counts 1
/// when it is documented and 0 when not, each symbol is a function record (hit when
/// documented), so coverage viewers show what lacks docs. `display_root` makes the
/// symbols' paths absolute.
std::string doc_coverage_lcov(const std::vector<GradedSymbol>& graded,
                              const std::filesystem::path& display_root);

}  // namespace retort::doc
