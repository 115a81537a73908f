#ifndef HELPLINE_CSQLITE_SHIM_H
#define HELPLINE_CSQLITE_SHIM_H

#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a macro around a cast function pointer, which Swift cannot import:
/// binding with it makes SQLite copy the bytes before the call returns.
static inline sqlite3_destructor_type CSQLite_TRANSIENT(void) {
    return SQLITE_TRANSIENT;
}

#endif
