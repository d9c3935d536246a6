// A command-line program: the file that defines `main` prints for its user.
#include <cstdio>
#include <iostream>

static void usage() {
  std::fprintf(stderr, "usage: tool FILE\n");  // no-finding
}

int main(int argc, char** argv) {
  if (argc < 2) {
    usage();
    return 2;
  }
  auto report = [](const char* name) { std::cout << name << "\n"; };  // no-finding
  report(argv[1]);
  std::cout << "done\n";  // no-finding
}
