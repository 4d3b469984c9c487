// The playground is static files: Vite bundles the app and the npm package's web build (the
// .wasm file is emitted beside the JS and fetched from the page's own origin).
import { fileURLToPath } from 'node:url';

import { defineConfig, type Plugin } from 'vite';

const PACKAGE = fileURLToPath(new URL('../bindings-wasm/pkg', import.meta.url));

// Only the page's own files, wasm compiled without eval, no inline script or style. Added to
// the built page only: Vite's dev server injects an inline client script.
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [contentSecurityPolicy()],
  resolve: {
    alias: { '@wetwire/gitlab-runner-config': `${PACKAGE}/web/index.js` },
  },
  // The codes' explanations are read from the engine's generated reference in docs/.
  server: { fs: { allow: ['.', PACKAGE, fileURLToPath(new URL('../docs', import.meta.url))] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
