#include <gtest/gtest.h>

#include "retort/runtime.hpp"

namespace retort {
namespace {

using namespace std::chrono_literals;

struct Get {};
struct Bump {};

class Counter : public GenServer<Counter> {
 public:
  using Protocol = retort::Protocol<Call<Get, int>, Cast<Bump>, Info<Bump>>;
  int handle_call(const Get&, From) { return count_; }
  void handle_cast(const Bump&) { ++count_; }
  void handle_info(const Bump&) { ++count_; }

 private:
  int count_ = 0;
};

TEST(Registry, NamesAreUniqueAndMessagesReachTheirHolder) {
  System system;
  auto first = system.spawn<Counter>();
  auto second = system.spawn<Counter>();
  EXPECT_TRUE(system.register_name("counter", first.pid()));
  EXPECT_FALSE(system.register_name("counter", second.pid()));
  EXPECT_EQ(system.whereis("counter"), first.pid());
  EXPECT_TRUE(cast(system, "counter", Bump{}));
  EXPECT_TRUE(send(system, "counter", Bump{}));
  EXPECT_EQ(call<int>(system, "counter", Get{}), 2);
  EXPECT_FALSE(send(system, "nobody", Bump{}));
  EXPECT_THROW(call<int>(system, "nobody", Get{}), CallError);
}

TEST(Registry, ANameIsFreedWhenItsProcessEnds) {
  System system;
  auto first = system.spawn<Counter>();
  ASSERT_TRUE(system.register_name("counter", first.pid()));
  Inbox inbox(system);
  inbox.monitor(first.pid());
  exit(first.pid(), ExitReason::kill());
  ASSERT_TRUE(inbox.receive<Down>(1s).has_value());
  EXPECT_FALSE(system.whereis("counter"));
  auto second = system.spawn<Counter>();
  EXPECT_TRUE(system.register_name("counter", second.pid()));
}

TEST(Registry, UnregisteringFreesTheName) {
  System system;
  auto counter = system.spawn<Counter>();
  ASSERT_TRUE(system.register_name("counter", counter.pid()));
  EXPECT_TRUE(system.unregister_name("counter"));
  EXPECT_FALSE(system.unregister_name("counter"));
  EXPECT_FALSE(system.whereis("counter"));
}

TEST(ProcessGroups, MembersJoinLeaveAndDropOutWhenTheyEnd) {
  System system;
  auto a = system.spawn<Counter>();
  auto b = system.spawn<Counter>();
  system.join_group("workers", a.pid());
  system.join_group("workers", b.pid());
  system.join_group("workers", b.pid());
  EXPECT_EQ(system.group_members("workers"), (std::vector<Pid>{a.pid(), b.pid()}));
  system.leave_group("workers", a.pid());
  EXPECT_EQ(system.group_members("workers"), (std::vector<Pid>{b.pid()}));
  Inbox inbox(system);
  inbox.monitor(b.pid());
  exit(b.pid(), ExitReason::kill());
  ASSERT_TRUE(inbox.receive<Down>(1s).has_value());
  EXPECT_TRUE(system.group_members("workers").empty());
}

}  // namespace
}  // namespace retort
