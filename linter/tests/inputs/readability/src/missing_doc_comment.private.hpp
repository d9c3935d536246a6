#pragma once
// A header beside the sources in src/ is the implementation's, not public API.

int parse_header_line(const char* line);  // no-finding

class LineCursor {  // no-finding
 public:
  int next();  // no-finding
};
