import { describe, expect, it } from 'vitest';
import { createApp, createSSRApp, defineComponent, h, reactive, vModelCheckbox, vModelText, withDirectives } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { useFormValuesOnHydration } from '~/composables/lazyForms';

/** The state of the last Form set up. */
let state: { title: string; story: string; privacyAccepted: boolean } | undefined;

/** A form like the public ones: text, textarea and checkbox controls bound with v-model, found by their names. */
const Form = defineComponent({
  setup() {
    const values = reactive(useFormValuesOnHydration<{ title: string; story: string; privacyAccepted: boolean }>({ title: '', story: '', privacyAccepted: false }));
    state = values;
    return () => h('form', { id: 'modulo' }, [
      withDirectives(h('input', { 'name': 'title', 'onUpdate:modelValue': (value: string) => (values.title = value) }), [[vModelText, values.title]]),
      withDirectives(h('textarea', { 'name': 'story', 'onUpdate:modelValue': (value: string) => (values.story = value) }), [[vModelText, values.story]]),
      withDirectives(h('input', { 'type': 'checkbox', 'name': 'privacyAccepted', 'onUpdate:modelValue': (value: boolean) => (values.privacyAccepted = value) }), [[vModelCheckbox, values.privacyAccepted]]),
    ]);
  },
});

describe('useFormValuesOnHydration', () => {
  it('keeps what the reader typed in the server\'s form before it hydrated', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    container.innerHTML = await renderToString(createSSRApp(Form));
    // The reader types while the form's code loads.
    const form = container.querySelector('form')!;
    (form.elements.namedItem('title') as HTMLInputElement).value = 'Tre chiamate';
    (form.elements.namedItem('story') as HTMLTextAreaElement).value = 'Ho chiamato tre volte';
    (form.elements.namedItem('privacyAccepted') as HTMLInputElement).checked = true;

    createSSRApp(Form).mount(container);

    expect((form.elements.namedItem('title') as HTMLInputElement).value).toBe('Tre chiamate');
    expect((form.elements.namedItem('story') as HTMLTextAreaElement).value).toBe('Ho chiamato tre volte');
    expect((form.elements.namedItem('privacyAccepted') as HTMLInputElement).checked).toBe(true);
    expect(state).toEqual({ title: 'Tre chiamate', story: 'Ho chiamato tre volte', privacyAccepted: true });
    container.remove();
  });

  it('starts empty when the form is rendered in the browser, not hydrated', () => {
    const container = document.createElement('div');
    document.body.append(container);
    // No server HTML: a plain mount.
    createApp(Form).mount(container);
    expect(state).toEqual({ title: '', story: '', privacyAccepted: false });
    container.remove();
  });
});
