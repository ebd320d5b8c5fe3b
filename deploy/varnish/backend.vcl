# The site, as the proxy reaches it in docker-compose.yml.
backend site {
  .host = "web";
  .port = "3000";
  .connect_timeout = 2s;
  # Above the site's render timeout (NUXT_PAGE_CACHE_RENDER_TIMEOUT_MS, 10 s): a slow render
  # gets the site's own answer (a stale copy, its error page), not Varnish's 503.
  .first_byte_timeout = 12s;
  .between_bytes_timeout = 5s;
  .probe = {
    .url = "/robots.txt";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
  }
}
