#include <retort/runtime.hpp>

struct Add {
  int x = 0;
  int y = 0;
};
struct Get {};

struct Math : retort::GenServer<Math> {  // expect: design/actor-stateless-server
  using Protocol = retort::Protocol<retort::Call<Add, int>>;
  int handle_call(const Add& add, retort::From) { return add.x + add.y; }
};

struct Counter : retort::GenServer<Counter> {  // no-finding
  using Protocol = retort::Protocol<retort::Call<Get, int>, retort::Cast<Add>>;
  int handle_call(const Get&, retort::From) { return count_; }
  void handle_cast(const Add& add) { count_ += add.x; }

 private:
  int count_ = 0;
};
