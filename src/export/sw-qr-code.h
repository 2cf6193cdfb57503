/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A QR code (ISO/IEC 18004) of a text, made with libqrencode: a square of
 * @width × @width modules, row by row, TRUE for a dark one.  Error
 * correction level M, so a slip that is folded or a little dirty still
 * scans.  The quiet zone (four modules all round) is the caller's to
 * leave.
 */
typedef struct
{
  guint     width;
  gboolean *modules;
} SwQrCode;

/* NULL when the text does not fit in a QR code (over about 2 kB). */
SwQrCode *sw_qr_code_new  (const char *text);
void      sw_qr_code_free (SwQrCode   *code);
gboolean  sw_qr_code_get  (SwQrCode   *code,
                           guint       x,
                           guint       y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SwQrCode, sw_qr_code_free)

G_END_DECLS
