// Calls that ask for another reply type than the protocol's, one of them merely
// convertible (the runtime compares exact types and throws "reply type mismatch").
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

#include <string>

struct Name {};
struct Age {};

class Person : public retort::GenServer<Person> {
 public:
  using Protocol = retort::Protocol<retort::Call<Name, std::string>, retort::Call<Age, int>>;
  std::string handle_call(const Name&, retort::From) { return "Ada"; }
  int handle_call(const Age&, retort::From) { return 36; }
};

int main() {
  retort::System system;
  auto person = system.spawn<Person>();
  long age = retort::call<long>(person.pid(), Age{});  // expect: reply-type-mismatch
  auto name = retort::call<const char*>(person.pid(), Name{});  // expect: reply-type-mismatch
  int exact = retort::call<int>(person.pid(), Age{});
  return static_cast<int>(age) + exact + (name != nullptr ? 1 : 0);
}
