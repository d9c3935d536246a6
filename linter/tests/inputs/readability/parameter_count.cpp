int six(int a, int b, int c, int d, int e, int f);  // expect: readability/parameter-count

int six(int a, int b, int c, int d, int e, int f) { return a + b + c + d + e + f; }

int five(int a, int b, int c, int d, int e);  // no-finding
