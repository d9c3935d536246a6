// A camelBack project (jsoncpp's style): variables and functions are camelBack.
static int stackLimit_g = 1000;  // no-finding
static int maxDepth = 10;  // no-finding

int readValue(int tokenCount) {  // no-finding
  int bytesLeft = tokenCount * 2;  // no-finding
  int parse_depth = bytesLeft + maxDepth;  // expect: readability/naming-convention
  return parse_depth + stackLimit_g;
}

int skipSpaces(int firstColumn) {  // no-finding
  int lastColumn = firstColumn + 1;  // no-finding
  return lastColumn;
}
