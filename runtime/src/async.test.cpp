#include "retort/async.hpp"

#include <atomic>

#include <gtest/gtest.h>

#include "retort/gen_server.hpp"
#include "retort/inbox.hpp"

namespace retort {
namespace {

using namespace std::chrono_literals;

// Counts Slow calls that a Store began handling, so a test can wait until the
// caller is surely suspended on one instead of guessing with a sleep.
std::atomic<int> slow_calls_started{0};

void wait_for_slow_calls(int count) {
  for (int attempt = 0; attempt < 1000 && slow_calls_started.load() < count; ++attempt) {
    std::this_thread::sleep_for(1ms);
  }
}

struct Get {};
struct Slow {
  std::chrono::milliseconds delay;
};
struct Crash {};

class Store : public GenServer<Store> {
 public:
  using Protocol = retort::Protocol<Call<Get, int>, Call<Slow, int>, Call<Crash, int>>;
  explicit Store(int value) : value_(value) {}
  int handle_call(const Get&, From) { return value_; }
  int handle_call(const Slow& slow, From) {
    slow_calls_started.fetch_add(1);
    std::this_thread::sleep_for(slow.delay);
    return value_;
  }
  // The test crashes it on purpose.
  // retort: disable-next-line typecheck/no-local-return
  int handle_call(const Crash&, From) { throw std::runtime_error("store broke"); }

 private:
  int value_;
};

struct Sum {};
struct SumSlowly {};
struct SumFromBroken {};
struct CallMyself {};
struct Note {
  std::string text;
};
struct Notes {};
struct Timeout {};
struct Label {
  std::string text;
};
struct LateNote {
  std::string text;
};

// Awaits calls to two stores from its own handlers.
class Adder : public GenServer<Adder> {
 public:
  using Protocol =
      retort::Protocol<Call<Sum, int>, Call<SumSlowly, int>, Call<SumFromBroken, std::string>,
                       Call<CallMyself, std::string>, Call<Timeout, std::string>, Cast<Note>,
                       Call<Notes, std::vector<std::string>>, Call<Label, std::string>,
                       Cast<LateNote>>;
  Adder(Pid first, Pid second) : first_(std::move(first)), second_(std::move(second)) {}

  Async<int> handle_call(const Sum&, From) {
    int a = co_await async_call<int>(first_, Get{});
    int b = co_await async_call<int>(second_, Get{});
    co_return a + b;
  }
  Async<int> handle_call(const SumSlowly&, From) {
    notes_.push_back("sum started");
    int a = co_await async_call<int>(first_, Slow{100ms});
    notes_.push_back("sum finished");
    co_return a;
  }
  Async<std::string> handle_call(const SumFromBroken&, From) {
    try {
      co_await async_call<int>(first_, Crash{});
      co_return "no error";
    } catch (const CallError& error) {
      co_return error.reason().to_string();
    }
  }
  Async<std::string> handle_call(const CallMyself&, From) {
    try {
      // A process calling itself is what this test checks.
      // retort: disable-next-line typecheck/unhandled-message, typecheck/call-cycle
      co_await async_call<int>(self(), Get{});
      co_return "no error";
    } catch (const CallError& error) {
      co_return error.reason().to_string();
    }
  }
  Async<std::string> handle_call(const Timeout&, From) {
    try {
      co_await async_call<int>(first_, Slow{300ms}, 20ms);
      co_return "no error";
    } catch (const CallError& error) {
      co_return error.reason().to_string();
    }
  }
  void handle_cast(const Note& note) { notes_.push_back(note.text); }
  // Both read their message after an await, when its envelope is long gone.
  Async<std::string> handle_call(const Label& label, From) {
    int value = co_await async_call<int>(first_, Get{});
    co_return label.text + " " + std::to_string(value);
  }
  Async<void> handle_cast(const LateNote& note) {
    co_await async_call<int>(first_, Get{});
    notes_.push_back(note.text);
  }
  std::vector<std::string> handle_call(const Notes&, From) { return notes_; }

 private:
  Pid first_;
  Pid second_;
  std::vector<std::string> notes_;
};

TEST(AsyncCall, AHandlerAwaitsCallsWithoutBlockingItsOnlySchedulerThread) {
  System system(SystemOptions{.threads = 1});
  auto first = system.spawn<Store>(40);
  auto second = system.spawn<Store>(2);
  auto adder = system.spawn<Adder>(first.pid(), second.pid());
  EXPECT_EQ(adder.call(Sum{}), 42);
}

// The documented signature takes the message by reference: it must still be there
// after the handler's first co_await (found as a crash in runtime/bench).
TEST(AsyncCall, ACoroutineHandlerReadsItsMessageAfterAnAwait) {
  System system(SystemOptions{.threads = 2});
  auto store = system.spawn<Store>(7);
  auto adder = system.spawn<Adder>(store.pid(), store.pid());
  std::string text = "a label long enough to live on the heap";
  for (int i = 0; i < 100; ++i) EXPECT_EQ(adder.call(Label{text}), text + " 7");
  adder.cast(LateNote{"a note long enough to live on the heap"});
  EXPECT_EQ(adder.call(Notes{}),
            (std::vector<std::string>{"a note long enough to live on the heap"}));
}

TEST(AsyncCall, MessagesArrivingWhileSuspendedWaitAndKeepTheirOrder) {
  System system(SystemOptions{.threads = 2});
  auto first = system.spawn<Store>(1);
  auto adder = system.spawn<Adder>(first.pid(), first.pid());
  int started = slow_calls_started.load();
  std::thread caller([&] { adder.call(SumSlowly{}); });
  wait_for_slow_calls(started + 1);
  adder.cast(Note{"one"});
  adder.cast(Note{"two"});
  caller.join();
  EXPECT_EQ(adder.call(Notes{}),
            (std::vector<std::string>{"sum started", "sum finished", "one", "two"}));
}

TEST(AsyncCall, ACalleeFailureIsThrownInsideTheCoroutine) {
  System system;
  auto broken = system.spawn<Store>(1);
  auto adder = system.spawn<Adder>(broken.pid(), broken.pid());
  EXPECT_NE(adder.call(SumFromBroken{}).find("store broke"), std::string::npos);
  EXPECT_TRUE(is_alive(adder.pid()));
}

TEST(AsyncCall, CallingItselfFailsAtOnceInsteadOfWaitingForever) {
  System system;
  auto store = system.spawn<Store>(1);
  auto adder = system.spawn<Adder>(store.pid(), store.pid());
  EXPECT_NE(adder.call(CallMyself{}, 1s).find("calling self"), std::string::npos);
}

TEST(AsyncCall, AnAwaitedCallTimesOut) {
  System system;
  auto store = system.spawn<Store>(1);
  auto adder = system.spawn<Adder>(store.pid(), store.pid());
  EXPECT_EQ(adder.call(Timeout{}, 1s), "timeout");
}

TEST(AsyncCall, KillingASuspendedProcessFailsItsCallerAtOnce) {
  System system;
  auto store = system.spawn<Store>(1);
  auto adder = system.spawn<Adder>(store.pid(), store.pid());
  int slow_before = slow_calls_started.load();
  std::thread killer([pid = adder.pid(), slow_before] {
    wait_for_slow_calls(slow_before + 1);  // the adder is suspended on its call now
    exit(pid, ExitReason::kill());
  });
  auto started = std::chrono::steady_clock::now();
  try {
    adder.call(SumSlowly{}, 5s);
    ADD_FAILURE() << "the call should fail";
  } catch (const CallError& error) {
    EXPECT_EQ(error.reason(), ExitReason::killed());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  killer.join();
}

}  // namespace
}  // namespace retort
