/* certo-document.c — to be written */
#include "config.h"
