#ifndef EXQ_CLIBPQ_SHIM_H
#define EXQ_CLIBPQ_SHIM_H
// libpq, PostgreSQL's client library (the one psql uses), for the shared workspace.
#include <libpq-fe.h>
#endif
