/**
 * The operations endpoints' own codes. They answer with the one error body of `@cunmen/errors` whatever
 * error handler the host service installed, so a probe or a scraper reads the same shape everywhere.
 */
import { defineErrors } from '@cunmen/errors';

export const OPS_DOCS_PAGE = '/docs/province/run-for-a-province';

export const opsErrors = defineErrors('OPS', OPS_DOCS_PAGE, {
  OPS_ERR_NOT_READY: {
    status: 503,
    en: 'a dependency of this instance does not answer',
    zh: '本实例依赖的服务暂不可用',
  },
  OPS_ERR_SHUTTING_DOWN: {
    status: 503,
    en: 'this instance is shutting down',
    zh: '本实例正在停止',
  },
  OPS_ERR_METRICS_TOKEN: {
    status: 401,
    en: 'the metrics need the bearer token the instance was started with',
    zh: '读取监控指标需要有效的令牌',
  },
});
