import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { PREVIEW_FRAME_SIGNAL_TYPE, previewSignalScript } from './preview-types';

/** Runs the signal's script as a framed page would, and returns what it posted and whether a `strapiUpdate` reloads it. */
function runFramed(attributes: Record<string, string>, framed = true) {
  const posted: unknown[] = [];
  const listeners: ((event: { source: unknown; data: unknown }) => void)[] = [];
  let reloaded = 0;
  const parent = { postMessage: (message: unknown, target: string) => { expect(target).toBe('*'); posted.push(message); } };
  const window: Record<string, unknown> = {
    location: { reload: () => { reloaded += 1; } },
    addEventListener: (type: string, listener: (event: { source: unknown; data: unknown }) => void) => { if (type === 'message') listeners.push(listener); },
  };
  window.parent = framed ? parent : window;
  const document = { currentScript: { getAttribute: (name: string) => attributes[name] ?? null } };
  runInNewContext(previewSignalScript(), { window, document });
  const send = (source: unknown, data: unknown) => { for (const listener of listeners) listener({ source, data }); };
  return { posted, send, parent, reloads: () => reloaded };
}

describe('the preview frame signal script', () => {
  it('tells the admin a preview page is ready, and reloads when the admin says the entry was saved', () => {
    const page = runFramed({ 'data-stato': 'pronta' });
    expect(page.posted).toEqual([{ type: PREVIEW_FRAME_SIGNAL_TYPE, stato: 'pronta', motivo: undefined }]);
    page.send({}, { type: 'strapiUpdate' });
    expect(page.reloads(), 'a message from another window').toBe(0);
    page.send(page.parent, { type: 'other' });
    expect(page.reloads()).toBe(0);
    page.send(page.parent, { type: 'strapiUpdate' });
    expect(page.reloads()).toBe(1);
  });

  it('tells the admin why a preview was refused, and does not listen for saves', () => {
    const page = runFramed({ 'data-stato': 'rifiutata', 'data-motivo': 'scaduta' });
    expect(page.posted).toEqual([{ type: PREVIEW_FRAME_SIGNAL_TYPE, stato: 'rifiutata', motivo: 'scaduta' }]);
    page.send(page.parent, { type: 'strapiUpdate' });
    expect(page.reloads()).toBe(0);
  });

  it('says nothing when the page is not framed', () => {
    expect(runFramed({ 'data-stato': 'pronta' }, false).posted).toEqual([]);
  });
});
