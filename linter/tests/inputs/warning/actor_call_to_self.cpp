#include <retort/runtime.hpp>

struct Total {};
struct Sum {};

struct Ledger : retort::GenServer<Ledger> {
  using Protocol = retort::Protocol<retort::Call<Total, int>, retort::Call<Sum, int>>;

  int handle_call(const Total&, retort::From) {
    return retort::call<int>(self(), Sum{});  // expect: warning/actor-call-to-self
  }

  int handle_call(const Sum&, retort::From) { return sum(); }  // no-finding

 private:
  int sum() const { return balance_; }
  int balance_ = 0;
};

int ask(const retort::Pid& ledger) { return retort::call<int>(ledger, Sum{}); }  // no-finding
