#include "retort/gen_server.hpp"

#include <gtest/gtest.h>

#include "retort/async.hpp"
#include "retort/inbox.hpp"
#include "retort/test_system.hpp"

namespace retort {
namespace {

using namespace std::chrono_literals;

struct Get {};
struct Add {
  int amount;
};
struct Crash {};
// Answered only after `for_how_long` of the system's time: the handler waits on a
// call to `silent`, which never answers.
struct Hang {
  Pid silent;
  std::chrono::milliseconds for_how_long;
};
struct Unknown {};
struct Ping {
  Pid reply_to;
};
struct Pong {
  int value;
};

class Counter : public GenServer<Counter> {
 public:
  using Protocol =
      retort::Protocol<Call<Get, int>, Call<Crash, int>, Call<Hang, int>, Cast<Add>, Info<Ping>>;
  explicit Counter(int start) : value_(start) {}
  int handle_call(const Get&, From) { return value_; }
  // The test crashes it on purpose.
  // retort: disable-next-line typecheck/no-local-return
  int handle_call(const Crash&, From) { throw std::runtime_error("counter exploded"); }
  Async<int> handle_call(const Hang& hang, From) {
    try {
      co_await async_call<int>(hang.silent, Get{}, hang.for_how_long);
    } catch (const CallError&) {
      // the wait is over
    }
    co_return value_;
  }
  void handle_cast(const Add& add) { value_ += add.amount; }
  void handle_info(const Ping& ping) { send(ping.reply_to, Pong{value_}); }

 private:
  int value_;
};

TEST(GenServer, CallsCastsAndInfosReachTheirHandlersInOrder) {
  System system;
  auto counter = system.spawn<Counter>(40);
  counter.cast(Add{1});
  counter.cast(Add{1});
  EXPECT_EQ(counter.call(Get{}), 42);
  Inbox inbox(system);
  send(counter.pid(), Ping{inbox.pid()});
  auto pong = inbox.receive<Pong>(1s);
  ASSERT_TRUE(pong.has_value());
  EXPECT_EQ(pong->value, 42);
}

TEST(GenServer, UntypedCallsWorkThroughAPid) {
  System system;
  Pid pid = system.spawn<Counter>(7).pid();
  EXPECT_EQ(call<int>(pid, Get{}), 7);
}

TEST(GenServer, AnExceptionEndsOnlyThatProcessAndFailsTheCallWithItsReason) {
  System system;
  auto doomed = system.spawn<Counter>(1);
  auto bystander = system.spawn<Counter>(2);
  Inbox inbox(system);
  inbox.monitor(doomed.pid());
  try {
    doomed.call(Crash{});
    FAIL() << "the call should fail";
  } catch (const CallError& error) {
    EXPECT_EQ(error.reason().kind(), ExitReason::Kind::error);
    EXPECT_NE(error.reason().description().find("counter exploded"), std::string::npos);
  }
  auto down = inbox.receive<Down>(1s);
  ASSERT_TRUE(down.has_value());
  EXPECT_NE(down->reason.description().find("counter exploded"), std::string::npos);
  EXPECT_FALSE(is_alive(doomed.pid()));
  EXPECT_EQ(bystander.call(Get{}), 2);
}

TEST(GenServer, AnUnhandledMessageEndsTheProcessWithAReasonNamingItsType) {
  System system;
  auto counter = system.spawn<Counter>(1);
  Inbox inbox(system);
  inbox.monitor(counter.pid());
  // An unknown message ends it.
  // retort: disable-next-line typecheck/unhandled-message
  send(counter.pid(), Unknown{});
  auto down = inbox.receive<Down>(1s);
  ASSERT_TRUE(down.has_value());
  EXPECT_NE(down->reason.to_string().find("unhandled message: retort::{anonymous}::Unknown"),
            std::string::npos)
      << down->reason.to_string();
}

TEST(GenServer, CallingADeadProcessFailsAtOnceWithNoproc) {
  System system;
  auto counter = system.spawn<Counter>(1);
  Inbox inbox(system);
  inbox.monitor(counter.pid());
  exit(counter.pid(), ExitReason::kill());
  ASSERT_TRUE(inbox.receive<Down>(1s).has_value());
  auto started = std::chrono::steady_clock::now();
  try {
    counter.call(Get{});
    FAIL();
  } catch (const CallError& error) {
    EXPECT_EQ(error.reason(), ExitReason::noproc());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

TEST(GenServer, ACallQueuedBehindTheCalleesDeathFailsAtOnceWithItsReason) {
  System system;
  auto counter = system.spawn<Counter>(1);
  // An unknown message ends it.
  // retort: disable-next-line typecheck/unhandled-message
  send(counter.pid(), Unknown{});  // ends the counter before it reaches the call
  auto started = std::chrono::steady_clock::now();
  try {
    counter.call(Get{}, 5s);
    FAIL();
  } catch (const CallError& error) {
    // The callee's own reason when the call was queued before it died; noproc when
    // it was already gone by the time the call was sent. Never a timeout.
    bool is_callee_reason =
        error.reason().to_string().find("unhandled message") != std::string::npos;
    EXPECT_TRUE(is_callee_reason || error.reason() == ExitReason::noproc()) << error.what();
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
}

// On a TestSystem: the call times out at 50 ms of virtual time, the reply comes at
// 300 ms, and no thread sleeps.
TEST(GenServer, ATimedOutCallThrowsTimeoutAndItsLateReplyIsDropped) {
  TestSystem system;
  Inbox silent(system);
  auto counter = system.spawn<Counter>(5);
  try {
    counter.call(Hang{silent.pid(), 300ms}, 50ms);
    FAIL();
  } catch (const CallError& error) {
    EXPECT_EQ(error.reason(), ExitReason::timeout());
  }
  EXPECT_EQ(system.elapsed(), 50ms);
  EXPECT_EQ(counter.call(Get{}), 5);  // the late reply to Hang did not leak into this call
  EXPECT_EQ(system.elapsed(), 300ms);
}

TEST(GenServer, AReplyOfTheWrongTypeIsACallError) {
  System system;
  Pid pid = system.spawn<Counter>(1).pid();
  // The runtime must throw.
  // retort: disable-next-line typecheck/reply-type-mismatch
  EXPECT_THROW(call<std::string>(pid, Get{}), CallError);
}

TEST(GenServer, BlockingCallsInsideAHandlerAreRefused) {
  struct CallOut {
    Pid target;
  };
  class Caller : public GenServer<Caller> {
   public:
    using Protocol = retort::Protocol<Call<CallOut, std::string>>;
    std::string handle_call(const CallOut& out, From) {
      try {
        call<int>(out.target, Get{});
        return "blocked";
      } catch (const std::logic_error& error) {
        return error.what();
      }
    }
  };
  System system;
  auto counter = system.spawn<Counter>(1);
  auto caller = system.spawn<Caller>();
  EXPECT_NE(caller.call(CallOut{counter.pid()}).find("would block a scheduler thread"),
            std::string::npos);
}

}  // namespace
}  // namespace retort
