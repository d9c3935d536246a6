// A correct program: every message is sent in its protocol's category, through a Ref,
// a local pid, self() and a timer. No warning.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>
#include <retort/timer.hpp>

#include <chrono>

struct Get {};
struct Add {
  int amount = 0;
};
struct Tick {};
using Count = int;

class Counter : public retort::GenServer<Counter> {
 public:
  using Protocol =
      retort::Protocol<retort::Call<Get, int>, retort::Cast<Add>, retort::Info<Tick>>;
  Count handle_call(const Get&, retort::From) { return value_; }
  void handle_cast(const Add& add) { value_ += add.amount; }
  void handle_info(const Tick&) { retort::cast(self(), Add{1}); }

 private:
  int value_ = 0;
};

int main() {
  retort::System system;
  auto counter = system.spawn<Counter>();
  const retort::Pid pid = counter.pid();
  retort::cast(pid, Add{2});
  retort::send_after(std::chrono::milliseconds(1), counter.pid(), Tick{});
  return retort::call<Count>(pid, Get{}) == 2 ? 0 : 1;
}
