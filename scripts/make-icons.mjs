// Makes every app icon from one source image, resources/icon.svg: the PNGs for Linux, the .ico
// for Windows and the .icns for macOS in build/, and the page's favicon. Chromium draws the SVG
// at each size (the same Debian Chromium the tests use; CHROME_PATH to pick another). Run it
// after changing the source image and commit what it writes: `npm run dist` only reads them.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { icnsFromPngs, icoFromPngs, pngSize } from '../build/icon-files.mjs'

const root = new URL('..', import.meta.url).pathname
const source = join(root, 'resources/icon.svg')
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
const SIZES = [...new Set([...LINUX_SIZES, ...ICO_SIZES, 1024])].sort((a, b) => a - b)

const svg = readFileSync(source, 'utf8')
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' })
const pngs = new Map()
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size })
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
    const style = '<style>html,body{margin:0;background:transparent}img{display:block}</style>'
    await page.setContent(`${style}<img src="${src}" width="${size}" height="${size}">`)
    await page.locator('img').evaluate((img) => img.decode())
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } })
    const { width, height } = pngSize(png)
    if (width !== size || height !== size) throw new Error(`icon: drew ${width}x${height} for ${size}px`)
    pngs.set(size, png)
  }
} finally {
  await browser.close()
}

const build = join(root, 'build')
mkdirSync(join(build, 'icons'), { recursive: true })
for (const size of LINUX_SIZES) writeFileSync(join(build, 'icons', `${size}x${size}.png`), pngs.get(size))
writeFileSync(join(build, 'icon.png'), pngs.get(1024))
writeFileSync(join(build, 'icon.ico'), icoFromPngs(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))))
writeFileSync(join(build, 'icon.icns'), icnsFromPngs(pngs))
copyFileSync(source, join(root, 'src/renderer/public/greenroom.svg'))
console.log(`Icons made from resources/icon.svg: ${SIZES.join(', ')} px, icon.ico, icon.icns`)
