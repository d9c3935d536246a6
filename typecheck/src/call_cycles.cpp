#include <functional>
#include <optional>
#include <tuple>

#include "program.hpp"
#include "retort/typecheck/analysis.hpp"
#include "warnings.hpp"

namespace retort::typecheck {
namespace {

// A handler: its actor, category and message.
using HandlerKey = std::tuple<std::string, Category, std::string>;

// A call made from inside a handler to one certain actor.
struct CallEdge {
  const SendSite* send = nullptr;
  std::string callee;
};

std::map<HandlerKey, std::vector<CallEdge>> call_edges(const Program& program) {
  std::map<HandlerKey, std::vector<CallEdge>> edges;
  for (const auto& [send, receivers] : program.sends) {
    if (!is_checked(*send) || send->category != Category::call || send->handler_actor.empty() ||
        receivers.is_unknown || receivers.actors.size() != 1)
      continue;
    edges[{send->handler_actor, send->handler_category, send->handler_message}].push_back(
        {send, receivers.actors[0]});
  }
  return edges;
}

std::string where(const SendSite& send) {
  return send.place.file + ":" + std::to_string(send.place.line);
}

// Follows the calls made while handling `key` and returns the chain back to
// `waiting` ("Clerk's handle_call(Ask) calls Manager at a.cpp:3"), or nothing.
std::optional<std::string> chain_back(const std::map<HandlerKey, std::vector<CallEdge>>& edges,
                                      const HandlerKey& key, const std::string& waiting,
                                      std::set<HandlerKey>& visited, int depth) {
  // Chains longer than this are not followed.
  constexpr int longest = 8;
  auto found = edges.find(key);
  if (depth > longest || found == edges.end() || !visited.insert(key).second) return std::nullopt;
  for (const auto& edge : found->second) {
    std::string step = std::get<0>(key) + "'s handle_" + category_name(std::get<1>(key)) + "(" +
                       std::get<2>(key) + ") calls " + edge.callee + " at " + where(*edge.send);
    if (edge.callee == waiting) return step;
    auto rest = chain_back(edges, {edge.callee, Category::call, edge.send->message}, waiting,
                           visited, depth + 1);
    if (rest) return step + ", " + *rest;
  }
  return std::nullopt;
}

}  // namespace

void check_call_cycles(const Program& program, std::vector<Diagnostic>& warnings) {
  auto edges = call_edges(program);
  for (const auto& [key, from_handler] : edges) {
    const std::string& actor = std::get<0>(key);
    for (const auto& edge : from_handler) {
      std::string start = "call of " + edge.send->message + " to " + edge.callee + " from " +
                          actor + "'s handle_" + category_name(std::get<1>(key)) + "(" +
                          std::get<2>(key) + ")";
      if (edge.callee == actor) {
        warnings.push_back(make_warning(
            "call-cycle", start + ": the process calls itself and cannot answer while it waits",
            edge.send->place));
        continue;
      }
      std::set<HandlerKey> visited{key};
      auto chain =
          chain_back(edges, {edge.callee, Category::call, edge.send->message}, actor, visited, 1);
      if (chain)
        warnings.push_back(make_warning(
            "call-cycle",
            start + " can come back to " + actor + " while it waits for the reply: " + *chain,
            edge.send->place));
    }
  }
}

}  // namespace retort::typecheck
