/* C has no static_cast: a unit compiled as C gets no C++ advice. */
int truncate_c(double d) { return (int)d; } // no-finding
