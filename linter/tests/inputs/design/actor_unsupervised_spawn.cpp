#include <retort/runtime.hpp>

struct Ping {};
struct Cache : retort::GenServer<Cache> {
  using Protocol = retort::Protocol<retort::Cast<Ping>>;
  void handle_cast(const Ping&) { ++pings_; }
  int pings_ = 0;
};

void start_cache(retort::System& system) {
  auto cache = system.spawn<Cache>();  // expect: design/actor-unsupervised-spawn
  cache.cast(Ping{});
}

void start_linked(retort::System& system) {
  auto cache = system.spawn_link<Cache>();  // no-finding
  cache.cast(Ping{});
}

void start_watched(retort::System& system) {
  auto cache = system.spawn<Cache>();  // no-finding
  retort::monitor(cache.pid());
}

int main() {
  retort::System system;
  auto cache = system.spawn<Cache>();  // no-finding
  cache.cast(Ping{});
}
