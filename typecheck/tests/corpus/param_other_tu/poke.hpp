#pragma once

#include <retort/gen_server.hpp>

struct Ring {};
struct Hush {};

class Bell : public retort::GenServer<Bell> {
 public:
  using Protocol = retort::Protocol<retort::Cast<Ring>>;
  void handle_cast(const Ring&) {}
};

void ring(const retort::Pid& bell);
void silence(const retort::Pid& bell);
