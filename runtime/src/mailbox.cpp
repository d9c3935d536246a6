#include "retort/detail/mailbox.hpp"

namespace retort::detail {

Mailbox::Mailbox() : head_(&stub_), tail_(&stub_) {}

Mailbox::~Mailbox() {
  while (Envelope* envelope = pop()) delete envelope;
}

void Mailbox::push(Envelope* envelope) {
  // seq_cst: pairs with the consumer's idle store (see run_slice).
  pushed_.fetch_add(1, std::memory_order_seq_cst);
  link(envelope);
}

void Mailbox::link(Envelope* envelope) {
  envelope->next.store(nullptr, std::memory_order_relaxed);
  Envelope* previous = head_.exchange(envelope, std::memory_order_acq_rel);
  previous->next.store(envelope, std::memory_order_release);
}

Envelope* Mailbox::pop() {
  Envelope* tail = tail_;
  Envelope* next = tail->next.load(std::memory_order_acquire);
  if (tail == &stub_) {
    if (next == nullptr) return nullptr;
    tail_ = next;
    tail = next;
    next = next->next.load(std::memory_order_acquire);
  }
  if (next != nullptr) {
    tail_ = next;
    popped_.store(popped_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    return tail;
  }
  if (tail != head_.load(std::memory_order_acquire)) return nullptr;  // a push is half done
  link(&stub_);
  next = tail->next.load(std::memory_order_acquire);
  if (next == nullptr) return nullptr;
  tail_ = next;
  popped_.store(popped_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  return tail;
}

bool Mailbox::has_messages() const {
  // The tail is itself an unconsumed message unless it is the stub; past it, a
  // linked successor or a head elsewhere (a push half done) means more.
  Envelope* tail = tail_;
  return tail != &stub_ || tail->next.load(std::memory_order_acquire) != nullptr ||
         head_.load(std::memory_order_acquire) != tail;
}

}  // namespace retort::detail
