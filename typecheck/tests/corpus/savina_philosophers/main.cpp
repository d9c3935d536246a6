// Savina's dining philosophers: philosophers ask an arbitrator for both forks, eat,
// and give them back. Correct: no warning.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

#include <atomic>
#include <vector>

struct Hungry {
  std::size_t seat = 0;
  retort::Pid philosopher;
};
struct Done {
  std::size_t seat = 0;
};
struct Granted {};
struct Denied {};
struct Think {};

std::atomic<int> full{0};

class Arbitrator : public retort::GenServer<Arbitrator> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Hungry>, retort::Cast<Done>>;
  explicit Arbitrator(std::size_t seats) : forks_(seats, false) {}
  void handle_cast(const Hungry& hungry) {
    std::size_t left = hungry.seat, right = (hungry.seat + 1) % forks_.size();
    if (forks_[left] || forks_[right]) {
      retort::send(hungry.philosopher, Denied{});
      return;
    }
    forks_[left] = forks_[right] = true;
    retort::send(hungry.philosopher, Granted{});
  }
  void handle_cast(const Done& done) {
    forks_[done.seat] = forks_[(done.seat + 1) % forks_.size()] = false;
  }

 private:
  std::vector<bool> forks_;
};

class Philosopher : public retort::GenServer<Philosopher> {
 public:
  using Protocol =
      retort::Protocol<retort::Info<Granted>, retort::Info<Denied>, retort::Cast<Think>>;
  Philosopher(retort::Ref<Arbitrator> arbitrator, std::size_t seat, int meals)
      : arbitrator_(arbitrator), seat_(seat), meals_(meals) {}
  void handle_cast(const Think&) { arbitrator_.cast(Hungry{seat_, self()}); }
  void handle_info(const Granted&) {
    arbitrator_.cast(Done{seat_});
    if (--meals_ == 0) {
      full.fetch_add(1);
      return;
    }
    retort::cast(self(), Think{});
  }
  void handle_info(const Denied&) { retort::cast(self(), Think{}); }

 private:
  retort::Ref<Arbitrator> arbitrator_;
  std::size_t seat_;
  int meals_;
};

int main() {
  retort::System system;
  auto arbitrator = system.spawn<Arbitrator>(5);
  for (std::size_t seat = 0; seat < 5; ++seat)
    system.spawn<Philosopher>(arbitrator, seat, 10).cast(Think{});
  while (full.load() < 5) {
  }
  return 0;
}
