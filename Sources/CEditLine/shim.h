#ifndef EXQ_CEDITLINE_SHIM_H
#define EXQ_CEDITLINE_SHIM_H
// libedit for exq. Its variadic calls (el_set, el_get, history) cannot be called from Swift,
// so each use exq makes is wrapped here in a small fixed-argument function.
#include <stdio.h>
#include <histedit.h>
#endif
