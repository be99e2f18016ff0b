export {
  type CunmenService,
  NGINX_TEMPLATE,
  type NginxSiteOptions,
  preparePrefix,
  renderNginxConfig,
} from './render.js';
