/* certo-source.c — to be written */
#include "config.h"
