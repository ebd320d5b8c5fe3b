# The site, as the proxy reaches it in docker-compose.yml.
backend site {
  .host = "web";
  .port = "3000";
  .connect_timeout = 2s;
  .first_byte_timeout = 5s;
  .between_bytes_timeout = 5s;
  .probe = {
    .url = "/robots.txt";
    .interval = 5s;
    .timeout = 2s;
    .window = 5;
    .threshold = 3;
  }
}
