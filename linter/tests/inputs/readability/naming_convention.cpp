// A snake_case project: most functions and variables are snake_case, types CamelCase.
class http_client {  // expect: readability/naming-convention
 public:
  void SendRequest();  // expect: readability/naming-convention
  void send_reply();   // no-finding

 private:
  int RetryCount;   // expect: readability/naming-convention
  int retry_limit_;  // no-finding
};

struct Point {  // no-finding
  int x = 0;
  int y = 0;
};

enum class Color { red, green, blue };  // no-finding

int compute_total(int itemCount) {  // expect: readability/naming-convention
  int running_total = 0;  // no-finding
  return running_total + itemCount;
}

constexpr int kMaxItems = 3;  // no-finding

struct Base {
  virtual void OnEvent();  // expect: readability/naming-convention
  virtual ~Base() = default;
};
struct Derived : Base {
  void OnEvent() override;  // no-finding
};

// A static hook hides the base's member of that name, as GoogleTest's fixtures do.
struct Fixture {
  static void SetUpSuite();  // expect: readability/naming-convention
};
struct SocketTest : Fixture {
  static void SetUpSuite();  // no-finding
};

void open_socket();  // no-finding
void close_socket();  // no-finding
void flush_socket();  // no-finding
void reset_socket();  // no-finding
int read_bytes(char* into, int count);  // no-finding

int main() { return compute_total(kMaxItems); }  // no-finding

// pugixml marks members with a leading `_`: the mark is not the case.
class xml_node_struct {  // expect: readability/naming-convention
 public:
  int _data() const { return _count; }  // no-finding

 private:
  int _count = 0;  // no-finding
  int m_limit = 0;  // no-finding
};

// A static table in capitals is a constant, though its pointers are not const.
static const char* TRUE_VALS[] = {"true", "yes"};  // no-finding
