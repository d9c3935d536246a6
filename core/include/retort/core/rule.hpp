#pragma once

/// @file
/// Metadata about a check, declared once by the tool that owns it and shown by
/// reporters (SARIF `rules`, text explanations).

#include <string>
#include <vector>

namespace retort {

/// What a reporter needs to know about one check id.
struct Rule {
  /// The check's stable id, `<category>/<name>`.
  std::string id;
  /// One line describing what the check finds.
  std::string short_description;
  /// The long *why it matters* text, in Markdown.
  std::string help_text;
};

/// The rules of every check that may appear in a report.
using RuleCatalog = std::vector<Rule>;

}  // namespace retort
