// TODO: handle timeouts  // expect: design/todo-tags
int retries = 3;  /* FIXME: read from config */  // expect: design/todo-tags
const char* label = "TODO list";  // no-finding
int todos = 0;  // no-finding
