// Savina's chameneos: creatures ask a broker for meetings; the broker pairs them and
// tells each its partner's colour, until the meetings run out. Correct: no warning.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

#include <atomic>
#include <optional>

enum class Colour { blue, red, yellow };

struct Meet {
  Colour colour = Colour::blue;
  retort::Pid creature;
};
struct Met {
  Colour partner = Colour::blue;
};
struct Faded {};
struct Go {
  retort::Pid broker;
};

std::atomic<int> faded{0};

Colour complement(Colour a, Colour b) {
  if (a == b) return a;
  if (a != Colour::blue && b != Colour::blue) return Colour::blue;
  if (a != Colour::red && b != Colour::red) return Colour::red;
  return Colour::yellow;
}

class Broker : public retort::GenServer<Broker> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Meet>>;
  explicit Broker(int meetings) : meetings_(meetings) {}
  void handle_cast(const Meet& meet) {
    if (meetings_ == 0) {
      retort::cast(meet.creature, Faded{});
      return;
    }
    if (!waiting_) {
      waiting_ = meet;
      return;
    }
    --meetings_;
    retort::cast(meet.creature, Met{waiting_->colour});
    retort::cast(waiting_->creature, Met{meet.colour});
    waiting_.reset();
  }

 private:
  int meetings_;
  std::optional<Meet> waiting_;
};

class Creature : public retort::GenServer<Creature> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Go>, retort::Cast<Met>, retort::Cast<Faded>>;
  explicit Creature(Colour colour) : colour_(colour) {}
  void handle_cast(const Go& go) {
    broker_ = go.broker;
    retort::cast(broker_, Meet{colour_, self()});
  }
  void handle_cast(const Met& met) {
    colour_ = complement(colour_, met.partner);
    retort::cast(broker_, Meet{colour_, self()});
  }
  void handle_cast(const Faded&) { faded.fetch_add(1); }

 private:
  Colour colour_;
  retort::Pid broker_;
};

int main() {
  retort::System system;
  auto broker = system.spawn<Broker>(200);
  for (Colour colour : {Colour::blue, Colour::red, Colour::yellow, Colour::blue})
    system.spawn<Creature>(colour).cast(Go{broker.pid()});
  while (faded.load() < 4) {
  }
  return 0;
}
