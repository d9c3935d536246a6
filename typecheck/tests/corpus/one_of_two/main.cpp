// A target that is one of two actors: warned only when neither handles the message.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

struct Work {};
struct Report {};

class Fast : public retort::GenServer<Fast> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Work>, retort::Cast<Report>>;
  void handle_cast(const Work&) {}
  void handle_cast(const Report&) {}
};

class Slow : public retort::GenServer<Slow> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Work>>;
  void handle_cast(const Work&) {}
};

int main(int argc, char**) {
  retort::System system;
  auto fast = system.spawn<Fast>();
  auto slow = system.spawn<Slow>();
  const retort::Pid worker = argc > 1 ? fast.pid() : slow.pid();
  retort::cast(worker, Work{});
  retort::cast(worker, Report{});
  retort::send(worker, Work{});  // expect: unhandled-message
  return 0;
}
