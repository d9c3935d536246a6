#pragma once

// The process control block. Kept alive by the Pids that name it; its behaviour (the
// actor object) is destroyed as soon as the process ends.

#include <atomic>
#include <coroutine>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "retort/detail/behaviour.hpp"
#include "retort/detail/mailbox.hpp"

namespace retort {
class System;
}

namespace retort::detail {

enum class ProcessState : std::uint8_t { idle, scheduled, dead };

class ReplySlot;

// Posted to a process when the call its handler coroutine awaits is answered.
struct Resume {
  std::uint64_t ref;
};

// A process whose handler is a coroutine waiting for a call's reply. Allocated only
// while needed, so an idle process pays one pointer for it.
struct AsyncState {
  bool is_suspended = false;
  std::coroutine_handle<> awaiting;
  std::uint64_t awaited_ref = 0;
  // The awaited call's deadline, withdrawn once the reply has come.
  std::uint64_t awaited_timer = 0;
  // Owns the handler's coroutine; finishes it (replies) once it is done.
  std::function<bool()> finish_if_done;
  std::shared_ptr<ReplySlot> call_being_handled;
  // Messages that arrived while suspended, handled in order once it resumes.
  std::deque<std::unique_ptr<Envelope>> saved;
};

class Process {
 public:
  Process(System* owner, std::uint64_t number) : id(number), system(owner) {}
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  void retain() { references.fetch_add(1, std::memory_order_relaxed); }
  void release() {
    if (references.fetch_sub(1, std::memory_order_acq_rel) == 1) delete this;
  }

  std::atomic<std::uint32_t> references{0};
  const std::uint64_t id;
  System* const system;
  Mailbox mailbox;
  std::atomic<ProcessState> state{ProcessState::idle};
  std::atomic<bool> is_kill_requested{false};
  // Set once the process holds a registered name or joins a group, so ending it
  // only then searches the name tables.
  std::atomic<bool> is_named{false};
  std::unique_ptr<Behaviour> behaviour;
  const TypeTag* behaviour_type = nullptr;

  // Links and monitors, which most processes never have: allocated on first use
  // (an idle process pays one pointer for them), guarded by their own mutex
  // because other processes link to and monitor this one from their threads.
  struct Watcher {
    MonitorRef ref;
    Pid watcher;
  };
  struct Relations {
    std::mutex mutex;
    std::vector<Pid> links;
    std::vector<Watcher> watchers;
    // Set when the process ends: it takes no new links or monitors then.
    bool is_gone = false;
  };
  // Returns this process's relations, installed now if it had none; returns
  // `gone_without_relations()` for a process that ended without any.
  Relations* relations();
  // Marks the process gone and returns its relations (to notify), or null when it
  // had none: from then on `relations()` answers `gone_without_relations()`.
  Relations* end_relations();
  // What a process that ended without links or monitors answers.
  static Relations* gone_without_relations();

  Pid parent;
  bool is_trapping_exits = false;

  // Set by stop() inside a handler; acted on once the handler returns.
  std::unique_ptr<ExitReason> stop_request;

  std::unique_ptr<AsyncState> async_state;

  // The system's list of live processes (intrusive: spawning allocates nothing more).
  Process* previous_live = nullptr;
  Process* next_live = nullptr;

 private:
  std::atomic<Relations*> relations_{nullptr};
};

// The process whose handler runs on this thread, or nullptr.
Process* current_process();
void set_current_process(Process* process);

// Puts `envelope` in `target`'s mailbox and schedules it; fails a call at once when
// the target is dead. Takes ownership of `envelope`.
void deliver(Process* target, Envelope* envelope);

// Ends `process` with `reason`: runs terminate when `run_terminate`, destroys the
// behaviour, signals links and monitors, fails pending calls.
void end_process(Process* process, const ExitReason& reason, bool run_terminate);

// Sends an exit signal from `from` to `target` (links and retort::exit).
void send_exit_signal(Process* target, const Pid& from, const ExitReason& reason);

void link_processes(Process* a, Process* b);
MonitorRef monitor_process(Process* watcher, Process* target);

}  // namespace retort::detail
