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
  // Asked to shut down by its parent or the system while trapping exits. Returns
  // true when it will stop itself later (a supervisor first stops its children).
  virtual bool begin_shutdown(const ExitReason& reason) {
    (void)reason;
    return false;
  }
};

}  // namespace retort::detail
