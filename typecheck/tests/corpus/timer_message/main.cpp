// A timer's message goes to handle_info: a message the actor only casts is lost.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>
#include <retort/timer.hpp>

#include <chrono>

struct Tick {};
struct Flush {};

class Ticker : public retort::GenServer<Ticker> {
 public:
  using Protocol = retort::Protocol<retort::Info<Tick>, retort::Cast<Flush>>;
  void handle_info(const Tick&) {
    retort::send_after(std::chrono::milliseconds(10), self(), Flush{});  // expect: unhandled-message
  }
  void handle_cast(const Flush&) {}
};

int main() {
  retort::System system;
  auto ticker = system.spawn<Ticker>();
  retort::send_after(std::chrono::milliseconds(10), ticker.pid(), Tick{});
  retort::cast(ticker.pid(), Flush{});
  return 0;
}
