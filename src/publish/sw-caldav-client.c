/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "sw-caldav-client.h"

#define NS_DAV    "DAV:"
#define NS_CALDAV "urn:ietf:params:xml:ns:caldav"
#define NS_APPLE  "http://apple.com/ns/ical/"

#define DEFAULT_TIMEOUT 30

/* The methods whose requests are counted one by one. */
static const char *const counted_methods[] = {
  "GET", "PUT", "DELETE", "MKCALENDAR", "PROPFIND", "PROPPATCH",
};
#define N_COUNTED_METHODS G_N_ELEMENTS (counted_methods)

struct _SwCalDavClient
{
  GObject      parent_instance;

  char        *base_url;
  char        *user;
  char        *password;
  GUri        *base_uri;       /* NULL when base_url is no http(s) URL */
  char        *server;         /* host[:port], for messages */
  char        *authorization;  /* the Basic header, NULL without a user */
  SoupSession *session;
  guint        timeout;

  /* Counted atomically: the requests may come from a worker thread. */
  int          n_requests;
  int          n_by_method[N_COUNTED_METHODS];
};

G_DEFINE_FINAL_TYPE (SwCalDavClient, sw_caldav_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_BASE_URL,
  PROP_USER,
  PROP_PASSWORD,
  PROP_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One <response> of a 207 Multi-Status. */
typedef struct
{
  char      *path;    /* absolute, decoded */
  guint      status;  /* of the response as a whole, 0 when per property */
  GPtrArray *props;   /* of DavProp */
} DavResponse;

typedef struct
{
  char  *ns;
  char  *name;
  char  *text;
  guint  status;
} DavProp;

static void
dav_prop_free (DavProp *prop)
{
  g_free (prop->ns);
  g_free (prop->name);
  g_free (prop->text);
  g_free (prop);
}

static void
dav_response_free (DavResponse *response)
{
  g_free (response->path);
  g_clear_pointer (&response->props, g_ptr_array_unref);
  g_free (response);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

/* Paths and URLs */

/* The server as the messages name it: its host and port. */
static char *
server_name (GUri *uri)
{
  const char *host = g_uri_get_host (uri);
  int port = g_uri_get_port (uri);
  gboolean ipv6 = strchr (host, ':') != NULL;

  if (port < 0)
    return ipv6 ? g_strdup_printf ("[%s]", host) : g_strdup (host);
  return ipv6 ? g_strdup_printf ("[%s]:%d", host, port) : g_strdup_printf ("%s:%d", host, port);
}

/* @path (plain text) with each segment percent-encoded. */
static char *
escape_path (const char *path)
{
  g_auto (GStrv) segments = g_strsplit (path, "/", -1);

  for (guint i = 0; segments[i] != NULL; i++)
    {
      /* Every pchar but ":" (which would read as a scheme in a first
       * segment) stays; everything else, "%" included, is encoded. */
      char *escaped = g_uri_escape_string (segments[i], "!$&'()*+,;=@", FALSE);

      g_free (segments[i]);
      segments[i] = escaped;
    }
  return g_strjoinv ("/", segments);
}

/* A percent-encoded path as plain text; invalid encodings stay as they are. */
static char *
unescape_path (const char *path)
{
  char *plain = g_uri_unescape_string (path, NULL);

  return plain != NULL ? plain : g_strdup (path);
}

static GUri *
resolve_uri (SwCalDavClient  *self,
             const char      *path,
             GError         **error)
{
  g_autofree char *escaped = NULL;
  g_autofree char *relative = NULL;

  if (self->base_uri == NULL)
    {
      g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_INVALID_URL,
                   _("“%s” is not the address of a calendar server (http://… or https://…)"),
                   self->base_url);
      return NULL;
    }

  escaped = escape_path (path);
  /* "./" keeps a relative path relative whatever its first segment says. */
  relative = path[0] == '/' ? g_steal_pointer (&escaped) : g_strconcat ("./", escaped, NULL);
  return g_uri_parse_relative (self->base_uri, relative, SOUP_HTTP_URI_FLAGS, error);
}

/* The plain-text path of @msg's URL, for messages and comparisons. */
static char *
message_path (SoupMessage *msg)
{
  return unescape_path (g_uri_get_path (soup_message_get_uri (msg)));
}

/* An href of a Multi-Status reply (an absolute path or URL) as a plain
 * absolute path. */
static char *
href_path (const char *href)
{
  if (strstr (href, "://") != NULL)
    {
      g_autoptr (GUri) uri = g_uri_parse (href, SOUP_HTTP_URI_FLAGS, NULL);

      if (uri != NULL)
        return unescape_path (g_uri_get_path (uri));
    }
  return unescape_path (href);
}

static gboolean
same_collection (const char *a,
                 const char *b)
{
  gsize la = strlen (a);
  gsize lb = strlen (b);

  while (la > 0 && a[la - 1] == '/')
    la--;
  while (lb > 0 && b[lb - 1] == '/')
    lb--;
  return la == lb && strncmp (a, b, la) == 0;
}

/* Errors */

static char *
describe_certificate_flags (GTlsCertificateFlags flags)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();

  if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    g_ptr_array_add (parts, _("it is not signed by an authority this computer trusts"));
  if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    g_ptr_array_add (parts, _("it is made out for another host name"));
  if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    g_ptr_array_add (parts, _("it is not valid yet"));
  if (flags & G_TLS_CERTIFICATE_EXPIRED)
    g_ptr_array_add (parts, _("it has expired"));
  if (flags & G_TLS_CERTIFICATE_REVOKED)
    g_ptr_array_add (parts, _("it has been revoked"));
  if (flags & G_TLS_CERTIFICATE_INSECURE)
    g_ptr_array_add (parts, _("its signature algorithm is insecure"));
  if (flags & G_TLS_CERTIFICATE_GENERIC_ERROR)
    g_ptr_array_add (parts, _("it could not be checked"));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (C_("reasons a certificate is not trusted", "; "), (char **) parts->pdata);
}

