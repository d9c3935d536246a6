#include <regex>

#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

const std::vector<std::string> fixed_styles{"CamelCase", "camelBack", "snake_case", "UPPER_CASE"};
const std::vector<std::string> case_styles{"project",    "CamelCase",  "camelBack",
                                           "snake_case", "UPPER_CASE", "any"};

bool follows(const std::string& name, const std::string& style) {
  static const std::map<std::string, std::regex> patterns{
      {"CamelCase", std::regex("^[A-Z][A-Za-z0-9]*$")},
      {"camelBack", std::regex("^[a-z][A-Za-z0-9]*$")},
      {"snake_case", std::regex("^[a-z][a-z0-9_]*$")},
      {"UPPER_CASE", std::regex("^[A-Z][A-Z0-9_]*$")}};
  auto found = patterns.find(style);
  return found == patterns.end() || std::regex_match(name, found->second);
}

// The words of `name`, whatever its case: `parseHTTPRequest` -> parse, http, request.
std::vector<std::string> words_of(const std::string& name) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool starts_word =
        std::isupper(static_cast<unsigned char>(c)) && !word.empty() &&
        (std::islower(static_cast<unsigned char>(word.back())) ||
         (i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]))));
    if (c == '_' || starts_word) {
      if (!word.empty()) words.push_back(word);
      word.clear();
      if (c == '_') continue;
    }
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

// The fixed styles `name` follows, comma-separated: `parse` is camelBack and
// snake_case alike, `Parser` only CamelCase, `Parse_it` none ("").
std::string styles_of(const std::string& name) {
  std::string styles;
  for (const auto& style : fixed_styles) {
    if (follows(name, style)) styles += (styles.empty() ? "" : ",") + style;
  }
  return styles;
}

std::string plural_kind(const std::string& kind) { return kind == "type" ? "types" : kind + "s"; }

std::string in_style(const std::string& name, const std::string& style) {
  std::string result;
  for (const auto& word : words_of(name)) {
    std::string part = word;
    bool is_first = result.empty();
    if (style == "UPPER_CASE") {
      for (char& c : part) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    } else if (style == "CamelCase" || (style == "camelBack" && !is_first)) {
      part[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(part[0])));
    }
    bool is_joined = style == "snake_case" || style == "UPPER_CASE";
    result += (is_joined && !is_first ? "_" : "") + part;
  }
  return result;
}

