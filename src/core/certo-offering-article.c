/* certo-offering-article.c — to be written */
#include "config.h"
