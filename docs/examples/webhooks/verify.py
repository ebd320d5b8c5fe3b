"""Verifies the X-Chiudete-Signature header of a webhook from Chiudete i Call Center.

Standard library only (hmac, hashlib, re, time).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import time
from collections.abc import Sequence

_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SIGNATURE = re.compile(r"[0-9a-fA-F]{64}")


def verify(
    raw_body: bytes | str,
    header: str | Sequence[str] | None,
    secrets: str | Sequence[str],
    tolerance_seconds: float = 300,
) -> bool:
    """True when header signs raw_body (the bytes received, before any JSON
    parsing) with one of secrets (one, or the old and the new one during a
    rotation), less than tolerance_seconds ago. False, never an exception,
    for a missing or malformed header."""
    if isinstance(header, (list, tuple)) and all(isinstance(line, str) for line in header):
        header = ",".join(header)
    if not isinstance(header, str):
        return False
    timestamp = None
    given = []
    for part in header.split(","):
        key, separator, value = part.partition("=")
        if not separator:
            continue
        key, value = key.strip(" \t"), value.strip(" \t")
        if key == "t" and _TIMESTAMP.fullmatch(value):
            timestamp = int(value)
        elif key == "v1" and _SIGNATURE.fullmatch(value):
            given.append(value.lower())
    if timestamp is None or not given:
        return False
    if abs(time.time() - timestamp) > tolerance_seconds:
        return False
    body = raw_body.encode() if isinstance(raw_body, str) else raw_body
    signed = f"{timestamp}.".encode() + body
    for secret in [secrets] if isinstance(secrets, str) else secrets:
        if not secret:  # an unset secret must not verify anything
            continue
        expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
        if any(hmac.compare_digest(expected, signature) for signature in given):  # any v1 may match
            return True
    return False
