#include <chrono>
#include <fstream>
#include <mutex>
#include <thread>

#include <retort/runtime.hpp>

struct Tick {};
struct Load {};

std::mutex shared_mutex;

struct Poller : retort::GenServer<Poller> {
  using Protocol = retort::Protocol<retort::Info<Tick>, retort::Call<Load, int>>;

  void handle_info(const Tick&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // expect: warning/actor-blocking-handler
    ++ticks_;
  }

  int handle_call(const Load&, retort::From) {
    std::lock_guard<std::mutex> lock(shared_mutex);  // expect: warning/actor-blocking-handler
    std::ifstream file("data.txt");                  // expect: warning/actor-blocking-handler
    return ticks_;                                   // no-finding
  }

 private:
  int ticks_ = 0;
};

void outside_a_handler() {
  std::this_thread::sleep_for(std::chrono::milliseconds(10));  // no-finding
}
