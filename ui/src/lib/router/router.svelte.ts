/**
 * A small state-based router: a stack of screens. The app has no URLs to share or bookmark, so a stack
 * is all it needs; each screen pushed also adds a browser history entry, so Android's back button and a
 * browser's back go one screen back instead of leaving the app.
 */
export type Route =
  | { name: 'loading' }
  | { name: 'language' }
  | { name: 'who' }
  | { name: 'pin'; profileId: string }
  | { name: 'new-person' }
  | { name: 'home' }
  | { name: 'news' }
  | { name: 'requests' }
  | { name: 'new-request' }
  | { name: 'draft'; id: string }
  | { name: 'place'; draftId: string }
  | { name: 'people' }
  | { name: 'pair-show' }
  | { name: 'pair-enter' }
  | { name: 'learn' }
  | { name: 'lesson'; id: string }
  | { name: 'practise' }
  | { name: 'practice'; id: string }
  | { name: 'sessions' }
  | { name: 'session-new' }
  | { name: 'session'; id: string }
  | { name: 'session-edit'; id: string }
  | { name: 'session-add'; id: string }
  | { name: 'helped' }
  | { name: 'helped-request'; id: string }
  | { name: 'skills' }
  | { name: 'taken' }
  | { name: 'taken-check'; id: string };

export class Router {
  #stack = $state<Route[]>([{ name: 'loading' }]);
  readonly current: Route = $derived(this.#stack[this.#stack.length - 1]);
  readonly canGoBack: boolean = $derived(this.#stack.length > 1);

  #history: History | null;
  /** History entries we pushed that the browser still holds. */
  #pushed = 0;
  /** `popstate` events caused by our own `history.back()`, to ignore. */
  #ownPops = 0;
  #onPop = () => {
    if (this.#ownPops > 0) {
      this.#ownPops -= 1;
      return;
    }
    this.#pushed = Math.max(0, this.#pushed - 1);
    if (this.#stack.length > 1) this.#stack.pop();
  };

  constructor(history: History | null = typeof window === 'undefined' ? null : window.history) {
    this.#history = history;
    if (history) window.addEventListener('popstate', this.#onPop);
  }

  /** Opens a screen on top of the current one. */
  go(route: Route): void {
    this.#stack.push(route);
    if (this.#history) {
      this.#history.pushState({ mcommunity: this.#stack.length }, '');
      this.#pushed += 1;
    }
  }

  /** Replaces the current screen. */
  replace(route: Route): void {
    this.#stack[this.#stack.length - 1] = route;
  }

  /** Starts afresh at `route` (after changing person, say): nothing to go back to. */
  reset(route: Route): void {
    this.#stack = [route];
  }

  /** One screen back. */
  back(): void {
    if (this.#stack.length <= 1) return;
    this.#stack.pop();
    if (this.#history && this.#pushed > 0) {
      this.#pushed -= 1;
      this.#ownPops += 1;
      this.#history.back();
    }
  }

  destroy(): void {
    if (this.#history) window.removeEventListener('popstate', this.#onPop);
  }
}
