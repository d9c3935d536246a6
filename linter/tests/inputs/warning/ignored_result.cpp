#include <string>
#include <vector>

[[nodiscard]] int checked_write(const std::string& path);

struct [[nodiscard]] Status {
  bool is_ok = true;
};
Status save();

void use() {
  checked_write("a");  // expect: warning/ignored-result
  save();              // expect: warning/ignored-result
  std::vector<int> items;
  items.empty();  // expect: warning/ignored-result
  int written = checked_write("b");  // no-finding
  (void)checked_write("c");          // no-finding
  if (save().is_ok) items.clear();   // no-finding
  (void)written;
}
