import { defineTile } from '@cunmen/sdk';
import { WastePickupTile } from './Tile.js';

export default defineTile(WastePickupTile);
