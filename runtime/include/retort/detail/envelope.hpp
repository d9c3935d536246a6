#pragma once

// A message in a mailbox: an intrusive node carrying a type tag and, in derived
// classes, the value. One allocation per message, no copies after send.

#include <atomic>
#include <memory>

#include "retort/detail/type_name.hpp"
#include "retort/exit_reason.hpp"
#include "retort/pid.hpp"

namespace retort::detail {

class ReplySlot;

enum class EnvelopeKind : std::uint8_t { info, cast, call, exit_signal };

struct Envelope {
  Envelope(EnvelopeKind kind, const TypeTag* type) : type(type), kind(kind) {}
  virtual ~Envelope() = default;
  std::atomic<Envelope*> next{nullptr};
  const TypeTag* type;
  EnvelopeKind kind;
};

template <class T>
struct ValueEnvelope : Envelope {
  ValueEnvelope(EnvelopeKind kind, T&& value)
      : Envelope(kind, type_tag<T>()), value(std::move(value)) {}
  T value;
};

// Every call carries its reply slot here, so the runtime can fail a pending call
// (callee died, noproc) without knowing its message type.
struct CallEnvelopeBase : Envelope {
  CallEnvelopeBase(const TypeTag* type, std::shared_ptr<ReplySlot> reply, Pid caller)
      : Envelope(EnvelopeKind::call, type), reply(std::move(reply)), caller(std::move(caller)) {}
  std::shared_ptr<ReplySlot> reply;
  // The calling process; empty for a thread outside the runtime.
  Pid caller;
};

template <class T>
struct CallEnvelope : CallEnvelopeBase {
  CallEnvelope(T&& value, std::shared_ptr<ReplySlot> reply, Pid caller = Pid())
      : CallEnvelopeBase(type_tag<T>(), std::move(reply), std::move(caller)),
        value(std::move(value)) {}
  T value;
};

struct ExitSignal : Envelope {
  ExitSignal(Pid from, ExitReason reason)
      : Envelope(EnvelopeKind::exit_signal, nullptr),
        from(std::move(from)),
        reason(std::move(reason)) {}
  Pid from;
  ExitReason reason;
};

}  // namespace retort::detail
