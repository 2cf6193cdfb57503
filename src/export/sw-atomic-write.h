/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One file to write into a folder: its name there (no separator) and
 * its bytes.  @written is set by
 * sw_atomic_write_files (): FALSE when the file already held exactly
 * these bytes and was left alone. */
typedef struct
{
  const char *name;
  GBytes     *bytes;
  gboolean    written;
} SwAtomicFile;

/* Writes @files into the existing folder @folder so that, at every
 * moment and after a power cut once it has returned, each file holds
 * either its old or its new complete content, never a part; a file that
 * already holds its new bytes is not touched (its modification time and
 * inode stay).  Durability is paid once for all the files: one sync of
 * the file system (for a few files, a sync of each) and one of the
 * folder.  On an error (G_IO_ERROR, with
 * the file's path), no temporary file is left, and each file holds its
 * old or its new content.  Temporary files ("." NAME ".servweek-" 8 hex
 * digits ".tmp") that a killed writer left more than an hour ago are
 * removed. */
gboolean sw_atomic_write_files (const char    *folder,
                                SwAtomicFile  *files,
                                guint          n_files,
                                GError       **error);

/* Reads the first @size bytes (fewer when it is shorter) of @name in
 * the folder open as @dir into @buffer; @out_size, when not NULL, gets
 * the whole file's size.  Returns how many bytes were read, or -1 when
 * @name is no regular file (a link, a FIFO, a folder) or cannot be read;
 * never blocks on a FIFO. */
gssize   sw_atomic_read_head   (int            dir,
                                const char    *name,
                                char          *buffer,
                                gsize          size,
                                goffset       *out_size);

G_END_DECLS