/* A request that got no HTTP answer: @local (taken) as a SW_CALDAV_ERROR,
 * a cancellation as it is. */
static void
set_transport_error (SwCalDavClient        *self,
                     GError               **error,
                     GError                *local,
                     GTlsCertificateFlags   tls_flags)
{
  g_autoptr (GError) cause = local;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&cause));
      return;
    }

  if (tls_flags != 0)
    {
      g_autofree char *reasons = describe_certificate_flags (tls_flags);

      g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_TLS,
                   _("The certificate of the calendar server %s is not trusted: %s"),
                   self->server, reasons);
    }
  else if (cause->domain == G_TLS_ERROR)
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_TLS,
                 _("No secure connection could be made to the calendar server %s: %s"),
                 self->server, cause->message);
  else if (cause->domain == G_RESOLVER_ERROR)
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_RESOLVE,
                 _("The calendar server %s could not be found: %s"),
                 self->server, cause->message);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_TIMEOUT,
                 _("The calendar server %s did not answer in time"), self->server);
  else if (cause->domain == G_IO_ERROR)
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONNECT,
                 _("Could not connect to the calendar server %s: %s"),
                 self->server, cause->message);
  else
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_FAILED,
                 _("The calendar server %s sent an answer that could not be read: %s"),
                 self->server, cause->message);
}

/* Multi-Status */

static gboolean
node_is (xmlNode    *node,
         const char *ns,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE
         && node->ns != NULL
         && g_strcmp0 ((const char *) node->ns->href, ns) == 0
         && g_strcmp0 ((const char *) node->name, name) == 0;
}

static xmlNode *
first_child (xmlNode    *node,
             const char *ns,
             const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (node_is (child, ns, name))
      return child;
  return NULL;
}

static char *
node_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup (content != NULL ? (const char *) content : ""));

  xmlFree (content);
  return text;
}

static guint
parse_status (xmlNode *node)
{
  g_autofree char *text = NULL;
  guint code = 0;

  if (node == NULL)
    return 0;
  text = node_text (node);
  if (!soup_headers_parse_status_line (text, NULL, &code, NULL))
    return 0;
  return code;
}

static xmlDoc *
parse_xml (GBytes *body)
{
  gsize size = 0;
  const char *data = body != NULL ? g_bytes_get_data (body, &size) : NULL;

  if (data == NULL || size == 0 || size > G_MAXINT)
    return NULL;
  /* No network, no entities, no DTD: the server's XML is data only. */
  return xmlReadMemory (data, (int) size, "reply.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

/* The <response>s of a 207 reply, NULL (and @error) when it is none. */
static GPtrArray *
parse_multistatus (SwCalDavClient  *self,
                   SoupMessage     *msg,
                   GBytes          *body,
                   GError         **error)
{
  g_autoptr (xmlDoc) doc = parse_xml (body);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;
  g_autoptr (GPtrArray) responses = NULL;

  if (root == NULL || !node_is (root, NS_DAV, "multistatus"))
    {
      g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_FAILED,
                   _("The calendar server %s sent an answer to %s that could not be read"),
                   self->server, soup_message_get_method (msg));
      return NULL;
    }

  responses = g_ptr_array_new_with_free_func ((GDestroyNotify) dav_response_free);
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      xmlNode *href = NULL;
      g_autofree char *href_text = NULL;
      DavResponse *response = NULL;

      if (!node_is (node, NS_DAV, "response"))
        continue;
      href = first_child (node, NS_DAV, "href");
      if (href == NULL)
        continue;

      href_text = node_text (href);
      response = g_new0 (DavResponse, 1);
      response->path = href_path (href_text);
      response->status = parse_status (first_child (node, NS_DAV, "status"));
      response->props = g_ptr_array_new_with_free_func ((GDestroyNotify) dav_prop_free);
      g_ptr_array_add (responses, response);

      for (xmlNode *propstat = node->children; propstat != NULL; propstat = propstat->next)
        {
          xmlNode *prop = NULL;
          guint status = 0;

          if (!node_is (propstat, NS_DAV, "propstat"))
            continue;
          status = parse_status (first_child (propstat, NS_DAV, "status"));
          prop = first_child (propstat, NS_DAV, "prop");
          if (prop == NULL)
            continue;
          for (xmlNode *child = prop->children; child != NULL; child = child->next)
            {
              DavProp *item = NULL;

              if (child->type != XML_ELEMENT_NODE)
                continue;
              item = g_new0 (DavProp, 1);
              item->ns = g_strdup (child->ns != NULL ? (const char *) child->ns->href : "");
              item->name = g_strdup ((const char *) child->name);
              item->text = node_text (child);
              item->status = status;
              g_ptr_array_add (response->props, item);
            }
        }
    }
  return g_steal_pointer (&responses);
}

