export { isValidPhone, PhoneField, type PhoneFieldProps } from './PhoneField.js';
