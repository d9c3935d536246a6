// retort's side of runtime/bench/run. Prints one "name value unit" line per workload;
// caf_bench.cpp and bench.erl print the same lines for the peers.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "measure.hpp"
#include "retort/runtime.hpp"

using namespace retort;
using bench::Clock;
using bench::env_or;
using bench::resident_bytes;
using bench::seconds_since;

namespace {

struct Done {};

// --- ping-pong: a ball bounced between two players `rounds` times.
struct Partner {
  Pid pid;
  Pid report_to;
};
struct Ball {
  int remaining;
};

class Player : public GenServer<Player> {
 public:
  using Protocol = retort::Protocol<Info<Partner>, Info<Ball>>;
  void handle_info(const Partner& partner) {
    partner_ = partner.pid;
    report_to_ = partner.report_to;
  }
  void handle_info(const Ball& ball) {
    if (ball.remaining == 0) return send(report_to_, Done{});
    send(partner_, Ball{ball.remaining - 1});
  }

 private:
  Pid partner_;
  Pid report_to_;
};

double ping_pong(System& system, int pairs, int rounds) {
  Inbox inbox(system);
  std::vector<Ref<Player>> players;
  for (int i = 0; i < pairs; ++i) {
    auto a = system.spawn<Player>();
    auto b = system.spawn<Player>();
    send(a.pid(), Partner{b.pid(), inbox.pid()});
    send(b.pid(), Partner{a.pid(), inbox.pid()});
    players.push_back(a);
  }
  auto start = Clock::now();
  for (auto& player : players) send(player.pid(), Ball{rounds});
  for (int i = 0; i < pairs; ++i) inbox.receive<Done>(std::chrono::minutes(5));
  return double(pairs) * rounds / seconds_since(start);
}

// --- binary-tree spawn: each node spawns two children until depth 0.
struct Build {
  int depth;
  Pid parent;
};

class Node : public GenServer<Node> {
 public:
  using Protocol = retort::Protocol<Info<Build>, Info<Done>>;
  void handle_info(const Build& build) {
    parent_ = build.parent;
    if (build.depth == 0) return finish();
    for (int i = 0; i < 2; ++i) send(system().spawn<Node>().pid(), Build{build.depth - 1, self()});
  }
  void handle_info(const Done&) {
    if (++children_done_ == 2) finish();
  }

 private:
  void finish() {
    send(parent_, Done{});
    stop();
  }
  Pid parent_;
  int children_done_ = 0;
};

double tree_spawn(System& system, int depth) {
  Inbox inbox(system);
  auto start = Clock::now();
  send(system.spawn<Node>().pid(), Build{depth, inbox.pid()});
  inbox.receive<Done>(std::chrono::minutes(5));
  return double((1L << (depth + 1)) - 1) / seconds_since(start);
}

// --- idle actors: bytes of resident memory per spawned, waiting actor.
class Idle : public GenServer<Idle> {
 public:
  using Protocol = retort::Protocol<Info<Done>>;
  void handle_info(const Done&) {}
};

double idle_memory(System& system, int count) {
  std::vector<Pid> pids;
  pids.reserve(count);
  long before = resident_bytes();
  for (int i = 0; i < count; ++i) pids.push_back(system.spawn<Idle>().pid());
  long after = resident_bytes();
  return double(after - before) / count;
}

// --- call round trips to an echo actor.
struct Get {};
class Echo : public GenServer<Echo> {
 public:
  using Protocol = retort::Protocol<Call<Get, int>>;
  int handle_call(const Get&, From) { return 1; }
};

// From a thread outside the runtime, blocking: the median and p99.
std::pair<double, double> thread_call_latency(System& system, int calls) {
  auto echo = system.spawn<Echo>();
  return bench::latency_percentiles(calls, [&] { echo.call(Get{}); });
}

// From another actor, which co_awaits each call (gen_server:call's peer): each
// round trip's time, taken inside the caller.
struct CallEcho {
  int calls;
};
class Caller : public GenServer<Caller> {
 public:
  using Protocol = retort::Protocol<Call<CallEcho, std::vector<double>>>;
  explicit Caller(Pid echo) : echo_(std::move(echo)) {}
  Async<std::vector<double>> handle_call(const CallEcho& run, From) {
    std::vector<double> micros;
    micros.reserve(run.calls);
    for (int i = 0; i < run.calls; ++i) {
      auto start = Clock::now();
      co_await async_call<int>(echo_, Get{});
      micros.push_back(seconds_since(start) * 1e6);
    }
    co_return micros;
  }

 private:
  Pid echo_;
};

std::pair<double, double> actor_call_latency(System& system, int calls) {
  // Linked to nothing, as the peers' processes are: they live as long as the measure.
  // retort: disable-next-line design/actor-unsupervised-spawn
  auto caller = system.spawn<Caller>(system.spawn<Echo>().pid());
  return bench::mean_and_p99(caller.call(CallEcho{calls}, std::chrono::minutes(10)));
}

// --- fan-in: many senders into one receiver.
struct Go {
  Pid receiver;
  int count;
};
struct Item {};

class Sender : public GenServer<Sender> {
 public:
  using Protocol = retort::Protocol<Info<Go>>;
  void handle_info(const Go& go) {
    for (int i = 0; i < go.count; ++i) cast(go.receiver, Item{});
  }
};

class Receiver : public GenServer<Receiver> {
 public:
  using Protocol = retort::Protocol<Cast<Item>>;
  Receiver(long expected, Pid report_to) : remaining_(expected), report_to_(std::move(report_to)) {}
  void handle_cast(const Item&) {
    if (--remaining_ == 0) send(report_to_, Done{});
  }

 private:
  long remaining_;
  Pid report_to_;
};

double fan_in(System& system, int senders, int per_sender) {
  Inbox inbox(system);
  auto receiver = system.spawn<Receiver>(long(senders) * per_sender, inbox.pid());
  std::vector<Pid> pids;
  for (int i = 0; i < senders; ++i) pids.push_back(system.spawn<Sender>().pid());
  auto start = Clock::now();
  for (auto& pid : pids) send(pid, Go{receiver.pid(), per_sender});
  inbox.receive<Done>(std::chrono::minutes(10));
  return double(senders) * per_sender / seconds_since(start);
}

}  // namespace

int main() {
  System system;
  std::printf("idle_memory %.0f bytes/actor\n", idle_memory(system, env_or("IDLE", 1000000)));
  std::printf("ping_pong_1 %.0f msg/s\n", ping_pong(system, 1, env_or("ROUNDS", 2000000)));
  std::printf("ping_pong_8 %.0f msg/s\n", ping_pong(system, 8, env_or("ROUNDS", 2000000) / 4));
  std::printf("tree_spawn %.0f actors/s\n", tree_spawn(system, env_or("TREE_DEPTH", 20)));
  auto [mean, actor_p99] = actor_call_latency(system, env_or("CALLS", 200000));
  std::printf("actor_call_mean %.2f us\nactor_call_p99 %.2f us\n", mean, actor_p99);
  auto [median, p99] = thread_call_latency(system, env_or("CALLS", 200000) / 2);
  std::printf("thread_call_median %.2f us\nthread_call_p99 %.2f us\n", median, p99);
  std::printf("fan_in %.0f msg/s\n", fan_in(system, 20, env_or("FAN_IN", 1000000)));
}
