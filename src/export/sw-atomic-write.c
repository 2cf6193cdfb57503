/* SPDX-License-Identifier: GPL-3.0-or-later */
/* syncfs () */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sw-atomic-write.h"

/*
 * Why this is safe.  Each new content goes to a temporary name in the
 * same folder (so a rename can put it in place), invisible to a reader of
 * the final name.  Only when every temporary file is written does one
 * syncfs () put their data on the disk; only then are they renamed over
 * the final names, each rename atomic; one fsync () of the folder then
 * makes the renames themselves last.  A reader, a kill or a power cut at
 * any moment thus finds under each final name either the old file or the
 * new one, complete: a rename the disk did not keep leaves the old file,
 * and a kept rename points at data that was on the disk before it.  (A
 * few files are each put on the disk with fdatasync () instead: that
 * waits for their data alone, not for the whole file system's.)
 * Writing per file (write, fsync, rename, fsync the folder) gives the same
 * guarantee at two waits for the disk per file instead of two in all.
 */

/* Between a file's name and the random part of its temporary name: no
 * other program's hidden files are taken for ours. */
#define TEMPORARY_MARK ".servweek-"

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *folder,
              const char  *name,
              const char  *message)
{
  g_autofree char *path = name != NULL ? g_build_filename (folder, name, NULL) : g_strdup (folder);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               message, path, g_strerror (saved_errno));
}

/* @name in @dir opened for reading when it is a regular file (its stat
 * in @info), else -1: not blocking on a FIFO in the way, not following a
 * link. */
static int
open_regular (int          dir,
              const char  *name,
              struct stat *info)
{
  int fd = openat (dir, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);

  if (fd < 0)
    return -1;
  if (fstat (fd, info) != 0 || !S_ISREG (info->st_mode))
    {
      close (fd);
      return -1;
    }

  return fd;
}

/* Reads up to @size bytes of @fd into @buffer and closes it: how many,
 * or -1 on an error. */
static gssize
read_and_close (int    fd,
                char  *buffer,
                gsize  size)
{
  gsize done = 0;

  while (done < size)
    {
      ssize_t n = read (fd, buffer + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          close (fd);
          return -1;
        }
      if (n == 0)
        break;
      done += (gsize) n;
    }
  close (fd);

  return (gssize) done;
}

gssize
sw_atomic_read_head (int         dir,
                     const char *name,
                     char       *buffer,
                     gsize       size,
                     goffset    *out_size)
{
  struct stat info;
  int fd = open_regular (dir, name, &info);

  if (fd < 0)
    return -1;
  if (out_size != NULL)
    *out_size = info.st_size;

  return read_and_close (fd, buffer, size);
}

/* Whether @name in @dir holds exactly @bytes: read only when its size is
 * theirs. */
static gboolean
holds_bytes (int         dir,
             const char *name,
             GBytes     *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  g_autofree char *buffer = NULL;
  struct stat info;
  int fd = open_regular (dir, name, &info);

  if (fd < 0)
    return FALSE;
  if ((guint64) info.st_size != length)
    {
      close (fd);
      return FALSE;
    }

  buffer = g_malloc (MAX (length, 1));
  return read_and_close (fd, buffer, length) == (gssize) length &&
         (length == 0 || memcmp (buffer, data, length) == 0);
}

static gboolean
write_all (int         fd,
           GBytes     *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return FALSE;
      data += n;
      length -= (gsize) n;
    }

  return TRUE;
}

/* Writes @bytes to a new temporary file in @dir beside @name; its name,
 * or NULL with errno set. */
static char *
write_temporary (int         dir,
                 const char *name,
                 GBytes     *bytes,
                 gboolean    sync)
{
  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *temporary = g_strdup_printf (".%s" TEMPORARY_MARK "%08x.tmp", name, g_random_int ());
      int fd = openat (dir, temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      gboolean ok;
      int saved_errno;

      if (fd < 0 && errno == EEXIST)
        continue;
      if (fd < 0)
        return NULL;

      ok = write_all (fd, bytes) && (!sync || fdatasync (fd) == 0);
      saved_errno = errno;
      /* Closed once, whatever close () says: the number is free then. */
      if (close (fd) != 0 && ok)
        {
          ok = FALSE;
          saved_errno = errno;
        }
      if (ok)
        return g_steal_pointer (&temporary);

      unlinkat (dir, temporary, 0);
      errno = saved_errno;
      return NULL;
    }

  errno = EEXIST;
  return NULL;
}

/* A few files are put on the disk each with fdatasync (), which waits
 * for their data alone; more at once with one syncfs (), which waits for
 * all the file system's. */
#define SYNC_EACH_UP_TO 32

/* Puts the data of the temporary files on the disk: once for the whole
 * file system, or file by file where syncfs () is not there. */
