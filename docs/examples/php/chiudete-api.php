<?php
/**
 * A partner's client of the «Chiudete i Call Center» public API in plain PHP
 * (7.4 or later, no extension beyond the defaults): what a WordPress plugin
 * or any PHP site needs to show the latest testimonies or articles with the
 * attribution the partner guide asks for.
 *
 * - a read-only token in `Authorization: Bearer …`;
 * - every page of a list (`pagination[page]` until `pageCount`);
 * - conditional requests: the `ETag` sent back as `If-None-Match`, a 304
 *   answered from the copy kept (keep the copies in a transient or a cache);
 * - 429 and 503 waited out as `Retry-After` says, a few times;
 * - webhooks verified (`chiudete_verify_webhook`): any `v1`, several secrets
 *   during a rotation, false (never an exception) for a bad header.
 */

final class ChiudeteApiError extends RuntimeException
{
    /** @var array<string, mixed> Strapi's error envelope: name, message, details. */
    public $error;

    public function __construct(int $status, array $error)
    {
        parent::__construct($status . ' ' . ($error['name'] ?? '') . ': ' . ($error['message'] ?? ''), $status);
        $this->error = $error;
    }
}

final class ChiudeteApi
{
    /** @var array<string, array{0: string, 1: mixed}> URL => [ETag, body] */
    private $copies = [];
    /** @var array<string, int> */
    public $stats = ['requests' => 0, 'not_modified' => 0, 'waited_retry_after' => 0];

    /** @var string */
    private $origin;
    /** @var string|null */
    private $token;

    public function __construct(string $origin, ?string $token = null)
    {
        $this->origin = rtrim($origin, '/');
        $this->token = $token;
    }

    /** GET /api/<path>?<query>: the decoded JSON body. */
    public function get(string $path, array $query = [])
    {
        $url = $this->origin . '/api/' . $path . ($query ? '?' . http_build_query($query) : '');
        for ($attempt = 0; ; $attempt++) {
            $headers = ['Accept: application/json', 'User-Agent: partner-example-php/1.0'];
            if ($this->token) $headers[] = 'Authorization: Bearer ' . $this->token;
            $copy = $this->copies[$url] ?? null;
            if ($copy) $headers[] = 'If-None-Match: ' . $copy[0];
            $context = stream_context_create(['http' => ['method' => 'GET', 'header' => implode("\r\n", $headers), 'ignore_errors' => true, 'timeout' => 20]]);
            $this->stats['requests']++;
            $body = @file_get_contents($url, false, $context);
            if ($body === false) throw new ChiudeteApiError(0, ['name' => 'NetworkError', 'message' => 'the CMS did not answer']);
            [$status, $answer] = self::parseHeaders($http_response_header ?? []);
            if ($status === 304 && $copy) {
                $this->stats['not_modified']++;
                return $copy[1];
            }
            if (($status === 429 || $status === 503) && $attempt < 3) {
                $this->stats['waited_retry_after']++;
                sleep(min(60, max(1, (int) ($answer['retry-after'] ?? 1))));
                continue;
            }
            $decoded = json_decode($body, true);
            if ($status >= 400) throw new ChiudeteApiError($status, is_array($decoded['error'] ?? null) ? $decoded['error'] : []);
            if (isset($answer['etag'])) $this->copies[$url] = [$answer['etag'], $decoded];
            return $decoded;
        }
    }

    /** Every entry of a list, page after page. */
    public function all(string $collection, array $query = [], int $pageSize = 100): array
    {
        $entries = [];
        for ($page = 1; ; $page++) {
            $body = $this->get($collection, $query + ['pagination' => ['page' => $page, 'pageSize' => $pageSize]]);
            array_push($entries, ...$body['data']);
            if ($page >= $body['meta']['pagination']['pageCount']) return $entries;
        }
    }

    /** @return array{0: int, 1: array<string, string>} the status of the last answer (after redirects) and its headers, lower-case. */
    private static function parseHeaders(array $lines): array
    {
        $status = 0;
        $headers = [];
        foreach ($lines as $line) {
            if (preg_match('#^HTTP/\S+\s+(\d{3})#', $line, $match)) {
                $status = (int) $match[1];
                $headers = [];
            } elseif (strpos($line, ':') !== false) {
                [$name, $value] = explode(':', $line, 2);
                $headers[strtolower(trim($name))] = trim($value);
            }
        }
        return [$status, $headers];
    }
}

/**
 * True when $header (X-Chiudete-Signature) signs $rawBody (the bytes received)
 * with one of $secrets, less than $toleranceSeconds ago.
 *
 * @param string|string[] $secrets
 */
function chiudete_verify_webhook(string $rawBody, ?string $header, $secrets, int $toleranceSeconds = 300): bool
{
    if (!is_string($header) || $header === '') return false;
    $timestamp = null;
    $given = [];
    foreach (explode(',', $header) as $part) {
        $pair = explode('=', $part, 2);
        if (count($pair) !== 2) continue;
        [$key, $value] = [trim($pair[0], " \t"), trim($pair[1], " \t")];
        if ($key === 't' && preg_match('/^[0-9]{1,12}$/', $value)) $timestamp = (int) $value;
        elseif ($key === 'v1' && preg_match('/^[0-9a-fA-F]{64}$/', $value)) $given[] = strtolower($value);
    }
    if ($timestamp === null || !$given || abs(time() - $timestamp) > $toleranceSeconds) return false;
    foreach ((array) $secrets as $secret) {
        if (!is_string($secret) || $secret === '') continue;
        $expected = hash_hmac('sha256', $timestamp . '.' . $rawBody, $secret);
        foreach ($given as $signature) {
            if (hash_equals($expected, $signature)) return true;
        }
    }
    return false;
}

/**
 * The latest testimonies as HTML, with the attribution the guide asks for:
 * the source named, a link to the original page, the teller's display name.
 */
function chiudete_latest_testimonies_html(ChiudeteApi $api, int $count = 3, string $site = 'https://chiudeteicallcenter.eu'): string
{
    $list = $api->get('testimonies', ['sort' => 'publishedAt:desc', 'fields' => ['title', 'slug', 'displayName'], 'pagination' => ['pageSize' => $count]]);
    $e = static function (string $text): string { return htmlspecialchars($text, ENT_QUOTES | ENT_HTML5, 'UTF-8'); };
    $items = '';
    foreach ($list['data'] as $testimony) {
        $url = $site . '/testimonianze/' . rawurlencode($testimony['slug']);
        $items .= '<li><a href="' . $e($url) . '">' . $e($testimony['title']) . '</a> — ' . $e((string) $testimony['displayName']) . '</li>';
    }
    return '<ul class="chiudete-testimonianze">' . $items . '</ul>'
        . '<p>Fonte: <a href="' . $e($site) . '">«Chiudete i Call Center»</a></p>';
}
