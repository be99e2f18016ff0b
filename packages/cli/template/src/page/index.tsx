import { definePage } from '@cunmen/sdk';
import { __COMPONENT__Page } from './Page.js';

export default definePage(__COMPONENT__Page);
