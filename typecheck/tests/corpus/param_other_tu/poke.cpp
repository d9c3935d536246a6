// Sends to whatever pid it is given; every caller (in main.cpp) gives a Bell.
#include "poke.hpp"

#include <retort/process.hpp>

void ring(const retort::Pid& bell) { retort::cast(bell, Ring{}); }
void silence(const retort::Pid& bell) { retort::cast(bell, Hush{}); }  // expect: unhandled-message
