/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <qrencode.h>

#include "sw-qr-code.h"

SwQrCode *
sw_qr_code_new (const char *text)
{
  QRcode *encoded;
  SwQrCode *code;

  g_return_val_if_fail (text != NULL, NULL);

  /* Binary (8-bit) mode keeps the UTF-8 bytes as they are: phone
   * scanners read a URL back exactly. */
  encoded = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (encoded == NULL)
    return NULL;

  code = g_new0 (SwQrCode, 1);
  code->width = (guint) encoded->width;
  code->modules = g_new (gboolean, code->width * code->width);
  /* libqrencode's lowest bit of each byte says dark. */
  for (guint i = 0; i < code->width * code->width; i++)
    code->modules[i] = (encoded->data[i] & 1) != 0;
  QRcode_free (encoded);

  return code;
}

void
sw_qr_code_free (SwQrCode *code)
{
  if (code == NULL)
    return;

  g_free (code->modules);
  g_free (code);
}

gboolean
sw_qr_code_get (SwQrCode *code,
                guint     x,
                guint     y)
{
  g_return_val_if_fail (code != NULL, FALSE);
  g_return_val_if_fail (x < code->width && y < code->width, FALSE);

  return code->modules[y * code->width + x];
}
