import { describe, expect, it } from 'vitest';
import { changedFromDefaults, createValidator, formSchema, problemsToErrorSchema } from './form-validator.js';

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    heading: {
      default: '垃圾分类预约',
      description: '页面标题',
      type: 'string',
      minLength: 1,
      maxLength: 20,
    },
    notice: { description: '预约须知（显示在表单上方，可留空）', type: 'string', maxLength: 100 },
    long: {
      description: '一段很长的说明，超过三十个字的说明不当作名称，而是留作填写提示显示在输入框下面',
      type: 'string',
    },
  },
};

describe('the settings form', () => {
  it('labels fields by their short description, keeps long ones as help, and closes the object', () => {
    const out = formSchema(schema) as {
      properties: Record<string, Record<string, unknown>>;
      additionalProperties?: unknown;
    };
    expect(out.properties.heading).toMatchObject({ title: '页面标题' });
    expect(out.properties.heading?.description).toBeUndefined();
    expect(out.properties.long?.title).toBeUndefined();
    expect(out.properties.long?.description).toMatch(/^一段很长/);
    expect(out.additionalProperties).toBe(false);
    expect(out).not.toHaveProperty('$schema');
  });

  it('validates with the server’s Chinese, each error on its field', () => {
    const validator = createValidator({ heading: '垃圾分类预约' });
    const { errors, errorSchema } = validator.validateFormData({ heading: '' }, formSchema(schema));
    expect(errors).toEqual([
      expect.objectContaining({
        property: '.heading',
        message: '不能为空',
        stack: '“页面标题”（heading）：不能为空',
      }),
    ]);
    expect(errorSchema).toEqual({ heading: { __errors: ['不能为空'] } });
    expect(validator.validateFormData({ heading: '仙潭' }, formSchema(schema)).errors).toEqual([]);
  });

  it('puts the server’s problems of this service on their fields, and no other', () => {
    expect(
      problemsToErrorSchema(
        [
          {
            field: 'widgets[2].config.heading',
            message: '“页面标题”（heading）：最多 20 个字（现在是 25 个）',
          },
          { field: 'widgets[2].config.types[1]', message: 'types[1]：最多 10 个字' },
          { field: 'widgets[0].config.heading', message: '别的服务' },
          { field: 'widgets[2].version', message: '版本' },
        ],
        2,
      ),
    ).toEqual({
      heading: { __errors: ['最多 20 个字（现在是 25 个）'] },
      types: { 1: { __errors: ['最多 10 个字'] } },
    });
  });

  it('keeps only the settings that differ from the defaults', () => {
    expect(
      changedFromDefaults(
        { heading: '垃圾分类预约', notice: '放门口', extra: undefined },
        { heading: '垃圾分类预约' },
      ),
    ).toEqual({
      notice: '放门口',
    });
  });
});
