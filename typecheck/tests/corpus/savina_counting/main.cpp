// Savina's counting actor: a producer casts N increments to a counter, then calls it
// for the total. Correct: no warning.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

struct Increment {};
struct Total {};

class Counter : public retort::GenServer<Counter> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Increment>, retort::Call<Total, long>>;
  void handle_cast(const Increment&) { ++count_; }
  long handle_call(const Total&, retort::From) { return count_; }

 private:
  long count_ = 0;
};

long produce(const retort::Pid& counter, int messages) {
  for (int i = 0; i < messages; ++i) retort::cast(counter, Increment{});
  return retort::call<long>(counter, Total{});
}

int main() {
  retort::System system;
  auto counter = system.spawn<Counter>();
  return produce(counter.pid(), 100000) == 100000 ? 0 : 1;
}
