/**
 * The one bridge between the UI and Rust, and the only module that imports `@tauri-apps/*` (through
 * `tauri.ts` and `bindings.ts`). Components get the backend from context (`lib/app/context.ts`), so
 * tests give them a mock.
 *
 * The build mode picks the implementation: `VITE_BACKEND` is replaced at build time, so the real build
 * holds no mock code and the mock build no Tauri code.
 */
import { createMockBackend, type MockBackend } from './mock';
import { createTauriBackend } from './tauri';
import type { Backend } from './types';

export * from './types';

declare global {
  interface Window {
    /** Mock builds only: lets browser tests inject failures and reset the data. */
    __mcommunityMock?: MockBackend['control'];
  }
}

export function defaultBackend(): Backend {
  if (import.meta.env.VITE_BACKEND === 'mock') {
    const mock = createMockBackend({ storage: window.localStorage });
    window.__mcommunityMock = mock.control;
    return mock;
  }
  return createTauriBackend();
}
