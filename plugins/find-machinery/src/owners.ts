/** The `owners` collection: one machine and its owner, as the village cadre registered it. */
export const OWNERS = 'owners';
/** The store's largest page: one village registers far fewer machines than this. */
export const OWNERS_PAGE = 100;

export interface Owner {
  name: string;
  /** One of the config's types. */
  type: string;
  /** Free text, e.g. 每天 80 亩. */
  capacity: string;
  /** Digits only: an 11-digit mobile or a landline with its area code. */
  phone: string;
  area: string;
  available: boolean;
}
