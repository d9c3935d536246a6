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
  int vowels = 0;  // expect: design/duplicated-block
  for (char c : text) {
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
