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
