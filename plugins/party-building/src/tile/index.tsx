import { defineTile } from '@cunmen/sdk';
import { PartyTile } from './Tile.js';

export default defineTile(PartyTile);
