// Must not compile: Ref<Counter>::call with a message that is not a Call in
// Counter's Protocol. ctest checks the compiler names the problem readably.

#include <retort/runtime.hpp>

struct Get {};
struct Unrelated {};

class Counter : public retort::GenServer<Counter> {
 public:
  using Protocol = retort::Protocol<retort::Call<Get, int>>;
  int handle_call(const Get&, retort::From) { return 0; }
};

int main() {
  retort::System system;
  auto counter = system.spawn<Counter>();
  return counter.call(Unrelated{});
}
