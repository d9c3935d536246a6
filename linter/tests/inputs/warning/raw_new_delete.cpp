#include <new>

struct Point {
  int x;
};

void juggle() {
  Point* point = new Point{1};  // expect: warning/raw-new-delete
  delete point;  // expect: warning/raw-new-delete
  alignas(Point) unsigned char buffer[sizeof(Point)];
  new (buffer) Point{2};  // no-finding
}

#include <memory>

// Handed straight to an owner, or released by the owner itself.
class Holder {
 public:
  Holder() : point_(new Point{3}) {}  // no-finding
  ~Holder() { delete point_; }  // no-finding
  void replace() {
    delete point_;  // no-finding
    point_ = new Point{4};  // no-finding
  }

 private:
  Point* point_;
};

std::unique_ptr<Point> owned() {
  std::unique_ptr<Point> point(new Point{5});  // no-finding
  point.reset(new Point{6});  // no-finding
  return point;
}

// A C API and an out-parameter hand the raw pointer over by their signature.
extern "C" {
struct point_handle {
  Point* point;
};
point_handle* point_create() { return new point_handle{nullptr}; }  // no-finding
void point_destroy(point_handle* handle) { delete handle; }  // no-finding
}

bool open_point(Point** result) {
  *result = new Point{7};  // no-finding
  return true;
}

// Reference counted: it frees itself, and nothing else may destroy it.
class Shared {
 public:
  void Unref() {
    if (--refs_ == 0) delete this;  // no-finding
  }

 private:
  ~Shared() = default;
  int refs_ = 1;
};

Shared* make_shared_table() { return new Shared; }  // no-finding

// An owning type's own buffer, and an interface that hands back what it gave out.
template <class T>
class Array {
 public:
  void grow(int size) {
    delete[] items_;  // no-finding
    items_ = new T[size];  // no-finding
  }
  ~Array() { delete[] items_; }  // no-finding

 private:
  T* items_ = nullptr;
};

struct Lock {};
struct Locks {
  virtual ~Locks() = default;
  virtual void release(Lock* lock) = 0;
};
struct FileLocks : Locks {
  void release(Lock* lock) override { delete lock; }  // no-finding
};
