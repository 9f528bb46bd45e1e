#ifndef EXQ_CLIBPQ_SHIM_H
#define EXQ_CLIBPQ_SHIM_H
// libpq, PostgreSQL's client library (the one psql uses), for the shared workspace.
//
// It is opened on first use (dlopen), not linked: linking it loads it and the twenty-odd
// libraries it needs (OpenSSL, Kerberos, LDAP, SASL) into every exq start, which measured about
// 7 ms of CPU on a start-up of 8 ms. Only a session that opens a postgresql:// workspace pays it.
// The header (Debian's libpq-dev) gives the types; exq calls libpq only through exq_libpq().
#include <dlfcn.h>
#include <stddef.h>
#include <postgresql/libpq-fe.h>

#define EXQ_LIBPQ_FUNCTIONS(X) \
    X(PQconnectdb) X(PQstatus) X(PQerrorMessage) X(PQfinish) X(PQexec) X(PQexecParams) \
    X(PQsendQuery) X(PQgetResult) X(PQclear) X(PQresultStatus) X(PQresultErrorMessage) \
    X(PQresultErrorField) X(PQntuples) X(PQnfields) X(PQgetisnull) X(PQgetvalue) \
    X(PQputCopyData) X(PQputCopyEnd) X(PQgetCopyData) X(PQfreemem) X(PQescapeLiteral) \
    X(PQsocket) X(PQconsumeInput)

/// libpq's functions that exq uses, found in the library once it is opened.
typedef struct {
#define EXQ_LIBPQ_FIELD(name) __typeof__(name) *name;
    EXQ_LIBPQ_FUNCTIONS(EXQ_LIBPQ_FIELD)
#undef EXQ_LIBPQ_FIELD
} exq_libpq_functions;

/// Opens libpq (once) and finds its functions. NULL when it cannot, with dlerror's message in *error.
static inline const exq_libpq_functions *exq_libpq(const char **error) {
    static exq_libpq_functions functions;
    static int loaded = 0;
    if (loaded) return &functions;
    void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) { *error = dlerror(); return NULL; }
#define EXQ_LIBPQ_FIND(name) \
    functions.name = (__typeof__(name) *)dlsym(library, #name); \
    if (functions.name == NULL) { *error = dlerror(); return NULL; }
    EXQ_LIBPQ_FUNCTIONS(EXQ_LIBPQ_FIND)
#undef EXQ_LIBPQ_FIND
    loaded = 1;
    return &functions;
}
#endif
