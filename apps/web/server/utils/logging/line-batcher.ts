/**
 * Lines written to a stream once per turn of the event loop: the request
 * lines of a busy server (one per answer) go out in one write instead of
 * one each. On Linux a write to a pipe (Docker's stdout) is a synchronous
 * system call, and one per request cost a third of a bare server's
 * throughput on a cached page (docs/benchmarks/uncached-pages.md). Lines
 * stay in order and wait for one turn at most; `flush` writes what is held
 * (at exit). A library like sonic-boom would hold lines until a size is
 * reached, or write from libuv's thread pool: here a quiet server's line
 * still goes out at once.
 */
export interface LineBatcher {
  write(line: string): void;
  flush(): void;
}

export function lineBatcher(stream: Pick<NodeJS.WritableStream, 'write'>): LineBatcher {
  let held: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (held.length === 0) return;
    const text = held.join('');
    held = [];
    stream.write(text);
  };
  return {
    write(line) {
      held.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
