/**
 * Copies text for pasting into a WeChat group. The Clipboard API needs a secure context (https, or
 * localhost), and a console served over plain http on the county's intranet has none: there the text is
 * copied the old way, from a selected off-screen text area.
 */
export interface CopyEnvironment {
  clipboard?: Pick<Clipboard, 'writeText'>;
  document: Document;
}

function browser(): CopyEnvironment {
  return { clipboard: globalThis.navigator?.clipboard, document };
}

export async function copyText(text: string, env: CopyEnvironment = browser()): Promise<boolean> {
  if (env.clipboard) {
    try {
      await env.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, page not focused): try the old way below.
    }
  }
  const doc = env.document;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '-1000px';
  doc.body.append(area);
  area.select();
  try {
    return doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