/* The value of a property the server has (status 200), or NULL. */
static const char *
find_prop (DavResponse *response,
           const char  *ns,
           const char  *name)
{
  for (guint i = 0; i < response->props->len; i++)
    {
      DavProp *prop = g_ptr_array_index (response->props, i);

      if (prop->status == SOUP_STATUS_OK
          && g_str_equal (prop->ns, ns)
          && g_str_equal (prop->name, name))
        return prop->text;
    }
  return NULL;
}

/* Whether a WebDAV error body names the precondition @name. */
static gboolean
names_precondition (GBytes     *body,
                    const char *ns,
                    const char *name)
{
  g_autoptr (xmlDoc) doc = parse_xml (body);
  xmlNode *root = doc != NULL ? xmlDocGetRootElement (doc) : NULL;

  if (root == NULL || !node_is (root, NS_DAV, "error"))
    return FALSE;
  return first_child (root, ns, name) != NULL;
}

/* Request bodies */

static GBytes *
dump_xml (xmlDoc *doc)
{
  xmlChar *text = NULL;
  int size = 0;
  GBytes *bytes = NULL;

  xmlDocDumpMemoryEnc (doc, &text, &size, "UTF-8");
  bytes = g_bytes_new (text, size);
  xmlFree (text);
  return bytes;
}

/* The <set> (and <remove>, for "" values) of a MKCALENDAR or PROPPATCH. */
static GBytes *
calendar_properties_body (gboolean    mkcalendar,
                          const char *display_name,
                          const char *color,
                          const char *description)
{
  g_autoptr (xmlDoc) doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNode *root = xmlNewNode (NULL, (const xmlChar *) (mkcalendar ? "mkcalendar" : "propertyupdate"));
  xmlNs *dav = xmlNewNs (root, (const xmlChar *) NS_DAV, (const xmlChar *) "D");
  xmlNs *caldav = xmlNewNs (root, (const xmlChar *) NS_CALDAV, (const xmlChar *) "C");
  xmlNs *apple = xmlNewNs (root, (const xmlChar *) NS_APPLE, (const xmlChar *) "A");
  xmlNode *set_prop = NULL;
  xmlNode *remove_prop = NULL;
  struct
  {
    xmlNs      *ns;
    const char *name;
    const char *value;
  } values[] = {
    { dav, "displayname", display_name },
    { caldav, "calendar-description", description },
    { apple, "calendar-color", color },
  };

  xmlSetNs (root, mkcalendar ? caldav : dav);
  xmlDocSetRootElement (doc, root);
  set_prop = xmlNewChild (xmlNewChild (root, dav, (const xmlChar *) "set", NULL),
                          dav, (const xmlChar *) "prop", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      if (values[i].value == NULL)
        continue;
      if (values[i].value[0] != '\0')
        xmlNewTextChild (set_prop, values[i].ns, (const xmlChar *) values[i].name,
                         (const xmlChar *) values[i].value);
      else if (!mkcalendar)
        {
          if (remove_prop == NULL)
            remove_prop = xmlNewChild (xmlNewChild (root, dav, (const xmlChar *) "remove", NULL),
                                       dav, (const xmlChar *) "prop", NULL);
          xmlNewChild (remove_prop, values[i].ns, (const xmlChar *) values[i].name, NULL);
        }
    }

  if (mkcalendar)
    {
      xmlNode *set = xmlNewChild (set_prop, caldav,
                                  (const xmlChar *) "supported-calendar-component-set", NULL);

      xmlSetProp (xmlNewChild (set, caldav, (const xmlChar *) "comp", NULL),
                  (const xmlChar *) "name", (const xmlChar *) "VEVENT");
      xmlSetProp (xmlNewChild (set, caldav, (const xmlChar *) "comp", NULL),
                  (const xmlChar *) "name", (const xmlChar *) "VTODO");
    }

  return dump_xml (doc);
}

