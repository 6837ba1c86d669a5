// simple-peer and its streams expect Node's Buffer, process and global: give the page
// the browser builds of them before simple-peer loads.
import { Buffer } from 'buffer'
import process from 'process'

const scope = globalThis as unknown as Record<string, unknown>
scope.global ??= globalThis
scope.Buffer ??= Buffer
scope.process ??= process
