// The majority style comes from the headers this one includes.
#ifndef HEADER_GUARD_STYLE_HPP  // expect: consistency/header-guard-style
#define HEADER_GUARD_STYLE_HPP  // no-finding

#include "header_guard_style/first.hpp"
#include "header_guard_style/second.hpp"

#endif
