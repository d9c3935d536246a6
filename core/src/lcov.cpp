#include "retort/core/lcov.hpp"

#include <algorithm>
#include <charconv>

#include <llvm/ADT/StringRef.h>
#include <llvm/Demangle/Demangle.h>
#include <llvm/Support/raw_ostream.h>

#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/text_lines.hpp"

namespace retort {
namespace {

// lcov and genhtml split `FN:<line>,<name>` at commas, so a demangled name
// (`add(int, int)`) would be cut and overloads merged: the record carries the mangled
// name, and a name without one has its commas replaced.
std::string tracefile_name(const std::string& name, const FunctionHits& hits) {
  if (!hits.mangled_name.empty()) return hits.mangled_name;
  std::string written = name;
  std::replace(written.begin(), written.end(), ',', ';');
  return written;
}

void write_functions(llvm::raw_string_ostream& out, const FileCoverage& file) {
  for (const auto& [name, hits] : file.functions)
    out << "FN:" << hits.line << "," << tracefile_name(name, hits) << "\n";
  for (const auto& [name, hits] : file.functions)
    out << "FNDA:" << hits.count << "," << tracefile_name(name, hits) << "\n";
}

// A tracefile names functions as they were written: a mangled name is shown demangled
// (as reports show gcov's functions) and kept for writing back. llvm-cov prefixes a
// function of internal linkage with its file (`calc.cpp:_ZL4halfi`).
FunctionHits& function_named(FileCoverage& record, llvm::StringRef name) {
  auto mangled = name.starts_with("_Z") ? name : name.rsplit(':').second;
  if (!mangled.starts_with("_Z")) return record.functions[name.str()];
  auto& hits = record.functions[llvm::demangle(mangled.str())];
  hits.mangled_name = name.str();
  return hits;
}

void write_branches(llvm::raw_string_ostream& out, const FileCoverage& file) {
  for (const auto& [id, taken] : file.branches) {
    out << "BRDA:" << id.line << "," << id.block << "," << id.branch << ",";
    if (taken) {
      out << *taken << "\n";
    } else {
      out << "-\n";
    }
  }
}

void write_record(llvm::raw_string_ostream& out, const std::filesystem::path& path,
                  const FileCoverage& file) {
  auto totals = totals_of(file);
  out << "SF:" << path.string() << "\n";
  write_functions(out, file);
  out << "FNF:" << totals.functions.found << "\nFNH:" << totals.functions.hit << "\n";
  write_branches(out, file);
  if (!file.branches.empty())
    out << "BRF:" << totals.branches.found << "\nBRH:" << totals.branches.hit << "\n";
  for (const auto& [line, count] : file.lines) out << "DA:" << line << "," << count << "\n";
  out << "LF:" << totals.lines.found << "\nLH:" << totals.lines.hit << "\nend_of_record\n";
}

// Reads one tracefile line by line; each method handles one record type.
class LcovParser {
 public:
  explicit LcovParser(const std::string& file_name) : file_name_(file_name) {}

  llvm::Error parse_line(llvm::StringRef line, std::size_t number) {
    line_number_ = number;
    line = line.rtrim("\r");
    if (line.empty() || line.starts_with("TN:") || line.starts_with("VER:")) {
      return llvm::Error::success();
    }
    if (line == "end_of_record") return end_record();
    auto [key, value] = line.split(':');
    if (key == "SF") return start_record(value);
    if (!current_) return error("'SF:<path>' before '" + key.str() + ":'");
    if (key == "DA") return parse_line_hits(value);
    if (key == "FN") return parse_function(value);
    if (key == "FNDA") return parse_function_hits(value);
    if (key == "BRDA") return parse_branch(value);
    if (key == "FNF" || key == "FNH" || key == "BRF" || key == "BRH" || key == "LF" ||
        key == "LH") {
      // Summaries are recomputed from the records; they only need to be numbers.
      return number_or_error(value, key).takeError();
    }
    return error("a tracefile record (SF, FN, FNDA, BRDA, DA, LF, LH, end_of_record), not '" +
                 line.str() + "'");
  }

  llvm::Expected<CoverageData> finish() {
    if (current_) return error("'end_of_record' before the end of the file");
    return std::move(data_);
  }

