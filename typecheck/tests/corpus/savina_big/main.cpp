// Savina's big: every worker pings random neighbours and answers their pings; a sink
// counts the workers that finished. Correct: no warning.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

#include <atomic>
#include <cstddef>
#include <vector>

struct Ping {
  retort::Pid sender;
};
struct Pong {};
struct Neighbours {
  std::vector<retort::Pid> all;
};
struct Finished {};

std::atomic<int> workers_done{0};

class Sink : public retort::GenServer<Sink> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Finished>>;
  void handle_cast(const Finished&) { workers_done.fetch_add(1); }
};

class Worker : public retort::GenServer<Worker> {
 public:
  using Protocol =
      retort::Protocol<retort::Cast<Neighbours>, retort::Info<Ping>, retort::Info<Pong>>;
  Worker(retort::Ref<Sink> sink, int pings) : sink_(sink), pings_left_(pings) {}
  void handle_cast(const Neighbours& neighbours) {
    neighbours_ = neighbours.all;
    ping_next();
  }
  void handle_info(const Ping& ping) { retort::send(ping.sender, Pong{}); }
  void handle_info(const Pong&) { ping_next(); }

 private:
  void ping_next() {
    if (pings_left_-- == 0) {
      sink_.cast(Finished{});
      return;
    }
    retort::send(neighbours_[static_cast<std::size_t>(pings_left_) % neighbours_.size()],
                 Ping{self()});
  }
  retort::Ref<Sink> sink_;
  int pings_left_;
  std::vector<retort::Pid> neighbours_;
};

int main() {
  retort::System system;
  auto sink = system.spawn<Sink>();
  std::vector<retort::Ref<Worker>> workers;
  std::vector<retort::Pid> pids;
  for (int i = 0; i < 16; ++i) {
    workers.push_back(system.spawn<Worker>(sink, 100));
    pids.push_back(workers.back().pid());
  }
  for (auto& worker : workers) worker.cast(Neighbours{pids});
  while (workers_done.load() < 16) {
  }
  return 0;
}
