// CTest's fixtures and DEPENDS as what each program waits for.

#include "prerequisites.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace retort::testrunner::detail {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TestProgram command(std::string name) {
  TestProgram program;
  program.display_name = name;
  program.ctest_name = std::move(name);
  program.is_gtest = false;
  return program;
}

TEST(Prerequisites, UsersWaitForSetupsCleanUpsForEveryUserAndDependsForItsNames) {
  TestInventory inventory;
  inventory.programs = {command("init"), command("use"), command("cleanup"), command("after")};
  inventory.programs[0].fixtures_setup = {"db"};
  inventory.programs[1].fixtures_required = {"db"};
  inventory.programs[2].fixtures_cleanup = {"db"};
  inventory.programs[3].depends = {"use", "no-such-test"};
  auto prerequisites = prerequisites_of(inventory);
  EXPECT_THAT(prerequisites.before[0], IsEmpty());
  EXPECT_THAT(prerequisites.before[1], ElementsAre(0u));
  EXPECT_THAT(prerequisites.setups[1], ElementsAre(0u));
  EXPECT_THAT(prerequisites.before[2], ElementsAre(0u, 1u));
  EXPECT_THAT(prerequisites.setups[2], IsEmpty());
  EXPECT_THAT(prerequisites.before[3], ElementsAre(1u));
}

TEST(Prerequisites, AProgramThatSetsUpAndNeedsOneFixtureDoesNotWaitForItself) {
  TestInventory inventory;
  inventory.programs = {command("both")};
  inventory.programs[0].fixtures_setup = {"x"};
  inventory.programs[0].fixtures_required = {"x"};
  EXPECT_THAT(prerequisites_of(inventory).before[0], IsEmpty());
}

}  // namespace
}  // namespace retort::testrunner::detail
