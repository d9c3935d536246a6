#pragma once

int undocumented(int x);  // expect: readability/missing-doc-comment

/// Returns `x` doubled.
int documented(int x);  // no-finding

class Widget {  // expect: readability/missing-doc-comment
 public:
  /// Shows the widget.
  void show();  // no-finding
  ~Widget();  // no-finding

 private:
  void hidden();  // no-finding
};

namespace detail {
int helper();  // no-finding
}  // namespace detail

// Counts the widgets (a plain comment: the author said what it is for).
int count_widgets();  // no-finding

/// Does nothing, yet.
int first_overload(int x);
int first_overload(double x);  // no-finding

static inline int local_helper() { return 1; }  // no-finding

class Pool {  // expect: readability/missing-doc-comment
 public:
  Pool();  // no-finding
  int size() const;  // expect: readability/missing-doc-comment

 private:
  struct Block {  // no-finding
    int used() const;  // no-finding
  };
};
