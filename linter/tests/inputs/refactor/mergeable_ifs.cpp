struct User {
  bool is_admin() const;
};
void grant();

void nested(const User* user) {
  if (user) {
    if (user->is_admin()) grant();  // expect: refactor/mergeable-ifs
  }
}

void bare(const User* user) {
  if (user)
    if (user->is_admin()) grant();  // expect: refactor/mergeable-ifs
}

void with_more(const User* user) {
  if (user) {
    if (user->is_admin()) grant();  // no-finding
    grant();
  }
}

void with_else(const User* user) {
  if (user) {
    if (user->is_admin()) {  // no-finding
      grant();
    } else {
      return;
    }
  }
}