static gboolean
sync_temporaries (int        dir,
                  GPtrArray *temporaries)
{
  if (syncfs (dir) == 0)
    return TRUE;
  if (errno != ENOSYS && errno != EINVAL)
    return FALSE;

  for (guint i = 0; i < temporaries->len; i++)
    {
      const char *temporary = g_ptr_array_index (temporaries, i);
      int fd;

      if (temporary == NULL)
        continue;
      fd = openat (dir, temporary, O_RDONLY | O_CLOEXEC);
      if (fd < 0 || fdatasync (fd) != 0)
        {
          int saved_errno = errno;

          if (fd >= 0)
            close (fd);
          errno = saved_errno;
          return FALSE;
        }
      close (fd);
    }

  return TRUE;
}

/* A temporary file of ours: "." NAME TEMPORARY_MARK 8 hex digits ".tmp". */
static gboolean
is_temporary (const char *name)
{
  gsize length = strlen (name);
  gsize mark = strlen (TEMPORARY_MARK);

  if (name[0] != '.' || length < 1 + 1 + mark + 8 + 4 || !g_str_has_suffix (name, ".tmp"))
    return FALSE;
  for (gsize i = length - 12; i < length - 4; i++)
    if (!g_ascii_isxdigit (name[i]))
      return FALSE;
  return strncmp (name + length - 12 - mark, TEMPORARY_MARK, mark) == 0;
}

/* Temporary files left by an export that was killed: those older than
 * any export can last (a running one's are newer). */
#define STALE_SECONDS (60 * 60)

static void
remove_stale_temporaries (int dir)
{
  int fd = dup (dir);
  DIR *listing = fd >= 0 ? fdopendir (fd) : NULL;
  struct dirent *entry;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (listing == NULL)
    {
      if (fd >= 0)
        close (fd);
      return;
    }

  while ((entry = readdir (listing)) != NULL)
    {
      struct stat info;

      if (!is_temporary (entry->d_name))
        continue;
      if (fstatat (dir, entry->d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 &&
          S_ISREG (info.st_mode) && now - info.st_mtime > STALE_SECONDS)
        unlinkat (dir, entry->d_name, 0);
    }
  closedir (listing);
}

static void
remove_temporaries (int        dir,
                    GPtrArray *temporaries)
{
  for (guint i = 0; i < temporaries->len; i++)
    if (g_ptr_array_index (temporaries, i) != NULL)
      unlinkat (dir, g_ptr_array_index (temporaries, i), 0);
}

gboolean
sw_atomic_write_files (const char    *folder,
                       SwAtomicFile  *files,
                       guint          n_files,
                       GError       **error)
{
  g_autoptr(GPtrArray) temporaries = g_ptr_array_new_full (n_files, g_free);
  guint n_changed = 0;
  int dir;

  g_return_val_if_fail (folder != NULL, FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0)
    {
      set_io_error (error, errno, folder, NULL, _("Could not open the folder “%s”: %s"));
      return FALSE;
    }

  remove_stale_temporaries (dir);

  for (guint i = 0; i < n_files; i++)
    {
      g_assert (files[i].name[0] != '\0' && strchr (files[i].name, '/') == NULL);
      files[i].written = !holds_bytes (dir, files[i].name, files[i].bytes);
      n_changed += files[i].written ? 1 : 0;
    }
  if (n_changed == 0)
    {
      close (dir);
      return TRUE;
    }

  /* The new contents under temporary names, and on the disk. */
  for (guint i = 0; i < n_files; i++)
    {
      char *temporary = NULL;

      if (files[i].written)
        {
          temporary = write_temporary (dir, files[i].name, files[i].bytes, n_changed <= SYNC_EACH_UP_TO);
          if (temporary == NULL)
            {
              set_io_error (error, errno, folder, files[i].name, _("Could not write “%s”: %s"));
              goto failed;
            }
        }
      g_ptr_array_add (temporaries, temporary);
    }
  if (n_changed > SYNC_EACH_UP_TO && !sync_temporaries (dir, temporaries))
    {
      set_io_error (error, errno, folder, NULL, _("Could not write the files of “%s” to the disk: %s"));
      goto failed;
    }
  for (guint i = 0; i < n_files; i++)
    {
      char *temporary = g_ptr_array_index (temporaries, i);

      if (temporary == NULL)
        continue;
      if (renameat (dir, temporary, dir, files[i].name) != 0)
        {
          set_io_error (error, errno, folder, files[i].name, _("Could not write “%s”: %s"));
          goto failed;
        }
      g_free (temporary);
      g_ptr_array_index (temporaries, i) = NULL;
    }
  if (fsync (dir) != 0 && errno != EINVAL)
    {
      set_io_error (error, errno, folder, NULL, _("Could not write the files of “%s” to the disk: %s"));
      close (dir);
      return FALSE;
    }

  close (dir);
  return TRUE;

failed:
  remove_temporaries (dir, temporaries);
  close (dir);
  return FALSE;
}
