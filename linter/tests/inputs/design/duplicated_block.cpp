#include <string>

int first(const std::string& text) {
  int vowels = 0;
  for (char c : text) {
    if (c == 'a') ++vowels;
    if (c == 'e') ++vowels;
    if (c == 'i') ++vowels;
    if (c == 'o') ++vowels;
    if (c == 'u') ++vowels;
  }
  return vowels;
}

int second(const std::string& text) {
  int vowels = 0;
  for (char c : text) {  // expect: design/duplicated-block
    if (c == 'a') ++vowels;
    if (c == 'e') ++vowels;
    if (c == 'i') ++vowels;
    if (c == 'o') ++vowels;
    if (c == 'u') ++vowels;
  }
  return vowels * 2;
}

int third(const std::string& text) {
  int count = 0;
  for (char c : text) {  // no-finding
    if (c == 'x') ++count;
  }
  return count;
}

// Each test declares the same locals: declarations are not logic to extract.
int fourth(int seed) {
  char buffer[16];
  bool status;
  int length;
  int point;
  int succeeded = 0;
  int total = seed;
  const char* name = "fourth";
  buffer[0] = name[0];
  return succeeded + total;
}

int fifth(int seed) {
  char buffer[16];  // no-finding
  bool status;
  int length;
  int point;
  int succeeded = 0;
  int total = seed;
  const char* name = "fourth";
  buffer[1] = name[1];
  return succeeded - total;
}

// One-line conditions are logic, even in braces.
bool valid_first(const char* p, int n) {
  if (p == nullptr) { return false; }
  if (n < 0) { return false; }
  if (n > 100) { return false; }
  if (p[0] == '#') { return false; }
  if (p[0] == ';') { return false; }
  if (p[0] == ' ') { return false; }
  return true;
}

bool valid_second(const char* p, int n) {
  if (p == nullptr) { return false; }  // expect: design/duplicated-block
  if (n < 0) { return false; }
  if (n > 100) { return false; }
  if (p[0] == '#') { return false; }
  if (p[0] == ';') { return false; }
  if (p[0] == ' ') { return false; }
  return n > 1;
}
