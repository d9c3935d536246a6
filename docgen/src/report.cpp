#include "retort/docgen/report.hpp"

#include <algorithm>
#include <iomanip>
#include <map>

#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>

#include "retort/core/coverage_data.hpp"
#include "retort/core/format_number.hpp"
#include "retort/core/lcov.hpp"

namespace retort::doc {
namespace {

std::string_view heading(Grade grade) {
  switch (grade) {
    case Grade::A:
      return "# Really good:";
    case Grade::B:
      return "# Proper documentation present, could be improved:";
    case Grade::C:
      return "# Needs work:";
    default:
      return "# Undocumented:";
  }
}

std::string coloured_letter(Grade grade, bool use_color) {
  std::string letter(grade_letter(grade));
  if (!use_color) return letter;
  static constexpr std::array<std::string_view, 4> colours{"32", "33", "31", "35"};
  return "\033[" + std::string(colours[static_cast<std::size_t>(grade)]) + "m" + letter + "\033[0m";
}

bool suggestion_order(const GradedSymbol* a, const GradedSymbol* b) {
  // Most important first; among equals the worst grade, then by place.
  return std::make_tuple(-a->assessment.priority, -static_cast<int>(a->assessment.grade),
                         a->symbol.file, a->symbol.line) <
         std::make_tuple(-b->assessment.priority, -static_cast<int>(b->assessment.grade),
                         b->symbol.file, b->symbol.line);
}

std::vector<const GradedSymbol*> choose_suggestions(const std::vector<GradedSymbol>& graded,
                                                    const SuggestionOptions& options,
                                                    std::size_t& candidate_count) {
  std::vector<const GradedSymbol*> chosen;
  for (const auto& symbol : graded) {
    bool is_candidate =
        options.is_all || (symbol.assessment.grade != Grade::A && symbol.assessment.priority >= 0);
    if (is_candidate) chosen.push_back(&symbol);
  }
  std::sort(chosen.begin(), chosen.end(), suggestion_order);
  candidate_count = chosen.size();
  if (!options.is_all && chosen.size() > options.limit) chosen.resize(options.limit);
  return chosen;
}

void print_files_to_look_at(std::ostream& out, const std::vector<const GradedSymbol*>& shown) {
  std::map<std::string, std::size_t> count_by_file;
  for (const auto* symbol : shown) {
    if (symbol->assessment.grade != Grade::A) ++count_by_file[symbol->symbol.file];
  }
  if (count_by_file.empty()) return;
  std::vector<std::pair<std::string, std::size_t>> files(count_by_file.begin(),
                                                         count_by_file.end());
  std::stable_sort(files.begin(), files.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  out << "You might want to look at these files:\n\n";
  for (std::size_t i = 0; i < files.size() && i < 5; ++i) out << "┃ " << files[i].first << "\n";
  out << "\n";
}

llvm::json::Value graded_to_json(const GradedSymbol& graded) {
  const Symbol& symbol = graded.symbol;
  return llvm::json::Object{{"name", symbol.name},
                            {"signature", symbol.signature},
                            {"kind", std::string(kind_name(symbol.kind))},
                            {"file", symbol.file},
                            {"line", symbol.line},
                            {"documented", !symbol.doc.empty()},
                            {"score", graded.assessment.score},
                            {"grade", std::string(grade_letter(graded.assessment.grade))},
                            {"priority", graded.assessment.priority}};
}

}  // namespace

std::vector<GradedSymbol> grade_all(std::vector<Symbol> symbols) {
  std::vector<GradedSymbol> graded;
  for (auto& symbol : merge_reopened_namespaces(std::move(symbols))) {
    Assessment assessment = assess(symbol);
    graded.push_back({std::move(symbol), std::move(assessment)});
  }
  return graded;
}

double GradeSummary::percent_b_or_better() const {
  if (total == 0) return 100.0;
  return 100.0 * static_cast<double>(counts[0] + counts[1]) / static_cast<double>(total);
}

GradeSummary summarize(const std::vector<GradedSymbol>& graded) {
  GradeSummary summary;
  for (const auto& symbol : graded)
    ++summary.counts[static_cast<std::size_t>(symbol.assessment.grade)];
  summary.total = graded.size();
  return summary;
}

std::string distribution_bar(const GradeSummary& summary) {
  static constexpr std::array<std::string_view, 8> blocks{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::size_t largest = *std::max_element(summary.counts.begin(), summary.counts.end());
  std::string bar;
  for (Grade grade : {Grade::U, Grade::C, Grade::B, Grade::A}) {
    std::size_t count = summary.counts[static_cast<std::size_t>(grade)];
    std::size_t height = largest == 0 ? 0 : (count * (blocks.size() - 1) + largest - 1) / largest;
    if (!bar.empty()) bar += " ";
    bar += blocks[height];
  }
  return bar;
}

void print_suggestions(std::ostream& out, const std::vector<GradedSymbol>& graded,
                       const SuggestionOptions& options) {
  std::size_t candidate_count = 0;
  auto shown = choose_suggestions(graded, options, candidate_count);
  if (shown.empty()) out << "Nothing to suggest.\n\n";
  for (Grade grade : {Grade::A, Grade::B, Grade::C, Grade::U}) {
    bool has_heading = false;
    for (const auto* symbol : shown) {
      if (symbol->assessment.grade != grade) continue;
      if (!has_heading) out << heading(grade) << "\n\n";
      has_heading = true;
      out << "┃  " << coloured_letter(grade, options.use_color) << "  "
          << priority_arrow(symbol->assessment.priority) << "  " << symbol->symbol.display_name()
          << "  " << symbol->symbol.file << ":" << symbol->symbol.line << "\n";
    }
    if (has_heading) out << "\n";
  }
  print_files_to_look_at(out, shown);
  GradeSummary summary = summarize(graded);
  out << "Grade distribution (undocumented, C, B, A):  " << distribution_bar(summary) << "\n\n";
  if (!options.is_all) {
    if (candidate_count > shown.size())
      out << "Showing " << shown.size() << " of " << candidate_count
          << " suggestions; `--all` lists every symbol.\n";
    out << "Only considering priority symbols: ↑ ↗ →  (use `--all` for every symbol).\n";
  }
  out << summary.total << " public symbols: " << summary.counts[0] << " A, " << summary.counts[1]
      << " B, " << summary.counts[2] << " C, " << summary.counts[3] << " U; "
      << format_percent(summary.percent_b_or_better()) << "% graded B or better.\n";
}

void print_explanation(std::ostream& out, const GradedSymbol& graded) {
  const Symbol& symbol = graded.symbol;
  const Assessment& assessment = graded.assessment;
  out << symbol.display_name() << "\n  " << kind_name(symbol.kind) << " in " << symbol.file << ":"
      << symbol.line << "\n  Grade " << grade_letter(assessment.grade) << " ("
      << grade_meaning(assessment.grade) << "), score " << assessment.score << " of 100\n\n";
  out << "  points  earned  criterion\n";
  int possible = 0;
  for (const auto& criterion : assessment.criteria) {
    possible += criterion.points;
    out << "  " << std::setw(6) << criterion.points << "  " << std::setw(6) << criterion.earned
        << "  " << criterion.description
        << (criterion.earned < criterion.points ? "  (missed)" : "") << "\n";
  }
  if (possible > 100) out << "  (the score is capped at 100)\n";
  out << "\n  Priority " << priority_arrow(assessment.priority);
  if (assessment.priority_reasons.empty()) out << ": nothing raises or lowers it";
  for (std::size_t i = 0; i < assessment.priority_reasons.size(); ++i)
    out << (i == 0 ? ": " : ", ") << assessment.priority_reasons[i];
  out << "\n";
}

std::vector<const GradedSymbol*> find_symbols(const std::vector<GradedSymbol>& graded,
                                              std::string_view query) {
  std::vector<const GradedSymbol*> found;
  auto matches = [&](const std::string& name) {
    return name == query || (name.size() > query.size() + 2 && name.ends_with(query) &&
                             name.compare(name.size() - query.size() - 2, 2, "::") == 0);
  };
  for (const auto& symbol : graded) {
    if (matches(symbol.symbol.name) || matches(symbol.symbol.display_name()))
      found.push_back(&symbol);
  }
  return found;
}

std::string grades_to_json(const std::vector<GradedSymbol>& graded) {
  llvm::json::Array symbols;
  for (const auto& symbol : graded) symbols.push_back(graded_to_json(symbol));
  GradeSummary summary = summarize(graded);
  llvm::json::Object counts{{"A", summary.counts[0]},
                            {"B", summary.counts[1]},
                            {"C", summary.counts[2]},
                            {"U", summary.counts[3]}};
  llvm::json::Object document{
      {"symbols", std::move(symbols)},
      {"summary", llvm::json::Object{{"total", summary.total},
                                     {"grades", std::move(counts)},
                                     {"percent_b_or_better", summary.percent_b_or_better()}}}};
  std::string text;
  llvm::raw_string_ostream out(text);
  out << llvm::formatv("{0:2}", llvm::json::Value(std::move(document))) << "\n";
  out.flush();
  return text;
}

std::string doc_coverage_lcov(const std::vector<GradedSymbol>& graded,
                              const std::filesystem::path& display_root) {
  CoverageData data;
  for (const auto& [symbol, assessment] : graded) {
    auto& file = data.files[(display_root / symbol.file).lexically_normal()];
    std::uint64_t documented = symbol.doc.empty() ? 0 : 1;
    // A line with several symbols is covered only when all of them are documented.
    auto [line, is_new] = file.lines.try_emplace(symbol.line, documented);
    if (!is_new) line->second = std::min(line->second, documented);
    file.functions[symbol.display_name()] = {symbol.line, documented};
  }
  return to_lcov(data, "doc-grade");
}

}  // namespace retort::doc
