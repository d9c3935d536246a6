// TODO: handle timeouts  // expect: design/todo-tags
int retries = 3;  /* FIXME: read from config */  // expect: design/todo-tags
const char* label = "TODO list";  // no-finding
int todos = 0;  // no-finding
const char* url = "http://example.com/ TODO";  // no-finding
int level = 2;  // XTODO and TODOs are other words  // no-finding
int tagged = 1;  // a note, then FIXME twice: FIXME  // expect: design/todo-tags
