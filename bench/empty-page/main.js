// The baseline: the least a Vite page can do before its first interactive paint.
document.getElementById('root').textContent = 'ready'
requestAnimationFrame(() => performance.mark('greenroom:interactive'))
