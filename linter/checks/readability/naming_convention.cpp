#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

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

std::string plural_kind(const std::string& kind) { return kind + "s"; }

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
        "snake_case and camelBack) do not vote, and a tie (or a lead of less than two to one) "
        "reports nothing. Set a kind to "
        "CamelCase, camelBack, snake_case, UPPER_CASE or any to fix it instead. Enumerators "
        "and constants (constexpr, or const of static storage) are kinds of their own. A "
        "mark (`count_`, `_count`, `m_count`, a prefix in capitals such as `BM_`, a "
        "scope suffix such as `_g`) is not part of a case; accessors named after their "
        "member (`offset()` for `offset_`), made of one `return`, or an interface's pure "
        "virtual getter, one-letter names, "
        "the standard's member type names (`const_iterator`), names a macro writes or "
        "that are also a macro's, a C interface's names (in C code or an `extern \"C\"` "
        "block), overrides of another library's virtual functions and methods that hide "
        "a base class's member of the same name (GoogleTest's static `SetUpTestSuite`) "
        "are not checked.\n\n"
        "Bad: `class http_client { int RetryCount; void SendRequest(); };`\n\n"
        "Good: `class HttpClient { int retry_count_; void send_request(); };`",
        {{"type_case", std::string("project"), "Classes, structs, enums, unions, aliases.",
          case_styles},
         {"function_case", std::string("project"), "Functions and methods.", case_styles},
         {"variable_case", std::string("project"), "Variables, parameters, data members.",
          case_styles},
         {"constant_case", std::string("project"),
          "constexpr variables and const variables of static storage.", case_styles},
         {"enumerator_case", std::string("project"), "Enumerators.", case_styles}}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context, namedDecl(unless(isImplicit())).bind("decl"),
             [this, &context](const MatchResult& result) {
               const auto* decl = result.Nodes.getNodeAs<clang::NamedDecl>("decl");
               auto kind = kind_of(*decl);
               // A name is chosen once: a function's or variable's redeclarations
               // (a definition below its declaration) are not reported again.
               if (kind.empty() || decl->getIdentifier() == nullptr ||
                   decl->getCanonicalDecl() != decl || decl->getLocation().isMacroID() ||
                   !context.is_project_location(decl->getLocation()) || is_macro_name(*decl))
                 return;
               std::string name = without_member_marks(*decl, decl->getName().str());
               std::string style = context.word_param(info(), kind + "_case");
               // One letter (`N`, `T`) is a symbol, not a case.
               if (name.size() < 2) return;
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
    // A C interface's names (declared in C, or in an `extern "C"` block) follow the C
    // API's style.
    if (!decl.getASTContext().getLangOpts().CPlusPlus ||
        decl.getLexicalDeclContext()->isExternCContext())
      return "";
    if (const auto* method = llvm::dyn_cast<clang::CXXMethodDecl>(&decl)) {
      if (method->size_overridden_methods() > 0 || method->getParent()->isLambda() ||
          hides_base_member(*method) || is_accessor(*method))
        return "";
    }
    if (const auto* function = llvm::dyn_cast<clang::FunctionDecl>(&decl)) {
      // Any `main` (gflags' test has a static one in a namespace) keeps its name.
      if (function->getName() == "main" || function->isOverloadedOperator() ||
          function->getTemplateInstantiationPattern() != nullptr || function->isDeleted() ||
          function->getLiteralIdentifier() != nullptr)
        return "";
      return "function";
    }
    if (llvm::isa<clang::EnumConstantDecl>(decl)) return "enumerator";
    if (const auto* variable = llvm::dyn_cast<clang::VarDecl>(&decl)) {
      if (variable->isConstexpr() || is_constant(*variable)) return "constant";
      if (variable->isImplicit()) return "";
      return "variable";
    }
    if (llvm::isa<clang::FieldDecl>(decl)) return "variable";
    if (const auto* record = llvm::dyn_cast<clang::CXXRecordDecl>(&decl)) {
      if (record->isLambda() || record->isInjectedClassName() ||
          llvm::isa<clang::ClassTemplateSpecializationDecl>(record))
        return "";
      return "type";
    }
    if (const auto* alias = llvm::dyn_cast<clang::TypedefNameDecl>(&decl))
      return is_fixed_width_integer(*alias) || is_standard_member_type(*alias) ? "" : "type";
    if (llvm::isa<clang::EnumDecl>(decl)) return "type";
    return "";
  }

  // Whether `decl`'s name is also a macro's, which keeps the macro's case (tinyxml2's
  // fallback `TIXML_VSCPRINTF` function, a `#define` on other platforms): defined in
  // this unit, or, in capitals, `#define`d in its file under a condition this build
  // does not take.
  static bool is_macro_name(const clang::NamedDecl& decl) {
    const clang::IdentifierInfo* identifier = decl.getIdentifier();
    if (identifier == nullptr) return false;
    if (identifier->hadMacroDefinition()) return true;
    llvm::StringRef name = identifier->getName();
    if (name.upper() != name || name.lower() == name) return false;
    const auto& manager = decl.getASTContext().getSourceManager();
    clang::FileID file = manager.getFileID(manager.getExpansionLoc(decl.getLocation()));
    llvm::StringRef text = manager.getBufferData(file);
    for (std::size_t at = text.find(name); at != llvm::StringRef::npos;
         at = text.find(name, at + 1)) {
      std::size_t end = at + name.size();
      bool is_whole = end == text.size() ||
                      !(std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_');
      if (is_whole && text.substr(0, at).rtrim(" \t").ends_with("define")) return true;
    }
    return false;
  }

  // A mark is not a case: `count_` (Google), `_count` (pugixml) and `m_count` are all
  // snake_case `count`, and so is a prefix in capitals (`BM_count` for a benchmark,
  // `FLAGS_count` as gflags writes).
  static std::string without_member_marks(const clang::NamedDecl& decl, std::string name) {
    // Only before a rest with lower case: `TRUE_VALS` is UPPER_CASE, not `VALS`.
    static const std::regex capital_prefix("^[A-Z]{1,6}_(?=[A-Za-z0-9_]*[a-z])");
    if (!llvm::isa<clang::EnumConstantDecl>(decl) && !llvm::isa<clang::TypeDecl>(decl))
      name = std::regex_replace(name, capital_prefix, "", std::regex_constants::format_first_only);
    if (name.size() > 2 && name.rfind("m_", 0) == 0 && decl.isCXXClassMember()) name.erase(0, 2);
    if (name.size() > 1 && name.front() == '_' && decl.isCXXClassMember()) name.erase(0, 1);
    while (name.size() > 1 && name.back() == '_') name.pop_back();  // `count_`, `RawLog__`
    // A one-letter scope suffix on a variable: jsoncpp's global `stackLimit_g`.
    if (llvm::isa<clang::VarDecl, clang::FieldDecl>(decl) && name.size() > 3 &&
        name[name.size() - 2] == '_' &&
        std::string_view("gsm").find(name.back()) != std::string_view::npos)
      name.resize(name.size() - 2);
    return name;
  }

  // A constant is a `constexpr`, or a `const` of static storage (a namespace-scope or
  // static `const int kBufSize = 8092;`); a `const` local is a variable.
  static bool is_constant(const clang::VarDecl& variable) {
    const clang::Expr* init = variable.getInit();
    llvm::StringRef name = variable.getName();
    if (llvm::isa<clang::ParmVarDecl>(variable)) return false;
    bool is_upper = name.size() > 1 && name.upper() == name.str() && name.lower() != name.str();
    // A table of static storage named in capitals (`static const char* TRUE_VALS[]`,
    // whose pointers are not const) is the author's constant.
    if (is_upper && variable.hasGlobalStorage() && variable.getType()->isArrayType()) return true;
    // The author's name says so: `const std::string kTestFileName = ...`, and a table
    // such as gflags' local `const char* kTrue[] = {"1", "t", "true"};`.
    bool is_k_name = name.size() > 1 && name[0] == 'k' &&
                     (std::isupper(static_cast<unsigned char>(name[1])) ||
                      std::isdigit(static_cast<unsigned char>(name[1])));
    if (is_k_name && variable.getType()->isArrayType()) return true;
    if (!variable.getType().isConstQualified()) return false;
    if (is_k_name) return true;
    bool is_evaluated = init != nullptr && !init->isValueDependent() &&
                        init->isEvaluatable(variable.getASTContext());
    // So does `const unsigned long BYTE_MARK = 0x80;` when it is one.
    return is_evaluated && (variable.hasGlobalStorage() || is_upper);
  }

  // A method named as a base class's member chose its name to hide it, as a hook the
  // base's user calls by that name: GoogleTest's static `SetUpTestSuite`, a CRTP
  // base's `Derived::Impl`. Like an override, it keeps the base's name; the base's own
  // declaration is judged where it is declared.
  static bool hides_base_member(const clang::CXXMethodDecl& method) {
    const clang::CXXRecordDecl* record = method.getParent()->getDefinition();
    return record != nullptr && any_base_declares(*record, method.getDeclName());
  }

  static bool any_base_declares(const clang::CXXRecordDecl& record, clang::DeclarationName name) {
    return std::any_of(
        record.bases_begin(), record.bases_end(), [&](const clang::CXXBaseSpecifier& base) {
          const auto* base_record = base.getType()->getAsCXXRecordDecl();
          if (base_record == nullptr) return false;
          base_record = base_record->getDefinition();
          return base_record != nullptr &&
                 (!base_record->lookup(name).empty() || any_base_declares(*base_record, name));
        });
  }

  // Google's style names accessors and mutators like variables: `offset()` and
  // `set_offset()` for the member `offset_`.
  static bool is_accessor(const clang::CXXMethodDecl& method) {
    if (method.getIdentifier() == nullptr) return false;
    // An interface's getter (leveldb's `virtual Slice value() const = 0;`) is named
    // like the accessors that implement it.
    if (method.isPure() && method.isConst() && method.param_empty() &&
        !method.getReturnType()->isVoidType())
      return true;
    // A getter whose body this unit does not see (leveldb's `Status status() const;`,
    // defined as `return rep_->status;` in table_builder.cc) may be one: the unit that
    // defines it judges it.
    if (!method.hasBody() && !method.isPure() && method.isConst() && method.param_empty() &&
        !method.getReturnType()->isVoidType())
      return true;
    // A cheap method whose body is one `return` (leveldb's `dbfull()`), after at most
    // an assertion, may be too.
    if (const auto* body = llvm::dyn_cast_or_null<clang::CompoundStmt>(method.getBody())) {
      bool checks_only =
          std::all_of(body->body_begin(), body->body_end(), [&](const clang::Stmt* statement) {
            return statement == body->body_back() || statement->getBeginLoc().isMacroID();
          });
      if (!body->body_empty() && llvm::isa<clang::ReturnStmt>(body->body_back()) && checks_only)
        return true;
    }
    std::string name = method.getName().str();
    if (name.rfind("set_", 0) == 0) name.erase(0, 4);
    // Data members and static data members alike (glog's `hostname()` for `hostname_`).
    return std::any_of(method.getParent()->decls_begin(), method.getParent()->decls_end(),
                       [&](const clang::Decl* member_decl) {
                         const auto* member = llvm::dyn_cast<clang::ValueDecl>(member_decl);
                         if (member == nullptr || member->getIdentifier() == nullptr ||
                             !llvm::isa<clang::FieldDecl, clang::VarDecl>(member))
                           return false;
                         std::string text = member->getName().str();
                         return text == name + "_" || text == "_" + name || text == "m_" + name;
                       });
  }

  // Names the standard library looks up (`T::const_iterator`, allocator traits) are
  // not the project's to choose.
  static bool is_standard_member_type(const clang::TypedefNameDecl& alias) {
    static const std::set<std::string> names{"value_type",
                                             "size_type",
                                             "difference_type",
                                             "reference",
                                             "const_reference",
                                             "pointer",
                                             "const_pointer",
                                             "iterator",
                                             "const_iterator",
                                             "reverse_iterator",
                                             "const_reverse_iterator",
                                             "allocator_type",
                                             "key_type",
                                             "mapped_type",
                                             "key_compare",
                                             "value_compare",
                                             "hasher",
                                             "key_equal",
                                             "element_type",
                                             "traits_type",
                                             "char_type",
                                             "int_type",
                                             "pos_type",
                                             "off_type",
                                             "iterator_category",
                                             "is_transparent",
                                             "propagate_on_container_move_assignment",
                                             "is_always_equal",
                                             "type",
                                             "result_type",
                                             "argument_type",
                                             "first_type",
                                             "second_type",
                                             "other",
                                             "rebind"};
    return alias.isCXXClassMember() && names.count(alias.getName().str()) != 0;
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
