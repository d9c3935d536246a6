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

class Reader {
 public:
  int offset() const { return offset_; }  // no-finding
  void set_offset(int offset) { offset_ = offset; }  // no-finding
  Reader* base() { return this; }  // no-finding
  int ReadAll();  // no-finding
  int Count() const;  // no-finding
  // Defined in another unit, where it is judged: it may be an accessor there.
  int status() const;  // no-finding
  int checksum() const;  // expect: readability/naming-convention

 private:
  int offset_ = 0;
};

int Scale(int value) {  // no-finding
  const int kFactor = 3;  // no-finding
  const int N = 2;  // no-finding
  const char* kNames[] = {"a", "b"};  // no-finding
  return value * kFactor * N;
}

// A constant by its name, so held to the constants' kName (not the variables' case).
int Mask(int value) {  // no-finding
  const unsigned long BYTE_MARK = 0x80;  // expect: readability/naming-convention
  return value & static_cast<int>(BYTE_MARK);
}

// Its body is seen, and it is no accessor.
int Reader::checksum() const {
  int sum = offset_;
  return sum * 31;
}

int Twice(int value);  // no-finding
int Twice(int value) { return 2 * value; }  // no-finding

// An interface's getter is named like the accessors that implement it.
class Cursor {
 public:
  virtual ~Cursor() = default;
  virtual int value() const = 0;  // no-finding
  virtual void Next() = 0;  // no-finding
  virtual void seek_to(int target) = 0;  // expect: readability/naming-convention
};

// A fallback for a name other platforms define as a macro keeps the macro's name.
#ifdef HAVE_VSCPRINTF
#define FORMAT_LENGTH vscprintf
#else
int FORMAT_LENGTH(const char* format) { return format != nullptr; }  // no-finding
#endif

// A C interface keeps C's names, `static` ones in its block included.
extern "C" {
typedef struct handle_options handle_options_t;  // no-finding
static int static_helper(int value) { return value; }  // no-finding
}
