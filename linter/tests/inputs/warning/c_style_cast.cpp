int truncate(double d) { return (int)d; }  // expect: warning/c-style-cast

void ignore(int x) { (void)x; }  // no-finding

int convert(double d) { return static_cast<int>(d); }  // no-finding
