export { isValidPhone, normalizePhone, PhoneField, type PhoneFieldProps } from './PhoneField.js';
