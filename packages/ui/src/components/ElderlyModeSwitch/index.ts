export { ElderlyModeSwitch, type ElderlyModeSwitchProps } from './ElderlyModeSwitch.js';
