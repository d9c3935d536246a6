int truncate(double d) { return (int)d; }  // expect: warning/c-style-cast

void ignore(int x) { (void)x; }  // no-finding

int convert(double d) { return static_cast<int>(d); }  // no-finding

enum class Kind { plain, fancy };
template <Kind k>
struct Holder {
  static constexpr auto value = k;  // no-finding
  static constexpr int index = static_cast<int>(k);  // no-finding
};
Holder<Kind::fancy> fancy_holder;  // no-finding
Holder<static_cast<Kind>(0)> plain_holder;  // no-finding
