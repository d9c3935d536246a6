#include <iostream>

#include <llvm/Support/raw_ostream.h>

#include "lint_command.hpp"
#include "retort/core/errors.hpp"
#include "retort/core/exit_codes.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/source_files.hpp"

namespace retort::cli {
namespace {

namespace fs = std::filesystem;

std::string line_of(const fs::path& file, unsigned number) {
  auto contents = read_file(file);
  if (!contents) {
    llvm::consumeError(contents.takeError());
    return "";
  }
  std::size_t begin = 0;
  for (unsigned line = 1; line < number && begin != std::string::npos; ++line) {
    begin = contents->find('\n', begin);
    if (begin != std::string::npos) ++begin;
  }
  if (begin == std::string::npos) return "";
  std::size_t end = contents->find('\n', begin);
  return contents->substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// The code line with a caret under the column, tabs kept so the caret lines up.
void print_code(const fs::path& file, const Diagnostic& d) {
  std::string code = line_of(file, d.range.begin.line);
  std::string gutter = std::to_string(d.range.begin.line);
  std::cout << "    " << gutter << " | " << code << "\n    " << std::string(gutter.size(), ' ')
            << " | ";
  for (unsigned column = 1; column < d.range.begin.column && column <= code.size(); ++column)
    std::cout << (code[column - 1] == '\t' ? '\t' : ' ');
  std::cout << "^\n\n";
}

void print_finding(const Project& project, const Diagnostic& d) {
  const lint::Check* check = lint::find_check(d.check_id);
  std::cout << d.range.file << ":" << d.range.begin.line << ":" << d.range.begin.column << "  "
            << d.check_id << "\n\n";
  std::cout << "  Category: " << d.category << "\n  Priority: " << priority_arrow(d.priority) << " "
            << priority_name(d.priority) << "\n\n  " << d.message << "\n\n";
  print_code(project.root / d.range.file, d);
  if (check == nullptr) {  // lint/parse-error and lint/unused-suppression
    for (const auto& rule : lint::lint_rules()) {
      if (rule.id == d.check_id) std::cout << "WHY IT MATTERS\n\n" << rule.help_text << "\n\n";
    }
    return;
  }
  std::cout << "WHY IT MATTERS\n\n" << check->info().explanation << "\n\n";
  std::cout << lint::configuration_text(check->info()) << "\n";
}

}  // namespace

int explain_findings_at(const Project& project, const LintCommandOptions& options,
                        const std::string& file, SourcePosition position) {
  if (!fs::exists(file))
    return report_error(usage_error("no such file: '" + file + "'"), llvm::errs());
  std::string shown = display_path(fs::absolute(file).lexically_normal(), project.root);
  auto run = lint::lint_project(project, project_lint_options(options), nullptr);
  if (!run) return report_error(run.takeError(), llvm::errs());
  std::size_t found = 0;
  for (const auto& d : run->diagnostics) {
    if (d.range.file != shown || d.range.begin.line != position.line) continue;
    if (position.column != 0 && d.range.begin.column != position.column) continue;
    print_finding(project, d);
    ++found;
  }
  if (found == 0) {
    std::cout << "No lint finding at " << shown << ":" << position.line;
    if (position.column != 0) std::cout << ":" << position.column;
    std::cout << " (low-priority findings included).\n";
  }
  return exit_clean;
}

}  // namespace retort::cli
