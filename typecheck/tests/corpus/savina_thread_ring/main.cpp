// Savina's thread ring: N actors in a ring pass a token, each decrementing it, until
// it reaches zero. Correct: no warning.
#include <retort/gen_server.hpp>
#include <retort/process.hpp>
#include <retort/system.hpp>

#include <atomic>
#include <vector>

struct Token {
  int hops = 0;
};
struct Link {
  retort::Ref<class Node> next;
};

std::atomic<bool> done{false};

class Node : public retort::GenServer<Node> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Link>, retort::Cast<Token>>;
  void handle_cast(const Link& link) { next_ = link.next; }
  void handle_cast(const Token& token) {
    if (token.hops == 0) {
      done.store(true);
      return;
    }
    next_.cast(Token{token.hops - 1});
  }

 private:
  retort::Ref<Node> next_;
};

int main() {
  retort::System system;
  std::vector<retort::Ref<Node>> ring;
  for (int i = 0; i < 100; ++i) ring.push_back(system.spawn<Node>());
  for (std::size_t i = 0; i < ring.size(); ++i) ring[i].cast(Link{ring[(i + 1) % ring.size()]});
  ring[0].cast(Token{10000});
  while (!done.load()) {
  }
  return 0;
}
