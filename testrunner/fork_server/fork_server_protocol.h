/* The wire format between `retort test` and a test program's fork server. C, since
 * the fork server is a C library preloaded into the test program. */
#ifndef RETORT_FORK_SERVER_PROTOCOL_H
#define RETORT_FORK_SERVER_PROTOCOL_H

#include <stdint.h>

/* The fork server serves only when this names its socket's descriptor. */
#define RETORT_FORK_SERVER_FD_VARIABLE "RETORT_FORK_SERVER_FD"
/* The test program's own LD_PRELOAD, restored for the tests the server forks. */
#define RETORT_FORK_SERVER_PRELOAD_VARIABLE "RETORT_FORK_SERVER_PRELOAD"
/* A request is a message of NUL-terminated strings with the test's output
 * descriptor attached: the number N of environment entries, N `NAME=value` entries
 * the test gets, then its arguments. A longer one runs without the server. */
#define RETORT_FORK_SERVER_MAX_REQUEST 65536

/* What the server says, one fixed-size message each. */
enum retort_fork_server_reply_kind {
  RETORT_FORK_SERVER_READY = 1,        /* serving; `value` is 0 */
  RETORT_FORK_SERVER_REFUSED = 2,      /* cannot fork safely; `value` is a reason below */
  RETORT_FORK_SERVER_STARTED = 3,      /* `pid` runs the last request */
  RETORT_FORK_SERVER_START_FAILED = 4, /* fork failed; `value` is its errno */
  RETORT_FORK_SERVER_EXITED = 5        /* `pid` ended; `value` is its wait status */
};

/* Why a server refused. */
enum retort_fork_server_refusal {
  RETORT_FORK_SERVER_HAS_THREADS = 1 /* threads started before main would not be forked */
};

struct retort_fork_server_reply {
  int32_t kind;
  int32_t pid;
  int32_t value;
};

#endif
