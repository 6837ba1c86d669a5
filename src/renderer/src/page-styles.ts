// All of Mantine's styles, loaded with the first page: the shell starts with only its own (main.tsx).
// The layer files keep every Mantine rule below app.css, whatever order the files arrive in.
import '@mantine/core/styles.layer.css'
