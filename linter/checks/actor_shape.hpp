#pragma once

// How the actor checks recognise retort's runtime: a GenServer is a class derived
// from retort::GenServer<Self>, and its handlers are handle_call, handle_cast and
// handle_info (see runtime/include/retort/gen_server.hpp).

#include <clang/ASTMatchers/ASTMatchers.h>

namespace retort::lint::actor {

// A class derived from retort::GenServer<...>.
inline auto gen_server_class() {
  using namespace clang::ast_matchers;
  return cxxRecordDecl(isDerivedFrom(cxxRecordDecl(hasName("::retort::GenServer"))));
}

// A message handler of a GenServer.
inline auto handler_method() {
  using namespace clang::ast_matchers;
  return cxxMethodDecl(hasAnyName("handle_call", "handle_cast", "handle_info"),
                       ofClass(gen_server_class()))
      .bind("handler");
}

}  // namespace retort::lint::actor
