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
