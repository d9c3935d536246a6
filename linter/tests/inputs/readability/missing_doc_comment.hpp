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

// Counts the widgets (a plain comment: doc tools do not read it).
int count_widgets();  // expect: readability/missing-doc-comment
