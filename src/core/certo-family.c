/* certo-family.c — to be written */
#include "config.h"
