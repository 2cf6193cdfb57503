/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "sw-atomic-write.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("sw-atomic-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
read_in (Fixture    *f,
         const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

static ino_t
inode_of (Fixture    *f,
          const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  struct stat info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_ino;
}

/* The names in the folder that start with a dot. */
static guint
n_hidden (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    n += name[0] == '.';
  return n;
}

static void
set_files (SwAtomicFile *files,
           const char   *a,
           const char   *b,
           const char   *c)
{
  const char *texts[3] = { a, b, c };
  const char *names[3] = { "甲.ics", "b.ics", "c.ics" };

  for (guint i = 0; i < 3; i++)
    {
      g_clear_pointer (&files[i].bytes, g_bytes_unref);
      files[i].name = names[i];
      files[i].bytes = g_bytes_new (texts[i], strlen (texts[i]));
      files[i].written = FALSE;
    }
}

static void
clear_files (SwAtomicFile *files)
{
  for (guint i = 0; i < 3; i++)
    g_clear_pointer (&files[i].bytes, g_bytes_unref);
}

static void
test_writes_what_changed (Fixture       *f,
                          gconstpointer  data)
{
  SwAtomicFile files[3] = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  ino_t a, b, c;

  /* New files: all written, nothing else left in the folder. */
  set_files (files, "one", "two", "");
  g_assert_true (sw_atomic_write_files (f->dir, files, 3, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_assert_true (files[i].written);
  text = read_in (f, "甲.ics");
  g_assert_cmpstr (text, ==, "one");
  g_clear_pointer (&text, g_free);
  text = read_in (f, "c.ics");
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);
  g_assert_cmpuint (n_hidden (f), ==, 0);
  a = inode_of (f, "甲.ics");
  b = inode_of (f, "b.ics");
  c = inode_of (f, "c.ics");

  /* The same bytes: no file is touched. */
  set_files (files, "one", "two", "");
  g_assert_true (sw_atomic_write_files (f->dir, files, 3, &error));
  for (guint i = 0; i < 3; i++)
    g_assert_false (files[i].written);
  g_assert_true (inode_of (f, "甲.ics") == a);
  g_assert_true (inode_of (f, "b.ics") == b);
  g_assert_true (inode_of (f, "c.ics") == c);

  /* One changed, one of the same length: those two only. */
  set_files (files, "one", "2wo", "three");
  g_assert_true (sw_atomic_write_files (f->dir, files, 3, &error));
  g_assert_false (files[0].written);
  g_assert_true (files[1].written);
  g_assert_true (files[2].written);
  g_assert_true (inode_of (f, "甲.ics") == a);
  g_assert_true (inode_of (f, "b.ics") != b);
  text = read_in (f, "b.ics");
  g_assert_cmpstr (text, ==, "2wo");
  g_assert_cmpuint (n_hidden (f), ==, 0);

  clear_files (files);
}

static void
test_failure_leaves_no_temporary (Fixture       *f,
                                  gconstpointer  data)
{
  SwAtomicFile files[3] = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *in_the_way = g_build_filename (f->dir, "c.ics", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing", NULL);
  g_autofree char *text = NULL;

  /* A folder where a file goes: the renames up to it happened, the
   * error names it, and no temporary file stays. */
  set_files (files, "one", "two", "three");
  g_assert_cmpint (g_mkdir (in_the_way, 0700), ==, 0);
  g_assert_false (sw_atomic_write_files (f->dir, files, 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "c.ics"));
  g_assert_cmpuint (n_hidden (f), ==, 0);
  text = read_in (f, "b.ics");
  g_assert_cmpstr (text, ==, "two");
  g_assert_true (g_file_test (in_the_way, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  /* No such folder. */
  g_assert_false (sw_atomic_write_files (missing, files, 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing"));

  clear_files (files);
}

static void
test_read_only_folder (Fixture       *f,
                       gconstpointer  data)
{
  SwAtomicFile files[3] = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root writes into a read-only folder");
      return;
    }

  set_files (files, "one", "two", "three");
  g_assert_true (sw_atomic_write_files (f->dir, files, 3, &error));
  set_files (files, "uno", "two", "three");
  g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
  g_assert_false (sw_atomic_write_files (f->dir, files, 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpint (g_chmod (f->dir, 0700), ==, 0);
  text = read_in (f, "甲.ics");
  g_assert_cmpstr (text, ==, "one");
  g_assert_cmpuint (n_hidden (f), ==, 0);

  clear_files (files);
}

static void
test_stale_temporaries (Fixture       *f,
                        gconstpointer  data)
{
  SwAtomicFile files[3] = { { 0 } };
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = g_build_filename (f->dir, ".b.ics.servweek-0123abcd.tmp", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, ".b.ics.servweek-89abcdef.tmp", NULL);
  g_autofree char *other = g_build_filename (f->dir, ".b.ics.tmp", NULL);
  g_autofree char *theirs = g_build_filename (f->dir, ".notes.txt.0123abcd.tmp", NULL);
  struct utimbuf old = { 0, 0 };

  /* A killed writer's file of two hours ago goes; one of a writer still
   * at work stays, and so do hidden files that are not ours, even one of
   * another program's temporary names. */
  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (fresh, "half", -1, NULL));
  g_assert_true (g_file_set_contents (other, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (theirs, "theirs", -1, NULL));
  old.actime = old.modtime = time (NULL) - 2 * 60 * 60;
  g_assert_cmpint (utime (stale, &old), ==, 0);
  g_assert_cmpint (utime (other, &old), ==, 0);
  g_assert_cmpint (utime (theirs, &old), ==, 0);

  set_files (files, "one", "two", "three");
  g_assert_true (sw_atomic_write_files (f->dir, files, 3, &error));
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (theirs, G_FILE_TEST_EXISTS));

  clear_files (files);
}

/* Many files at once (synced together rather than one by one): all
 * there, whole, nothing else left; again, none written. */
static void
test_many_files (Fixture       *f,
                 gconstpointer  data)
{
  SwAtomicFile files[50] = { { 0 } };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_ptr_array_add (names, g_strdup_printf ("人员 %02u.ics", i));
      files[i].name = g_ptr_array_index (names, i);
      files[i].bytes = g_bytes_new_take (g_strdup_printf ("file %u", i), strlen ("file ") + (i < 10 ? 1 : 2));
    }
  g_assert_true (sw_atomic_write_files (f->dir, files, G_N_ELEMENTS (files), &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *text = read_in (f, files[i].name);
      g_autofree char *expected = g_strdup_printf ("file %u", i);

      g_assert_true (files[i].written);
      g_assert_cmpstr (text, ==, expected);
    }
  g_assert_cmpuint (n_hidden (f), ==, 0);

  g_assert_true (sw_atomic_write_files (f->dir, files, G_N_ELEMENTS (files), &error));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_assert_false (files[i].written);
      g_bytes_unref (files[i].bytes);
    }
}

/* The start of a regular file, and nothing of what only stands in a
 * file's place. */
static void
test_read_head (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "甲.ics", NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.ics", NULL);
  g_autofree char *link = g_build_filename (f->dir, "link.ics", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.ics", NULL);
  char buffer[8];
  goffset size = -1;
  int dir;

  g_assert_true (g_file_set_contents (file, "BEGIN:VCALENDAR", -1, NULL));
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("甲.ics", link), ==, 0);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  dir = open (f->dir, O_RDONLY | O_DIRECTORY);
  g_assert_cmpint (dir, >=, 0);

  g_assert_cmpint (sw_atomic_read_head (dir, "甲.ics", buffer, sizeof buffer, &size), ==, 8);
  g_assert_cmpmem (buffer, 8, "BEGIN:VC", 8);
  g_assert_cmpint (size, ==, strlen ("BEGIN:VCALENDAR"));
  g_assert_cmpint (sw_atomic_read_head (dir, "甲.ics", buffer, 0, NULL), ==, 0);
  g_assert_cmpint (sw_atomic_read_head (dir, "fifo.ics", buffer, sizeof buffer, NULL), ==, -1);
  g_assert_cmpint (sw_atomic_read_head (dir, "link.ics", buffer, sizeof buffer, NULL), ==, -1);
  g_assert_cmpint (sw_atomic_read_head (dir, "folder.ics", buffer, sizeof buffer, NULL), ==, -1);
  g_assert_cmpint (sw_atomic_read_head (dir, "missing.ics", buffer, sizeof buffer, NULL), ==, -1);
  close (dir);
}

/* A link under a final name is replaced by a file, even when what it
 * points at holds the new bytes; what it points at stays. */
static void
test_link_replaced (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *target = g_build_filename (f->dir, "target", NULL);
  g_autofree char *link = g_build_filename (f->dir, "b.ics", NULL);
  SwAtomicFile file = { "b.ics", g_bytes_new_static ("same", 4), FALSE };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  struct stat info;

  g_assert_true (g_file_set_contents (target, "same", -1, NULL));
  g_assert_cmpint (symlink ("target", link), ==, 0);

  g_assert_true (sw_atomic_write_files (f->dir, &file, 1, &error));
  g_assert_no_error (error);
  g_assert_true (file.written);
  g_assert_cmpint (g_lstat (link, &info), ==, 0);
  g_assert_true (S_ISREG (info.st_mode));
  text = read_in (f, "target");
  g_assert_cmpstr (text, ==, "same");
  g_bytes_unref (file.bytes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/atomic-write/writes-what-changed", Fixture, NULL, fixture_set_up,
              test_writes_what_changed, fixture_tear_down);
  g_test_add ("/atomic-write/failure-leaves-no-temporary", Fixture, NULL, fixture_set_up,
              test_failure_leaves_no_temporary, fixture_tear_down);
  g_test_add ("/atomic-write/read-only-folder", Fixture, NULL, fixture_set_up,
              test_read_only_folder, fixture_tear_down);
  g_test_add ("/atomic-write/many-files", Fixture, NULL, fixture_set_up,
              test_many_files, fixture_tear_down);
  g_test_add ("/atomic-write/stale-temporaries", Fixture, NULL, fixture_set_up,
              test_stale_temporaries, fixture_tear_down);
  g_test_add ("/atomic-write/read-head", Fixture, NULL, fixture_set_up,
              test_read_head, fixture_tear_down);
  g_test_add ("/atomic-write/link-replaced", Fixture, NULL, fixture_set_up,
              test_link_replaced, fixture_tear_down);

  return g_test_run ();
}
