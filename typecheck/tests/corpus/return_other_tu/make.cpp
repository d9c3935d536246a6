// Returns the pid of a Kettle it spawns.
#include "make.hpp"

retort::Pid start_kettle(retort::System& system) { return system.spawn<Kettle>().pid(); }
