// A header following the majority.
#pragma once

inline int second_value() { return 2; }