static const char propfind_etag[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop></D:propfind>\n";

static const char propfind_calendar[] =
  "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
  "<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"" NS_CALDAV "\" xmlns:A=\"" NS_APPLE "\">"
  "<D:prop><D:displayname/><C:calendar-description/><A:calendar-color/></D:prop>"
  "</D:propfind>\n";

/* Requests */

static SoupMessage *
new_message (SwCalDavClient  *self,
             const char      *method,
             const char      *path,
             GError         **error)
{
  g_autoptr (GUri) uri = resolve_uri (self, path, error);
  SoupMessage *msg = NULL;

  if (uri == NULL)
    return NULL;
  msg = soup_message_new_from_uri (method, uri);
  if (self->authorization != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Authorization", self->authorization);
  return msg;
}

static void
set_body (SoupMessage *msg,
          const char  *content_type,
          GBytes      *body)
{
  soup_message_set_request_body_from_bytes (msg, content_type, body);
}

static void
set_xml_body (SoupMessage *msg,
              const char  *text)
{
  g_autoptr (GBytes) body = g_bytes_new_static (text, strlen (text));

  set_body (msg, "application/xml; charset=utf-8", body);
}

static gboolean
on_accept_certificate (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  GTlsCertificateFlags *flags = user_data;

  *flags = errors;
  return FALSE;
}

static void
count_request (SwCalDavClient *self,
               const char     *method)
{
  g_atomic_int_inc (&self->n_requests);
  for (guint i = 0; i < N_COUNTED_METHODS; i++)
    if (g_str_equal (method, counted_methods[i]))
      g_atomic_int_inc (&self->n_by_method[i]);
}

/* Sends @msg; its answer's body, whatever the status, or NULL (and
 * @error) when no answer came. */
static GBytes *
send_message (SwCalDavClient  *self,
              SoupMessage     *msg,
              GCancellable    *cancellable,
              GError         **error)
{
  GTlsCertificateFlags tls_flags = 0;
  GError *local = NULL;
  GBytes *body = NULL;
  gulong handler = 0;

  handler = g_signal_connect (msg, "accept-certificate", G_CALLBACK (on_accept_certificate),
                              &tls_flags);
  count_request (self, soup_message_get_method (msg));
  body = soup_session_send_and_read (self->session, msg, cancellable, &local);
  g_signal_handler_disconnect (msg, handler);

  if (body == NULL)
    set_transport_error (self, error, local, tls_flags);
  return body;
}

static gboolean
status_is_success (SoupMessage *msg)
{
  return SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg));
}

static void
set_status_error (SwCalDavClient  *self,
                  SoupMessage     *msg,
                  GBytes          *body,
                  GError         **error)
{
  guint status = soup_message_get_status (msg);
  const char *method = soup_message_get_method (msg);
  const char *reason = soup_message_get_reason_phrase (msg);
  g_autofree char *path = message_path (msg);
  gboolean creates = g_str_equal (method, "MKCALENDAR") || g_str_equal (method, "MKCOL");
  gboolean reads = g_str_equal (method, "GET") || g_str_equal (method, "PROPFIND");
  /* A PUT that was to create the resource, not to change it. */
  gboolean creating = soup_message_headers_get_one (soup_message_get_request_headers (msg),
                                                    "If-None-Match") != NULL;

  if (reason == NULL || reason[0] == '\0')
    reason = soup_status_get_phrase (status);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    {
      if (self->authorization != NULL)
        g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_AUTH,
                     _("The calendar server %s did not accept the user name “%s” or its password"),
                     self->server, self->user);
      else
        g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_AUTH,
                     _("The calendar server %s asks for a user name and password for %s"),
                     self->server, path);
    }
  else if (status == SOUP_STATUS_FORBIDDEN && reads)
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_FORBIDDEN,
                 _("The calendar server %s does not allow this account to read %s"),
                 self->server, path);
  else if (status == SOUP_STATUS_FORBIDDEN)
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_FORBIDDEN,
                 _("The calendar server %s does not allow this account to change %s"),
                 self->server, path);
  else if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND,
                 _("The calendar server %s has nothing at %s"), self->server, path);
  else if (status == SOUP_STATUS_PRECONDITION_FAILED && creating)
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONFLICT,
                 _("%s exists on the calendar server %s already"), path, self->server);
  else if (status == SOUP_STATUS_PRECONDITION_FAILED)
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_CONFLICT,
                 _("%s on the calendar server %s was changed there since it was last read"),
                 path, self->server);
  else if ((status == SOUP_STATUS_METHOD_NOT_ALLOWED && creates)
           || (status == SOUP_STATUS_CONFLICT
               && names_precondition (body, NS_DAV, "resource-must-be-null")))
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_EXISTS,
                 _("The calendar server %s already has a collection at %s"), self->server, path);
  else if (status == SOUP_STATUS_CONFLICT
           && names_precondition (body, NS_CALDAV, "no-uid-conflict"))
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_UID_IN_USE,
                 _("Another event on the calendar server %s has the same UID as %s"),
                 self->server, path);
  else if (status == SOUP_STATUS_CONFLICT)
    /* RFC 4918: the collection that would hold the resource is missing. */
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_NOT_FOUND,
                 _("The calendar server %s has no collection to hold %s"), self->server, path);
  else if (status == SOUP_STATUS_BAD_REQUEST
           || status == SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
           || status == SOUP_STATUS_UNSUPPORTED_MEDIA_TYPE
           || status == SOUP_STATUS_UNPROCESSABLE_ENTITY)
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_REJECTED,
                 _("The calendar server %s refused what was sent for %s (HTTP %u %s)"),
                 self->server, path, status, reason);
  else if (SOUP_STATUS_IS_SERVER_ERROR (status))
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_SERVER,
                 _("The calendar server %s failed on %s (HTTP %u %s)"),
                 self->server, path, status, reason);
  else
    g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_FAILED,
                 _("The calendar server %s answered %s of %s unexpectedly (HTTP %u %s)"),
                 self->server, method, path, status, reason);
}

