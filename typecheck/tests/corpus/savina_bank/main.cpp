// Savina's bank transaction: a teller moves money between accounts with calls, each
// account replying whether the debit went through. Correct: no warning.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

#include <vector>

struct Debit {
  long amount = 0;
};
struct Credit {
  long amount = 0;
};
struct Balance {};
struct Transfer {
  std::size_t from = 0;
  std::size_t to = 0;
  long amount = 0;
};

class Account : public retort::GenServer<Account> {
 public:
  using Protocol = retort::Protocol<retort::Call<Debit, bool>, retort::Cast<Credit>,
                                    retort::Call<Balance, long>>;
  explicit Account(long balance) : balance_(balance) {}
  bool handle_call(const Debit& debit, retort::From) {
    if (debit.amount > balance_) return false;
    balance_ -= debit.amount;
    return true;
  }
  void handle_cast(const Credit& credit) { balance_ += credit.amount; }
  long handle_call(const Balance&, retort::From) { return balance_; }

 private:
  long balance_;
};

class Teller : public retort::GenServer<Teller> {
 public:
  using Protocol = retort::Protocol<retort::Call<Transfer, bool>>;
  explicit Teller(std::vector<retort::Ref<Account>> accounts) : accounts_(std::move(accounts)) {}
  retort::Async<bool> handle_call(const Transfer& transfer, retort::From) {
    const retort::Pid from = accounts_[transfer.from].pid();
    bool debited = co_await retort::async_call<bool>(from, Debit{transfer.amount});
    if (debited) accounts_[transfer.to].cast(Credit{transfer.amount});
    co_return debited;
  }

 private:
  std::vector<retort::Ref<Account>> accounts_;
};

int main() {
  retort::System system;
  std::vector<retort::Ref<Account>> accounts;
  for (int i = 0; i < 10; ++i) accounts.push_back(system.spawn<Account>(1000));
  auto teller = system.spawn<Teller>(accounts);
  for (std::size_t i = 0; i < 1000; ++i)
    teller.call(Transfer{i % accounts.size(), (i * 7 + 3) % accounts.size(), 10});
  long total = 0;
  for (auto& account : accounts) total += account.call(Balance{});
  return total == 10000 ? 0 : 1;
}
