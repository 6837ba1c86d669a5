import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import { strictCspLoader } from './build/strict-csp'
import electronTypes from './node_modules/electron-types/package.json'

// Electron is an optional dependency (its binary cannot be downloaded everywhere), so the
// build reads the Electron major version from its matching types package: the output
// format and targets then never depend on whether the runtime happened to install.
process.env.ELECTRON_MAJOR_VER ??= electronTypes.version.split('.')[0]

export default defineConfig({
  main: {
    // @renderer/… and @shared/… come from the tsconfig files' `paths`: one declaration for the type checker and the bundles.
    resolve: { tsconfigPaths: true },
    build: {
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // Browser mode's host: the same core without Electron, run by plain Node.
          'browser-host': resolve(__dirname, 'src/main/browser-main.ts'),
          'demo-data': resolve(__dirname, 'src/main/demo-data-main.ts'),
          // The call rooms' signaling server on its own (`npm run signal`), run by plain Node.
          signal: resolve(__dirname, 'src/main/signal-main.ts')
        }
      }
    }
  },
  preload: {
    resolve: { tsconfigPaths: true },
    build: {
      // A sandboxed preload can require nothing but 'electron': bundle everything else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: { tsconfigPaths: true },
    plugins: [react(), strictCspLoader('browser-bridge.js', { headerPolicyPages: ['guest.html'] })],
    // The noise worklet is bundled like a worker; an AudioWorklet loads its code as a module.
    worker: { format: 'es' },
    build: {
      // Less to parse on every start. The app loads from disk, so one larger chunk is fine.
      minify: true,
      chunkSizeWarningLimit: 1500,
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          // The guest's call page, served by the signaling server at /join/<room> (no window.greenroom there).
          guest: resolve(__dirname, 'src/renderer/guest.html'),
          // Served only in browser mode, where it stands in for the preload.
          'browser-bridge': resolve(__dirname, 'src/preload/browser.ts')
        },
        output: {
          entryFileNames: (chunk) => (chunk.name === 'browser-bridge' ? '[name].js' : 'assets/[name]-[hash].js')
        }
      }
    }
  }
})
