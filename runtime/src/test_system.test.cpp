// TestSystem itself: one message per step in a known order, virtual time for
// timers and call timeouts, and the same run every time.

#include "retort/test_system.hpp"

#include <gtest/gtest.h>

#include "retort/runtime.hpp"

namespace retort {
namespace {

using namespace std::chrono_literals;

struct Note {
  int number;
};
struct Ask {};
struct Echo {};

// Appends every note it gets, tagged with its name, to a shared log.
class Recorder : public GenServer<Recorder> {
 public:
  using Protocol = retort::Protocol<Cast<Note>, Info<Echo>>;
  Recorder(std::string name, std::vector<std::string>* log) : name_(std::move(name)), log_(log) {}
  void handle_cast(const Note& note) { log_->push_back(name_ + std::to_string(note.number)); }
  void handle_info(const Echo&) { send(self(), Echo{}); }

 private:
  std::string name_;
  std::vector<std::string>* log_;
};

TEST(TestSystem, RunOnceHandlesOneMessageInTheOrderProcessesBecameRunnable) {
  TestSystem system;
  std::vector<std::string> log;
  auto a = system.spawn<Recorder>("a", &log);
  auto b = system.spawn<Recorder>("b", &log);
  a.cast(Note{1});
  b.cast(Note{2});
  a.cast(Note{3});
  EXPECT_TRUE(log.empty());  // nothing runs until the test lets it
  ASSERT_TRUE(system.run_once());
  EXPECT_EQ(log, (std::vector<std::string>{"a1"}));
  // a still has a message: it went to the back, behind b.
  ASSERT_TRUE(system.run_once());
  ASSERT_TRUE(system.run_once());
  EXPECT_EQ(log, (std::vector<std::string>{"a1", "b2", "a3"}));
  EXPECT_FALSE(system.run_once());
  EXPECT_EQ(system.run_until_idle(), 0u);
}

// An Inbox never answers a call: the call's timeout is all that can end it.
TEST(TestSystem, ABlockingCallTimesOutInVirtualTimeWithoutWaiting) {
  TestSystem system;
  Inbox silent(system);
  auto started = std::chrono::steady_clock::now();
  try {
    call<int>(silent.pid(), Ask{}, 5s);
    ADD_FAILURE() << "the call should time out";
  } catch (const CallError& error) {
    EXPECT_EQ(error.reason(), ExitReason::timeout());
  }
  EXPECT_EQ(system.elapsed(), 5s);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

class Asker : public GenServer<Asker> {
 public:
  using Protocol = retort::Protocol<Call<Ask, std::string>>;
  explicit Asker(Pid silent) : silent_(std::move(silent)) {}
  Async<std::string> handle_call(const Ask&, From) {
    try {
      co_await async_call<int>(silent_, Ask{}, 2s);
      co_return "answered";
    } catch (const CallError& error) {
      co_return error.reason().to_string();
    }
  }

 private:
  Pid silent_;
};

TEST(TestSystem, AnAwaitedCallTimesOutInVirtualTime) {
  TestSystem system;
  Inbox silent(system);
  auto asker = system.spawn<Asker>(silent.pid());
  EXPECT_EQ(asker.call(Ask{}, 10s), "timeout");
  EXPECT_EQ(system.elapsed(), 2s);
}

TEST(TestSystem, RunUntilIdleRefusesAProcessThatNeverIdles) {
  TestSystem system;
  std::vector<std::string> log;
  auto looping = system.spawn<Recorder>("loop", &log);
  send(looping.pid(), Echo{});
  EXPECT_THROW(system.run_until_idle(), std::runtime_error);
}

// What used to wait on threads: a one_for_all restart, a send_after and a monitor,
// a thousand times, each run giving the same log in the same virtual time.
std::vector<std::string> one_run() {
  TestSystem system;
  std::vector<std::string> log;
  Inbox inbox(system);
  auto supervisor =
      system.spawn<Supervisor>(SupervisorFlags{.strategy = Strategy::one_for_all, .intensity = 5},
                               std::vector{child<Recorder>("a", std::string("a"), &log),
                                           child<Recorder>("b", std::string("b"), &log)});
  auto children = supervisor.call(WhichChildren{});
  inbox.monitor(children[1].pid);
  send_after(30ms, children[0].pid, Note{1});  // lost: a restarts before it fires
  cast(children[1].pid, Note{2});              // lost: a kill acts before it is handled
  exit(children[1].pid, ExitReason::kill());
  auto down = inbox.receive<Down>(1s);
  log.push_back(down ? down->reason.to_string() : "no down");
  system.run_until_idle();  // the supervisor has stopped a and started both again
  auto restarted = supervisor.call(WhichChildren{});
  cast(restarted[0].pid, Note{3});
  system.advance(30ms);
  log.push_back(std::to_string(system.elapsed().count()) + " ms");
  return log;
}

TEST(TestSystem, AThousandRunsOfARestartAreAlike) {
  std::vector<std::string> first = one_run();
  EXPECT_EQ(first, (std::vector<std::string>{"killed", "a3", "30 ms"}));
  for (int run = 1; run < 1000; ++run) ASSERT_EQ(one_run(), first) << "run " << run;
}

}  // namespace
}  // namespace retort
