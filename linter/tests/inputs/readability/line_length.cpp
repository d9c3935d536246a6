const char* long_text = "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";  // expect: readability/line-length  //----------------------------------------
const char* fits = "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy";  // no-finding ----------------------
