// A pid kept in a member, set once in the constructor from a typed Ref.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

struct Store {
  int value = 0;
};
struct Load {};

class Vault : public retort::GenServer<Vault> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Store>>;
  void handle_cast(const Store&) {}
};

class Teller {
 public:
  explicit Teller(const retort::Ref<Vault>& vault) : vault_(vault.pid()) {}
  void deposit(int value) const { retort::cast(vault_, Store{value}); }
  void audit() const { retort::cast(vault_, Load{}); }  // expect: unhandled-message

 private:
  retort::Pid vault_;
};

int main() {
  retort::System system;
  Teller teller(system.spawn<Vault>());
  teller.deposit(5);
  teller.audit();
  return 0;
}
