#pragma once

/// @file
/// Agents, like Elixir's `Agent`: a process that only holds a state, read and
/// changed by functions sent to it.
///
/// ```cpp
/// auto counter = system.spawn<retort::Agent<int>>(0);
/// retort::agent_update(counter, [](int& n) { ++n; });
/// int now = retort::agent_get(counter, [](const int& n) { return n; });
/// ```

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

#include "retort/gen_server.hpp"

namespace retort {

namespace detail {
template <class State>
struct AgentCall {
  std::function<void(State&)> run;
};
template <class State>
struct AgentCast {
  std::function<void(State&)> run;
};
}  // namespace detail

/// A process holding a `State`; see `agent_get`, `agent_update`, `agent_get_and_update`.
template <class State>
class Agent : public GenServer<Agent<State>> {
 public:
  /// Function calls and casts.
  using Protocol =
      retort::Protocol<Call<detail::AgentCall<State>, bool>, Cast<detail::AgentCast<State>>>;

  /// Starts holding `initial`.
  explicit Agent(State initial) : state_(std::move(initial)) {}

  /// Runs a function on the state and answers when done (runtime internals).
  bool handle_call(const detail::AgentCall<State>& call, From) {
    call.run(state_);
    return true;
  }
  /// Runs a function on the state (runtime internals).
  void handle_cast(const detail::AgentCast<State>& cast) { cast.run(state_); }

 private:
  State state_;
};

/// Returns what `change` returns after it has run on the agent's state, which it
/// may modify (Elixir's `Agent.get_and_update`). Throws `CallError` like `call`.
template <class State, class Change>
auto agent_get_and_update(const Ref<Agent<State>>& agent, Change change,
                          std::chrono::milliseconds timeout = default_call_timeout) {
  using Result = std::invoke_result_t<Change&, State&>;
  // Shared, not on the caller's stack: after a timeout the caller is gone.
  auto result = std::make_shared<std::optional<Result>>();
  agent.call(detail::AgentCall<State>{[result, change](State& state) mutable {
               result->emplace(change(state));
             }},
             timeout);
  return std::move(**result);
}

/// Returns what `read` returns for the agent's state (Elixir's `Agent.get`).
template <class State, class Read>
auto agent_get(const Ref<Agent<State>>& agent, Read read,
               std::chrono::milliseconds timeout = default_call_timeout) {
  return agent_get_and_update(
      agent, [read](State& state) mutable { return read(std::as_const(state)); }, timeout);
}

/// Changes the agent's state with `change`, without waiting (Elixir's `Agent.cast`).
template <class State, class Change>
void agent_update(const Ref<Agent<State>>& agent, Change change) {
  agent.cast(detail::AgentCast<State>{[change](State& state) mutable { change(state); }});
}

}  // namespace retort
