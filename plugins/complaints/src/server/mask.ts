/** De-identification of what the public board shows (ID-card, mobile and bank-card numbers, names). */
import { maskPersonalData } from '@cunmen/pii';

export function maskText(text: string): string {
  return maskPersonalData(text);
}
