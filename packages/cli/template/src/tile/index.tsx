import { defineTile } from '@cunmen/sdk';
import { TemplateWidgetTile } from './Tile.js';

export default defineTile(TemplateWidgetTile);
