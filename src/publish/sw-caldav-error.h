/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SW_CALDAV_ERROR (sw_caldav_error_quark ())

/* What went wrong talking to a CalDAV server.  A cancelled request is
 * G_IO_ERROR_CANCELLED, not one of these. */
typedef enum
{
  SW_CALDAV_ERROR_FAILED,       /* an answer the client does not expect (status or body) */
  SW_CALDAV_ERROR_AUTH,         /* 401: wrong user or password, or none given */
  SW_CALDAV_ERROR_FORBIDDEN,    /* 403: the account may not do this there */
  SW_CALDAV_ERROR_NOT_FOUND,    /* 404, or the collection to hold it is missing */
  SW_CALDAV_ERROR_EXISTS,       /* MKCALENDAR: there is a collection already */
  SW_CALDAV_ERROR_CONFLICT,     /* 412: changed (or created, or removed) on the server */
  SW_CALDAV_ERROR_UID_IN_USE,   /* PUT: another resource of the calendar has this UID */
  SW_CALDAV_ERROR_REJECTED,     /* 400, 415…: the server refuses the data sent */
  SW_CALDAV_ERROR_SERVER,       /* 5xx */
  SW_CALDAV_ERROR_RESOLVE,      /* the host name is unknown */
  SW_CALDAV_ERROR_CONNECT,      /* refused, unreachable, the connection broke */
  SW_CALDAV_ERROR_TLS,          /* the certificate is not trusted, or TLS failed */
  SW_CALDAV_ERROR_TIMEOUT,      /* no answer in time */
  SW_CALDAV_ERROR_INVALID_URL,  /* a base URL or path that makes no http(s) URL */
} SwCalDavError;

GQuark sw_caldav_error_quark (void);

G_END_DECLS
