// CAF 0.17's side of runtime/bench/run: the same workloads as retort_bench.cpp,
// printing the same "name value unit" lines.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <caf/all.hpp>

#include "measure.hpp"

using namespace caf;
using bench::Clock;
using bench::env_or;
using bench::resident_bytes;
using bench::seconds_since;

namespace {

using ball_atom = atom_constant<atom("ball")>;
using partner_atom = atom_constant<atom("partner")>;
using done_atom = atom_constant<atom("done")>;
using build_atom = atom_constant<atom("build")>;
using get_atom = atom_constant<atom("get")>;
using go_atom = atom_constant<atom("go")>;
using item_atom = atom_constant<atom("item")>;

behavior player(event_based_actor* self) {
  auto partner = std::make_shared<actor>();
  auto report_to = std::make_shared<actor>();
  return {
      [=](partner_atom, const actor& other, const actor& report) {
        *partner = other;
        *report_to = report;
      },
      [=](ball_atom, int remaining) {
        if (remaining == 0) {
          self->send(*report_to, done_atom::value);
          return;
        }
        self->send(*partner, ball_atom::value, remaining - 1);
      },
  };
}

double ping_pong(actor_system& system, int pairs, int rounds) {
  scoped_actor self{system};
  std::vector<actor> firsts;
  for (int i = 0; i < pairs; ++i) {
    auto a = system.spawn(player);
    auto b = system.spawn(player);
    self->send(a, partner_atom::value, b, actor{self});
    self->send(b, partner_atom::value, a, actor{self});
    firsts.push_back(a);
  }
  auto start = Clock::now();
  for (auto& a : firsts) self->send(a, ball_atom::value, rounds);
  for (int i = 0; i < pairs; ++i) self->receive([](done_atom) {});
  return double(pairs) * rounds / seconds_since(start);
}

behavior node(event_based_actor* self) {
  auto parent = std::make_shared<actor>();
  auto done = std::make_shared<int>(0);
  return {
      [=](build_atom, int depth, const actor& from) {
        *parent = from;
        if (depth == 0) {
          self->send(*parent, done_atom::value);
          self->quit();
          return;
        }
        for (int i = 0; i < 2; ++i)
          self->send(self->spawn(node), build_atom::value, depth - 1, actor{self});
      },
      [=](done_atom) {
        if (++*done == 2) {
          self->send(*parent, done_atom::value);
          self->quit();
        }
      },
  };
}

double tree_spawn(actor_system& system, int depth) {
  scoped_actor self{system};
  auto start = Clock::now();
  self->send(system.spawn(node), build_atom::value, depth, actor{self});
  self->receive([](done_atom) {});
  return double((1L << (depth + 1)) - 1) / seconds_since(start);
}

behavior idle() {
  return {[](done_atom) {}};
}

double idle_memory(actor_system& system, int count) {
  std::vector<actor> actors;
  actors.reserve(count);
  long before = resident_bytes();
  for (int i = 0; i < count; ++i) actors.push_back(system.spawn(idle));
  long after = resident_bytes();
  double per_actor = double(after - before) / count;
  for (auto& a : actors) anon_send_exit(a, exit_reason::kill);
  return per_actor;
}

behavior echo() {
  return {[](get_atom) { return 1; }};
}

// From a thread outside the actor system, blocking: the median and p99.
std::pair<double, double> thread_call_latency(actor_system& system, int calls) {
  scoped_actor self{system};
  auto server = system.spawn(echo);
  return bench::latency_percentiles(calls, [&] {
    self->request(server, infinite, get_atom::value).receive([](int) {}, [](error&) {});
  });
}

// From another, event-based actor: each request's reply starts the next.
struct call_run {
  actor server;
  int remaining;
  std::vector<double> micros;
  Clock::time_point start;
  actor report_to;
};

void next_call(event_based_actor* self, std::shared_ptr<call_run> run) {
  if (run->remaining-- == 0) {
    self->send(run->report_to, done_atom::value);
    return;
  }
  run->start = Clock::now();
  self->request(run->server, infinite, get_atom::value).then([=](int) {
    run->micros.push_back(seconds_since(run->start) * 1e6);
    next_call(self, run);
  });
}

std::pair<double, double> actor_call_latency(actor_system& system, int calls) {
  scoped_actor self{system};
  auto run = std::make_shared<call_run>(
      call_run{system.spawn(echo), calls, {}, Clock::now(), actor{self}});
  run->micros.reserve(calls);
  system.spawn([run](event_based_actor* caller) { next_call(caller, run); });
  self->receive([](done_atom) {});
  return bench::mean_and_p99(run->micros);
}

behavior sender(event_based_actor* self) {
  return {[=](go_atom, const actor& receiver, int count) {
    for (int i = 0; i < count; ++i) self->send(receiver, item_atom::value);
  }};
}

behavior receiver(event_based_actor* self, long expected, actor report_to) {
  auto remaining = std::make_shared<long>(expected);
  return {[=](item_atom) {
    if (--*remaining == 0) self->send(report_to, done_atom::value);
  }};
}

double fan_in(actor_system& system, int senders, int per_sender) {
  scoped_actor self{system};
  auto sink = system.spawn(receiver, long(senders) * per_sender, actor{self});
  std::vector<actor> actors;
  for (int i = 0; i < senders; ++i) actors.push_back(system.spawn(sender));
  auto start = Clock::now();
  for (auto& a : actors) self->send(a, go_atom::value, sink, per_sender);
  self->receive([](done_atom) {});
  return double(senders) * per_sender / seconds_since(start);
}

}  // namespace

int main() {
  actor_system_config config;
  actor_system system{config};
  std::printf("idle_memory %.0f bytes/actor\n", idle_memory(system, env_or("IDLE", 1000000)));
  std::printf("ping_pong_1 %.0f msg/s\n", ping_pong(system, 1, env_or("ROUNDS", 2000000)));
  std::printf("ping_pong_8 %.0f msg/s\n", ping_pong(system, 8, env_or("ROUNDS", 2000000) / 4));
  std::printf("tree_spawn %.0f actors/s\n", tree_spawn(system, env_or("TREE_DEPTH", 20)));
  auto [mean, actor_p99] = actor_call_latency(system, env_or("CALLS", 200000));
  std::printf("actor_call_mean %.2f us\nactor_call_p99 %.2f us\n", mean, actor_p99);
  auto [median, p99] = thread_call_latency(system, env_or("CALLS", 200000) / 2);
  std::printf("thread_call_median %.2f us\nthread_call_p99 %.2f us\n", median, p99);
  std::printf("fan_in %.0f msg/s\n", fan_in(system, 20, env_or("FAN_IN", 1000000)));
  std::fflush(stdout);
  std::_Exit(0);  // skip tearing down a million actors; only the figures matter
}
