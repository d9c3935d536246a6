// A Cast entry dropped from the protocol: its handler stays and compiles, and the
// casts that relied on it go unhandled.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

struct Push {
  int value = 0;
};
struct Clear {};
struct Size {};

class Stack : public retort::GenServer<Stack> {
 public:
  using Protocol = retort::Protocol<retort::Call<Size, int>, retort::Cast<Push>>;
  int handle_call(const Size&, retort::From) { return size_; }
  void handle_cast(const Push&) { ++size_; }
  void handle_cast(const Clear&) { size_ = 0; }  // expect: protocol-mismatch

 private:
  int size_ = 0;
};

int main() {
  retort::System system;
  auto stack = system.spawn<Stack>();
  retort::cast(stack.pid(), Push{1});
  retort::cast(stack.pid(), Clear{});  // expect: unhandled-message
  return retort::call<int>(stack.pid(), Size{});
}
