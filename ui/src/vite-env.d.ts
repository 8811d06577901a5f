/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** `tauri` (default) or `mock`: which backend implementation the build includes. */
  readonly VITE_BACKEND: 'tauri' | 'mock';
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
