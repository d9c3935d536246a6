void open(const char* host, bool use_tls);
void set_visible(bool is_visible);
void render(int page, bool draft, bool color);
void store(bool value, int order = 5);

void caller() {
  open("example.org", true);  // expect: readability/bool-argument
  render(3, false, /*color=*/true);  // expect: readability/bool-argument
  open("example.org", /*use_tls=*/true);  // no-finding
  set_visible(true);  // no-finding
  store(false);  // no-finding
}
