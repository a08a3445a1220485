/* certo-service.c — to be written */
#include "config.h"
