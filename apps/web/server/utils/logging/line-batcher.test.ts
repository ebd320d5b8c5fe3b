import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { lineBatcher } from './line-batcher';

function recorder() {
  const writes: string[] = [];
  return { writes, stream: { write: (text: string) => writes.push(text) > 0 } };
}

describe('lineBatcher', () => {
  it('writes the lines of one turn of the event loop in one write, in order', async () => {
    const { writes, stream } = recorder();
    const batcher = lineBatcher(stream);
    batcher.write('a\n');
    batcher.write('b\n');
    batcher.write('c\n');
    expect(writes).toEqual([]);
    await nextTurn();
    expect(writes).toEqual(['a\nb\nc\n']);
  });

  it('writes a lone line at the next turn, not when more arrive', async () => {
    const { writes, stream } = recorder();
    const batcher = lineBatcher(stream);
    batcher.write('alone\n');
    await nextTurn();
    expect(writes).toEqual(['alone\n']);
    batcher.write('later\n');
    await nextTurn();
    expect(writes).toEqual(['alone\n', 'later\n']);
  });

  it('flushes what it holds at once, and then writes nothing twice', async () => {
    const { writes, stream } = recorder();
    const batcher = lineBatcher(stream);
    batcher.write('x\n');
    batcher.flush();
    expect(writes).toEqual(['x\n']);
    await nextTurn();
    expect(writes).toEqual(['x\n']);
  });
});
