export { CAPABILITIES, CAPABILITY_IDS, type Capability, capabilitySchema, isCapability } from './capabilities.js';
export { isSlotId, SLOT_DESCRIPTIONS, SLOT_IDS, type SlotId, slotIdSchema } from './slots.js';