 private:
  llvm::Error start_record(llvm::StringRef path) {
    if (current_) return error("'end_of_record' before the next 'SF:'");
    if (path.empty()) return error("a source path after 'SF:'");
    current_ = &data_.files[std::filesystem::path(path.str()).lexically_normal()];
    record_ = FileCoverage();
    return llvm::Error::success();
  }

  llvm::Error end_record() {
    if (!current_) return error("'SF:<path>' before 'end_of_record'");
    current_->merge(record_);
    current_ = nullptr;
    return llvm::Error::success();
  }

  llvm::Error parse_line_hits(llvm::StringRef value) {
    auto [line_text, rest] = value.split(',');
    auto line = number_or_error(line_text, "DA line");
    if (!line) return line.takeError();
    auto count = number_or_error(rest.split(',').first, "DA count");
    if (!count) return count.takeError();
    record_.lines[static_cast<unsigned>(*line)] += *count;
    return llvm::Error::success();
  }

  llvm::Error parse_function(llvm::StringRef value) {
    auto [line_text, name] = value.split(',');
    auto line = number_or_error(line_text, "FN line");
    if (!line) return line.takeError();
    if (name.empty()) return error("'FN:<line>,<name>'");
    function_named(record_, name).line = static_cast<unsigned>(*line);
    return llvm::Error::success();
  }

  llvm::Error parse_function_hits(llvm::StringRef value) {
    auto [count_text, name] = value.split(',');
    auto count = number_or_error(count_text, "FNDA count");
    if (!count) return count.takeError();
    if (name.empty()) return error("'FNDA:<count>,<name>'");
    function_named(record_, name).count += *count;
    return llvm::Error::success();
  }

  llvm::Error parse_branch(llvm::StringRef value) {
    llvm::SmallVector<llvm::StringRef, 4> fields;
    value.split(fields, ',');
    if (fields.size() != 4) return error("'BRDA:<line>,<block>,<branch>,<taken>'");
    BranchId id;
    for (auto [field, target] : {std::pair{0, &id.line}, {1, &id.block}, {2, &id.branch}}) {
      auto number = number_or_error(fields[field], "BRDA field");
      if (!number) return number.takeError();
      *target = static_cast<unsigned>(*number);
    }
    if (fields[3] == "-") {
      record_.add_branch(id, std::nullopt);
      return llvm::Error::success();
    }
    auto taken = number_or_error(fields[3], "BRDA taken count or '-'");
    if (!taken) return taken.takeError();
    record_.add_branch(id, *taken);
    return llvm::Error::success();
  }

  llvm::Expected<std::uint64_t> number_or_error(llvm::StringRef text, llvm::StringRef what) {
    std::uint64_t number = 0;
    auto [end, status] = std::from_chars(text.begin(), text.end(), number);
    if (text.empty() || status != std::errc() || end != text.end()) {
      return error("a number for " + what.str() + ", not '" + text.str() + "'");
    }
    return number;
  }

  llvm::Error error(const std::string& expected) const {
    return usage_error(file_name_ + ":" + std::to_string(line_number_) +
                       ": corrupt lcov tracefile: expected " + expected);
  }

  std::string file_name_;
  std::size_t line_number_ = 0;
  CoverageData data_;
  FileCoverage* current_ = nullptr;
  FileCoverage record_;
};

}  // namespace

std::string to_lcov(const CoverageData& data, std::string_view test_name) {
  std::string text;
  llvm::raw_string_ostream out(text);
  for (const auto& [path, file] : data.files) {
    out << "TN:" << test_name << "\n";
    write_record(out, path, file);
  }
  return text;
}

llvm::Expected<CoverageData> parse_lcov(std::string_view text, const std::string& file_name) {
  LcovParser parser(file_name);
  std::size_t number = 0;
  for (auto line : split_lines(text)) {
    if (auto error = parser.parse_line(line, ++number)) return std::move(error);
  }
  return parser.finish();
}

llvm::Expected<CoverageData> read_lcov(const std::filesystem::path& path) {
  auto text = read_file(path);
  if (!text) return text.takeError();
  return parse_lcov(*text, path.string());
}

}  // namespace retort
