// A C translation unit: a C interface's header read as C keeps C's names.
typedef struct leveldb_options_t leveldb_options_t;  // no-finding
int leveldb_options_count(const leveldb_options_t* options);  // no-finding

int CountThings(int thingCount) {  // no-finding
  return thingCount;
}
