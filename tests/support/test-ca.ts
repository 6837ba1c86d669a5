import { spawnSync } from 'node:child_process'
import { createHash, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A certificate authority made for one test run, and a server certificate it signed. */
export interface TestCertificates {
  /** The CA's certificate (PEM): what a client trusts. */
  ca: string
  /** The server's certificate (PEM), signed by the CA. */
  cert: string
  /** The server's private key (PEM). */
  key: string
  /** Files holding the three, for a server started from the command line. */
  files: { ca: string; cert: string; key: string }
  /**
   * base64 SHA-256 of the server certificate's public key, for Chromium's
   * `--ignore-certificate-errors-spki-list` (the one way to make it trust a test certificate).
   */
  spki: string
  remove(): void
}

function openssl(args: string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`)
}

/** The base64 SHA-256 of a certificate's SubjectPublicKeyInfo, as Chromium's SPKI list takes it. */
export function spkiHash(certPem: string): string {
  const spki = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(spki).digest('base64')
}

/**
 * Makes a test CA and a server certificate for `names` (host names and IP addresses; localhost
 * and 127.0.0.1 always), with Debian's openssl, in a temporary folder.
 */
export function makeTestCertificates(names: string[] = []): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'greenroom-ca-'))
  const all = [...new Set(['localhost', '127.0.0.1', ...names])]
  const altNames = all.map((name) => (/^[\d.]+$|:/.test(name) ? `IP:${name}` : `DNS:${name}`)).join(',')
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Greenroom test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign'
    ],
    dir
  )
  openssl(
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'server.key',
      '-out',
      'server.csr',
      '-subj',
      `/CN=${all[0]}`
    ],
    dir
  )
  writeFileSync(join(dir, 'server.ext'), `subjectAltName=${altNames}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`)
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-out',
      'server.pem',
      '-days',
      '2',
      '-extfile',
      'server.ext'
    ],
    dir
  )
  const files = { ca: join(dir, 'ca.pem'), cert: join(dir, 'server.pem'), key: join(dir, 'server.key') }
  const cert = readFileSync(files.cert, 'utf8')
  return {
    ca: readFileSync(files.ca, 'utf8'),
    cert,
    key: readFileSync(files.key, 'utf8'),
    files,
    spki: spkiHash(cert),
    remove: () => rmSync(dir, { recursive: true, force: true })
  }
}
