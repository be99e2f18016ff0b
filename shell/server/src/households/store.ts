/** Households (户) and residents (村民) of a village: who lives where, and who may sign in. */

export interface Household {
  id: number;
  village: string;
  /** The household number within the village (户号), e.g. `0012`. */
  number: string;
  head: string;
  address: string | null;
  createdAt: string;
}

export interface Resident {
  id: number;
  householdId: number;
  name: string;
  /** Relation to the head of household: 户主, 配偶, 子女, 父母, 其他. */
  relation: string;
  phone: string | null;
  /** The resident's sign-in account, when they have one. */
  accountId: number | null;
  createdAt: string;
}

export interface HouseholdStore {
  migrate(): Promise<void>;
  createHousehold(h: Omit<Household, 'id' | 'createdAt'>): Promise<Household | 'exists'>;
  listHouseholds(
    village: string,
    page: { offset: number; limit: number },
  ): Promise<{ total: number; items: Household[] }>;
  getHousehold(village: string, id: number): Promise<Household | null>;
  /** The household of the village with this number (户号), if the register has it. */
  findByNumber(village: string, number: string): Promise<Household | null>;
  /** The households of the village whose head has this name (several when namesakes live there). */
  findByHead(village: string, head: string): Promise<Household[]>;
  addResident(r: Omit<Resident, 'id' | 'createdAt'>): Promise<Resident>;
  listResidents(householdId: number): Promise<Resident[]>;
}
