#include <retort/runtime.hpp>

struct Query {};

struct Db : retort::GenServer<Db> {
  using Protocol = retort::Protocol<retort::Call<Query, int>>;
  Db() { retort::trap_exit(true); }  // expect: warning/actor-trap-exit-without-terminate
  int handle_call(const Query&, retort::From) { return rows_; }

 private:
  int rows_ = 0;
};

struct CleanDb : retort::GenServer<CleanDb> {
  using Protocol = retort::Protocol<retort::Call<Query, int>>;
  CleanDb() { retort::trap_exit(true); }  // no-finding
  int handle_call(const Query&, retort::From) { return rows_; }
  void terminate(const retort::ExitReason&) { rows_ = 0; }

 private:
  int rows_ = 0;
};
