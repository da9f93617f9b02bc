// Vite's ambient types: lets main.tsx import the stylesheet the bundler handles.
/// <reference types="vite/client" />
