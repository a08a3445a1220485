/* certo-environment.c — to be written */
#include "config.h"
