// A protocol entry nothing in the program ever sends.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

struct Open {};
struct Close {};

class Door : public retort::GenServer<Door> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Open>, retort::Cast<Close>>;  // expect: unreachable-handler
  void handle_cast(const Open&) { is_open_ = true; }
  void handle_cast(const Close&) { is_open_ = false; }

 private:
  bool is_open_ = false;
};

int main() {
  retort::System system;
  auto door = system.spawn<Door>();
  retort::cast(door.pid(), Open{});
  return 0;
}
