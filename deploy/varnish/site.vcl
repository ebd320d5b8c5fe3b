vcl 4.1;

# The caching proxy in front of the site: pages, feeds and the sitemap are
# kept as long as the site says (Cache-Control s-maxage), one copy per
# encoding the site serves (brotli, gzip, none), and purged by the site
# itself with the same purge as its own page cache: on every content change
# the CMS calls the site's POST /api/revalidate, which sends this proxy a
# BAN with a regular expression over the cached URLs (NUXT_PROXY_PURGE_URL,
# server/utils/page-cache/proxy-purge.ts). While the site cannot answer,
# the last copies are served for a day (grace).
#
# The backend (the site's address) is in backend.vcl, found through
# varnishd's vcl_path: deploy/varnish/backend.vcl for docker-compose; the
# benchmark writes its own. Run with `-p http_gzip_support=off`: the site
# compresses, and its brotli copies must reach browsers untouched.

import std;

include "backend.vcl";

# Who may purge: the site's instances (private networks, loopback).
acl purgers {
  "127.0.0.0"/8;
  "::1";
  "10.0.0.0"/8;
  "172.16.0.0"/12;
  "192.168.0.0"/16;
  "fc00::"/7;
}

sub vcl_recv {
  if (req.method == "BAN") {
    # Only from a purger connecting directly. Varnish has appended the peer's
    # address to X-Forwarded-For: a BAN relayed by a proxy (the edge nginx,
    # itself on a private network, refuses them anyway) carries the client's
    # address before it, which is no single address: refused.
    if (!client.ip ~ purgers || !std.ip(req.http.x-forwarded-for, "192.0.2.0") ~ purgers) {
      return (synth(403, "Forbidden"));
    }
    if (!req.http.x-ban-url) {
      return (synth(400, "Missing X-Ban-Url"));
    }
    ban("obj.http.x-url ~ " + req.http.x-ban-url);
    return (synth(200, "Banned"));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return (pass);
  }
  # An editor's preview (its signed token travels in the address, ?anteprima=),
  # and everything the site does not cache itself.
  if (req.url ~ "[?&]anteprima=" || req.url ~ "^/(api|anteprima|cerca|testimonianze/(invia|inviata|stato))([/?]|$)") {
    return (pass);
  }
  # Tracking parameters never change a page (the site ignores them too): one copy for all.
  set req.url = regsuball(req.url, "(?i)([?&])(utm_[a-z0-9_]*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|igsh|mc_cid|mc_eid|_ga|_gl|_hsenc|_hsmi|mkt_tok|srsltid)(=[^&]*)?(&|$)", "\1");
  set req.url = regsub(req.url, "[?&]+$", "");
  # One copy per encoding the site serves.
  if (req.http.Accept-Encoding ~ "(^|[,\s])br([,;\s]|$)" && req.http.Accept-Encoding !~ "br;\s*q=0(\.0*)?([,\s]|$)") {
    set req.http.Accept-Encoding = "br";
  } elsif (req.http.Accept-Encoding ~ "(^|[,\s])gzip([,;\s]|$)" && req.http.Accept-Encoding !~ "gzip;\s*q=0(\.0*)?([,\s]|$)") {
    set req.http.Accept-Encoding = "gzip";
  } else {
    unset req.http.Accept-Encoding;
  }
  # Pages are the same for everybody.
  unset req.http.Cookie;
  unset req.http.Authorization;
  return (hash);
}

sub vcl_hash {
  hash_data(req.url);
  if (req.http.Accept-Encoding) {
    hash_data(req.http.Accept-Encoding);
  }
  return (lookup);
}

sub vcl_backend_response {
  # What the ban expressions match on.
  set beresp.http.x-url = bereq.url;
  if (beresp.status >= 500 || beresp.status == 429 || beresp.http.Cache-Control ~ "(no-store|private)" || beresp.http.Set-Cookie) {
    set beresp.uncacheable = true;
    set beresp.ttl = 0s;
    return (deliver);
  }
  if (beresp.status == 404) {
    set beresp.ttl = 60s;
  }
  # Served while the site cannot answer (and while a new copy is fetched).
  set beresp.grace = 1d;
  return (deliver);
}

sub vcl_deliver {
  unset resp.http.x-url;
  if (obj.hits > 0) {
    set resp.http.x-proxy-cache = "HIT";
  } else {
    set resp.http.x-proxy-cache = "MISS";
  }
  unset resp.http.Via;
  unset resp.http.X-Varnish;
}
