#include <string>

int length(const std::string& text) { return static_cast<int>(text.size()); }  // no-finding
int first(const char* text) { return text[0]; }  // no-finding
const int limit = 10;  // no-finding
int second(std::string const& text) { return text[1]; }  // expect: consistency/const-placement
int mutable_one(std::string& text) { return text[0]; }  // no-finding
constexpr int k = 4;  // no-finding
constexpr double ratio = 0.5;  // no-finding
