#pragma once

/// @file
/// Escaping text for XML reports (JUnit, Cobertura).

#include <string>
#include <string_view>

namespace retort {

/// Returns `text` escaped for an XML attribute or element: the five special
/// characters become entities, control characters XML 1.0 cannot hold (test output
/// may carry terminal escapes) are dropped, and bytes that are not UTF-8 become
/// U+FFFD, so the document stays well-formed whatever a test printed.
///
/// ```cpp
/// retort::xml_escape("a < b");  // "a &lt; b"
/// ```
std::string xml_escape(std::string_view text);

}  // namespace retort
