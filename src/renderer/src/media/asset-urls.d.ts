// Vite's asset imports the media processors use: each gives the URL of a file built into the app.
declare module '*?url&no-inline' {
  const url: string
  export default url
}
declare module '*?worker&url' {
  const url: string
  export default url
}
