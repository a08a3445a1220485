/* certo-catalog-feed.c — to be written */
#include "config.h"
