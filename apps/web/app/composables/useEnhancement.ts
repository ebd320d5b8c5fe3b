import { enhanceScriptSrc } from '#build/enhance-script.mjs';
import { ENHANCE_ATTRIBUTE, type Enhancement } from '~/enhance/names';

/**
 * A component of a page that ships no Vue (issue #10) whose markup the
 * enhancement script (app/enhance/) makes interactive: adds the script to the
 * page once, and returns the attribute that marks the component's root
 * (`v-bind` it there). The component renders what works without JavaScript;
 * the script, and only the script, adds the behaviour. Not for hydrated pages
 * (the forms): there Vue owns the DOM.
 */
export function useEnhancement(name: Enhancement): Record<typeof ENHANCE_ATTRIBUTE, Enhancement> {
  const { baseURL } = useRuntimeConfig().app;
  useHead({ script: [{ key: 'enhance-script', type: 'module', src: `${baseURL.replace(/\/$/, '')}${enhanceScriptSrc}` }] });
  return { [ENHANCE_ATTRIBUTE]: name };
}
