// MediaPipe's selfie segmentation as shipped in its npm package: the loader, its WebAssembly
// (with and without SIMD), the graph and both models, all built into the app as files.
// no-inline: even the tiny graph stays a file, since the policy allows fetching only the app's own.
import loaderUrl from '@mediapipe/selfie_segmentation/selfie_segmentation.js?url&no-inline'
import graphUrl from '@mediapipe/selfie_segmentation/selfie_segmentation.binarypb?url&no-inline'
import modelUrl from '@mediapipe/selfie_segmentation/selfie_segmentation.tflite?url&no-inline'
import landscapeModelUrl from '@mediapipe/selfie_segmentation/selfie_segmentation_landscape.tflite?url&no-inline'
import simdJsUrl from '@mediapipe/selfie_segmentation/selfie_segmentation_solution_simd_wasm_bin.js?url&no-inline'
import simdWasmUrl from '@mediapipe/selfie_segmentation/selfie_segmentation_solution_simd_wasm_bin.wasm?url&no-inline'
import jsUrl from '@mediapipe/selfie_segmentation/selfie_segmentation_solution_wasm_bin.js?url&no-inline'
import wasmUrl from '@mediapipe/selfie_segmentation/selfie_segmentation_solution_wasm_bin.wasm?url&no-inline'

export const MEDIAPIPE_LOADER_URL = loaderUrl

const FILES: Record<string, string> = {
  'selfie_segmentation.binarypb': graphUrl,
  'selfie_segmentation.tflite': modelUrl,
  'selfie_segmentation_landscape.tflite': landscapeModelUrl,
  'selfie_segmentation_solution_simd_wasm_bin.js': simdJsUrl,
  'selfie_segmentation_solution_simd_wasm_bin.wasm': simdWasmUrl,
  'selfie_segmentation_solution_wasm_bin.js': jsUrl,
  'selfie_segmentation_solution_wasm_bin.wasm': wasmUrl
}

/** MediaPipe asks for its files by name; each maps to the app's own copy, never a CDN. */
export function locateMediapipeFile(name: string): string {
  const url = FILES[name]
  if (!url) throw new Error(`Background blur asked for a file the app does not have: ${name}`)
  return new URL(url, document.baseURI).href
}
