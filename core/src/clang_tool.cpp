#include "retort/core/clang_tool.hpp"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/VirtualFileSystem.h>

#include "retort/core/source_files.hpp"

namespace retort {
namespace {

ClangError describe(const clang::Diagnostic& info, const std::filesystem::path& display_root) {
  llvm::SmallString<256> text;
  info.FormatDiagnostic(text);
  ClangError error;
  error.message = text.str().str();
  if (!info.hasSourceManager() || !info.getLocation().isValid()) return error;
  auto presumed = info.getSourceManager().getPresumedLoc(info.getLocation());
  if (!presumed.isValid()) return error;
  // Clang names a file as the command does: relative to the command's directory.
  llvm::SmallString<256> file(presumed.getFilename());
  info.getSourceManager().getFileManager().makeAbsolutePath(file);
  error.file =
      display_path(std::filesystem::path(file.str().str()).lexically_normal(), display_root);
  error.line = presumed.getLine();
  error.column = presumed.getColumn();
  return error;
}

// Errors go to the tool; notes, warnings and the "N errors generated." line nowhere.
class ErrorForwarder : public clang::DiagnosticConsumer {
 public:
  ErrorForwarder(const std::filesystem::path& display_root,
                 const std::function<void(ClangError)>& on_error)
      : display_root_(display_root), on_error_(on_error) {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic& info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level >= clang::DiagnosticsEngine::Error) on_error_(describe(info, display_root_));
  }

 private:
  const std::filesystem::path& display_root_;
  const std::function<void(ClangError)>& on_error_;
};

// `-include X` goes to Clang's front end directly, past the driver, which would look
// for a precompiled X.gch beside X and fail on GCC's format: CMake's precompiled
// headers built by g++ put one there for every unit. The header itself is read
// instead, which means the same.
clang::tooling::ArgumentsAdjuster include_headers_not_their_precompiled_forms() {
  return [](const clang::tooling::CommandLineArguments& arguments, llvm::StringRef) {
    clang::tooling::CommandLineArguments adjusted;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
      if (arguments[i] == "-include" && i + 1 < arguments.size()) {
        adjusted.insert(adjusted.end(), {"-Xclang", "-include", "-Xclang", arguments[++i]});
        continue;
      }
      adjusted.push_back(arguments[i]);
    }
    return adjusted;
  };
}

}  // namespace

void run_clang_tool(const clang::tooling::CompilationDatabase& database, const ClangUnit& unit,
                    clang::tooling::FrontendActionFactory& factory,
                    const std::filesystem::path& display_root,
                    const std::function<void(ClangError)>& on_error) {
  // A physical file system of its own keeps this unit's working directory private:
  // the default real file system would change the process's, under other threads.
  clang::tooling::ClangTool tool(database, {unit.file},
                                 std::make_shared<clang::PCHContainerOperations>(),
                                 llvm::vfs::createPhysicalFileSystem());
  // ClangTool keeps the StringRefs it is given: the paths must outlive its run.
  std::vector<std::string> replaced_paths;
  if (unit.replaced_texts) {
    replaced_paths.reserve(unit.replaced_texts->size());
    for (const auto& [file, text] : *unit.replaced_texts)
      tool.mapVirtualFile(replaced_paths.emplace_back(file.string()), text);
  }
  if (unit.text) tool.mapVirtualFile(unit.file, *unit.text);
  if (!unit.leading_arguments.empty()) {
    tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        unit.leading_arguments, clang::tooling::ArgumentInsertPosition::BEGIN));
  }
  tool.appendArgumentsAdjuster(include_headers_not_their_precompiled_forms());
  // Without carets Clang also leaves out its "N errors generated." line on stderr.
  tool.appendArgumentsAdjuster(
      clang::tooling::getInsertArgumentAdjuster({"-resource-dir=" RETORT_CLANG_RESOURCE_DIR, "-w",
                                                 "-Qunused-arguments", "-fno-caret-diagnostics"},
                                                clang::tooling::ArgumentInsertPosition::END));
  ErrorForwarder errors(display_root, on_error);
  tool.setDiagnosticConsumer(&errors);
  tool.setPrintErrorMessage(false);
  tool.run(&factory);
}

}  // namespace retort
