// The pid comes back from a function defined in another unit.
#include <retort/process.hpp>

#include "make.hpp"

int main() {
  retort::System system;
  retort::cast(start_kettle(system), Brew{});
  retort::cast(start_kettle(system), Pour{});  // expect: unhandled-message
  return 0;
}
