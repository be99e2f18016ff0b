/**
 * Which columns of a table hold names, and which hold ID, phone or account numbers, by their header.
 * Headers are compared after NFKC (full-width to half-width), without spaces (姓　名), surrounding marks
 * (*姓名, 姓名：) and a trailing parenthesis (姓名（户主）).
 */

// biome-ignore format: a list to read
const NAME_HEADERS = new Set([
  '姓名', '名字', '户主', '户主名', '户主姓名', '申请人', '领取人', '领款人', '收款人', '联系人', '户名',
  '开户名', '开户人', '账户名', '账户名称', '帐户名', '帐户名称', '持卡人', '家庭成员', '成员', '监护人',
  '被监护人', '代领人', '受益人', '救助对象', '保障对象', '补助对象', '享受对象', '投诉人', '反映人', '举报人',
  '配偶', 'name', 'fullname',
]);

const NUMBER_HEADER = /身份证|证件号|身份号|手机|电话|联系方式|银行卡|卡号|账号|帐号|存折|银行账户/u;

export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .toLowerCase()
    .replace(/^[*#:、.。-]+|[*#:、.。-]+$/gu, '')
    .replace(/\([^()]*\)$/u, '');
}

/** 姓名, 户主姓名, 申请人, 收款人, 家庭成员 …: masked with `maskName`. */
export function isNameHeader(header: string): boolean {
  const h = normalizeHeader(header);
  return h !== '' && (NAME_HEADERS.has(h) || h.endsWith('姓名') || h.startsWith('姓名'));
}

/** 身份证号, 联系电话, 银行卡号, 账号 …: every digit masked (see `MaskOptions.allDigits`). */
export function isNumberHeader(header: string): boolean {
  return !isNameHeader(header) && NUMBER_HEADER.test(normalizeHeader(header));
}
