/* certo-standard.c — to be written */
#include "config.h"
