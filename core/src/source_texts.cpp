#include "retort/core/source_texts.hpp"

#include "retort/core/file_io.hpp"

namespace retort {

llvm::Expected<std::string> read_source(const std::filesystem::path& file,
                                        const SourceTexts* replaced) {
  if (replaced && !replaced->empty()) {
    auto found = replaced->find(std::filesystem::absolute(file).lexically_normal());
    if (found != replaced->end()) return found->second;
  }
  return read_file(file);
}

}  // namespace retort