class NamingConvention : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "readability/naming-convention",
        "readability",
        Priority::normal,
        "A name does not follow the project's case convention for its kind.",
        "When types, functions and variables each have one case style, a reader knows "
        "what a name is before looking it up: `Parser` is a type, `parse` a function, "
        "`parser` a variable. By default (`project`) each kind follows the case most of "
        "the project's names of that kind use, so a consistently CamelCase project is "
        "not told to write snake_case; names that fit several cases (`parse` is "
        "snake_case and camelBack) do not vote, and a tie reports nothing. Set a kind to "
        "CamelCase, camelBack, snake_case, UPPER_CASE or any to fix it instead. A member's "
        "mark (`count_`, `_count`, `m_count`) is not part of its case; names a macro writes and "
        "overrides of another "
        "library's virtual functions are not checked.\n\n"
        "Bad: `class http_client { int RetryCount; void SendRequest(); };`\n\n"
        "Good: `class HttpClient { int retry_count_; void send_request(); };`",
        {{"type_case", std::string("project"), "Classes, structs, enums, unions, aliases.",
          case_styles},
         {"function_case", std::string("project"), "Functions and methods.", case_styles},
         {"variable_case", std::string("project"), "Variables, parameters, data members.",
          case_styles},
         {"constant_case", std::string("project"), "constexpr variables and enumerators.",
          case_styles}}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context, namedDecl(unless(isImplicit())).bind("decl"),
             [this, &context](const MatchResult& result) {
               const auto* decl = result.Nodes.getNodeAs<clang::NamedDecl>("decl");
               auto kind = kind_of(*decl);
               if (kind.empty() || decl->getIdentifier() == nullptr ||
                   decl->getLocation().isMacroID() ||
                   !context.is_project_location(decl->getLocation()))
                 return;
               std::string name = without_member_marks(*decl, decl->getName().str());
               std::string style = context.word_param(info(), kind + "_case");
               if (name.empty() || name == "_") return;
               if (style == "project") {
                 context.observe_style(info(), decl->getLocation(), styles_of(name),
                                       kind + " '" + decl->getName().str() +
                                           "' is not {majority}, the case of most of the "
                                           "project's " +
                                           plural_kind(kind) + " ({counts})",
                                       kind);
                 return;
               }
               if (follows(name, style)) return;
               context.report(info(), decl->getLocation(),
                              kind + " '" + decl->getName().str() + "' should be " + style + " ('" +
                                  in_style(name, style) + "')");
             });
  }

 private:
  // The naming kind of `decl`, or "" when its name is not the author's to choose.
  static std::string kind_of(const clang::NamedDecl& decl) {
    if (llvm::isa<clang::CXXConstructorDecl, clang::CXXDestructorDecl, clang::CXXConversionDecl>(
            decl))
      return "";
    if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(&decl)) {
      if (method->size_overridden_methods() > 0 || method->getParent()->isLambda()) return "";
    }
    if (const auto* function = llvm::dyn_cast<clang::FunctionDecl>(&decl)) {
      // Any `main` (gflags' test has a static one in a namespace) keeps its name.
      if (function->getName() == "main" || function->isOverloadedOperator() ||
          function->isExternC() || function->getTemplateInstantiationPattern() != nullptr ||
          function->isDeleted() || function->getLiteralIdentifier() != nullptr)
        return "";
      return "function";
    }
    if (llvm::isa<clang::EnumConstantDecl>(decl)) return "constant";
    if (const auto* variable = llvm::dyn_cast<clang::VarDecl>(&decl)) {
      if (variable->isConstexpr() || is_constant(*variable)) return "constant";
      if (variable->isImplicit() || variable->isExternC()) return "";
      return "variable";
    }
    if (llvm::isa<clang::FieldDecl>(decl)) return "variable";
    if (const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(&decl)) {
      if (record->isLambda() || record->isInjectedClassName() ||
          llvm::isa<clang::ClassTemplateSpecializationDecl>(record) || record->isExternCContext())
        return "";
      return "type";
    }
    if (const auto* alias = llvm::dyn_cast<clang::TypedefNameDecl>(&decl)) {
      return is_fixed_width_integer(*alias) ? "" : "type";
    }
    if (llvm::isa<clang::EnumDecl>(decl)) return "type";
    return "";
  }

  // A member's mark is not its case: `count_` (Google), `_count` (pugixml) and
  // `m_count` are all snake_case `count`.
  static std::string without_member_marks(const clang::NamedDecl& decl, std::string name) {
    if (!decl.isCXXClassMember()) return name;
    if (name.size() > 2 && name.rfind("m_", 0) == 0) name.erase(0, 2);
    if (name.size() > 1 && name.front() == '_') name.erase(0, 1);
    if (name.size() > 1 && name.back() == '_') name.pop_back();
    return name;
  }

  // `const int kBufSize = 8092;` is a constant as much as a constexpr one is.
  static bool is_constant(const clang::VarDecl& variable) {
    const clang::Expr* init = variable.getInit();
    return !llvm::isa<clang::ParmVarDecl>(variable) && variable.getType().isConstQualified() &&
           init != nullptr && !init->isValueDependent() &&
           init->isEvaluatable(variable.getASTContext());
  }

  // `typedef unsigned char uint8;` follows the standard's `uintN_t`, not a project case.
  static bool is_fixed_width_integer(const clang::TypedefNameDecl& alias) {
    static const std::regex family("^u?int[0-9]+(_t)?$");
    return alias.getUnderlyingType()->isIntegerType() &&
           std::regex_match(alias.getName().str(), family);
  }
};

}  // namespace

std::unique_ptr<Check> make_naming_convention_check() {
  return std::make_unique<NamingConvention>();
}

}  // namespace retort::lint
