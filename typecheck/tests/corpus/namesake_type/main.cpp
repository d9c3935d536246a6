// A message of the same name from another namespace is another type.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

namespace shop {
struct Get {};
}  // namespace shop
namespace warehouse {
struct Get {};
}  // namespace warehouse

class Shelf : public retort::GenServer<Shelf> {
 public:
  using Protocol = retort::Protocol<retort::Call<shop::Get, int>>;
  int handle_call(const shop::Get&, retort::From) { return 3; }
};

int main() {
  retort::System system;
  auto shelf = system.spawn<Shelf>();
  using namespace warehouse;
  int stock = retort::call<int>(shelf.pid(), Get{});  // expect: unhandled-message
  return stock + retort::call<int>(shelf.pid(), shop::Get{});
}
