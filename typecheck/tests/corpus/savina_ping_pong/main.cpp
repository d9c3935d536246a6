// Savina's ping-pong: two actors pass a ball back and forth N times. Correct: no
// warning.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

#include <atomic>

struct Ball {
  int left = 0;
  retort::Pid from;
};
struct Start {
  int rounds = 0;
  retort::Pid partner;
};

std::atomic<int> finished{0};

class Player : public retort::GenServer<Player> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Start>, retort::Info<Ball>>;
  void handle_cast(const Start& start) { retort::send(start.partner, Ball{start.rounds, self()}); }
  void handle_info(const Ball& ball) {
    if (ball.left == 0) {
      finished.fetch_add(1);
      return;
    }
    retort::send(ball.from, Ball{ball.left - 1, self()});
  }
};

int main() {
  retort::System system;
  auto ping = system.spawn<Player>();
  auto pong = system.spawn<Player>();
  ping.cast(Start{1000, pong.pid()});
  while (finished.load() == 0) {
  }
  return 0;
}
