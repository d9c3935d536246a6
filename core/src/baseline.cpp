#include "retort/core/baseline.hpp"

#include <llvm/Support/JSON.h>

#include "retort/core/errors.hpp"
#include "retort/core/file_io.hpp"

namespace retort {
namespace {

constexpr int baseline_schema_version = 1;

std::string identity(llvm::StringRef check_id, llvm::StringRef file, llvm::StringRef message) {
  return check_id.str() + "\n" + file.str() + "\n" + message.str();
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
  if (root == nullptr || root->getInteger("schema") != baseline_schema_version)
    return not_a_baseline(path, "expected an object with \"schema\": 1");
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
    ++baseline.counts_[identity(*check_id, *file, *message)];
  }
  return baseline;
}

llvm::Error Baseline::write(const std::filesystem::path& path, const std::string& tool,
                            const std::vector<Diagnostic>& diagnostics) {
  llvm::json::Array findings;
  for (const auto& d : diagnostics) {
    // The line is for the reader only; matching ignores it.
    findings.push_back(llvm::json::Object{{"check_id", d.check_id},
                                          {"file", d.range.file},
                                          {"line", d.range.begin.line},
                                          {"message", d.message}});
  }
  llvm::json::Value document = llvm::json::Object{
      {"schema", baseline_schema_version}, {"tool", tool}, {"findings", std::move(findings)}};
  std::string text;
  llvm::raw_string_ostream stream(text);
  stream << llvm::formatv("{0:2}", document) << "\n";
  return write_file_atomically(path, stream.str());
}

std::vector<Diagnostic> Baseline::new_findings(std::vector<Diagnostic> diagnostics) const {
  std::map<std::string, std::size_t> remaining = counts_;
  std::erase_if(diagnostics, [&](const Diagnostic& d) {
    auto found = remaining.find(identity(d.check_id, d.range.file, d.message));
    if (found == remaining.end() || found->second == 0) return false;
    --found->second;
    return true;
  });
  return diagnostics;
}

std::size_t Baseline::size() const {
  std::size_t total = 0;
  for (const auto& [key, count] : counts_) total += count;
  return total;
}

}  // namespace retort
