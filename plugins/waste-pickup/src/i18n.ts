/** This widget's own strings; zh-CN first. */
export const messages = {
  'zh-CN': {
    tileSubtitle: '共 {{count}} 条',
    empty: '还没有内容',
    add: '添加',
    itemLabel: '内容',
    itemRequired: '请填写内容',
    added: '已添加',
  },
  en: {
    tileSubtitle: '{{count}} entries',
    empty: 'Nothing here yet',
    add: 'Add',
    itemLabel: 'Entry',
    itemRequired: 'Please enter something',
    added: 'Added',
  },
};
