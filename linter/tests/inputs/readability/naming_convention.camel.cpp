// A CamelCase project (Google's style): its functions are CamelCase, so that is what
// is asked of them, not retort's own snake_case.
class HeaderParser {  // no-finding
 public:
  bool ParseHeader(const char* line);  // no-finding
  bool ParseBody(const char* text);  // no-finding
  void Reset();  // no-finding
  int parse_trailer(const char* text);  // expect: readability/naming-convention

 private:
  int line_count_ = 0;  // no-finding
};

int CountLines(const char* text);  // no-finding

const int kBufSize = 8092;  // no-finding
const int kLineSize = kBufSize / 2;  // no-finding
typedef unsigned char uint8;  // no-finding
typedef signed char int8;  // no-finding

namespace testing {
static int main(int argc, char** argv) { return argc; }  // no-finding
}  // namespace testing
