/* C has no `using`: typedefs of a unit compiled as C are neither counted nor reported. */
typedef int Length; // no-finding
typedef struct Point { int x, y; } Point; // no-finding
