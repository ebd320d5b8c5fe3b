import { PARTS } from './names';
import { part } from './parts';

/**
 * The click-to-load YouTube player (VideoEmbed.vue). Without JavaScript the
 * play control is a plain link to the video on YouTube. With it, a click
 * puts the privacy-enhanced player (youtube-nocookie.com, written by the
 * server in an inert `<template>`) in place of our poster and the link, and
 * moves the focus to it: nothing is requested from YouTube before the click.
 * A click with a modifier (new tab, new window) is left to the browser.
 */
const NAMES = PARTS['video-player'];

export function enhanceVideoPlayer(root: HTMLElement): void {
  const play = part(root, NAMES.play, HTMLAnchorElement);
  const player = part(root, NAMES.player, HTMLTemplateElement);
  const frame = play.parentElement;
  if (!frame) return;

  play.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const iframe = player.content.querySelector('iframe');
    if (!iframe) return;
    event.preventDefault();
    const live = document.importNode(iframe, true);
    frame.replaceChildren(live);
    // The link is gone: keep the keyboard focus on the player that replaced it.
    live.focus();
  });
}
