#include <map>
#include <string>

using Index = std::map<std::string, int>;  // no-finding
using Name = std::string;  // no-finding
using Count = long;  // no-finding
typedef void (*Callback)(int);  // expect: consistency/type-alias-style

extern "C" {
typedef int c_handle;  // no-finding
}
