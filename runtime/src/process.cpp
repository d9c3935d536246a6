// A process's life: delivery, running a slice of its mailbox, exit signals, links,
// monitors, and ending with OTP's rules.

#include "retort/detail/process.hpp"

#include <thread>

#include "retort/detail/reply_slot.hpp"
#include "retort/detail/scheduler.hpp"
#include "retort/detail/timer_service.hpp"
#include "retort/messages.hpp"
#include "retort/system.hpp"

namespace retort::detail {
namespace {

thread_local Process* running_process = nullptr;

std::string_view name_of(const Envelope& envelope) {
  return envelope.type != nullptr ? envelope.type->name : std::string_view("exit signal");
}

// Wakes `process` if it was idle; the caller has just queued work for it.
void make_runnable(Process* process) {
  ProcessState expected = ProcessState::idle;
  if (process->state.compare_exchange_strong(expected, ProcessState::scheduled,
                                             std::memory_order_acq_rel)) {
    process->system->scheduler().schedule(process);
  }
}

void fail_call(Envelope& envelope, const ExitReason& reason) {
  if (envelope.kind == EnvelopeKind::call)
    static_cast<CallEnvelopeBase&>(envelope).reply->fail(reason);
}

// Runs the behaviour on one message: an unhandled message (unless
// `is_unhandled_ignored`) or an escaping exception ends the process, failing a call
// it carried; a stop() requested by the handler takes effect after it returns.
void dispatch(Process* process, std::unique_ptr<Envelope> envelope, bool is_unhandled_ignored) {
  Envelope& message = *envelope;
  try {
    if (!process->behaviour->receive(envelope) && !is_unhandled_ignored) {
      auto reason = ExitReason::error("unhandled message: " + std::string(message.type->name));
      fail_call(message, reason);
      return end_process(process, reason, true);
    }
  } catch (const std::exception& error) {
    auto reason = ExitReason::error(std::string(error.what()) + " (handling " +
                                    std::string(message.type->name) + ")");
    if (envelope) fail_call(*envelope, reason);
    return end_process(process, reason, true);
  } catch (...) {
    auto reason =
        ExitReason::error("unknown exception (handling " + std::string(message.type->name) + ")");
    if (envelope) fail_call(*envelope, reason);
    return end_process(process, reason, true);
  }
  // A kill that came while the handler ran wins over what the handler asked for:
  // C++ cannot be preempted, so this is the first moment it can act.
  if (process->is_kill_requested.load(std::memory_order_acquire)) {
    return end_process(process, ExitReason::killed(), false);
  }
  if (process->stop_request) end_process(process, *process->stop_request, true);
}

void handle_exit_signal(Process* process, std::unique_ptr<Envelope> envelope) {
  auto& signal = static_cast<ExitSignal&>(*envelope);
  if (process->is_trapping_exits) {
    // As OTP's gen_server: an exit from the parent (or the system, which has no
    // pid) stops the process, running terminate; other exits become messages.
    if (!signal.from || signal.from == process->parent) {
      if (!process->behaviour->begin_shutdown(signal.reason)) {
        return end_process(process, signal.reason, true);
      }
      if (process->stop_request) end_process(process, *process->stop_request, true);
      return;
    }
    std::unique_ptr<Envelope> message =
        std::make_unique<ValueEnvelope<Exit>>(EnvelopeKind::info, Exit{signal.from, signal.reason});
    // A trapping actor without Info<Exit> ignores it, as gen_server's default does.
    return dispatch(process, std::move(message), true);
    return;
  }
  if (signal.reason.is_normal() && signal.from != Pid(process)) return;
  end_process(process, signal.reason, false);  // OTP: terminate runs only when trapping
}

// Resumes the suspended handler coroutine; like dispatch, an escaping exception
// ends the process (failing the call it was handling) and stop() acts afterwards.
void resume_handler(Process* process) {
  AsyncState& state = *process->async_state;
  state.is_suspended = false;
  try {
    state.awaiting.resume();
    if (!state.is_suspended && state.finish_if_done && state.finish_if_done()) {
      state.finish_if_done = nullptr;
      state.call_being_handled.reset();
    }
  } catch (const std::exception& error) {
    return end_process(
        process, ExitReason::error(std::string(error.what()) + " (in a resumed handler)"), true);
  } catch (...) {
    return end_process(process, ExitReason::error("unknown exception (in a resumed handler)"),
                       true);
  }
  if (process->stop_request) end_process(process, *process->stop_request, true);
}

// While a handler awaits a reply, only that reply resumes it; other messages are
// saved, in order, for after (OTP's gen_server:call blocks the caller the same way).
void handle_while_suspended(Process* process, std::unique_ptr<Envelope> envelope) {
  AsyncState& state = *process->async_state;
  if (envelope->type == type_tag<Resume>()) {
    if (static_cast<ValueEnvelope<Resume>&>(*envelope).value.ref == state.awaited_ref) {
      process->system->timers().cancel_internal(state.awaited_timer);
      resume_handler(process);
    }
    return;  // a stale Resume (from a call already settled) is dropped
  }
  state.saved.push_back(std::move(envelope));
}

// The next message to handle: those saved while suspended come before the mailbox.
Envelope* next_message(Process* process) {
  AsyncState* state = process->async_state.get();
  if (state != nullptr && !state->is_suspended && !state->saved.empty()) {
    Envelope* saved = state->saved.front().release();
    state->saved.pop_front();
    return saved;
  }
  return process->mailbox.pop();
}

bool has_saved_messages(const Process* process) {
  const AsyncState* state = process->async_state.get();
  return state != nullptr && !state->is_suspended && !state->saved.empty();
}

void handle_message(Process* process, std::unique_ptr<Envelope> envelope) {
  if (Tracer* tracer = process->system->tracer())
    tracer->on_receive(Pid(process), name_of(*envelope));
  if (envelope->kind == EnvelopeKind::exit_signal)
    return handle_exit_signal(process, std::move(envelope));
  if (process->async_state && process->async_state->is_suspended) {
    return handle_while_suspended(process, std::move(envelope));
  }
  dispatch(process, std::move(envelope), false);
}

void drain_mailbox(Process* process, const ExitReason& reason) {
  // Loop until truly empty: has_messages() also sees a push that is half done.
  while (process->mailbox.has_messages()) {
    Envelope* raw = process->mailbox.pop();
    if (raw == nullptr) {
      std::this_thread::yield();
      continue;
    }
    std::unique_ptr<Envelope> envelope(raw);
    fail_call(*envelope, reason);
  }
}

}  // namespace

Process* current_process() { return running_process; }
void set_current_process(Process* process) { running_process = process; }

void deliver(Process* target, Envelope* envelope) {
  if (Tracer* tracer = target->system->tracer()) tracer->on_send(Pid(target), name_of(*envelope));
  // Taken before the push: once queued, the envelope belongs to the mailbox.
  std::shared_ptr<ReplySlot> reply;
  if (envelope->kind == EnvelopeKind::call) reply = static_cast<CallEnvelopeBase*>(envelope)->reply;
  // A message to a process already known dead is dropped at once: queued, it could
  // keep other processes alive through the pids it carries.
  if (target->state.load(std::memory_order_acquire) == ProcessState::dead) {
    delete envelope;
    if (reply) reply->fail(ExitReason::noproc());
    return;
  }
  target->mailbox.push(envelope);
  if (target->state.load(std::memory_order_seq_cst) == ProcessState::dead) {
    if (reply) reply->fail(ExitReason::noproc());
    return;
  }
  make_runnable(target);
}

bool run_slice(Process* process, unsigned budget) {
  set_current_process(process);
  unsigned handled = 0;
  for (; handled < budget && process->state.load(std::memory_order_relaxed) != ProcessState::dead;
       ++handled) {
    if (process->is_kill_requested.load(std::memory_order_acquire)) {
      end_process(process, ExitReason::killed(), false);
      break;
    }
    Envelope* raw = next_message(process);
    if (raw == nullptr) break;
    handle_message(process, std::unique_ptr<Envelope>(raw));
  }
  set_current_process(nullptr);
  if (process->state.load(std::memory_order_relaxed) == ProcessState::dead) return false;
  if (handled == budget && (process->mailbox.has_messages() || has_saved_messages(process))) {
    return true;  // yield, stay scheduled
  }
  // Give up ownership, then look once more, reading only what producers write: a
  // message pushed after the last pop found the process scheduled and did not wake
  // it. (The mailbox's consumer side may already belong to another thread.)
  std::size_t popped = process->mailbox.popped_count();
  process->state.store(ProcessState::idle, std::memory_order_seq_cst);
  if (process->mailbox.has_pushed_beyond(popped) ||
      process->is_kill_requested.load(std::memory_order_seq_cst)) {
    ProcessState expected = ProcessState::idle;
    return process->state.compare_exchange_strong(expected, ProcessState::scheduled);
  }
  return false;
}

void end_process(Process* process, const ExitReason& reason, bool run_terminate) {
  process->state.store(ProcessState::dead, std::memory_order_seq_cst);
  if (run_terminate && process->behaviour) {
    try {
      process->behaviour->run_terminate(reason);
    } catch (...) {
      // terminate is the last word; an exception there changes nothing
    }
  }
  if (auto state = std::move(process->async_state)) {
    // The coroutine frame goes before the actor it may point into.
    if (state->call_being_handled) state->call_being_handled->fail(reason);
    for (auto& saved : state->saved) fail_call(*saved, reason);
  }
  process->behaviour.reset();
  std::vector<Pid> links;
  std::vector<Process::Watcher> watchers;
  if (Process::Relations* relations = process->end_relations()) {
    std::lock_guard lock(relations->mutex);
    relations->is_gone = true;
    links.swap(relations->links);
    watchers.swap(relations->watchers);
  }
  Pid self(process);
  // Linked processes see `killed`, never the untrappable `kill` itself.
  ExitReason signal = reason.kind() == ExitReason::Kind::kill ? ExitReason::killed() : reason;
  for (const auto& linked : links) {
    {
      Process::Relations* theirs = linked.process()->relations();
      std::lock_guard lock(theirs->mutex);
      std::erase(theirs->links, self);
    }
    send_exit_signal(linked.process(), self, signal);
  }
  for (const auto& watcher : watchers) {
    deliver(watcher.watcher.process(),
            new ValueEnvelope<Down>(EnvelopeKind::info, Down{watcher.ref, self, signal}));
  }
  drain_mailbox(process, signal);
  if (Tracer* tracer = process->system->tracer()) tracer->on_exit(self, reason);
  process->system->forget(process);
}

void send_exit_signal(Process* target, const Pid& from, const ExitReason& reason) {
  if (reason.kind() == ExitReason::Kind::kill) {
    target->is_kill_requested.store(true, std::memory_order_seq_cst);
    make_runnable(target);
    return;
  }
  deliver(target, new ExitSignal(from, reason));
}

void link_processes(Process* a, Process* b) {
  if (a == b) return;
  Process::Relations* mine = a->relations();
  Process::Relations* theirs = b->relations();
  bool is_b_gone = theirs == Process::gone_without_relations();
  if (!is_b_gone && mine != Process::gone_without_relations()) {
    // Locked in the processes' order, so two links made at once cannot deadlock.
    bool is_a_first = a->id < b->id;
    std::scoped_lock lock(is_a_first ? mine->mutex : theirs->mutex,
                          is_a_first ? theirs->mutex : mine->mutex);
    is_b_gone = theirs->is_gone;
    bool is_linked = std::find(mine->links.begin(), mine->links.end(), Pid(b)) != mine->links.end();
    if (!is_b_gone && !mine->is_gone && !is_linked) {
      mine->links.emplace_back(b);
      theirs->links.emplace_back(a);
    }
  }
  if (is_b_gone) send_exit_signal(a, Pid(b), ExitReason::noproc());
}

MonitorRef monitor_process(Process* watcher, Process* target) {
  static std::atomic<std::uint64_t> next_ref{1};
  MonitorRef ref{next_ref.fetch_add(1, std::memory_order_relaxed)};
  bool is_gone = false;
  {
    Process::Relations* relations = target->relations();
    std::lock_guard lock(relations->mutex);
    is_gone = relations->is_gone;
    if (!is_gone) relations->watchers.push_back({ref, Pid(watcher)});
  }
  if (is_gone) {
    deliver(watcher, new ValueEnvelope<Down>(EnvelopeKind::info,
                                             Down{ref, Pid(target), ExitReason::noproc()}));
  }
  return ref;
}

Process::~Process() {
  Relations* relations = relations_.load(std::memory_order_acquire);
  if (relations != gone_without_relations()) delete relations;
}

Process::Relations* Process::gone_without_relations() {
  static Relations gone{.is_gone = true};
  return &gone;
}

// Installed with one compare-and-swap: two threads linking to a process at once
// agree on one set, and an ending process swaps in the sentinel instead.
Process::Relations* Process::relations() {
  Relations* current = relations_.load(std::memory_order_acquire);
  if (current != nullptr) return current;
  auto fresh = std::make_unique<Relations>();
  if (relations_.compare_exchange_strong(current, fresh.get(), std::memory_order_acq_rel))
    return fresh.release();
  return current;
}

Process::Relations* Process::end_relations() {
  Relations* current = nullptr;
  if (relations_.compare_exchange_strong(current, gone_without_relations(),
                                         std::memory_order_acq_rel))
    return nullptr;
  return current;
}

}  // namespace retort::detail
