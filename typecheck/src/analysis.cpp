#include "retort/typecheck/analysis.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "program.hpp"
#include "warnings.hpp"

namespace retort::typecheck {
namespace {

// Every actor once, by name: a header's actor is in the summary of each unit that
// includes it.
Program link(const std::vector<UnitSummary>& summaries, bool sees_every_send) {
  Program program;
  program.sees_every_send = sees_every_send;
  SymbolTable symbols(summaries);
  for (const auto& summary : summaries) {
    for (const auto& actor : summary.actors) program.actors.emplace(actor.name, &actor);
    for (const auto& send : summary.sends)
      program.sends.push_back({&send, symbols.receivers_of(send.target)});
    program.spawned.insert(summary.spawned.begin(), summary.spawned.end());
  }
  return program;
}

bool warning_order(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.range.file, a.range.begin.line, a.range.begin.column, a.message) <
         std::tie(b.range.file, b.range.begin.line, b.range.begin.column, b.message);
}

bool same_warning(const Diagnostic& a, const Diagnostic& b) {
  return !warning_order(a, b) && !warning_order(b, a);
}

}  // namespace

void order_findings(std::vector<Diagnostic>& findings) {
  std::sort(findings.begin(), findings.end(), warning_order);
  findings.erase(std::unique(findings.begin(), findings.end(), same_warning), findings.end());
}

Analysis analyse(const std::vector<UnitSummary>& summaries, const AnalysisOptions& options) {
  Program program = link(summaries, options.sees_every_send);
  Analysis analysis;
  auto& warnings = analysis.warnings;
  check_actors(program, warnings);
  check_sends(program, warnings);
  check_reach(program, warnings);
  check_call_cycles(program, warnings);
  // A header's send sites are in every unit that includes it: each counts once.
  std::set<std::tuple<std::string, unsigned, unsigned>> unresolved;
  for (const auto& [send, receivers] : program.sends) {
    if (!is_checked(*send) || !receivers.is_unknown) continue;
    unresolved.insert({send->place.file, send->place.line, send->place.column});
    if (!options.reports_unresolved_targets) continue;
    // A note: what was not checked is not wrong.
    Diagnostic note = make_warning("unresolved-target",
                                   category_name(send->category) + " of " + send->message + " to " +
                                       receivers.text + ": not checked",
                                   send->place, Priority::low);
    note.severity = Severity::note;
    warnings.push_back(std::move(note));
  }
  order_findings(warnings);
  analysis.unresolved_sends = unresolved.size();
  return analysis;
}

}  // namespace retort::typecheck
