/**
 * The shell server's half of the trust chain, run on every release before a snapshot is built: the
 * release names the version asked for, its key is the pinned province key, and the province's
 * signature holds over payload v2 rebuilt from the release document as received — so a registry that
 * changed any signed field (contributions, config schema, shared or SDK ranges, kind, title, remote
 * name or entry, asset hashes, capabilities) is refused, not trusted.
 */
import { type ReleaseDocument, releaseDocumentPayloadV2 } from '@cunmen/manifest';
import { isV1Signature, type KeyProvider, verifyRelease } from './trust.js';

export interface Refusal {
  en: string;
  zh: string;
}

/**
 * Why the release may not be used, or null when it verifies. `rawManifest` is the manifest exactly as
 * the registry sent it: the signature covers those bytes, not what parsing made of them.
 */
export async function releaseRefusal(
  keys: KeyProvider,
  asked: { name: string; version: string },
  r: ReleaseDocument,
  rawManifest: Readonly<Record<string, unknown>>,
): Promise<Refusal | null> {
  if (r.name !== asked.name || r.version !== asked.version) {
    return {
      en: `the registry answered with ${r.name}@${r.version} instead`,
      zh: `组件仓库返回的是 ${r.name}@${r.version}`,
    };
  }
  const key = await keys.key(r.keyId);
  if (!key) {
    return {
      en: `signed with key ${r.keyId}, which this shell does not trust (not the pinned province key)`,
      zh: `签名密钥 ${r.keyId} 不受本平台信任（不是固定的省级密钥）`,
    };
  }
  const entryPath = r.remote.entry.startsWith(r.assetBase) ? r.remote.entry.slice(r.assetBase.length) : null;
  if (
    entryPath === null ||
    r.assets[entryPath] === undefined ||
    r.assets[entryPath] !== r.remote.entryIntegrity
  ) {
    return { en: 'its remote entry is not one of the signed assets', zh: '其远程入口不在已签名的资源中' };
  }
  const payload = releaseDocumentPayloadV2({ ...r, manifest: rawManifest });
  if (payload !== null && verifyRelease(key, payload, r.signature)) return null;
  if (isV1Signature(key, r, r.signature)) {
    return {
      en: 'it carries a v1 signature, which does not cover its contributions, config schema or shared ranges; the province must re-approve it as a new version',
      zh: '其签名为旧格式（v1），未覆盖插槽、配置和共享依赖，请省级重新审核新版本后再使用',
    };
  }
  return {
    en: 'the province signature does not match its assets, capabilities and manifest; it will not be loaded',
    zh: '省级签名与其资源和权限不符，或清单被改动，不能加载',
  };
}
