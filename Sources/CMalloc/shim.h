#ifndef EXQ_CMALLOC_SHIM_H
#define EXQ_CMALLOC_SHIM_H
// glibc's malloc settings (mallopt), which Swift's Glibc module leaves out: exq keeps the memory a
// question frees for the next one (ExamShell's Launch.keepFreedMemory).
#include <malloc.h>
#endif
