#include "../actor_shape.hpp"
#include "../factories.hpp"
#include "retort/linter/ast_check.hpp"

namespace retort::lint {
namespace {

using namespace clang::ast_matchers;

// The template arguments of `type`'s class template specialization, if it is one,
// with parameter packs (`Protocol<Entries...>`) expanded.
std::vector<clang::TemplateArgument> template_args(clang::QualType type) {
  const auto* record = type->getAsCXXRecordDecl();
  const auto* specialization =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(record);
  if (specialization == nullptr) return {};
  std::vector<clang::TemplateArgument> args;
  for (const auto& arg : specialization->getTemplateArgs().asArray()) {
    if (arg.getKind() == clang::TemplateArgument::Pack) {
      args.insert(args.end(), arg.pack_begin(), arg.pack_end());
    } else {
      args.push_back(arg);
    }
  }
  return args;
}

// Why a field of this type shares mutable state between processes, or "".
std::string sharing_of(clang::QualType type) {
  if (type->isPointerType() && !type->getPointeeType()->isFunctionType() &&
      !type->getPointeeType().isConstQualified())
    return "a raw pointer to mutable data";
  if (type->isLValueReferenceType() && !type.getNonReferenceType().isConstQualified())
    return "a non-const reference";
  const auto* record = type->getAsCXXRecordDecl();
  if (record != nullptr && record->getName() == "shared_ptr" && record->isInStdNamespace()) {
    auto args = template_args(type);
    if (!args.empty() && args[0].getKind() == clang::TemplateArgument::Type &&
        !args[0].getAsType().isConstQualified())
      return "a shared_ptr to mutable data";
  }
  return "";
}

class ActorSharedMutableMessage : public Check {
 public:
  const CheckInfo& info() const override {
    static const CheckInfo info{
        "warning/actor-shared-mutable-message",
        "warning",
        Priority::higher,
        "A message type shares mutable memory between processes.",
        "Processes share nothing: each owns its state, and a message is a copy. A "
        "message that carries a raw pointer, a non-const reference or a "
        "`shared_ptr<T>` to mutable data lets two processes change the same memory "
        "from two threads, a data race the actor model exists to rule out, and the "
        "sender's object may be gone by the time the message is handled. Send values, "
        "or `shared_ptr<const T>` for large immutable data.\n\n"
        "Bad: `struct Update { std::vector<int>* rows; };`\n\n"
        "Good: `struct Update { std::vector<int> rows; };` or "
        "`struct Update { std::shared_ptr<const Table> table; };`",
        {}};
    return info;
  }

  void register_matchers(MatchFinder& finder, CheckContext& context) const override {
    on_match(finder, context,
             typedefNameDecl(hasName("Protocol"), hasDeclContext(actor::gen_server_class()))
                 .bind("protocol"),
             [this, &context](const MatchResult& result) {
               const auto* protocol = result.Nodes.getNodeAs<clang::TypedefNameDecl>("protocol");
               for (const auto& entry :
                    template_args(protocol->getUnderlyingType().getCanonicalType())) {
                 if (entry.getKind() != clang::TemplateArgument::Type) continue;
                 auto message = template_args(entry.getAsType());
                 if (message.empty() || message[0].getKind() != clang::TemplateArgument::Type)
                   continue;
                 check_message(message[0].getAsType(), context);
               }
             });
  }

 private:
  void check_message(clang::QualType message, CheckContext& context) const {
    const auto* record = message->getAsCXXRecordDecl();
    if (record == nullptr || !record->hasDefinition()) return;
    for (const auto* field : record->getDefinition()->fields()) {
      std::string sharing = sharing_of(field->getType());
      if (sharing.empty()) continue;
      context.report(info(), field->getLocation(),
                     "message '" + record->getNameAsString() + "' field '" +
                         field->getNameAsString() + "' is " + sharing +
                         ", shared between processes; send a value or a pointer to const");
    }
  }
};

}  // namespace

std::unique_ptr<Check> make_actor_shared_mutable_message_check() {
  return std::make_unique<ActorSharedMutableMessage>();
}

}  // namespace retort::lint