/* Sends @msg and checks that it succeeded; the body of the answer. */
static GBytes *
send_checked (SwCalDavClient  *self,
              SoupMessage     *msg,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr (GBytes) body = send_message (self, msg, cancellable, error);

  if (body == NULL)
    return NULL;
  if (!status_is_success (msg))
    {
      set_status_error (self, msg, body, error);
      return NULL;
    }
  return g_steal_pointer (&body);
}

/* A PROPFIND of @path; its responses. */
static GPtrArray *
propfind (SwCalDavClient  *self,
          const char      *path,
          const char      *depth,
          const char      *request,
          char           **out_path,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr (SoupMessage) msg = new_message (self, "PROPFIND", path, error);
  g_autoptr (GBytes) body = NULL;

  if (msg == NULL)
    return NULL;
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Depth", depth);
  set_xml_body (msg, request);
  body = send_checked (self, msg, cancellable, error);
  if (body == NULL)
    return NULL;
  if (soup_message_get_status (msg) != SOUP_STATUS_MULTI_STATUS)
    {
      set_status_error (self, msg, body, error);
      return NULL;
    }
  if (out_path != NULL)
    *out_path = message_path (msg);
  return parse_multistatus (self, msg, body, error);
}

/* The response about @path itself among @responses. */
static DavResponse *
find_response (GPtrArray  *responses,
               const char *path)
{
  for (guint i = 0; i < responses->len; i++)
    {
      DavResponse *response = g_ptr_array_index (responses, i);

      if (same_collection (response->path, path))
        return response;
    }
  return responses->len == 1 ? g_ptr_array_index (responses, 0) : NULL;
}

/* The ETag of @path, asked for by PROPFIND (for servers that do not send
 * one in the answer to a PUT or GET). */
static char *
fetch_etag (SwCalDavClient  *self,
            const char      *path,
            GCancellable    *cancellable,
            GError         **error)
{
  g_autofree char *target = NULL;
  g_autoptr (GPtrArray) responses = propfind (self, path, "0", propfind_etag, &target,
                                              cancellable, error);
  DavResponse *response = NULL;
  const char *etag = NULL;

  if (responses == NULL)
    return NULL;
  response = find_response (responses, target);
  etag = response != NULL ? find_prop (response, NS_DAV, "getetag") : NULL;
  if (etag == NULL || etag[0] == '\0')
    {
      g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_FAILED,
                   _("The calendar server %s gives no ETag for %s"), self->server, target);
      return NULL;
    }
  return g_strdup (etag);
}

/* @msg's ETag header, else the one a PROPFIND of @path finds. */
static gboolean
answer_etag (SwCalDavClient  *self,
             SoupMessage     *msg,
             const char      *path,
             char           **out_etag,
             GCancellable    *cancellable,
             GError         **error)
{
  const char *etag = soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag");

  if (out_etag == NULL)
    return TRUE;
  if (etag != NULL && etag[0] != '\0')
    {
      *out_etag = g_strdup (etag);
      return TRUE;
    }
  *out_etag = fetch_etag (self, path, cancellable, error);
  return *out_etag != NULL;
}

/* The public calls */

/**
 * sw_caldav_client_make_calendar:
 * @path: the new collection
 * @display_name: (nullable): its name in calendar applications
 * @color: (nullable): "#RRGGBB" or "#RRGGBBAA"
 * @description: (nullable): a line about it
 *
 * Makes a calendar collection for events and tasks (MKCALENDAR).  When
 * there is a collection at @path already, fails with
 * SW_CALDAV_ERROR_EXISTS (and changes nothing): use
 * sw_caldav_client_set_calendar_properties () then.
 */
gboolean
sw_caldav_client_make_calendar (SwCalDavClient  *self,
                                const char      *path,
                                const char      *display_name,
                                const char      *color,
                                const char      *description,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) request = NULL;
  g_autoptr (GBytes) body = NULL;

  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  msg = new_message (self, "MKCALENDAR", path, error);
  if (msg == NULL)
    return FALSE;
  request = calendar_properties_body (TRUE, display_name, color, description);
  set_body (msg, "application/xml; charset=utf-8", request);
  body = send_checked (self, msg, cancellable, error);
  return body != NULL;
}

