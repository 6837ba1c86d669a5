import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs build helper without types
import { ICNS_TYPES, icnsFromPngs, icoFromPngs, pngSize } from '../../../build/icon-files.mjs'

const build = join(__dirname, '../../../build')
const read = (name: string) => readFileSync(join(build, name))

/** The images inside a Windows .ico: their declared size and the PNG's own. */
function icoImages(ico: Buffer) {
  const count = ico.readUInt16LE(4)
  return Array.from({ length: count }, (_, index) => {
    const entry = 6 + 16 * index
    const png = ico.subarray(ico.readUInt32LE(entry + 12), ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8))
    return { declared: ico[entry] || 256, ...pngSize(png) }
  })
}

/** The chunks of a macOS .icns: type code and the PNG's size. */
function icnsChunks(icns: Buffer) {
  const chunks: { type: string; width: number }[] = []
  for (let offset = 8; offset < icns.readUInt32BE(4); offset += icns.readUInt32BE(offset + 4)) {
    chunks.push({ type: icns.toString('ascii', offset, offset + 4), width: pngSize(icns.subarray(offset + 8)).width })
  }
  return chunks
}

describe('the app icons made from resources/icon.svg (npm run icons)', () => {
  it('give Linux a PNG at every size it asks for', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(read(`icons/${size}x${size}.png`)), `${size}`).toEqual({ width: size, height: size })
    }
    expect(pngSize(read('icon.png'))).toEqual({ width: 1024, height: 1024 })
  })

  it('give Windows an .ico from 16 to 256 pixels, each image the size it claims', () => {
    const images = icoImages(read('icon.ico'))
    expect(images.map((image) => image.declared)).toEqual([16, 24, 32, 48, 64, 128, 256])
    for (const image of images) expect(image.width).toBe(image.declared)
  })

  it('give macOS an .icns with every Retina pair', () => {
    const chunks = icnsChunks(read('icon.icns'))
    expect(chunks.map((chunk) => chunk.type)).toEqual(ICNS_TYPES.map(([type]: [string]) => type))
    for (const chunk of chunks) expect(chunk.width, chunk.type).toBe(ICNS_TYPES.find(([type]: [string]) => type === chunk.type)![1])
  })

  it('pack any PNG the same way the files on disk were packed', () => {
    const png = read('icons/16x16.png')
    expect(icoImages(icoFromPngs([{ size: 16, png }]))).toEqual([{ declared: 16, width: 16, height: 16 }])
    expect(() => icnsFromPngs(new Map([[16, png]]))).toThrow(/no 32px image/)
  })
})
