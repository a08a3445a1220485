/* certo-catalog.c — to be written */
#include "config.h"
