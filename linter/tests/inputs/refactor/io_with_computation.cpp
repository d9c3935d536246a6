#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

void report(const std::vector<double>& values) {  // expect: refactor/io-with-computation
  double sum = 0;
  double squares = 0;
  for (double v : values) {
    sum += v;
    squares += v * v;
  }
  std::cout << sum << " " << squares << "\n";
}

double sum_of_squares(const std::vector<double>& values) {  // no-finding
  double squares = 0;
  for (double v : values) squares += v * v;
  return squares;
}

void print(const std::vector<double>& values) {  // no-finding
  std::printf("%f\n", sum_of_squares(values));
}

std::string describe(const std::vector<double>& values) {  // no-finding
  std::ostringstream text;
  for (double v : values) text << v * 2 + 1 - v / 3;
  return text.str();
}
