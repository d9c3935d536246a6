#pragma once

// The fixture headers' extraction, shared by the extraction and grading tests.

#include <algorithm>
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "retort/docgen/extract.hpp"
#include "retort/docgen/grading.hpp"

namespace retort::doc::testing {

inline ExtractRequest fixture_request() {
  namespace fs = std::filesystem;
  fs::path root = RETORT_DOCGEN_FIXTURE_DIR;
  ExtractRequest request;
  request.project_root = root;
  request.display_root = root;
  for (const auto& entry : fs::directory_iterator(root / "include" / "fixture"))
    request.headers.push_back(entry.path());
  std::sort(request.headers.begin(), request.headers.end());
  request.fallback_arguments = {"-std=c++20", "-I" + (root / "include").string(),
                                "-I" RETORT_RUNTIME_INCLUDE};
  request.jobs = 1;
  return request;
}

// Parsed once per test process (retort test runs each test in its own).
inline const Extraction& fixture_extraction() {
  static const Extraction extraction = extract_api(fixture_request());
  return extraction;
}

// The fixture's symbol named `name` (with `signature` when given); fails the test
// when there is none.
inline const Symbol& fixture_symbol(const std::string& name, const std::string& signature = "") {
  const auto& symbols = fixture_extraction().symbols;
  auto found = std::find_if(symbols.begin(), symbols.end(), [&](const Symbol& symbol) {
    return symbol.name == name && (signature.empty() || symbol.signature == signature);
  });
  if (found == symbols.end()) {
    ADD_FAILURE() << "no symbol " << name << signature;
    static const Symbol missing;
    return missing;
  }
  return *found;
}

inline bool has_symbol(const std::string& name) {
  const auto& symbols = fixture_extraction().symbols;
  return std::any_of(symbols.begin(), symbols.end(),
                     [&](const Symbol& symbol) { return symbol.name == name; });
}

}  // namespace retort::doc::testing
