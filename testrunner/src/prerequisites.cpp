#include "prerequisites.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace retort::testrunner::detail {
namespace {

using ProgramsByName = std::map<std::string, std::vector<std::size_t>>;

// Programs by each fixture they set up, need, or clean up, and by CTest name.
struct FixtureIndex {
  ProgramsByName setting_up;
  ProgramsByName requiring;
  ProgramsByName by_ctest_name;

  explicit FixtureIndex(const std::vector<TestProgram>& programs) {
    for (std::size_t p = 0; p < programs.size(); ++p) {
      for (const auto& fixture : programs[p].fixtures_setup) setting_up[fixture].push_back(p);
      for (const auto& fixture : programs[p].fixtures_required) requiring[fixture].push_back(p);
      if (!programs[p].ctest_name.empty()) by_ctest_name[programs[p].ctest_name].push_back(p);
    }
  }

  static const std::vector<std::size_t>& find(const ProgramsByName& index, const std::string& key) {
    static const std::vector<std::size_t> none;
    auto found = index.find(key);
    return found == index.end() ? none : found->second;
  }
};

}  // namespace

Prerequisites prerequisites_of(const TestInventory& inventory) {
  const auto& programs = inventory.programs;
  FixtureIndex index(programs);
  Prerequisites result;
  result.before.resize(programs.size());
  result.setups.resize(programs.size());
  for (std::size_t p = 0; p < programs.size(); ++p) {
    std::set<std::size_t> before, setups;
    for (const auto& fixture : programs[p].fixtures_required)
      for (auto setup : FixtureIndex::find(index.setting_up, fixture)) setups.insert(setup);
    before.insert(setups.begin(), setups.end());
    for (const auto& fixture : programs[p].fixtures_cleanup) {
      for (auto user : FixtureIndex::find(index.requiring, fixture)) before.insert(user);
      for (auto setup : FixtureIndex::find(index.setting_up, fixture)) before.insert(setup);
    }
    for (const auto& name : programs[p].depends)
      for (auto dependency : FixtureIndex::find(index.by_ctest_name, name))
        before.insert(dependency);
    before.erase(p);
    setups.erase(p);
    result.before[p].assign(before.begin(), before.end());
    result.setups[p].assign(setups.begin(), setups.end());
  }
  return result;
}

}  // namespace retort::testrunner::detail
