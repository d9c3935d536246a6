// The listing cache's record: what is written is read back, and anything else is a miss.

#include "listing_record.hpp"

#include <gtest/gtest.h>

namespace retort::testrunner::detail {
namespace {

TEST(ListingRecord, ReadsBackEveryFieldOfEveryTestWhateverItsNameHolds) {
  TestCase typed;
  typed.suite = "Typed/0";
  typed.name = "Works";
  typed.type_param = "std::map<int, std::string>";
  typed.file = "tests/typed.cpp";
  typed.line = 42;
  TestCase odd;
  odd.suite = "Param/Odd";
  odd.name = "Case/3";
  odd.value_param = "\"a:b\\n12:\" with 3:colons";
  auto decoded = decode_listing(encode_listing({typed, odd}), 7);
  ASSERT_TRUE(decoded.has_value());
  ASSERT_EQ(decoded->size(), 2u);
  const auto& first = (*decoded)[0];
  EXPECT_EQ(first.program, 7u);
  EXPECT_EQ(first.full_name(), "Typed/0.Works");
  EXPECT_EQ(first.type_param, typed.type_param);
  EXPECT_EQ(first.file, typed.file);
  EXPECT_EQ(first.line, 42);
  EXPECT_EQ((*decoded)[1].value_param, odd.value_param);
  EXPECT_EQ((*decoded)[1].line, 0);
}

TEST(ListingRecord, AnotherFormatOrARecordCutShortIsAMiss) {
  TestCase test;
  test.suite = "A";
  test.name = "B";
  auto record = encode_listing({test});
  EXPECT_FALSE(decode_listing(record.substr(0, record.size() - 1), 0).has_value());
  EXPECT_FALSE(decode_listing("{\"testsuites\": []}", 0).has_value());
  auto empty = decode_listing(encode_listing({}), 0);
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(empty->empty());
}

}  // namespace
}  // namespace retort::testrunner::detail
