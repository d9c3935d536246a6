#include <memory>
#include <vector>

#include <retort/runtime.hpp>

struct Table {
  std::vector<int> rows;
};

struct Update {
  std::vector<int>* rows = nullptr;  // expect: warning/actor-shared-mutable-message
  std::shared_ptr<Table> table;      // expect: warning/actor-shared-mutable-message
  std::shared_ptr<const Table> snapshot;  // no-finding
  const char* label = nullptr;            // no-finding
  int count = 0;                          // no-finding
};

struct Read {
  int key = 0;  // no-finding
};

struct Store : retort::GenServer<Store> {
  using Protocol = retort::Protocol<retort::Cast<Update>, retort::Call<Read, int>>;
  void handle_cast(const Update& update) { count_ += update.count; }
  int handle_call(const Read&, retort::From) { return count_; }

 private:
  int count_ = 0;
};
