namespace outer {
namespace inner {
int first();
int second();
int third();
}  // namespace inner
}  // namespace outer

namespace single {
int one();
}

int repeated() {
  return outer::inner::first() +  // expect: readability/alias-usage
         outer::inner::second() + outer::inner::third();
}

int twice() {
  return outer::inner::first() + outer::inner::second();  // no-finding
}

int shallow() {
  return single::one() + single::one() + single::one();  // no-finding
}

int aliased() {
  namespace inner = outer::inner;
  return inner::first() + inner::second() + inner::third();  // no-finding
}
