/**
 * Runs `tick` now and every `intervalMs` while the page is visible; stops while it is hidden (the
 * phone's screen off, the app in the background) and ticks again at once when it comes back. A tick
 * still running when the next is due is not started twice. Returns the function that stops it all.
 */
export function pollWhileVisible(tick: () => Promise<unknown>, intervalMs: number, doc: Document = document): () => void {
  let timer: ReturnType<typeof setInterval> | null = null;
  let running = false;
  let stopped = false;

  async function run() {
    if (running || stopped) return;
    running = true;
    try {
      await tick();
    } catch {
      // The caller decides what a failed tick means; polling goes on.
    } finally {
      running = false;
    }
  }

  function onVisibility() {
    if (doc.visibilityState === 'hidden') {
      if (timer !== null) clearInterval(timer);
      timer = null;
    } else if (timer === null && !stopped) {
      void run();
      timer = setInterval(() => void run(), intervalMs);
    }
  }

  doc.addEventListener('visibilitychange', onVisibility);
  onVisibility();

  return () => {
    stopped = true;
    doc.removeEventListener('visibilitychange', onVisibility);
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
}
