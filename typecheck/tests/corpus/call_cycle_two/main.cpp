// A -> B -> A: the Clerk, handling Ask, calls the Manager, whose Confirm handler calls
// the Clerk back; the Clerk is still waiting for the Manager's reply, so neither call
// returns before its timeout. Each leg of the cycle is warned.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

struct Ask {};
struct Confirm {};
class Clerk;
struct Hire {
  retort::Ref<Clerk> clerk;
};

class Manager : public retort::GenServer<Manager> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Hire>, retort::Call<Confirm, bool>>;
  void handle_cast(const Hire& hire) { clerk_ = hire.clerk; }
  bool handle_call(const Confirm&, retort::From) {
    return retort::call<bool>(clerk_.pid(), Ask{});  // expect: call-cycle
  }

 private:
  retort::Ref<Clerk> clerk_;
};

class Clerk : public retort::GenServer<Clerk> {
 public:
  using Protocol = retort::Protocol<retort::Call<Ask, bool>>;
  explicit Clerk(retort::Ref<Manager> manager) : manager_(manager) {}
  retort::Async<bool> handle_call(const Ask&, retort::From) {
    co_return co_await retort::async_call<bool>(manager_.pid(), Confirm{});  // expect: call-cycle
  }

 private:
  retort::Ref<Manager> manager_;
};

int main() {
  retort::System system;
  auto manager = system.spawn<Manager>();
  auto clerk = system.spawn<Clerk>(manager);
  manager.cast(Hire{clerk});
  try {
    return retort::call<bool>(clerk.pid(), Ask{}, std::chrono::milliseconds(100)) ? 0 : 1;
  } catch (const retort::CallError&) {
    return 2;
  }
}
