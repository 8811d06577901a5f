import { tick } from 'svelte';

/**
 * After a screen changed in place (next step, next page): once the DOM is updated, the top comes into
 * view and focus goes to the element carrying the attribute `mark`, the new screen's heading.
 */
export async function focusScreen(mark: string): Promise<void> {
  await tick();
  window.scrollTo?.(0, 0);
  document.querySelector<HTMLElement>(`[${mark}]`)?.focus({ preventScroll: true });
}
