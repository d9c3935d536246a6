// Calls awaited by handler coroutines: the reply, a failure or the timeout posts a
// Resume message to the awaiting process (see handle_while_suspended).

#include "retort/async.hpp"

#include "retort/detail/timer_service.hpp"
#include "retort/system.hpp"

#include <atomic>
#include <stdexcept>

namespace retort::detail {
namespace {

std::atomic<std::uint64_t> next_await_ref{1};

AsyncState& async_state_of(Process* process) {
  if (!process->async_state) process->async_state = std::make_unique<AsyncState>();
  return *process->async_state;
}

}  // namespace

void suspend_until_settled(const std::shared_ptr<ReplySlot>& slot, std::coroutine_handle<> awaiting,
                           std::chrono::milliseconds timeout) {
  Process* self = current_process();
  if (self == nullptr) throw std::logic_error("retort: co_await only inside a process's handler");
  AsyncState& state = async_state_of(self);
  std::uint64_t ref = next_await_ref.fetch_add(1, std::memory_order_relaxed);
  state.is_suspended = true;
  state.awaiting = awaiting;
  state.awaited_ref = ref;
  Pid me(self);
  slot->on_done([me, ref] {
    deliver(me.process(), new ValueEnvelope<Resume>(EnvelopeKind::info, Resume{ref}));
  });
  state.awaited_timer = self->system->timers().schedule_internal(
      timeout, [slot] { slot->fail(ExitReason::timeout()); });
}

void send_async_call(const Pid& target, Envelope* call, const std::shared_ptr<ReplySlot>& slot,
                     std::coroutine_handle<> awaiting, std::chrono::milliseconds timeout) {
  std::unique_ptr<Envelope> owned_call(call);
  suspend_until_settled(slot, awaiting, timeout);
  if (!target) {
    slot->fail(ExitReason::noproc());
  } else if (target.process() == current_process()) {
    slot->fail(ExitReason::error("calling self: a process cannot wait for its own reply"));
  } else {
    deliver(target.process(), owned_call.release());
  }
}

void park_handler(std::function<bool()> finish_if_done,
                  std::shared_ptr<ReplySlot> call_being_handled) {
  AsyncState& state = async_state_of(current_process());
  state.finish_if_done = std::move(finish_if_done);
  state.call_being_handled = std::move(call_being_handled);
}

}  // namespace retort::detail
