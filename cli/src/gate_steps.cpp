#include "gate.hpp"

#include "retort/core/exit_codes.hpp"

namespace retort::cli {

// One step per tool, each run as its own command would be, with its output going to
// `sink`; a tool's step is named here and in the config schema's allowed
// `ensure_consistency.steps`.
int run_gate_step(const std::string& step, const Project& project,
                  const EnsureConsistencyOptions& options, const GlobalOptions& global,
                  StepSink& sink) {
  if (step == "format") {
    FormatCommandOptions format;
    format.is_check = true;
    format.run.changes = options.changes;
    format.step = &sink;
    return run_format(project, format, global);
  }
  if (step == "lint") {
    LintCommandOptions lint;
    lint.run.changes = options.changes;
    lint.step = &sink;
    return run_lint(project, lint, global);
  }
  if (step == "doc-grade") {
    DocGradeCommandOptions doc_grade;
    doc_grade.run.changes = options.changes;
    doc_grade.step = &sink;
    return run_doc_grade(project, doc_grade, global);
  }
  if (step == "typecheck") {
    TypecheckCommandOptions typecheck;
    typecheck.run.changes = options.changes;
    typecheck.step = &sink;
    return run_typecheck(project, typecheck, global);
  }
  if (step == "test") {
    TestCommandOptions test;
    // A change runs the tests whose programs it rebuilt (or that never passed).
    test.run.is_stale_only = !options.changes.is_whole_project();
    test.step = &sink;
    return run_test(project, test, global);
  }
  if (step == "cover") {
    CoverCommandOptions cover;
    cover.run.changes = options.changes;
    cover.step = &sink;
    return run_cover(project, cover, global);
  }
  sink.human << "retort: error: unknown step '" << step << "'\n";
  return exit_usage;
}

bool runs_the_tests(const std::string& step) { return step == "test" || step == "cover"; }

}  // namespace retort::cli
