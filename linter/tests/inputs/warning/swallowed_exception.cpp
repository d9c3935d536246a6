void risky();

void careless() {
  try {
    risky();
  } catch (...) {  // expect: warning/swallowed-exception
  }
}

void careful() {
  try {
    risky();
  } catch (...) {  // no-finding
    throw;
  }
}
