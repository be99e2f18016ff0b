export { buildApp, type ShellOptions } from './app.js';
