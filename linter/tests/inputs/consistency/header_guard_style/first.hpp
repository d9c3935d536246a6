#pragma once

inline int first_value() { return 1; }
