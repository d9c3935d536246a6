#include <stdexcept>

#include <retort/runtime.hpp>

struct Load {
  int key = 0;
};
int load(int key);

struct Store : retort::GenServer<Store> {
  using Protocol = retort::Protocol<retort::Call<Load, int>, retort::Cast<Load>>;

  int handle_call(const Load& request, retort::From) {
    try {
      return load(request.key);
    } catch (...) {  // expect: warning/actor-catch-all-in-handler
      return -1;
    }
  }

  void handle_cast(const Load& request) {
    try {
      last_ = load(request.key);
    } catch (const std::out_of_range&) {  // no-finding
      last_ = -1;
    } catch (...) {  // no-finding
      last_ = -2;
      throw;
    }
  }

 private:
  int last_ = 0;
};