/**
 * sw_caldav_client_set_calendar_properties:
 * @display_name: (nullable): the new name, NULL to leave it, "" to remove it
 * @color: (nullable): likewise
 * @description: (nullable): likewise
 *
 * Changes the properties of the collection at @path (PROPPATCH); fails
 * unless the server changed all of them.
 */
gboolean
sw_caldav_client_set_calendar_properties (SwCalDavClient  *self,
                                          const char      *path,
                                          const char      *display_name,
                                          const char      *color,
                                          const char      *description,
                                          GCancellable    *cancellable,
                                          GError         **error)
{
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) request = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GPtrArray) responses = NULL;

  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (display_name == NULL && color == NULL && description == NULL)
    return TRUE;

  msg = new_message (self, "PROPPATCH", path, error);
  if (msg == NULL)
    return FALSE;
  request = calendar_properties_body (FALSE, display_name, color, description);
  set_body (msg, "application/xml; charset=utf-8", request);
  body = send_checked (self, msg, cancellable, error);
  if (body == NULL)
    return FALSE;
  if (soup_message_get_status (msg) != SOUP_STATUS_MULTI_STATUS)
    return TRUE;

  responses = parse_multistatus (self, msg, body, error);
  if (responses == NULL)
    return FALSE;
  for (guint i = 0; i < responses->len; i++)
    {
      DavResponse *response = g_ptr_array_index (responses, i);

      for (guint j = 0; j < response->props->len; j++)
        {
          DavProp *prop = g_ptr_array_index (response->props, j);

          if (!SOUP_STATUS_IS_SUCCESSFUL (prop->status))
            {
              g_autofree char *target = message_path (msg);

              g_set_error (error, SW_CALDAV_ERROR,
                           prop->status == SOUP_STATUS_FORBIDDEN ? SW_CALDAV_ERROR_FORBIDDEN
                                                                 : SW_CALDAV_ERROR_FAILED,
                           _("The calendar server %s did not change the property “%s” of %s (HTTP %u)"),
                           self->server, prop->name, target, prop->status);
              return FALSE;
            }
        }
    }
  return TRUE;
}

/**
 * sw_caldav_client_get_calendar_properties:
 * @out_display_name: (out) (optional) (nullable): the name, NULL when it has none
 * @out_color: (out) (optional) (nullable): likewise
 * @out_description: (out) (optional) (nullable): likewise
 *
 * Reads the name, colour and description of the collection at @path
 * (PROPFIND, Depth 0).
 */
gboolean
sw_caldav_client_get_calendar_properties (SwCalDavClient  *self,
                                          const char      *path,
                                          char           **out_display_name,
                                          char           **out_color,
                                          char           **out_description,
                                          GCancellable    *cancellable,
                                          GError         **error)
{
  g_autofree char *target = NULL;
  g_autoptr (GPtrArray) responses = NULL;
  DavResponse *response = NULL;

  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  responses = propfind (self, path, "0", propfind_calendar, &target, cancellable, error);
  if (responses == NULL)
    return FALSE;
  response = find_response (responses, target);
  if (response == NULL)
    {
      g_set_error (error, SW_CALDAV_ERROR, SW_CALDAV_ERROR_FAILED,
                   _("The calendar server %s said nothing about %s"), self->server, target);
      return FALSE;
    }
  if (out_display_name != NULL)
    *out_display_name = g_strdup (find_prop (response, NS_DAV, "displayname"));
  if (out_color != NULL)
    *out_color = g_strdup (find_prop (response, NS_APPLE, "calendar-color"));
  if (out_description != NULL)
    *out_description = g_strdup (find_prop (response, NS_CALDAV, "calendar-description"));
  return TRUE;
}

