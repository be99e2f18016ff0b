export { type RadioGroupProps, type RadioOption, RadioGroup } from './RadioGroup.js';
