#include "retort/core/baseline.hpp"

#include <cctype>

#include <llvm/ADT/StringExtras.h>
#include <llvm/Support/FormatVariadic.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/xxhash.h>

#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/text_lines.hpp"

namespace retort {
namespace {

// Version 2 added "fingerprint"; version 1 files are matched by check, file and
// message as before.
constexpr int baseline_schema_version = 2;

std::string without_numbers(llvm::StringRef message) {
  std::string text;
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(message[i]))) {
      text += message[i];
    } else if (i == 0 || !std::isdigit(static_cast<unsigned char>(message[i - 1]))) {
      text += '#';
    }
  }
  return text;
}

std::string without_whitespace(llvm::StringRef line) {
  std::string text;
  for (char c : line) {
    if (!std::isspace(static_cast<unsigned char>(c))) text += c;
  }
  return text;
}

// Reads each file once: a baseline of thousands of findings in one file is common.
class LineReader {
 public:
  explicit LineReader(std::filesystem::path root, const SourceTexts* replaced = nullptr)
      : root_(std::move(root)), replaced_(replaced) {}

  std::string line(const std::string& file, unsigned number) {
    auto [found, is_new] = files_.try_emplace(file);
    if (is_new && !root_.empty()) {
      if (auto text = read_source(root_ / file, replaced_)) {
        for (std::string_view line : split_lines(*text)) found->second.emplace_back(line);
      } else {
        llvm::consumeError(text.takeError());
      }
    }
    if (number == 0 || number > found->second.size()) return "";
    return found->second[number - 1];
  }

 private:
  std::filesystem::path root_;
  const SourceTexts* replaced_;
  std::map<std::string, std::vector<std::string>> files_;
};

std::string fingerprint(const Diagnostic& d, LineReader& lines) {
  return llvm::utohexstr(
      llvm::xxHash64(d.check_id + "\n" + d.range.file + "\n" + without_numbers(d.message) + "\n" +
                     without_whitespace(lines.line(d.range.file, d.range.begin.line))));
}

std::string identity(llvm::StringRef check_id, llvm::StringRef file, llvm::StringRef message) {
  return "v1\n" + check_id.str() + "\n" + file.str() + "\n" + message.str();
}

llvm::Error not_a_baseline(const std::filesystem::path& path, const std::string& why) {
  return usage_error(path.string() + ": not a retort baseline file: " + why +
                     "; write one with `retort lint --write-baseline " + path.string() + "`");
}

}  // namespace

llvm::Expected<Baseline> Baseline::read(const std::filesystem::path& path) {
  auto text = read_file(path);
  if (!text) return usage_error(llvm::toString(text.takeError()));
  auto parsed = llvm::json::parse(*text);
  if (!parsed) return not_a_baseline(path, llvm::toString(parsed.takeError()));
  const auto* root = parsed->getAsObject();
  auto schema = root == nullptr ? std::nullopt : root->getInteger("schema");
  if (!schema || *schema < 1 || *schema > baseline_schema_version)
    return not_a_baseline(path, "expected an object with \"schema\": 1 or 2");
  const auto* findings = root->getArray("findings");
  if (findings == nullptr) return not_a_baseline(path, "expected a \"findings\" array");
  Baseline baseline;
  for (std::size_t index = 0; index < findings->size(); ++index) {
    const auto* finding = (*findings)[index].getAsObject();
    auto check_id = finding ? finding->getString("check_id") : std::nullopt;
    auto file = finding ? finding->getString("file") : std::nullopt;
    auto message = finding ? finding->getString("message") : std::nullopt;
    if (!check_id || !file || !message)
      return not_a_baseline(path, "finding " + std::to_string(index + 1) +
                                      " needs \"check_id\", \"file\" and \"message\"");
    auto print = finding->getString("fingerprint");
    if (*schema >= 2 && !print)
      return not_a_baseline(path,
                            "finding " + std::to_string(index + 1) + " needs \"fingerprint\"");
    ++baseline.counts_[print ? print->str() : identity(*check_id, *file, *message)];
  }
  return baseline;
}

llvm::Error Baseline::write(const std::filesystem::path& path, const std::string& tool,
                            const std::vector<Diagnostic>& diagnostics,
                            const std::filesystem::path& source_root) {
  LineReader lines(source_root);
  llvm::json::Array findings;
  for (const auto& d : diagnostics) {
    // The line and message are for the reader; matching uses the fingerprint.
    findings.push_back(llvm::json::Object{{"check_id", d.check_id},
                                          {"file", d.range.file},
                                          {"line", d.range.begin.line},
                                          {"message", d.message},
                                          {"fingerprint", fingerprint(d, lines)}});
  }
  llvm::json::Value document = llvm::json::Object{
      {"schema", baseline_schema_version}, {"tool", tool}, {"findings", std::move(findings)}};
  std::string text;
  llvm::raw_string_ostream stream(text);
  stream << llvm::formatv("{0:2}", document) << "\n";
  return write_file_atomically(path, stream.str());
}

Baseline Baseline::of(const std::vector<Diagnostic>& diagnostics,
                      const std::filesystem::path& source_root, const SourceTexts* replaced) {
  LineReader lines(source_root, replaced);
  Baseline baseline;
  for (const auto& d : diagnostics) ++baseline.counts_[fingerprint(d, lines)];
  return baseline;
}

std::vector<Diagnostic> Baseline::new_findings(std::vector<Diagnostic> diagnostics,
                                               const std::filesystem::path& source_root,
                                               const SourceTexts* replaced) const {
  std::map<std::string, std::size_t> remaining = counts_;
  LineReader lines(source_root, replaced);
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    for (const auto& key : {fingerprint(d, lines), identity(d.check_id, d.range.file, d.message)}) {
      auto found = remaining.find(key);
      if (found == remaining.end() || found->second == 0) continue;
      --found->second;
      return true;
    }
    return false;
  });
  return diagnostics;
}

std::size_t Baseline::size() const {
  std::size_t total = 0;
  for (const auto& [key, count] : counts_) total += count;
  return total;
}

}  // namespace retort
