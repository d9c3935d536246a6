#include "listing_record.hpp"

#include <charconv>

namespace retort::testrunner::detail {
namespace {

constexpr std::string_view record_header = "retort-listing 1\n";

void put(std::string& record, std::string_view field) {
  record += std::to_string(field.size());
  record += ':';
  record += field;
}

// Reads one `LENGTH:BYTES` field from the front of `rest`.
std::optional<std::string_view> take(std::string_view& rest) {
  std::size_t length = 0;
  auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), length);
  if (error != std::errc() || end == rest.data() + rest.size() || *end != ':') return std::nullopt;
  auto start = static_cast<std::size_t>(end - rest.data()) + 1;
  if (rest.size() - start < length) return std::nullopt;
  auto field = rest.substr(start, length);
  rest.remove_prefix(start + length);
  return field;
}

}  // namespace

std::string encode_listing(const std::vector<TestCase>& tests) {
  std::string record(record_header);
  for (const auto& test : tests) {
    for (const auto* field : {&test.suite, &test.name, &test.type_param, &test.value_param})
      put(record, *field);
    put(record, test.file.string());
    put(record, std::to_string(test.line));
  }
  return record;
}

std::optional<std::vector<TestCase>> decode_listing(std::string_view record, std::size_t program) {
  if (!record.starts_with(record_header)) return std::nullopt;
  record.remove_prefix(record_header.size());
  std::vector<TestCase> tests;
  while (!record.empty()) {
    std::optional<std::string_view> fields[6];
    for (auto& field : fields)
      if (!(field = take(record))) return std::nullopt;
    TestCase test;
    test.program = program;
    test.suite = *fields[0];
    test.name = *fields[1];
    test.type_param = *fields[2];
    test.value_param = *fields[3];
    test.file = std::string(*fields[4]);
    if (std::from_chars(fields[5]->data(), fields[5]->data() + fields[5]->size(), test.line).ec !=
        std::errc())
      return std::nullopt;
    tests.push_back(std::move(test));
  }
  return tests;
}

}  // namespace retort::testrunner::detail
