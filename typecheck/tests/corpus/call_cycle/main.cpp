// A call that comes back to an actor still waiting for its reply: the Clerk, while
// handling a call, calls itself (the runtime fails such a call at once).
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

struct Ask {};
struct Confirm {};

class Clerk;

class Manager : public retort::GenServer<Manager> {
 public:
  using Protocol = retort::Protocol<retort::Call<Confirm, bool>>;
  bool handle_call(const Confirm&, retort::From) { return true; }
};

class Clerk : public retort::GenServer<Clerk> {
 public:
  using Protocol = retort::Protocol<retort::Call<Ask, bool>>;
  explicit Clerk(retort::Ref<Manager> manager) : manager_(manager) {}
  retort::Async<bool> handle_call(const Ask&, retort::From) {
    co_return co_await retort::async_call<bool>(self(), Ask{});  // expect: call-cycle
  }

 private:
  retort::Ref<Manager> manager_;
};

int main() {
  retort::System system;
  auto manager = system.spawn<Manager>();
  auto clerk = system.spawn<Clerk>(manager);
  bool confirmed = retort::call<bool>(manager.pid(), Confirm{});
  return confirmed && retort::call<bool>(clerk.pid(), Ask{}) ? 0 : 1;
}
