#pragma once

// What a process runs: GenServer implements it; the runtime calls it.

#include <memory>

#include "retort/detail/envelope.hpp"

namespace retort::detail {

class Behaviour {
 public:
  virtual ~Behaviour() = default;
  // Handles one message (and may take it). Returns false when it has no handler.
  virtual bool receive(std::unique_ptr<Envelope>& envelope) = 0;
  // Runs the actor's terminate callback, if it has one.
  virtual void run_terminate(const ExitReason& reason) { (void)reason; }
};

}  // namespace retort::detail
