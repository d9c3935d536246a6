// pugixml's shape: two wrappers whose methods end alike and are followed by the same
// one-line operators. The end of one function and the functions after it are not a
// block that could become a function.
struct Node {
  int value;
};

class First {
 public:
  int first_value() const {  // no-finding
    int checked = node_ != nullptr ? node_->value : 0;
    int doubled = checked * 2;
    int limited = doubled > 100 ? 100 : doubled;
    return limited;
  }
  Node* operator->() const { return node_; }  // no-finding
  Node& operator*() const { return *node_; }
  bool operator!() const { return node_ == nullptr; }

 private:
  Node* node_ = nullptr;
};

class Second {
 public:
  int second_value() const {
    int checked = node_ != nullptr ? node_->value : 0;  // no-finding
    int doubled = checked * 2;
    int limited = doubled > 100 ? 100 : doubled;
    return limited;
  }
  Node* operator->() const { return node_; }  // no-finding
  Node& operator*() const { return *node_; }
  bool operator!() const { return node_ == nullptr; }

 private:
  Node* other_ = nullptr;
  Node* node_ = nullptr;
};
