#pragma once

/// @file
/// InchEx's grading model adapted to C++: a score per symbol from what its doc
/// comment covers, a grade from the score, and a priority that says how much the
/// symbol's documentation matters.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "retort/docgen/symbol.hpp"

namespace retort::doc {

/// A symbol's grade, best first.
enum class Grade { A, B, C, U };

/// Returns the grade's letter, e.g. `B`.
std::string_view grade_letter(Grade grade);

/// Returns what the grade means, as InchEx says it, e.g. `proper documentation present`.
std::string_view grade_meaning(Grade grade);

/// Returns the grade named by `letter` (`A`, `B`, `C` or `U`, any case), or
/// std::nullopt for anything else.
std::optional<Grade> grade_from_letter(std::string_view letter);

/// One line of a score's breakdown.
struct Criterion {
  /// What earns the points, e.g. "mentions `name` in backticks".
  std::string description;
  /// The points it is worth.
  int points = 0;
  /// The points the symbol earned for it (0 when missed).
  int earned = 0;
};

/// What the grader made of one symbol.
struct Assessment {
  /// The score, 0 to 100.
  int score = 0;
  /// The grade the score gives.
  Grade grade = Grade::U;
  /// -2 (lowest) to 2 (highest): how much its documentation matters.
  int priority = 0;
  /// Every criterion the score is made of, earned or missed.
  std::vector<Criterion> criteria;
  /// Why the priority is raised or lowered, e.g. "+1 public top-level API".
  std::vector<std::string> priority_reasons;
};

/// Grades `symbol`:
/// - a function with a doc scores 50 (90 without parameters); the parameters named
///   in backticks share 40; describing the result of a function that returns
///   something adds 10; one code example adds 10, several add 25; at most 100;
/// - a namespace, class, struct, union, enum, alias or variable with a doc scores 100
///   (its members are graded on their own);
/// - an actor with a doc scores 50, and each message of its protocol that is
///   documented (by its type or by the actor's handler of it) adds its share of 50;
/// - no doc scores 0.
///
/// Grades: A from 80, B from 50, C from 1, U at 0. The priority starts at 0: +1 for
/// top-level API, +1 for three or more parameters, +1 for five or more members, -1
/// for a trivial accessor, -2 for an internal-looking name; kept within -2 to 2.
Assessment assess(const Symbol& symbol);

/// Returns the arrow InchEx shows for `priority`: ↑ ↗ → ↘ ↓ from 2 down to -2.
std::string_view priority_arrow(int priority);

/// A namespace is reopened in many headers and documented once: merges the symbols
/// of each namespace into one, documented when any of its declarations is (and then
/// placed there), else placed at its first declaration.
std::vector<Symbol> merge_reopened_namespaces(std::vector<Symbol> symbols);

}  // namespace retort::doc
