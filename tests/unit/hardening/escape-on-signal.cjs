// Preloaded (node --require) into a built server process by processes.test.ts: on SIGUSR2
// it throws outside every handler and leaves a promise rejected unhandled, as a bug would.
process.on('SIGUSR2', () => {
  setImmediate(() => {
    throw new Error('thrown on purpose by the test')
  })
  void Promise.reject(new Error('rejected on purpose by the test'))
})