static gboolean
delete_path (SwCalDavClient  *self,
             const char      *path,
             const char      *if_match,
             gboolean         collection,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr (SoupMessage) msg = new_message (self, "DELETE", path, error);
  g_autoptr (GBytes) body = NULL;

  if (msg == NULL)
    return FALSE;
  if (if_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-Match", if_match);
  if (collection)
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Depth", "infinity");
  body = send_message (self, msg, cancellable, error);
  if (body == NULL)
    return FALSE;
  /* Gone already is as good as removed. */
  if (status_is_success (msg) || soup_message_get_status (msg) == SOUP_STATUS_NOT_FOUND)
    return TRUE;
  set_status_error (self, msg, body, error);
  return FALSE;
}

/**
 * sw_caldav_client_delete_collection:
 *
 * Removes the collection at @path with everything in it; a collection
 * that is not there counts as removed.
 */
gboolean
sw_caldav_client_delete_collection (SwCalDavClient  *self,
                                    const char      *path,
                                    GCancellable    *cancellable,
                                    GError         **error)
{
  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return delete_path (self, path, NULL, TRUE, cancellable, error);
}

/**
 * sw_caldav_client_list:
 * @out_etags: (out) (transfer full): absolute plain path → ETag
 *
 * What the collection at @collection_path holds (PROPFIND, Depth 1): each
 * member's path with its ETag; the collection itself is left out.  A
 * missing collection is SW_CALDAV_ERROR_NOT_FOUND.
 */
gboolean
sw_caldav_client_list (SwCalDavClient  *self,
                       const char      *collection_path,
                       GHashTable     **out_etags,
                       GCancellable    *cancellable,
                       GError         **error)
{
  g_autofree char *target = NULL;
  g_autoptr (GPtrArray) responses = NULL;
  g_autoptr (GHashTable) etags = NULL;

  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (collection_path != NULL, FALSE);
  g_return_val_if_fail (out_etags != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  responses = propfind (self, collection_path, "1", propfind_etag, &target, cancellable, error);
  if (responses == NULL)
    return FALSE;

  etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < responses->len; i++)
    {
      DavResponse *response = g_ptr_array_index (responses, i);
      const char *etag = find_prop (response, NS_DAV, "getetag");

      if (same_collection (response->path, target) || etag == NULL)
        continue;
      g_hash_table_replace (etags, g_strdup (response->path), g_strdup (etag));
    }
  *out_etags = g_steal_pointer (&etags);
  return TRUE;
}

/**
 * sw_caldav_client_put:
 * @ics: an iCalendar object (one event or task)
 * @if_match: (nullable): the ETag the resource must still have, or NULL to
 *   create it: then it must not exist yet
 * @out_etag: (out) (optional): the resource's new ETag
 *
 * Stores @ics at @path.  When the resource has another ETag (or exists,
 * creating; or is gone, changing) the server keeps what it has and the
 * call fails with SW_CALDAV_ERROR_CONFLICT.
 */
gboolean
sw_caldav_client_put (SwCalDavClient  *self,
                      const char      *path,
                      GBytes          *ics,
                      const char      *if_match,
                      char           **out_etag,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) body = NULL;
  SoupMessageHeaders *headers = NULL;

  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (ics != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  msg = new_message (self, "PUT", path, error);
  if (msg == NULL)
    return FALSE;
  headers = soup_message_get_request_headers (msg);
  if (if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", if_match);
  else
    soup_message_headers_replace (headers, "If-None-Match", "*");
  set_body (msg, "text/calendar; charset=utf-8", ics);
  body = send_checked (self, msg, cancellable, error);
  if (body == NULL)
    return FALSE;
  return answer_etag (self, msg, path, out_etag, cancellable, error);
}

/**
 * sw_caldav_client_get:
 * @out_etag: (out) (optional): its ETag
 * @out_body: (out) (optional): its bytes, as the server keeps them
 *
 * Reads the resource at @path (a collection gives the whole calendar).
 */
gboolean
sw_caldav_client_get (SwCalDavClient  *self,
                      const char      *path,
                      char           **out_etag,
                      GBytes         **out_body,
                      GCancellable    *cancellable,
                      GError         **error)
{
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  msg = new_message (self, "GET", path, error);
  if (msg == NULL)
    return FALSE;
  body = send_checked (self, msg, cancellable, error);
  if (body == NULL)
    return FALSE;
  if (!answer_etag (self, msg, path, out_etag != NULL ? &etag : NULL, cancellable, error))
    return FALSE;
  if (out_etag != NULL)
    *out_etag = g_steal_pointer (&etag);
  if (out_body != NULL)
    *out_body = g_steal_pointer (&body);
  return TRUE;
}

/**
 * sw_caldav_client_delete:
 * @if_match: (nullable): the ETag the resource must still have, NULL for any
 *
 * Removes the resource at @path.  One that is gone already counts as
 * removed; one with another ETag stays, and the call fails with
 * SW_CALDAV_ERROR_CONFLICT.
 */
gboolean
sw_caldav_client_delete (SwCalDavClient  *self,
                         const char      *path,
                         const char      *if_match,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return delete_path (self, path, if_match, FALSE, cancellable, error);
}

/**
 * sw_caldav_client_resolve:
 *
 * The full URL of @path (plain text, relative to the base URL or
 * absolute), percent-encoded.
 */
char *
sw_caldav_client_resolve (SwCalDavClient  *self,
                          const char      *path,
                          GError         **error)
{
  g_autoptr (GUri) uri = NULL;

  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  uri = resolve_uri (self, path, error);
  if (uri == NULL)
    return NULL;
  /* The password never shows in a URL we hand out. */
  return g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD | G_URI_HIDE_USERINFO);
}

/**
 * sw_caldav_client_get_n_requests:
 *
 * How many HTTP requests the client has sent (answered or not).
 */
guint
sw_caldav_client_get_n_requests (SwCalDavClient *self)
{
  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), 0);

  return (guint) g_atomic_int_get (&self->n_requests);
}

/**
 * sw_caldav_client_get_n_requests_for:
 * @method: "GET", "PUT", "DELETE", "MKCALENDAR", "PROPFIND" or "PROPPATCH"
 *
 * How many requests of @method the client has sent; 0 for other methods.
 */
