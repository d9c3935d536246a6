#pragma once

#include <retort/gen_server.hpp>
#include <retort/system.hpp>

struct Brew {};
struct Pour {};

class Kettle : public retort::GenServer<Kettle> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Brew>>;
  void handle_cast(const Brew&) {}
};

retort::Pid start_kettle(retort::System& system);
