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
#include <vector>

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

// A pool frees what it takes out of its own member.
class Pool {
 public:
  ~Pool() { clear(); }
  void clear() {
    while (!blocks_.empty()) {
      Point* last = blocks_.back();
      blocks_.pop_back();
      delete last;  // no-finding
    }
  }
  void keep(Point* point) { blocks_.push_back(point); }
  // Reading a member is not taking a pointer out of it.
  int scratch() {
    Point* temporary = new Point{capacity_};  // expect: warning/raw-new-delete
    int x = temporary->x;
    delete temporary;  // expect: warning/raw-new-delete
    return x;
  }

 private:
  std::vector<Point*> blocks_;
  int capacity_ = 4;
};

// The logger becomes the property of the logging module and should not be deleted
// by the caller.
void set_logger(int level, Point* logger);
// Keeps a pointer to the point; the caller still owns it.
void watch(Point* point);

// Borrows the point: it does not take ownership of it.
void borrow(Point* point);

void install() {
  set_logger(1, new Point{8});  // no-finding
  watch(new Point{9});  // expect: warning/raw-new-delete
  borrow(new Point{12});  // expect: warning/raw-new-delete
}

// A singleton's static member and a static table are the class's own members too.
class Registry {
 public:
  static Registry* global() {
    if (global_ == nullptr) global_ = new Registry;  // no-finding
    return global_;
  }
  static void shut_down() {
    delete global_;  // no-finding
    global_ = nullptr;
  }
  static void set_slot(int slot) {
    delete slots_[slot];  // no-finding
    slots_[slot] = new Point{slot};  // no-finding
  }

 private:
  static Registry* global_;
  static Point* slots_[4];
};

// In a template, an owner's construction waits for its type; it still takes the new.
struct Box {
  Box(Point* point, bool owns) : point(point), owns(owns) {}
  ~Box() {
    if (owns) delete point;  // no-finding
  }
  Point* point;
  bool owns;
};

template <class T>
int boxed() {
  Box box(new T{1}, true);  // no-finding
  return box.point->x;
}

// Returns a new point. The caller must delete the result when it is no longer needed.
Point* new_point() { return new Point{10}; }  // no-finding
Point* any_point() { return new Point{11}; }  // expect: warning/raw-new-delete

// Round 7: a `new` reaching the class's member container through a local or directly,
// an override returning what its interface hands out, a deleter callback, a `new`
// called for its side effect.
#include <string>
#include <vector>
class Arena {
 public:
  char* allocate(unsigned size) {
    char* block = new char[size];  // no-finding
    blocks_.push_back(block);
    return block;
  }
  void keep() { points_.push_back(new Point{8}); }  // no-finding

 private:
  std::vector<char*> blocks_;
  std::vector<Point*> points_;
};
struct Snapshotter {
  virtual ~Snapshotter() = default;
  virtual const Point* snapshot() = 0;
};
struct PointSnapshotter : Snapshotter {
  const Point* snapshot() override {
    Point* copy = new Point{9};  // no-finding
    return copy;
  }
};
static void delete_cached_point(void* value) {
  Point* point = reinterpret_cast<Point*>(value);
  delete point;  // no-finding
}
void calls_the_allocator() { new Point{10}; }  // no-finding
class ErrorText {
 public:
  void set(const char* what) {
    char* buffer = new char[64];  // expect: warning/raw-new-delete
    text_.assign(buffer);
    delete[] buffer;  // expect: warning/raw-new-delete
    (void)what;
  }

 private:
  std::string text_;
};
// Round 8: a local given to a documented taker or returned by a documented giver
// after its declaration, and a deleter callback freeing what its object holds.
// Takes ownership of the point.
void adopt(Point* point);
void adopts_through_a_local() {
  Point* point = new Point{12};  // no-finding
  adopt(point);
}
// Picks a point. Caller should delete the result.
Point* pick_point(bool big) {
  Point* picked;
  if (big) {
    picked = new Point{13};  // no-finding
  } else {
    picked = new Point{14};  // no-finding
  }
  return picked;
}
Point* pick_undocumented() {
  Point* picked;
  picked = new Point{15};  // expect: warning/raw-new-delete
  return picked;
}
struct Entry {
  Point* point;
  char* name;
};
static void delete_entry(void* value) {
  Entry* entry = reinterpret_cast<Entry*>(value);
  delete entry->point;  // no-finding
  delete[] entry->name;  // no-finding
  delete entry;  // no-finding
}
