#pragma once
// An implementation header (`-inl.h`) holds the definitions its header declares.

inline int doubled_inline(int x) { return 2 * x; }  // no-finding
