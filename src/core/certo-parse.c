/* certo-parse.c — to be written */
#include "config.h"
