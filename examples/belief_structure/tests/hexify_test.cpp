#include "belief_structure/hexify.hpp"

#include <gtest/gtest.h>

namespace belief_structure {
namespace {

TEST(Hexify, AppendsTheExSuffix) { EXPECT_EQ(hexify("plug"), "plug_ex"); }

TEST(Hexify, LeavesAnExistingSuffixAlone) { EXPECT_EQ(hexify("plug_ex"), "plug_ex"); }

TEST(Hexify, CountsOnlyTheNamesItChanged) {
  Hexify converter;
  auto names = converter.convert({"plug", "ecto_ex", "phoenix"});
  EXPECT_EQ(names, (std::vector<std::string>{"plug_ex", "ecto_ex", "phoenix_ex"}));
  EXPECT_EQ(converter.converted_count(), 2);
}

}  // namespace
}  // namespace belief_structure
