// The pid reaches the send through a parameter of a function in another unit.
#include <retort/system.hpp>

#include "poke.hpp"

int main() {
  retort::System system;
  auto bell = system.spawn<Bell>();
  ring(bell.pid());
  silence(bell.pid());
  return 0;
}
