// A process registered under a constant name, and messages sent by name: one by a
// misspelt name nobody registers, one the registered actor does not handle.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

struct Hit {};
struct Miss {};

class Scoreboard : public retort::GenServer<Scoreboard> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Hit>>;
  void handle_cast(const Hit&) { ++hits_; }

 private:
  int hits_ = 0;
};

int main() {
  retort::System system;
  auto board = system.spawn<Scoreboard>();
  system.register_name("scoreboard", board.pid());
  retort::cast(system, "scoreboard", Hit{});
  retort::cast(system, "scorebaord", Hit{});  // expect: unhandled-message
  retort::cast(system, "scoreboard", Miss{});  // expect: unhandled-message
  return 0;
}
