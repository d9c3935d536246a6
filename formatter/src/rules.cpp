// The formatter's findings, declared once: SARIF rules, text explanations and the
// README all read this table.

#include "detail/findings.hpp"

namespace retort::format {

const RuleCatalog& format_rules() {
  static const RuleCatalog rules{
      {"format/unformatted", "The file differs from the house style.",
       "Code read by many people should look as if one person wrote it: reviews then "
       "show changes in meaning, not in spacing, and merges conflict less. Run "
       "`retort format` to fix it; `retort format --print-style > .clang-format` lets "
       "editors format the same way."},
      {"format/reformatted", "The file was rewritten in the house style.",
       "Reported by `retort format` (in place) for each file it rewrote."},
      {"format/unparseable", "The file could not be formatted because its syntax is broken.",
       "libFormat could not recover from a syntax error (often unbalanced braces or "
       "parentheses, sometimes across `#if` branches). The file was left untouched. Fix "
       "the syntax, or wrap the region in `// clang-format off` / `// clang-format on`."},
      {"format/sorting-kept", "Includes were left unsorted, so a repeated #include stays.",
       "libFormat's include sorting removes a repeated `#include` of one header. That can "
       "change what the file means (a header without an include guard, an X-macro file, "
       "a test of a header's guard), so retort formatted the file without sorting its "
       "includes and using-declarations. Remove the repeat if it is a mistake, and they "
       "will be sorted again."},
      {"format/meaning-changed", "Formatting would have changed the file's tokens.",
       "retort re-lexes every formatted file and compares its tokens with the original. "
       "A difference means a formatter bug; that file was left as it was (the other files "
       "were still formatted). Please report it with the file."},
      {"format/unstable", "Formatting did not settle after several passes.",
       "libFormat kept changing its own output, so no stable formatting exists for this "
       "file, and it was left as it was. Wrap the region in `// clang-format off` / "
       "`// clang-format on` and report the file."},
      {"format/unreadable", "The file could not be read.", "Check that it exists and is readable."},
      {"format/read-only", "The file needs formatting but is read-only.",
       "retort does not override a file's permissions. Make it writable, or exclude it "
       "with `files.exclude` in `.retort.yaml`."},
      {"format/write-failed", "The formatted file could not be written.",
       "The original was left untouched: retort writes a temporary file beside it and "
       "renames it into place only when the write succeeded."},
      {"format/invalid-style", "The file's .clang-format could not be used.",
       "With `format.style: file`, retort honours the nearest .clang-format; this one did "
       "not parse. Fix it, or set `format.style: retort`."},
      {"format/skipped", "The file was not formatted: it is binary, not UTF-8, or too large.",
       "retort formats UTF-8 text only and skips files larger than `format.max_file_kb` "
       "(usually generated code)."},
  };
  return rules;
}

}  // namespace retort::format
