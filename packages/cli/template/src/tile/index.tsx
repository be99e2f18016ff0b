import { defineTile } from '@cunmen/sdk';
import { __COMPONENT__Tile } from './Tile.js';

export default defineTile(__COMPONENT__Tile);
