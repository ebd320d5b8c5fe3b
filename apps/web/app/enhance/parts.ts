import { PART_ATTRIBUTE } from './names';

/** Thrown when the markup lacks a part the script needs: that enhancement is skipped, the server's HTML stays as it is. */
export class MissingPartError extends Error {
  override name = 'MissingPartError';
}

/** The element of `root` with `data-part="<part>"`, of the expected kind. */
export function part<E extends Element>(root: Element, name: string, kind: abstract new () => E): E {
  const found = root.querySelector(`[${PART_ATTRIBUTE}="${name}"]`);
  if (!(found instanceof kind)) throw new MissingPartError(`No ${kind.name} with ${PART_ATTRIBUTE}="${name}" in the enhanced element`);
  return found;
}

/** The element of `root` with `data-part="<part>"`, or null when the markup has none. */
export function optionalPart(root: Element, name: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[${PART_ATTRIBUTE}="${name}"]`);
}

/** Every element of `root` with `data-part="<part>"`, in document order. */
export function parts(root: Element, name: string): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(`[${PART_ATTRIBUTE}="${name}"]`)];
}
