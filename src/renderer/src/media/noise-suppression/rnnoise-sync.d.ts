declare module '@jitsi/rnnoise-wasm/dist/rnnoise-sync.js' {
  /** Emscripten's module factory; the sync build has its wasm inlined and is ready on return. */
  const createRNNWasmModuleSync: () => unknown
  export default createRNNWasmModuleSync
}
