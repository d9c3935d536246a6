#include <sys/stat.h>

#include <cstring>
#include <mutex>
#include <sstream>

#include <llvm/Support/ConvertUTF.h>

#include "detail/engine.hpp"
#include "detail/findings.hpp"
#include "retort/core/file_io.hpp"
#include "retort/core/parallel.hpp"
#include "retort/core/result_cache.hpp"
#include "retort/formatter/formatter.hpp"
#include "retort/formatter/token_equivalence.hpp"
#include "retort_fingerprint_format.hpp"

namespace retort::format {
namespace {

namespace fs = std::filesystem;
using detail::finding;

constexpr std::string_view cached_formatted = "formatted";
constexpr std::string_view cached_changed = "changed";
constexpr std::string_view cached_failed = "failed";
constexpr std::string_view cached_message_marker = "message ";

// Everything one file's formatting needs; shared read-only across worker threads
// except the resolver, which locks.
struct RunContext {
  const FormatRequest& request;
  detail::StyleResolver& styles;
  std::optional<ResultCache> cache;
};

struct FileOutput {
  FileResult result;
  std::vector<Diagnostic> diagnostics;
};

std::optional<std::string> skip_reason(const std::string& contents, std::size_t max_bytes) {
  if (contents.size() > max_bytes) {
    return "skipped: " + std::to_string(contents.size() / 1024) +
           " KiB is larger than format.max_file_kb (" + std::to_string(max_bytes / 1024) +
           " KiB); usually generated code";
  }
  if (const void* nul = std::memchr(contents.data(), '\0', contents.size())) {
    return "skipped: binary file (NUL byte at offset " +
           std::to_string(static_cast<const char*>(nul) - contents.data()) + ")";
  }
  auto* begin = reinterpret_cast<const llvm::UTF8*>(contents.data());
  if (!llvm::isLegalUTF8String(&begin, begin + contents.size())) {
    return "skipped: not valid UTF-8 (first bad byte at offset " +
           std::to_string(reinterpret_cast<const char*>(begin) - contents.data()) + ")";
  }
  return std::nullopt;
}

std::string describe_ranges(const std::vector<LineRange>* lines) {
  if (lines == nullptr) return "all";
  std::string text = "lines";
  for (const auto& range : *lines)
    text += " " + std::to_string(range.first) + "-" + std::to_string(range.last);
  return text;
}

std::string meaning_changed_message(const TokenDifference& difference) {
  return std::string("formatting would change the ") +
         (difference.is_in_comment ? "words of a comment" : "code's tokens") + " ('" +
         difference.original_token + "' at line " + std::to_string(difference.original_line) +
         " became '" + difference.formatted_token + "' at line " +
         std::to_string(difference.formatted_line) +
         "), so this file was left as it was (the others were formatted). This is a retort "
         "bug: please report it with the file";
}

Diagnostic unparseable_note(const fs::path& file, const fs::path& root, unsigned line) {
  return finding("format/unparseable", Severity::note,
                 "libFormat could not parse the code near line " + std::to_string(line) +
                     " (unbalanced braces or parentheses, or a macro it cannot see through); the "
                     "rest was formatted",
                 file, root, line);
}

Diagnostic sorting_kept_note(const fs::path& file, const fs::path& root, unsigned line) {
  return finding("format/sorting-kept", Severity::note,
                 "the #include lines and using-declarations were left in their order: sorting "
                 "them would change line " +
                     std::to_string(line) +
                     " (libFormat drops a repeated #include, which a header without a guard "
                     "needs, and a .clang-format with IncludeBlocks: Regroup moves includes "
                     "across the blocks the author separated)",
                 file, root, line);
}

detail::FixpointResult run_passes(const detail::Style& style, const std::string& contents,
                                  const fs::path& file, const std::vector<LineRange>* lines,
                                  bool is_check) {
  if (!is_check) return detail::format_to_fixpoint(style, contents, file.string(), lines);
  detail::FixpointResult fixpoint;  // one pass tells formatted from not
  fixpoint.last_pass = detail::format_pass(style, contents, file.string(), lines);
  return fixpoint;
}

// Formats `contents` and classifies the outcome; no I/O. `is_check` takes one pass
// (enough to tell formatted from not); otherwise passes run to a fixpoint. A result
// the guard refuses is formatted again without sorting (the one part of libFormat
// that removes tokens); only when that is refused too is it a meaning change.
TextResult format_contents(const detail::Style& style, const std::string& contents,
                           const fs::path& file, const fs::path& root,
                           const std::vector<LineRange>* lines, bool is_check) {
  TextResult outcome;
  detail::FixpointResult fixpoint = run_passes(style, contents, file, lines, is_check);
  std::optional<TokenDifference> difference;
  if (fixpoint.is_stable && fixpoint.last_pass.code != contents)
    difference = find_token_difference(contents, fixpoint.last_pass.code);
  if (difference) {
    fixpoint = run_passes(*detail::without_sorting(style), contents, file, lines, is_check);
    if (fixpoint.is_stable && fixpoint.last_pass.code != contents &&
        !find_token_difference(contents, fixpoint.last_pass.code)) {
      outcome.diagnostics.push_back(sorting_kept_note(file, root, difference->original_line));
      difference.reset();
    }
  }
  detail::PassResult& pass = fixpoint.last_pass;
  if (!pass.is_complete) {
    // Like clang-format, format what libFormat could; the token check still guards
    // the meaning. Say so, since that region may look unformatted.
    outcome.diagnostics.push_back(unparseable_note(file, root, pass.incomplete_line));
  }
  if (!fixpoint.is_stable) {
    outcome.status = FileStatus::failed;
    outcome.diagnostics.push_back(
        finding("format/unstable", Severity::error,
                "formatting did not settle after several passes, so this file was left as it was",
                file, root, pass.first_changed_line));
    return outcome;
  }
  if (pass.code == contents) {
    outcome.formatted = std::move(pass.code);
    return outcome;
  }
  if (difference) {
    outcome.status = FileStatus::meaning_changed;
    outcome.diagnostics.push_back(finding("format/meaning-changed", Severity::error,
                                          meaning_changed_message(*difference), file, root,
                                          difference->original_line));
    return outcome;
  }
  outcome.status = FileStatus::changed;
  outcome.formatted = std::move(pass.code);
  outcome.first_changed_line = pass.first_changed_line;
  outcome.changed_line_count = pass.changed_line_count;
  return outcome;
}

std::string lines_phrase(unsigned count, unsigned first) {
  return std::to_string(count) + (count == 1 ? " line" : " lines") + ", first at line " +
         std::to_string(first);
}

Diagnostic unformatted(const fs::path& file, const fs::path& root, unsigned first, unsigned count) {
  return finding("format/unformatted", Severity::warning,
                 "not formatted: " + std::to_string(count) + (count == 1 ? " line" : " lines") +
                     " would change, first at line " + std::to_string(first) +
                     "; run `retort format`",
                 file, root, first);
}

// A cached verdict is one line, "formatted", "changed FIRST COUNT" or
// "failed CHECK_ID LINE", then one line per note ("unparseable LINE",
// "sorting-kept LINE"), then for a
// failure its message. Every verdict is kept: a file that is unformatted, or that the
// guard refused, costs a full format on every run otherwise.
std::string cached_notes(const std::vector<Diagnostic>& diagnostics) {
  std::string notes;
  for (const auto& d : diagnostics) {
    if (d.check_id == "format/unparseable")
      notes += "\nunparseable " + std::to_string(d.range.begin.line);
    if (d.check_id == "format/sorting-kept")
      notes += "\nsorting-kept " + std::to_string(d.range.begin.line);
  }
  return notes;
}

// `diagnostics` ends with the failure; notes may come before it.
std::string cached_failure(const std::vector<Diagnostic>& diagnostics) {
  const Diagnostic& failure = diagnostics.back();
  return std::string(cached_failed) + " " + failure.check_id + " " +
         std::to_string(failure.range.begin.line) + cached_notes(diagnostics) + "\n" +
         std::string(cached_message_marker) + failure.message;
}

std::optional<FileOutput> replay(const RunContext& context, const fs::path& file,
                                 const std::string& payload) {
  const fs::path& root = context.request.display_root;
  FileOutput output{{file, FileStatus::formatted, {}, {}, true}, {}};
  std::istringstream lines(payload);
  std::string verdict;
  std::getline(lines, verdict);
  unsigned first = 0;
  unsigned count = 0;
  char failed_id[64] = {};
  if (std::sscanf(verdict.c_str(), "failed %63s %u", failed_id, &first) == 2) {
    output.result.status = std::string_view(failed_id) == "format/meaning-changed"
                               ? FileStatus::meaning_changed
                               : FileStatus::failed;
  } else if (verdict != cached_formatted) {
    if (context.request.mode != FormatMode::check ||
        std::sscanf(verdict.c_str(), "changed %u %u", &first, &count) != 2) {
      return std::nullopt;
    }
    output.result.status = FileStatus::changed;
  }
  for (std::string note; std::getline(lines, note);) {
    unsigned line = 0;
    if (note.rfind(cached_message_marker, 0) == 0) {
      output.diagnostics.push_back(finding(failed_id, Severity::error,
                                           note.substr(cached_message_marker.size()), file, root,
                                           first));
      return output;
    }
    if (std::sscanf(note.c_str(), "unparseable %u", &line) == 1) {
      output.diagnostics.push_back(unparseable_note(file, root, line));
    } else if (std::sscanf(note.c_str(), "sorting-kept %u", &line) == 1) {
      output.diagnostics.push_back(sorting_kept_note(file, root, line));
    } else {
      return std::nullopt;
    }
  }
  if (output.result.status != FileStatus::formatted &&
      output.result.status != FileStatus::changed) {
    return std::nullopt;  // a failure without its message: not an entry this build wrote
  }
  if (output.result.status == FileStatus::changed)
    output.diagnostics.push_back(unformatted(file, root, first, count));
  return output;
}

bool is_read_only(const fs::path& file) {
  struct stat status {};
  // Checked on the mode bits, not access(2): as root every file is writable, but a
  // file nobody may write is one its owner meant to keep as it is.
  return stat(file.c_str(), &status) == 0 && (status.st_mode & 0222) == 0;
}

void write_back(const RunContext& context, const fs::path& file, const std::string& formatted,
                unsigned first, unsigned count, FileOutput& output) {
  const fs::path& root = context.request.display_root;
  if (is_read_only(file)) {
    output.result.status = FileStatus::failed;
    output.diagnostics.push_back(finding(
        "format/read-only", Severity::error,
        "not formatted: the file is read-only (" + lines_phrase(count, first) + " need formatting)",
        file, root, first));
    return;
  }
  if (auto error = write_file_atomically(file, formatted)) {
    output.result.status = FileStatus::failed;
    output.diagnostics.push_back(finding("format/write-failed", Severity::error,
                                         llvm::toString(std::move(error)), file, root, first));
    return;
  }
  output.diagnostics.push_back(finding("format/reformatted", Severity::note,
                                       "reformatted: " + lines_phrase(count, first), file, root,
                                       first));
}

CacheKey cache_key(const detail::StyleRef& style, const std::vector<LineRange>* lines,
                   const std::string& contents) {
  return CacheKey()
      .add(tool_fingerprint(RETORT_FORMAT_SOURCES))
      .add(style.fingerprint)
      .add(describe_ranges(lines))
      .add(contents);
}

FileOutput format_one(const RunContext& context, const fs::path& file) {
  const FormatRequest& request = context.request;
  const fs::path& root = request.display_root;
  FileOutput output{{file, FileStatus::formatted, {}, {}, false}, {}};
  auto fail = [&](FileStatus status, Diagnostic diagnostic) {
    output.result.status = status;
    output.diagnostics.push_back(std::move(diagnostic));
    return output;
  };

  const std::vector<LineRange>* lines = nullptr;
  if (request.changed_lines) {
    auto changed = request.changed_lines->find(fs::absolute(file).lexically_normal());
    if (changed == request.changed_lines->end()) return output;  // not part of the change
    lines = &changed->second;
  }
  auto contents = read_source(file, &request.replaced_texts);
  if (!contents) {
    return fail(FileStatus::failed, finding("format/unreadable", Severity::error,
                                            llvm::toString(contents.takeError()), file, root));
  }
  if (auto reason = skip_reason(*contents, request.options.max_file_bytes)) {
    return fail(FileStatus::skipped,
                finding("format/skipped", Severity::note, *reason, file, root));
  }
  if (contents->empty()) return output;
  auto style = context.styles.style_for(file);
  if (!style) {
    return fail(FileStatus::failed, finding("format/invalid-style", Severity::error,
                                            llvm::toString(style.takeError()), file, root));
  }

  CacheKey key = cache_key(*style, lines, *contents);
  if (context.cache) {
    if (auto payload = context.cache->load(key)) {
      if (auto replayed = replay(context, file, *payload)) return *replayed;
    }
  }
  bool is_check = request.mode == FormatMode::check;
  TextResult text = format_contents(*style->style, *contents, file, root, lines, is_check);
  const unsigned first = text.first_changed_line;
  const unsigned count = text.changed_line_count;
  output.result.status = text.status;
  output.diagnostics = std::move(text.diagnostics);
  std::string notes = cached_notes(output.diagnostics);
  if (text.status == FileStatus::formatted) {
    if (context.cache) context.cache->store(key, std::string(cached_formatted) + notes);
    return output;
  }
  if (text.status != FileStatus::changed) {
    if (context.cache) context.cache->store(key, cached_failure(output.diagnostics));
    return output;
  }

  if (request.mode == FormatMode::in_place) {
    write_back(context, file, text.formatted, first, count, output);
    if (context.cache && output.result.status == FileStatus::changed) {
      context.cache->store(cache_key(*style, lines, text.formatted), cached_formatted);
    }
    return output;
  }
  output.diagnostics.push_back(unformatted(file, root, first, count));
  if (is_check && context.cache) {
    context.cache->store(key, std::string(cached_changed) + " " + std::to_string(first) + " " +
                                  std::to_string(count) + notes);
  }
  if (request.mode == FormatMode::diff) {
    output.result.original = std::move(*contents);
    output.result.formatted = std::move(text.formatted);
  }
  return output;
}

}  // namespace

FormatOptions FormatOptions::from_config(const Config& config) {
  FormatOptions options;
  options.line_length = static_cast<int>(config.integer("format.line_length"));
  options.use_clang_format_file = config.string("format.style") == "file";
  options.max_file_bytes = static_cast<std::size_t>(config.integer("format.max_file_kb")) * 1024;
  return options;
}

bool FormatRun::has_internal_error() const {
  for (const auto& file : files) {
    if (file.status == FileStatus::meaning_changed) return true;
  }
  return false;
}

FormatRun format_files(const FormatRequest& request) {
  detail::StyleResolver styles(request.options);
  RunContext context{request, styles, std::nullopt};
  if (!request.cache_root.empty()) context.cache.emplace(request.cache_root, "format");

  std::mutex progress_mutex;
  std::size_t done = 0;
  std::vector<FileOutput> outputs =
      parallel_map(request.files, request.jobs, [&](const fs::path& file) {
        FileOutput output = format_one(context, file);
        if (request.on_progress) {
          std::lock_guard lock(progress_mutex);
          request.on_progress(++done, request.files.size());
        }
        return output;
      });
  FormatRun run;
  for (auto& output : outputs) {
    run.files.push_back(std::move(output.result));
    for (auto& diagnostic : output.diagnostics) run.diagnostics.push_back(std::move(diagnostic));
  }
  return run;
}

TextResult format_text(const std::string& code, const fs::path& file_name,
                       const FormatOptions& options) {
  detail::StyleResolver styles(options);
  auto style = styles.style_for(file_name);
  if (!style) {
    TextResult failed;
    failed.status = FileStatus::failed;
    failed.diagnostics.push_back(finding("format/invalid-style", Severity::error,
                                         llvm::toString(style.takeError()), file_name, {}));
    return failed;
  }
  return format_contents(*style->style, code, file_name, {}, nullptr, false);
}

}  // namespace retort::format
