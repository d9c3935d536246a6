#include "retort/inbox.hpp"

#include "retort/system.hpp"

namespace retort {
namespace {

class InboxBehaviour : public detail::Behaviour {
 public:
  explicit InboxBehaviour(std::function<void(std::unique_ptr<detail::Envelope>)> put)
      : put_(std::move(put)) {
    trap_exit(true);
  }
  bool receive(std::unique_ptr<detail::Envelope>& envelope) override {
    put_(std::move(envelope));
    return true;
  }

 private:
  std::function<void(std::unique_ptr<detail::Envelope>)> put_;
};

}  // namespace

Inbox::Inbox(System& system) : queue_(std::make_shared<Queue>()) {
  std::weak_ptr<Queue> weak = queue_;
  auto put = [weak](std::unique_ptr<detail::Envelope> envelope) {
    auto queue = weak.lock();
    if (!queue) return;
    {
      std::lock_guard lock(queue->mutex);
      queue->envelopes.push_back(std::move(envelope));
    }
    queue->arrived.notify_all();
  };
  auto make = [&]() -> std::unique_ptr<detail::Behaviour> {
    return std::make_unique<InboxBehaviour>(put);
  };
  pid_ = system.spawn_behaviour(make, detail::type_tag<Inbox>(), false);
}

Inbox::~Inbox() { detail::send_exit_signal(pid_.process(), Pid(), ExitReason::normal()); }

MonitorRef Inbox::monitor(const Pid& pid) {
  return pid ? detail::monitor_process(pid_.process(), pid.process()) : MonitorRef{};
}

void Inbox::link(const Pid& pid) {
  if (pid) detail::link_processes(pid_.process(), pid.process());
}

std::unique_ptr<detail::Envelope> Inbox::take(const detail::TypeTag* type,
                                              std::chrono::milliseconds timeout) {
  // The first queued message of `type`, taken out; null when there is none.
  auto take_queued = [&]() -> std::unique_ptr<detail::Envelope> {
    for (auto it = queue_->envelopes.begin(); it != queue_->envelopes.end(); ++it) {
      if ((*it)->type == type && (*it)->kind != detail::EnvelopeKind::call) {
        auto envelope = std::move(*it);
        queue_->envelopes.erase(it);
        return envelope;
      }
    }
    return nullptr;
  };
  System& system = *pid_.process()->system;
  if (system.is_deterministic()) {
    std::unique_ptr<detail::Envelope> taken;
    system.run_until(
        [&] {
          std::lock_guard lock(queue_->mutex);
          taken = take_queued();
          return taken != nullptr;
        },
        timeout);
    return taken;
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock lock(queue_->mutex);
  while (true) {
    if (auto envelope = take_queued()) return envelope;
    if (queue_->arrived.wait_until(lock, deadline) == std::cv_status::timeout) return nullptr;
  }
}

}  // namespace retort
