/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

const API_TARGET = process.env.STORYLOOM_API ?? 'http://127.0.0.1:5000';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    proxy: { '/api': { target: API_TARGET, changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: API_TARGET, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Shared UI, hooks and helpers travel in one chunk with the shell, so opening a page
        // costs one request for its own code instead of a handful of tiny shared ones.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'shared', test: /[\\/]src[\\/](components|hooks|lib)[\\/]/ }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: false,
    setupFiles: ['./src/test/setup.js'],
    include: ['src/**/*.test.{js,jsx}'],
    css: false,
    restoreMocks: true,
    // Pages are lazy chunks: on a busy 2-core machine the first render of one can take seconds.
    testTimeout: 20_000,
  },
});
