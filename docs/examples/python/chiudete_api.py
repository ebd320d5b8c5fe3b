"""A partner's client of the «Chiudete i Call Center» public API, standard library only.

What docs/partners.md asks of a client, in about a hundred lines:
- a read-only token in `Authorization: Bearer …` (anonymous reads have a small budget);
- every page of a list (`pagination[page]`, until `pageCount`);
- conditional requests: the `ETag` of an answer sent back as `If-None-Match`,
  a 304 answered from the copy kept (no body, no cost);
- 429 and 503 waited out as `Retry-After` says, then asked again (a few times);
- incremental sync by the change time with a keyset cursor (the guide's
  «Incremental sync»);
- webhooks verified with ../webhooks/verify.py.

Python 3.9 or later. Run `python3 chiudete_api.py <CMS origin> [token]` for a
summary of what the API holds.
"""
from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any


class ApiError(Exception):
    """The API refused the request: `status`, and Strapi's error envelope `error` (message, details)."""

    def __init__(self, status: int, error: dict[str, Any]):
        super().__init__(f"{status} {error.get('name', '')}: {error.get('message', '')}")
        self.status = status
        self.error = error


class ChiudeteApi:
    def __init__(self, origin: str, token: str | None = None, user_agent: str = "partner-example/1.0", max_retries: int = 3):
        self.origin = origin.rstrip("/")
        self.token = token
        self.user_agent = user_agent
        self.max_retries = max_retries
        self._copies: dict[str, tuple[str, Any]] = {}  # URL -> (ETag, body)
        self.stats = {"requests": 0, "not_modified": 0, "waited_retry_after": 0}

    def get(self, path: str, params: list[tuple[str, str]] | None = None) -> Any:
        """GET /api/<path>?<params>: the decoded JSON body."""
        url = f"{self.origin}/api/{path}"
        if params:
            url += "?" + urllib.parse.urlencode(params)
        for attempt in range(self.max_retries + 1):
            request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": self.user_agent})
            if self.token:
                request.add_header("Authorization", f"Bearer {self.token}")
            copy = self._copies.get(url)
            if copy:
                request.add_header("If-None-Match", copy[0])
            self.stats["requests"] += 1
            try:
                with urllib.request.urlopen(request, timeout=20) as response:
                    body = json.load(response)
                    etag = response.headers.get("ETag")
                    if etag:
                        self._copies[url] = (etag, body)
                    return body
            except urllib.error.HTTPError as failure:
                if failure.code == 304 and copy:
                    self.stats["not_modified"] += 1
                    return copy[1]
                if failure.code in (429, 503) and attempt < self.max_retries:
                    self.stats["waited_retry_after"] += 1
                    time.sleep(min(float(failure.headers.get("Retry-After") or 1), 60))
                    continue
                try:
                    error = json.load(failure).get("error") or {}
                except (ValueError, AttributeError):
                    error = {}
                raise ApiError(failure.code, error) from None
        raise AssertionError("unreachable")

    def pages(self, collection: str, params: list[tuple[str, str]] | None = None, page_size: int = 100) -> Iterator[dict[str, Any]]:
        """Every entry of a list, page after page."""
        page = 1
        while True:
            body = self.get(collection, [*(params or []), ("pagination[page]", str(page)), ("pagination[pageSize]", str(page_size))])
            yield from body["data"]
            if page >= body["meta"]["pagination"]["pageCount"]:
                return
            page += 1

    @staticmethod
    def cursor_of(entry: dict[str, Any], change_field: str) -> str:
        """The cursor to store once `entry` is processed: "<time>|<documentId>",
        the same string as the typed client's `changes.cursor`."""
        return f"{entry[change_field]}|{entry['documentId']}"

    def since(self, collection: str, change_field: str, cursor: str | tuple[str, str] | None = None, page_size: int = 100) -> Iterator[dict[str, Any]]:
        """Entries changed after `cursor`, oldest first.

        `cursor`: None for everything; an ISO 8601 time (entries changed
        strictly after it); or a stored cursor, "<time>|<documentId>" as
        `cursor_of` (and the typed client) give it, or a (time, documentId)
        tuple. `change_field` is `publishedAt` for the types editors publish,
        `updatedAt` for the others. Store `cursor_of(entry, change_field)` of
        the last entry processed and pass it next time."""
        if isinstance(cursor, str):
            time_part, _, id_part = cursor.partition("|")
            cursor = (time_part, id_part) if id_part else (time_part, "")
        while True:
            if cursor is None:
                bound = [(f"filters[{change_field}][$notNull]", "true")]
            elif not cursor[1]:
                bound = [(f"filters[{change_field}][$gt]", cursor[0])]
            else:
                time_, document_id = cursor
                bound = [
                    (f"filters[$or][0][{change_field}][$gt]", time_),
                    (f"filters[$or][1][{change_field}][$eq]", time_),
                    ("filters[$or][1][documentId][$gt]", document_id),
                ]
            params = [*bound, ("sort[0]", f"{change_field}:asc"), ("sort[1]", "documentId:asc"), ("pagination[pageSize]", str(page_size))]
            body = self.get(collection, params)
            entries = body["data"]
            for entry in entries:
                yield entry
                cursor = (entry[change_field], entry["documentId"])
            # Compared with the size served: the API caps a larger pageSize to 100.
            if len(entries) < body["meta"]["pagination"]["pageSize"]:
                return


if __name__ == "__main__":
    api = ChiudeteApi(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
    summary = {name: sum(1 for _ in api.pages(name, [("populate", "")])) for name in ("articles", "testimonies", "answers", "videos")}
    print(json.dumps(summary))
