// A pid kept in a local before the send; one local is reassigned, so its target is
// not certain and it is not checked.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

struct Ping {};
struct Stop {};

class Echo : public retort::GenServer<Echo> {
 public:
  using Protocol = retort::Protocol<retort::Call<Ping, int>>;
  int handle_call(const Ping&, retort::From) { return 1; }
};

class Sink : public retort::GenServer<Sink> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Stop>>;
  void handle_cast(const Stop&) {}
};

int main() {
  retort::System system;
  auto echo = system.spawn<Echo>();
  auto sink = system.spawn<Sink>();
  retort::Pid target = echo.pid();
  retort::Pid copy = target;
  retort::cast(copy, Stop{});  // expect: unhandled-message
  retort::Pid moving = echo.pid();
  moving = sink.pid();
  retort::cast(moving, Stop{});
  return retort::call<int>(target, Ping{});
}
