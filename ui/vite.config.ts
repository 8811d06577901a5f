/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

/** The policy the app runs under (the Tauri build sets the same one in tauri.conf.json). */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Lesson and form pictures and sounds are Blob URLs made from the backend's bytes.
  "img-src 'self' blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The mock build runs in a plain browser, where nothing else sets a policy: put the same strict policy
 * in a <meta> so browser tests catch any inline style or script. The Tauri build leaves it to Tauri,
 * which adds its own IPC sources to the policy.
 */
function metaCsp(): Plugin {
  return {
    name: 'mcommunity-meta-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [svelte(), svelteTesting(), ...(mode === 'mock' ? [metaCsp()] : [])],
  // Relative asset paths: the same build works under Tauri and from any static server folder.
  base: './',
  clearScreen: false,
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  server: {
    // The port of src-tauri/tauri.conf.json `devUrl`.
    port: 5173,
    strictPort: true,
    // locales/ lives beside ui/, one level up.
    fs: { allow: ['..'] },
  },
  build: {
    outDir: mode === 'mock' ? 'dist-mock' : 'dist',
    emptyOutDir: true,
    // No data: URLs, so the policy needs no `data:` source.
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      // @tauri-apps/api's modules only define things (their enums are IIFEs Rollup cannot prove pure):
      // say so, so the mock build drops the Tauri bridge it never calls.
      treeshake: { moduleSideEffects: (id) => !id.includes('/node_modules/@tauri-apps/api/') },
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
}));
