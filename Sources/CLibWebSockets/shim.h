#ifndef HELPLINE_CLIBWEBSOCKETS_SHIM_H
#define HELPLINE_CLIBWEBSOCKETS_SHIM_H

#include <libwebsockets.h>

/// `LWS_PRE` is a macro: the headroom lws needs before every buffer passed to `lws_write`.
static const size_t CLibWebSockets_PRE = LWS_PRE;

#endif
