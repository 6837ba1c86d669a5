import { describe, expect, it } from 'vitest'
import { fileInside } from '../../../src/main/services/http/static-files'

// One rule for both servers that serve built files: the browser host (the app) and the
// signaling server (the guest's call page).
describe('a request path names a file inside the served folder, or nothing', () => {
  const root = '/srv/renderer'

  it('decodes the path and gives the file with the type it is sent as', () => {
    expect(fileInside(root, 'assets/index-abc.js')).toEqual({
      ok: true,
      file: '/srv/renderer/assets/index-abc.js',
      contentType: 'text/javascript; charset=utf-8'
    })
    expect(fileInside(root, 'my%20page.html')).toEqual({
      ok: true,
      file: '/srv/renderer/my page.html',
      contentType: 'text/html; charset=utf-8'
    })
    expect(fileInside(root, 'notes.xyz')).toEqual({ ok: true, file: '/srv/renderer/notes.xyz', contentType: undefined })
  })

  it('refuses a path that leads out of the folder, however it is spelled', () => {
    for (const path of ['../package.json', '%2e%2e/%2e%2e/etc/passwd', 'assets/../../x', '..%2fsecret', '../renderer-other/x.js']) {
      expect(fileInside(root, path), path).toEqual({ ok: false, refused: 'outside' })
    }
  })

  it('refuses a path that cannot be decoded', () => {
    expect(fileInside(root, 'assets/%E0%A4%A.js')).toEqual({ ok: false, refused: 'bad-address' })
  })
})
