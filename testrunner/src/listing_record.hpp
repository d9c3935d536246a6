#pragma once

// A program's listed tests as the listing cache keeps them: a flat, length-prefixed
// record read back in one pass. (GoogleTest's JSON listing parsed with llvm::json
// took a 1,200-test program's warm run 20 ms: its values are copied as its arrays
// grow.)

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retort/testrunner/test_case.hpp"

namespace retort::testrunner::detail {

// Writes each test's suite, name, parameters, file and line.
std::string encode_listing(const std::vector<TestCase>& tests);

// Reads what `encode_listing` wrote back as tests of program `program`; nothing when
// `record` is not such a record (another format, cut short).
std::optional<std::vector<TestCase>> decode_listing(std::string_view record, std::size_t program);

}  // namespace retort::testrunner::detail
