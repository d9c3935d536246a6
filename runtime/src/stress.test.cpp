// Nothing is lost under load: every message sent is counted exactly once.

#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

#include "retort/runtime.hpp"

namespace retort {
namespace {

using namespace std::chrono_literals;

struct Tick {
  int producer;
  int sequence;
};
struct Total {};
struct InOrder {};
struct Forward {
  Pid to;
};

class Tally : public GenServer<Tally> {
 public:
  using Protocol = retort::Protocol<Cast<Tick>, Call<Total, long>, Call<InOrder, bool>>;
  explicit Tally(int producers) : last_(producers, -1) {}
  void handle_cast(const Tick& tick) {
    ++total_;
    if (tick.sequence != last_[tick.producer] + 1) is_in_order_ = false;
    last_[tick.producer] = tick.sequence;
  }
  long handle_call(const Total&, From) { return total_; }
  bool handle_call(const InOrder&, From) { return is_in_order_; }

 private:
  long total_ = 0;
  bool is_in_order_ = true;
  std::vector<int> last_;
};

long wait_for_total(const Ref<Tally>& tally, long expected) {
  long total = 0;
  for (int attempt = 0; attempt < 500 && total != expected; ++attempt) {
    total = tally.call(Total{});
    if (total != expected) std::this_thread::sleep_for(10ms);
  }
  return total;
}

TEST(Stress, ManyProducersIntoOneProcessLoseNothingAndKeepEachSendersOrder) {
  constexpr int producers = 8;
  constexpr int per_producer = 50000;
  System system;
  auto tally = system.spawn<Tally>(producers);
  std::vector<std::thread> threads;
  for (int p = 0; p < producers; ++p) {
    threads.emplace_back([&, p] {
      for (int i = 0; i < per_producer; ++i) tally.cast(Tick{p, i});
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(wait_for_total(tally, long{producers} * per_producer), long{producers} * per_producer);
  EXPECT_TRUE(tally.call(InOrder{}));
}

TEST(Stress, ManyProcessesEachGetAllTheirMessages) {
  constexpr int processes = 200;
  constexpr int per_process = 2000;
  System system;
  std::vector<Ref<Tally>> tallies;
  for (int i = 0; i < processes; ++i) tallies.push_back(system.spawn<Tally>(1));
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < processes; i += 4) {
        for (int m = 0; m < per_process; ++m) tallies[i].cast(Tick{0, m});
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (auto& tally : tallies) EXPECT_EQ(wait_for_total(tally, per_process), per_process);
  EXPECT_EQ(system.counters().live_processes, static_cast<std::uint64_t>(processes));
}

// One process that keeps itself busy forever must not starve the others on the
// same (single) scheduler thread: the budget makes it yield.
TEST(Fairness, ABusyProcessCannotStarveOthersOnOneThread) {
  struct Spin {};
  class Spinner : public GenServer<Spinner> {
   public:
    using Protocol = retort::Protocol<Cast<Spin>>;
    void handle_cast(const Spin&) { cast(self(), Spin{}); }
  };
  System system(SystemOptions{.threads = 1, .budget = 16});
  auto spinner = system.spawn<Spinner>();
  spinner.cast(Spin{});
  auto tally = system.spawn<Tally>(1);
  tally.cast(Tick{0, 0});
  EXPECT_EQ(wait_for_total(tally, 1), 1);
}

TEST(Shutdown, EndsEveryProcessAndLeavesNoneAlive) {
  std::vector<Pid> pids;
  {
    System system(SystemOptions{.threads = 2});
    for (int i = 0; i < 1000; ++i) pids.push_back(system.spawn<Tally>(1).pid());
    EXPECT_EQ(system.counters().spawned_processes, 1000u);
    system.shutdown();
    EXPECT_EQ(system.counters().live_processes, 0u);
  }
  for (const auto& pid : pids) EXPECT_FALSE(is_alive(pid));
}

std::size_t thread_count() {
  std::size_t threads = 0;
  for ([[maybe_unused]] const auto& task : std::filesystem::directory_iterator("/proc/self/task"))
    ++threads;
  return threads;
}

TEST(Shutdown, LeavesNoThreadRunning) {
  std::size_t before = thread_count();
  {
    System system(SystemOptions{.threads = 3});
    EXPECT_EQ(system.counters().run_queue_lengths.size(), 3u);
    system.spawn<Tally>(1).cast(Tick{0, 0});
    EXPECT_GT(thread_count(), before);
  }
  EXPECT_EQ(thread_count(), before);
}

TEST(Tracing, HooksSeeSpawnSendReceiveAndExit) {
  struct Recorder : Tracer {
    std::atomic<int> spawns{0}, sends{0}, receives{0}, exits{0};
    void on_spawn(const Pid&, std::string_view) override { ++spawns; }
    void on_send(const Pid&, std::string_view) override { ++sends; }
    void on_receive(const Pid&, std::string_view) override { ++receives; }
    void on_exit(const Pid&, const ExitReason&) override { ++exits; }
  } recorder;
  {
    System system;
    system.set_tracer(&recorder);
    auto tally = system.spawn<Tally>(1);
    tally.cast(Tick{0, 0});
    EXPECT_EQ(tally.call(Total{}), 1);
    EXPECT_EQ(System::mailbox_length(tally.pid()), 0u);
  }
  EXPECT_EQ(recorder.spawns.load(), 1);
  EXPECT_GE(recorder.sends.load(), 2);
  EXPECT_GE(recorder.receives.load(), 2);
  EXPECT_EQ(recorder.exits.load(), 1);
}

}  // namespace
}  // namespace retort
