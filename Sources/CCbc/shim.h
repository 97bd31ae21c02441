// COIN-OR CBC's C interface (coinor-libcbc-dev, CBC 2.10): the only C the MILP solver layer sees.
#ifndef CAPDASH_CBC_SHIM_H
#define CAPDASH_CBC_SHIM_H

#include <coin/Cbc_C_Interface.h>

#endif
