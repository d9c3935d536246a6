#pragma once

// A lock-free multi-producer single-consumer queue of envelopes (Vyukov's intrusive
// MPSC queue): any thread pushes with one atomic exchange, only the process's
// current runner pops.

#include <atomic>
#include <cstddef>

#include "retort/detail/envelope.hpp"

namespace retort::detail {

class Mailbox {
 public:
  Mailbox();
  ~Mailbox();
  Mailbox(const Mailbox&) = delete;
  Mailbox& operator=(const Mailbox&) = delete;

  // Any thread. Takes ownership of `envelope`.
  void push(Envelope* envelope);
  // The consumer only. Returns nullptr when empty (or while a push is half done).
  Envelope* pop();
  // Whether anything is queued or being queued.
  bool has_messages() const;
  // For the consumer, before it gives up ownership: how many it has popped.
  std::size_t popped_count() const { return popped_.load(std::memory_order_relaxed); }
  // Safe from any thread, even after the consumer gave up ownership: whether
  // anything was pushed beyond `popped` (it reads only the producers' counter).
  bool has_pushed_beyond(std::size_t popped) const {
    return pushed_.load(std::memory_order_seq_cst) != popped;
  }
  std::size_t length() const {
    return pushed_.load(std::memory_order_relaxed) - popped_.load(std::memory_order_relaxed);
  }

 private:
  struct Stub : Envelope {
    Stub() : Envelope(EnvelopeKind::info, nullptr) {}
  };
  std::atomic<Envelope*> head_;
  Envelope* tail_;
  Stub stub_;
  void link(Envelope* envelope);
  // Producers count with one atomic add; the single consumer counts with a plain
  // store, so a pop costs no locked instruction.
  std::atomic<std::size_t> pushed_{0};
  std::atomic<std::size_t> popped_{0};
};

}  // namespace retort::detail