guint
sw_caldav_client_get_n_requests_for (SwCalDavClient *self,
                                     const char     *method)
{
  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), 0);
  g_return_val_if_fail (method != NULL, 0);

  for (guint i = 0; i < N_COUNTED_METHODS; i++)
    if (g_ascii_strcasecmp (method, counted_methods[i]) == 0)
      return (guint) g_atomic_int_get (&self->n_by_method[i]);
  return 0;
}

const char *
sw_caldav_client_get_base_url (SwCalDavClient *self)
{
  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), NULL);

  return self->base_url;
}

const char *
sw_caldav_client_get_user (SwCalDavClient *self)
{
  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), NULL);

  return self->user;
}

guint
sw_caldav_client_get_timeout (SwCalDavClient *self)
{
  g_return_val_if_fail (SW_IS_CALDAV_CLIENT (self), 0);

  return self->timeout;
}

/**
 * sw_caldav_client_set_timeout:
 * @seconds: how long a connection or an answer may take, 0 for ever
 *
 * Call before the first request, in the thread that made the client.
 */
void
sw_caldav_client_set_timeout (SwCalDavClient *self,
                              guint           seconds)
{
  g_return_if_fail (SW_IS_CALDAV_CLIENT (self));

  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  if (self->session != NULL)
    soup_session_set_timeout (self->session, seconds);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

/* GObject */

static void
sw_caldav_client_constructed (GObject *object)
{
  SwCalDavClient *self = SW_CALDAV_CLIENT (object);
  g_autofree char *with_slash = NULL;
  g_autoptr (GUri) uri = NULL;

  G_OBJECT_CLASS (sw_caldav_client_parent_class)->constructed (object);

  /* Relative paths go inside the base URL's folder. */
  if (self->base_url != NULL)
    {
      with_slash = g_str_has_suffix (self->base_url, "/") ? g_strdup (self->base_url)
                                                          : g_strconcat (self->base_url, "/", NULL);
      uri = g_uri_parse (with_slash, SOUP_HTTP_URI_FLAGS, NULL);
    }
  if (uri != NULL
      && (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0
          || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0)
      && g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0')
    {
      self->base_uri = g_steal_pointer (&uri);
      self->server = server_name (self->base_uri);
    }
  else
    self->server = g_strdup (self->base_url != NULL ? self->base_url : "");

  if (self->user != NULL && self->user[0] != '\0')
    {
      g_autofree char *secret = g_strdup_printf ("%s:%s", self->user,
                                                 self->password != NULL ? self->password : "");
      g_autofree char *encoded = g_base64_encode ((const guchar *) secret, strlen (secret));

      self->authorization = g_strconcat ("Basic ", encoded, NULL);
      memset (secret, 0, strlen (secret));
    }

  self->session = soup_session_new_with_options ("timeout", self->timeout,
                                                 "user-agent", "servweek/" PACKAGE_VERSION " ",
                                                 NULL);
  /* Basic authentication goes with every request; a 401 is an answer,
   * never a prompt for another try. */
  soup_session_remove_feature_by_type (self->session, SOUP_TYPE_AUTH_MANAGER);
}

static void
sw_caldav_client_finalize (GObject *object)
{
  SwCalDavClient *self = SW_CALDAV_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->base_uri, g_uri_unref);
  g_free (self->base_url);
  g_free (self->user);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  if (self->authorization != NULL)
    memset (self->authorization, 0, strlen (self->authorization));
  g_free (self->authorization);
  g_free (self->server);

  G_OBJECT_CLASS (sw_caldav_client_parent_class)->finalize (object);
}

static void
sw_caldav_client_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SwCalDavClient *self = SW_CALDAV_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_USER:
      g_value_set_string (value, self->user);
      break;
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_caldav_client_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  SwCalDavClient *self = SW_CALDAV_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      self->base_url = g_value_dup_string (value);
      break;
    case PROP_USER:
      self->user = g_value_dup_string (value);
      break;
    case PROP_PASSWORD:
      self->password = g_value_dup_string (value);
      break;
    case PROP_TIMEOUT:
      sw_caldav_client_set_timeout (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sw_caldav_client_class_init (SwCalDavClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sw_caldav_client_constructed;
  object_class->finalize = sw_caldav_client_finalize;
  object_class->get_property = sw_caldav_client_get_property;
  object_class->set_property = sw_caldav_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PASSWORD] =
    g_param_spec_string ("password", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 0, G_MAXUINT, DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_EXPLICIT_NOTIFY
                       | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sw_caldav_client_init (SwCalDavClient *self)
{
  self->timeout = DEFAULT_TIMEOUT;
}

/**
 * sw_caldav_client_new:
 * @base_url: the folder relative paths start from, e.g.
 *   "https://dav.example.cn/coordinator/"
 * @user: (nullable): the account, NULL to send no authentication
 * @password: (nullable): its password
 */
SwCalDavClient *
sw_caldav_client_new (const char *base_url,
                      const char *user,
                      const char *password)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (SW_TYPE_CALDAV_CLIENT,
                       "base-url", base_url,
                       "user", user,
                       "password", password,
                       NULL);
}
