// `--since REV` and `--staged` for warnings that rest on the whole program. Removing
// an entry from one actor's Protocol makes sends in files nobody touched wrong, so
// the linter's rule (keep the findings on changed lines) would let that change pass.
// As Credo's `diff` does, the program is judged as it was before the change too, and
// only the warnings the change brought are reported. Only the units that read a
// changed file are summarised again, and those summaries are cached in a slot of
// their own, so a hook run again on the same base parses nothing.

#include <set>
#include <string>

#include "program_run.hpp"
#include "retort/core/baseline.hpp"
#include "retort/core/git.hpp"
#include "retort/core/parallel.hpp"

namespace retort::typecheck {
namespace {

namespace fs = std::filesystem;

// True when `outcome`'s unit read one of `changed`.
bool reads_a_changed_file(const UnitOutcome& outcome, const std::set<std::string>& changed) {
  for (const auto& file : outcome.parsed.input_files)
    if (changed.count(file) != 0) return true;
  return false;
}

}  // namespace

llvm::Expected<std::vector<Diagnostic>> warnings_the_change_brought(
    const RunContext& context, std::vector<Diagnostic> warnings,
    const std::vector<UnitOutcome>& outcomes, const SourceTexts& texts_now) {
  auto base = base_texts(context.project.root, context.options.changes);
  if (!base) return base.takeError();
  // The files read as the base has them; the rest as this run reads them.
  SourceTexts texts_before = base->texts;
  texts_before.insert(texts_now.begin(), texts_now.end());
  std::set<std::string> changed;
  for (const auto& file : base->changed_files) changed.insert(file.string());

  std::vector<std::size_t> reread;
  std::vector<const UnitOutcome*> program;
  for (std::size_t index = 0; index < outcomes.size(); ++index) {
    const fs::path& unit = context.units[index];
    bool is_new = changed.count(unit.string()) != 0 && base->texts.count(unit) == 0;
    if (is_new) continue;
    if (reads_a_changed_file(outcomes[index], changed))
      reread.push_back(index);
    else
      program.push_back(&outcomes[index]);
  }
  SummaryCache cache(context.commands.clang_database(), context.project.root, context.selection,
                     {context.cache_root, &texts_before, "before a change"});
  UnitReader reader{context.commands, context.project.root, context.project_path, cache,
                    &texts_before};
  auto before = parallel_map(reread, context.options.jobs, [&](std::size_t index) {
    return summarise_unit(reader, context.units[index]);
  });
  for (const auto& outcome : before) program.push_back(&outcome);

  Judgement judged = judge_program(context, program, &texts_before);
  return Baseline::of(judged.warnings, context.project.root, &texts_before)
      .new_findings(std::move(warnings), context.project.root, &texts_now);
}

}  // namespace retort::typecheck
