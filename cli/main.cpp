// `retort-clang`: every command. `retort` hands it the commands that need Clang.

#include "commands.hpp"

int main(int argc, char** argv) {
  return retort::cli::run(argc, argv, retort::cli::add_every_command);
}
