// A handler that can only throw: its caller never gets a reply.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

#include <stdexcept>

struct Divide {
  int by = 0;
};

class Calculator : public retort::GenServer<Calculator> {
 public:
  using Protocol = retort::Protocol<retort::Call<Divide, int>>;
  int handle_call(const Divide&, retort::From) {  // expect: no-local-return
    throw std::runtime_error("not implemented");
  }
};

int main() {
  retort::System system;
  auto calculator = system.spawn<Calculator>();
  try {
    return retort::call<int>(calculator.pid(), Divide{2});
  } catch (const std::exception&) {
    return 1;
  }
}
